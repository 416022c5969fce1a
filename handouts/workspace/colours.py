"""Colour checks: hex parsing and WCAG contrast against the white page."""

from __future__ import annotations

import re

HEX_PATTERN = re.compile(r"^#[0-9A-Fa-f]{6}$")
MIN_CONTRAST = 4.5


def parse_hex(text: str) -> tuple[int, int, int] | None:
    """(r, g, b) from "#RRGGBB", or None if it is not one."""
    if not HEX_PATTERN.match(text):
        return None
    return int(text[1:3], 16), int(text[3:5], 16), int(text[5:7], 16)


def relative_luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_on_white(rgb: tuple[int, int, int]) -> float:
    """WCAG contrast ratio of the colour against white (1 to 21)."""
    return 1.05 / (relative_luminance(rgb) + 0.05)


def darker_shade(rgb: tuple[int, int, int], target: float = MIN_CONTRAST) -> str:
    """The nearest darker shade (same hue, 5% steps) whose contrast on white reaches `target`."""
    factor = 1.0
    shade = rgb
    while contrast_on_white(shade) < target and factor > 0:
        factor -= 0.05
        shade = tuple(max(0, round(v * factor)) for v in rgb)  # type: ignore[assignment]
    return "#{:02X}{:02X}{:02X}".format(*shade)


def colour_problem(text: str) -> str | None:
    """Why `text` will not do as a text colour on white, with a fix; None if it is fine."""
    rgb = parse_hex(text)
    if rgb is None:
        return f'"{text}" is not a colour; write it as hex like "#1F4E79"'
    ratio = contrast_on_white(rgb)
    if ratio < MIN_CONTRAST:
        return (
            f'"{text}" has a contrast of {ratio:.2f}:1 on white, below the {MIN_CONTRAST}:1 '
            f'text needs; try the darker shade "{darker_shade(rgb)}"'
        )
    return None
