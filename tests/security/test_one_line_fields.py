"""Hostile one-line fields: a title, name, tag, label, message or file name is plain text.

The example handbook is copied and every kind's one-line fields are replaced by markup that a
browser would run if any of it were interpreted (a `javascript:` link, an attr_list handler, raw
`<script>` and `<img onerror>`, a newline followed by a heading). The built site is then parsed as
a browser would parse it: no event handler, no script URL, no injected script or heading, and the
text of the fields still shows, as text.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import hostile_html
import pytest
import yaml

from conftest import FIXED_EPOCH, REPO, mkdocs_build

# One payload per field; "Evil" is the text that must still show.
PAYLOAD = (
    "Evil [x](javascript:alert(1)) <script>alert(1)</script> <img src=x onerror=alert(1)>"
    '\n# Heading {: onclick="alert(1)" }'
)
SHORT = '<script>alert(1)</script>{: onclick="alert(1)" }'  # for fields where a long value is odd (tags)
QUOTED_RUNBOOK = 'ops/runbooks/x"onmouseover="alert(1).md'


def _yaml(root: Path, rel: str, change: Any) -> None:
    path = root / rel
    data = yaml.safe_load(path.read_text("utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")


def _front(root: Path, rel: str, change: Any) -> None:
    path = root / rel
    _, front, body = path.read_text("utf-8").split("---\n", 2)
    data = yaml.safe_load(front)
    change(data)
    path.write_text("---\n" + yaml.safe_dump(data, sort_keys=False, allow_unicode=True) + "---\n" + body, "utf-8")


def _hostile(root: Path) -> None:
    """Every kind's one-line fields carry the payload."""

    def slo(d: Any) -> None:
        api = d["services"]["api"]
        api["title"] = PAYLOAD
        api["dashboards"].append("javascript:alert(1)")
        d["services"]["web"]["description"] = PAYLOAD

    def team(d: Any) -> None:
        d["pods"]["web-pod"].update(title=PAYLOAD, description=PAYLOAD)
        d["people"][0]["name"] = PAYLOAD
        d["roles"][0].update(description=PAYLOAD, responsibilities=[PAYLOAD])
        d["rotations"][0]["name"] = PAYLOAD

    def cadence(d: Any) -> None:
        d["rituals"][0].update(name=PAYLOAD, purpose=PAYLOAD, channel=PAYLOAD)
        d["rituals"][1]["owner"] = PAYLOAD  # unknown owner: a problem quoting it

    def checklist(d: Any) -> None:
        d.update(title=PAYLOAD, audience=PAYLOAD)
        d["sections"][0]["title"] = PAYLOAD
        d["sections"][0]["items"][0] = PAYLOAD

    def maturity(d: Any) -> None:
        d["criteria"][0]["title"] = PAYLOAD
        d["exemptions"][0]["reason"] = PAYLOAD

    def onboarding(d: Any) -> None:
        d["reading"][0]["why"] = PAYLOAD
        d["plan"]["30"][0] = PAYLOAD

    def incident(d: Any) -> None:
        d.update(title=PAYLOAD, tags=[SHORT, "ok"])
        d["follow_ups"][0]["action"] = PAYLOAD
        d["services"] = [*d["services"], SHORT]  # unknown service: a problem quoting it

    def decision(d: Any) -> None:
        d.update(title=PAYLOAD, tags=[SHORT])

    def rfc(d: Any) -> None:
        d.update(title=PAYLOAD)

    _yaml(root, "ops/slo.yml", slo)
    _yaml(root, "ops/team.yml", team)
    _yaml(root, "ops/cadence.yml", cadence)
    _yaml(root, "ops/checklists/definition-of-done.yml", checklist)
    _yaml(root, "ops/maturity.yml", maturity)
    _yaml(root, "ops/onboarding.yml", onboarding)
    _front(root, "ops/incidents/INC-20260609-01.md", incident)
    _front(root, "ops/decisions/2026-0001-blue-green-deployments.md", decision)
    _front(root, "rfcs/2026-12-synthetic-monitoring.md", rfc)
    (root / QUOTED_RUNBOOK).write_text("---\nowner: web-pod\n---\n# Quoted\n\nText.\n", "utf-8")
    # Macro error messages quote the data they know (ritual names, services).
    (root / "docs" / "hostile.md").write_text(
        "# Hostile\n\n{{ next_ritual('nope') }}\n\n{{ slo_table('<script>alert(1)</script>') }}\n", "utf-8"
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("hostile") / "example"
    shutil.copytree(
        REPO,
        root,
        ignore=shutil.ignore_patterns(".git", "site", ".venv", "*.egg-info", "__pycache__", ".pytest_cache", "bench"),
    )
    _hostile(root)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH)
        mp.delenv("OPSBOOK_BASE_REF", raising=False)
        yield mkdocs_build(root, strict=False)


def _parse(html: str) -> hostile_html.Page:
    return hostile_html.parse(html)


def _pages(site: Path) -> Iterator[tuple[str, str]]:
    for path in sorted(site.rglob("*.html")):
        yield str(path.relative_to(site)), path.read_text("utf-8")
    # Search results are shown as HTML too: every indexed title and text fragment counts.
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    for doc in index["docs"]:
        yield f"search:{doc['location']}", doc["title"] + "\n" + doc["text"]


def test_no_event_handler_script_url_or_injected_script(site: Path) -> None:
    found: list[str] = []
    for name, html in _pages(site):
        found += [f"{name}: {live}" for live in hostile_html.live_markup(html)]
        found += [f"{name}: heading {h!r}" for h in _parse(html).headings if h.strip().startswith("Heading")]
        if "<img src=x" in html or "<script>alert" in html:
            found.append(f"{name}: raw payload markup")
    assert not found, "live markup from one-line fields:\n" + "\n".join(found[:40])


def test_the_text_still_shows_as_text(site: Path) -> None:
    """The fields are shown as written (on one line), not dropped."""
    shown = PAYLOAD.replace("\n", " ")
    pages = {
        "services/api/index.html": shown,  # service title
        "team/index.html": shown,  # pod, person, rotation and role texts
        "cadence/index.html": shown,  # ritual name, purpose, channel
        "checklists/definition-of-done/index.html": shown,  # title, audience, section, item
        "incidents/INC-20260609-01/index.html": shown,  # title and follow-up action
        "decisions/2026-0001/index.html": shown,
        "problems/index.html": "<script>alert(1)</script>",  # the unknown service, quoted
        "hostile/index.html": shown,  # the known ritual names in the macro's error
    }
    for page, text in pages.items():
        parsed = _parse((site / page).read_text("utf-8"))
        assert text in " ".join("".join(parsed.text).split()), f"{page} does not show {text!r} as text"


def test_tags_are_text_on_the_tags_page(site: Path) -> None:
    parsed = _parse((site / "tags" / "index.html").read_text("utf-8"))
    assert SHORT in "".join(parsed.text)


def test_a_quote_in_a_source_file_name_stays_inside_the_edit_link(site: Path) -> None:
    pages = [html for _, html in _pages(site) if "x%22onmouseover" in html or 'x"onmouseover' in html]
    assert pages, "the runbook with a quote in its file name is linked somewhere"
    edits = [
        v for html in pages for _, attr, v in _parse(html).attrs if attr == "href" and "/edit/" in v and "x%22" in v
    ]
    assert [unquote(v) for v in edits] == [f"https://github.com/lumenlabs/handbook/edit/main/{QUOTED_RUNBOOK}"]


def test_payloads_reach_the_build_at_all() -> None:
    """Guard against a fixture that silently stops injecting: the payload has every attack in it."""
    for part in ("javascript:", "onclick=", "<script>", "onerror=", "\n# "):
        assert part in PAYLOAD
    assert os.sep not in QUOTED_RUNBOOK.rsplit("/", 1)[1]
