"""What a YAML document may not do: repeat a key, hold NaN or infinity, or expand without bound.

Each is a problem at the line where it is written; the rest of the document is kept (except for an
expansion over the budget, which refuses the document at the alias that went over).
"""

from __future__ import annotations

from typing import Any

import pytest

from opsbook import yamlio
from opsbook.problems import ProblemLog
from opsbook.yamlio import NotFinite, load_yaml, load_yaml_all, split_front_matter


def _load(text: str) -> tuple[Any, list[str]]:
    log = ProblemLog()
    data = load_yaml(text, "f.yml", log)
    return data, [str(p) for p in log.sorted()]


def _both_loaders(text: str) -> list[tuple[Any, list[str]]]:
    """The result of the fast (libyaml) loader and of the guarded one, which must agree."""
    results = [_load(text)]
    original = yamlio._FAST
    try:
        yamlio._FAST = False
        results.append(_load(text))
    finally:
        yamlio._FAST = original
    return results


def test_a_repeated_key_keeps_the_first_value_and_reports_the_second_at_its_line() -> None:
    text = "services:\n  api:\n    title: First\n  web: {}\n  api:\n    title: Second\n"
    for data, problems in _both_loaders(text):
        assert data["services"]["api"] == {"title": "First"}
        assert data["services"].line_of("api") == 2
        assert problems == [
            "f.yml:5: duplicate key 'api': line 2 has it already; the first value is kept, remove or rename this one"
        ]


def test_a_repeated_key_in_front_matter_is_reported_at_its_file_line() -> None:
    log = ProblemLog()
    meta, body, _ = split_front_matter("---\ntitle: T\nseverity: SEV-1\nseverity: SEV-3\n---\nbody\n", "i.md", log)
    assert meta["severity"] == "SEV-1" and body == "body\n"
    assert [str(p) for p in log.items] == [
        "i.md:4: duplicate key 'severity': line 3 has it already; the first value is kept, remove or rename this one"
    ]


def test_keys_merged_by_a_merge_key_may_be_overridden_without_a_problem() -> None:
    text = "base: &b {x: 1, y: 2}\nd:\n  <<: *b\n  x: 5\n"
    data, problems = _load(text)
    assert data["d"] == {"x": 5, "y": 2} and problems == []


def test_a_repeated_key_next_to_a_merge_key_is_still_reported() -> None:
    data, problems = _load("base: &b {x: 1}\nd:\n  <<: *b\n  y: 5\n  y: 6\n")
    assert data["d"] == {"x": 1, "y": 5}
    assert problems == [
        "f.yml:5: duplicate key 'y': line 4 has it already; the first value is kept, remove or rename this one"
    ]


def test_repeated_keys_are_reported_in_every_document_of_a_stream() -> None:
    log = ProblemLog()
    docs = load_yaml_all("a: 1\na: 2\n---\nb: 1\nb: 2\n", "s.yml", log)
    assert docs == [{"a": 1}, {"b": 1}]
    assert [p.line for p in log.items] == [2, 5]


@pytest.mark.parametrize("written", [".nan", ".NaN", ".inf", "-.inf", "+.Inf", "1.0e+999"])
def test_nan_and_infinities_are_problems_and_stay_text(written: str) -> None:
    for data, problems in _both_loaders(f"title: x\nslo:\n  objective: {written}\n"):
        value = data["slo"]["objective"]
        assert isinstance(value, NotFinite) and value == written
        assert problems == [
            f"f.yml:3: {written!r} is not allowed: NaN and infinities are not numbers opsbook can use; "
            "write a finite number"
        ]


def test_finite_floats_are_numbers() -> None:
    data, problems = _load("a: 1.5\nb: -0.25\nc: 1.0e+3\n")
    assert data == {"a": 1.5, "b": -0.25, "c": 1000.0} and problems == []


def test_one_big_anchor_referenced_many_times_is_refused_at_the_alias_that_goes_over() -> None:
    """Nodes alone do not bound it: 1,001 nodes, but 100 MB once expanded."""
    big = "x" * 100_000
    text = f"a: &a {big}\n" + "".join(f"k{i}: *a\n" for i in range(1000))
    data, problems = _load(text)
    assert data is None
    budget = yamlio.alias_budget(text)
    over = budget // 100_001 + 1  # the alias whose expansion passes the budget
    (problem,) = problems
    assert problem.startswith(f"f.yml:{over + 1}: aliases expand this document by more than {budget:,} characters")
    assert "alias bomb" in problem


def test_the_alias_budget_is_linear_in_the_size_of_the_file() -> None:
    assert yamlio.alias_budget("x" * 1_000_000) == 10_000_000
    assert yamlio.alias_budget("x") == yamlio.ALIAS_FLOOR


def test_sharing_values_by_aliases_within_the_budget_is_fine() -> None:
    text = "owner: &o {name: Platform team, pager: https://pager.example/platform}\n"
    text += "".join(f"s{i}: {{owner: *o}}\n" for i in range(300))
    data, problems = _load(text)
    assert problems == [] and data["s299"]["owner"]["name"] == "Platform team"


def test_an_alias_bomb_names_the_line_of_the_alias() -> None:
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for i, name in enumerate("bcdefghij"):
        bomb += f"{name}: &{name} [" + ",".join([f"*{'abcdefghij'[i]}"] * 9) + "]\n"
    data, problems = _load(bomb)
    assert data is None
    (problem,) = problems
    assert problem.startswith("f.yml:") and "alias bomb" in problem
    line = int(problem.split(":")[1])
    assert 2 <= line <= 10 and "*" in bomb.splitlines()[line - 1]


def test_a_recursive_alias_names_its_line() -> None:
    data, problems = _load("ok: 1\na: &a [1, *a]\n")
    assert data is None and problems == [
        "f.yml:2: an alias refers to its own anchor (recursive YAML); write the data out"
    ]
