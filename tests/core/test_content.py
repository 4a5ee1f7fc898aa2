"""Content shipped as package YAML: every file valid against its schema, shipped, and a bad file refused."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest
import yaml

from opsbook import content

NAMES = ("rubric", "roles", "runbook-sections", "alert-policy", "sli-words")


@pytest.mark.parametrize("name", NAMES)
def test_shipped_content_is_valid(name: str) -> None:
    assert content.load(name)


def test_every_content_file_has_a_schema_and_is_package_data() -> None:
    package = resources.files("opsbook")
    files = sorted(e.name.removesuffix(".yml") for e in package.joinpath("content").iterdir())
    assert files == sorted(NAMES)
    pyproject = (resources.files("opsbook") / ".." / ".." / "pyproject.toml").read_text("utf-8")
    assert '"content/*.yml"' in pyproject and '"schemas/content/*.json"' in pyproject


def test_the_schema_refuses_a_broken_rubric() -> None:
    schema = json.loads(resources.files("opsbook").joinpath("schemas/content/rubric.schema.json").read_text())
    data = yaml.safe_load(resources.files("opsbook").joinpath("content/rubric.yml").read_text())
    data["criteria"][0]["scope"] = "team"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_the_check_content_uses_refuses_a_broken_rubric() -> None:
    schema = json.loads(resources.files("opsbook").joinpath("schemas/content/rubric.schema.json").read_text())
    data = yaml.safe_load(resources.files("opsbook").joinpath("content/rubric.yml").read_text())
    content.check(data, schema)
    data["criteria"][0]["scope"] = "team"
    with pytest.raises(Exception, match="scope"):
        content.check(data, schema)
