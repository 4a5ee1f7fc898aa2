"""Per-folder table of what opsbook reads from the real-world ADR corpus (../shared/corpus/adr).

Run `python tests/decisions/corpus_table.py [CORPUS_ADR_DIR]` to print it as Markdown; the corpus
tests use `folder_rows` to assert the same numbers.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from opsbook.decisions.load import load_decisions
from opsbook.problems import ProblemLog
from opsbook.settings import Settings

DEFAULT = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "adr"


@dataclass(frozen=True)
class Row:
    folder: str
    files: int
    records: int
    by_status: dict[str, int]
    by_format: dict[str, int]
    problems: int
    skipped: int
    findings: int  # statuses kept as written (e.g. Pending): findings, not problems


def folder_rows(corpus: Path = DEFAULT) -> list[Row]:
    rows = []
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
        log = ProblemLog()
        found = load_decisions(Settings(root=folder.parent, decisions=(folder.name,)), log)
        statuses = Counter(d.status or "not stated" for d in found.records)
        formats = Counter(d.source_format for d in found.records)
        kept = sum(1 for d in found.records if d.status_kind == "kept")
        rows.append(
            Row(
                folder.name,
                len(found.files),
                len(found.records),
                dict(sorted(statuses.items())),
                dict(sorted(formats.items())),
                len(log.items),
                len(found.skipped),
                kept,
            )
        )
    return rows


def format_table(rows: list[Row]) -> str:
    lines = [
        "| Folder | Files | Records | By status | Format | Problems | Skipped (with reason) | Status findings |",
        "|---|---:|---:|---|---|---:|---:|---:|",
    ]
    for r in rows:
        status = ", ".join(f"{k} {v}" for k, v in r.by_status.items()) or "–"
        formats = ", ".join(f"{k} {v}" for k, v in r.by_format.items()) or "–"
        lines.append(
            f"| {r.folder} | {r.files} | {r.records} | {status} | {formats} | {r.problems} | {r.skipped} "
            f"| {r.findings} |"
        )
    total = [sum(getattr(r, k) for r in rows) for k in ("files", "records", "problems", "skipped", "findings")]
    lines.append(f"| **total** | {total[0]} | {total[1]} | | | {total[2]} | {total[3]} | {total[4]} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(format_table(folder_rows(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)))
