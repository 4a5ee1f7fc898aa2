"""`render.built_url` (cached per page and target) gives what its former, uncached definition gave."""

from __future__ import annotations

import random

import pytest

from opsbook import render
from opsbook.render import built_url, link


def former_built_url(from_page: str, to_page: str, directory_urls: bool) -> str:
    """Before the caching: each call worked out both pages' URLs and related them with `link`."""
    built = render._built.__wrapped__  # the served URL of one page, without its cache
    path, _, anchor = to_page.partition("#")
    here, target = built(from_page, directory_urls), built(path, directory_urls)
    rel = link(here + "x" if here.endswith("/") or here == "" else here, target or ".")
    if target.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return rel + (f"#{anchor}" if anchor else "")


@pytest.mark.parametrize(
    ("from_page", "to_page", "directory_urls", "expected"),
    [
        ("incidents/a.md", "services/api.md", True, "../../services/api/"),
        ("incidents/a.md", "services/api.md", False, "../services/api.html"),
        ("index.md", "team.md#person-ana", True, "team/#person-ana"),
        ("services/api.md", "index.md", True, "../.."),  # the home page: the site root
        ("services/index.md", "services/api.md", True, "api/"),
        ("services/api.md", "services/api.md#slo", True, "./#slo"),
    ],
)
def test_built_url_examples(from_page: str, to_page: str, directory_urls: bool, expected: str) -> None:
    assert built_url(from_page, to_page, directory_urls) == expected


def test_built_url_agrees_with_its_former_definition() -> None:
    rng = random.Random(7)
    names = ["index", "a", "b", "services", "api"]
    pages = ["/".join(rng.choice(names) for _ in range(rng.randint(1, 3))) + ".md" for _ in range(300)]
    targets = pages[:60] + [p + "#x" for p in pages[:20]] + ["./a.md", "a//b.md", "../x.md", "a/../b.md"]
    for from_page in pages:
        for to_page in targets:
            for directory_urls in (True, False):
                expected = former_built_url(from_page, to_page, directory_urls)
                assert built_url(from_page, to_page, directory_urls) == expected, (from_page, to_page)
