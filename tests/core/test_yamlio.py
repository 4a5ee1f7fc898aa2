"""YAML with line numbers, string timestamps, and bounded alias expansion."""

from __future__ import annotations

import time

from opsbook.problems import ProblemLog
from opsbook.yamlio import LineDict, LineList, load_yaml, load_yaml_all, split_front_matter


def test_line_numbers_of_keys_and_items() -> None:
    data = load_yaml("a: 1\nb:\n  - x\n  - y\nc: {d: 2}\n", "f.yml", ProblemLog())
    assert isinstance(data, LineDict)
    assert data.line_of("a") == 1 and data.line_of("b") == 2 and data.line_of("c") == 5
    assert isinstance(data["b"], LineList) and data["b"].line_of(1) == 4


def test_dates_stay_strings() -> None:
    data = load_yaml("day: 2026-11-04\nat: 2026-11-04T09:12:00Z\n", "f.yml", ProblemLog())
    assert data == {"day": "2026-11-04", "at": "2026-11-04T09:12:00Z"}


def test_syntax_error_names_the_line() -> None:
    log = ProblemLog()
    assert load_yaml("a: 1\nb: [1, 2\nc: 3\n", "f.yml", log) is None
    (problem,) = log.items
    assert problem.file == "f.yml" and problem.line is not None and problem.line >= 2
    assert "YAML syntax error" in problem.message


def test_alias_bomb_is_refused_quickly() -> None:
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for i, name in enumerate("bcdefghij"):
        prev = "abcdefghij"[i]
        bomb += f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]\n"
    log = ProblemLog()
    started = time.perf_counter()
    assert load_yaml(bomb, "bomb.yml", log) is None
    assert time.perf_counter() - started < 5  # bounded, not a benchmark: a bomb would never finish
    assert "alias bomb" in log.items[0].message


def test_a_few_aliases_are_fine() -> None:
    data = load_yaml("base: &b {x: 1}\none: *b\ntwo: *b\n", "f.yml", ProblemLog())
    assert data["one"] == {"x": 1}


def test_front_matter_lines_are_file_lines() -> None:
    text = "---\ntitle: T\nseverity: SEV-1\n---\n# Body\n"
    meta, body, body_line = split_front_matter(text, "x.md", ProblemLog())
    assert meta.line_of("severity") == 3
    assert body == "# Body\n" and body_line == 5


def test_front_matter_syntax_error_line_is_a_file_line() -> None:
    log = ProblemLog()
    meta, body, _ = split_front_matter("---\ntitle: T\nbad: [\n---\nbody\n", "x.md", log)
    assert meta == {} and body == "body\n"
    assert log.items[0].line is not None and log.items[0].line >= 3


def test_no_front_matter() -> None:
    meta, body, line = split_front_matter("# Just text\n", "x.md", ProblemLog())
    assert meta == {} and body == "# Just text\n" and line == 1


def test_front_matter_must_be_a_mapping() -> None:
    log = ProblemLog()
    split_front_matter("---\n- a\n- b\n---\nbody\n", "x.md", log)
    assert "must be a mapping" in log.items[0].message


def test_multi_document_stream_keeps_good_documents() -> None:
    docs = load_yaml_all("a: 1\n---\nb: 2\n", "s.yml", ProblemLog())
    assert docs == [{"a": 1}, {"b": 2}]


def test_recursive_alias_is_a_problem_not_a_crash() -> None:
    log = ProblemLog()
    assert load_yaml("a: &a [1, *a]\n", "r.yml", log) is None
    assert "recursive" in log.items[0].message
