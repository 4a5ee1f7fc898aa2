"""YAML and front matter parsing that keeps line numbers and refuses hostile documents.

Mappings load as `LineDict` and sequences as `LineList`; both know the line of each key or item, so
every later problem can name its line. Timestamps stay strings: dates are parsed on purpose by
`opsbook.timeparse`, never guessed by PyYAML (which would hand jsonschema a `date` object).
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .problems import ProblemLog

MAX_NODES = 200_000  # nodes of the document once every alias is expanded


class LineDict(dict[str, Any]):
    """A mapping that remembers its own line and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line) if hasattr(self, "key_lines") else self.line


class LineList(list[Any]):
    """A sequence that remembers its own line and the line of each item (1-based)."""

    line: int = 0
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        lines = getattr(self, "item_lines", [])
        return lines[index] if 0 <= index < len(lines) else self.line


class YamlBomb(yaml.YAMLError):
    """Raised when a document expands too many aliases or nodes."""


# libyaml's parser when available (an order of magnitude faster); the checks below work on both.
_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc]
    """SafeLoader with line numbers, string timestamps and bounded alias expansion."""

    def get_single_data(self) -> Any:
        node = self.get_single_node()
        if node is None:
            return None
        _check_expanded_size(node)
        return self.construct_document(node)

    def get_data(self) -> Any:
        node = self.get_node()
        _check_expanded_size(node)
        return self.construct_document(node)

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> LineDict:  # type: ignore[override]
        self.flatten_mapping(node)
        result = LineDict()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key)
            result[key] = self.construct_object(value_node, deep=True)
            result.key_lines[key] = key_node.start_mark.line + 1
        return result

    def construct_sequence(self, node: SequenceNode, deep: bool = False) -> LineList:  # type: ignore[override]
        result = LineList(self.construct_object(child, deep=True) for child in node.value)
        result.line = node.start_mark.line + 1
        result.item_lines = [child.start_mark.line + 1 for child in node.value]
        return result


def _check_expanded_size(root: Node) -> None:
    """Refuse documents whose aliases expand to more than MAX_NODES nodes (billion laughs).

    PyYAML shares aliased objects, but anything that walks the result (validation, JSON) would
    expand them; sizes are memoised per node, so this check is linear in the written document.
    """
    sizes: dict[int, int] = {}

    def size(node: Node) -> int:
        key = id(node)
        if key in sizes:
            if sizes[key] < 0:
                raise YamlBomb("an alias refers to its own anchor (recursive YAML); write the data out")
            return sizes[key]
        sizes[key] = -1  # in progress: meeting it again below means recursion
        total = 1
        if isinstance(node, SequenceNode):
            total += sum(size(child) for child in node.value)
        elif isinstance(node, MappingNode):
            total += sum(size(k) + size(v) for k, v in node.value)
        if total > MAX_NODES:
            raise YamlBomb(f"aliases expand to more than {MAX_NODES:,} nodes; refusing a possible alias bomb")
        sizes[key] = total
        return total

    size(root)


def _construct_map(loader: _Loader, node: MappingNode) -> LineDict:
    return loader.construct_mapping(node, deep=True)


def _construct_seq(loader: _Loader, node: SequenceNode) -> LineList:
    return loader.construct_sequence(node, deep=True)


def _construct_str(loader: _Loader, node: ScalarNode) -> str:
    return str(loader.construct_scalar(node))


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_map)  # type: ignore[arg-type]
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)  # type: ignore[arg-type]
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_str)  # type: ignore[arg-type]


try:  # libyaml's parser, shipped in PyYAML's wheels
    from yaml import cyaml as _cyaml

    CParser: Any = getattr(_cyaml, "CParser", None)
except ImportError:  # pragma: no cover - a PyYAML built without libyaml
    CParser = None


class _FastLoader(
    CParser or yaml.parser.Parser,  # type: ignore[misc]
    yaml.constructor.SafeConstructor,
    yaml.resolver.Resolver,
):
    """The same loader on libyaml's parser, about ten times faster (what keeps `opsbook check` of
    thousands of files fast). Used only for text without anchors (`&`): aliases and their limits
    stay with `_Loader`, and any error is re-read by `_Loader` so messages never differ."""

    def __init__(self, stream: str) -> None:
        CParser.__init__(self, stream)
        yaml.constructor.SafeConstructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)

    # Without anchors there are no aliases to expand: the size check of _Loader is not needed.
    def get_single_data(self) -> Any:
        node = self.get_single_node()
        return None if node is None else self._build(node)

    def get_data(self) -> Any:
        return self._build(self.get_node())

    def _build(self, node: Node) -> Any:
        """The document's value: a direct walk for plain maps, lists and strings (the bulk of every
        source), PyYAML's constructors for every other tag and for merge keys (`<<`)."""
        tag = node.tag
        if tag == _STR:
            return node.value
        if tag == _MAP and not any(k.tag == _MERGE for k, _ in node.value):
            result = LineDict()
            result.line = node.start_mark.line + 1
            result.key_lines = {}
            for key_node, value_node in node.value:
                key = self._build(key_node)
                if not isinstance(key, str):
                    key = str(key)
                result[key] = self._build(value_node)
                result.key_lines[key] = key_node.start_mark.line + 1
            return result
        if tag == _SEQ:
            items = LineList(self._build(child) for child in node.value)
            items.line = node.start_mark.line + 1
            items.item_lines = [child.start_mark.line + 1 for child in node.value]
            return items
        return self.construct_document(node)

    construct_mapping = _Loader.construct_mapping  # type: ignore[assignment]
    construct_sequence = _Loader.construct_sequence  # type: ignore[assignment]


_FastLoader.yaml_constructors = dict(_Loader.yaml_constructors)
_STR, _MAP, _SEQ, _MERGE = (f"tag:yaml.org,2002:{t}" for t in ("str", "map", "seq", "merge"))
_FAST = CParser is not None


def _loaders(text: str) -> tuple[type[Any], ...]:
    """Loaders to try in order: libyaml first when it can be used, the pure-Python one always."""
    return (_FastLoader, _Loader) if _FAST and "&" not in text else (_Loader,)


def _error_line(exc: yaml.YAMLError, offset: int) -> int | None:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return mark.line + 1 + offset if mark is not None else None


def _describe(exc: yaml.YAMLError) -> str:
    if isinstance(exc, YamlBomb):
        return str(exc)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return f"YAML syntax error: {problem}; fix the YAML (indentation, quoting, ':' after keys)"


def load_yaml(text: str, name: str, problems: ProblemLog, line_offset: int = 0) -> Any:
    """Parse one YAML document; on error log a problem with its line and return None."""
    for cls in _loaders(text):
        try:
            loader = cls(text)
            try:
                return loader.get_single_data()
            finally:
                loader.dispose()
        except yaml.YAMLError as exc:
            if cls is _Loader:
                problems.add(name, _error_line(exc, line_offset), _describe(exc))
        except RecursionError:
            if cls is _Loader:
                problems.add(name, None, "YAML nesting is too deep")
    return None


def load_yaml_all(text: str, name: str, problems: ProblemLog) -> list[Any]:
    """Parse a multi-document stream; a broken document is logged and the rest are kept."""
    for cls in _loaders(text):
        docs: list[Any] = []
        try:
            loader = cls(text)
            try:
                while loader.check_data():
                    docs.append(loader.get_data())
            finally:
                loader.dispose()
            return docs
        except yaml.YAMLError as exc:
            if cls is _Loader:
                problems.add(name, _error_line(exc, 0), _describe(exc))
        except RecursionError:
            if cls is _Loader:
                problems.add(name, None, "YAML nesting is too deep")
    return docs


_UNCLOSED = re.compile(r"\A---[ \t]*\n[A-Za-z_][\w-]*[ \t]*:")  # `---` then a `key:` line
_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def split_front_matter(text: str, name: str, problems: ProblemLog) -> tuple[LineDict, str, int]:
    """Split Markdown into (front matter, body, line of the body's first line).

    A file without front matter yields an empty LineDict; front matter that is not a mapping is a
    problem and yields an empty LineDict too, so the body is still used.
    """
    match = _FRONT.match(text)
    if not match:
        if _UNCLOSED.match(text):  # its fields would silently become body text
            problems.add(name, 1, "front matter opened by `---` on line 1 is never closed; end it with a `---` line")
        empty = LineDict()
        empty.line, empty.key_lines = 1, {}
        return empty, text, 1
    body_line = text[: match.end()].count("\n") + 1
    # A blank first line stands for the opening `---`, so every line the parser reports is a file line.
    data = load_yaml("\n" + (match.group(1) or ""), name, problems)
    if data is None:
        data = LineDict()
        data.line, data.key_lines = 1, {}
    elif not isinstance(data, LineDict):
        problems.add(name, 2, "front matter must be a mapping of keys to values")
        data = LineDict()
        data.line, data.key_lines = 1, {}
    return data, text[match.end() :], body_line
