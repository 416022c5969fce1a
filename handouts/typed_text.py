"""What people type (names, notes, dates, values): cleaned, limited, and shown safely.

The one owner of these rules for every way in (command line, batch rows, `new`, the web).
"""

from __future__ import annotations

import datetime as dt
import unicodedata

NAME_LIMIT = 200
NOTE_LIMIT = 100_000
FIRST_YEAR, LAST_YEAR = 1900, 2100
_ALLOWED_CONTROLS = {"\n", "\t"}
_KEPT_FORMAT = {"\u00ad"}  # the soft hyphen: an invisible hint where a word may break


def clean_typed(text: str, limit: int | None = None, kind: str = "text") -> str:
    """Text a person typed, made safe to print; raise ValueError saying what is wrong.

    A control character (other than newline and tab) is refused, naming its code point,
    never echoing it. Invisible format characters (zero-width spaces and joiners, direction
    marks and overrides, byte-order marks) are removed: fonts draw them as boxes or not at
    all. The soft hyphen is kept. `limit` caps the length, naming what kind of text it is.
    """
    if limit is not None and len(text) > limit:
        raise ValueError(
            f"is {len(text):,} characters long; a {kind} may be at most {limit:,} characters"
        )
    for char in text:
        if unicodedata.category(char) == "Cc" and char not in _ALLOWED_CONTROLS:
            raise ValueError(f"contains the control character U+{ord(char):04X}; remove it")
    return "".join(c for c in text if unicodedata.category(c) != "Cf" or c in _KEPT_FORMAT)


def visible(text: str) -> str:
    """`text` with control characters written as escapes, safe to show on a terminal."""
    return "".join(
        f"\\u{ord(c):04x}" if unicodedata.category(c) == "Cc" and c not in _ALLOWED_CONTROLS else c
        for c in text
    )


def parse_date(text: str) -> dt.date:
    """A YYYY-MM-DD date from 1900 to 2100; raise ValueError saying what would be right."""
    wrong = f'"{visible(text.strip())}" is not a date; use YYYY-MM-DD, e.g. 2026-11-21'
    parts = text.strip().split("-")
    if [len(p) for p in parts] != [4, 2, 2] or not all(p.isdigit() for p in parts):
        raise ValueError(wrong)
    try:
        date = dt.date(*(int(p) for p in parts))
    except ValueError:
        raise ValueError(wrong) from None
    if not FIRST_YEAR <= date.year <= LAST_YEAR:
        raise ValueError(
            f'"{text.strip()}" is not a date to print; use YYYY-MM-DD from {FIRST_YEAR} '
            f"to {LAST_YEAR}, e.g. 2026-11-21"
        )
    return date


PAPERS = ("letter", "a4")
YES_WORDS = frozenset({"yes", "y", "true", "on", "1"})
NO_WORDS = frozenset({"no", "n", "false", "off", "0"})


def yes_no(value: object) -> bool:
    """A typed yes or no (also y/n, true/false, on/off, 1/0); ValueError for anything else."""
    if isinstance(value, bool):
        return value
    answer = str(value).strip().lower()
    if answer in YES_WORDS:
        return True
    if answer in NO_WORDS:
        return False
    raise ValueError(f'must be yes or no (got "{visible(str(value).strip())}")')
