"""Links between records as a kind of the handbook: a check over every other kind, no pages."""

from __future__ import annotations

from ..kind import Kind, Stage
from .check import check_record_links

KIND = Kind("recordlinks", options=(), load=check_record_links, stage=Stage.PRACTICE)
