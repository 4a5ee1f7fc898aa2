"""One option schema (config.py) for the plugin and the CLI; mkdocs.yml read by MkDocs' own YAML loading."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from mkdocs.config import load_config

from opsbook import siteconfig
from opsbook.config import settings_from_options
from opsbook.settings import DEFAULT_SEVERITIES, OptionError, Settings, Severity

MKDOCS = """\
site_name: Test
theme: {name: material, font: false}
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
      emoji_generator: !!python/name:material.extensions.emoji.to_svg
  - pymdownx.snippets:
      base_path: !relative $config_dir
plugins:
  - search
  - opsbook:
      slo: data/services.yml
      decisions: [ops/decisions, docs/adr]
      timezone: Europe/Berlin
      severities:
        - {id: P1, description: Outage}
        - {id: P2}
      postmortem_deadline: 5d
      runbook_stale_days: 90
      base_ref: !ENV [OPSBOOK_TEST_BASE, origin/main]
      templates: my-templates
"""


def test_defaults_without_options() -> None:
    s = settings_from_options(Path("/h"), {}, environ={})
    assert s == Settings(root=Path("/h"), as_of=s.as_of)
    assert s.severities == DEFAULT_SEVERITIES and s.timezone == ZoneInfo("UTC") and s.base_ref is None


def test_cli_reading_and_the_mkdocs_plugin_give_the_same_settings(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(MKDOCS, "utf-8")
    (tmp_path / "docs").mkdir()
    site = siteconfig.read(tmp_path)
    assert site.enabled and site.file == (tmp_path / "mkdocs.yml").resolve()
    from_cli = settings_from_options(site.root, site.options, environ={})
    assert from_cli.slo == "data/services.yml" and from_cli.decisions == ("ops/decisions", "docs/adr")
    assert from_cli.timezone == ZoneInfo("Europe/Berlin")
    assert from_cli.severities == (Severity("P1", "Outage"), Severity("P2", ""))
    assert (from_cli.postmortem_deadline_hours, from_cli.runbook_stale_days) == (120, 90)
    assert from_cli.base_ref == "origin/main"  # the !ENV default
    assert from_cli.templates == tmp_path.resolve() / "my-templates"
    # What MkDocs itself validates for the plugin converts to the very same Settings.
    cfg = load_config(str(tmp_path / "mkdocs.yml"))
    plugin_options = dict(cfg.plugins["opsbook"].config)
    from_plugin = settings_from_options(tmp_path.resolve(), plugin_options, environ={})
    assert from_plugin == from_cli.__class__(**{**from_cli.__dict__, "as_of": from_plugin.as_of})


def test_env_tags_resolve_and_opsbook_base_ref_overrides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "mkdocs.yml").write_text(MKDOCS, "utf-8")
    monkeypatch.setenv("OPSBOOK_TEST_BASE", "origin/release")
    site = siteconfig.read(tmp_path)
    assert site.options["base_ref"] == "origin/release"
    s = settings_from_options(site.root, site.options, environ={"OPSBOOK_BASE_REF": "abc123"})
    assert s.base_ref == "abc123"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"timezone": "Mars/Olympus"}, "not an IANA time zone"),
        ({"postmortem_deadline": "soon"}, "postmortem_deadline"),
        ({"slo": 5}, "option slo: 5 is not allowed; use text"),
        ({"decisions": "docs/adr", "runbook_stale_days": "x"}, "option runbook_stale_days"),
        ({"decisions": [1, 2]}, "a list of paths"),
        ({"runbook_stale_days": "many"}, "a number"),
        ({"severities": "SEV-1"}, "severities"),
        ({"severities": [{"description": "no id"}]}, "severities"),
    ],
)
def test_unusable_options_are_option_errors_that_say_what_is_allowed(options: dict, message: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(OptionError, match=message):
        settings_from_options(Path("/h"), options, environ={})


def test_plugins_as_mapping_inherit_and_no_opsbook(tmp_path: Path) -> None:
    # INHERIT as MkDocs merges it: mappings deep-merge (plugins given as a mapping merge by name).
    (tmp_path / "base.yml").write_text("site_name: B\nplugins:\n  opsbook:\n    timezone: UTC\n    rfcs: x\n")
    (tmp_path / "mkdocs.yml").write_text(
        "INHERIT: base.yml\ndocs_dir: pages\nplugins:\n  opsbook:\n    timezone: Asia/Tokyo\n"
    )
    site = siteconfig.read(tmp_path)
    assert site.options == {"timezone": "Asia/Tokyo", "rfcs": "x"} and site.docs_dir == "pages"
    other = tmp_path / "other"
    other.mkdir()
    (other / "mkdocs.yaml").write_text("site_name: X\nplugins: [search]\n")
    assert siteconfig.read(other).enabled is False and siteconfig.read(other).options == {}
    assert siteconfig.read(tmp_path / "nothing-here").file is None
    # A plugins list replaces the parent's, as in MkDocs.
    (tmp_path / "base.yml").write_text("site_name: B\nplugins:\n  - opsbook:\n      rfcs: x\n")
    assert siteconfig.read(tmp_path).options == {"timezone": "Asia/Tokyo"}


@pytest.mark.parametrize("text", ["site_name: [unclosed\n", "- a list\n", "plugins:\n  - opsbook: 5\n"])
def test_broken_mkdocs_yml_is_a_config_error(tmp_path: Path, text: str) -> None:
    (tmp_path / "mkdocs.yml").write_text(text)
    with pytest.raises(siteconfig.ConfigError):
        siteconfig.read(tmp_path)


def test_the_core_does_not_import_mkdocs() -> None:
    """The pipeline is pure; only reading mkdocs.yml and its options (config.py, siteconfig.py) uses MkDocs."""
    import subprocess
    import sys

    code = (
        "import sys, opsbook.build, opsbook.opsjson, opsbook.settings; "
        "print(any(m == 'mkdocs' or m.startswith('mkdocs.') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_mkdocs_yml_never_imports_python_tags(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: X\nhook: !!python/name:os.system\nplugins:\n  - opsbook\n")
    site = siteconfig.read(tmp_path)
    assert site.enabled and site.options == {}


def test_the_option_schema_is_config_py(tmp_path: Path) -> None:
    """Every Settings field a user sets is an option of OpsbookConfig (and only there)."""
    from opsbook.config import OpsbookConfig

    schema = {name for name, _ in OpsbookConfig._schema}
    internal = {"root", "as_of", "docs_dir", "directory_urls", "postmortem_deadline_hours"}
    assert {f for f in Settings.__dataclass_fields__} - internal <= schema
