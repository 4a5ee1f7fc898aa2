"""Loading `ops/checklists/*.yml` and answering their automated items from the handbook."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..checks import REGISTRY, run
from ..checks.registry import SERVICE
from ..problems import ProblemLog
from ..services.model import unknown_service
from ..slugs import slug  # item keys are readers' localStorage keys: see slugs.py
from ..sourcemap import normalise, resolver, source_title
from ..sources import list_files, name_order, read_yaml, rel
from ..validate import check
from ..yamlio import LineDict, LineList
from .model import Checklist, ChecklistItem, ChecklistSection

if TYPE_CHECKING:
    from ..handbook import Handbook


def resolve_link(
    hb: Handbook, target: str, page_for: Any, file: str, line: int | None, problems: ProblemLog, what: str = "link"
) -> tuple[str, str] | None:
    """(url or site page, title) of a link from the sources; None (with a problem) when it leads nowhere."""
    text = target.strip()
    if re.match(r"^https?://", text):
        return text, ""
    path = normalise(text)
    hint = "use an http(s) URL or a path from the repository root, e.g. ops/runbooks/api.md or docs/index.md"
    if not path or path.startswith("../") or path.startswith("/") or not hb.settings.path(path).exists():
        problems.add(file, line, f"{what} {target!r} names no file in this repository; {hint}")
        return None
    found = page_for(path)
    if found is None:
        problems.add(
            file,
            line,
            f"{what} {target!r} has no page in the handbook; link a docs page or an "
            "ops source that becomes a page (incident, runbook, decision, RFC, roadmap ...)",
        )
        return None
    page, title = found
    return page, title or source_title(hb.settings.root, path)


def load_checklists(hb: Handbook, problems: ProblemLog) -> tuple[Checklist, ...]:
    """Every checklist, with its automated items answered; one bad item never drops the others."""
    settings = hb.settings
    folder = settings.path(settings.checklists)
    page_for = resolver(hb)
    checklists: dict[str, Checklist] = {}
    # By name (sources.name_order): of two files with one id, the earlier keeps it.
    for path in sorted(list_files(folder, (".yml", ".yaml")), key=lambda p: name_order(rel(settings.root, p))):
        name = rel(settings.root, path)
        cid = slug(path.relative_to(folder).with_suffix("").as_posix(), "checklist")
        data = read_yaml(path, name, problems, settings.root, "a mapping with `title` and `items` (or `sections`)")
        if data is None:
            continue
        if not isinstance(data, LineDict):
            problems.add(
                name,
                getattr(data, "line", 1),
                "a checklist is a mapping with `title` and `items` (or `sections` of items)",
            )
            continue
        invalid = check(data, "checklist", name, problems)
        if "title" not in data or invalid.under("title"):
            continue  # the schema named the problem; without a title there is no page to show
        if cid in checklists:
            problems.add(
                name,
                None,
                f"checklist id {cid!r} is also the id of {checklists[cid].file}, so this file is not "
                "published; rename one file",
            )
            continue
        if "items" not in data and "sections" not in data:
            problems.add(name, data.line, "a checklist needs `items` or `sections` of items")
        keys: dict[str, int] = {}
        sections: list[ChecklistSection] = []
        if isinstance(data.get("items"), LineList):
            items = load_items(hb, data["items"], ("items",), invalid, name, keys, page_for, problems)
            sections.append(ChecklistSection(None, "", items))
        for index, raw in enumerate(data.get("sections") or ()):
            if not isinstance(raw, LineDict) or invalid.under("sections", index, "title"):
                continue
            items = load_items(
                hb, raw.get("items"), ("sections", index, "items"), invalid, name, keys, page_for, problems
            )
            sections.append(ChecklistSection(str(raw["title"]), _str(raw.get("description")), items))
        checklists[cid] = Checklist(
            id=cid,
            title=str(data["title"]),
            audience=_str(data.get("audience")),
            description=_str(data.get("description")),
            sections=tuple(sections),
            file=name,
            tags=tuple(str(t) for t in data.get("tags") or () if isinstance(t, str)),
        )
    return tuple(sorted(checklists.values(), key=lambda c: (c.title.lower(), c.id)))


def load_items(
    hb: Handbook,
    raw: Any,
    at: tuple[Any, ...],
    invalid: Any,
    file: str,
    keys: dict[str, int],
    page_for: Any,
    problems: ProblemLog,
    personal: bool = False,
) -> tuple[ChecklistItem, ...]:
    """Items of a checklist; `personal` items (a newcomer's goals) keep their tick box even with a
    check: the organisation having an on-call rotation does not make *you* on-call ready."""
    if not isinstance(raw, LineList):
        return ()
    items: list[ChecklistItem] = []
    for index, entry in enumerate(raw):
        line = raw.line_of(index)
        if invalid.under(*at, index):
            continue
        fields: Any = {"text": entry} if isinstance(entry, str) else entry
        text = str(fields["text"])
        key = str(fields["id"]) if "id" in fields else slug(text)
        if key in keys:
            if "id" in fields:
                problems.add(
                    file, line, f"item id {key!r} is already used on line {keys[key]}; give each item a unique `id`"
                )
                continue
            n = 2
            while f"{key}-{n}" in keys:
                n += 1
            key = f"{key}-{n}"
        keys[key] = line
        item = ChecklistItem(key=key, text=text, line=line, personal=personal)
        check_id, service_id = _str(fields.get("check")) or None, _str(fields.get("service")) or None
        if check_id is not None:
            known = REGISTRY.get(check_id)
            if known is None:
                problems.add(
                    file,
                    _line(fields, "check", line),
                    f"check {check_id!r} is not a known check; use one of: {', '.join(sorted(REGISTRY))}",
                )
                continue
            service = None
            if service_id is not None:
                service = hb.service_by_id.get(service_id)
                if known.scope != SERVICE:
                    problems.add(
                        file,
                        _line(fields, "service", line),
                        f"check {check_id!r} is about the organisation, not one service; remove `service`",
                    )
                    continue
                if service is None:
                    problems.add(
                        file,
                        _line(fields, "service", line),
                        unknown_service(service_id, hb.service_by_id, hb.settings.slo),
                    )
                    continue
            item = replace(item, check=check_id, service=service_id, result=run(hb, check_id, service))
        elif service_id is not None:
            problems.add(
                file,
                _line(fields, "service", line),
                "`service` only applies to an item with a `check`; remove it or add the check",
            )
        if "link" in fields:
            target = resolve_link(hb, str(fields["link"]), page_for, file, _line(fields, "link", line), problems)
            if target is not None:
                item = replace(item, link=target[0], link_title=target[1])
        items.append(item)
    return tuple(items)


def _line(fields: Any, key: str, default: int) -> int:
    return fields.line_of(key) if isinstance(fields, LineDict) else default


def _str(value: Any) -> str:
    return "" if value is None else str(value)
