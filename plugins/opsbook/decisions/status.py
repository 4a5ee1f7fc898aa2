"""Decision statuses: the native vocabulary, and foreign status text read the way a human reads it.

Native records use the SPEC's words, case-insensitive; anything else is a problem. Foreign records
say things like `**Accepted**`, `Accepted.`, `✅ accepted`, `Superseded by [x](./x.md)`,
`accepted; supersedes ADR-0045` or `Approved`. `read_status` takes such text apart into

* the status: one of the vocabulary (`exact`), a clear synonym mapped onto it (`mapped`: Approved
  is accepted, Draft and In Review are proposed), or a meaningful word that fits none of them and is
  kept as written (`kept`: Pending, On hold, Partly superseded) for a finding, never dropped;
* relations named in the same text (supersedes, superseded by, amends, amended by), each with its
  link target when the text links one.

"Pending" is deliberately kept rather than mapped: it may mean waiting for a decision (proposed) or
decided and waiting for work (accepted), and only the authors know which.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from .. import markdown

STATUSES = ("proposed", "accepted", "rejected", "deprecated", "superseded")

# Clear synonyms: a reader of the record would not hesitate.
SYNONYMS = {
    "accepted": (
        "accept",
        "approved",
        "agreed",
        "adopted",
        "decided",
        "done",
        "implemented",
        "active",
        "in effect",
        "in force",
        "final",
        "valid",
    ),
    "proposed": (
        "proposal",
        "draft",
        "drafted",
        "in review",
        "under review",
        "review",
        "in discussion",
        "under discussion",
        "for discussion",
        "open",
        "wip",
        "work in progress",
        "in progress",
        "requested",
        "suggested",
        "rfc",
        "new",
    ),
    "rejected": (
        "declined",
        "refused",
        "dismissed",
        "not accepted",
        "won't do",
        "wont do",
        "abandoned",
        "withdrawn",
        "cancelled",
        "canceled",
        "discarded",
    ),
    "deprecated": ("obsolete", "retired", "archived", "sunset", "outdated", "deprecate"),
    "superseded": ("superceded", "supersceded", "replaced", "overridden", "overruled", "supersede"),
}
_SYNONYM_OF = {word: status for status, words in SYNONYMS.items() for word in words}

# Relation words as authors (and adr-tools, which spells them with a c) write them.
RELATIONS: dict[str, Relation] = {
    "superseded by": "superseded_by",
    "superceded by": "superseded_by",
    "replaced by": "superseded_by",
    "supersedes": "supersedes",
    "supercedes": "supersedes",
    "replaces": "supersedes",
    "amended by": "amended_by",
    "amends": "amends",
}
_RELATION = re.compile(
    r"\b(superseded\s+by|superceded\s+by|replaced\s+by|supersedes|supercedes|replaces|amended\s+by|amends)\b",
    re.I,
)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_SHORTCODE = re.compile(r":[a-z0-9_+-]+:")
_DATE_REMARK = re.compile(r"\s*(?:\(|\bon\b|\bsince\b|\bin\b|,)?\s*\d{4}-\d{1,2}-\d{1,2}\)?\s*$", re.I)


Relation = Literal["supersedes", "superseded_by", "amends", "amended_by"]
StatusKind = Literal["exact", "mapped", "kept", "empty"]


@dataclass(frozen=True)
class RelationRef:
    """A relation named in status text or a links section: `superseded_by` -> target."""

    kind: Relation
    text: str  # the words as written, e.g. "ADR-0045" or "DNS Infrastructure"
    target: str | None = None  # the link target, e.g. "0015-dns-infrastructure.md"


@dataclass(frozen=True)
class StatusReading:
    """What a status text says."""

    status: str | None  # a STATUSES word, or the kept word in lower case; None when empty
    raw: str | None  # the text as written (first line, comments removed)
    kind: StatusKind
    relations: tuple[RelationRef, ...] = field(default=())


def clean_word(text: str) -> str:
    """`**Accepted.**`, `✅ Accepted`, `:white_check_mark: accepted`, `[Accepted]` -> `accepted`."""
    text = _COMMENT.sub(" ", text)
    text = _SHORTCODE.sub(" ", text)
    text = re.sub(r"[*_`~]+", "", text)
    # Leading emoji, bullets and symbols; trailing punctuation and brackets.
    text = re.sub(r"^[^\w(]+", "", text)
    text = re.sub(r"[\s.!;:,\-–—\])}\"']+$", "", text)
    text = text.strip("[(\"' ")
    text = _DATE_REMARK.sub("", text)
    return " ".join(text.split()).lower()


def _classify(word: str) -> tuple[str | None, StatusKind]:
    if not word:
        return None, "empty"
    if word in STATUSES:
        return word, "exact"
    if word in _SYNONYM_OF:
        return _SYNONYM_OF[word], "mapped"
    return word, "kept"


def _targets(kind: Relation, text: str) -> list[RelationRef]:
    """The records after a relation word: links, or plain names such as `ADR-0045`."""
    links = [found for found in markdown.links(text.strip()) if found.kind == "inline"]
    if links:
        return [RelationRef(kind, found.text.strip(), found.target.strip("<>").strip() or None) for found in links]
    names = (re.sub(r"[*_`]", "", piece).strip(" .;:[]()\"'") for piece in re.split(r",|\band\b|&", text))
    return [RelationRef(kind, name, None) for name in names if name]


def read_relations(text: str) -> list[RelationRef]:
    """Every relation named in a line such as `Amended by [17. Data](0017-data.md)`."""
    text = _COMMENT.sub(" ", text)
    matches = list(_RELATION.finditer(text))
    refs: list[RelationRef] = []
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        chunk = text[m.end() : end].split(";")[0]
        kind = RELATIONS[" ".join(m.group(1).lower().split())]
        refs += _targets(kind, chunk)
    return refs


def read_status(text: str | None) -> StatusReading:
    """Read a foreign status text: its first line is the status, relations may follow anywhere."""
    if text is None:
        return StatusReading(None, None, "empty")
    stripped = _COMMENT.sub(" ", text)
    lines = [line.strip() for line in stripped.split("\n") if line.strip()]
    if not lines:
        return StatusReading(None, None, "empty")
    first = lines[0]
    raw = " ".join(first.split())
    relations = read_relations(" ".join(lines))
    # The status words are what comes before the first relation or `;` on the first line.
    head = first
    rel = _RELATION.search(head)
    if rel:
        head = head[: rel.start()]
    head = head.split(";")[0]
    word = clean_word(head)
    if not word and rel is not None:
        relation = RELATIONS[" ".join(rel.group(1).lower().split())]
        # "Superseded by [x](x.md)" alone is a status; "Supersedes x" alone says nothing about this one.
        if relation == "superseded_by":
            return StatusReading("superseded", raw, "exact", tuple(relations))
        return StatusReading(None, raw, "empty", tuple(relations))
    status, kind = _classify(word)
    return StatusReading(status, raw, kind, tuple(relations))


def native_status(value: object) -> str | None:
    """A native record's status, case-insensitive; None when it is not in the vocabulary."""
    word = " ".join(str(value).split()).lower()
    return word if word in STATUSES else None


def suggestion(value: object) -> str:
    """A hint for an unknown native status: the vocabulary word a human would mean, if any."""
    word = clean_word(str(value))
    if word in _SYNONYM_OF:
        return f" (did you mean {_SYNONYM_OF[word]}?)"
    return ""


# How a status is shown: badge colour per status (kept words are neutral).
BADGE = {
    "accepted": "good",
    "proposed": "info",
    "rejected": "bad",
    "deprecated": "warn",
    "superseded": "warn",
}
