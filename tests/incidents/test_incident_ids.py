"""One definition of an incident id: the schema, the loader and `opsbook new` accept the same ids."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from opsbook.cli.new import id_lines, incident_numbers
from opsbook.incidents.model import ID_PATTERN, ID_TEXT
from opsbook.validate import schema

ID_SCHEMA = schema("incident")["properties"]["id"]

# (id as written, the schema accepts it)
CASES = [
    ("INC-20261104-01", True),
    ("INC-20261104-07", True),
    ("INC-20261104-123", True),
    ("INC-20261104-1", False),  # NN has two digits at least
    ("INC-2026110-01", False),
    ("INC-20261104-01x", False),
    ("INC-20261104-01-db-outage", False),
    ("inc-20261104-01", False),
    ("INC-２０２６１１０４-01", False),  # full-width digits: Python's \d would take them
    ("INC-٢٠٢٦١١٠٤-01", False),  # Arabic-Indic digits, likewise
    ("INC-20261104-0١", False),
]


def test_the_schema_pattern_is_the_code_pattern() -> None:
    assert ID_SCHEMA["pattern"] == f"^{ID_TEXT}$" == ID_PATTERN.pattern


@pytest.mark.parametrize(("text", "valid"), CASES)
def test_schema_loader_and_cli_agree(tmp_path: Path, text: str, valid: bool) -> None:
    assert Draft202012Validator(ID_SCHEMA).is_valid(text) is valid
    assert (ID_PATTERN.match(text) is not None) is valid
    # `opsbook new` reserves the NN of an id it finds on disk: in a file name, or an `id:` line.
    named = tmp_path / "named"
    named.mkdir()
    (named / f"{text}.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    lined = tmp_path / "lined"
    lined.mkdir()
    (lined / "incident.md").write_text(f"---\nid: '{text}'  # the id\ntitle: x\n---\n", encoding="utf-8")
    for folder in (named, lined):
        assert bool(incident_numbers(folder, date(2026, 11, 4))) is valid, folder.name


def test_id_lines_read_ids_as_yaml_writes_them() -> None:
    text = 'id: INC-20261104-01\nid: "INC-20261104-02"\r\nid:INC-20261104-03 # c\nid: INC-20261104-04x\n'
    assert id_lines(text) == ["INC-20261104-01", "INC-20261104-02", "INC-20261104-03"]
