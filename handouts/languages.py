"""Languages: where each language's files live, and that a translation is complete.

Sections are `content/<lang>/<id>.md`; English templates are `templates/<id>.yaml` and other
languages' templates `templates/<lang>/<id>.yaml`, with the same ids. A section or template
missing in the requested language is an error naming the ids, never silent English.
"""

from __future__ import annotations

import re
from pathlib import Path

from handouts.errors import HandoutsError, LibraryError, Problem, RequestError, did_you_mean

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


def _referenced(roots: list[Path], lang: str) -> dict[str, str]:
    """Section ids the winning templates of `lang` name, each with the template naming it."""
    from handouts.yamlsource import load_yaml

    seen: set[str] = set()
    found: dict[str, str] = {}
    for root in roots:
        for path in sorted(templates_folder(root, lang).glob("*.yaml")):
            if path.stem in seen:
                continue
            seen.add(path.stem)
            try:
                data, _ = load_yaml(path.read_text(encoding="utf-8"), path.name)
            except (OSError, UnicodeDecodeError):
                continue  # the loader reports unreadable files
            if not isinstance(data, dict):
                continue
            for key in ("sections", "add", "optional"):
                items = data.get(key) if isinstance(data.get(key), list) else []
                for item in items:
                    section_id = item.get("id") if isinstance(item, dict) else item
                    if isinstance(section_id, str):
                        found.setdefault(section_id, path.stem)
    return found


def check_language(
    roots: list[Path],
    lang: str,
    where: str = "--lang",
    line: int | None = None,
    field: str | None = None,
    error: type[HandoutsError] = RequestError,
) -> None:
    """The one language check: raise unless `lang` exists and has every section its templates name.

    An unknown language is reported at `where` (and `line`, `field`) as `error`: RequestError
    for a language asked for (--lang, a request file, a reprinted PDF), LibraryError for the
    one a clinic.yaml names. A section that exists in English but not in `lang` is a
    LibraryError naming the ids, never replaced by English.
    """
    from handouts.request import visible

    languages = available_languages(roots)
    if not LANG_PATTERN.match(lang) or lang not in languages:
        near = lang.lower() if lang.lower() in languages else ""
        hint = f' (did you mean "{near}"?)' if near else did_you_mean(lang, languages)
        if not hint and LANG_PATTERN.match(lang):
            hint = f" (add content/{lang}/ to the workspace to write your own)"
        raise error(
            Problem(
                where,
                f'no sections in language "{visible(lang)}"; '
                f"languages are {', '.join(languages) or 'none'}{hint}",
                line=line,
                field=field,
            )
        )
    if lang == BASE_LANGUAGE:
        return
    have = _ids(roots, f"content/{lang}/*.md")
    english = _ids(roots, f"content/{BASE_LANGUAGE}/*.md")
    missing = {
        section_id: template
        for section_id, template in _referenced(roots, lang).items()
        if section_id not in have and section_id in english
    }
    if missing:
        raise LibraryError(
            Problem(
                f"content/{lang}",
                f"{len(missing)} section(s) used by the {lang} templates have no {lang} "
                f"version: {', '.join(sorted(missing))}; add content/{lang}/<id>.md for each "
                f"(or use --lang {BASE_LANGUAGE})",
            )
        )
