"""Which library and brand to use. For now: the built-in library and the neutral brand."""

from __future__ import annotations

from handouts.clinic import Clinic
from handouts.loader import builtin_root, load_library
from handouts.model import Library


def load_default_library(lang: str = "en") -> Library:
    """The built-in library, validated."""
    return load_library([builtin_root()], lang=lang)


def load_clinic() -> Clinic:
    """The neutral built-in brand."""
    return Clinic()
