"""The team: people, roles and on-call rotations (`ops/team.yml`)."""
