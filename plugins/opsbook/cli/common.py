"""What the subcommands share: finding the handbook, its Settings, paths as the user sees them."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from .. import siteconfig
from ..config import settings_from_options
from ..settings import DETECTED_BY as DETECTED_BY  # the SPEC's detection sources, for --detected-by
from ..settings import AsOfError, OptionError, Settings
from ..sources import rel


class UsageError(Exception):
    """A mistake in how opsbook was called or configured: message on stderr, exit status 2."""


def handbook_settings(root: str | None) -> tuple[Settings, siteconfig.SiteConfig]:
    """Settings of the handbook at `root` (a folder or its mkdocs.yml), read from its mkdocs.yml.

    Without `root`, the nearest folder upwards from the current one that holds mkdocs.yml is used,
    so the commands also work from inside ops/ or docs/.
    """
    target = Path(root) if root is not None else siteconfig.find_upwards(Path.cwd())
    if not target.exists():
        raise UsageError(f"{target}: no such folder; give the folder of the handbook (where mkdocs.yml is)")
    try:
        site = siteconfig.read(target)
        docs_dir = rel(site.root, site.root / site.docs_dir)
        settings = settings_from_options(site.root, site.options, docs_dir=docs_dir)
        return replace(settings, directory_urls=site.directory_urls), site
    except (siteconfig.ConfigError, AsOfError) as exc:
        raise UsageError(str(exc)) from None
    except OptionError as exc:
        where = shown(site.file) if site.file else "mkdocs.yml"
        raise UsageError(f"{where}: opsbook plugin: {exc}") from None


def shown(path: Path) -> str:
    """A path as the user can type or click it: relative to the current folder when below it."""
    try:
        relative = Path(os.path.relpath(path)).as_posix()
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("../") else relative


def source_path(settings: Settings, file: str) -> str:
    """A source file named relative to the handbook root, as a path from the current folder."""
    return shown(settings.root / file)
