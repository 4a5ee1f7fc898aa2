"""The source map takes each kind's source paths and pages from the registry, not a table of its own."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from opsbook.handbook import Handbook
from opsbook.kinds import KINDS
from opsbook.settings import Settings
from opsbook.sourcemap import page_for


def test_every_kind_file_and_folder_maps_to_the_page_showing_it(tmp_path: Path) -> None:
    hb = Handbook(Settings(root=tmp_path, decisions=("ops/decisions", "records")), kinds=KINDS)
    assert page_for(hb, "ops/slo.yml") == ("services/index.md", "Services")
    assert page_for(hb, "./ops/team.yml") == ("team.md", "Team and on-call")
    assert page_for(hb, "ROADMAP.md") == ("roadmap.md", "Roadmap")
    assert page_for(hb, "ops/incidents/INC-20261104-01.md") == ("incidents/INC-20261104-01.md", "")
    assert page_for(hb, "records/0001-record.md") == ("decisions/0001-record.md", "")
    assert page_for(hb, "ops/checklists/release.yml") == ("checklists/release.md", "")
    assert page_for(hb, "ops/incidents/sub/INC-20261104-01.md") is None  # not directly in the folder
    assert page_for(hb, "ops/elsewhere.yml") is None
    for kind in KINDS:  # every kind that has pages for its sources says which
        assert (kind.index is None) != (kind.section is None) or kind.name == "recordlinks", kind.name


def test_a_moved_source_follows_its_option(tmp_path: Path) -> None:
    """Paths come from the options, through the Kind record: a renamed team file still maps."""
    hb = Handbook(replace(Settings(root=tmp_path), team="people.yml", runbooks="handbook/runbooks"), kinds=KINDS)
    assert page_for(hb, "people.yml") == ("team.md", "Team and on-call")
    assert page_for(hb, "ops/team.yml") is None
    assert page_for(hb, "handbook/runbooks/api.md") == ("runbooks/api.md", "")
