"""`opsbook check`: exit codes, human / GitHub / JSON output, options read from mkdocs.yml."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from opsbook.cli import main

GOOD = "services:\n  api:\n    slos:\n      - {sli: availability, objective: 99.9}\n"
BAD = (
    "services:\n  api:\n    slos:\n      - {sli: availability, objective: 100.5}\n"
    "      - {sli: latency, objective: 99, threshold: fast}\n"
)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_no_problems_exits_0_with_a_summary(make_site: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    root = make_site({"ops/slo.yml": GOOD})
    code, out, err = _run(capsys, "check", str(root))
    assert (code, out) == (0, "")
    assert "no problems" in err and "1 service, 1 SLO" in err


def test_problems_exit_1_one_line_each_with_file_and_line(
    make_site: Callable[..., Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_site({"ops/slo.yml": BAD})
    monkeypatch.chdir(root)
    code, out, err = _run(capsys, "check")
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("ops/slo.yml:4: services.api.slos.0.objective")
    assert lines[1].startswith("ops/slo.yml:5: ") and "fast" in lines[1]
    assert "2 problems in 1 file" in err


def test_github_format_emits_workflow_commands_relative_to_the_current_folder(
    make_site: Callable[..., Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_site({"ops/slo.yml": BAD})
    monkeypatch.chdir(root.parent)  # the repository root, with the handbook in a subfolder
    code, out, _ = _run(capsys, "check", root.name, "--format", "github")
    assert code == 1
    first, second = out.splitlines()
    assert first.startswith(f"::error file={root.name}/ops/slo.yml,line=4::services.api.slos.0.objective")
    assert second.startswith(f"::error file={root.name}/ops/slo.yml,line=5::")


def test_github_escaping() -> None:
    from opsbook.cli.check import github
    from opsbook.problems import Problem
    from opsbook.settings import Settings

    line = github("error", Settings(root=Path.cwd()), Problem("a,b:c.yml", None, "50%\nnext"))
    assert line == "::error file=a%2Cb%3Ac.yml::50%25%0Anext"


def test_json_format_and_verbose_notes(
    make_site: Callable[..., Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    alert = "apiVersion: openslo/v1\nkind: AlertPolicy\nmetadata: {name: x}\n"
    root = make_site({"ops/slo.yml": GOOD, "ops/slo/alerts.yaml": alert})
    monkeypatch.chdir(root)
    code, out, _ = _run(capsys, "check", str(root), "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["problems"] == [] and data["counts"] == {"services": 1, "slos": 1}
    assert data["notes"][0]["file"] == "ops/slo/alerts.yaml"
    code, out, err = _run(capsys, "check", str(root), "-v")
    assert code == 0 and "ops/slo/alerts.yaml:1: note: openslo/v1 kind 'AlertPolicy' skipped" in out
    code, out, err = _run(capsys, "check", str(root))
    assert out == "" and "1 note (--verbose lists them)" in err
    code, out, _ = _run(capsys, "check", str(root), "-v", "--format", "github")
    assert out.startswith("::notice file=ops/slo/alerts.yaml,line=1::")


def test_options_come_from_mkdocs_yml(make_site: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    mkdocs = """\
    site_name: T
    theme: {name: material, font: false}
    plugins:
      - search
      - opsbook:
          slo: data/services.yml
          slo_dir: data/foreign
    """
    root = make_site(
        {
            "data/services.yml": BAD,
            "data/foreign/s.yml": "version: prometheus/v1\nservice: jobs\nslos: [{name: x, objective: 99}]\n",
            "ops/slo.yml": "not: [valid",
        },
        mkdocs,
    )
    code, out, err = _run(capsys, "check", str(root / "mkdocs.yml"))  # the config file itself works too
    assert code == 1
    assert "data/services.yml:4" in out and "ops/slo.yml" not in out  # the configured path, not the default
    assert "2 services, 1 SLO;" in err  # api's two SLOs are invalid and dropped; jobs' one is read


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["check", "/no/such/folder"], "no such folder"),
        (["check", "--format", "xml"], "invalid choice"),
        (["bogus"], "invalid choice"),
        ([], "usage"),
    ],
)
def test_usage_errors_exit_2(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse's own usage errors
        code = int(exc.code or 0)
    assert code == 2
    assert message in capsys.readouterr().err


def test_a_bad_option_in_mkdocs_yml_exits_2(make_site: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    root = make_site({}, "site_name: T\nplugins:\n  - opsbook:\n      timezone: Nowhere/Land\n")
    code, _, err = _run(capsys, "check", str(root))
    assert code == 2 and "mkdocs.yml: opsbook plugin: option timezone: 'Nowhere/Land' is not an IANA" in err


def test_the_installed_command_and_python_m(make_site: Callable[..., Path]) -> None:
    root = make_site({"ops/slo.yml": BAD})
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "plugins")}
    result = subprocess.run(
        [sys.executable, "-m", "opsbook.cli", "check", str(root), "--format", "github"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 1 and result.stdout.startswith("::error file=")
    helped = subprocess.run([sys.executable, "-m", "opsbook.cli", "--help"], capture_output=True, text=True, env=env)
    assert helped.returncode == 0 and "examples:" in helped.stdout and "opsbook init my-handbook" in helped.stdout


@pytest.mark.parametrize("command", ["check", "new", "init"])
def test_every_command_has_help_with_examples(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main([command, "--help"])
    out = capsys.readouterr().out
    assert exc.value.code == 0 and "examples:" in out and f"opsbook {command}" in out


def test_check_ignores_a_preview_base_ref(
    make_site: Callable[..., Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """PR CI sets OPSBOOK_BASE_REF for the preview build; `check` validates only (no git, no diff)."""
    monkeypatch.setenv("OPSBOOK_BASE_REF", "no-such-ref-anywhere")
    root = make_site({"ops/slo.yml": GOOD})
    code, out, err = _run(capsys, "check", str(root))
    assert (code, out) == (0, "") and "no problems" in err


def test_a_site_without_the_plugin_is_checked_with_defaults_and_says_so(
    make_site: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_site({"ops/slo.yml": BAD}, "site_name: T\nplugins: [search]\n")
    code, out, err = _run(capsys, "check", str(root))
    assert code == 1 and "ops/slo.yml:4" in out and "does not list the opsbook plugin" in err
