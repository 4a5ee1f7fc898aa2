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

import jsonschema
import yaml


@cache
def load(name: str) -> Any:
    """`content/<name>.yml`, checked against `schemas/content/<name>.schema.json`."""
    package = resources.files("opsbook")
    data = yaml.safe_load(package.joinpath(f"content/{name}.yml").read_text("utf-8"))
    schema = json.loads(package.joinpath(f"schemas/content/{name}.schema.json").read_text("utf-8"))
    jsonschema.validate(data, schema)  # shipped content: a failure is a packaging bug, not bad input
    return data
