"""Helpers every kind shares: site URLs of pages, ISO dates, records and findings for ops.json."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    from .handbook import Handbook
    from .problems import Finding


def page_url(page: str) -> str:
    """The URL of a site page path relative to the site root, as MkDocs serves it with directory
    URLs: `a/b.md` -> `a/b/`, `a/index.md` or `a/README.md` -> `a/`, `a/b.md#x` -> `a/b/#x`."""
    path, _, anchor = page.partition("#")
    stem = path.removesuffix(".md") if path.endswith(".md") else None
    if stem is None:
        url = path
    elif stem in ("index", "README"):
        url = ""
    elif stem.endswith(("/index", "/README")):
        url = stem.rsplit("/", 1)[0] + "/"
    else:
        url = stem + "/"
    return url + (f"#{anchor}" if anchor else "")


def iso(value: date | datetime | None) -> str | None:
    """A date or timestamp as ops.json writes it: ISO 8601, UTC as `Z`; None stays None."""
    return None if value is None else value.isoformat().replace("+00:00", "Z")


@runtime_checkable
class ToJson(Protocol):
    """A value that knows its ops.json form (findings, check results)."""

    def to_json(self) -> Any: ...


def json_value(value: object) -> Any:
    """A field's value as ops.json writes it: tuples as lists, dates and timestamps as `iso`,
    anything with a `to_json` (findings, check results) through it; other values as they are."""
    if isinstance(value, tuple):
        return [json_value(v) for v in value]
    if isinstance(value, date | datetime):
        return iso(value)
    return value.to_json() if isinstance(value, ToJson) else value


def fields_json(record: object, *names: str) -> dict[str, Any]:
    """The named fields of a record, in that order, as ops.json writes them (`json_value`): the
    one place that spells out how a plain field becomes JSON, so item exporters list names only."""
    return {name: json_value(getattr(record, name)) for name in names}


def findings_by(hb: Handbook, key: Callable[[Finding], str | None]) -> dict[str, list[dict[str, object]]]:
    """The handbook's findings as ops.json item findings, grouped by `key` (e.g. the finding's url)."""
    grouped: dict[str, list[dict[str, object]]] = {}
    for f in hb.findings:
        if (k := key(f)) is not None:
            grouped.setdefault(k, []).append({"kind": f.kind, "message": f.message})
    return grouped
