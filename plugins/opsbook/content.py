"""Content shipped with opsbook as YAML (`content/*.yml`): the built-in rubric, the default roles,
the required runbook sections, the alert policy and the SLI words.

Each file is validated against its schema in `schemas/content/` when it is read; a handbook
overrides them as before (ops/maturity.yml, the team file's `roles`).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import yaml

from .validate import _draft7_safe

# libyaml when PyYAML has it: shipped content is trusted, and read at every start.
_SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def load(name: str) -> Any:
    """`content/<name>.yml`, checked against `schemas/content/<name>.schema.json`."""
    package = resources.files("opsbook")
    data = yaml.load(package.joinpath(f"content/{name}.yml").read_text("utf-8"), Loader=_SAFE_LOADER)
    schema = json.loads(package.joinpath(f"schemas/content/{name}.schema.json").read_text("utf-8"))
    check(data, schema)  # shipped content: a failure is a packaging bug, not bad input
    return data


def check(data: Any, schema: dict[str, Any]) -> None:
    """Raise when `data` breaks `schema`. A compiled check (fastjsonschema) where it reads the schema
    as jsonschema does: jsonschema, slow to import, is then not imported at start (valid handbook
    data never needs it either, see `validate`)."""
    if _draft7_safe(schema):
        try:
            import fastjsonschema
        except ImportError:  # pragma: no cover - declared as a dependency
            pass
        else:
            fastjsonschema.compile(schema, use_formats=False)(data)
            return
    import jsonschema

    jsonschema.validate(data, schema)
