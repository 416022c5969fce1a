"""Languages: where each language's files live, and that a translation is complete.

Sections are `content/<lang>/<id>.md`; English templates are `templates/<id>.yaml` and other
languages' templates `templates/<lang>/<id>.yaml`, with the same ids. A section or template
missing in the requested language is an error naming the ids, never silent English.
"""

from __future__ import annotations

import re
from pathlib import Path

from handouts.errors import HandoutsError, Problem, RequestError, did_you_mean

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
        try:
            if folder.is_dir():
                found |= {p.name for p in folder.iterdir() if p.is_dir() and any(p.glob("*.md"))}
        except OSError:  # an unreadable folder: the loader reports it where it reads
            continue
    return sorted(found)


def check_language(
    roots: list[Path],
    lang: str,
    where: str = "--lang",
    line: int | None = None,
    field: str | None = None,
    error: type[HandoutsError] = RequestError,
) -> None:
    """The one language check: raise unless some root has sections in `lang`.

    An unknown language is reported at `where` (and `line`, `field`) as `error`: RequestError
    for a language asked for (--lang, a request file, a reprinted PDF), LibraryError for the
    one a clinic.yaml names. (A section a template needs that has no version in `lang`
    is reported by the loader, which has the templates at hand.)
    """
    from handouts.typed_text import visible

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
