"""Scaling benchmark (not a test): is `mkdocs build` linear in the number of incidents?

For two sizes (1,000 and 5,000 by default) it builds build_bench's opsbook incidents site and its
hand-written baseline, each in a fresh process, alternating sites and sizes run by run, and reports the
time per item at each size and its ratio (target: at most 1.2x). CPU time (user + sys of the build
process) is the figure to read on a shared machine: wall time also counts waiting for other work's CPU
and for the disk. "marginal" is the cost of one more item, (T(large) - T(small)) / (large - small),
which leaves out the fixed start-up cost (imports, theme) that makes small sizes look dearer per item.
"gc" is the garbage collector's share of the build's CPU time and its gen-2 part per item: gen-2
collections traverse the whole heap, which grows with N, so they are where super-linear time would
hide.

    python bench/scale_bench.py                       # 1,000 and 5,000 incidents, 3 repeats
    python bench/scale_bench.py --sizes 500 2000 --repeat 5
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
from pathlib import Path

from build_bench import build_process, make_handwritten, make_opsbook, spread

# Prints the process's CPU seconds, the collector's CPU seconds (all generations, then gen 2) and
# the peak RSS (KiB). The collector is timed by gc.callbacks, which run around every collection.
RUNNER = """
import gc, resource, sys, time
from mkdocs.commands.build import build
from mkdocs.config import load_config
spent = {"all": 0.0, 2: 0.0}
started = [0.0]
def timed(phase, info):
    if phase == "start":
        started[0] = time.process_time()
    else:
        took = time.process_time() - started[0]
        spent["all"] += took
        if info["generation"] == 2:
            spent[2] += took
gc.callbacks.append(timed)
build(load_config(sys.argv[1], site_dir=sys.argv[2]))
usage = resource.getrusage(resource.RUSAGE_SELF)
print(usage.ru_utime + usage.ru_stime, spent["all"], spent[2], usage.ru_maxrss)
"""


def run(root: Path) -> dict[str, float]:
    """Wall and CPU seconds, collector seconds (all, gen 2) and peak MiB of one `mkdocs build`."""
    wall, (cpu, gc_all, gc_2, rss) = build_process(RUNNER, root)
    return {"wall": wall, "cpu": cpu, "gc": gc_all, "gc2": gc_2, "mib": rss / 1024}


def per_item(results: list[dict[str, float]], n: int, what: str) -> list[float]:
    """Milliseconds of `what` per item, run by run."""
    return [r[what] / n * 1000 for r in results]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs=2, default=[1000, 5000], metavar=("SMALL", "LARGE"))
    parser.add_argument("--repeat", type=int, default=3, help="builds per site and size, alternating")
    args = parser.parse_args()
    small, large = args.sizes
    tmp = Path(tempfile.mkdtemp(prefix="opsbook-scale-"))
    sites = ("opsbook", "hand-written")
    runs: dict[tuple[str, int], list[dict[str, float]]] = {(s, n): [] for s in sites for n in (small, large)}
    try:
        for n in (small, large):
            make_opsbook(tmp / f"opsbook-{n}", "incidents", n)
            make_handwritten(tmp / f"hand-written-{n}", n)
        for _ in range(max(args.repeat, 1)):  # alternate so background load hits every build alike
            for key, results in runs.items():
                results.append(run(tmp / f"{key[0]}-{key[1]}"))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(
        f"| site | ms per item at {small:,} (CPU / wall) | at {large:,} (CPU / wall) | "
        "ratio (CPU / wall, target 1.2x) | marginal ms per item (CPU) | gc share at large | gen-2 ms per item "
        "(small / large) | peak MiB (small / large) |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for name in sites:
        a, b = runs[(name, small)], runs[(name, large)]
        # Ratios and marginal costs pair the runs of one repeat (same background load).
        ratio = {w: [y[w] * small / (x[w] * large) for x, y in zip(a, b, strict=True)] for w in ("cpu", "wall")}
        marginal = [(y["cpu"] - x["cpu"]) / (large - small) * 1000 for x, y in zip(a, b, strict=True)]
        cells = [
            name,
            f"{spread(per_item(a, small, 'cpu'), '.1f')} / {spread(per_item(a, small, 'wall'), '.1f')}",
            f"{spread(per_item(b, large, 'cpu'), '.1f')} / {spread(per_item(b, large, 'wall'), '.1f')}",
            f"{spread(ratio['cpu'])}x / {spread(ratio['wall'])}x",
            spread(marginal, ".1f"),
            spread([r["gc"] / r["cpu"] * 100 for r in b], ".1f") + " %",
            f"{statistics.median(per_item(a, small, 'gc2')):.2f} / {statistics.median(per_item(b, large, 'gc2')):.2f}",
            f"{statistics.median(r['mib'] for r in a):.0f} / {statistics.median(r['mib'] for r in b):.0f}",
        ]
        print("| " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
