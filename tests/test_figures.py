"""Figures: every exercise shows its picture and caption; a clinic's own pictures replace
ours; every mistake with a picture is one located line."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from pypdf import PdfReader

from handouts import document as doc
from handouts.build.fill import fill_plan
from handouts.build.markup import build_document
from handouts.build.plan import make_plan
from handouts.build.request import Request
from handouts.figures import load_all
from handouts.figures.svg import to_svg
from handouts.library.loader import builtin_root, load_library
from tests.helpers import pdf_text, write_tree

LANGUAGES = ("en", "es", "fr")
TEMPLATES = sorted(load_library().templates)
CALF = "figure:calf-wall-bent"  # the calf stretch's figure


def _captions(blocks: tuple[doc.Block, ...]) -> list[str]:
    found = []
    for block in blocks:
        if isinstance(block, doc.Figure):
            found.append(block.caption)
        elif isinstance(block, doc.ListBlock):
            for item in block.items:
                found += _captions(item)
        elif isinstance(block, doc.Callout):
            found += _captions(block.blocks)
    return found


def _expected_captions(template_id: str, lang: str, add: tuple[str, ...]) -> list[str]:
    library = load_library(lang=lang)
    request = Request(template=template_id, add=add, lang=lang)
    document = build_document(fill_plan(make_plan(request, library), _clinic()))
    return [c for section in document.sections for c in _captions(section.blocks)]


def _clinic():
    from handouts.workspace.clinic import Clinic

    return Clinic()


def _optional(template_id: str, lang: str) -> tuple[str, ...]:
    template = load_library(lang=lang).templates[template_id]
    return tuple(s for s in template.optional if s not in template.section_ids())


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("template_id", TEMPLATES)
def test_each_figure_caption_is_printed_in_every_template_and_language(render, template_id, lang):
    add = _optional(template_id, lang)
    args = [template_id, "--lang", lang]
    for section_id in add:
        args += ["--add", section_id]
    result, text = render(*args)
    assert result.exit_code == 0, result.output
    for caption in _expected_captions(template_id, lang, add):
        assert " ".join(caption.split()) in text, caption


def test_every_exercise_of_the_builtin_library_has_a_figure():
    from handouts.build.fill import base_context, fill_section
    from handouts.build.markup import parse_markdown
    from handouts.check.figures import EXERCISE_CATEGORIES, exercises

    for lang in LANGUAGES:
        library = load_library(lang=lang)
        base = base_context(Request(template=""), _clinic())
        for section in library.sections.values():
            if section.category not in EXERCISE_CATEGORIES:
                continue
            blocks = parse_markdown(fill_section(section, section.defaults(), base))
            for title, pictured in exercises(blocks):
                assert pictured, f"{section.path}: {title}"


@pytest.mark.parametrize("template_id", TEMPLATES)
def test_the_standard_handout_stays_under_80_kb(tmp_path, run, template_id):
    target = tmp_path / "out.pdf"
    result = run("render", template_id, "--patient", "Jane Doe", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert target.stat().st_size < 80_000


def test_every_builtin_figure_reads_and_has_a_caption_in_each_language():
    entries, problems = load_all([builtin_root().path])
    assert not problems
    assert len(entries) >= 19
    for entry in entries:
        for lang in LANGUAGES:
            assert entry.captions.get(lang), f"{entry.id}: no {lang} caption"
        svg = to_svg(entry.art, "#123456", entry.caption("en"))
        assert svg.startswith("<svg") and "#123456" in svg


def _png(width: int = 40, height: int = 30) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 40, 40)).save(buffer, "PNG")
    return buffer.getvalue()


SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="80">'
    '<rect x="10" y="10" width="80" height="60" fill="#ff00ff"/></svg>'
)


def _stretch_page(path: Path):
    for page in PdfReader(str(path)).pages:
        if "Calf" in (page.extract_text() or ""):
            return page
    raise AssertionError("no page with the calf stretch")


def test_a_workspace_photo_replaces_a_builtin_figure(tmp_path, run):
    (tmp_path / "figures").mkdir()
    (tmp_path / "figures" / "calf-wall-bent.png").write_bytes(_png())
    write_tree(tmp_path, {"content/en/stretch-holds.md": _stretches()})
    target = tmp_path / "out.pdf"
    result = run("render", "knee-dry-needling", "--add", "stretch-holds",
                 "--workspace", str(tmp_path), "-o", str(target))  # fmt: skip
    assert result.exit_code == 0, result.output
    assert len(_stretch_page(target).images) == 1
    listing = run("figures", "--workspace", str(tmp_path))
    line = next(x for x in listing.output.splitlines() if x.startswith("calf-wall-bent "))
    assert "workspace, PNG photo" in line
    assert "Calf stretch" in line  # the built-in caption carries over


def test_a_workspace_svg_replaces_a_builtin_figure(tmp_path, run):
    write_tree(tmp_path, {"figures/calf-wall-bent.svg": SVG})
    (tmp_path / "content/en").mkdir(parents=True)
    (tmp_path / "content/en/stretch-holds.md").write_text(_stretches(), encoding="utf-8")
    target = tmp_path / "out.pdf"
    result = run("render", "knee-dry-needling", "--add", "stretch-holds",
                 "--workspace", str(tmp_path), "-o", str(target))  # fmt: skip
    assert result.exit_code == 0, result.output
    page = _stretch_page(target)
    assert b"1 0 1 rg" in page.get_contents().get_data()  # the SVG's magenta fill
    assert not page.images


def _stretches() -> str:
    """The built-in stretch section, with its calf figure line."""
    body = (builtin_root().path / "content/en/stretch-holds.md").read_text(encoding="utf-8")
    if CALF not in body:
        heading = body.index("\n", body.index("### Calf"))
        body = body[:heading] + f"\n\n![Calf stretch at a wall]({CALF})" + body[heading:]
    return body


def _one_error(result: Result) -> str:
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    return lines[0]


@pytest.fixture
def render_in(tmp_path: Path, run: Callable[..., Result]) -> Callable[[dict], Result]:
    """Render the dry-needling sheet with a workspace made of `files`."""

    def invoke(files: dict) -> Result:
        for name, content in files.items():
            path = tmp_path / "ws" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        section = tmp_path / "ws" / "content/en/stretch-holds.md"
        if not section.exists():
            section.parent.mkdir(parents=True, exist_ok=True)
            section.write_text(_stretches(), encoding="utf-8")
        workspace = str(tmp_path / "ws")
        return run("render", "knee-dry-needling", "--add", "stretch-holds",
                   "--workspace", workspace, "-o", str(tmp_path))  # fmt: skip

    return invoke


def test_a_broken_photo_is_one_located_error(render_in):
    line = _one_error(render_in({"figures/calf-wall-bent.png": _png()[:60]}))
    assert "figures/calf-wall-bent.png" in line
    assert "truncated" in line or "damaged" in line


def test_a_missing_picture_file_is_one_located_error(render_in):
    pose = "caption:\n  en: Our calf stretch\nimage: photos/calf.jpg\n"
    line = _one_error(render_in({"figures/calf-wall-bent.yaml": pose}))
    assert "figures/calf-wall-bent.yaml:3: image:" in line
    assert "does not exist" in line


def test_a_picture_outside_the_workspace_is_one_located_error(tmp_path, render_in):
    (tmp_path / "elsewhere.png").write_bytes(_png())
    pose = "caption:\n  en: Our calf stretch\nimage: ../elsewhere.png\n"
    line = _one_error(render_in({"figures/calf-wall-bent.yaml": pose}))
    assert "figures/calf-wall-bent.yaml:3: image:" in line
    assert "outside the workspace" in line


def test_a_symlink_leading_out_of_the_workspace_is_one_located_error(tmp_path, render_in):
    (tmp_path / "elsewhere.png").write_bytes(_png())
    (tmp_path / "ws" / "figures").mkdir(parents=True)
    (tmp_path / "ws" / "figures" / "calf-wall-bent.png").symlink_to(tmp_path / "elsewhere.png")
    line = _one_error(render_in({}))
    assert "figures/calf-wall-bent.png" in line
    assert "outside the workspace" in line


def test_a_figure_without_caption_is_one_located_error(render_in):
    body = _stretches()
    start = body.index("![")
    end = body.index(")", start)
    broken = body[:start] + f"![]({CALF})" + body[end + 1 :]
    line_number = broken[:start].count("\n") + 1
    line = _one_error(render_in({"content/en/stretch-holds.md": broken}))
    assert f"stretch-holds.md:{line_number}:" in line
    assert "no caption" in line


def test_an_unknown_figure_suggests_the_near_one(render_in):
    body = _stretches()
    line = _one_error(
        render_in({"content/en/stretch-holds.md": body.replace(CALF, "figure:calf-wall-bnt")})
    )
    assert 'no figure "calf-wall-bnt" (did you mean "calf-wall-bent"?)' in line


def test_a_mistake_in_a_pose_file_is_located_at_its_line(render_in):
    pose = (builtin_root().path / "content/figures/calf-wall-bent.yaml").read_text(encoding="utf-8")
    pose = pose.replace("{type: wall, x: 112}", "{type: wal, x: 112}")
    number = pose[: pose.index("type: wal")].count("\n") + 1
    line = _one_error(render_in({"figures/calf-wall-bent.yaml": pose}))
    assert f"figures/calf-wall-bent.yaml:{number}: props[2].type:" in line
    assert 'did you mean "wall"' in line


def test_the_contact_sheet_shows_every_figure(tmp_path, run):
    sheet = tmp_path / "figures.pdf"
    result = run("figures", "--sheet", str(sheet))
    assert result.exit_code == 0, result.output
    text = pdf_text(sheet)
    entries, _ = load_all([builtin_root().path])
    for entry in entries:
        assert entry.id in text
        assert " ".join(entry.caption("en").split()) in text


def test_figures_lists_a_broken_workspace_picture_as_one_located_error(tmp_path, run):
    (tmp_path / "figures").mkdir()
    (tmp_path / "figures" / "our-squat.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 10)
    line = _one_error(run("figures", "--workspace", str(tmp_path)))
    assert "figures/our-squat.png" in line
