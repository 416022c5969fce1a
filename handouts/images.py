"""Image checks without decoding: the kind from magic bytes, the size from the header."""

from __future__ import annotations

import struct
from pathlib import Path

MAX_SIDE = 8000
MAX_PIXELS = 40_000_000
MAX_BYTES = 20 * 1024 * 1024
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
JPEG_MAGIC = b"\xff\xd8\xff"
SOF_MARKERS = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


class ImageProblem(ValueError):
    """Why a file cannot be used as an image."""


def image_size(path: Path) -> tuple[str, int, int]:
    """("png" or "jpeg", width, height) read from the header; raise ImageProblem."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ImageProblem(
                f"is larger than {MAX_BYTES // (1024 * 1024)} MB; use a smaller image"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise ImageProblem(f"cannot be read: {exc.strerror}") from None
    if data.startswith(PNG_MAGIC):
        kind, (width, height) = "png", _png_size(data)
    elif data.startswith(JPEG_MAGIC):
        kind, (width, height) = "jpeg", _jpeg_size(data)
    else:
        raise ImageProblem("is not a PNG or JPEG image; save the logo as .png or .jpg")
    if not (0 < width <= MAX_SIDE and 0 < height <= MAX_SIDE) or width * height > MAX_PIXELS:
        raise ImageProblem(
            f"is {width}x{height} pixels; use an image at most {MAX_SIDE} pixels a side"
        )
    return kind, width, height


def _png_size(data: bytes) -> tuple[int, int]:
    if len(data) < 24 or data[12:16] != b"IHDR":
        raise ImageProblem("is a damaged PNG (no IHDR header); export it again")
    return struct.unpack(">II", data[16:24])


def _jpeg_size(data: bytes) -> tuple[int, int]:
    index = 2
    while index + 9 < len(data):
        if data[index] != 0xFF:
            index += 1
            continue
        marker = data[index + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7 or marker == 0xFF:
            index += 1 if marker == 0xFF else 2
            continue
        length = struct.unpack(">H", data[index + 2 : index + 4])[0]
        if marker in SOF_MARKERS:
            height, width = struct.unpack(">HH", data[index + 5 : index + 9])
            return width, height
        index += 2 + length
    raise ImageProblem("is a damaged JPEG (no size found); export it again")
