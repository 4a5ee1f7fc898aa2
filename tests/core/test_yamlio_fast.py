"""The libyaml fast path of yamlio reads exactly what the pure-Python loader reads, lines included."""

from __future__ import annotations

from typing import Any

import pytest

from opsbook import yamlio
from opsbook.problems import ProblemLog

TEXTS = [
    "a: 1\nb:\n  - x\n  - 2026-11-04\n  - 2026-11-04T10:00:00Z\nc: {d: 2, e: [1, 2.5, true, null, ~, 'q']}\n",
    "? [complex, key]\n: v\n1: int key\n<<: {m: 1}\nx: !!str 5\nb64: !!binary aGk=\nempty:\n",
    "- a\n- {b: c}\n- - nested\n",
    "just a string",
    "",
    "a: b\na: c\n",
    "s: !!set {a, b}\n",
    'title: "Quoted: yes"\nmulti: |\n  line one\n  line two\nfolded: >-\n  a\n  b\n',
]
BROKEN = ["t: !ENV X\n", "a: [1, 2\n", "a: b: c\n", "- a\nb: c\n", "a: *nowhere\n", "\tkey: tab\n"]


def _with(cls: Any, text: str) -> Any:
    loader = cls(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def _lines(value: Any) -> Any:
    if isinstance(value, yamlio.LineDict):
        return (value.line, value.key_lines, {k: _lines(v) for k, v in value.items()})
    if isinstance(value, yamlio.LineList):
        return (value.line, value.item_lines, [_lines(v) for v in value])
    return value


@pytest.mark.skipif(not yamlio._FAST, reason="PyYAML without libyaml")
@pytest.mark.parametrize("text", TEXTS)
def test_fast_and_pure_python_loaders_agree_on_values_and_lines(text: str) -> None:
    fast, slow = _with(yamlio._FastLoader, text), _with(yamlio._Loader, text)
    assert _lines(fast) == _lines(slow)
    assert type(fast) is type(slow)


@pytest.mark.parametrize("text", BROKEN)
def test_errors_are_reported_by_the_pure_python_loader_whatever_ran_first(text: str) -> None:
    fast_log, slow_log = ProblemLog(), ProblemLog()
    yamlio.load_yaml(text, "f.yml", fast_log)
    original = yamlio._FAST
    try:
        yamlio._FAST = False
        yamlio.load_yaml(text, "f.yml", slow_log)
    finally:
        yamlio._FAST = original
    assert fast_log.items == slow_log.items and len(fast_log.items) == 1


def test_text_with_anchors_always_takes_the_guarded_loader() -> None:
    assert yamlio._loaders("a: &x 1\nb: *x\n") == (yamlio._Loader,)


@pytest.mark.skipif(not yamlio._FAST, reason="PyYAML without libyaml")
def test_remembered_tags_keep_plain_and_quoted_apart() -> None:
    """The fast loader remembers each short scalar's tag: the same text plain and quoted, in one
    document and across documents, still reads as the pure-Python loader reads it."""
    text = "a: 5\nb: '5'\nc: \"5\"\nd: yes\ne: 'yes'\nf: 2026-11-04\ng: '2026-11-04'\nh: null\ni: 'null'\nj: 1.5\n"
    for reordered in (text, "\n".join(reversed(text.splitlines())) + "\n", text):
        fast, slow = _with(yamlio._FastLoader, reordered), _with(yamlio._Loader, reordered)
        assert _lines(fast) == _lines(slow)
    assert _with(yamlio._FastLoader, text) == {
        "a": 5, "b": "5", "c": "5", "d": True, "e": "yes", "f": "2026-11-04",
        "g": "2026-11-04", "h": None, "i": "null", "j": 1.5,
    }  # fmt: skip
