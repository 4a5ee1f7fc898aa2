"""The onboarding part of ops.json."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..checklists.export import item_json
from ..site import fields_json, page_url

if TYPE_CHECKING:
    from .model import Onboarding


def onboarding_json(ob: Onboarding) -> dict[str, Any]:
    return {
        "file": ob.file,
        "url": page_url(ob.page),
        "roles": [
            {
                "role": rl.role,
                "url": page_url(rl.page),
                "minutes": rl.minutes,
                "reading": [
                    {
                        **fields_json(i, "path", "title"),
                        "url": page_url(i.page),
                        **fields_json(i, "week", "order", "roles", "why", "words", "minutes", "declared_in"),
                    }
                    for i in rl.items
                ],
            }
            for rl in ob.roles
        ],
        "plan": {str(stage.days): [item_json(i) for i in stage.items] for stage in ob.plan},
        "first_week": [item_json(i) for i in ob.first_week],
    }
