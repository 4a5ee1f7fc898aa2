"""Checklists (`ops/checklists/*.yml`): items ticked by the reader or answered by a check."""
