"""The exported `mkdocs.yml`: the site's own config minus the plugins whose work the export did.

The export holds every generated page and the hand-written pages with their macros rendered, so the
`opsbook` and `macros` plugins are dropped; everything else (theme, nav, extensions, extra) is kept,
plus what the generated pages need: their Markdown extensions, the stylesheet and script, and the
item pages kept out of an automatic nav (`not_in_nav`), as the plugin keeps them. `!ENV` values are
resolved at export time; `!!python/name:` tags (Material's emoji functions) are written back as tags.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from ..pages import MARKDOWN_EXTENSIONS

DROPPED_PLUGINS = ("opsbook", "macros")


class PythonTag(str):
    """A `!!python/...` tag kept as written, e.g. `!!python/name:material.extensions.emoji.twemoji`."""


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    # !ENV NAME or !ENV [NAME, ..., default], as MkDocs reads it.
    names = [node.value] if isinstance(node, yaml.ScalarNode) else [c.value for c in node.value]
    default = names.pop() if len(names) > 1 else None
    return next((os.environ[n] for n in names if n in os.environ), default)


_Loader.add_constructor("!ENV", _env)
# `!!python/name:material.extensions.emoji.twemoji ''`: the suffix is the whole name, the value empty.
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: PythonTag(suffix))
_Loader.add_multi_constructor("!", lambda loader, suffix, node: loader.construct_scalar(node))
_Dumper.add_representer(
    str,  # multi-line values (not_in_nav) as literal blocks, one pattern a line
    lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|" if "\n" in text else None),
)
_Dumper.add_representer(PythonTag, lambda dumper, tag: dumper.represent_scalar("tag:yaml.org,2002:python/" + tag, ""))


def read_config(file: Path) -> dict[str, Any]:
    """mkdocs.yml as data, INHERIT parents merged (the child wins)."""
    data = yaml.load(file.read_text("utf-8-sig"), Loader=_Loader) or {}
    parent = data.pop("INHERIT", None)
    if isinstance(parent, str):
        data = {**read_config((file.parent / parent).resolve()), **data}
    return data


def _plugin_name(entry: Any) -> str:
    return entry if isinstance(entry, str) else next(iter(entry), "") if isinstance(entry, dict) else ""


def exported_config(site: dict[str, Any], *, root: Path, out: Path, assets: list[str], hidden: list[str]) -> dict:
    """The config for `OUT/mkdocs.yml`: `site` (read from `root`) rewritten for the folder `out`."""
    config = {k: v for k, v in site.items() if k not in ("docs_dir", "site_dir")}
    config["docs_dir"] = "docs"
    plugins = site.get("plugins", ["search"])
    if isinstance(plugins, dict):
        plugins = [{k: v} if v else k for k, v in plugins.items()]
    config["plugins"] = [p for p in plugins if _plugin_name(p) not in DROPPED_PLUGINS]
    extensions = list(site.get("markdown_extensions") or [])
    have = {_plugin_name(e) for e in extensions}
    config["markdown_extensions"] = extensions + [e for e in MARKDOWN_EXTENSIONS if e not in have]
    for key, suffix in (("extra_css", ".css"), ("extra_javascript", ".js")):
        current = [str(x) for x in site.get(key) or []]
        config[key] = current + [a for a in assets if a.endswith(suffix) and a not in current]
    if hidden:
        config["not_in_nav"] = "\n".join(
            [*(str(site.get("not_in_nav") or "").splitlines()), *[f"/{h}" for h in hidden]]
        )
    theme = config.get("theme")
    if isinstance(theme, dict) and isinstance(theme.get("custom_dir"), str):  # relative to mkdocs.yml
        theme = dict(theme, custom_dir=os.path.relpath(root / theme["custom_dir"], out))
        config["theme"] = theme
    return config


def dump(config: dict[str, Any]) -> str:
    head = "# Written by `opsbook export`: the site's mkdocs.yml without the opsbook and macros plugins.\n"
    return head + yaml.dump(config, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=120)
