"""Foreign SLO specs under `ops/slo/` (the `slo_dir` option), read natively and merged into services.

Every `*.yml` / `*.yaml` file below the folder is read as a YAML stream; a document may also be a
top-level list of objects (as OpenSLO's own examples are). Each object is recognised by its
`apiVersion` (or Sloth's `version`) and handed to its reader:

| Format | Recognised by | source_format |
|---|---|---|
| OpenSLO v1 | `apiVersion: openslo/v1` | `openslo/v1` |
| OpenSLO v1alpha | `apiVersion: openslo/v1alpha` | `openslo/v1alpha` |
| Sloth | `version: prometheus/v1` | `sloth` |
| Sloth Kubernetes CRD | `apiVersion: sloth.slok.dev/v1` | `sloth-k8s` |
| Pyrra | `apiVersion: pyrra.dev/v1alpha1` | `pyrra` |

Anything else (another kind or apiVersion, a file that is no SLO spec) is skipped with a note,
never a problem. Invalid SLOs (a target out of range, a window that cannot be read, no service)
are problems with file and line; the other SLOs of the same file are kept.
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path
from typing import cast

from ..problems import ProblemLog
from ..settings import Settings
from ..sources import list_files, read_text, rel
from ..yamlio import LineDict, LineList, load_yaml_all
from . import openslo, pyrra, sloth
from .model import Service, Slo, SloFormat
from .specs import Reader, ServiceDecl

SUFFIXES = (".yml", ".yaml")
KNOWN = (
    "OpenSLO (openslo/v1, openslo/v1alpha), Sloth (version: prometheus/v1, sloth.slok.dev/v1) "
    "or Pyrra (pyrra.dev/v1alpha1)"
)


@dataclass(frozen=True)
class ForeignSpecs:
    """What the SLO folder yielded: SLOs, the services they name or declare, and counts."""

    slos: tuple[Slo, ...]
    services: tuple[ServiceDecl, ...]
    files: int
    skipped: int


def load_foreign(settings: Settings, problems: ProblemLog) -> ForeignSpecs:
    """Read every foreign spec under `settings.slo_dir`; an absent folder yields nothing."""
    folder = settings.path(settings.slo_dir)
    native = settings.path(settings.slo)
    paths = [p for p in list_files(folder, SUFFIXES) if not _same_file(p, native)]
    reader = Reader(problems)
    objects: list[tuple[str, LineDict]] = []
    for path in paths:
        name = rel(settings.root, path)
        source = read_text(path, name, problems, settings.root)
        if source is None:
            continue
        for doc in load_yaml_all(source, name, problems):
            items = list(enumerate(doc)) if isinstance(doc, LineList) else [(None, doc)]
            for index, item in items:
                line = doc.line_of(index) if isinstance(doc, LineList) and index is not None else None
                if isinstance(item, LineDict):
                    objects.append((name, item))
                elif item is not None:
                    reader.skip(
                        name,
                        line or getattr(doc, "line", None),
                        f"a YAML document that is not a mapping was skipped; SLO specs are {KNOWN}",
                    )
    for name, obj in objects:  # SLIs first: an indicatorRef may point to a later file
        if obj.get("apiVersion") == "openslo/v1" and obj.get("kind") == "SLI":
            openslo.index_sli(obj, name, reader)
    for name, obj in objects:
        _dispatch(obj, name, reader)
    return ForeignSpecs(
        slos=tuple(reader.slos),
        services=tuple(reader.services[k] for k in sorted(reader.services)),
        files=len(paths),
        skipped=reader.skipped,
    )


def _same_file(path: Path, native: Path) -> bool:
    """Whether `path` is the native file (slo.yml inside the SLO folder); a symlink loop is not,
    and is reported when it is read."""
    try:
        return os.path.samefile(path, native)
    except OSError:
        return False


def _dispatch(obj: LineDict, file: str, reader: Reader) -> None:
    api = obj.get("apiVersion")
    if api in openslo.VERSIONS:
        openslo.read(obj, file, reader, cast(SloFormat, api))  # one of openslo.VERSIONS
    elif api == sloth.K8S_API:
        sloth.read(obj, file, reader, k8s=True)
    elif api == pyrra.API:
        pyrra.read(obj, file, reader)
    elif api is None and str(obj.get("version", "")).strip() == "prometheus/v1":
        sloth.read(obj, file, reader, k8s=False)
    elif isinstance(api, str) and api.startswith("openslo"):
        reader.skip(
            file,
            obj.line,
            f"apiVersion {api!r} is not supported and was skipped; opsbook reads openslo/v1 and openslo/v1alpha",
        )
    else:
        what = (
            f"apiVersion {api!r}"
            if api is not None
            else (f"version {obj['version']!r}" if "version" in obj else "no apiVersion")
        )
        reader.skip(file, obj.line, f"{what}: not an SLO spec opsbook reads, skipped; SLO specs are {KNOWN}")


def merge(native: tuple[Service, ...], foreign: ForeignSpecs) -> tuple[Service, ...]:
    """Foreign SLOs join the native service of the same id; unknown ids become new services.

    A native service keeps its own title, owner and description (its SLOs come first); services
    only foreign specs name follow the native ones, sorted by id.
    """
    by_service: dict[str, list[Slo]] = defaultdict(list)
    for slo in foreign.slos:
        by_service[slo.service].append(slo)
    decls = {d.id: d for d in foreign.services}
    merged: list[Service] = []
    for service in native:
        decls.pop(service.id, None)
        extra = tuple(by_service.get(service.id, ()))
        merged.append(replace(service, slos=service.slos + extra) if extra else service)
    for sid in sorted(decls):
        decl = decls[sid]
        merged.append(
            Service(
                id=sid,
                title=decl.title or sid,
                owner=decl.owner,
                description=decl.description,
                dashboards=(),
                slos=tuple(by_service.get(sid, ())),
                file=decl.file,
                line=decl.line,
            )
        )
    return tuple(merged)
