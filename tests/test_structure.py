"""The package's shape: folders that are stages, no import cycles, heavy imports in place."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "handouts"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[str]]:
    """Every handouts module and the handouts modules it imports (lazy and typing-only too)."""
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                found.add(node.module)
                found.update(f"{node.module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
        graph[name] = {m for m in found if m in modules and m != name}
    return graph


def _third_party(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
    return names


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_the_package_has_no_import_cycle():
    assert _cycle(_imports()) is None


def test_the_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_the_folders_have_no_import_cycle_between_them():
    folders: dict[str, set[str]] = {}
    for module, deps in _imports().items():
        top = ".".join(module.split(".")[:2])
        folders.setdefault(top, set()).update(
            ".".join(d.split(".")[:2]) for d in deps if not d.startswith(top)
        )
    folders = {k: {d for d in v if d in folders and d != k} for k, v in folders.items()}
    assert _cycle(folders) is None


def test_reportlab_is_imported_only_under_pdf():
    outside = [
        str(p.relative_to(PACKAGE))
        for p in PACKAGE.rglob("*.py")
        if "reportlab" in _third_party(p) and "pdf" not in p.relative_to(PACKAGE).parts[:1]
    ]
    assert outside == []


def test_click_is_imported_only_under_cli():
    outside = [
        str(p.relative_to(PACKAGE))
        for p in PACKAGE.rglob("*.py")
        if "click" in _third_party(p) and p.relative_to(PACKAGE).parts[0] != "cli"
    ]
    assert outside == []


def test_every_folder_of_the_readme_diagram_exists_and_is_described():
    readme = (PACKAGE.parent / "README.md").read_text(encoding="utf-8")
    folders = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file())
    assert {"build", "check", "cli", "library", "pdf", "render", "text", "workspace"} <= set(
        folders
    )
    for folder in folders:
        assert f"{folder}/" in readme, f"the README's architecture does not name {folder}/"
