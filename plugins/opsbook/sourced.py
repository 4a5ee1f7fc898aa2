"""`Sourced`: an item that came from a source file and has a page of its own."""

from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class Sourced(Protocol):
    """What the source map, references and links need of an item of any kind: where it came from
    (`file` relative to the handbook root, `line` when known) and the page that shows it."""

    @property
    def file(self) -> str: ...

    @property
    def line(self) -> int | None: ...

    @property
    def page(self) -> str: ...

    @property
    def title(self) -> str: ...


class Identified(Sourced, Protocol):
    """A sourced item with an id other items refer to it by (a decision, an RFC)."""

    @property
    def id(self) -> str: ...
