"""Hostile free Markdown bodies (incident, runbook, decision, RFC, roadmap): the built site, read as a
browser reads it, has no injected script, no event handler and no script or data URL."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import hostile_html
import markdown as python_markdown
import pytest

from conftest import API_SLO, mkdocs_build
from opsbook.render import Renderer

# Each payload follows a ``` fence that holds a `~~~` line: a reader that toggles on any fence line
# loses step there and takes everything after it for code.
PAYLOAD = """\
```
~~~
echo fenced
```

<script>alert("raw")</script>

<img src=x onerror="alert('img')">

A [live](javascript:alert(1)) link and a [tabbed](java&#9;script:alert(2)) one.

A [reference][r] link, an ![image](data:text/html,<script>alert(3)</script>) and <javascript:alert(4)>.

[r]: javascript:alert(5)

A paragraph with a handler.
{: onclick="alert(6)" }

## A heading {: onmouseover="alert(7)" }

[a link](https://example.com){: href="javascript:alert(8)" }

- item `x
  <script>alert(9)</script>` with a code span the renderer may pair differently

  ```
  <b>indented fence</b>
 ```

<script>alert("after")</script>
"""

INCIDENT = f"""\
---
title: Hostile incident
severity: SEV-1
services: [api]
started: 2026-11-04T09:12:00Z
detected: 2026-11-04T09:15:00Z
resolved: 2026-11-04T10:40:00Z
---
## Impact summary

{PAYLOAD}
"""

RUNBOOK = f"# API runbook\n\n## Symptoms\n\n{PAYLOAD}"

DECISION = f"""\
---
title: Hostile decision
status: accepted
date: 2026-01-05
---
## Context

{PAYLOAD}
"""


UNCLOSED = "# Unclosed\n\n```\n<script>alert('unclosed')</script>\n"

MKDOCS = """\
site_name: Hostile handbook
theme: {name: material, font: false}
markdown_extensions:
  - attr_list
  - md_in_html
  - pymdownx.superfences
plugins:
  - search
  - opsbook
"""


def live_markup(page: Path) -> list[str]:
    return hostile_html.live_markup(page.read_text("utf-8"))


@pytest.fixture
def hostile_site(make_site: Callable[..., Path]) -> Path:
    root = make_site(
        {
            "ops/slo.yml": API_SLO,
            "ops/incidents/INC-20261104-01.md": INCIDENT,
            "ops/runbooks/api.md": RUNBOOK,
            "ops/runbooks/unclosed.md": UNCLOSED,
            "ops/decisions/2026-0001-hostile.md": DECISION,
        },
        MKDOCS,
    )
    return mkdocs_build(root, strict=True)


def test_hostile_bodies_build_to_inert_html(hostile_site: Path) -> None:
    pages = {
        "incident": hostile_site / "incidents" / "INC-20261104-01" / "index.html",
        "runbook": hostile_site / "runbooks" / "api" / "index.html",
        "unclosed fence": hostile_site / "runbooks" / "unclosed" / "index.html",
    }
    decision = [p for p in (hostile_site / "decisions").rglob("index.html") if "Hostile decision" in p.read_text()]
    assert decision, "the decision page was built"
    pages["decision"] = decision[0]
    for what, page in pages.items():
        assert page.is_file(), what
        assert live_markup(page) == [], f"{what}: {page}"
    # The rest of the site too, as a browser would see any page.
    for page in hostile_site.rglob("*.html"):
        assert live_markup(page) == [], page


def test_hostile_bodies_keep_their_text_and_code(hostile_site: Path) -> None:
    page = (hostile_site / "incidents" / "INC-20261104-01" / "index.html").read_text("utf-8")
    assert "echo fenced" in page and "~~~" in page  # the fence stays one code block
    assert '&lt;script&gt;alert("after")&lt;/script&gt;' in page  # shown, not run
    assert ">live</a>" in page and ">reference</a>" in page  # links keep their words


FENCE_WITH_TILDE = "```\n~~~\n```\n\n"


@pytest.mark.parametrize(
    "body",
    [
        FENCE_WITH_TILDE + "<script>alert(1)</script>",
        FENCE_WITH_TILDE + "[x](javascript:alert(1))",
        FENCE_WITH_TILDE + "[x](JaVa&#x53;cript:alert(1))",
        FENCE_WITH_TILDE + "[x](<javascript:alert(1)>)",
        FENCE_WITH_TILDE + "[x][r]\n\n[r]: javascript:alert(1)",
        FENCE_WITH_TILDE + "[x][r]\n\n[r]:\n  vbscript:msgbox(1)",
        FENCE_WITH_TILDE + "![i](data:text/html,<script>alert(1)</script>)",
        FENCE_WITH_TILDE + "<javascript:alert(1)>",
        FENCE_WITH_TILDE + 'Paragraph\n{: onclick="alert(1)" }',
        FENCE_WITH_TILDE + '# Heading {: onclick="alert(1)" }',
        FENCE_WITH_TILDE + '*em*{: onmouseover="alert(1)" }',
        FENCE_WITH_TILDE + 'Text {: .ok onclick="alert(1)" } tail}',
        "```\n<script>alert(1)</script>\n",  # an unclosed fence: Python-Markdown would not read it as code
        "  ```\n<script>alert(1)</script>\n  ```\n",  # content less indented than its fence
        "```\n<script>alert(1)</script>\n````\n",  # a longer closing fence
        "<div>\n```\n</div>\n\n```\n<script>alert(1)</script>\n```\n",  # a fence-like line in raw HTML
        "   - item\n\n    <script>alert(1)</script>\n",  # indented code to CommonMark, list text to Python-Markdown
        "a `b\nc` <script>alert(1)</script> `d`\n",  # a code span across lines
    ],
)
def test_each_hostile_body_renders_inert(body: str) -> None:
    markdown_body = Renderer().env.filters["markdown_body"]
    # The site's Markdown: what MkDocs renders the generated page with.
    md = python_markdown.Markdown(extensions=["attr_list", "md_in_html", "tables", "pymdownx.superfences"])
    assert hostile_html.live_markup(md.convert(str(markdown_body(body)))) == []


def test_safe_links_ids_and_classes_stay() -> None:
    markdown_body = Renderer().env.filters["markdown_body"]
    body = "[a](https://x.example) [b](mailto:a@x.example) [c](../c.md#d) ![e](e.png)\n{: #id .class }\n"
    assert str(markdown_body(body)) == body
