"""`opsbook new`: check the options against the handbook, then write the file (see `new.py`)."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from ..build import load_handbook
from ..handbook import Handbook
from ..services.model import unknown_service
from ..settings import Settings
from ..slugs import file_slug
from ..timeparse import ParseError, parse_date, parse_timestamp
from . import new
from .common import UsageError, handbook_settings, shown


def run(args: argparse.Namespace) -> int:
    if args.title and args.title_option and args.title != args.title_option:
        raise UsageError("give the title once: as TITLE or as --title, not both")
    args.title = args.title or args.title_option
    settings, _ = handbook_settings(args.root)
    hb = load_handbook(replace(settings, base_ref=None))  # services and people to check options against
    now = new.local_now(settings)
    day = _date(args.date) if args.date else now.date()
    if args.kind == "incident":
        created, text = _incident(args, settings, hb, day, now)
    elif args.kind == "decision":
        created, text = _decision(args, settings, hb, day)
    else:
        created, text = _rfc(args, settings, hb, day)
    if args.dry_run:
        sys.stdout.write(text)
        return 0
    assert created is not None
    sys.stdout.write(shown(created.path) + "\n")
    sys.stderr.write(f"Created {args.kind} {created.id}. Fill it in, then run: opsbook check\n")
    return 0


def _incident(
    args: argparse.Namespace, s: Settings, hb: Handbook, day: date, now: datetime
) -> tuple[new.Created | None, str]:
    scale = [sev.id for sev in s.severities]
    severity = args.severity or scale[-1]
    if severity not in scale:
        raise UsageError(f"--severity {severity!r} is not on the handbook's scale; use one of: {', '.join(scale)}")
    known = sorted(hb.service_by_id)
    if not args.service:
        hint = f"known: {', '.join(known)}" if known else f"the handbook has none yet: add one to {s.slo}"
        raise UsageError(f"name the affected service with --service ID (repeat for several); {hint}")
    for service in args.service:
        if service not in hb.service_by_id:
            raise UsageError(f"--{unknown_service(service, known, s.slo)}")
    _person(hb, args.coordinator, "--coordinator")
    if args.detected_by not in s.detected_by:
        raise UsageError(f"--detected-by {args.detected_by!r}: use one of {', '.join(s.detected_by)}")
    if args.started:
        try:
            started = parse_timestamp(args.started, s.timezone).astimezone(s.timezone)
        except ParseError as exc:
            raise UsageError(f"--started: {exc}") from None
        day = started.date() if not args.date else day
    elif day != now.date():  # back-filling an earlier day: midnight, to be corrected in the file
        started = datetime(day.year, day.month, day.day, tzinfo=s.timezone)
    else:
        started = now
    stamp = new.timestamp(started)
    context: dict[str, Any] = {
        "title": args.title or "Untitled incident: describe the symptom users saw",
        "severity": severity,
        "severity_scale": " | ".join(scale),
        "services": args.service,
        "detected_by": args.detected_by,
        "detected_by_sources": " | ".join(s.detected_by),
        "started": stamp,
        "detected": stamp,
        "acknowledged": None,
        "mitigated": None,
        "resolved": None,
        "deadline": f"{s.postmortem_deadline_hours:g} h",
        "roles": {"coordinator": args.coordinator} if args.coordinator else None,
        "postmortem_published": None,
        "follow_ups": [],
        "timeline": [
            (stamp, "T0 detection: how we noticed"),
            ("", "Diagnosis: what we found"),
            ("", "Mitigation: what stopped the impact"),
            ("", "Resolved"),
        ],
    }
    return _write(
        args,
        lambda: new.new_incident(s, day, context),
        lambda: new.render(s, "new/incident.md.j2", id=f"INC-{day:%Y%m%d}-NN", **context),
    )


def _decision(args: argparse.Namespace, s: Settings, hb: Handbook, day: date) -> tuple[new.Created | None, str]:
    status = args.status or "proposed"
    if status not in ("proposed", "accepted"):
        raise UsageError(f"--status {status!r}: a new decision is proposed or accepted")
    _person(hb, args.owner, "--owner")
    title = args.title or "Untitled decision"
    context: dict[str, Any] = {
        "title": title,
        "status": status,
        "date": day.isoformat(),
        "owner": args.owner,
        "deciders": [args.owner] if args.owner else [],
        "supersedes": [],
        "tags": args.tag,
        "revisit": None,
    }
    slug = file_slug(title, "decision")
    return _write(
        args,
        lambda: new.new_decision(s, day, slug, context, args.folder),
        lambda: new.render(s, "new/decision.md.j2", id=f"{day.year}-NNNN", **context),
    )


def _rfc(args: argparse.Namespace, s: Settings, hb: Handbook, day: date) -> tuple[new.Created | None, str]:
    if not args.author:
        raise UsageError("name the author with --author HANDLE (repeat for several; the first is the DRI)")
    for author in args.author:
        _person(hb, author, "--author")
    status = args.status or ("review" if args.review_days else "draft")
    if status not in ("draft", "review"):
        raise UsageError(f"--status {status!r}: a new RFC is draft or review")
    review = None
    if status == "review":
        days = args.review_days or 14
        if not 1 <= days <= 365:
            raise UsageError(f"--review-days {days} is out of range; use 1 to 365 days")
        review = {"opens": day.isoformat(), "closes": (day + timedelta(days=days)).isoformat()}
    title = args.title or "Untitled RFC"
    context: dict[str, Any] = {
        "title": title,
        "status": status,
        "authors": args.author,
        "dri": args.author[0],
        "review": review,
        "date": day.isoformat(),
        "log_entry": "Draft started" if status == "draft" else "Review opened",
    }
    slug = file_slug(title, "rfc")
    return _write(
        args,
        lambda: new.new_rfc(s, day, slug, context),
        lambda: new.render(s, "new/rfc.md.j2", id=f"{day:%Y-%m}-{slug}", **context),
    )


def _write(args: argparse.Namespace, create: Any, preview: Any) -> tuple[new.Created | None, str]:
    if args.dry_run:
        return None, preview()
    try:
        return create(), ""
    except OSError as exc:
        raise UsageError(f"cannot write the file: {exc}") from None
    except new.IdTaken as exc:
        raise UsageError(str(exc)) from None


def _date(text: str) -> date:
    try:
        return parse_date(text)
    except ParseError as exc:
        raise UsageError(f"--date: {exc}") from None


def _person(hb: Handbook, who: str | None, option: str) -> None:
    team = hb.team
    if who is None or team is None or team.knows(who):
        return
    handles = ", ".join(sorted(team.handles)) or "none"
    raise UsageError(f"{option} {who!r} is not a person or pod in {team.file}; known handles: {handles}")
