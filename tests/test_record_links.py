"""Links between records of every kind reach their pages; a link to a missing record is a problem."""

from __future__ import annotations

import textwrap
from datetime import UTC, datetime
from pathlib import Path

from opsbook.build import load_handbook, render_pages
from opsbook.handbook import Handbook
from opsbook.recordlinks.check import links_of
from opsbook.settings import Settings

AS_OF = datetime(2026, 11, 28, 8, tzinfo=UTC)

INCIDENT = """\
---
title: Checkout failed
severity: SEV-1
services: [api]
started: 2026-11-03T09:12:00Z
detected: 2026-11-03T09:15:00Z
mitigated: 2026-11-03T09:50:00Z
resolved: 2026-11-03T10:40:00Z
---
## Lessons learned

We adopted the [error budget policy](../decisions/2026-0003-error-budget-policy.md) and updated
the [API runbook](../runbooks/api.md). See also the [review RFC](../../rfcs/2026-07-error-budget-policy.md).
The [old policy](../decisions/2026-0009-gone.md) never existed.
"""

DECISION = """\
---
title: Error budget policy
status: accepted
date: 2026-07-20
incidents: [INC-20261103-01, INC-20260101-01]
---
## Context

After [the checkout outage](../incidents/INC-20261103-01.md), proposed in
[the RFC](../../rfcs/2026-07-error-budget-policy.md); paging per the [runbook](../runbooks/api.md).
"""

RFC = """\
---
title: Error budget policy
status: accepted
authors: [dana]
dri: dana
decision: 2026-0003
---
## Summary

Motivated by [INC-20261103-01](../ops/incidents/INC-20261103-01.md) and
[a postmortem that was never written](../ops/incidents/INC-20261104-09.md).
"""

RUNBOOK = """\
---
owner: platform-pod
last_reviewed: 2026-11-12
---
# API runbook

## Pager

Paged for availability; see [the last SEV-1](../incidents/INC-20261103-01.md) and the
[budget policy](../decisions/2026-0003-error-budget-policy.md).

## Playbooks

## Rollback
"""

SLO = "services:\n  api:\n    owner: platform-pod\n    slos:\n      - {sli: availability, objective: 99.9}\n"


def _handbook(root: Path) -> Handbook:
    files = {
        "ops/slo.yml": SLO,
        "ops/incidents/INC-20261103-01.md": INCIDENT,
        "ops/decisions/2026-0003-error-budget-policy.md": DECISION,
        "rfcs/2026-07-error-budget-policy.md": RFC,
        "ops/runbooks/api.md": RUNBOOK,
    }
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), "utf-8")
    return load_handbook(Settings(root=root, as_of=AS_OF))


def test_links_of_skips_code_urls_and_anchors() -> None:
    text = "[a](x.md) `[b](y.md)` [c](https://e.x/z.md) [d](#top)\n```\n[e](w.md)\n```\n[f]: ../g.md#part\n"
    assert [(r.line, r.path) for r in links_of(text, "ops/incidents/i.md")] == [
        (1, "ops/incidents/x.md"),
        (5, "ops/g.md"),
    ]


def test_links_of_finds_any_case_of_the_extension_and_nothing_without_one() -> None:
    text = "x\n[a](A.MD) [b](b.Markdown?x=1)\n[c]`code`(c.md)\n"
    assert [(r.line, r.path) for r in links_of(text, "ops/incidents/i.md")] == [
        (2, "ops/incidents/A.MD"),
        (2, "ops/incidents/b.Markdown"),
        (3, "ops/incidents/c.md"),  # as before: a code span between `]` and `(` is taken out first
    ]
    assert list(links_of("[a](a.txt) [b](https://e.x/)\n[r]: ../r.html\n", "ops/incidents/i.md")) == []


def test_a_link_to_a_missing_record_is_a_problem_at_its_line(tmp_path: Path) -> None:
    hb = _handbook(tmp_path)
    got = sorted((p.file, p.line, p.message.split(";")[0]) for p in hb.problems)
    assert got == [
        (
            "ops/decisions/2026-0003-error-budget-policy.md",
            5,
            "incidents: 'INC-20260101-01' is not the id of any incident in ops/incidents/ (latest: INC-20261103-01)",
        ),
        (
            "ops/incidents/INC-20261103-01.md",
            14,
            "link to ../decisions/2026-0009-gone.md: there is no decision record at ops/decisions/2026-0009-gone.md",
        ),
        (
            "rfcs/2026-07-error-budget-policy.md",
            11,
            "link to ../ops/incidents/INC-20261104-09.md: there is no incident at ops/incidents/INC-20261104-09.md",
        ),
    ]


def test_links_between_records_reach_their_pages_in_every_kind(tmp_path: Path) -> None:
    hb = _handbook(tmp_path)
    pages = {p.path: p.body for p in render_pages(hb)[0]}
    incident = pages["incidents/INC-20261103-01.md"]
    assert "[error budget policy](../decisions/2026-0003.md)" in incident
    assert "[API runbook](../runbooks/api.md)" in incident
    assert "[review RFC](../rfcs/2026-07-error-budget-policy.md)" in incident
    assert "The old policy never existed." in incident  # words kept, the problem reported
    # listed by the decision, in the facts card (raw HTML: a built URL)
    assert '<a href="../../decisions/2026-0003/">Error budget policy</a> (<code>2026-0003</code>)' in incident
    decision = pages["decisions/2026-0003.md"]
    assert "[the checkout outage](../incidents/INC-20261103-01.md)" in decision
    assert "[the RFC](../rfcs/2026-07-error-budget-policy.md)" in decision
    assert "[runbook](../runbooks/api.md)" in decision
    assert "Incidents\n:   [INC-20261103-01](../incidents/INC-20261103-01.md), `INC-20260101-01`" in decision
    rfc = pages["rfcs/2026-07-error-budget-policy.md"]
    assert "[INC-20261103-01](../incidents/INC-20261103-01.md)" in rfc
    assert "a postmortem that was never written" in rfc and "INC-20261104-09.md)" not in rfc
    runbook = pages["runbooks/api.md"]
    assert "[the last SEV-1](../incidents/INC-20261103-01.md)" in runbook
    assert "[budget policy](../decisions/2026-0003.md)" in runbook


def test_decision_incidents_are_in_ops_json(tmp_path: Path) -> None:
    from opsbook.decisions.export import decision_json

    (d,) = _handbook(tmp_path).decisions
    assert decision_json(d)["incidents"] == ["INC-20261103-01", "INC-20260101-01"]
