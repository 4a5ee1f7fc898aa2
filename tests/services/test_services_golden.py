"""Golden Markdown of the services index and service pages, from a fixed fixture."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import assert_golden
from opsbook.build import load_handbook, render_pages
from opsbook.settings import Settings, as_of_from_env

GOLDEN = Path(__file__).parent / "golden"
FIXTURE = Path(__file__).parent / "fixture"


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    import os

    os.environ["SOURCE_DATE_EPOCH"] = "1795852800"
    settings = Settings(root=FIXTURE, as_of=as_of_from_env())
    generated, _ = render_pages(load_handbook(settings))
    return {p.path: p.markdown() for p in generated}


@pytest.mark.parametrize("path", ["services/index.md", "services/api.md", "services/jobs.md"])
def test_service_pages_match_golden(pages: dict[str, str], path: str) -> None:
    assert_golden(GOLDEN / path.replace("/", "__"), pages[path])
