"""Decision statuses: the native vocabulary, and foreign status text read the way a human reads it.

Native records use the SPEC's words, case-insensitive; anything else is a problem. Foreign records
say things like `**Accepted**`, `Accepted.`, `✅ accepted`, `Superseded by [x](./x.md)`,
`accepted; supersedes ADR-0045` or `Approved`. `read_status` takes such text apart into

* the status: the leading status word or phrase, normalised: one of the vocabulary (`exact`), or a
  phrase of the status map (`mapped`: Approved and Implemented are accepted, Draft, Pending and
  Incomplete are proposed, Reverted is deprecated). A leading word that is in neither is kept as
  written (`kept`) for a finding, never dropped;
* the qualifier: the rest of the line, as a human reads it beside the status (`Accepted (PR #2897)`
  is accepted with the qualifier `PR #2897`; `Rejected in favour of ADR 111` is rejected, `in
  favour of ADR 111`, with a link to ADR 111 when it is a record);
* relations named in the same text (supersedes, superseded by, amends, amended by, in favour of),
  each with its link target when the text links one.

The status map (`STATUS_MAP`) is documented in docs/practices/decisions.md; the plugin option
`decision_statuses` extends it (`{on ice: proposed}`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
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
        "partially accepted",
        "partly accepted",
        "partially implemented",
        "partly implemented",
        "partly superseded",
        "partially superseded",
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
        "pending",
        "incomplete",
        "on hold",
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
    "deprecated": ("obsolete", "retired", "archived", "sunset", "outdated", "deprecate", "reverted", "rolled back"),
    "superseded": ("superceded", "supersceded", "replaced", "overridden", "overruled", "supersede"),
}
_SYNONYM_OF = {word: status for status, words in SYNONYMS.items() for word in words}
# The documented status map: a leading phrase (lower case) -> the status a human reads in it.
STATUS_MAP: dict[str, str] = {s: s for s in STATUSES} | _SYNONYM_OF

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
    "in favour of": "in_favour_of",
    "in favor of": "in_favour_of",
}
_RELATION = re.compile(
    r"\b(superseded\s+by|superceded\s+by|replaced\s+by|supersedes|supercedes|replaces|amended\s+by|amends"
    r"|in\s+favou?r\s+of)\b",
    re.I,
)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_INLINE_LINK = re.compile(r"\[([^\]\n]*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")  # its words, for reading
_SHORTCODE = re.compile(r":[a-z0-9_+-]+:")
_DATE_REMARK = re.compile(r"\s*(?:\(|\bon\b|\bsince\b|\bin\b|,)?\s*\d{4}-\d{1,2}-\d{1,2}\)?\s*$", re.I)


Relation = Literal["supersedes", "superseded_by", "amends", "amended_by", "in_favour_of", "preferred_over"]
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
    qualifier: str | None = None  # the rest of the line beside the status: "PR #2897", "partly superseded"


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


def _clean_line(text: str) -> str:
    """The first line as a human reads it: links as their words, no emphasis, shortcodes or leading
    emoji and bullets, single spaces; case kept."""
    text = _COMMENT.sub(" ", text)
    text = _INLINE_LINK.sub(lambda m: m.group(1), text)
    text = _SHORTCODE.sub(" ", text)
    text = re.sub(r"[*_`~]+", "", text)
    text = re.sub(r"^[^\w(\[]+", "", text)
    text = text.lstrip("[")
    return " ".join(text.split())


def _qualifier(rest: str) -> str | None:
    """`(PR #2897)` -> `PR #2897`, `. Tracking issue: #12` -> `Tracking issue: #12`; None when empty."""
    rest = rest.strip()
    rest = re.sub(r"^[\s.,:;\-–—]+", "", rest)
    rest = re.sub(r"[\s.,;:\-–—]+$", "", rest)
    while len(rest) >= 2 and rest[0] in "([" and rest[-1] in ")]" and rest.count(rest[0]) == 1:
        rest = rest[1:-1].strip()
    rest = rest.strip("[]() ")
    return rest or None


def leading_status(line: str, extra: Mapping[str, str] | None = None) -> tuple[str | None, StatusKind, str | None]:
    """(status, kind, qualifier) of a cleaned line: the longest phrase of the status map (plus
    `extra`) at its start, normalised; else its first words kept as written (`kept`)."""
    table = STATUS_MAP if not extra else STATUS_MAP | {k.lower(): v for k, v in extra.items()}
    lower = line.lower()
    for phrase in sorted(table, key=len, reverse=True):
        if lower.startswith(phrase) and (len(lower) == len(phrase) or not lower[len(phrase)].isalnum()):
            status = table[phrase]
            kind: StatusKind = "exact" if phrase == status else "mapped"
            return status, kind, _qualifier(line[len(phrase) :])
    word = clean_word(re.split(r"\s[(\[]|[.,:;(\[]|\s[-–—]\s", line, maxsplit=1)[0])
    if not word:
        return None, "empty", None
    return word, "kept", _qualifier(line[len(word) :]) if lower.startswith(word) else None


def read_status(text: str | None, extra: Mapping[str, str] | None = None) -> StatusReading:
    """Read a foreign status text: its first line is the status (and a qualifier), relations may
    follow anywhere. `extra` extends the status map (the plugin option `decision_statuses`)."""
    if text is None:
        return StatusReading(None, None, "empty")
    stripped = _COMMENT.sub(" ", text)
    lines = [line.strip() for line in stripped.split("\n") if line.strip()]
    if not lines:
        return StatusReading(None, None, "empty")
    first = lines[0]
    raw = " ".join(first.split())
    relations = read_relations(" ".join(lines))
    # The status words are what comes before the first relation (other than "in favour of", which
    # qualifies a rejection) or `;` on the first line.
    head = first
    rel = next((m for m in _RELATION.finditer(head) if not m.group(1).lower().startswith("in ")), None)
    if rel:
        head = head[: rel.start()]
    head = head.split(";")[0]
    line = _clean_line(head)
    if not clean_word(line) and rel is not None:
        relation = RELATIONS[" ".join(rel.group(1).lower().split())]
        # "Superseded by [x](x.md)" alone is a status; "Supersedes x" alone says nothing about this one.
        if relation == "superseded_by":
            return StatusReading("superseded", raw, "exact", tuple(relations))
        return StatusReading(None, raw, "empty", tuple(relations))
    status, kind, qualifier = leading_status(line, extra)
    if status is None:
        return StatusReading(None, raw, "empty", tuple(relations))
    return StatusReading(status, raw, kind, tuple(relations), qualifier)


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
