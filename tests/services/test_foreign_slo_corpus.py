"""Foreign SLO specs from real repositories (../shared/corpus/slo, see SOURCES.md), folder by folder.

`python tests/services/test_foreign_slo_corpus.py` prints the per-folder table (files, SLOs read,
skipped documents, problems) and every problem.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "slo"
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not here")


@dataclass(frozen=True)
class FolderResult:
    folder: str
    files: int
    slos: tuple  # type: ignore[type-arg]
    services: tuple  # type: ignore[type-arg]
    skipped: int
    problems: tuple  # type: ignore[type-arg]
    notes: tuple  # type: ignore[type-arg]


def read_folder(folder: str) -> FolderResult:
    """Read one corpus folder as the SLO folder of a handbook whose root is the corpus."""
    from opsbook.problems import ProblemLog
    from opsbook.services.foreign import load_foreign
    from opsbook.settings import Settings

    log = ProblemLog()
    specs = load_foreign(Settings(root=CORPUS, slo="no-native.yml", slo_dir=folder), log)
    return FolderResult(
        folder, specs.files, specs.slos, specs.services, specs.skipped, log.sorted(), log.sorted_notes()
    )


def folders() -> list[str]:
    return sorted(p.name for p in CORPUS.iterdir() if p.is_dir()) if CORPUS.is_dir() else []


def table() -> str:
    """The per-folder table as Markdown, followed by every problem."""
    rows = ["| Folder | Files | SLOs read | Skipped | Problems |", "|---|---:|---:|---:|---:|"]
    details: list[str] = []
    for name in folders():
        r = read_folder(name)
        rows.append(f"| {name} | {r.files} | {len(r.slos)} | {r.skipped} | {len(r.problems)} |")
        details += [f"- {p}" for p in r.problems]
    return "\n".join([*rows, *(["", *details] if details else [])])


def _slo(result: FolderResult, file_end: str, name: str):  # type: ignore[no-untyped-def]
    matches = [s for s in result.slos if s.file.endswith(file_end) and s.name == name]
    assert len(matches) == 1, [(s.file, s.name) for s in result.slos if s.file.endswith(file_end)]
    return matches[0]


def test_every_corpus_folder_is_read_without_crashing_and_counted() -> None:
    counts = {r.folder: (r.files, len(r.slos), r.skipped, len(r.problems)) for r in map(read_folder, folders())}
    assert counts == {
        "openslo-examples": (4, 3, 0, 1),
        "openslo-pkg-examples": (16, 3, 26, 0),
        "pyrra": (28, 29, 0, 0),
        "sloth": (20, 27, 2, 0),
    }


def test_openslo_examples_fraction_targets_rolling_and_calendar_windows() -> None:
    r = read_folder("openslo-examples")
    search = _slo(r, "budgeting-method/occurences-slo.yaml", "Searching time")
    assert (search.service, search.sli, search.objective, search.window_days) == (
        "web-shop",
        "latency",
        99,
        14,
    )
    assert (search.budgeting_method, search.calendar, search.source_format) == (
        "Occurrences",
        False,
        "openslo/v1",
    )
    main_page = _slo(r, "ratio-timeslices.yaml", "Main page availability")
    assert (main_page.sli, main_page.budgeting_method) == ("availability", "RatioTimeslices")
    low_traffic = _slo(
        r, "treat-low-traffic-as-equally-important/timeslices-slo.yaml", "SLO for this important service"
    )
    assert (low_traffic.objective, low_traffic.window_days, low_traffic.calendar) == (99.95, 7, True)
    assert low_traffic.budget_minutes == pytest.approx(0.0005 * 7 * 24 * 60)
    # Upstream writes `duration: 1m` with the comment "1 month time window": in OpenSLO m is minutes.
    (problem,) = r.problems
    assert (problem.file, problem.line) == ("openslo-examples/budgeting-method/timeslices-slo.yaml", 27)
    assert "'1m'" in problem.message and "1M" in problem.message


def test_openslo_pkg_examples_top_level_lists_versions_and_skipped_kinds() -> None:
    r = read_folder("openslo-pkg-examples")
    v1 = _slo(r, "v1/examples/slos.yaml", "SLO for web availability")
    assert (v1.service, v1.objective, v1.window_days, v1.calendar, v1.budgeting_method) == (
        "web",
        99.5,
        7,
        True,
        "Timeslices",
    )
    threshold = _slo(r, "v1alpha/examples/slos.yaml", "Threshold SLO for web latency")
    assert (threshold.sli, threshold.objective, threshold.window_days, threshold.source_format) == (
        "latency",
        98,
        7,
        "openslo/v1alpha",
    )
    ratio = _slo(r, "v1alpha/examples/slos.yaml", "Ratio SLO for web availability")
    assert (ratio.sli, ratio.objective) == ("availability", 99.5)
    services = {s.id: s for s in r.services}
    assert services["example-service"].title == "Example Service"  # v1alpha's displayName fills it
    assert services["example-service"].description == "Example service description"
    kinds = sorted(n.message.split(" skipped")[0] for n in r.notes if n.file.startswith("openslo-pkg-examples/v1/"))
    assert (
        kinds
        == ["openslo/v1 kind 'AlertCondition'"] * 2
        + ["openslo/v1 kind 'AlertNotificationTarget'"] * 2
        + ["openslo/v1 kind 'AlertPolicy'"] * 3
        + ["openslo/v1 kind 'DataSource'"] * 2
    )
    v2 = [n for n in r.notes if "/v2alpha/" in n.file]
    assert len(v2) == 17 and all("openslo.com/v2alpha" in n.message for n in v2)


def test_pyrra_string_targets_windows_and_latency_thresholds() -> None:
    r = read_folder("pyrra")
    errors = _slo(r, "pyrra/nginx.yaml", "nginx-api-errors")
    assert (errors.service, errors.objective, errors.window_days, errors.sli) == (
        "nginx-api-errors",
        99.9,
        28,
        "availability",
    )
    latency = _slo(r, "pyrra/nginx.yaml", "nginx-api-latency")  # the second document, after a comment
    assert (latency.objective, latency.threshold, latency.line) == (90, timedelta(seconds=1), 20)
    caddy = _slo(r, "caddy-response-latency.yaml", "caddy-response-latency")
    assert (caddy.objective, caddy.window_days, caddy.threshold) == (90, 28, timedelta(milliseconds=50))
    coredns = _slo(r, "slo-coredns-response-errors.yaml", "coredns-response-errors")
    assert (coredns.objective, coredns.window_days) == (99.99, 14)
    thanos = _slo(r, "thanos-grpc.yaml", "thanos-store")
    assert (thanos.objective, thanos.window_days, thanos.source_format) == (99.5, 7, "pyrra")


def test_sloth_three_dialects_in_one_folder() -> None:
    r = read_folder("sloth")
    plain = _slo(r, "sloth/getting-started.yml", "requests-availability")
    assert (plain.service, plain.objective, plain.window_days, plain.source_format) == (
        "myservice",
        99.9,
        30,
        "sloth",
    )
    assert plain.budget_minutes == pytest.approx(43.2)
    crd = [s for s in r.slos if s.file.endswith("k8s-multifile.yml")]
    assert [(s.service, s.objective, s.source_format) for s in crd] == [
        ("myservice", 99.9, "sloth-k8s"),
        ("myservice2", 99.99, "sloth-k8s"),
    ]
    vm = [s for s in r.slos if s.file.endswith("victoria-metrics.yml")]  # `version: prometheus/v1` unquoted
    assert [(s.name, s.sli, s.objective) for s in vm] == [
        ("grpc-latency-percentile-90", "latency", 90),
        ("grpc-latency-percentile-99", "latency", 99),
    ]
    api_latency = _slo(r, "sloth/openslo-kubernetes-apiserver.yml", "Requests Latency < 400ms")
    assert (api_latency.objective, api_latency.source_format) == (99, "openslo/v1alpha")
    assert _slo(r, "sloth/openslo-kubernetes-apiserver.yml", "Requests Latency < 5s").objective == 99.9
    assert {s.id: s.owner for s in r.services}["myservice2"] == "myteam2"
    assert sorted(n.file for n in r.notes) == ["sloth/windows/7d.yaml", "sloth/windows/custom-30d.yaml"]


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "plugins"))
    print(table())
