"""A build's peak memory: the core's caches emptied and freed memory given back to the system.

`mkdocs build` is one process whose peak (max RSS) comes at its very end, when the search plugin
writes its index as one string and then as bytes. By then the handbook and most of the pages' text
are gone, but Python and the C allocator keep the memory they held, in holes between live objects,
and the index is written on top. The plugin calls `clear_caches` once the pages are rendered and
`release` just before the index is written. `mkdocs serve` calls neither: rebuilds reuse the caches.
"""

from __future__ import annotations

import ctypes
import gc
import sys
from collections.abc import Callable

from . import markdown, render, simpleyaml


def clear_caches() -> None:
    """Empty the core's memo caches (parses, URLs, printed text, compiled templates, YAML scalars):
    pure speed-ups, refilled on demand."""
    for cached in (markdown.parse, markdown._links, render._built, render._parts, render._folder):
        cached.cache_clear()
    render._PLAIN.clear()
    render._COMPILED.clear()  # compiled templates: a build compiles each once
    simpleyaml.forget()


def release() -> None:
    """Collect cyclic garbage, then give the memory freed so far back to the system (glibc only)."""
    gc.collect()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's `malloc_trim`: returns the free pages inside the heap, not only its top. None on other
    systems (macOS, musl), where nothing is done."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        trim: Callable[[int], int] = ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None
    return trim
