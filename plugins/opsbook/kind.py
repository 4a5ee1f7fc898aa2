"""The shape every kind of source shares: what the pipeline, ops.json, macros and serve need of it.

A kind is a package (`incidents/`, `runbooks/`, ...) whose `kind.py` describes it with one `Kind`
record; `kinds.KINDS` lists them in the order their pages appear. Every hook is a pure function
over the frozen `Handbook`: `load` and `derive` return a new handbook with the kind's fields filled.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from enum import IntEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .handbook import Handbook
    from .macro import MacroScope, MacroSet
    from .pages import GeneratedAsset, GeneratedPage
    from .problems import Finding, ProblemLog
    from .render import Renderer
    from .settings import Settings


class Stage(IntEnum):
    """When a kind loads: kinds named by others first, kinds judging the whole handbook last.

    The pipeline runs, stage by stage, every kind's `load` and then every kind's `derive`, so a
    derivation sees every item loaded in its own and earlier stages.
    """

    NAMED = 0  # people and services: every later kind checks the names it uses against them
    ITEMS = 1  # incidents, runbooks, decisions, ...: they name people and services
    PRACTICE = 2  # checklists, onboarding, maturity: checks read every other kind, derived


Step = Callable[["Handbook", "ProblemLog"], "Handbook"]
Loader = Callable[["Handbook", "ProblemLog"], Any]
Macros = Callable[["MacroScope"], "MacroSet"]


@dataclass(frozen=True)
class Kind:
    """One kind of source. Every hook but `load` is optional."""

    name: str
    load: Step
    # The Settings fields (= plugin options) holding its source paths, watched in serve; None: the one
    # option named like the kind.
    options: tuple[str, ...] | None = None
    stage: Stage = Stage.ITEMS
    derive: Step | None = None
    findings: Callable[[Handbook], Iterable[Finding]] | None = None
    pages: Callable[[Handbook, Renderer], Iterable[GeneratedPage]] | None = None
    export: Callable[[Handbook], dict[str, Any]] | None = None  # its top-level keys of ops.json
    macros: Macros | None = None
    assets: Callable[[Handbook], Iterable[GeneratedAsset]] | None = None
    # Which page shows a source file (sourcemap.py): `index` is (page, title) of the page showing the
    # kind's main file (its first option); `section` names the folder of pages `section/<stem>.md`
    # showing the files directly in its source folders (every option).
    index: tuple[str, str] | None = None
    section: str | None = None

    @property
    def option_names(self) -> tuple[str, ...]:
        """The options holding its source paths: `options`, or the one named like the kind."""
        return self.options if self.options is not None else (self.name,)

    def paths(self, settings: Settings) -> list[str]:
        """The configured source paths of this kind (its options' values), relative to the root."""
        paths: list[str] = []
        for option in self.option_names:
            value = getattr(settings, option)
            paths += [value] if isinstance(value, str) else list(value)
        return paths


def fills(field: str, loader: Loader) -> Step:
    """The `load` step of a kind whose loading fills one Handbook field with what `loader` returns."""
    return lambda hb, log: replace(hb, **{field: loader(hb, log)})
