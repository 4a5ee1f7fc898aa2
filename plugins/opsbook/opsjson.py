"""`ops.json`: every item in normalised form plus every derived figure, for scripts and dashboards.

Its JSON Schema is `schemas/ops.schema.json`. Each kind contributes one top-level key; keys of
kinds without sources are present and empty, and `problems` is always present.
"""

from __future__ import annotations

import json
from typing import Any

from .handbook import Handbook
from .kinds import KINDS
from .pages import GeneratedAsset

SCHEMA_VERSION = 1


def build(hb: Handbook) -> dict[str, Any]:
    """The ops.json document as a dict: every kind's part, then the build's findings and problems."""
    document: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "as_of": hb.as_of.isoformat().replace("+00:00", "Z"),
    }
    for kind in KINDS:
        if kind.export is not None:
            document.update(kind.export(hb))
    return {
        **document,
        "findings": [f.to_json() for f in hb.findings],
        "problems": [p.to_json() for p in hb.problems],
        "changes": hb.changes.to_json() if hb.changes is not None else None,
        "notes": [n.to_json() for n in hb.notes],
    }


def dumps(document: dict[str, Any]) -> str:
    """Deterministic JSON (sorted keys) so rebuilds are byte-identical; strict JSON: NaN and infinity
    never get this far (the loaders refuse them), and `allow_nan=False` makes sure none is written.
    Without indentation: then the C encoder writes it, 4x faster and without the pure-Python encoder's
    list of a million fragments (11 MB of peak memory at 1,000 incidents); `jq .` pretty-prints it."""
    return json.dumps(document, sort_keys=True, ensure_ascii=False, allow_nan=False) + "\n"


def asset(hb: Handbook) -> GeneratedAsset:
    return GeneratedAsset("ops.json", dumps(build(hb)).encode("utf-8"))
