"""A preview deployed under a sub-path (https://host/pr-123/): every link and asset resolves."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from conftest import mkdocs_build

BASE = "https://previews.example.com/pr-123/"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append((tag, value))
            elif name == "id" and value:
                self.ids.add(value)


def _ids(page: Path, seen: dict[Path, set[str]]) -> set[str]:
    if page not in seen:
        parser = _Links()
        parser.feed(page.read_text("utf-8"))
        seen[page] = parser.ids
    return seen[page]


def _target(site: Path, page_url: str, link: str) -> Path | None:
    url = urlparse(urljoin(page_url, link))
    if f"{url.scheme}://{url.netloc}/" != "https://previews.example.com/":
        return None
    assert url.path.startswith("/pr-123/"), f"{link} escapes the sub-path"
    path = site / unquote(url.path.removeprefix("/pr-123/"))
    return path / "index.html" if url.path.endswith("/") else path


def test_every_internal_link_and_asset_resolves_under_a_sub_path(example_copy: Path) -> None:
    yml = example_copy / "mkdocs.yml"
    yml.write_text(re.sub(r"^site_url: .*$", f"site_url: {BASE}", yml.read_text("utf-8"), flags=re.M), "utf-8")
    site = mkdocs_build(example_copy, site_dir=example_copy / "site")
    broken: list[str] = []
    external_assets: list[str] = []
    ids: dict[Path, set[str]] = {}  # Links in raw HTML (generated tables, cards) skip MkDocs' anchor check
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        rel = page.relative_to(site).as_posix()
        page_url = BASE + (rel.removesuffix("index.html") if rel.endswith("index.html") else rel)
        parser = _Links()
        parser.feed(page.read_text("utf-8"))
        for tag, link in parser.links:
            if link.startswith(("mailto:", "#", "data:", "javascript:")):
                continue
            is_asset = tag in ("script", "img") or (tag == "link" and not link.startswith("https://github.com"))
            if is_asset and urlparse(link).netloc and not link.startswith(BASE):
                external_assets.append(f"{rel}: {link}")
                continue
            target = _target(site, page_url, link)
            if target is not None and not target.exists():
                broken.append(f"{rel}: {link}")
            elif (
                target is not None
                and target.suffix == ".html"
                and (anchor := urlparse(link).fragment)
                and unquote(anchor) not in _ids(target, ids)  # reads only the pages a link with an anchor names
            ):
                broken.append(f"{rel}: {link} (no such anchor)")
    assert not external_assets, external_assets[:10]  # offline: no CDN, no Google Fonts
    assert not broken, broken[:20]
    shutil.rmtree(site)
