"""The package's shape: no import circle (function-level imports included) and every kind registered.

Run as a script (`python tests/core/test_architecture.py`) it prints the figures of the issue-11
review: modules, the largest functions and the import circles.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "plugins" / "opsbook"


def _module_name(path: Path) -> str:
    parts = ["opsbook", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _resolve(current: str, is_package: bool, level: int, target: str | None) -> str:
    if level == 0:
        return target or ""
    base = current.split(".")
    base = base if is_package else base[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join([*base, target] if target else base)


def import_graph() -> dict[str, set[str]]:
    """module -> the package modules it imports, at any level of the file (TYPE_CHECKING-only excluded)."""
    mods = modules()
    graph: dict[str, set[str]] = {m: set() for m in mods}
    for name, path in mods.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        typing_only = {
            id(n)
            for node in ast.walk(tree)
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
            for n in ast.walk(node)
        }
        for node in ast.walk(tree):
            if id(node) in typing_only:
                continue
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = _resolve(name, path.name == "__init__.py", node.level, node.module)
                # `from . import x` names the module x, not the package it sits in.
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in mods else base for a in node.names]
            for target in targets:
                if target in mods and target != name:
                    graph[name].add(target)
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    sys.setrecursionlimit(10000)

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def largest_functions(n: int = 5) -> list[tuple[int, str]]:
    sizes = []
    for name, path in modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                sizes.append((node.end_lineno - node.lineno + 1, f"{name}.{node.name}"))  # type: ignore[operator]
    return sorted(sizes, reverse=True)[:n]


def test_no_import_circles() -> None:
    assert circles(import_graph()) == []


if __name__ == "__main__":
    print("modules:", len(modules()))
    print("largest functions:", largest_functions(8))
    for c in circles(import_graph()):
        print("circle:", " ".join(c))


def test_every_kind_package_is_registered() -> None:
    """A package with a `kind.py` is in the registry, and every registered kind's options exist."""
    from opsbook.config import OpsbookConfig
    from opsbook.kinds import KINDS
    from opsbook.settings import Settings

    packages = sorted(p.parent.name for p in PACKAGE.glob("*/kind.py"))
    assert sorted(k.name for k in KINDS) == packages
    assert all(f"opsbook.{k.name}.kind" in import_graph()["opsbook.kinds"] for k in KINDS)
    options = [o for k in KINDS for o in k.option_names]
    assert len(options) == len(set(options)), "an option belongs to one kind"
    schema = {name for name, _ in OpsbookConfig._schema}
    for option in options:
        assert option in schema and option in Settings.__dataclass_fields__, option


def test_finding_kinds_carry_their_heading_and_attention_follows_the_enum() -> None:
    from opsbook.attention import sections
    from opsbook.problems import Finding, FindingKind

    assert all(k.heading and k.heading[0].isupper() for k in FindingKind)
    found = [Finding(k, "x", "m") for k in reversed(FindingKind)]
    assert [s.title for s in sections(found)] == [k.heading for k in FindingKind]


def test_items_with_pages_are_sourced() -> None:
    from opsbook.checklists.model import Checklist
    from opsbook.decisions.model import Decision
    from opsbook.incidents.model import Incident
    from opsbook.rfcs.model import Rfc
    from opsbook.runbooks.model import Runbook
    from opsbook.sourced import Sourced

    for cls in (Checklist, Decision, Incident, Rfc, Runbook):
        members = set(dir(cls)) | set(cls.__dataclass_fields__)
        assert {"file", "line", "page", "title"} <= members, cls
    assert Sourced.__name__ == "Sourced"
