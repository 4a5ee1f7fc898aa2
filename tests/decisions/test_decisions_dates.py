"""Dates in the shapes real decision records use; impossible and ambiguous ones are errors."""

from __future__ import annotations

from datetime import date

import pytest

from opsbook.decisions.dates import date_from_name, parse_human_date
from opsbook.timeparse import ParseError


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2017-07-05", date(2017, 7, 5)),
        ("2017-7-5", date(2017, 7, 5)),
        ("2020/09/24", date(2020, 9, 24)),
        ("2020.09.24", date(2020, 9, 24)),
        ("20200924", date(2020, 9, 24)),
        ("2020-09-24T10:15:00Z", date(2020, 9, 24)),
        ("2020-09-24 10:15", date(2020, 9, 24)),
        ("24.09.2020", date(2020, 9, 24)),
        ("24/09/2020", date(2020, 9, 24)),
        ("09/24/2020", date(2020, 9, 24)),
        ("05/05/2020", date(2020, 5, 5)),
        ("5 July 2017", date(2017, 7, 5)),
        ("5th July 2017", date(2017, 7, 5)),
        ("July 5, 2017", date(2017, 7, 5)),
        ("Jul 5 2017", date(2017, 7, 5)),
        ("Sept. 3, 2019", date(2019, 9, 3)),
        ("Wednesday, 5 July 2017", date(2017, 7, 5)),
        ("2017-Jul-05", date(2017, 7, 5)),
        ("**2017-07-05**", date(2017, 7, 5)),
        ("2017-07-05 (amended 2018-01-10)", date(2017, 7, 5)),
    ],
)
def test_real_world_shapes(text: str, expected: date) -> None:
    assert parse_human_date(text) == expected


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2017-02-30", "not a real date"),
        ("2017-13-01", "not a real date"),
        ("31.02.2020", "not a real date"),
        ("03/04/2020", "ambiguous"),
        ("YYYY-MM-DD", "placeholder"),
        ("{YYYY-MM-DD when the decision was last updated}", "placeholder"),
        ("[YYYY-MM-DD when the decision was last updated]", "placeholder"),
        ("5 Julember 2017", "not a month"),
        ("last Tuesday", "not a date"),
        ("", "empty"),
    ],
)
def test_impossible_ambiguous_and_placeholder_dates_are_errors(text: str, words: str) -> None:
    with pytest.raises(ParseError, match=words):
        parse_human_date(text)


def test_error_says_how_to_write_a_date() -> None:
    with pytest.raises(ParseError, match="YYYY-MM-DD"):
        parse_human_date("2017-02-30")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("20200924-use-markdown", date(2020, 9, 24)),
        ("2022-02-03-integration-testing", date(2022, 2, 3)),
        ("2023-03-02_entity_store_refactoring", date(2023, 3, 2)),
        ("0012-security-groups", None),
        ("2026-0003-adopt-openslo", None),
        ("20201399-bad", None),
        ("adr-001-use-adrs", None),
    ],
)
def test_date_from_name(name: str, expected: date | None) -> None:
    assert date_from_name(name) == expected
