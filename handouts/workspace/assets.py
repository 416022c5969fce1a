"""Checks for image and font files, read from their headers before anything decodes them.

`check_image` and `check_font` take a path and return located problems: a missing
file, a file that is not what its name says, a truncated file, or an image whose
pixel size is absurd (a decompression bomb is refused here, before any decoder sees it).
Only an image whose header passes is then decoded in full, to refuse damaged pixel data.
"""

from __future__ import annotations

import struct
from pathlib import Path

from handouts.errors import Problem

MAX_FILE_BYTES = 25 * 1024 * 1024
MAX_SIDE = 10_000
MAX_PIXELS = 40_000_000
IMAGE_KINDS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG"}
FONT_SUFFIXES = (".ttf",)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
REQUIRED_FONT_TABLES = ("cmap", "glyf", "head", "hmtx", "loca")
_JPEG_SIZE_MARKERS = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
_SIGNATURES = (
    (PNG_SIGNATURE, "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"BM", "a BMP image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x00\x01\x00\x00", "a TrueType font"),
    (b"true", "a TrueType font"),
    (b"OTTO", "an OpenType (CFF) font"),
    (b"ttcf", "a font collection"),
    (b"wOFF", "a WOFF web font"),
    (b"wOF2", "a WOFF2 web font"),
    (b"PK\x03\x04", "a ZIP archive"),
)


class _Bad(Exception):
    """One thing wrong with an asset file; the message says what would be right."""


def check_image(
    path: Path, where: str | None = None, line: int | None = None, field: str | None = None
) -> list[Problem]:
    """Problems with an image file (PNG or JPEG); an empty list when it is fine to draw."""
    try:
        data = _read(path)
        kind = IMAGE_KINDS.get(path.suffix.lower())
        if kind is None:
            raise _Bad(f"{_named(path)}: only .png, .jpg and .jpeg images can be used")
        if kind == "PNG":
            _png_size(data, path)
        else:
            _jpeg_size(data, path)
        _decode(path)  # only once the header says the size is sane
    except _Bad as bad:
        return [_problem(bad, path, where, line, field)]
    return []


def image_size(path: Path) -> tuple[int, int]:
    """Pixel width and height from a checked image's header (call `check_image` first)."""
    data = _read(path)
    if data.startswith(PNG_SIGNATURE):
        return _png_size(data, path)
    return _jpeg_size(data, path)


def check_font(
    path: Path, where: str | None = None, line: int | None = None, field: str | None = None
) -> list[Problem]:
    """Problems with a TrueType font file; an empty list when it can be embedded."""
    try:
        data = _read(path)
        if path.suffix.lower() not in FONT_SUFFIXES:
            raise _Bad(f"{_named(path)}: only TrueType .ttf fonts can be used")
        _check_truetype(data, path)
    except _Bad as bad:
        return [_problem(bad, path, where, line, field)]
    return []


def _problem(
    bad: _Bad, path: Path, where: str | None, line: int | None, field: str | None
) -> Problem:
    if where is None:
        return Problem(str(path), str(bad), line=line, field=field)
    return Problem(where, f'"{path}" {bad}', line=line, field=field)


def _read(path: Path) -> bytes:
    from handouts.files import FileRefused, read_bytes

    try:
        data = read_bytes(path, MAX_FILE_BYTES)
    except FileRefused as exc:
        reason = exc.reason
        if reason == "no such file":
            reason = "does not exist; check the file name and folder"
        elif reason.startswith("is a folder"):
            reason = "is a folder, not a file; name the file itself"
        raise _Bad(reason) from None
    if not data:
        raise _Bad("is empty; save the file again")
    return data


def _what_it_is(data: bytes) -> str:
    for signature, name in _SIGNATURES:
        if data.startswith(signature):
            return name
    head = data[:256].lstrip().lower()
    if head.startswith((b"<svg", b"<?xml")) or b"<svg" in head:
        return "an SVG drawing"
    return "not a file type handouts knows"


def _named(path: Path) -> str:
    return f"is named {path.suffix or 'without an extension'}"


def _not_what_it_says(data: bytes, path: Path, kind: str) -> _Bad:
    actual = _what_it_is(data)
    return _Bad(
        f"is named {path.suffix} but is {actual}, not {kind}; "
        f"export it as {kind} or give it the right name"
    )


def _png_size(data: bytes, path: Path) -> tuple[int, int]:
    if not data.startswith(PNG_SIGNATURE):
        raise _not_what_it_says(data, path, "PNG")
    if len(data) < 33 or data[12:16] != b"IHDR":
        raise _Bad("is truncated or damaged (no PNG header); save the image again")
    width, height = struct.unpack(">II", data[16:24])
    _check_dimensions(width, height, path)
    position = 8
    while position + 8 <= len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        chunk = data[position + 4 : position + 8]
        position += 12 + length
        if position > len(data):
            break
        if chunk == b"IEND":
            return width, height
    raise _Bad("is truncated (the PNG ends early); save the image again")


def _jpeg_size(data: bytes, path: Path) -> tuple[int, int]:
    if not data.startswith(b"\xff\xd8\xff"):
        raise _not_what_it_says(data, path, "JPEG")
    size: tuple[int, int] | None = None
    position = 2
    while position + 4 <= len(data):
        if data[position] != 0xFF:
            raise _Bad("is damaged (bad JPEG marker); save the image again")
        marker = data[position + 1]
        if marker == 0xFF:
            position += 1
            continue
        if marker in (0x01, *range(0xD0, 0xD8)):
            position += 2
            continue
        (length,) = struct.unpack(">H", data[position + 2 : position + 4])
        if marker in _JPEG_SIZE_MARKERS and position + 9 <= len(data):
            height, width = struct.unpack(">HH", data[position + 5 : position + 9])
            size = (width, height)
            _check_dimensions(width, height, path)
        if marker == 0xDA:  # start of scan: image data follows until the end marker
            if size is None:
                break
            if data.rfind(b"\xff\xd9", position) < 0:
                raise _Bad("is truncated (the JPEG ends early); save the image again")
            return size
        position += 2 + length
    raise _Bad("is truncated or damaged (no JPEG image data); save the image again")


def _decode(path: Path) -> None:
    """Decode every pixel with Pillow: a damaged body passes the header checks above."""
    from PIL import Image

    try:
        with Image.open(path) as image:
            image.load()
    except Exception:  # Pillow raises OSError, SyntaxError, ValueError, ... for bad data
        raise _Bad(
            "is damaged (its image data cannot be read); save or export the image again"
        ) from None


def _check_dimensions(width: int, height: int, path: Path) -> None:
    if width == 0 or height == 0:
        raise _Bad("has no pixels (0 wide or high); save the image again")
    if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
        raise _Bad(
            f"is {width} x {height} pixels, too large to use safely; "
            f"use at most {MAX_SIDE} pixels a side and {MAX_PIXELS // 1_000_000} megapixels"
        )


def _check_truetype(data: bytes, path: Path) -> None:
    magic = data[:4]
    if magic == b"OTTO":
        raise _Bad(
            "is an OpenType font with PostScript (CFF) outlines, which cannot be embedded; "
            "use the TrueType (.ttf) version of the font"
        )
    if magic not in (b"\x00\x01\x00\x00", b"true"):
        actual = _what_it_is(data)
        hint = "convert it to .ttf" if "font" in actual else "use a TrueType .ttf font"
        raise _Bad(f"is named {path.suffix} but is {actual}, not a TrueType font; {hint}")
    if len(data) < 12:
        raise _Bad("is truncated (no font header); download the font again")
    (count,) = struct.unpack(">H", data[4:6])
    if count == 0 or 12 + 16 * count > len(data):
        raise _Bad("is truncated (its table list is cut off); download the font again")
    tables = {}
    for index in range(count):
        record = data[12 + 16 * index : 28 + 16 * index]
        tag = record[:4].decode("latin-1")
        offset, length = struct.unpack(">II", record[8:16])
        if offset + length > len(data):
            raise _Bad(f'is truncated (table "{tag.strip()}" is cut off); download the font again')
        tables[tag] = length
    missing = [tag for tag in REQUIRED_FONT_TABLES if tag not in tables]
    if missing:
        raise _Bad(
            f"is damaged or incomplete (no {', '.join(missing)} table); download the font again"
        )
    if "fvar" in tables:
        raise _Bad(
            "is a variable font, which ReportLab cannot draw; use the static .ttf files "
            "(one per weight and style)"
        )
