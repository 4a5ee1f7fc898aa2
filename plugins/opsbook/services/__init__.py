"""Services and their SLOs: `ops/slo.yml` (native) and foreign specs under `ops/slo/`."""
