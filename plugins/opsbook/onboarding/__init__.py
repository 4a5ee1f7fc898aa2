"""Onboarding: the reading list per role, the 30/60/90 plan and the first-week checklist."""
