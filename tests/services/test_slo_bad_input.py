"""Bad input in ops/slo.yml: every problem names file and line, and never drops other items."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from opsbook.build import load_handbook
from opsbook.problems import ProblemLog
from opsbook.settings import Settings
from opsbook.sources import MAX_BYTES, read_text


def _load(make_site: Callable[..., Path], slo: str | bytes):  # type: ignore[no-untyped-def]
    root = make_site({})
    path = root / "ops" / "slo.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(slo, bytes):
        path.write_bytes(slo)
    else:
        path.write_text(slo, "utf-8")
    return load_handbook(Settings(root=root))


GOOD_AND_BAD = """\
window: 30d
services:
  api:
    owner: platform
    slos:
      - sli: availability
        objective: 99.9
      - sli: availability
        objective: 100.5
      - sli: latency
        objective: 99
        threshold: fast
  web:
    slos:
      - sli: availability
        objective: 99.5
"""


def test_bad_slos_are_reported_with_lines_and_the_rest_kept(make_site: Callable[..., Path]) -> None:
    hb = _load(make_site, GOOD_AND_BAD)
    messages = {(p.line, p.message.split(":")[0]) for p in hb.problems}
    assert (9, "services.api.slos.1.objective") in messages
    assert (12, "services.api.slos.2.threshold") in messages
    assert all(p.file == "ops/slo.yml" for p in hb.problems)
    assert "200ms, 30s" in " ".join(p.message for p in hb.problems)  # says what is allowed
    assert "100" in " ".join(p.message for p in hb.problems)
    api = hb.service_by_id["api"]
    assert [s.objective for s in api.slos] == [99.9]  # the good SLO stays
    assert hb.service_by_id["web"].slos[0].objective == 99.5  # the other service stays


def test_unknown_key_lists_allowed_keys(make_site: Callable[..., Path]) -> None:
    hb = _load(make_site, "services:\n  api:\n    ownr: x\n    slos: []\n")
    (p,) = hb.problems
    assert p.line == 3 and "ownr" in p.message and "allowed keys" in p.message and "owner" in p.message
    assert "api" in hb.service_by_id


def test_bad_service_id(make_site: Callable[..., Path]) -> None:
    hb = _load(make_site, "services:\n  Bad_Id:\n    slos: []\n  ok:\n    slos: []\n")
    assert any("lower-case" in p.message for p in hb.problems)
    assert "ok" in hb.service_by_id


def test_bad_window_duration(make_site: Callable[..., Path]) -> None:
    hb = _load(make_site, "window: a month\nservices:\n  api:\n    slos:\n      - {sli: availability, objective: 99}\n")
    assert hb.problems[0].line == 1 and "duration" in hb.problems[0].message
    assert hb.service_by_id["api"].slos[0].window_days == 30  # falls back to the default window


def test_objective_written_as_string_is_a_problem(make_site: Callable[..., Path]) -> None:
    hb = _load(make_site, "services:\n  api:\n    slos:\n      - {sli: availability, objective: '99.9%'}\n")
    assert hb.problems and hb.problems[0].line == 4


def test_syntax_error(make_site: Callable[..., Path]) -> None:
    hb = _load(make_site, "services:\n  api:\n    slos: [\n")
    assert hb.problems[0].file == "ops/slo.yml" and "YAML syntax error" in hb.problems[0].message
    assert hb.services == ()


def test_not_a_mapping(make_site: Callable[..., Path]) -> None:
    hb = _load(make_site, "- just\n- a list\n")
    assert "mapping" in hb.problems[0].message


def test_non_utf8_bytes_name_the_line(make_site: Callable[..., Path]) -> None:
    hb = _load(make_site, b"window: 30d\nservices:\n  api:\n    title: Caf\xe9\n")
    (p,) = hb.problems
    assert p.line == 4 and "UTF-8" in p.message


def test_binary_file(make_site: Callable[..., Path]) -> None:
    hb = _load(make_site, b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    assert "binary" in hb.problems[0].message


def test_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.yml"
    with path.open("wb") as f:
        f.seek(MAX_BYTES + 10)
        f.write(b"\n")
    log = ProblemLog()
    assert read_text(path, "huge.yml", log, tmp_path) is None
    assert "bytes" in log.items[0].message


def test_alias_bomb_in_slo_file(make_site: Callable[..., Path]) -> None:
    bomb = "a: &a [x,x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{n}: &{n} [{','.join(['*' + p] * 10)}]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True)
    )
    hb = _load(make_site, bomb)
    assert "alias bomb" in hb.problems[0].message


@pytest.mark.parametrize("objective", [0, 100, -1])
def test_objective_bounds(make_site: Callable[..., Path], objective: float) -> None:
    hb = _load(make_site, f"services:\n  api:\n    slos:\n      - {{sli: availability, objective: {objective}}}\n")
    assert hb.problems and hb.service_by_id["api"].slos == ()
