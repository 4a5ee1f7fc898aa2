"""Shared fixtures: real in-process MkDocs builds, and a guard that fails on unexpected warnings."""

from __future__ import annotations

import logging
import os
import shutil
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"
FIXED_EPOCH = "1795852800"  # 2026-11-28T08:00:00Z (a Saturday): the as-of of every test build

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(autouse=True)
def no_unexpected_warnings(request: pytest.FixtureRequest) -> Iterator[_Collect]:
    """Fail any test that makes MkDocs (or a plugin) log a warning it did not ask for.

    A test that expects warnings marks itself `@pytest.mark.warnings_expected`.
    """
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
    if request.node.get_closest_marker("warnings_expected") is None and handler.records:
        lines = "\n".join(f"  {r.name}: {r.getMessage()}" for r in handler.records)
        pytest.fail(f"unexpected MkDocs warnings:\n{lines}")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "warnings_expected: the test expects MkDocs warnings")
    config.addinivalue_line("markers", "browser: needs Debian's chromium and Playwright")


@pytest.fixture(autouse=True)
def fixed_as_of(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs at the same as-of date, so results never depend on the day."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH)
    monkeypatch.delenv("OPSBOOK_BASE_REF", raising=False)


# One service with one availability SLO: the smallest ops/slo.yml that gives incidents a budget.
API_SLO = """\
window: 30d
services:
  api:
    title: Public API
    slos:
      - {sli: availability, objective: 99.9}
"""

MINIMAL_MKDOCS = """\
site_name: Test handbook
theme: {name: material, font: false}
plugins:
  - search
  - opsbook
"""


@pytest.fixture
def make_site(tmp_path: Path) -> Callable[..., Path]:
    """Write a small handbook into a temporary folder: `make_site({"ops/slo.yml": "..."})`."""

    def _make(files: dict[str, str], mkdocs_yml: str = MINIMAL_MKDOCS) -> Path:
        root = tmp_path / "site-src"
        (root / "docs").mkdir(parents=True, exist_ok=True)
        (root / "mkdocs.yml").write_text(textwrap.dedent(mkdocs_yml), "utf-8")
        (root / "docs" / "index.md").write_text("# Home\n", "utf-8")
        for rel, content in files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(content), "utf-8")
        return root

    return _make


def mkdocs_build(root: Path, strict: bool = True, site_dir: Path | None = None) -> Path:
    """A real `mkdocs build` in-process; raises `mkdocs.exceptions.Abort` when strict and warned."""
    site = site_dir or root / "site"
    cfg = load_config(str(root / "mkdocs.yml"), strict=strict, site_dir=str(site))
    build(cfg)
    return site


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    """A copy of the example handbook (everything but site/ and .git) to mutate safely."""
    dest = tmp_path / "example"
    shutil.copytree(
        REPO,
        dest,
        ignore=shutil.ignore_patterns(".git", "site", ".venv", "*.egg-info", "__pycache__", ".pytest_cache", "bench"),
    )
    return dest


def assert_golden(golden: Path, actual: str) -> None:
    """Compare generated Markdown with a golden file; OPSBOOK_UPDATE_GOLDEN=1 rewrites it."""
    if os.environ.get("OPSBOOK_UPDATE_GOLDEN") == "1" or not golden.exists():
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, "utf-8")
        if os.environ.get("OPSBOOK_UPDATE_GOLDEN") != "1":
            pytest.fail(f"golden file {golden} was missing and has been written; rerun")
    assert actual == golden.read_text("utf-8"), f"differs from {golden}; OPSBOOK_UPDATE_GOLDEN=1 to accept"


def load_decision_log(settings: Any, log: Any, team: Any = None) -> tuple[Any, Any]:
    """(decisions, rfcs) loaded and derived as the pipeline does, over a handbook with only `team`."""
    from opsbook.build import load_kinds
    from opsbook.decisions.kind import KIND as DECISIONS
    from opsbook.handbook import Handbook
    from opsbook.kinds import KINDS
    from opsbook.rfcs.kind import KIND as RFCS

    hb = load_kinds(Handbook(settings, kinds=KINDS, team=team), (DECISIONS, RFCS), log)
    return hb.decisions, hb.rfcs
