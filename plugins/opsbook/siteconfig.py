"""mkdocs.yml for the command line: the `opsbook` plugin's options and `docs_dir`.

Read with MkDocs' own YAML loading (`mkdocs.utils.yaml`): `!ENV` and `INHERIT:` mean what they mean
to MkDocs. The base loader is a safe one: `!relative` and other local tags keep their plain value
and `!!python/name:...` tags (Material's emoji) read as null, so nothing is imported or run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from mkdocs.exceptions import ConfigurationError
from mkdocs.utils.yaml import get_yaml_loader, yaml_load

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")
PLUGIN = "opsbook"


class ConfigError(ValueError):
    """mkdocs.yml cannot be read or its opsbook options are not a mapping."""


@dataclass(frozen=True)
class SiteConfig:
    """Where the handbook is and how its mkdocs.yml configures opsbook."""

    root: Path  # the folder of mkdocs.yml: every opsbook path is relative to it
    file: Path | None  # mkdocs.yml, or None when the folder has none (defaults apply)
    options: dict[str, Any] = field(default_factory=dict)
    docs_dir: str = "docs"
    enabled: bool = False  # the opsbook plugin is listed under `plugins`
    directory_urls: bool = True  # `use_directory_urls`: the URLs links in raw HTML are written with


def find(target: Path) -> tuple[Path, Path | None]:
    """(root, config file) for a folder or an mkdocs.yml path; the file is None when absent."""
    if target.is_file():
        return target.parent.resolve(), target.resolve()
    for name in CONFIG_NAMES:
        if (target / name).is_file():
            return target.resolve(), (target / name).resolve()
    return target.resolve(), None


def find_upwards(start: Path) -> Path:
    """The nearest folder from `start` upwards that holds mkdocs.yml, else `start` itself."""
    here = start.resolve()
    for folder in (here, *here.parents):
        if any((folder / name).is_file() for name in CONFIG_NAMES):
            return folder
    return here


def read(target: Path) -> SiteConfig:
    """The handbook at `target` (a folder or its mkdocs.yml); raises ConfigError for a broken file."""
    root, file = find(target)
    if file is None:
        return SiteConfig(root=root, file=None)
    data = _load(file)
    enabled, options = _plugin_options(data.get("plugins"), file)
    docs_dir: str = data["docs_dir"] if isinstance(data.get("docs_dir"), str) else "docs"
    directory_urls = data.get("use_directory_urls") is not False
    return SiteConfig(root, file, options, docs_dir, enabled, directory_urls)


def _load(file: Path) -> dict[str, Any]:
    """mkdocs.yml as MkDocs reads it (`!ENV`, `INHERIT` with MkDocs' deep merge), on a safe loader."""
    try:
        with file.open("rb") as stream:
            data = yaml_load(stream, get_yaml_loader(_SafeLoader))
    except OSError as exc:
        raise ConfigError(f"{file}: cannot read it ({exc})") from None
    except ConfigurationError as exc:
        raise ConfigError(f"{file}: {exc}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{file}: mkdocs.yml must be a mapping of settings")
    return data


def _as_list(plugins: Any) -> list[Any]:
    if isinstance(plugins, dict):
        return [{k: v} for k, v in plugins.items()]
    return list(plugins) if isinstance(plugins, list) else []


def _plugin_options(plugins: Any, file: Path) -> tuple[bool, dict[str, Any]]:
    """(listed, options) of the opsbook plugin in a `plugins:` list or mapping."""
    for entry in _as_list(plugins):
        if entry == PLUGIN:
            return True, {}
        if isinstance(entry, dict) and PLUGIN in entry:
            options = entry[PLUGIN]
            if options is None:
                return True, {}
            if not isinstance(options, dict):
                raise ConfigError(
                    f"{file}: the options of the opsbook plugin must be a mapping, e.g. "
                    "opsbook: {timezone: Europe/Berlin}"
                )
            return True, options
    return False, {}


def _plain(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    """The plain value of a local tag such as `!relative`: it means nothing to opsbook's options."""
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node, deep=True)
    return None


class _SafeLoader(yaml.SafeLoader):
    """MkDocs' loader is PyYAML's full one, which imports `!!python/name:` targets; opsbook reads
    mkdocs.yml of any branch, so it reads Python tags as null and never imports or runs anything."""


_SafeLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_SafeLoader.add_multi_constructor("!", _plain)
