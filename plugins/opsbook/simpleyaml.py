"""A reader of simple YAML mappings, the shape almost every front matter has, without PyYAML's
composer (which builds a Python node object per scalar: most of the time of `opsbook check`).

`load_simple(text)` returns what `yamlio.load_yaml(text)` returns, lines included, or None when the
text is not simple; the caller then reads it with PyYAML. Simple means:
- one block mapping at column 0 whose keys are plain words (`id`, `follow_ups`, `last reviewed`);
- values that are single-line scalars (plain, 'single' or "double" quoted without `\\` escapes),
  flow collections on one line (`[a, b]`, `{k: v}`, nested), or nested block mappings and sequences
  (`- item`, `- key: value`);
- comments, blank lines; only spaces and `\\n` as whitespace and line break.

Anything else (anchors and aliases, tags, block scalars `|` `>`, multi-line scalars, tabs, `\\r`,
a BOM, control characters, `? ` keys, merge keys, a repeated key, a number that is not a plain
decimal, directives and document markers, and every syntax error) makes it give up: the problems
and messages stay PyYAML's.
"""

from __future__ import annotations

import re
from typing import Any

from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from .yamlvalues import LineDict, LineList

_STR, _NULL, _BOOL, _INT, _FLOAT, _TIMESTAMP = (
    f"tag:yaml.org,2002:{t}" for t in ("str", "null", "bool", "int", "float", "timestamp")
)
# The first characters of every implicit type but text (PyYAML's resolvers are chosen by the
# first character): bool, float, int, merge, null, timestamp, value.
_TYPED_FIRST = frozenset("yYnNtTfFoO-+.0123456789<~=")
_DIGITS = frozenset("0123456789")
# A digit then `-` at the fifth character (`2026-11-04...`): no int or float has a `-` there
# (only as a sign, or after an exponent's `e`), so it is a timestamp or text, both kept as text.
_DATE_LIKE = frozenset(f"{d}-" for d in "0123456789")
_BOOLS = {"yes": True, "no": False, "true": True, "false": False, "on": True, "off": False}
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_./-]*(?: [A-Za-z0-9_./-]+)*):(?: +|$)")
_DECIMAL = re.compile(r"-?(?:0|[1-9][0-9]*)")
_FLOAT_TEXT = re.compile(r"-?(?:0|[1-9][0-9]*)\.[0-9]+")
_MARKERS = ("---", "...", "%")  # document markers and directives, at the start of a line
_PLAIN_START = frozenset("-?:,[]{}#&*!|>'\"%@`")
_FLOW_END = frozenset(",]}")
_resolver = Resolver()
# The same short texts recur in every file (`status: open`): their values (all immutable) and the keys
# known to read as text are remembered, instead of trying PyYAML's chain of patterns on each again.
_plain_values: dict[str, Any] = {}
_str_keys: set[str] = set()
_rest_values: dict[str, Any] = {}  # the same for the whole rest of a line holding a plain scalar
_UNSET = object()


def forget() -> None:
    """Let the remembered values go (a build's peak memory: see memory.py); they are found again."""
    _plain_values.clear()
    _str_keys.clear()
    _rest_values.clear()


class NotSimple(Exception):
    """The text is outside the simple subset: read it with PyYAML."""


def load_simple(text: str) -> LineDict | None:
    """The mapping `text` holds, as PyYAML reads it, or None when `text` is not simple YAML."""
    if text.startswith(_MARKERS) or "\n---" in text or "\n..." in text or "\n%" in text:
        return None
    lines: list[tuple[int, int, str]] = []  # (1-based line, indent, content) of lines that hold something
    for number, raw in enumerate(text.split("\n"), 1):
        if not raw.isprintable():
            return None  # tabs, \r, \x85, U+2028/9, a BOM, control characters (and a few YAML allows)
        content = raw.lstrip(" ")
        if content and content[0] != "#":
            lines.append((number, len(raw) - len(content), content.rstrip(" ")))
    if not lines or lines[0][1] != 0:
        return None
    try:
        result, end = _Block(lines).mapping(0, 0)
    except NotSimple:
        return None
    return result if end == len(lines) else None


class _Block:
    """Block structure by indentation over the lines that hold something."""

    def __init__(self, lines: list[tuple[int, int, str]]) -> None:
        self.lines = lines

    def mapping(self, i: int, indent: int, first: str | None = None) -> tuple[LineDict, int]:
        """The block mapping at `indent` from line `i` (whose content is `first` when it follows `- `)."""
        lines = self.lines
        result = LineDict()
        result.line = lines[i][0]
        key_lines: dict[str, int] = {}
        result.key_lines = key_lines
        end = len(lines)
        while i < end:
            number, at, content = lines[i]
            if first is not None:
                content, first = first, None
            elif at != indent:
                if at > indent:
                    raise NotSimple
                break
            elif content[0] == "-" and (len(content) == 1 or content[1] == " "):
                break  # a sequence entry: the end of this mapping
            match = _KEY.match(content)
            if match is None:
                raise NotSimple
            key = match.group(1)
            if key in key_lines or (key not in _str_keys and not _is_str_key(key)):
                raise NotSimple
            rest = content[match.end() :]
            i += 1
            if rest and rest[0] != "#":
                value = _rest_values.get(rest, _UNSET)
                result[key] = _value(rest, number) if value is _UNSET else value
            elif i < end and lines[i][1] > indent:
                result[key], i = self.block(i, lines[i][1])
            elif i < end and lines[i][1] == indent and _is_entry(lines[i][2]):
                result[key], i = self.sequence(i, indent)  # an indentless sequence
            else:
                result[key] = None
            key_lines[key] = number
        return result, i

    def block(self, i: int, indent: int) -> tuple[Any, int]:
        return self.sequence(i, indent) if _is_entry(self.lines[i][2]) else self.mapping(i, indent)

    def sequence(self, i: int, indent: int) -> tuple[LineList, int]:
        lines = self.lines
        result = LineList()
        result.line = lines[i][0]
        item_lines: list[int] = []
        result.item_lines = item_lines
        while i < len(lines):
            number, at, content = lines[i]
            if at != indent or not _is_entry(content):
                if at > indent:
                    raise NotSimple
                break
            rest = content[1:].lstrip(" ")
            if not rest or rest[0] == "#" or _is_entry(rest):
                raise NotSimple  # a nested block on the next line, or `- - x`
            if _KEY.match(rest):
                item, i = self.mapping(i, at + len(content) - len(rest), rest)
            else:
                item = _value(rest, number)
                i += 1
            result.append(item)
            item_lines.append(number)
        return result, i


def _is_entry(content: str) -> bool:
    return content[0] == "-" and (len(content) == 1 or content[1] == " ")


def _tag(plain: str) -> str:
    return str(_resolver.resolve(ScalarNode, plain, (True, False)))


def _is_str_key(key: str) -> bool:
    """Whether a key reads as text (`yes:`, `null:` and `on:` do not)."""
    if _tag(key) != _STR:
        return False
    if len(_str_keys) < 10_000:
        _str_keys.add(key)
    return True


def _scalar(plain: str) -> Any:
    """A plain scalar's value as opsbook's PyYAML loader builds it (timestamps stay text)."""
    value: Any
    value = _plain_values.get(plain, _UNSET)
    if value is not _UNSET:
        return value
    if plain and (plain[0] not in _TYPED_FIRST or (plain[0] in _DIGITS and plain[3:5] in _DATE_LIKE)):
        return plain  # text, or a date or timestamp (kept as text): unique values, not remembered
    tag = _tag(plain)
    if tag in (_STR, _TIMESTAMP):
        value = plain
    elif tag == _NULL:
        value = None
    elif tag == _BOOL:
        value = _BOOLS[plain.lower()]
    elif tag == _INT and _DECIMAL.fullmatch(plain) and len(plain) < 300:
        value = int(plain)
    elif tag == _FLOAT and _FLOAT_TEXT.fullmatch(plain) and len(plain) < 300:
        value = float(plain)
    else:
        raise NotSimple  # octal, hexadecimal, sexagesimal, exponents, infinities, `=`, `<<`
    if len(_plain_values) < 50_000 and len(plain) <= 64:
        _plain_values[plain] = value
    return value


def _value(rest: str, line: int) -> Any:
    """The value written on the rest of a line (after `key: ` or `- `), comment allowed after it."""
    first = rest[0]
    if first in "[{'\"":
        value, end = _Flow(rest, line).node(0)
        tail = rest[end:]
        if tail and (tail[0] != " " or tail.lstrip(" ")[:1] != "#"):
            raise NotSimple
        return value
    if first in _PLAIN_START:
        raise NotSimple
    cut = rest.find(" #")
    plain = rest if cut < 0 else rest[:cut].rstrip(" ")
    if ": " in plain or plain.endswith(":"):
        raise NotSimple
    value = _scalar(plain)
    if len(_rest_values) < 50_000 and len(rest) <= 200:
        _rest_values[rest] = value
    return value


class _Flow:
    """One flow collection or quoted scalar on a single line."""

    def __init__(self, text: str, line: int) -> None:
        self.text = text
        self.line = line

    def skip(self, at: int) -> int:
        while at < len(self.text) and self.text[at] == " ":
            at += 1
        return at

    def node(self, at: int) -> tuple[Any, int]:
        text = self.text
        if at >= len(text):
            raise NotSimple
        first = text[at]
        if first == "[":
            return self.sequence(at + 1)
        if first == "{":
            return self.mapping(at + 1)
        if first == "'":
            return _single_quoted(text, at)
        if first == '"':
            return _double_quoted(text, at)
        if first in _PLAIN_START:
            raise NotSimple
        end = at
        while end < len(text) and text[end] not in ",[]{}:#'\"":
            end += 1
        if end < len(text) and text[end] not in _FLOW_END:
            raise NotSimple
        return _scalar(text[at:end].rstrip(" ")), end

    def sequence(self, at: int) -> tuple[LineList, int]:
        result = LineList()
        result.line = self.line
        result.item_lines = []
        at = self.skip(at)
        if at < len(self.text) and self.text[at] == "]":
            return result, at + 1
        while True:
            item, at = self.node(at)
            result.append(item)
            result.item_lines.append(self.line)
            at = self.skip(at)
            if at >= len(self.text):
                raise NotSimple
            if self.text[at] == "]":
                return result, at + 1
            if self.text[at] != ",":
                raise NotSimple
            at = self.skip(at + 1)

    def mapping(self, at: int) -> tuple[LineDict, int]:
        text = self.text
        result = LineDict()
        result.line = self.line
        result.key_lines = {}
        at = self.skip(at)
        if at < len(text) and text[at] == "}":
            return result, at + 1
        while True:
            match = _KEY.match(text, at)
            if match is None or match.end() == len(text):
                raise NotSimple
            key = match.group(1)
            if key in result or (key not in _str_keys and not _is_str_key(key)):
                raise NotSimple
            value, at = self.node(match.end())
            result[key] = value
            result.key_lines[key] = self.line
            at = self.skip(at)
            if at >= len(text):
                raise NotSimple
            if text[at] == "}":
                return result, at + 1
            if text[at] != ",":
                raise NotSimple
            at = self.skip(at + 1)


def _single_quoted(text: str, at: int) -> tuple[str, int]:
    parts: list[str] = []
    start = at + 1
    while True:
        end = text.find("'", start)
        if end < 0:
            raise NotSimple  # continues on the next line
        parts.append(text[start:end])
        if text.startswith("''", end):
            parts.append("'")
            start = end + 2
            continue
        return "".join(parts), end + 1


def _double_quoted(text: str, at: int) -> tuple[str, int]:
    end = text.find('"', at + 1)
    if end < 0 or "\\" in text[at + 1 : end]:
        raise NotSimple  # escapes, or continues on the next line
    return text[at + 1 : end], end + 1
