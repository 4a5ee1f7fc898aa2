"""Foreign SLO specs (OpenSLO v1/v1alpha, Sloth, Sloth CRD, Pyrra): reading, merging, notes, problems."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from opsbook.build import load_handbook
from opsbook.handbook import Handbook
from opsbook.services.specs import SpecError, alpha_window, infer_sli, le_threshold, percent, service_id, window
from opsbook.settings import Settings

NATIVE = """\
window: 30d
services:
  api:
    title: Public API
    owner: platform-pod
    slos:
      - sli: availability
        objective: 99.9
"""


def _load(make_site: Callable[..., Path], files: dict[str, str], native: str | None = NATIVE) -> Handbook:
    if native is not None:
        files = {"ops/slo.yml": native, **files}
    return load_handbook(Settings(root=make_site(files)))


# ---------------------------------------------------------------- targets and windows


@pytest.mark.parametrize("value", [0.999, 99.9, "99.9", "0.999", " 99.9 ", "99.9%"])
def test_every_way_of_writing_a_target_means_the_same_percent(value: object) -> None:
    assert percent(value, fraction_field=False) == 99.9
    assert percent(value, fraction_field=True) == 99.9


@pytest.mark.parametrize(
    "value",
    [0, 100, 100.5, -1, "abc", "", None, True, float("nan"), "nan", "inf", ".nan", [99], 99.99999, 0.9999999],
)
def test_impossible_targets_are_refused_with_what_is_allowed(value: object) -> None:
    with pytest.raises(SpecError, match="percent"):
        percent(value, fraction_field=False)


def test_one_is_100_percent_in_a_fraction_field_and_1_percent_in_a_percent_field() -> None:
    with pytest.raises(SpecError):
        percent(1, fraction_field=True)  # OpenSLO target: 1 -> 100 %, no error budget
    assert percent(1, fraction_field=False) == 1.0
    assert percent("95", fraction_field=False) == 95.0


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("30d", 30),
        ("4w", 28),
        ("2w", 14),
        ("1M", 30),
        ("1Q", 90),
        ("1Y", 365),
        ("1y", 365),
        ("36h", 1.5),
        ("1d12h", 1.5),
    ],
)
def test_windows_in_prometheus_and_openslo_shorthand(text: str, days: float) -> None:
    assert window(text) == timedelta(days=days)


@pytest.mark.parametrize("text", ["1m", "30m", "monthly", "", "0d"])
def test_windows_shorter_than_a_day_or_unreadable_are_refused(text: str) -> None:
    with pytest.raises(SpecError, match="window"):
        window(text)


@pytest.mark.parametrize("text", ["401d", "2Y", "99999999999d", "99999999999Y", "9" * 400 + "d"])
def test_windows_longer_than_400_days_are_out_of_range_not_overflows(text: str) -> None:
    with pytest.raises(SpecError, match="is out of range; an SLO window is between 1d and 400d"):
        window(text)


@pytest.mark.parametrize(("count", "unit"), [(401, "Day"), (10**400, "Day"), (1e300, "Year")])
def test_v1alpha_windows_out_of_range_are_refused(count: object, unit: str) -> None:
    with pytest.raises(SpecError, match="is out of range; an SLO window is between 1d and 400d"):
        alpha_window(count, unit)


def test_an_unusable_le_bucket_gives_no_threshold() -> None:
    assert le_threshold('rate(x{le="1e999"}[5m])') is None
    assert le_threshold('rate(x{le="0"}[5m])') is None
    assert le_threshold('rate(x{le="0.25"}[5m])') == timedelta(milliseconds=250)


def test_service_names_become_ids_and_slis_are_inferred_from_names() -> None:
    assert service_id("Checkout API") == "checkout-api"
    assert service_id("kube_apiserver") == "kube-apiserver"
    assert service_id("") is None and service_id(None) is None and service_id({"a": 1}) is None
    assert infer_sli(("requests-latency",), "availability") == "latency"
    assert infer_sli(("nginx-api-errors",), "latency") == "availability"
    assert infer_sli(("home-wifi-satisfaction",), "availability") == "availability"  # the default
    assert infer_sli(("queue-lag",), "availability") == "freshness"
    assert le_threshold('sum(rate(x_bucket{le="0.4",verb!="WATCH"}[5m]))') == timedelta(milliseconds=400)
    assert le_threshold({"good": {"query": 'x{le="5"}'}}) == timedelta(seconds=5)
    assert le_threshold('x{le="+Inf"}') is None


# ---------------------------------------------------------------- each format


OPENSLO_V1 = """\
apiVersion: openslo/v1
kind: Service
metadata:
  name: checkout
  displayName: Checkout
spec:
  description: Takes the money.
---
apiVersion: openslo/v1
kind: SLI
metadata:
  name: checkout-fast
spec:
  ratioMetric:
    good: {metricSource: {type: Prometheus, spec: {query: 'sum(rate(h_bucket{le="0.25"}[5m]))'}}}
    total: {metricSource: {type: Prometheus, spec: {query: 'sum(rate(h_count[5m]))'}}}
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-latency
  displayName: Checkout latency
spec:
  service: checkout
  indicatorRef: checkout-fast
  timeWindow:
    - duration: 28d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - displayName: Fast
      target: 0.99
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: api-availability
spec:
  service: api
  indicator:
    metadata: {name: api-success}
    spec:
      ratioMetric: {good: {metricSource: {type: P}}, total: {metricSource: {type: P}}}
  timeWindow: [{duration: 1M, isRolling: false, calendar: {startTime: "2026-01-01 00:00:00", timeZone: UTC}}]
  budgetingMethod: Timeslices
  objectives:
    - {displayName: Internal, targetPercent: 99.95}
    - {displayName: SLA, target: 0.995}
"""


def test_openslo_v1_slos_merge_into_native_services_and_create_new_ones(
    make_site: Callable[..., Path],
) -> None:
    hb = _load(make_site, {"ops/slo/openslo.yaml": OPENSLO_V1})
    assert hb.problems == ()
    api = hb.service_by_id["api"]
    assert api.title == "Public API" and api.owner == "platform-pod"  # native data wins
    assert [s.source_format for s in api.slos] == ["opsbook", "openslo/v1", "openslo/v1"]
    internal, sla = api.slos[1:]
    assert (internal.name, internal.objective, internal.window_days, internal.calendar) == (
        "api-availability: Internal",
        99.95,
        30,
        True,
    )
    assert (sla.objective, sla.sli, sla.budgeting_method) == (99.5, "availability", "Timeslices")
    assert (sla.file, sla.line) == ("ops/slo/openslo.yaml", 48)
    checkout = hb.service_by_id["checkout"]  # only the foreign spec knows it: created
    assert (checkout.title, checkout.description, checkout.file) == (
        "Checkout",
        "Takes the money.",
        "ops/slo/openslo.yaml",
    )
    (slo,) = checkout.slos
    assert (slo.name, slo.sli, slo.objective, slo.window_days) == ("Checkout latency", "latency", 99.0, 28)
    assert slo.threshold == timedelta(milliseconds=250)  # from the referenced SLI's le="0.25"
    assert slo.budget_minutes == pytest.approx(0.01 * 28 * 24 * 60)
    assert [s.id for s in hb.services] == ["api", "checkout"]


def test_openslo_v1alpha_top_level_list_with_count_and_unit_windows(make_site: Callable[..., Path]) -> None:
    spec = """\
    - apiVersion: openslo/v1alpha
      kind: SLO
      metadata: {name: web-latency, displayName: Web latency}
      spec:
        service: web
        indicator:
          thresholdMetric: {source: Prometheus, queryType: query, query: latency_ms}
        timeWindows:
          - unit: Week
            count: 1
            isRolling: false
            calendar: {startTime: "2022-01-01 12:00:00", timeZone: UTC}
        budgetingMethod: Occurrences
        objectives:
          - {displayName: Good, value: 200.0, op: gt, target: 0.98}
    - apiVersion: openslo/v1alpha
      kind: SLO
      metadata: {name: web-availability}
      spec:
        service: web
        timeWindows: [{count: 30, unit: Day}]
        objectives:
          - ratioMetrics: {good: {query: ok}, total: {query: all}}
            target: 0.999
    """
    hb = _load(make_site, {"ops/slo/web.yml": spec})
    assert hb.problems == ()
    latency, availability = hb.service_by_id["web"].slos
    assert (latency.sli, latency.objective, latency.window_days, latency.calendar) == ("latency", 98, 7, True)
    assert latency.source_format == "openslo/v1alpha" and latency.line == 15  # the objective
    assert (availability.sli, availability.objective, availability.window_days) == ("availability", 99.9, 30)
    assert availability.budget_minutes == pytest.approx(43.2)


def test_sloth_files_and_the_kubernetes_crd_with_multi_documents(make_site: Callable[..., Path]) -> None:
    plain = """\
    version: "prometheus/v1"
    service: "myservice"
    labels: {owner: platform-pod}
    slos:
      - name: "requests-availability"
        objective: 99.9
        description: "Common SLO based on availability for HTTP request responses."
        sli:
          events:
            error_query: sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))
            total_query: sum(rate(http_requests_total[{{.window}}]))
      - name: "requests-latency"
        objective: "99"
        labels: {category: latency}
        sli:
          raw:
            error_ratio_query: 1 - (sum(rate(d_bucket{le="0.3"}[{{.window}}])) / sum(rate(d[{{.window}}])))
    """
    crd = """\
    ---
    apiVersion: sloth.slok.dev/v1
    kind: PrometheusServiceLevel
    metadata: {name: sloth-slo-api}
    spec:
      service: api
      slos:
        - {name: api-errors, objective: 0.995, sli: {events: {errorQuery: e, totalQuery: t}}}
    ---
    apiVersion: sloth.slok.dev/v1
    kind: AlertWindows
    spec: {sloPeriod: 7d}
    """
    hb = _load(make_site, {"ops/slo/sloth.yml": plain, "ops/slo/k8s/api.yaml": crd})
    assert hb.problems == ()
    avail, latency = hb.service_by_id["myservice"].slos
    assert (avail.name, avail.sli, avail.objective, avail.window_days) == (
        "requests-availability",
        "availability",
        99.9,
        30,
    )
    assert (latency.sli, latency.objective, latency.threshold) == ("latency", 99, timedelta(milliseconds=300))
    assert hb.service_by_id["myservice"].owner == "platform-pod"  # a created service takes the owner label
    sloth_api = hb.service_by_id["api"].slos[1]
    assert (sloth_api.source_format, sloth_api.objective, sloth_api.line) == ("sloth-k8s", 99.5, 8)
    assert [(n.file, n.line) for n in hb.notes] == [("ops/slo/k8s/api.yaml", 10)]
    assert "AlertWindows" in hb.notes[0].message


def test_pyrra_string_targets_windows_service_labels_and_latency_buckets(
    make_site: Callable[..., Path],
) -> None:
    nginx = """\
    apiVersion: pyrra.dev/v1alpha1
    kind: ServiceLevelObjective
    metadata:
      name: nginx-api-errors
      namespace: monitoring
      labels: {prometheus: k8s, role: alert-rules}
    spec:
      target: '99.9'
      window: 4w
      indicator:
        ratio: {errors: {metric: 'r{status=~"5.."}'}, total: {metric: r}}
    ---
    # Latency
    apiVersion: pyrra.dev/v1alpha1
    kind: ServiceLevelObjective
    metadata:
      name: api-latency
      labels: {service: api}
    spec:
      description: ""
      target: "90" # 90% faster than 1s
      window: 2w
      indicator:
        latency:
          success: {metric: 'd_bucket{le="1"}'}
          total: {metric: d_count}
    """
    hb = _load(make_site, {"ops/slo/nginx.yaml": nginx})
    assert hb.problems == ()
    (errors,) = hb.service_by_id["nginx-api-errors"].slos  # no service label: metadata.name is the service
    assert (errors.objective, errors.window_days, errors.sli, errors.source_format) == (
        99.9,
        28,
        "availability",
        "pyrra",
    )
    latency = hb.service_by_id["api"].slos[-1]  # the `service` label merges it into api
    assert (latency.objective, latency.window_days, latency.threshold, latency.line) == (
        90,
        14,
        timedelta(seconds=1),
        14,
    )


def test_the_sli_can_be_stated_explicitly_with_a_label(make_site: Callable[..., Path]) -> None:
    spec = """\
    apiVersion: pyrra.dev/v1alpha1
    kind: ServiceLevelObjective
    metadata: {name: queue-depth, labels: {service: jobs, opsbook.dev/sli: freshness}}
    spec: {target: "99", window: 7d, indicator: {ratio: {errors: {metric: a}, total: {metric: b}}}}
    """
    hb = _load(make_site, {"ops/slo/jobs.yaml": spec})
    assert hb.service_by_id["jobs"].slos[0].sli == "freshness"


# ---------------------------------------------------------------- skipped, never a crash


def test_unsupported_kinds_and_versions_are_notes_not_problems(make_site: Callable[..., Path]) -> None:
    spec = """\
    - apiVersion: openslo/v1
      kind: AlertPolicy
      metadata: {name: p}
      spec: {conditions: []}
    - apiVersion: openslo/v1
      kind: DataSource
      metadata: {name: prom}
    - apiVersion: openslo.com/v2alpha
      kind: SLO
      metadata: {name: x}
      spec: {service: web}
    - just a string
    """
    other = """\
    apiVersion: monitoring.coreos.com/v1
    kind: PrometheusRule
    metadata: {name: rules}
    ---
    ---
    plain: yaml without apiVersion
    """
    hb = _load(make_site, {"ops/slo/alerts.yaml": spec, "ops/slo/rules.yml": other, "ops/slo/README.md": "# hi"})
    assert hb.problems == ()
    assert [(n.file, n.line) for n in hb.notes] == [
        ("ops/slo/alerts.yaml", 1),
        ("ops/slo/alerts.yaml", 5),
        ("ops/slo/alerts.yaml", 8),
        ("ops/slo/alerts.yaml", 12),
        ("ops/slo/rules.yml", 1),
        ("ops/slo/rules.yml", 6),
    ]
    messages = " | ".join(n.message for n in hb.notes)
    assert "AlertPolicy" in messages and "DataSource" in messages and "openslo.com/v2alpha" in messages
    assert "monitoring.coreos.com/v1" in messages and "no apiVersion" in messages
    assert [s.id for s in hb.services] == ["api"]  # nothing invented from skipped documents


# ---------------------------------------------------------------- problems with file and line


BAD = """\
apiVersion: openslo/v1
kind: SLO
metadata: {name: bad-target}
spec:
  service: api
  timeWindow: [{duration: 30d, isRolling: true}]
  objectives:
    - displayName: too high
      target: 150
    - displayName: fine
      target: 0.999
---
apiVersion: openslo/v1
kind: SLO
metadata: {name: bad-window}
spec:
  service: api
  timeWindow:
    - duration: 1m
      isRolling: false
  objectives: [{target: 0.99}]
---
apiVersion: openslo/v1
kind: SLO
metadata: {name: no-service}
spec:
  timeWindow: [{duration: 7d}]
  objectives: [{target: 0.99}]
---
apiVersion: openslo/v1
kind: SLO
metadata: {name: dangling}
spec:
  service: api
  indicatorRef: nowhere
  timeWindow: [{duration: 7d}]
  objectives: [{target: 0.99}]
"""


def test_invalid_slos_are_problems_with_file_and_line_and_the_rest_is_kept(
    make_site: Callable[..., Path],
) -> None:
    pyrra = """\
    apiVersion: pyrra.dev/v1alpha1
    kind: ServiceLevelObjective
    metadata: {name: web-errors}
    spec: {target: "ninety-nine", window: 4w}
    ---
    apiVersion: pyrra.dev/v1alpha1
    kind: ServiceLevelObjective
    metadata: {name: web-errors-2}
    spec: {target: "99", window: four weeks}
    """
    sloth = """\
    version: prometheus/v1
    service: api
    slos:
      - {name: no-objective}
      - {name: percent-too-high, objective: 100}
      - {name: ok, objective: 95}
    """
    hb = _load(make_site, {"ops/slo/bad.yaml": BAD, "ops/slo/pyrra.yaml": pyrra, "ops/slo/sloth.yml": sloth})
    found = {(p.file, p.line): p.message for p in hb.problems}
    assert set(found) == {
        ("ops/slo/bad.yaml", 9),
        ("ops/slo/bad.yaml", 19),
        ("ops/slo/bad.yaml", 26),
        ("ops/slo/bad.yaml", 35),
        ("ops/slo/pyrra.yaml", 4),
        ("ops/slo/pyrra.yaml", 9),
        ("ops/slo/sloth.yml", 4),
        ("ops/slo/sloth.yml", 5),
    }
    assert "target 150 is out of range" in found[("ops/slo/bad.yaml", 9)]
    assert "1M" in found[("ops/slo/bad.yaml", 19)]  # says how a month is written
    assert "spec.service is nothing" in found[("ops/slo/bad.yaml", 26)]
    assert "indicatorRef 'nowhere'" in found[("ops/slo/bad.yaml", 35)]
    assert "'ninety-nine' is not a number" in found[("ops/slo/pyrra.yaml", 4)]
    assert "four weeks" in found[("ops/slo/pyrra.yaml", 9)]
    assert "has no objective" in found[("ops/slo/sloth.yml", 4)]
    # The valid objectives next to the broken ones are kept (the dangling ref still names its SLO).
    kept = [(s.name, s.objective) for s in hb.service_by_id["api"].slos[1:]]
    assert kept == [("bad-target: fine", 99.9), ("dangling", 99.0), ("ok", 95.0)]


@pytest.mark.parametrize(
    "content",
    [
        b"\x00\x01binary",
        b"\xff\xfe not utf-8",
        b"key: [unclosed\n",
        b"- - - -\n",
        b"a: &x [*x]\n",
        b"apiVersion: openslo/v1\nkind: SLO\nspec: 7\n",
        b"apiVersion: openslo/v1\nkind: SLO\nspec:\n  objectives: 5\n",
        b"version: prometheus/v1\nservice: [a, b]\nslos: {}\n",
        b"apiVersion: pyrra.dev/v1alpha1\nkind: ServiceLevelObjective\n",
        b"apiVersion: openslo/v1\nkind: SLO\nspec:\n  service: x\n  timeWindow: [{count: many, unit: Fortnight}]\n",
    ],
)
def test_garbage_never_crashes_and_never_drops_the_native_services(
    make_site: Callable[..., Path], content: bytes
) -> None:
    root = make_site({"ops/slo.yml": NATIVE})
    (root / "ops" / "slo").mkdir()
    (root / "ops" / "slo" / "x.yaml").write_bytes(content)
    hb = load_handbook(Settings(root=root))
    assert hb.service_by_id["api"].slos[0].objective == 99.9
    assert all(p.file == "ops/slo/x.yaml" for p in hb.problems)


def test_no_slo_folder_and_no_native_file_is_simply_no_services(make_site: Callable[..., Path]) -> None:
    assert load_handbook(Settings(root=make_site({}))).services == ()


def test_foreign_specs_alone_make_services_without_a_native_file(make_site: Callable[..., Path]) -> None:
    hb = _load(
        make_site,
        {"ops/slo/sloth.yml": "version: prometheus/v1\nservice: jobs\nslos: [{objective: 99}]\n"},
        native=None,
    )
    assert [(s.id, len(s.slos)) for s in hb.services] == [("jobs", 1)]
