"""YAML and front matter parsing that keeps line numbers and refuses hostile documents.

Mappings load as `LineDict` and sequences as `LineList`; both know the line of each key or item, so
every later problem can name its line. Timestamps stay strings: dates are parsed on purpose by
`opsbook.timeparse`, never guessed by PyYAML (which would hand jsonschema a `date` object).

What a document cannot do (each is a problem at its line, and the rest of the document is kept):
- repeat a key: the first value is kept, the repeat is reported (never a silent winner);
- hold NaN or an infinity (`.nan`, `.inf`, `-.inf`, `1.0e+999`), or an integer beyond any float
  (e.g. 400 digits): the value stays the text it was written as (a `NotFinite` string),
  so no number check downstream ever sees one;
- expand aliases beyond MAX_NODES nodes or `alias_budget(text)` characters (billion laughs, or one
  big anchored string referenced a thousand times): the whole document is refused at that alias.
"""

from __future__ import annotations

import math
from typing import Any, ClassVar

import yaml
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .markdown import split_front, unclosed_front
from .problems import ProblemLog
from .simpleyaml import load_simple
from .yamlvalues import LineDict, LineList, NotFinite

MAX_NODES = 200_000  # nodes that aliases may add to a document once expanded
ALIAS_FACTOR = 10  # aliases may add up to 10x the document's own size in characters ...
ALIAS_FLOOR = 65_536  # ... and at least 64 KiB, so small files may still share values freely


def alias_budget(text: str) -> int:
    """How many characters aliases may add to `text` once expanded (linear in the file's size)."""
    return max(ALIAS_FACTOR * len(text), ALIAS_FLOOR)


class YamlBomb(yaml.YAMLError):
    """Raised when aliases expand a document too far; `problem_mark` is the alias that went over."""

    def __init__(self, message: str, mark: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.problem_mark = mark

    def __str__(self) -> str:
        return self.message


_STR, _MAP, _SEQ, _MERGE, _FLOAT, _INT = (
    f"tag:yaml.org,2002:{t}" for t in ("str", "map", "seq", "merge", "float", "int")
)


class _Checks:
    """What both loaders share: LineDict/LineList construction, the first of duplicate keys, finite
    floats. Problems found while constructing are collected in `found` as (0-based line, message)
    and logged by `load_yaml` only for the loader whose result is used."""

    found: list[tuple[int, str]]
    _own: dict[int, list[tuple[Node, Node]]]

    def _init_checks(self) -> None:
        self.found = []
        self._own = {}  # id(mapping node) -> its own key/value pairs, before `<<` merges are flattened

    def flatten_mapping(self, node: MappingNode) -> None:
        self._own.setdefault(id(node), [(k, v) for k, v in node.value if k.tag != _MERGE])
        yaml.constructor.SafeConstructor.flatten_mapping(self, node)  # type: ignore[arg-type]

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> LineDict:
        self.flatten_mapping(node)
        pairs: list[tuple[Node, Node]] = node.value
        own = {id(k) for k, _ in self._own.get(id(node), pairs)}
        return self._mapping(node, node.value, own, self.construct_object)  # type: ignore[attr-defined]

    def _mapping(self, node: MappingNode, pairs: list[tuple[Node, Node]], own: Any, build: Any) -> LineDict:
        """A LineDict of `pairs`; of two equal keys written in this mapping (`own`) the first wins and
        the second is reported. Keys merged in by `<<` are overridden silently, as YAML says."""
        result = LineDict()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        written: set[str] = set()
        for key_node, value_node in pairs:
            key = build(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key)
            if own is None or id(key_node) in own:
                if key in written:
                    first = result.key_lines.get(key, result.line)
                    self.found.append(
                        (
                            key_node.start_mark.line,
                            f"duplicate key {key!r}: line {first} has it already; the first value is kept, "
                            "remove or rename this one",
                        )
                    )
                    continue
                written.add(key)
            result[key] = build(value_node, deep=True)
            result.key_lines[key] = key_node.start_mark.line + 1
        return result

    def construct_sequence(self, node: SequenceNode, deep: bool = False) -> LineList:
        result = LineList(self.construct_object(child, deep=True) for child in node.value)  # type: ignore[attr-defined]
        result.line = node.start_mark.line + 1
        result.item_lines = [child.start_mark.line + 1 for child in node.value]
        return result

    def construct_finite_float(self, node: ScalarNode) -> float | str:
        value = yaml.constructor.SafeConstructor.construct_yaml_float(self, node)  # type: ignore[arg-type]
        if math.isfinite(value):
            return float(value)
        self.found.append(
            (
                node.start_mark.line,
                f"{node.value!r} is not allowed: NaN and infinities are not numbers opsbook can use; "
                "write a finite number",
            )
        )
        return NotFinite(node.value)

    def construct_bounded_int(self, node: ScalarNode) -> int | str:
        """An integer, unless it lies beyond any float (like an infinity; int() may not even convert
        its digits, and str() of it could fail later): then it is reported and kept as text."""
        try:
            value = int(yaml.constructor.SafeConstructor.construct_yaml_int(self, node))  # type: ignore[arg-type]
            if value.bit_length() <= 1023:
                return value
        except ValueError:  # more than 4,300 decimal digits
            pass
        shown = node.value if len(node.value) <= 40 else f"{node.value[:20]}...{node.value[-10:]}"
        self.found.append(
            (
                node.start_mark.line,
                f"{shown!r} ({len(node.value):,} characters) is too large to be a number opsbook can use; "
                "write a number within range",
            )
        )
        return NotFinite(node.value)


class _BoundedComposer(yaml.composer.Composer):
    """PyYAML's composer, counting what each alias adds once expanded; over the budget it stops at
    that alias. Every node's expanded size is computed once, when it is complete: linear time."""

    def _init_bounds(self, budget: int) -> None:
        yaml.composer.Composer.__init__(self)
        self._sizes: dict[int, tuple[int, int]] = {}  # id(node) -> (nodes, characters), expanded
        self._added = [0, 0]  # what aliases added so far: nodes, characters
        self._budget = budget

    def compose_node(self, parent: Node | None, index: Any) -> Node:
        if self.check_event(AliasEvent):  # type: ignore[attr-defined]
            mark = self.peek_event().start_mark  # type: ignore[attr-defined]
            node: Node = super().compose_node(parent, index)  # type: ignore[assignment]
            size = self._sizes.get(id(node))
            if size is None:
                raise YamlBomb("an alias refers to its own anchor (recursive YAML); write the data out", mark)
            self._added[0] += size[0]
            self._added[1] += size[1]
            if self._added[0] > MAX_NODES:
                raise YamlBomb(
                    f"aliases expand to more than {MAX_NODES:,} nodes; refusing a possible alias bomb "
                    "(write the values out, or use fewer aliases)",
                    mark,
                )
            if self._added[1] > self._budget:
                raise YamlBomb(
                    f"aliases expand this document by more than {self._budget:,} characters "
                    f"({ALIAS_FACTOR} times its size, at least {ALIAS_FLOOR:,}); refusing a possible alias "
                    "bomb (write the values out, or use fewer aliases)",
                    mark,
                )
            return node
        node = super().compose_node(parent, index)  # type: ignore[assignment]
        if isinstance(node, ScalarNode):
            self._sizes[id(node)] = (1, len(node.value) + 1)
        else:
            children = [c for pair in node.value for c in pair] if isinstance(node, MappingNode) else node.value
            sizes = [self._sizes[id(c)] for c in children]
            self._sizes[id(node)] = (1 + sum(s[0] for s in sizes), 1 + sum(s[1] for s in sizes))
        return node


try:  # libyaml's parser, shipped in PyYAML's wheels
    from yaml import cyaml as _cyaml

    CParser: Any = getattr(_cyaml, "CParser", None)
except ImportError:  # pragma: no cover - a PyYAML built without libyaml
    CParser = None


class _PyParser(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):
    """PyYAML's pure-Python parser, for a PyYAML built without libyaml."""

    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)


_Parser: Any = CParser or _PyParser


class _Loader(  # type: ignore[misc]
    _Checks,
    _BoundedComposer,
    _Parser,
    yaml.constructor.SafeConstructor,
    yaml.resolver.Resolver,
):
    """The guarded loader: libyaml's events, composed in Python so every alias is counted where it
    is written. Reads every text with anchors (`&`) and re-reads any text the fast loader refused,
    so messages never depend on which loader ran first."""

    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        self._init_bounds(alias_budget(stream))
        yaml.constructor.SafeConstructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)
        self._init_checks()


def _construct_map(loader: _Loader, node: MappingNode) -> LineDict:
    return loader.construct_mapping(node, deep=True)


def _construct_seq(loader: _Loader, node: SequenceNode) -> LineList:
    return loader.construct_sequence(node, deep=True)


def _construct_str(loader: _Loader, node: ScalarNode) -> str:
    return str(loader.construct_scalar(node))


def _construct_float(loader: _Loader, node: ScalarNode) -> float | str:
    return loader.construct_finite_float(node)


def _construct_int(loader: _Loader, node: ScalarNode) -> int | str:
    return loader.construct_bounded_int(node)


_Loader.add_constructor(_MAP, _construct_map)  # type: ignore[arg-type]
_Loader.add_constructor(_SEQ, _construct_seq)  # type: ignore[arg-type]
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_str)  # type: ignore[arg-type]
_Loader.add_constructor(_FLOAT, _construct_float)  # type: ignore[arg-type]
_Loader.add_constructor(_INT, _construct_int)  # type: ignore[arg-type]


class _FastLoader(  # type: ignore[misc]
    _Checks,
    _Parser,
    yaml.constructor.SafeConstructor,
    yaml.resolver.Resolver,
):
    """The same loader on libyaml's parser and composer, about ten times faster (what keeps
    `opsbook check` of thousands of files fast). Used only for text without anchors (`&`): aliases
    and their limits stay with `_Loader`, and any error is re-read by `_Loader`."""

    def __init__(self, stream: str) -> None:
        CParser.__init__(self, stream)
        yaml.constructor.SafeConstructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)
        self._init_checks()

    # Implicit tags of short scalars, by text: the same keys and values (`status: open`) recur in
    # every file, and PyYAML tries a chain of regular expressions on each. The tag depends only on
    # the text and on whether it was plain or quoted (this loader has no path resolvers).
    _resolved: ClassVar[dict[tuple[str, Any], str]] = {}

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is not ScalarNode or len(value) > 64:
            return str(yaml.resolver.Resolver.resolve(self, kind, value, implicit))
        key = (value, implicit)
        tag = self._resolved.get(key)
        if tag is None:
            tag = str(yaml.resolver.Resolver.resolve(self, kind, value, implicit))
            if len(self._resolved) < 50_000:
                self._resolved[key] = tag
        return tag

    # Without anchors there are no aliases to expand: no size to count.
    def get_single_data(self) -> Any:
        node = self.get_single_node()
        return None if node is None else self._build(node)

    def get_data(self) -> Any:
        return self._build(self.get_node())

    def _build(self, node: Node, deep: bool = True) -> Any:
        """The document's value: a direct walk for plain maps, lists and strings (the bulk of every
        source), PyYAML's constructors for every other tag and for merge keys (`<<`)."""
        tag = node.tag
        if tag == _STR:
            return node.value
        if isinstance(node, MappingNode) and tag == _MAP and not any(k.tag == _MERGE for k, _ in node.value):
            return self._mapping(node, node.value, None, self._build)
        if tag == _SEQ:
            items = LineList(self._build(child) for child in node.value)
            items.line = node.start_mark.line + 1
            items.item_lines = [child.start_mark.line + 1 for child in node.value]
            return items
        return self.construct_document(node)


_FastLoader.yaml_constructors = dict(_Loader.yaml_constructors)
_FAST = CParser is not None


def _loaders(text: str) -> tuple[type[Any], ...]:
    """Loaders to try in order: libyaml first when it can be used, the guarded one always."""
    return (_FastLoader, _Loader) if _FAST and "&" not in text else (_Loader,)


def _error_line(exc: yaml.YAMLError, offset: int) -> int | None:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return mark.line + 1 + offset if mark is not None else None


def _describe(exc: yaml.YAMLError) -> str:
    if isinstance(exc, YamlBomb):
        return str(exc)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return f"YAML syntax error: {problem}; fix the YAML (indentation, quoting, ':' after keys)"


def _log_found(loader: _Checks, name: str, problems: ProblemLog, offset: int) -> None:
    """The duplicate keys and non-finite numbers of a document that loaded, at their lines."""
    for line, message in loader.found:
        problems.add(name, line + 1 + offset, message)


def load_yaml(text: str, name: str, problems: ProblemLog, line_offset: int = 0) -> Any:
    """Parse one YAML document; on error log a problem with its line and return None."""
    simple = load_simple(text)  # most front matter: no PyYAML node objects at all
    if simple is not None:
        return simple
    for cls in _loaders(text):
        try:
            loader = cls(text)
            try:
                data = loader.get_single_data()
            finally:
                loader.dispose()
            _log_found(loader, name, problems, line_offset)
            return data
        except yaml.YAMLError as exc:
            if cls is _Loader:
                problems.add(name, _error_line(exc, line_offset), _describe(exc))
        except RecursionError:
            if cls is _Loader:
                problems.add(name, None, "YAML nesting is too deep")
    return None


def load_yaml_all(text: str, name: str, problems: ProblemLog) -> list[Any]:
    """Parse a multi-document stream; a broken document is logged and the rest are kept."""
    simple = load_simple(text)  # a simple mapping has no `---` line: the stream's one document
    if simple is not None:
        return [simple]
    for cls in _loaders(text):
        docs: list[Any] = []
        loader = None
        try:
            loader = cls(text)
            try:
                while loader.check_data():
                    docs.append(loader.get_data())
            finally:
                loader.dispose()
            _log_found(loader, name, problems, 0)
            return docs
        except yaml.YAMLError as exc:
            if cls is _Loader:
                if loader is not None:  # what the documents before the broken one had
                    _log_found(loader, name, problems, 0)
                problems.add(name, _error_line(exc, 0), _describe(exc))
        except RecursionError:
            if cls is _Loader:
                problems.add(name, None, "YAML nesting is too deep")
    return docs


def split_front_matter(text: str, name: str, problems: ProblemLog) -> tuple[LineDict, str, int]:
    """Split Markdown into (front matter, body, line of the body's first line).

    A file without front matter yields an empty LineDict; front matter that is not a mapping is a
    problem and yields an empty LineDict too, so the body is still used.
    """
    front, body, body_line = split_front(text)
    if front is None:
        if unclosed_front(text):  # its fields would silently become body text
            problems.add(name, 1, "front matter opened by `---` on line 1 is never closed; end it with a `---` line")
        empty = LineDict()
        empty.line, empty.key_lines = 1, {}
        return empty, text, 1
    # A blank first line stands for the opening `---`, so every line the parser reports is a file line.
    data = load_yaml("\n" + front, name, problems)
    if data is None:
        data = LineDict()
        data.line, data.key_lines = 1, {}
    elif not isinstance(data, LineDict):
        problems.add(name, 2, "front matter must be a mapping of keys to values")
        data = LineDict()
        data.line, data.key_lines = 1, {}
    return data, body, body_line
