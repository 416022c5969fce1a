"""Layering checks: files the loader never reads, overrides that are shadowed or change
nothing, and clinic sections no template uses."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from handouts.check.findings import CheckContext, Finding
from handouts.errors import Problem
from handouts.library.languages import LANG_PATTERN
from handouts.library.loader import TEMPLATE_SUFFIXES, LibraryRoot, template_files
from handouts.library.model import Library
from handouts.library.strings import STRINGS_FILE

BUILTIN = "built-in"


def overrides_check(context: CheckContext) -> Iterable[Finding]:
    """Report unread files, shadowed or identical overrides, and no-op param overrides."""
    for root in context.roots:
        yield from _unread_files(root)
    yield from _shadowed(context.roots)
    for library in context.libraries.values():
        yield from _default_overrides(library)
        yield from _unused_sections(library)


def shown(path: Path, root: LibraryRoot) -> str:
    """A path as the check reports it: relative to its root, with the root when not built-in."""
    relative = path.relative_to(root.path).as_posix()
    return relative if root.origin == BUILTIN else f"{root.path.as_posix()}/{relative}"


def _unread_files(root: LibraryRoot) -> Iterator[Finding]:
    """Files under content/ and templates/ that the loader skips (a wrong name or place)."""
    content, templates = root.path / "content", root.path / "templates"
    for path in sorted(content.rglob("*")) if content.is_dir() else []:
        if path.is_dir() or path.name.startswith("."):
            continue
        relative = path.relative_to(content).parts
        if len(relative) == 2 and (path.suffix == ".md" or path.name == STRINGS_FILE):
            continue
        if root.origin == BUILTIN and relative[0] == "figures" and len(relative) == 2:
            continue  # the built-in figures (handouts.figures.catalog)
        right = f"content/<lang>/{path.stem}.md"
        yield _never_read(path, root, f"a section must be saved as {right}")
    for path in sorted(templates.rglob("*")) if templates.is_dir() else []:
        if path.is_dir() or path.name.startswith("."):
            continue
        in_language = path.parent.parent == templates and LANG_PATTERN.match(path.parent.name)
        if path.suffix in TEMPLATE_SUFFIXES and (path.parent == templates or in_language):
            continue
        yield _never_read(path, root, f"a template must be saved as templates/{path.stem}.yaml")


def _never_read(path: Path, root: LibraryRoot, right: str) -> Finding:
    return Finding("warning", "overrides", Problem(shown(path, root), f"is never read; {right}"))


def _layers(roots: list[LibraryRoot]) -> dict[str, list[tuple[Path, LibraryRoot]]]:
    """Every section and template file by what it defines, in lookup order."""
    found: dict[str, list[tuple[Path, LibraryRoot]]] = {}
    for root in roots:
        for path in sorted(root.path.glob("content/*/*.md")):
            found.setdefault(f"section {path.parent.name}/{path.stem}", []).append((path, root))
        for path in template_files(root.path / "templates"):
            found.setdefault(f"template {path.stem}", []).append((path, root))
        for path in sorted(p for f in root.path.glob("templates/*/") for p in template_files(f)):
            key = f"template {path.parent.name}/{path.stem}"
            found.setdefault(key, []).append((path, root))
    return found


def _shadowed(roots: list[LibraryRoot]) -> Iterator[Finding]:
    for what, files in _layers(roots).items():
        if len(files) < 2:
            continue
        (winner, winner_root), rest = files[0], files[1:]
        for path, root in rest:
            if _same_bytes(winner, path):
                message = (
                    f"is the same as {shown(path, root)}, so it changes nothing; "
                    "delete it so later updates reach you"
                )
                yield Finding("warning", "overrides", Problem(shown(winner, winner_root), message))
            elif root.origin == BUILTIN:
                message = f"replaces the built-in {what}"
                yield Finding("info", "overrides", Problem(shown(winner, winner_root), message))
            else:
                message = (
                    f"is never used: {shown(winner, winner_root)} defines the same "
                    f"{what.split()[0]} and comes first; delete one or give it a new id"
                )
                yield Finding("warning", "overrides", Problem(shown(path, root), message))


def _same_bytes(first: Path, second: Path) -> bool:
    from handouts.files import TEXT_LIMIT, FileRefused, read_bytes

    try:
        return read_bytes(first, TEXT_LIMIT) == read_bytes(second, TEXT_LIMIT)
    except FileRefused:
        return False


def _default_overrides(library: Library) -> Iterator[Finding]:
    """Template param overrides that set a param to its default (they change nothing)."""
    for template in library.templates.values():
        for index, entry in enumerate(template.entries):
            section = library.sections.get(entry.section_id)
            if section is None:
                continue
            for name, value in entry.params.items():
                spec = section.params.get(name)
                if spec is None or spec.convert(value) != spec.default:
                    continue
                line = entry.params.line_of(name) if hasattr(entry.params, "line_of") else None
                yield Finding(
                    "info",
                    "overrides",
                    Problem(
                        template.path,
                        f"sets {name} to its default ({spec.describe_default()}), "
                        "which changes nothing unless the default changes",
                        line=line or entry.line,
                        field=f"sections[{index + 1}].params.{name}",
                    ),
                )


def _unused_sections(library: Library) -> Iterator[Finding]:
    """Clinic sections that no template lists (they can still be added with --add)."""
    used = {sid for template in library.templates.values() for sid in template.section_ids()} | {
        sid for template in library.templates.values() for sid in template.optional
    }
    for section in library.sections.values():
        if section.origin != BUILTIN and section.id not in used:
            yield Finding(
                "info",
                "overrides",
                Problem(
                    section.path,
                    "no template lists this section; add it to a template's sections or "
                    "optional, or use it with --add",
                ),
            )
