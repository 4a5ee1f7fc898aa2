"""mkdocs.yml read without MkDocs: the `opsbook` plugin's options and `docs_dir`, for the command line.

mkdocs.yml is not plain YAML: it may hold `!ENV` (environment variables, resolved here as MkDocs
does), `!relative` and `!!python/name:...` tags (used by Material's emoji and other extensions).
The loader resolves `!ENV`, keeps the plain value of any other local tag and reads Python tags as
null, so reading the file never imports or runs anything. `INHERIT:` (a parent config) is followed.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

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


def read(target: Path, environ: Mapping[str, str] | None = None) -> SiteConfig:
    """The handbook at `target` (a folder or its mkdocs.yml); raises ConfigError for a broken file."""
    root, file = find(target)
    if file is None:
        return SiteConfig(root=root, file=None)
    data = _load_chain(file, os.environ if environ is None else environ, seen=())
    enabled, options = _plugin_options(data.get("plugins"), file)
    docs_dir: str = data["docs_dir"] if isinstance(data.get("docs_dir"), str) else "docs"
    return SiteConfig(root=root, file=file, options=options, docs_dir=docs_dir, enabled=enabled)


def _load_chain(file: Path, environ: Mapping[str, str], seen: tuple[Path, ...]) -> dict[str, Any]:
    """The config with its INHERIT parents merged in (the child wins, plugin options merge by key)."""
    if file in seen:
        raise ConfigError(f"{file}: INHERIT loops back to {file.name}")
    data = _load(file, environ)
    parent = data.pop("INHERIT", None)
    if not isinstance(parent, str):
        return data
    base = _load_chain((file.parent / parent).resolve(), environ, (*seen, file))
    _, base_opts = _plugin_options(base.get("plugins"), file)
    enabled, opts = _plugin_options(data.get("plugins"), file)
    merged = {**base, **data}
    if base_opts or opts:
        merged["plugins"] = [{PLUGIN: {**base_opts, **opts}}]
    elif not enabled and "plugins" in base and "plugins" in data:
        merged["plugins"] = [*_as_list(base["plugins"]), *_as_list(data["plugins"])]
    return merged


def _as_list(plugins: Any) -> list[Any]:
    if isinstance(plugins, dict):
        return [{k: v} for k, v in plugins.items()]
    return list(plugins) if isinstance(plugins, list) else []


def _load(file: Path, environ: Mapping[str, str]) -> dict[str, Any]:
    try:
        text = file.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{file}: cannot read it ({exc})") from None
    loader = _loader(environ)(text)
    try:
        data = loader.get_single_data()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{file}:{mark.line + 1}" if mark is not None else str(file)
        raise ConfigError(f"{where}: YAML syntax error: {getattr(exc, 'problem', None) or exc}") from None
    finally:
        loader.dispose()
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{file}: mkdocs.yml must be a mapping of settings")
    return data


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


def _loader(environ: Mapping[str, str]) -> type[yaml.SafeLoader]:
    """A SafeLoader that understands !ENV and tolerates every other tag."""

    class Loader(yaml.SafeLoader):
        pass

    def env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
        # !ENV NAME, or !ENV [NAME1, NAME2, default]: the first variable that is set, else the default.
        if isinstance(node, yaml.ScalarNode):
            return environ.get(str(loader.construct_scalar(node)))
        if isinstance(node, yaml.SequenceNode):
            items = [loader.construct_object(child, deep=True) for child in node.value]
            for name in items[:-1] if len(items) > 1 else items:
                if isinstance(name, str) and name in environ:
                    return environ[name]
            return items[-1] if len(items) > 1 else None
        return None

    def plain(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
        if isinstance(node, yaml.ScalarNode):
            return loader.construct_scalar(node)
        if isinstance(node, yaml.SequenceNode):
            return loader.construct_sequence(node, deep=True)
        if isinstance(node, yaml.MappingNode):
            return loader.construct_mapping(node, deep=True)
        return None

    Loader.add_constructor("!ENV", env)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("!", plain)
    return Loader
