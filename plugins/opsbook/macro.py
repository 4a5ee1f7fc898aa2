"""What a kind's macros are given, and how a macro says it cannot answer.

A kind's `macros(m)` returns its functions by name; `m` holds the handbook and renders the kind's
templates relative to the page being rendered. A macro that cannot answer (no cadence file, an
unknown service) raises `MacroError`; `shown` turns that into emphasised text in the page, so an
author sees what is wrong where the macro stands and the build goes on.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from .islands import unmarked
from .render import Renderer, plain

if TYPE_CHECKING:
    from .handbook import Handbook

MacroSet = dict[str, Callable[..., str]]
T = TypeVar("T")


class MacroError(Exception):
    """Why a macro cannot answer: `message` is ours (Markdown), `values` are data (shown as plain text)."""

    def __init__(self, message: str, **values: object) -> None:
        super().__init__(message)
        self.text = "*opsbook: " + message.format(**{k: plain(v) for k, v in values.items()}) + "*"


def need(value: T | None, message: str) -> T:
    """`value`, or a `MacroError` saying what is missing when there is none."""
    if value is None:
        raise MacroError(message)
    return value


@dataclass(frozen=True)
class MacroScope:
    """The handbook, and rendering for the page whose macros are being rendered."""

    hb: Handbook
    renderer: Renderer
    current_page: Callable[[], str]  # the site path of that page, read when a macro runs

    def block(self, template: str, **context: Any) -> str:
        """`template` rendered for the current page, as a block (tables, lists)."""
        return unmarked(self.renderer.render(template, self.current_page(), **context))

    def inline(self, template: str, **context: Any) -> str:
        """`template` rendered for the current page, without surrounding blank lines (inside a sentence)."""
        return self.block(template, **context).strip()


def shown(macro: Callable[..., str]) -> Callable[..., str]:
    """`macro`, with a `MacroError` it raises shown as its output."""

    @functools.wraps(macro)
    def call(*args: Any, **kwargs: Any) -> str:
        try:
            return macro(*args, **kwargs)
        except MacroError as error:
            return error.text

    return call
