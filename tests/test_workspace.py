"""A clinic workspace: init, clinic.yaml brand, overrides, extends, and located mistakes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from handouts.workspace.colours import contrast_on_white, parse_hex
from tests.helpers import pdf_text, write_tree

LOGO_SIZE = (300, 120)


def make_logo(path: Path) -> Path:
    """A small real PNG logo."""
    from PIL import Image

    Image.new("RGB", LOGO_SIZE, (31, 78, 121)).save(path, "PNG")
    return path


@pytest.fixture
def workspace(tmp_path, run) -> Path:
    """A workspace made by `handouts init`, then edited like a clinic would."""
    root = tmp_path / "clinic"
    result = run("init", str(root))
    assert result.exit_code == 0, result.output
    make_logo(root / "logo.png")
    text = (root / "clinic.yaml").read_text()
    text = text.replace("name: Your Clinic Name", "name: Riverside Physio")
    text = text.replace("# logo: logo.png", "logo: logo.png")
    text = text.replace('primary: "#1F4E79"', 'primary: "#7A1F3D"')
    text = text.replace("# fonts:\n#   package: fira-sans", "fonts:\n  package: fira-sans")
    text = text.replace(
        "# booking:\n#   link: https://example.com/book\n#   label: Book your next visit",
        "booking:\n  link: https://riverside.example/book\n  label: Book your next visit",
    )
    (root / "clinic.yaml").write_text(text)
    return root


def render_in(run, root: Path, tmp_path: Path, *args: str) -> tuple[object, str, Path]:
    target = tmp_path / "out.pdf"
    target.unlink(missing_ok=True)
    result = run("render", *args, "--workspace", str(root), "-o", str(target))
    return result, (pdf_text(target) if target.exists() else ""), target


def test_init_writes_a_commented_workspace(workspace):
    files = {p.relative_to(workspace).as_posix() for p in workspace.rglob("*") if p.is_file()}
    assert {
        "clinic.yaml",
        "GUIDE.txt",
        "content/en/stretch-holds.md",
        "templates/our-dry-needling.yaml",
        "output/.gitkeep",
    } <= files
    text = (workspace / "clinic.yaml").read_text()
    for key in ("logo", "colours", "fonts", "contact", "booking", "disclaimer", "paper",
                "margins", "practitioners", "language", "large_print", "file_name"):  # fmt: skip
        assert re.search(rf"^#? ?{key}:", text, re.M), key


def test_init_never_overwrites(workspace, run):
    result = run("init", str(workspace))
    assert result.exit_code == 6
    assert "already exists" in result.stderr


def test_branded_workspace_renders_all_of_it(workspace, run, tmp_path):
    result, text, target = render_in(
        run, workspace, tmp_path, "our-dry-needling", "--patient", "Jane Doe"
    )
    assert result.exit_code == 0, result.output
    assert "Riverside Physio" in text
    assert "hello@example.com" in text
    assert "After your dry needling visit" in text  # the extending template's own title
    assert "Stretching at home" in text  # the overridden section
    assert "Stretch and hold" not in text
    assert "Hold each stretch for 60 seconds" in text  # params changed by the template
    assert "Arch supports and shoes" in text  # added by the template
    assert "Using moist heat at home" not in text  # dropped
    assert "Book your next visit" in text
    assert "https://riverside.example/book" in text
    reader = PdfReader(str(target))
    images = [img for page in reader.pages for img in page.images]
    assert len(images) == 1  # the logo once, on page 1 (later pages: a slim running head)
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert any("FiraSans" in name for name in fonts)
    assert not any("Atkinson" in name for name in fonts)


@pytest.mark.parametrize(
    "template",
    ["knee-acupuncture", "knee-dry-needling", "knee-muscle-balance", "knee-natural-relief",
     "knee-self-massage"],
)  # fmt: skip
def test_a_branded_sheet_with_a_booking_code_fits_one_sheet(workspace, run, tmp_path, template):
    # the panel's lead text sits beside the booking code, in the room the code leaves
    result, text, target = render_in(run, workspace, tmp_path, template)
    assert result.exit_code == 0 and result.stderr == "", result.output
    assert len(PdfReader(str(target)).pages) == 2
    assert "Mild soreness that eases each day is normal." in text
    assert "https://riverside.example/book" in text


def test_the_panel_lead_beside_the_booking_code_keeps_a_spanish_sheet_on_one_sheet(
    workspace, run, tmp_path
):
    edit(workspace, "fonts:\n  package: fira-sans", "# fonts:\n#   package: fira-sans")
    result, text, target = render_in(
        run, workspace, tmp_path, "knee-muscle-balance", "--lang", "es"
    )
    assert result.stderr == "" and len(PdfReader(str(target)).pages) == 2
    assert "Un dolor leve que baja cada día es normal." in text


def test_qr_code_decodes_to_the_booking_link(workspace, run, tmp_path):
    zxingcpp = pytest.importorskip("zxingcpp")
    import subprocess

    from PIL import Image

    _, _, target = render_in(run, workspace, tmp_path, "our-dry-needling")
    # The code sits by the clinic phone in the warning panel: page 1, or the top of page 2
    # when a long header and notes leave too little room for the whole panel.
    subprocess.run(
        ["pdftoppm", "-png", "-r", "150", str(target), str(tmp_path / "page")], check=True
    )
    links = [
        result.text
        for page in sorted(tmp_path.glob("page*.png"))
        for result in zxingcpp.read_barcodes(Image.open(page))
    ]
    assert "https://riverside.example/book" in links


def test_sections_and_templates_say_which_workspace_and_where_each_comes_from(workspace, run):
    result = run("sections", "--workspace", str(workspace))
    assert result.exit_code == 0, result.output
    assert f"workspace: {workspace.resolve()} (--workspace)" in result.output
    assert "[workspace: content/en/stretch-holds.md]" in result.output
    assert "[built-in: content/en/heat-use.md]" in result.output
    result = run("templates", "--workspace", str(workspace))
    assert "[workspace: templates/our-dry-needling.yaml]" in result.output


def test_workspace_is_found_from_env_and_from_parent_folders(workspace, run, monkeypatch):
    monkeypatch.setenv("HANDOUTS_WORKSPACE", str(workspace))
    assert "(HANDOUTS_WORKSPACE)" in run("sections").output
    monkeypatch.delenv("HANDOUTS_WORKSPACE")
    inner = workspace / "output"
    monkeypatch.chdir(inner)
    assert "(nearest clinic.yaml)" in run("sections").output
    monkeypatch.chdir(workspace.parent)
    assert "built-in defaults" in run("sections").output


def test_practitioner_credentials_from_clinic(workspace, run, tmp_path):
    yaml = (workspace / "clinic.yaml").read_text()
    yaml += "\npractitioners:\n  - name: Sam Lee\n    credentials: PT, DPT\n"
    (workspace / "clinic.yaml").write_text(yaml.replace("# practitioners:", "# people:"))
    _, text, _ = render_in(run, workspace, tmp_path, "knee-dry-needling")
    assert "From: Sam Lee, PT, DPT" in text
    _, text, _ = render_in(
        run, workspace, tmp_path, "knee-dry-needling", "--practitioner", "sam lee"
    )
    assert "From: Sam Lee, PT, DPT" in text


def edit(root: Path, old: str, new: str) -> None:
    path = root / "clinic.yaml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def one_error(result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert "Traceback" not in result.output
    return lines[0]


def test_pale_colour_is_refused_with_its_ratio_and_a_darker_shade(workspace, run, tmp_path):
    edit(workspace, 'accent: "#2E6B57"', 'accent: "#88CCEE"')
    result, _, target = render_in(run, workspace, tmp_path, "knee-dry-needling")
    assert result.exit_code == 3
    line = one_error(result)
    assert re.match(r"error: clinic\.yaml:\d+: colours\.accent: ", line), line
    ratio = contrast_on_white(parse_hex("#88CCEE"))
    assert f"{ratio:.2f}:1" in line
    suggested = re.search(r'darker shade "(#[0-9A-F]{6})"', line).group(1)
    assert contrast_on_white(parse_hex(suggested)) >= 4.5
    assert not target.exists()


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("logo: logo.png", "logo: nologo.png", r'logo: file "nologo.png" not found'),
        (
            "logo: logo.png",
            "logo: GUIDE.txt",
            r'logo: "GUIDE.txt" is named .txt: only .png, .jpg and .jpeg',
        ),
        ("logo: logo.png", "logo: ../secret.png", r"leads outside the workspace"),
        ('primary: "#7A1F3D"', "primary: blue", r'"blue" is not a colour'),
        ("paper: letter", "paper: legal", r'paper: "legal" must be one of letter, a4'),
        ("package: fira-sans", "package: no-such-font", r"is not installed"),
    ],
)
def test_bad_clinic_file_gives_one_located_error(workspace, run, tmp_path, old, new, expected):
    make_logo(workspace.parent / "secret.png")
    edit(workspace, old, new)
    result, _, target = render_in(run, workspace, tmp_path, "knee-dry-needling")
    assert result.exit_code == 3
    line = one_error(result)
    assert re.match(r"error: clinic\.yaml:\d+: ", line), line
    assert re.search(expected, line), line
    assert not target.exists()


def test_symlink_leaving_the_workspace_is_refused(workspace, run, tmp_path):
    outside = make_logo(tmp_path / "outside.png")
    (workspace / "link.png").symlink_to(outside)
    edit(workspace, "logo: logo.png", "logo: link.png")
    result, _, _ = render_in(run, workspace, tmp_path, "knee-dry-needling")
    assert result.exit_code == 3
    assert "leads outside the workspace" in one_error(result)


def test_huge_image_is_refused_from_its_header(workspace, run, tmp_path):
    import struct
    import zlib

    header = struct.pack(">IIBBBBB", 90000, 90000, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + header
    data = (
        b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + chunk + struct.pack(">I", zlib.crc32(chunk))
    )
    (workspace / "logo.png").write_bytes(data)
    result, _, _ = render_in(run, workspace, tmp_path, "knee-dry-needling")
    assert result.exit_code == 3
    assert "is 90000 x 90000 pixels, too large to use safely" in one_error(result)


def test_damaged_logo_is_one_located_error_not_a_traceback(workspace, run, tmp_path):
    from tests.test_assets import damaged_png

    (workspace / "logo.png").write_bytes(damaged_png())
    result, _, target = render_in(run, workspace, tmp_path, "knee-dry-needling")
    assert result.exit_code == 3
    line = one_error(result)
    assert re.fullmatch(
        r'error: clinic\.yaml:\d+: logo: "logo\.png" is damaged \(its image data cannot be '
        r"read\); save or export the image again",
        line,
    ), line
    assert not target.exists()


def test_extending_template_mistakes_are_located(workspace, run, tmp_path):
    path = workspace / "templates" / "our-dry-needling.yaml"
    path.write_text(path.read_text().replace("  - heat-use", "  - heat-uses"))
    result, _, _ = render_in(run, workspace, tmp_path, "our-dry-needling")
    assert result.exit_code == 3
    line = one_error(result)
    assert "templates/our-dry-needling.yaml:" in line and "drop" in line


def test_workspace_template_may_extend_the_builtin_of_the_same_id(workspace, run, tmp_path):
    (workspace / "templates" / "knee-dry-needling.yaml").write_text(
        "id: knee-dry-needling\nextends: knee-dry-needling\nsubtitle: Our own subtitle\n"
    )
    result, text, _ = render_in(run, workspace, tmp_path, "knee-dry-needling")
    assert result.exit_code == 0, result.output
    assert "Caring for your knee after dry needling" in text
    assert "Our own subtitle" in text


def font_with_too_many_glyphs() -> bytes:
    """A TTF whose table list is sound but whose maxp claims 65535 glyphs: ReportLab's
    parser then reads past the end of its tables (a struct.error before this was checked)."""
    import struct

    from handouts.pdf.fonts import atkinson_files

    data = bytearray(atkinson_files()["regular"].read_bytes())
    (count,) = struct.unpack(">H", data[4:6])
    for index in range(count):
        record = data[12 + 16 * index : 28 + 16 * index]
        if record[:4] == b"maxp":
            (offset,) = struct.unpack(">I", record[8:12])
            data[offset + 4 : offset + 6] = b"\xff\xff"
    return bytes(data)


def use_font_files(root: Path, regular: str, fallback: str = "") -> None:
    from handouts.pdf.fonts import atkinson_files

    (root / "fonts").mkdir(exist_ok=True)
    lines = ["fonts:"]
    for style, path in atkinson_files().items():
        (root / "fonts" / path.name).write_bytes(path.read_bytes())
        name = regular if style == "regular" else f"fonts/{path.name}"
        lines.append(f"  {style}: {name}")
    if fallback:
        lines.append(f"  fallback: [{fallback}]")
    edit(root, "fonts:\n  package: fira-sans", "\n".join(lines))


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        ("truncated", r'is truncated \(table "\w+ ?" is cut off\); download the font again'),
        ("glyphs", r"is damaged \(its font tables cannot be read\); download the font again"),
    ],
)
@pytest.mark.parametrize("role", ["regular", "fallback"])
def test_damaged_font_file_is_one_located_error(workspace, run, tmp_path, role, damage, message):
    from handouts.pdf.fonts import atkinson_files

    good = atkinson_files()["regular"].read_bytes()
    data = good[: len(good) // 2] if damage == "truncated" else font_with_too_many_glyphs()
    (workspace / "bad.ttf").write_bytes(data)
    if role == "regular":
        use_font_files(workspace, "bad.ttf")
    else:
        use_font_files(workspace, "fonts/AtkinsonHyperlegible-Regular.ttf", "bad.ttf")
    result, _, target = render_in(run, workspace, tmp_path, "knee-dry-needling", "--patient", "Ζωή")
    assert result.exit_code == 3
    line = one_error(result)
    expected = rf'error: clinic\.yaml:\d+: fonts\.{role}: {role} font "bad\.ttf" {message}'
    assert re.fullmatch(expected, line), line
    assert not target.exists()


def test_good_font_files_render(workspace, run, tmp_path):
    use_font_files(
        workspace, "fonts/AtkinsonHyperlegible-Regular.ttf", "fonts/AtkinsonHyperlegible-Bold.ttf"
    )
    result, text, _ = render_in(run, workspace, tmp_path, "knee-dry-needling", "--patient", "Zoë")
    assert result.exit_code == 0, result.output
    assert "Zoë" in text


@pytest.mark.parametrize(
    ("value", "wrong"),
    [
        ('"{date:%Y}"', '"{date:%Y}" gives {date} a format or conversion, which is not allowed'),
        ('"{date!r:>300}"', "gives {date} a format or conversion, which is not allowed"),
        ('"{{date}}"', 'has doubled braces ("{{" or "}}")'),
        ('"{patient}"', 'uses an unknown field "{patient}"'),
        ('"{date"', 'has a "{" or "}" without its pair'),
        ('""', "is empty; leave the key out for the default, or"),
        ("", "is empty; leave the key out for the default, or"),
        ('"{date}-{initials}.pdf"', 'ends in ".pdf", which is added anyway'),
        ('".{date}"', 'starts with "." (a hidden file)'),
        ('"visits/{date}"', "names a folder too (choose the folder with -o)"),
    ],
)
def test_bad_file_name_pattern_is_refused_at_clinic_load(workspace, run, tmp_path, value, wrong):
    edit(workspace, 'file_name: "{date}-{template}-{initials}"', f"file_name: {value}")
    result = run("render", "knee-dry-needling", "--workspace", str(workspace), "-o", str(tmp_path))
    assert result.exit_code == 3
    line = one_error(result)
    assert line.startswith("error: clinic.yaml:"), line
    assert ": file_name: " in line and wrong in line, line
    assert line.endswith(
        "use plain text and the fields {date}, {template} and {initials}, "
        'e.g. "{date}-{template}-{initials}"'
    ), line
    assert not list(tmp_path.glob("*.pdf"))


def test_plain_file_name_pattern_names_the_file(workspace, run, tmp_path):
    edit(workspace, 'file_name: "{date}-{template}-{initials}"', 'file_name: "{initials} {date}"')
    result = run(
        "render", "knee-dry-needling", "--workspace", str(workspace), "-o", str(tmp_path),
        "--patient", "Ann Poe", "--date", "2026-03-04",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert [path.name for path in tmp_path.glob("*.pdf")] == ["AP-2026-03-04.pdf"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'primary: "#7A1F3D"',
            "primary: #7A1F3D",
            'colours.primary: is empty; write the colour in quotes, e.g. "#1F4E79" '
            "(YAML reads an unquoted # as the start of a comment)",
        ),
        (
            "# disclaimer: This sheet",
            'disclaimer: ""\n# This sheet',
            "disclaimer: is empty, which would print no safety footer; write the wording, "
            "or leave the key out to use the standard wording",
        ),
        (
            "logo: logo.png",
            'logo: ""',
            "logo: is empty; name a PNG or JPEG file in the workspace (e.g. logo.png), "
            "or leave the key out for no logo",
        ),
        (
            "  link: https://riverside.example/book\n",
            "",
            "booking.link: is missing; the label needs the link it describes "
            "(link: https://...), or leave booking out",
        ),
        (
            "  link: https://riverside.example/book\n",
            "  link:\n",
            "booking.link: is empty; write the link (https://...), or leave booking out",
        ),
    ],
)
def test_empty_clinic_values_are_located_errors(workspace, run, tmp_path, old, new, expected):
    edit(workspace, old, new)
    result, _, target = render_in(run, workspace, tmp_path, "knee-dry-needling")
    assert result.exit_code == 3
    line = one_error(result)
    assert re.fullmatch(r"error: clinic\.yaml:\d+: " + re.escape(expected), line), line
    assert not target.exists()


def test_clinic_errors_are_listed_in_file_order(workspace, run, tmp_path):
    edit(workspace, "logo: logo.png", 'logo: ""')
    edit(workspace, "  link: https://riverside.example/book\n", "")
    result, _, _ = render_in(run, workspace, tmp_path, "knee-dry-needling")
    lines = result.stderr.splitlines()
    assert [line.split(": ")[2] for line in lines] == ["logo", "booking.link"], lines


def leftmost_text_x(path: Path) -> float:
    """The smallest x at which body text starts on page 1, in points."""
    xs: list[float] = []

    def visit(text, cm, tm, font, size):
        x = tm[4] * cm[0] + cm[4]
        if text.strip() and x > 1:  # the page total is drawn at 0,0 inside its own form
            xs.append(x)

    PdfReader(str(path)).pages[0].extract_text(visitor_text=visit)
    return min(xs)


def test_margins_from_the_clinic_move_the_text(workspace, run, tmp_path):
    _, _, default = render_in(run, workspace, tmp_path, "knee-dry-needling")
    default_x = leftmost_text_x(default)
    edit(workspace, "# margins:\n#   top: 12\n#   bottom: 10\n#   side: 12",
         "margins:\n  top: 12\n  bottom: 10\n  side: 30")  # fmt: skip
    result, _, wide = render_in(run, workspace, tmp_path, "knee-dry-needling")
    assert result.exit_code == 0, result.output
    assert round(default_x) == round(12 * 72 / 25.4)
    assert round(leftmost_text_x(wide)) == round(30 * 72 / 25.4)


def test_templates_extending_each_other_in_a_loop_are_one_located_error(tmp_path, run):
    root = write_tree(
        tmp_path / "ws",
        {
            "clinic.yaml": "name: Test\n",
            "templates/a.yaml": "id: a\nextends: b\ntitle: A\n",
            "templates/b.yaml": "id: b\nextends: a\ntitle: B\n",
        },
    )
    result = run("templates", "--workspace", str(root))
    assert result.exit_code == 3
    assert (
        result.stderr.strip() == 'error: templates/b.yaml:2: extends: "a" extends itself in a loop'
    )
