"""What a browser would act on in built HTML: the one judge the hostile-input suites share."""

from __future__ import annotations

from html import unescape
from html.parser import HTMLParser

SCRIPT_SCHEMES = ("javascript:", "data:", "vbscript:")
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "poster", "data"}


def script_url(value: str) -> bool:
    """A URL a browser would run: references decoded, controls and whitespace dropped, as its URL
    parser does before it reads the scheme."""
    cleaned = "".join(ch for ch in unescape(value) if ord(ch) > 32 and ch != "\x7f").lower()
    return cleaned.startswith(SCRIPT_SCHEMES)


class Page(HTMLParser):
    """A built page as a browser reads it: attributes (entity-decoded), scripts, headings, text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attrs: list[tuple[str, str, str]] = []
        self.scripts: list[tuple[str, str]] = []  # (src, inline text)
        self.headings: list[str] = []
        self.text: list[str] = []
        self.embedded: list[str] = []  # iframe, object, embed
        self._in: str | None = None
        self._buffer: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attrs += [(tag, name, value or "") for name, value in attrs]
        if tag in ("iframe", "object", "embed"):
            self.embedded.append(tag)
        if tag == "script":
            self.scripts.append((dict(attrs).get("src") or "", ""))
            self._in, self._buffer = tag, []
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._in, self._buffer = tag, []

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            text = "".join(self._buffer)
            if tag == "script":
                self.scripts[-1] = (self.scripts[-1][0], text)
            else:
                self.headings.append(text)
            self._in = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._in:
            self._buffer.append(data)


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def live_markup(html: str) -> list[str]:
    """Everything in `html` that would run: on* attributes, script URLs, embedded objects, and
    scripts that call alert() (every payload of the suites does; the theme's own scripts do not)."""
    page = parse(html)
    found = [f"<{tag} {name}={value!r}>" for tag, name, value in page.attrs if name.startswith("on")]
    found += [f"<{tag} {name}={value!r}>" for tag, name, value in page.attrs if name in URL_ATTRS and script_url(value)]
    found += [f"<{tag}> element" for tag in page.embedded]
    found += [f"<script src={src!r}>{text[:60]}" for src, text in page.scripts if "alert" in src or "alert" in text]
    return found
