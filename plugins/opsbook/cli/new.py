"""`opsbook new incident|decision|rfc`: a filled template with the next free id, never reusing one.

Ids come from the files on disk, not from a loader, so a file that does not load yet still holds its
id: incidents `INC-YYYYMMDD-NN` per day (file stem or `id:`), decisions `YYYY-NNNN` per year across
every decision folder, RFCs `YYYY-MM-<slug>` with a slug no other RFC uses. The file is created with
an exclusive open; when another file took the id meanwhile, the next id is tried.
"""

from __future__ import annotations

import os
import random
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined

from ..incidents.model import ID_PATTERN, ID_TEXT, id_day_and_number
from ..settings import Settings

# An `id:` line of an incident's front matter holding an id as the schema allows it (ID_TEXT).
_ID_LINE = re.compile(rf"^id:[ \t]*(['\"]?)({ID_TEXT})\1[ \t\r]*(?:#.*)?$", re.M)
DECISION_NAME = re.compile(r"^(\d{4})-(\d{4})(?:-|$)")
RFC_NAME = re.compile(r"^(\d{4})-(\d{2})-(.+)$")
MAX_TRIES = 200
_PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9 _./@()'-]*[A-Za-z0-9.)]$|^[A-Za-z]$")
_YAML_WORDS = frozenset({"yes", "no", "on", "off", "true", "false", "null", "y", "n", "~"})


class IdTaken(Exception):
    """Another file claimed the id between choosing it and creating the file."""


# ---------------------------------------------------------------- ids from the files on disk


def incident_numbers(folder: Path, day: date) -> set[int]:
    """NN of every incident of `day` under `folder`, from file stems and `id:` front-matter lines."""
    stamp = day.strftime("%Y%m%d")
    numbers: set[int] = set()
    for path in _files(folder):
        ids = [path.stem] if ID_PATTERN.match(path.stem) else []
        if path.suffix.lower() in (".md", ".markdown"):
            ids += id_lines(_head(path))
        for incident_id in ids:
            day_of_id, number = id_day_and_number(incident_id)
            if day_of_id == stamp:
                numbers.add(number)
    return numbers


def id_lines(text: str) -> list[str]:
    """The incident ids of the `id:` lines in `text` (a front matter) that the schema would accept."""
    return [m.group(2) for m in _ID_LINE.finditer(text)]


def decision_numbers(folders: Iterable[Path], year: int) -> set[int]:
    """Sequence numbers of `year` in native decision file names (`2026-0003-topic.md`) in any folder."""
    numbers: set[int] = set()
    for folder in folders:
        for path in _files(folder):
            match = DECISION_NAME.match(path.stem)
            if match and int(match.group(1)) == year:
                numbers.add(int(match.group(2)))
    return numbers


def rfc_slugs(folder: Path) -> set[str]:
    """Slugs of every RFC (`YYYY-MM-<slug>.md`), whatever its month."""
    return {m.group(3) for p in _files(folder) if (m := RFC_NAME.match(p.stem))}


def _files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()] if folder.is_dir() else []


def _head(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            return handle.read(4096).decode("utf-8", "replace")
    except OSError:
        return ""


# ---------------------------------------------------------------- collision-safe creation


def create_exclusive(path: Path, text: str) -> None:
    """Create `path` with `text`; FileExistsError when it exists (never overwrites)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def claim(candidates: Callable[[int], tuple[Path, str]], check: Callable[[Path], bool] | None = None) -> Path:
    """Create the first candidate file nobody has; `check(path)` False means the id was taken meanwhile.

    `candidates(n)` gives the n-th try's path and text. A path that exists moves on to the next try;
    a created file whose id another new file also claims is removed again and the next id is tried.
    """
    for attempt in range(MAX_TRIES):
        path, text = candidates(attempt)
        try:
            create_exclusive(path, text)
        except FileExistsError:
            continue
        if check is None or check(path):
            return path
        path.unlink(missing_ok=True)
        time.sleep(random.uniform(0, 0.01))  # two writers that collided must not collide again
    raise IdTaken(f"no free id after {MAX_TRIES} tries")


# ---------------------------------------------------------------- templates


def yaml_str(value: Any) -> str:
    """A YAML scalar for a template: plain when unambiguous, else double-quoted."""
    text = str(value)
    if _PLAIN.match(text) and text.lower() not in _YAML_WORDS and ": " not in text and " #" not in text:
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def yaml_list(values: Iterable[Any]) -> str:
    return "[" + ", ".join(yaml_str(v) for v in values) + "]"


def environment(settings: Settings) -> Environment:
    """Templates `new/*.j2`, from the site's `templates` folder first (same names), then opsbook's."""
    loaders: list[Any] = []
    if settings.templates is not None and settings.templates.is_dir():
        loaders.append(FileSystemLoader(str(settings.templates)))
    loaders.append(PackageLoader("opsbook", "templates"))
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=False,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(yaml=yaml_str, yaml_list=yaml_list)
    return env


def render(settings: Settings, template: str, **context: Any) -> str:
    return environment(settings).get_template(template).render(**context)


# ---------------------------------------------------------------- the three kinds


@dataclass(frozen=True)
class Created:
    path: Path
    id: str


def local_now(settings: Settings) -> datetime:
    """The as-of instant in the handbook's time zone, to the minute."""
    return settings.as_of.astimezone(settings.timezone).replace(second=0, microsecond=0)


def timestamp(moment: datetime) -> str:
    """2026-11-04T10:12:00+01:00, or ...Z in UTC."""
    return moment.isoformat().replace("+00:00", "Z")


def new_incident(settings: Settings, day: date, context: dict[str, Any]) -> Created:
    """ops/incidents/INC-YYYYMMDD-NN.md with the next NN of that day."""
    folder = settings.path(settings.incidents)
    taken = incident_numbers(folder, day)

    def candidate(attempt: int) -> tuple[Path, str]:
        number = max(taken, default=0) + 1 + attempt
        ident = f"INC-{day:%Y%m%d}-{number:02d}"
        return folder / f"{ident}.md", render(settings, "new/incident.md.j2", id=ident, **context)

    def unique(path: Path) -> bool:  # a file named otherwise may carry the same id in its front matter
        return not any(
            p != path and path.stem in id_lines(_head(p))
            for p in _files(folder)
            if p.suffix.lower() in (".md", ".markdown")
        )

    path = claim(candidate, unique)
    return Created(path, path.stem)


def new_decision(
    settings: Settings, day: date, slug: str, context: dict[str, Any], folder: str | None = None
) -> Created:
    """<first decision folder>/YYYY-NNNN-<slug>.md with the next NNNN of the year over all folders."""
    folders = [settings.path(f) for f in dict.fromkeys(settings.decisions)] or [settings.path("ops/decisions")]
    target = settings.path(folder) if folder else folders[0]
    year = day.year

    def candidate(attempt: int) -> tuple[Path, str]:
        number = max(decision_numbers([*folders, target], year), default=0) + 1
        ident = f"{year}-{number:04d}"
        return target / f"{ident}-{slug}.md", render(settings, "new/decision.md.j2", id=ident, **context)

    def unique(path: Path) -> bool:
        prefix = path.stem[:9]
        return not any(
            p != path and DECISION_NAME.match(p.stem) and p.stem[:9] == prefix
            for f in {*folders, target}
            for p in _files(f)
        )

    path = claim(candidate, unique)
    return Created(path, path.stem[:9])


def new_rfc(settings: Settings, day: date, slug: str, context: dict[str, Any]) -> Created:
    """rfcs/YYYY-MM-<slug>.md, the slug made unique among all RFCs with -2, -3, ..."""
    folder = settings.path(settings.rfcs)

    def candidate(attempt: int) -> tuple[Path, str]:
        used = rfc_slugs(folder)
        unique_slug = slug
        counter = 2
        while unique_slug in used:
            unique_slug, counter = f"{slug}-{counter}", counter + 1
        ident = f"{day:%Y-%m}-{unique_slug}"
        return folder / f"{ident}.md", render(settings, "new/rfc.md.j2", id=ident, **context)

    def unique(path: Path) -> bool:
        own = RFC_NAME.match(path.stem)
        return own is not None and not any(
            p != path and (m := RFC_NAME.match(p.stem)) and m.group(3) == own.group(3) for p in _files(folder)
        )

    path = claim(candidate, unique)
    return Created(path, path.stem)
