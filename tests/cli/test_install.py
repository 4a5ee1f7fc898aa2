"""Adoption from outside this repository: the README's snippet as written, and a non-editable wheel."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import REPO

BIN = Path(sys.executable).parent
SLO = "services:\n  api:\n    title: Public API\n    slos:\n      - {sli: availability, objective: 99.9}\n"


def _readme_section() -> list[tuple[str, str]]:
    """(language, text) of each fenced block of the README's "Use it in your own repository"."""
    readme = (REPO / "README.md").read_text("utf-8")
    section = readme.split("## Use it in your own repository", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```(\w+)\n(.*?)```", section, re.S)


def _run(script: str, cwd: Path, path: Path = BIN) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": f"{path}{os.pathsep}{os.environ['PATH']}", "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(["bash", "-euo", "pipefail", "-c", script], cwd=cwd, env=env, capture_output=True, text=True)


def test_the_readme_snippet_builds_as_written_in_a_folder_with_only_slo_yml(tmp_path: Path) -> None:
    blocks = _readme_section()
    config = next(text for lang, text in blocks if lang == "yaml" and text.startswith("# mkdocs.yml"))
    shell = [text for lang, text in blocks if lang == "bash" and "pip " not in text]
    assert [s.split()[0] for s in shell] == ["mkdir", "mkdocs"], "the README's steps changed: follow them here"
    (tmp_path / "ops").mkdir()
    (tmp_path / "ops" / "slo.yml").write_text(SLO, "utf-8")
    done = _run(shell[0], tmp_path)
    assert done.returncode == 0, done.stderr
    (tmp_path / "mkdocs.yml").write_text(config, "utf-8")
    done = _run(shell[1], tmp_path)
    assert done.returncode == 0, done.stderr
    home = (tmp_path / "site" / "index.html").read_text("utf-8")
    assert "Operations handbook" in home and "Public API" in home  # the generated dashboard home


def test_a_wheel_installed_in_a_fresh_venv_scaffolds_and_builds_strict(tmp_path: Path) -> None:
    """Not editable: the wheel alone must carry the templates, schemas and assets."""
    wheels = tmp_path / "dist"
    done = _run(f"pip wheel -q --no-deps -w {wheels} {REPO}", tmp_path)
    assert done.returncode == 0, done.stderr
    (wheel,) = wheels.glob("opsbook-*.whl")
    venv = tmp_path / "fresh"
    script = f"""
        {sys.executable} -m venv {venv}
        {venv}/bin/pip install -q {wheel}
        {venv}/bin/opsbook --version
        {venv}/bin/python -c 'import opsbook, sys; print(opsbook.__file__)'
        cd {tmp_path} && {venv}/bin/opsbook init handbook --service checkout
        cd handbook && {venv}/bin/mkdocs build --strict -d {tmp_path}/site
    """
    done = _run(script, tmp_path, path=venv / "bin")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "opsbook 0." in done.stdout and str(venv) in done.stdout  # the installed copy, not this checkout
    assert (tmp_path / "site" / "services" / "checkout" / "index.html").is_file()
    assert (tmp_path / "site" / "assets" / "opsbook.css").is_file() and (tmp_path / "site" / "schemas").is_dir()
