"""Reading sources fast: `read_once` (one read per load) and `list_files` (a scandir walk)."""

from __future__ import annotations

from pathlib import Path

from opsbook.problems import ProblemLog
from opsbook.sources import read_once, read_text


def test_a_file_read_twice_in_one_load_is_read_once_and_afresh_after_it(tmp_path: Path) -> None:
    source = tmp_path / "a.md"
    source.write_text("first\n", "utf-8")
    log = ProblemLog()
    with read_once():
        assert read_text(source, "a.md", log, tmp_path) == "first\n"
        source.write_text("second\n", "utf-8")
        assert read_text(source, "a.md", log, tmp_path) == "first\n"  # the load sees one version
    assert read_text(source, "a.md", log, tmp_path) == "second\n"  # the next load (a rebuild) reads afresh
    with read_once():
        assert read_text(source, "a.md", log, tmp_path) == "second\n"
    assert log.items == []


def test_a_refused_read_is_not_kept(tmp_path: Path) -> None:
    source = tmp_path / "b.md"
    log = ProblemLog()
    with read_once():
        assert read_text(source, "b.md", log, tmp_path) is None
        source.write_text("now here\n", "utf-8")
        assert read_text(source, "b.md", log, tmp_path) == "now here\n"
    assert [(p.file, p.message) for p in log.items] == [("b.md", "file not found")]


def test_nested_loads_keep_their_own_reads(tmp_path: Path) -> None:
    """A preview build loads the base ref inside the current load: it reads its files itself."""
    source = tmp_path / "c.md"
    source.write_text("outer\n", "utf-8")
    log = ProblemLog()
    with read_once():
        assert read_text(source, "c.md", log, tmp_path) == "outer\n"
        source.write_text("inner\n", "utf-8")
        with read_once():
            assert read_text(source, "c.md", log, tmp_path) == "inner\n"
        assert read_text(source, "c.md", log, tmp_path) == "outer\n"


def _rglob_listing(folder: Path, suffixes: tuple[str, ...] | None) -> list[Path]:
    """list_files as it was written with rglob: the reference for the scandir walk."""
    return sorted(
        p
        for p in folder.rglob("*")
        if (suffixes is None or p.suffix.lower() in suffixes) and (p.is_symlink() or not p.is_dir())
    )


def test_list_files_lists_what_rglob_lists(tmp_path: Path) -> None:
    import os

    from opsbook.sources import list_files

    root = tmp_path / "ops"
    names = ("a.md", "B.MD", ".hidden.md", "x.txt", "sub/c.md", "sub/deeper/d.markdown", "sub-b/e.md", "sub.md/f.md")
    for rel in names:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text("x\n", "utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "g.md").write_text("x\n", "utf-8")
    (root / "linked-folder.md").symlink_to(outside, target_is_directory=True)
    (root / "linked-folder").symlink_to(outside, target_is_directory=True)
    (root / "link.md").symlink_to(root / "a.md")
    (root / "broken.md").symlink_to(tmp_path / "nowhere.md")
    os.mkfifo(root / "pipe.md")
    for suffixes in ((".md", ".markdown"), (".md",), None):
        assert list_files(root, suffixes) == _rglob_listing(root, suffixes)
    assert root / "sub" / "deeper" / "d.markdown" in list_files(root, (".md", ".markdown"))
    assert list_files(tmp_path / "absent", None) == []
