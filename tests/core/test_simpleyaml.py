"""simpleyaml reads simple mappings exactly as PyYAML does (values, types and lines), and gives up on
everything else so PyYAML reports it with the same message and line."""

from __future__ import annotations

import random
from typing import Any

import pytest

from opsbook import yamlio
from opsbook.markdown import split_front
from opsbook.problems import ProblemLog
from opsbook.simpleyaml import load_simple

# Read by simpleyaml (and checked against PyYAML below).
SIMPLE = [
    "a: 1\n",
    "\nid: INC-20261104-01\ntitle: Checkout down   # comment\nseverity: SEV-1          # \n",
    "# leading comment\n\nkey: value\n  # indented comment\nother: x#not-a-comment\n",
    "services: [api, web]\nroles: {coordinator: ana, comms: bo}\nempty_list: []\nempty_map: { }\n",
    "nested: {a: [1, 2.5, {b: c}], d: {}}\nlist: [[x, y], [z]]   # trailing comment\n",
    "started: 2026-11-04T10:00:00Z\nday: 2026-11-04\nflow: {published: 2026-11-05, at: [2026-11-04]}\n",
    "n: 0\nbig: 123456789012345678901234567890\nf: 99.9\nt: true\nY: Yes\no: OFF\ne: 1e3\nnil: ~\nz: null\n",
    "q1: 'it''s: fine # here'\nq2: \"a: b, c # d\"\nq3: ''\nq4: \"\"\nq5: '5'\nq6: \"true\"   # comment\n",
    "flowq: ['a, b', \"c]d\", {k: 'v}'}]\n",
    "follow_ups:\n  - action: Fix it\n    owner: ana\n    due: 2026-11-18\n  - action: Other\n    status: open\n",
    "log:\n  - {date: 2026-01-15, entry: Draft started}\n  - 2026-01-16\n",
    "indentless:\n- a\n- b: 1\n  c: 2\nafter: x\n",
    "deep:\n  one:\n    two:\n      three: 3\n  back: b\nmore:\n    - x\n    -   y: 1\n        z: 2\n",
    "item:\n  - key:\n      sub: 1\n    next: 2\n  - key:\n    next: 3\n",
    "seqmap:\n- a:\n  - x\n  b: 1\n",
    "nulls:\nalso null:   # comment\nlast:",
    "title: Fix [prod] {edge}, again:partly\nurl: https://example.com/a?b=c#frag\npct: 100%\n",
    "unicode: Café ✓ 日本\nkey.with/odd-chars_: v\n",
    "spaces:    lots   of   space   \n",
]

# Not simple: simpleyaml gives up, PyYAML reads them (or reports them).
NOT_SIMPLE = [
    "a: &x 1\nb: *x\n",  # anchors and aliases
    "<<: {m: 1}\n",  # merge key
    "a: !!str 5\n",  # tag
    "a: |\n  one\n  two\n",  # block scalar
    "a: >-\n  one\n  two\n",
    "a: one\n  two\n",  # multi-line plain scalar
    "a: 'one\n  two'\n",  # multi-line quoted scalar
    'a: "esc\\tape"\n',  # escapes
    "a: b\na: c\n",  # duplicate key (PyYAML reports it)
    "a: {b: 1, b: 2}\n",
    "\tkey: tab\n",
    "a:\tb\n",
    "\ufeffa: 1\n",  # BOM
    "a: 1\r\nb: 2\r\n",  # Windows line ends
    "a: 1\rb: 2\n",
    "a: 1\x85b: 2\n",
    "a: 1\u2028b: 2\n",
    "a: \x07\n",
    "yes: 1\n",  # keys that are not text
    "1: one\n",
    "null: x\n",
    "a: 012\n",  # octal
    "a: 0x1F\n",
    "a: 1_000\n",
    "a: 1:20\n",  # sexagesimal
    "a: 1.0e+999\n",
    "a: .inf\n",
    "a: .nan\n",
    "a: -.inf\n",
    "a: 1.\n",
    "a: " + "9" * 400 + "\n",
    "a: [1, 2\n",  # errors
    "a: b: c\n",
    "- a\nb: c\n",
    "a: *nowhere\n",
    "a: 1\n  b: 2\n",
    "a:\n  b: 1\n c: 2\n",
    "a: [b]c\n",
    "a: 'b'c\n",
    "a: {b}\n",
    "a: [a:b]\n",
    "a: [x, ]\n",
    "? complex\n: v\n",
    "- a\n- b\n",  # not a mapping
    "just a string\n",
    "",
    "# only a comment\n",
    "  indented: 1\n",
    "---\na: 1\n",
    "a: 1\n...\n",
    "%YAML 1.1\n---\na: 1\n",
    "a: -1\n",
    "a: @x\n",
    "a: `x`\n",
    "a: %x\n",
    "a:\n  - - x\n",
    "a:\n  -\n    b: 1\n",
    "a:b\n",
    '"quoted key": 1\n',
    "a: [#x]\n",
    "a: {b: }\n",
    "a: x:\n",
]


def _pyyaml(text: str) -> Any:
    loader = yamlio._Loader(text)  # the pure-Python composer: the reference
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def _lines(value: Any) -> Any:
    """Value, type and every line, all the way down."""
    if isinstance(value, yamlio.LineDict):
        return ("map", value.line, value.key_lines, {k: _lines(v) for k, v in value.items()})
    if isinstance(value, yamlio.LineList):
        return ("seq", value.line, value.item_lines, [_lines(v) for v in value])
    return (type(value).__name__, value)


def _problems(text: str, simple: bool) -> list[Any]:
    log = ProblemLog()
    original = yamlio.load_simple
    try:
        if not simple:
            yamlio.load_simple = lambda text: None  # type: ignore[assignment]
        data = yamlio.load_yaml(text, "f.md", log, line_offset=3)
    finally:
        yamlio.load_simple = original  # type: ignore[assignment]
    return [_lines(data), log.items]


@pytest.mark.parametrize("text", SIMPLE)
def test_simple_mappings_read_as_pyyaml_reads_them(text: str) -> None:
    simple = load_simple(text)
    assert simple is not None
    assert _lines(simple) == _lines(_pyyaml(text))
    assert _problems(text, True) == _problems(text, False)


@pytest.mark.parametrize("text", NOT_SIMPLE)
def test_everything_else_is_left_to_pyyaml_with_its_messages_and_lines(text: str) -> None:
    assert load_simple(text) is None
    assert _problems(text, True) == _problems(text, False)


def test_front_matter_lines_are_file_lines() -> None:
    text = "---\nid: INC-20261104-01\n# note\nroles:\n  coordinator: ana\nfollow_ups:\n  - action: x\n---\n# T\n"
    front, _, _ = split_front(text)
    assert front is not None
    data = load_simple("\n" + front)
    assert data is not None and _lines(data) == _lines(_pyyaml("\n" + front))
    assert data.line_of("roles") == 4 and data["roles"].line == 5 and data["follow_ups"].item_lines == [7]


def test_remembered_values_keep_plain_and_quoted_apart() -> None:
    """Plain texts' values are remembered across documents; quoted texts are always text."""
    text = "a: 5\nb: '5'\nc: yes\nd: 'yes'\ne: null\nf: 'null'\ng: 1.5\nh: '1.5'\n"
    for _ in range(2):
        data = load_simple(text)
        assert data == {"a": 5, "b": "5", "c": True, "d": "yes", "e": None, "f": "null", "g": 1.5, "h": "1.5"}
        assert _lines(data) == _lines(_pyyaml(text))


def test_mutated_texts_read_as_pyyaml_reads_them_or_are_left_to_it() -> None:
    """Seeded mutations of the simple texts (a character put in, taken out or repeated): whenever
    simpleyaml reads one, PyYAML reads the same values and lines; otherwise PyYAML's messages stand."""
    rng = random.Random(20261205)
    alphabet = [*" \n:-#,[]{}'\"&*!|>?%@`\t\\0aZ.~", "- ", ": ", " #", "  ", "\n  ", "\n- "]
    read = 0
    for _ in range(3000):
        text = rng.choice(SIMPLE)
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(text) + 1)
            edit = rng.random()
            if edit < 0.5:
                text = text[:at] + rng.choice(alphabet) + text[at:]
            elif edit < 0.8:
                text = text[:at] + text[at + 1 :]
            else:
                text = text[:at] + text[at : at + 3] + text[at:]
        simple = load_simple(text)
        if simple is not None:
            read += 1
            assert _lines(simple) == _lines(_pyyaml(text)), text
    assert read > 500  # the mutations exercise the reader, not only its refusals


@pytest.mark.parametrize("text", [*SIMPLE, *NOT_SIMPLE, "a: 1\n---\nb: 2\n", "---\na: 1\n...\n---\n- x\n"])
def test_streams_read_as_pyyaml_reads_them(text: str) -> None:
    """load_yaml_all: a simple text is the stream's one document; anything else is PyYAML's."""

    def stream(simple: bool) -> list[Any]:
        log = ProblemLog()
        original = yamlio.load_simple
        try:
            if not simple:
                yamlio.load_simple = lambda text: None  # type: ignore[assignment]
            docs = yamlio.load_yaml_all(text, "f.yml", log)
        finally:
            yamlio.load_simple = original  # type: ignore[assignment]
        return [[_lines(d) for d in docs], log.items]

    assert stream(True) == stream(False)


PLAINS = [
    "2026-11-04", "2026-11-04T10:00:00Z", "2026-11-04 10:00", "2026-1-4", "1234-5", "12.4e-5", "1.2e-5",
    "123e-5", "0-1", "0000-00-00", "9999-99-99x", "1_000", "1:20", "0o17", "0b101", "0x1f", "012", "-1", "+1",
    ".5", "5.", "Incident 0", "INC-20261104-01", "n", "N", "no", "No", "y", "on", "Off", "~", "null", "Null",
    "nothing", "true", "tRue", "f", "=", "<<", "<x", "yes-or-no", "SEV-1", "100%", "é", "٣",
]  # fmt: skip


@pytest.mark.parametrize("plain", PLAINS)
def test_plain_scalars_type_as_pyyaml_types_them(plain: str) -> None:
    """The shortcuts for text and dates (no resolver asked) agree with PyYAML's resolvers."""
    for text in (f"a: {plain}\n", f"a: [{plain}]\n", f"a:\n  - {plain}\n"):
        simple = load_simple(text)
        if simple is not None:
            assert _lines(simple) == _lines(_pyyaml(text))
