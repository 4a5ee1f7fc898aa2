"""Incidents and postmortems: `ops/incidents/*.md`, their derived figures, pages and charts."""
