"""Results of the previous rebuild of one `mkdocs serve` process, reused when their inputs are equal.

Under `mkdocs serve` every edit rebuilds the handbook. Most of its items did not change, so the
kinds that grow with the data (incidents) ask `Reuse.get` for an item's result with the item's
inputs: the same inputs (compared by value: sources' text, frozen records, settings) give the
previous result without computing it again. A result is reused only from the rebuild just before,
and only inputs that really are all the inputs may be named: what is not named must not change the
result (a page template that read the whole handbook could not be reused, so the kinds name what
their own templates read, and turn reuse off for a page whose template the site overrides).

`mkdocs build`, `opsbook check` and `opsbook export` never reuse: their handbook has no `Reuse`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any, TypeVar

from markupsafe import Markup

T = TypeVar("T")


class Reuse:
    """One serve process's results of the previous rebuild, by (group, key)."""

    def __init__(self) -> None:
        self._previous: dict[tuple[str, str], tuple[Any, Any]] = {}
        self._current: dict[tuple[str, str], tuple[Any, Any]] = {}
        self._stale: set[str] = set()  # groups whose shared inputs changed in this rebuild
        self.reused: Counter[str] = Counter()  # by group: results taken from the previous rebuild (tests)

    def same(self, group: str, shared: object) -> bool:
        """Whether `shared` (what every result of `group` depends on, compared once per rebuild instead
        of once per item) equals the previous rebuild's. When it does not, the group reuses nothing
        in this rebuild, and its results are kept for the next."""
        previous = self._previous.get((group, ""))
        self._current[(group, "")] = (shared, None)
        if previous is not None and previous[0] == shared:
            return True
        self._stale.add(group)
        return False

    def get(self, group: str, key: str, inputs: object, compute: Callable[[], T]) -> T:
        """`compute()`, or its result of the previous rebuild when `inputs` equal that rebuild's."""
        previous = self._previous.get((group, key)) if group not in self._stale else None
        if previous is not None and previous[0] == inputs:
            value: T = previous[1]
            self.reused[group] += 1
        else:
            value = compute()
        self._current[(group, key)] = (inputs, value)
        return value

    def next_build(self) -> None:
        """A rebuild starts: what the last one computed is what this one may reuse."""
        self._previous, self._current = self._current, {}
        self._stale = set()
        self.reused = Counter()


def rows(reuse: Reuse | None, group: str) -> Callable[[Iterable[Any], Callable[[Any], str]], Markup]:
    """The template helper behind `{{ rows(items, row) }}`: `row` (a macro of the template) for each
    item, joined. Serving (`reuse`), an item's row is the previous rebuild's when the item is equal, so a
    list of a thousand incidents renders only its changed rows. The caller names the group's shared
    inputs with `Reuse.same` first (the row macro may read nothing else but the item); without a
    `reuse` (a build, a site's own template) every row is rendered."""

    def render(items: Iterable[Any], row: Callable[[Any], str]) -> Markup:
        if reuse is None:
            return Markup("").join(row(item) for item in items)
        return Markup("").join(
            reuse.get(group, str(getattr(item, "id", n)), item, partial(row, item)) for n, item in enumerate(items)
        )

    return render
