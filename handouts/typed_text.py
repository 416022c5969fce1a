"""What people type (names, notes, dates, values): cleaned, limited, and shown safely.

The one owner of these rules for every way in (command line, batch rows, `new`, the web).
"""

from __future__ import annotations

import datetime as dt
import unicodedata

NAME_LIMIT = 200  # a name, and any one-line field (template, language, paper, an id)
NOTE_LIMIT = 100_000  # the notes, in all
VALUE_LIMIT = 10_000  # one --set value
SHOWN_LIMIT = 60  # characters of a wrong value echoed in a message
FIRST_YEAR, LAST_YEAR = 1900, 2100
_ALLOWED_CONTROLS = {"\n", "\t"}
_KEPT_FORMAT = {"\u00ad"}  # the soft hyphen: an invisible hint where a word may break


def clean_typed(text: str, limit: int | None = None, kind: str = "text") -> str:
    """Text a person typed, made safe to print; raise ValueError saying what is wrong.

    The text is normalised to NFC (an accent typed as a separate mark joins its letter).
    Bytes that were not UTF-8 (kept by Python as lone surrogates), and a control character
    (other than newline and tab), are refused, named by their value, never echoed. A
    right-to-left or complex script is refused (see `unsupported_script`). Invisible format
    characters (zero-width spaces and joiners, direction marks and overrides, byte-order
    marks) are removed: fonts draw them as boxes or not at all. The soft hyphen is kept.
    `limit` caps the length, naming what kind of text it is.
    """
    wrong = not_utf8(text)
    if wrong:
        raise ValueError(wrong)
    text = unicodedata.normalize("NFC", text)
    if limit is not None and len(text) > limit:
        raise ValueError(
            f"is {len(text):,} characters long; a {kind} may be at most {limit:,} characters"
        )
    for char in text:
        if unicodedata.category(char) == "Cc" and char not in _ALLOWED_CONTROLS:
            raise ValueError(f"contains the control character U+{ord(char):04X}; remove it")
    script = unsupported_script(text)
    if script:
        name, char = script
        raise ValueError(
            f"contains {name} letters (U+{ord(char):04X}); right-to-left and complex scripts "
            "(Hebrew, Arabic, Devanagari, Thai, ...) are not yet supported: they would print "
            "in the wrong order or unjoined; write it in another script"
        )
    return "".join(c for c in text if unicodedata.category(c) != "Cf" or c in _KEPT_FORMAT)


def not_utf8(text: str) -> str | None:
    """What is wrong when `text` holds bytes that were not UTF-8 (Python keeps them as lone
    surrogates, U+DC80 to U+DCFF), else None."""
    for char in text:
        if unicodedata.category(char) == "Cs":
            code = ord(char)
            what = f"byte 0x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"U+{code:04X}"
            return f"is not UTF-8 text ({what}); type it again as UTF-8 text"
    return None


# Scripts whose letters change shape or order when set, which the PDF stage cannot do yet
# (besides every right-to-left one): Indic, Sinhala, Thai, Lao, Tibetan, Myanmar, Khmer,
# Mongolian and the scripts of South-East Asia.
_COMPLEX_RANGES = (
    (0x0900, 0x0DFF),
    (0x0E00, 0x0FFF),
    (0x1000, 0x109F),
    (0x1780, 0x18AF),
    (0x1900, 0x1C4F),
    (0xA800, 0xA8FF),
    (0xA980, 0xAAFF),
    (0xABC0, 0xABFF),
    (0x11000, 0x11FFF),
)


def unsupported_script(text: str) -> tuple[str, str] | None:
    """(script name, first letter) of a right-to-left or complex-script run in `text`."""
    for char in text:
        code = ord(char)
        if code < 0x0590 or unicodedata.category(char)[0] not in "LMN":  # letters, marks, digits
            continue
        rtl = unicodedata.bidirectional(char) in ("R", "AL")
        if rtl or any(low <= code <= high for low, high in _COMPLEX_RANGES):
            words = unicodedata.name(char, "").split()
            return (words[0].title() if words else "right-to-left"), char
    return None


def visible(text: str) -> str:
    """`text` with control characters written as escapes, safe to show on a terminal."""
    return "".join(
        f"\\u{ord(c):04x}"
        if unicodedata.category(c) in ("Cc", "Cs") and c not in _ALLOWED_CONTROLS
        else c
        for c in text
    )


def shown(text: str) -> str:
    """`visible(text)`, cut to SHOWN_LIMIT characters: a wrong value echoed in a message."""
    text = visible(text)
    return text if len(text) <= SHOWN_LIMIT else text[: SHOWN_LIMIT - 3] + "..."


def parse_date(text: str) -> dt.date:
    """A YYYY-MM-DD date from 1900 to 2100; raise ValueError saying what would be right."""
    wrong = f'"{shown(text.strip())}" is not a date; use YYYY-MM-DD, e.g. 2026-11-21'
    parts = text.strip().split("-")
    if [len(p) for p in parts] != [4, 2, 2] or not all(p.isdigit() for p in parts):
        raise ValueError(wrong)
    try:
        date = dt.date(*(int(p) for p in parts))
    except ValueError:
        raise ValueError(wrong) from None
    if not FIRST_YEAR <= date.year <= LAST_YEAR:
        raise ValueError(
            f'"{shown(text.strip())}" is not a date to print; use YYYY-MM-DD from {FIRST_YEAR} '
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
    raise ValueError(f'must be yes or no (got "{shown(str(value).strip())}")')
