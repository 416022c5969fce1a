"""Languages: where each language's files live, and that a translation is complete.

Sections are `content/<lang>/<id>.md`; English templates are `templates/<id>.yaml` and other
languages' templates `templates/<lang>/<id>.yaml`, with the same ids. A section or template
missing in the requested language is an error naming the ids, never silent English.
"""

from __future__ import annotations

import re
from pathlib import Path

from handouts.errors import LibraryError, Problem

BASE_LANGUAGE = "en"
LANG_PATTERN = re.compile(r"^[a-z]{2,3}(_[A-Z]{2})?$")


def templates_folder(root: Path, lang: str) -> Path:
    """Where a root keeps its templates in `lang`."""
    return root / "templates" if lang == BASE_LANGUAGE else root / "templates" / lang


def available_languages(roots: list[Path]) -> list[str]:
    """Every language with a content folder in any root."""
    found = set()
    for root in roots:
        folder = root / "content"
        if folder.is_dir():
            found |= {p.name for p in folder.iterdir() if p.is_dir() and any(p.glob("*.md"))}
    return sorted(found)


def _ids(roots: list[Path], pattern: str) -> set[str]:
    return {path.stem for root in roots for path in root.glob(pattern)}


def check_language(roots: list[Path], lang: str) -> None:
    """Raise LibraryError unless `lang` has every section and template English has."""
    languages = available_languages(roots)
    if not LANG_PATTERN.match(lang) or lang not in languages:
        raise LibraryError(
            Problem(
                "--lang",
                f'no sections in language "{lang}"; languages here are {", ".join(languages)} '
                f"(add content/{lang}/ to the workspace to write your own)",
            )
        )
    if lang == BASE_LANGUAGE:
        return
    problems = []
    sections = _ids(roots, f"content/{BASE_LANGUAGE}/*.md") - _ids(roots, f"content/{lang}/*.md")
    if sections:
        problems.append(
            Problem(
                f"content/{lang}",
                f"{len(sections)} section(s) have no {lang} version: "
                f"{', '.join(sorted(sections))}; "
                f"add content/{lang}/<id>.md for each (or use --lang {BASE_LANGUAGE})",
            )
        )
    templates = _ids(roots, "templates/*.yaml") - _ids(roots, f"templates/{lang}/*.yaml")
    if templates:
        problems.append(
            Problem(
                f"templates/{lang}",
                f"{len(templates)} template(s) have no {lang} version: "
                f"{', '.join(sorted(templates))}; add templates/{lang}/<id>.yaml for each",
            )
        )
    if problems:
        raise LibraryError(problems)
