"""The result of a check: an outcome, evidence links and a one-line detail."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal, NamedTuple

from ..site import page_url

CheckOutcome = Literal["pass", "fail", "not-assessed"]
PASS: Final = "pass"
FAIL: Final = "fail"
NOT_ASSESSED: Final = "not-assessed"


class Evidence(NamedTuple):
    """A link that backs an outcome: a site page path (`services/api.md#slos`) or an http(s) URL."""

    label: str
    url: str

    @property
    def external(self) -> bool:
        return self.url.startswith(("http://", "https://"))

    def site_url(self) -> str:
        """The URL relative to the site root, as ops.json publishes it (`services/api/`)."""
        return self.url if self.external else page_url(self.url)

    def to_json(self) -> dict[str, str]:
        return {"label": self.label, "url": self.site_url()}


@dataclass(frozen=True)
class CheckResult:
    """What a check found. `detail` says why, in words a reader can act on."""

    outcome: CheckOutcome
    evidence: tuple[Evidence, ...] = ()
    detail: str = ""

    @property
    def passed(self) -> bool:
        return self.outcome == PASS

    def to_json(self) -> dict[str, object]:
        return {"outcome": self.outcome, "detail": self.detail, "evidence": [e.to_json() for e in self.evidence]}


def passed(detail: str, *evidence: Evidence) -> CheckResult:
    return CheckResult(PASS, tuple(evidence), detail)


def failed(detail: str, *evidence: Evidence) -> CheckResult:
    return CheckResult(FAIL, tuple(evidence), detail)


def not_assessed(detail: str, *evidence: Evidence) -> CheckResult:
    return CheckResult(NOT_ASSESSED, tuple(evidence), detail)
