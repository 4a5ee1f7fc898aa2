"""Loading `ops/onboarding.yml` and the `onboarding:` front matter of hand-written pages."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..checklists.load import load_items, resolve_link
from ..markdown import prose
from ..problems import ProblemLog
from ..sourcemap import normalise, resolver
from ..sources import list_files, present, read_text, read_yaml, rel
from ..validate import check
from ..yamlio import LineDict, LineList, split_front_matter
from .model import ALL, Onboarding, PlanStage, ReadingItem, RoleList

if TYPE_CHECKING:
    from ..handbook import Handbook

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def count_words(markdown: str) -> int:
    """Words a reader reads: code blocks and HTML comments are skipped, link targets not counted."""
    return len(_WORD.findall(prose(markdown)))


def load_onboarding(hb: Handbook, problems: ProblemLog) -> Onboarding | None:
    """The onboarding of the handbook, or None when neither the file nor any page front matter has one."""
    settings = hb.settings
    page_for = resolver(hb)
    entries: list[tuple[str, LineDict, str, int | None]] = []  # (path, fields, declared in, line)
    file: str | None = None
    plan: list[PlanStage] = []
    first_week: tuple[Any, ...] = ()
    path = settings.path(settings.onboarding)
    if present(path):
        file = settings.onboarding
        data = read_yaml(path, file, problems, settings.root, "a mapping with `reading`, `plan` and `first_week`")
        if data is not None and not isinstance(data, LineDict):
            problems.add(
                file,
                getattr(data, "line", 1),
                "the onboarding file is a mapping with `reading`, `plan` and `first_week`",
            )
        elif isinstance(data, LineDict):
            invalid = check(data, "onboarding", file, problems)
            reading = data.get("reading")
            if isinstance(reading, LineList):
                for index, raw in enumerate(reading):
                    if not invalid.under("reading", index) and isinstance(raw, LineDict):
                        entries.append((str(raw["path"]), raw, file, reading.line_of(index)))
            raw_plan = data.get("plan")
            if isinstance(raw_plan, LineDict):
                plan_keys: dict[str, int] = {}  # one tick namespace for the whole plan
                # Keys the schema accepts (1 to 3 digits; any other key is a problem there).
                for days in sorted((k for k in raw_plan if re.fullmatch(r"[0-9]{1,3}", k)), key=int):
                    items = load_items(
                        hb, raw_plan[days], ("plan", days), invalid, file, plan_keys, page_for, problems, personal=True
                    )
                    plan.append(PlanStage(int(days), items))
            first_week = load_items(
                hb, data.get("first_week"), ("first_week",), invalid, file, {}, page_for, problems, personal=True
            )
    entries += _front_matter_entries(hb, problems)
    if file is None and not entries:
        return None
    reading_items = _resolve(hb, entries, page_for, problems)
    return Onboarding(
        file=file, reading=reading_items, roles=role_lists(reading_items), plan=tuple(plan), first_week=first_week
    )


def _front_matter_entries(hb: Handbook, problems: ProblemLog) -> list[tuple[str, LineDict, str, int | None]]:
    """`onboarding: {order, week, roles, why}` in the front matter of pages under the docs folder."""
    settings = hb.settings
    found: list[tuple[str, LineDict, str, int | None]] = []
    for doc in list_files(settings.path(settings.docs_dir), (".md",)):
        name = rel(settings.root, doc)
        scratch = ProblemLog()  # a docs page that is not text is MkDocs' business, not ours
        text = read_text(doc, name, scratch, settings.root)
        if text is None or "onboarding" not in text:
            continue
        front, body, _ = split_front_matter(text, name, scratch)
        if scratch.items and "onboarding" in text[: len(text) - len(body)]:
            # MkDocs drops broken front matter without a word; the page's `onboarding:` would vanish.
            for problem in scratch.items:
                problems.add(problem.file, problem.line, f"{problem.message} (front matter read for `onboarding:`)")
            continue
        if "onboarding" not in front:
            continue
        fields = front["onboarding"]
        line = front.line_of("onboarding")
        if not isinstance(fields, LineDict):
            problems.add(name, line, "onboarding: must be a mapping {order, week, roles, why}")
            continue
        if check(fields, "onboarding-page", name, problems):
            continue
        found.append((name, fields, name, line))
    return found


def _resolve(
    hb: Handbook, entries: list[tuple[str, LineDict, str, int | None]], page_for: Any, problems: ProblemLog
) -> tuple[ReadingItem, ...]:
    """Each entry with its page, title and word count; a path that leads nowhere is a problem."""
    settings = hb.settings
    seen: dict[str, str] = {}
    items: list[ReadingItem] = []
    for target, fields, declared_in, line in entries:
        path = normalise(target)
        where = f"{declared_in}:{line}" if line else declared_in
        if path in seen:
            problems.add(
                declared_in, line, f"{path} is already on the reading list ({seen[path]}); list each page once"
            )
            continue
        found = resolve_link(hb, target, page_for, declared_in, line, problems, what="reading list entry")
        if found is None or found[0].startswith(("http://", "https://")):
            if found is not None:
                problems.add(
                    declared_in,
                    line,
                    f"reading list entry {target!r} is a URL; name a file of "
                    "this repository (link external reading from a docs page)",
                )
            continue
        seen[path] = where
        page, title = found
        scratch = ProblemLog()
        text = read_text(settings.path(path), path, scratch, settings.root) or ""
        body = split_front_matter(text, path, scratch)[1] if path.endswith(".md") else text
        items.append(
            ReadingItem(
                path=path,
                title=title,
                page=page,
                week=int(fields.get("week", 1)),
                order=int(fields.get("order", 0)),
                roles=tuple(str(r) for r in fields.get("roles") or (ALL,)),
                why=str(fields.get("why") or ""),
                words=count_words(body),
                declared_in=declared_in,
                line=line,
            )
        )
    return tuple(sorted(items, key=lambda i: (i.week, i.order, i.path)))


def role_lists(items: tuple[ReadingItem, ...]) -> tuple[RoleList, ...]:
    """A list per named role (entries for `all` appear in each); just `all` when no role is named."""
    roles = sorted({r for i in items for r in i.roles if r != ALL}) or [ALL]
    return tuple(RoleList(role, tuple(i for i in items if i.for_role(role))) for role in roles)
