"""JSON Schema validation (draft 2020-12) whose problems carry the source line."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any, TypeVar

from .problems import ProblemLog
from .timeparse import ParseError
from .yamlio import LineDict, LineList, NotFinite

if TYPE_CHECKING:  # jsonschema is imported on first use: valid data never needs it (see `_fast`)
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError


@cache
def schema(name: str) -> dict[str, Any]:
    """The packaged schema `schemas/<name>.schema.json`."""
    text = resources.files("opsbook").joinpath("schemas", f"{name}.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


@cache
def _validator(name: str) -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema(name))


def line_at(data: Any, path: list[Any] | tuple[Any, ...]) -> int | None:
    """Line of the deepest node on `path` that knows its line."""
    line: int | None = getattr(data, "line", None) or None
    node = data
    for step in path:
        in_dict = isinstance(node, LineDict) and isinstance(step, str) and step in node
        in_list = isinstance(node, LineList) and isinstance(step, int) and 0 <= step < len(node)
        if in_dict or in_list:
            line = node.line_of(step)
            node = node[step]
        else:
            break
    return line


def _extra_keys(error: ValidationError) -> list[str]:
    known = error.schema.get("properties", {})
    instance = error.instance if isinstance(error.instance, dict) else {}
    return [k for k in instance if k not in known]


def _path(error: ValidationError) -> list[Any]:
    """Where the error is; a key refused by `propertyNames` (a service id) is the key itself, so
    its line is the key's and loaders drop exactly that item."""
    path = list(error.absolute_path)
    if "propertyNames" in error.absolute_schema_path and isinstance(error.instance, str):
        path.append(error.instance)
    return path


def _line(data: Any, error: ValidationError) -> int | None:
    """The line of the failing node; for an unknown key, the line of that key."""
    if error.validator == "additionalProperties" and isinstance(error.instance, LineDict):
        extras = _extra_keys(error)
        if extras:
            return error.instance.line_of(extras[0])
    return line_at(data, _path(error))


def _message(error: ValidationError) -> str:
    where = ".".join(str(p) for p in error.absolute_path)
    prefix = f"{where}: " if where else ""
    if error.validator == "enum":
        allowed = ", ".join(str(v) for v in error.validator_value)
        return f"{prefix}{error.instance!r} is not allowed; use one of: {allowed}"
    if error.validator == "additionalProperties":
        allowed = ", ".join(sorted(error.schema.get("properties", {})))
        extras = ", ".join(repr(k) for k in _extra_keys(error))
        return f"{prefix}unknown key {extras}; allowed keys: {allowed}"
    if error.validator == "pattern":
        hint = error.schema.get("description") or f"must match {error.validator_value}"
        return f"{prefix}{error.instance!r} is not allowed; {hint}"
    hint = error.schema.get("description")
    return f"{prefix}{error.message}" + (f" ({hint})" if hint and error.validator != "required" else "")


T = TypeVar("T")


def parsed(
    item: LineDict,
    key: str,
    parse: Callable[[Any], T],
    file: str,
    problems: ProblemLog,
    where: str = "",
    errors: type[ValueError] = ParseError,
) -> T | None:
    """The field `key` of `item` read by `parse` (a date, duration, zone, ...), or None after a
    problem at the field's line that names the field (after `where`) and says what is allowed."""
    try:
        return parse(item[key])
    except errors as exc:
        problems.add(file, item.line_of(key), f"{where}{key}: {exc}")
        return None


class Invalid:
    """The paths that failed validation, so loaders drop exactly the broken items."""

    def __init__(self, paths: list[tuple[Any, ...]]) -> None:
        self.paths = paths

    def __bool__(self) -> bool:
        return bool(self.paths)

    def under(self, *prefix: Any) -> bool:
        """True when an error lies at or below `prefix` (a bad field makes its item unusable)."""
        if not self.paths:  # valid data, the common case: loaders ask once per field
            return False
        return any(path[: len(prefix)] == prefix for path in self.paths)

    def entries(self, raw: Any, *at: Any) -> Iterator[tuple[LineDict, int]]:
        """The mappings of the list `raw` (found at path `at`) that passed validation, each with its
        line; none when `raw` is not a list. The schema named the problem of every other entry."""
        if isinstance(raw, LineList):
            for index, item in enumerate(raw):
                if isinstance(item, LineDict) and not self.under(*at, index):
                    yield item, raw.line_of(index)


# Keywords a compiled draft-07 validator checks exactly as jsonschema checks draft 2020-12 (plus
# annotations). A schema using any other keyword is always validated by jsonschema alone.
_DRAFT7_SAFE = frozenset(
    {
        "$schema",
        "$id",
        "$ref",
        "$comment",
        "title",
        "description",
        "default",
        "examples",
        "type",
        "enum",
        "const",
        "properties",
        "additionalProperties",
        "patternProperties",
        "required",
        "propertyNames",
        "minProperties",
        "maxProperties",
        "items",
        "additionalItems",
        "minItems",
        "maxItems",
        "uniqueItems",
        "contains",
        "minLength",
        "maxLength",
        "pattern",
        "format",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "multipleOf",
        "allOf",
        "anyOf",
        "oneOf",
        "not",
        "if",
        "then",
        "else",
        "dependencies",
        "$defs",
        "definitions",
    }
)
_SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependencies")


def _draft7_safe(node: Any) -> bool:
    if isinstance(node, list):
        return all(_draft7_safe(item) for item in node)
    if not isinstance(node, dict):
        return True
    for key, value in node.items():
        if key not in _DRAFT7_SAFE:
            return False
        if key in _SCHEMA_MAPS and isinstance(value, dict):
            if not all(_draft7_safe(sub) for sub in value.values()):
                return False
        elif key not in ("enum", "const", "examples", "default", "required") and not _draft7_safe(value):
            return False
    return True


@cache
def _fast(name: str) -> Any:
    """A compiled validity test (fastjsonschema), about 20x faster than jsonschema, or None.

    Valid data is the common case; only data it rejects goes through jsonschema, whose errors
    make the messages, so the problems reported never depend on which validator ran.
    """
    try:
        import fastjsonschema
    except ImportError:  # pragma: no cover - declared as a dependency; jsonschema alone still works
        return None
    if not _draft7_safe(schema(name)):
        return None
    try:
        return fastjsonschema.compile(schema(name), use_formats=False)
    except Exception:  # a schema it cannot compile: jsonschema alone
        return None


def check(data: Any, name: str, file: str, problems: ProblemLog) -> Invalid:
    """Validate `data` against schema `name`, log each error with its line, return the bad paths."""
    fast = _fast(name)
    if fast is not None:
        try:
            fast(data)
            return Invalid([])
        except Exception:  # JsonSchemaValueException, or anything odd: let jsonschema judge
            pass
    errors = sorted(_validator(name).iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    for error in errors:
        if not isinstance(error.instance, NotFinite):  # the YAML loader reported it at its line already
            problems.add(file, _line(data, error), _message(error))
    return Invalid([tuple(_path(e)) for e in errors])
