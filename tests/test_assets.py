"""Image and font files are checked from their headers, before anything decodes them."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image

from handouts.pdf.fonts import atkinson_files
from handouts.workspace.assets import check_font, check_image, image_size


def png_bytes(width: int = 4, height: int = 3) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "teal").save(buffer, "PNG")
    return buffer.getvalue()


def jpeg_bytes(width: int = 4, height: int = 3) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "teal").save(buffer, "JPEG")
    return buffer.getvalue()


def png_bomb(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge size (it would inflate to gigabytes)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 65536, 9)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def jpeg_with_size(width: int, height: int) -> bytes:
    data = bytearray(jpeg_bytes())
    start = data.index(b"\xff\xc0")
    data[start + 5 : start + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("name", "data"), [("logo.png", png_bytes()), ("logo.JPG", jpeg_bytes())])
def test_good_images_pass_and_their_size_is_read(tmp_path, name, data):
    path = write(tmp_path, name, data)
    assert check_image(path) == []
    assert image_size(path) == (4, 3)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("logo.png", jpeg_bytes(), "is named .png but is a JPEG image, not PNG"),
        ("logo.jpg", png_bytes(), "is named .jpg but is a PNG image, not JPEG"),
        ("logo.png", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "is an SVG drawing, not PNG"),
        ("logo.png", b"hello", "is not a file type handouts knows, not PNG"),
        ("logo.gif", b"GIF89a....", "is named .gif: only .png, .jpg and .jpeg images"),
        ("logo.png", b"", "is empty"),
        ("logo.png", png_bytes()[:60], "is truncated (the PNG ends early)"),
        ("logo.png", png_bytes()[:20], "is truncated or damaged (no PNG header)"),
        ("logo.jpg", jpeg_bytes()[:-3], "is truncated (the JPEG ends early)"),
        ("logo.jpg", jpeg_bytes()[:30], "is truncated or damaged (no JPEG image data)"),
    ],
)
def test_bad_images_say_what_is_wrong(tmp_path, name, data, message):
    path = write(tmp_path, name, data)
    (problem,) = check_image(path)
    assert str(problem).startswith(f"{path}: ")
    assert message in str(problem)


def test_a_missing_image_is_reported_where_it_was_named(tmp_path):
    (problem,) = check_image(tmp_path / "logo.png", where="clinic.yaml", line=4, field="logo")
    assert str(problem) == (
        f'clinic.yaml:4: logo: "{tmp_path / "logo.png"}" does not exist; '
        "check the file name and folder"
    )


def test_a_png_decompression_bomb_is_refused_from_its_header(tmp_path, monkeypatch):
    def no_decoding(*args, **kwargs):
        raise AssertionError("the image must not be decoded")

    monkeypatch.setattr(Image, "open", no_decoding)
    path = write(tmp_path, "logo.png", png_bomb(100_000, 100_000))
    assert path.stat().st_size < 1000
    (problem,) = check_image(path)
    assert "is 100000 x 100000 pixels, too large to use safely" in str(problem)


@pytest.mark.parametrize(("width", "height"), [(60_000, 10), (9_000, 9_000), (0, 10)])
def test_absurd_jpeg_sizes_are_refused(tmp_path, width, height):
    (problem,) = check_image(write(tmp_path, "photo.jpeg", jpeg_with_size(width, height)))
    assert "pixels, too large" in str(problem) or "has no pixels" in str(problem)


def test_a_large_but_sane_image_passes(tmp_path):
    assert check_image(write(tmp_path, "logo.png", png_bytes(4000, 3000))) == []


def damaged_png() -> bytes:
    """A real PNG whose IDAT bytes are garbage (its chunk CRC made to match, so only the
    compressed pixel data is wrong)."""
    buffer = io.BytesIO()
    Image.effect_noise((64, 48), 40).convert("RGB").save(buffer, "PNG")
    data = bytearray(buffer.getvalue())
    start = data.index(b"IDAT")
    (length,) = struct.unpack(">I", data[start - 4 : start])
    body = start + 4
    for index in range(body + 8, body + length):
        data[index] ^= 0x5A
    crc = zlib.crc32(bytes(data[start : body + length]))
    data[body + length : body + length + 4] = struct.pack(">I", crc)
    return bytes(data)


def damaged_jpeg() -> bytes:
    """A real JPEG whose Huffman table is zeroed: the markers are all in place."""
    data = jpeg_bytes(64, 48)
    start = data.index(b"\xff\xc4")
    return data[: start + 5] + b"\x00" * 16 + data[start + 21 :]


@pytest.mark.parametrize(
    ("name", "data"), [("logo.png", damaged_png()), ("logo.jpg", damaged_jpeg())]
)
def test_damaged_image_data_is_refused_after_the_header_passes(tmp_path, name, data):
    path = write(tmp_path, name, data)
    assert image_size(path) == (64, 48)  # the header alone looks fine
    (problem,) = check_image(path)
    assert str(problem) == (
        f"{path}: is damaged (its image data cannot be read); save or export the image again"
    )


def test_a_folder_is_not_an_image(tmp_path):
    folder = tmp_path / "logo.png"
    folder.mkdir()
    (problem,) = check_image(folder)
    assert "is a folder, not a file" in str(problem)


def test_the_bundled_fonts_pass():
    for path in atkinson_files().values():
        assert check_font(path) == []


@pytest.fixture
def font_data() -> bytes:
    return atkinson_files()["regular"].read_bytes()


def test_a_truncated_font_is_refused(tmp_path, font_data):
    (problem,) = check_font(write(tmp_path, "body.ttf", font_data[: len(font_data) // 2]))
    assert "is truncated (table" in str(problem)
    (problem,) = check_font(write(tmp_path, "body.ttf", font_data[:40]))
    assert "is truncated (its table list is cut off)" in str(problem)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("body.ttf", png_bytes(), "is named .ttf but is a PNG image, not a TrueType font"),
        ("body.ttf", b"wOFF" + b"\x00" * 40, "is a WOFF web font, not a TrueType font; convert"),
        ("body.ttf", b"OTTO" + b"\x00" * 40, "PostScript (CFF) outlines"),
        ("body.otf", b"\x00\x01\x00\x00", "only TrueType .ttf fonts can be used"),
    ],
)
def test_fonts_that_are_not_truetype_say_what_they_are(tmp_path, name, data, message):
    (problem,) = check_font(write(tmp_path, name, data))
    assert message in str(problem)


def test_a_missing_font_is_reported(tmp_path):
    (problem,) = check_font(tmp_path / "nope.ttf", where="clinic.yaml", line=9, field="fonts.body")
    assert str(problem).startswith('clinic.yaml:9: fonts.body: "')
    assert str(problem).endswith("does not exist; check the file name and folder")


def test_a_variable_font_is_refused(tmp_path, font_data):
    (count,) = struct.unpack(">H", font_data[4:6])
    records = [font_data[12 + 16 * i : 16 + 16 * i] for i in range(count)]
    index = records.index(b"post")
    start = 12 + 16 * index
    variable = font_data[:start] + b"fvar" + font_data[start + 4 :]
    (problem,) = check_font(write(tmp_path, "body.ttf", variable))
    assert "is a variable font, which ReportLab cannot draw" in str(problem)


def test_the_readme_states_the_image_limits_the_code_uses():
    from pathlib import Path

    from handouts.workspace.assets import MAX_PIXELS, MAX_SIDE

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    stated = f"at most {MAX_SIDE} pixels a side and {MAX_PIXELS // 1_000_000} megapixels"
    assert stated in " ".join(readme.split())
