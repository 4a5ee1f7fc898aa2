"""Hostile paths (issue 10): ids that try to leave the site, symlinks out of the repository, FIFOs,
folders named like files, empty sources. Each is a problem naming the file; nothing is read from
outside the repository, nothing is written outside the output folder, the valid items stay."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import mkdocs_build
from opsbook.build import load_handbook
from opsbook.cli import main
from opsbook.handbook import Handbook
from opsbook.pages import GeneratedPage
from opsbook.settings import Settings

SECRET = "TOPSECRET-5f3a9c"  # the content of a file outside the repository

VALID = {
    "ops/slo.yml": """\
        services:
          api:
            title: Public API
            slos:
              - {sli: availability, objective: 99.9}
          ../../evil:
            title: Evil
        """,
    "ops/incidents/INC-20261101-01.md": """\
        ---
        title: Good incident
        severity: SEV-2
        services: [api]
        started: 2026-11-01T10:00:00Z
        detected: 2026-11-01T10:05:00Z
        resolved: 2026-11-01T11:00:00Z
        ---
        Fine.
        """,
    "ops/incidents/evil.md": """\
        ---
        id: ../../../evil-incident
        title: Evil incident
        severity: SEV-2
        services: [api]
        started: 2026-11-02T10:00:00Z
        detected: 2026-11-02T10:05:00Z
        ---
        """,
    "ops/runbooks/api.md": "# API runbook\n\nRestart it.\n",
    "ops/checklists/release.yml": "title: Release\nitems:\n  - Tag it\n",
    "ops/decisions/2026-0001-good.md": "---\ntitle: Good decision\nstatus: accepted\ndate: 2026-01-01\n---\nBody.\n",
}


def files_outside(folder: Path, *inside: Path) -> set[str]:
    """Every path under `folder` except those under `inside` folders."""
    return {
        p.relative_to(folder).as_posix() for p in folder.rglob("*") if not any(p == i or i in p.parents for i in inside)
    }


def problems(root: Path) -> list[str]:
    return [str(p) for p in load_handbook(Settings(root=root)).problems]


def site_text(site: Path) -> str:
    return "\n".join(p.read_text("utf-8", errors="replace") for p in site.rglob("*") if p.is_file())


def outside_secret(tmp_path: Path, name: str, text: str) -> Path:
    secret = tmp_path / "outside" / name
    secret.parent.mkdir(parents=True, exist_ok=True)
    secret.write_text(text, "utf-8")
    return secret


# ---- ids that would become paths outside the output folder ------------------------------------


@pytest.mark.warnings_expected
def test_traversal_ids_are_problems_and_never_paths(make_site: Callable[..., Path], tmp_path: Path) -> None:
    root = make_site(VALID)
    (root / "ops" / "checklists" / "...yml").write_text("title: Dots\nitems: [a]\n", "utf-8")
    (root / "ops" / "decisions" / "...md").write_text("# Dots\n\nStatus: accepted\n", "utf-8")
    before = files_outside(tmp_path, root / "site")
    site = mkdocs_build(root, strict=False)
    assert files_outside(tmp_path, site) == before  # nothing written beside or above site/
    assert not [p for p in site.rglob("*") if "evil" in p.as_posix()]
    found = problems(root)
    assert (
        "ops/slo.yml:6: services: '../../evil' is not allowed; "
        "a service id is lower-case letters, digits and dashes, e.g. api or web-app"
    ) in found
    assert any(p.startswith("ops/incidents/evil.md:2: id: '../../../evil-incident' is not allowed") for p in found)
    # The lenient build keeps every valid item.
    for page in (
        "services/api",
        "incidents/INC-20261101-01",
        "runbooks/api",
        "checklists/release",
        "decisions/2026-0001",
    ):
        assert (site / page / "index.html").is_file(), page
    assert (site / "maturity" / "api" / "index.html").is_file()


def test_export_writes_nothing_outside_its_folder(make_site: Callable[..., Path], tmp_path: Path) -> None:
    root = make_site(VALID)
    out = tmp_path / "export"
    before = files_outside(tmp_path, out)
    assert main(["export", str(out), "--root", str(root)]) == 0
    assert files_outside(tmp_path, out) == before
    assert (out / "docs" / "services" / "api.md").is_file() and not list(out.rglob("*evil*"))
    assert main(["export", str(tmp_path / "export2"), "--root", str(root), "--strict"]) == 1


def _with_page(path: str) -> Callable[..., tuple[list[GeneratedPage], list[object]]]:
    from opsbook.build import render_pages

    def render(hb: Handbook) -> tuple[list[GeneratedPage], list[object]]:
        pages, assets = render_pages(hb)
        return [*pages, GeneratedPage(path=path, body="evil\n", title="Evil")], list(assets)

    return render


@pytest.mark.parametrize("path", ["../../escaped.md", "ABSOLUTE", "services/../../escaped.md"])
def test_export_refuses_an_unclean_generated_path(
    make_site: Callable[..., Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    path: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The last guard: even a page path that slipped past the loaders is never written."""
    root = make_site({"ops/slo.yml": "services:\n  api: {title: API}\n"})
    path = str(tmp_path / "escaped-abs.md") if path == "ABSOLUTE" else path
    monkeypatch.setattr("opsbook.cli.export.render_pages", _with_page(path))
    out = tmp_path / "a" / "b" / "export"
    out.parent.mkdir(parents=True)
    before = files_outside(tmp_path, out)
    assert main(["export", str(out), "--root", str(root)]) == 2  # refused: a usage error, nothing written
    assert "refused to write" in capsys.readouterr().err
    assert files_outside(tmp_path, out) == before  # the absolute path is under tmp_path too


@pytest.mark.warnings_expected
def test_plugin_refuses_an_unclean_generated_path(
    make_site: Callable[..., Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_unexpected_warnings: Any,
) -> None:
    root = make_site({"ops/slo.yml": "services:\n  api: {title: API}\n"})
    monkeypatch.setattr("opsbook.plugin.render_pages", _with_page("../../escaped.md"))
    before = files_outside(tmp_path, root / "site")
    site = mkdocs_build(root, strict=False)
    assert files_outside(tmp_path, site) == before
    messages = [r.getMessage() for r in no_unexpected_warnings.records]
    assert any("refused to write generated file '../../escaped.md'" in m for m in messages)
    assert (site / "services" / "api" / "index.html").is_file()


# ---- sources: symlinks out of the repository, FIFOs, folders named like files ----------------


@pytest.mark.warnings_expected
def test_symlinks_out_of_the_repository_are_problems_and_never_read(
    make_site: Callable[..., Path], tmp_path: Path, no_unexpected_warnings: Any
) -> None:
    root = make_site({**VALID, "docs/shared.md": "# Shared steps\n\nInside the repository.\n"})
    md = outside_secret(tmp_path, "secret.md", f"# {SECRET}\n\n{SECRET}\n")
    yml = outside_secret(tmp_path, "secret.yml", f"title: {SECRET}\nitems: [{SECRET}]\n")
    (root / "ops" / "runbooks" / "leak.md").symlink_to(md)
    (root / "ops" / "checklists" / "leak.yml").symlink_to(yml)
    (root / "ops" / "incidents" / "INC-20261103-01.md").symlink_to(md)
    (root / "ops" / "decisions" / "2026-0002-leak.md").symlink_to(md)
    (root / "ops" / "runbooks" / "shared.md").symlink_to("../../docs/shared.md")  # inside: followed
    (root / "docs" / "leak.md").symlink_to(md)  # MkDocs itself would publish it: the plugin leaves it out
    (root / "ops" / "slo").mkdir()
    (root / "ops" / "slo" / "loop.yaml").symlink_to("loop.yaml")  # a loop: a problem, not a traceback
    (root / "ops" / "runbooks" / "loop.md").symlink_to("loop.md")
    (root / "ops" / "decisions" / "loop.png").symlink_to("loop.png")  # linked from a body: leads nowhere
    (root / "ops" / "decisions" / "2026-0003-loop.md").write_text(
        "---\ntitle: Loops\nstatus: accepted\ndate: 2026-01-02\n---\nSee ![x](loop.png).\n", "utf-8"
    )
    found = problems(root)
    for name in (
        "ops/runbooks/leak.md",
        "ops/checklists/leak.yml",
        "ops/incidents/INC-20261103-01.md",
        "ops/decisions/2026-0002-leak.md",
    ):
        assert any(p.startswith(f"{name}: is a symlink to ") and "outside the repository" in p for p in found), name
    assert not any(SECRET in p for p in found if "symlink" not in p)
    assert "ops/slo/loop.yaml: is a symlink to 'loop.yaml' that cannot be resolved (a loop?); " in "\n".join(found)
    assert any(p.startswith("ops/runbooks/loop.md: is a symlink to 'loop.md' that cannot be resolved") for p in found)
    assert not any("shared.md" in p for p in found)

    site = mkdocs_build(root, strict=False)
    text = site_text(site)
    assert SECRET not in text and not (site / "leak").exists()
    warned = [r.getMessage() for r in no_unexpected_warnings.records]
    assert any("docs/leak.md: is a symlink to " in m and "outside the repository" in m for m in warned)
    assert SECRET not in (site / "search" / "search_index.json").read_text("utf-8")
    assert "Inside the repository." in (site / "runbooks" / "shared" / "index.html").read_text("utf-8")
    assert (site / "runbooks" / "api" / "index.html").is_file()
    assert (site / "decisions" / "2026-0003" / "index.html").is_file()


def test_export_never_copies_a_symlink_out_of_docs(make_site: Callable[..., Path], tmp_path: Path) -> None:
    root = make_site({"ops/slo.yml": "services:\n  api: {title: API}\n"})
    (root / "docs" / "leak.md").symlink_to(outside_secret(tmp_path, "secret.md", SECRET))
    out = tmp_path / "export"
    assert main(["export", str(out), "--root", str(root)]) == 0
    assert not (out / "docs" / "leak.md").exists() and (out / "docs" / "index.md").is_file()
    assert SECRET not in "".join(p.read_text("utf-8", errors="replace") for p in out.rglob("*") if p.is_file())


@pytest.mark.warnings_expected
@pytest.mark.parametrize("name", ["ROADMAP.md", "ops/team.yml", "ops/slo.yml", "ops/cadence.yml"])
def test_a_folder_named_like_a_source_file_is_a_problem(
    make_site: Callable[..., Path], tmp_path: Path, name: str
) -> None:
    files = {k: v for k, v in VALID.items() if k != name}
    root = make_site(files)
    (root / name).mkdir(parents=True)
    (root / name / "inner.txt").write_text("x", "utf-8")
    assert f"{name}: is a folder; expected a file here" in problems(root)
    site = mkdocs_build(root, strict=False)
    assert (site / "incidents" / "INC-20261101-01" / "index.html").is_file()


def _load_without_hanging(root: Path) -> list[str]:
    """Load in a thread: a loader that opened a FIFO would block forever, not fail."""
    result: list[list[str]] = []
    worker = threading.Thread(target=lambda: result.append(problems(root)), daemon=True)
    worker.start()
    worker.join(120)
    assert not worker.is_alive(), "loading blocked on a FIFO"
    return result[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_fifos_are_problems_and_never_opened(make_site: Callable[..., Path]) -> None:
    root = make_site(VALID)
    for name in ("ops/incidents/INC-20261104-01.md", "ops/checklists/fifo.yml", "ops/team.yml"):
        os.mkfifo(root / name)
    found = _load_without_hanging(root)
    for name in ("ops/incidents/INC-20261104-01.md", "ops/checklists/fifo.yml", "ops/team.yml"):
        assert f"{name}: is not a regular file (a FIFO, socket or device); it is not read; " in "\n".join(found), name
    hb = load_handbook(Settings(root=root))
    assert [i.id for i in hb.incidents] == ["INC-20261101-01"]


# ---- empty sources are problems; missing ones stay absent -------------------------------------


@pytest.mark.warnings_expected
@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("ops/slo.yml", "", "a mapping with `window` and `services`"),
        ("ops/team.yml", "# nobody yet\n\n", "a mapping with `people`, `pods`, `roles` and `rotations`"),
        ("ops/checklists/empty.yml", "  \n", "a mapping with `title` and `items` (or `sections`)"),
        ("ops/cadence.yml", "# rituals: later\n", "a mapping with `timezone` and `rituals`"),
        ("ops/onboarding.yml", "", "a mapping with `reading`, `plan` and `first_week`"),
        ("ops/maturity.yml", "\n", "a mapping with `criteria`, `exemptions` or `attestations`"),
    ],
)
def test_an_empty_source_is_a_problem(make_site: Callable[..., Path], name: str, content: str, expected: str) -> None:
    files = {k: v for k, v in VALID.items() if k != "ops/slo.yml" or name != "ops/slo.yml"}
    root = make_site({**files, name: content})
    assert f"{name}: file is empty; expected {expected}" in problems(root)
    site = mkdocs_build(root, strict=False)
    assert (site / "incidents" / "INC-20261101-01" / "index.html").is_file()


def test_missing_sources_stay_absent(make_site: Callable[..., Path]) -> None:
    assert problems(make_site({})) == []


def test_check_reports_without_a_traceback(make_site: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    root = make_site({**VALID, "ops/team.yml": ""})
    (root / "ROADMAP.md").mkdir()
    assert main(["check", str(root)]) == 1
    err = capsys.readouterr()
    assert "Traceback" not in err.out + err.err
    assert "ROADMAP.md: is a folder" in err.out + err.err and "ops/team.yml: file is empty" in err.out + err.err


# ---- the pure checks ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "clean"),
    [
        ("services/api.md", "services/api.md"),
        ("a/./b//c.md", "a/b/c.md"),
        ("../x.md", None),
        ("a/../../x.md", None),
        ("a/..", None),
        ("/etc/passwd", None),
        ("C:/x.md", None),
        ("a\\..\\x.md", None),
        ("a/\x00.md", None),
        ("", None),
        (".", None),
    ],
)
def test_clean_relative(path: str, clean: str | None) -> None:
    from opsbook.safepath import clean_relative

    assert clean_relative(path) == clean


def test_write_inside_refuses_a_symlinked_parent_out(tmp_path: Path) -> None:
    from opsbook.safepath import UnsafePath, write_inside

    out = tmp_path / "out"
    (tmp_path / "elsewhere").mkdir()
    out.mkdir()
    (out / "sub").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(UnsafePath):
        write_inside(out, "sub/x.md", b"x")
    with pytest.raises(UnsafePath):
        write_inside(out, "../x.md", b"x")
    assert list((tmp_path / "elsewhere").iterdir()) == [] and not (tmp_path / "x.md").exists()
    assert write_inside(out, "a/b/c.md", b"ok").read_bytes() == b"ok"
