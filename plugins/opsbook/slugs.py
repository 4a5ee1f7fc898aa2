"""Slugs: text as a run of lower-case ASCII words joined by dashes, the one rule every slug follows.

Two callers use it with different settings, on purpose:

- checklist ids and item keys (`checklists/load.py`): `limit=48`, accented letters dropped. An item
  key is also the browser's localStorage key of a reader's tick (assets/opsbook.js), so these
  settings are frozen: a changed key would silently untick every reader's checklist.
- new decision and RFC file names (`opsbook new`, `opsbook init`): `limit=60`, accents folded to
  ASCII so a title such as "Überprüfung der Fehlerbudgets" keeps readable words.
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[a-z0-9]+")


def slug(text: str, fallback: str = "item", *, limit: int = 48, fold_accents: bool = False) -> str:
    """`Tests, docs & security checks` -> `tests-docs-security-checks`: whole words while they fit
    in `limit` characters; `fallback` when no word does (`!!!`)."""
    if fold_accents:
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out = ""
    for word in _WORD.findall(text.lower()):
        if len(out) + len(word) + 1 > limit:
            break
        out = f"{out}-{word}" if out else word
    return out or fallback


def file_slug(title: str, fallback: str) -> str:
    """The slug of a new decision or RFC file name: `Adopt OpenSLO for SLOs!` -> `adopt-openslo-for-slos`."""
    return slug(title, fallback, limit=60, fold_accents=True)
