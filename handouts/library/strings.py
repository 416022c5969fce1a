"""The words a handout prints around the clinic's text: labels, page numbers, disclaimer.

They live in `content/<lang>/strings.yaml`; a workspace file may replace some keys, and the
built-in file of the same language gives the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from handouts.errors import LibraryError, Problem
from handouts.yamlfile.checker import Checker
from handouts.yamlfile.reader import load_yaml

STRINGS_FILE = "strings.yaml"
STRING_KEYS = ("for", "from", "date", "notes_heading", "page", "tip", "caution", "disclaimer")
# Optional keys, with the English word used when a language leaves one out.
OPTIONAL_STRINGS = {
    "care_team": "Your care team",
    "labelled": "{label}:",
    "plan_heading": "Your plan",
    "clinic_phone": "Clinic phone: {phone}",
    "tracker_heading": "Tick each day you do it",
    "write_heading": "Notes and next visit",
    "dose_hold": "Hold: {n} seconds",
    "dose_reps": "Repeats: {n}",
    "dose_sets": "Sets: {n}",
    "dose_minutes": "Minutes: {n}",
    "dose_daily": "Times a day: {n}",
}


@dataclass(frozen=True)
class Strings:
    """The printed words of one language."""

    labels: dict[str, str]

    def __getitem__(self, key: str) -> str:
        return self.labels[key]

    def labelled(self, label: str) -> str:
        """A label before its value, punctuated the language's way ("For:", "Pour :")."""
        return self.labels["labelled"].format(label=label)

    def page(self, page: int | str, pages: int | str) -> str:
        """ "Page 1 of 3" in this language."""
        return self.labels["page"].format(page=page, pages=pages)

    def dose(self, kind: str, value: str) -> tuple[str, str, str]:
        """One item of a card's dose strip as (words before, number, words after):
        ("Hold: ", "45", " seconds")."""
        before, _, after = self.labels[f"dose_{kind}"].partition("{n}")
        return before, value, after


def english() -> Strings:
    """The built-in English strings (used where no library is at hand)."""
    from handouts.library.loader import builtin_root

    return load_strings([builtin_root().path], "en")


def load_strings(roots: list[Path], lang: str) -> Strings:
    """Read `content/<lang>/strings.yaml` from each root (first wins per key); check it."""
    labels: dict[str, str] = {}
    problems: list[Problem] = []
    seen: list[str] = []
    for root in roots:
        path = root / "content" / lang / STRINGS_FILE
        if not path.exists() and not path.is_symlink():
            continue
        where = f"content/{lang}/strings.yaml"
        seen.append(where)
        found, file_problems = _read(path, where, root)
        problems += file_problems
        for key, value in found.items():
            labels.setdefault(key, value)
    if problems:
        raise LibraryError(problems)
    missing = [key for key in STRING_KEYS if key not in labels]
    if missing:
        where = seen[0] if seen else f"content/{lang}/strings.yaml"
        raise LibraryError(
            Problem(
                where,
                f"missing {', '.join(missing)}; every language needs all of "
                f"{', '.join(STRING_KEYS)}",
            )
        )
    for key, default in OPTIONAL_STRINGS.items():
        labels.setdefault(key, default)
    return Strings(labels)


def _read(path: Path, where: str, root: Path) -> tuple[dict[str, str], list[Problem]]:
    check = Checker(where)
    from handouts.files import FileRefused, read_text

    try:
        text = read_text(path, root=root)
    except FileRefused as exc:
        return {}, [Problem(where, exc.reason)]
    data, problems = load_yaml(text, where)
    if problems:
        return {}, problems
    data = check.mapping(data, 1, None)
    if data is None:
        return {}, check.problems
    check.known_keys(data, (*STRING_KEYS, *OPTIONAL_STRINGS))
    found = {}
    for key in (*STRING_KEYS, *OPTIONAL_STRINGS):
        if key in data:
            found[key] = check.text(data, key)
    _check_pattern(check, data, found, "page", ("page", "pages"), "Page {page} of {pages}")
    _check_pattern(check, data, found, "labelled", ("label",), "{label}:")
    return found, check.problems


def _check_pattern(
    check: Checker, data, found: dict[str, str], key: str, names: tuple[str, ...], example: str
) -> None:
    """A string with {placeholders}: it holds each of `names` and nothing else in braces."""
    pattern = found.get(key)
    if pattern is None:
        return
    try:
        pattern.format(**{name: "x" for name in names})
        ok = all("{" + name + "}" in pattern for name in names)
    except (KeyError, IndexError, ValueError):
        ok = False
    if not ok:
        held = " and ".join("{" + name + "}" for name in names)
        check.add(
            data.line_of(key),
            key,
            f'"{pattern}" must hold {held} and nothing else in braces, e.g. "{example}"',
        )
