"""A build's peak memory: the core's caches emptied and freed memory given back to the system.

`mkdocs build` is one process, and what it measures is its peak (max RSS). Python and the C
allocator keep memory they freed, in holes between live objects, so every passing allocation of a
build (the handbook while its pages are rendered, a page while it is converted) raises the floor for
what comes after. So the plugin calls `clear_caches` and `release` once the pages are rendered,
`trim` every `TRIM_EVERY` pages written, and `release` again before the search index is written
(`search.stream_index` writes it without holding it whole). `mkdocs serve` calls none of them:
rebuilds reuse the caches.
"""

from __future__ import annotations

import ctypes
import gc
import sys
from collections.abc import Callable
from functools import lru_cache

from . import markdown, render, simpleyaml

TRIM_EVERY = 100  # pages written between two trims: a thousand pages cost about 2 ms of trimming


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
    trim()


def trim() -> None:
    """Give the memory freed so far back to the system (glibc only; a few hundred microseconds).

    Converting a page allocates and frees large strings: glibc keeps what is freed in holes of its heap
    and places the next page's strings anywhere, so without a trim now and then the heap only grows."""
    malloc_trim = _malloc_trim()
    if malloc_trim is not None:
        malloc_trim(0)


@lru_cache(maxsize=1)
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
