"""Runbooks: one Markdown file per service (`ops/runbooks/<service>.md`), or any folder of them."""
