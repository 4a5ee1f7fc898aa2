"""The operating cadence (`ops/cadence.yml`): rituals, their page and the `cadence.ics` feed."""
