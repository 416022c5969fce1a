"""Every name prints; large print; languages with their own words and dates."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers import write_tree

NAMES = ["Zoë Brontë", "Łukasz Wałęsa", "Nguyễn Văn An", "Σοφία Παπαδοπούλου", "Дмитрий Иванов"]


@pytest.mark.parametrize("name", NAMES)
def test_names_in_any_script_print_exactly(render, name):
    result, text = render(
        "knee-dry-needling", "--patient", name, "--practitioner", name, "--note", f"**{name}**"
    )
    assert result.exit_code == 0, result.output
    assert text.count(name) >= 3


def test_fallback_face_is_used_only_for_what_the_body_face_lacks(tmp_path, run):
    target = tmp_path / "out.pdf"
    run("render", "knee-dry-needling", "--patient", "Дмитрий", "-o", str(target))
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in PdfReader(str(target)).pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert any("Atkinson" in name for name in fonts)
    assert any("FiraSans" in name for name in fonts)


def test_escaping_survives_font_switching(render):
    patient = "Дмитрий & <b>Jerry</b>"
    result, text = render("knee-dry-needling", "--patient", patient)
    assert result.exit_code == 0, result.output
    assert patient in text


def test_chinese_name_without_a_cjk_font_is_one_located_error(tmp_path, run):
    target = tmp_path / "out.pdf"
    result = run("render", "knee-dry-needling", "--patient", "王小明", "-o", str(target))
    assert result.exit_code == 5
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("error: --patient: no font can print")
    for char in "王小明":
        assert f'"{char}"' in lines[0]
    assert "fonts: {fallback:" in lines[0]
    assert not target.exists()


def body_sizes(reader: PdfReader) -> list[float]:
    sizes: list[float] = []
    for page in reader.pages:
        top, bottom = float(page.mediabox.height) - 110, 80

        def visit(text, cm, tm, font, size, top=top, bottom=bottom):
            y = tm[5] * cm[3] + cm[5]
            if text.strip() and bottom < y < top:
                sizes.append(size * tm[3] * cm[3] if tm[3] else size)

        page.extract_text(visitor_text=visit)
    return sizes


def test_large_print_body_text_is_16pt_or_more(tmp_path, run):
    target = tmp_path / "big.pdf"
    result = run(
        "render", "knee-dry-needling", "--large-print", "--note", "Rest.", "-o", str(target)
    )
    assert result.exit_code == 0, result.output
    sizes = body_sizes(PdfReader(str(target)))
    assert sizes and min(sizes) >= 16
    normal = tmp_path / "normal.pdf"
    run("render", "knee-dry-needling", "-o", str(normal))
    assert len(PdfReader(str(target)).pages) > len(PdfReader(str(normal)).pages)


def test_large_print_is_a_clinic_default(tmp_path, run):
    write_tree(tmp_path / "ws", {"clinic.yaml": "large_print: true\n"})
    target = tmp_path / "big.pdf"
    result = run(
        "render", "knee-dry-needling", "--workspace", str(tmp_path / "ws"), "-o", str(target)
    )
    assert result.exit_code == 0, result.output
    assert min(body_sizes(PdfReader(str(target)))) >= 16


TINY_ES = {
    "content/es/strings.yaml": """
        for: "Para"
        from: "De"
        date: "Fecha"
        notes_heading: "Notas de su terapeuta"
        page: "Página {page} de {pages}"
        tip: "Consejo"
        caution: "Cuidado"
        disclaimer: "Esta hoja no reemplaza el consejo de su médico."
    """,
    "content/es/calor.md": """
        ---
        id: calor
        title: Calor en casa
        category: self-care
        summary: Calor húmedo.
        ---
        Use calor húmedo. Hoy es {{ date }}.

        :::tip
        Envuelva la bolsa en una toalla.
        :::
    """,
    "templates/es/hoja.yaml": """
        id: hoja
        title: Su hoja
        sections: [calor]
    """,
    "content/en/calor.md": """
        ---
        id: calor
        title: Heat at home
        category: self-care
        summary: Moist heat.
        ---
        Use moist heat.
    """,
    "templates/hoja.yaml": """
        id: hoja
        title: Your sheet
        sections: [calor]
    """,
}


def es_workspace(root: Path, extra: dict[str, str] | None = None) -> Path:
    return write_tree(root, {**TINY_ES, "clinic.yaml": "language: es\n", **(extra or {})})


@pytest.mark.parametrize("how", [["--lang", "es"], []])
def test_spanish_words_labels_and_dates(tmp_path, run, how):
    ws = es_workspace(tmp_path / "ws")
    target = tmp_path / "es.pdf"
    result = run(
        "render", "hoja", *how, "--patient", "Ana", "--date", "2026-03-04",
        "--workspace", str(ws), "--section", "calor", "-o", str(target),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(target)).pages)
    for words in ("Calor en casa", "Para: Ana", "Fecha: 4 de marzo de 2026", "Consejo",
                  "Notas y próxima visita", "Página 1 de 1", "no reemplaza el consejo",
                  "Hoy es 4 de marzo de 2026"):  # fmt: skip
        assert words in text, words
    assert "Heat at home" not in text


def test_french_dates_are_written_the_french_way(tmp_path, run):
    files = {k.replace("/es", "/fr"): v for k, v in TINY_ES.items()}
    write_tree(tmp_path / "ws", {**files, "clinic.yaml": "language: fr\n"})
    target = tmp_path / "fr.pdf"
    result = run(
        "render", "hoja", "--date", "2026-03-04", "--workspace", str(tmp_path / "ws"),
        "-o", str(target),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "4 mars 2026" in " ".join(PdfReader(str(target)).pages[0].extract_text().split())


def test_a_section_missing_in_the_language_is_an_error_naming_it(tmp_path, run):
    ws = es_workspace(
        tmp_path / "ws",
        {
            "templates/es/hoja.yaml": "id: hoja\ntitle: Hoja\nsections: [calor, solo-ingles]\n",
            "content/en/solo-ingles.md": (
                "---\nid: solo-ingles\ntitle: English only\ncategory: self-care\n"
                "summary: Not translated.\n---\nOnly in English.\n"
            ),
        },
    )
    target = tmp_path / "es.pdf"
    result = run("render", "hoja", "--workspace", str(ws), "-o", str(target))
    assert result.exit_code == 3
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("error: content/es: 1 section(s)")
    assert "solo-ingles" in lines[0]
    assert "English only" not in lines[0]
    assert not target.exists()


def test_unknown_language_is_one_error(run):
    result = run("sections", "--lang", "de")
    assert result.exit_code == 4
    assert 'no sections in language "de"' in result.stderr


@pytest.mark.skipif(
    not (Path(__file__).parent.parent / "content" / "es" / "strings.yaml").exists(),
    reason="the Spanish library is not merged yet",
)
def test_builtin_spanish_library_renders_every_template(tmp_path, run):
    from handouts.library.loader import load_library

    for template_id in load_library().templates:
        target = tmp_path / f"{template_id}.pdf"
        result = run(
            "render", template_id, "--lang", "es", "--date", "2026-03-04", "-o", str(target)
        )
        assert result.exit_code == 0, result.output
        text = " ".join(PdfReader(str(target)).pages[0].extract_text().split())
        assert "4 de marzo de 2026" in text


def test_the_neutral_brand_names_the_care_team_in_the_handouts_language(tmp_path, run):
    target = tmp_path / "es.pdf"
    result = run("render", "knee-dry-needling", "--lang", "es", "-o", str(target))
    assert result.exit_code == 0, result.output
    first_page = " ".join(PdfReader(str(target)).pages[0].extract_text().split())
    assert first_page.startswith("Su equipo de atención")
    assert "Your care team" not in first_page
