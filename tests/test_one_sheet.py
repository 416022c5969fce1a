"""The one-sheet handout, read from the PDF: pages, type sizes, page 1, tracker, line length."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from handouts.library.loader import load_library
from tests.pdfruns import median_line_length, text_runs

LIBRARY = load_library()
TEMPLATES = sorted(LIBRARY.templates)
DAYS = {"en": ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"), "es": ("Lu", "Ma", "Mi", "Ju", "Vi"),
        "fr": ("Lu", "Ma", "Me", "Je", "Ve")}  # fmt: skip


@pytest.fixture
def make(tmp_path, run):
    """Render with the real CLI; return the result and the PDF path."""

    def invoke(template: str, *args: str):
        target = tmp_path / f"{template}-{len(list(tmp_path.iterdir()))}.pdf"
        result = run("render", template, "--patient", "Jane Doe", "--date", "2026-11-30",
                     *args, "-o", str(target))  # fmt: skip
        assert result.exit_code == 0, result.output
        return result, target

    return invoke


def pages(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(str(path)).pages]


LANGS = ("en", "es", "fr")


PANEL_ENDS = {
    "en": ("When to call for help", "Do not drive yourself."),
    "es": ("Cuándo llamar para pedir ayuda", "No conduzca usted."),
    "fr": ("Quand demander de l'aide", "Ne conduisez pas vous-même."),
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("paper", ["letter", "a4"])
@pytest.mark.parametrize("template", TEMPLATES)
def test_defaults_fit_one_double_sided_sheet_with_the_panel_whole_on_page_one(
    make, template, paper, lang
):
    from bench.blank import blank_fraction, rasters

    result, target = make(template, "--paper", paper, "--lang", lang)
    texts = pages(target)
    assert len(texts) <= 2
    assert result.stderr == ""  # no "runs past" notice
    title, last_line = PANEL_ENDS[lang]
    assert title in texts[0] and last_line in texts[0]
    assert all(title not in text for text in texts[1:])
    # no page but the last more than 15% blank, measured on a raster of the page
    fractions = [blank_fraction(page) for page in rasters(target.read_bytes(), 40)]
    assert max(fractions[:-1], default=0.0) <= 0.15, fractions


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("template", TEMPLATES)
def test_two_optional_sections_fit_three_pages(make, template, lang):
    extra = LIBRARY.templates[template].optional[:2]
    _, longer = make(template, "--lang", lang, "--add", extra[0], "--add", extra[1])
    assert len(pages(longer)) <= 3


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("template", TEMPLATES)
def test_large_print_fits_four_pages_with_the_panel_whole_and_no_page_part_empty(
    make, template, lang
):
    from bench.blank import blank_fraction, rasters

    result, large = make(template, "--lang", lang, "--large-print")
    texts = pages(large)
    assert len(texts) <= 4
    assert result.stderr == ""  # no "runs past" notice
    title, last_line = PANEL_ENDS[lang]
    on = [index for index, text in enumerate(texts) if title in text]
    assert len(on) == 1 and last_line in texts[on[0]], on  # one page holds all of it
    assert on[0] <= 1  # on page 1 or 2, before the exercises
    fractions = [blank_fraction(page) for page in rasters(large.read_bytes(), 40)]
    assert max(fractions[:-1], default=0.0) <= 0.15, fractions


def test_in_large_print_the_notes_box_fills_the_room_under_the_panel(make):
    # the panel takes most of page 2; the next card would not fit under it
    _, large = make("knee-muscle-balance", "--large-print")
    panel_page = next(text for text in pages(large) if PANEL_ENDS["en"][0] in text)
    assert "Notes and next visit" in panel_page
    assert panel_page.index("Notes and next visit") > panel_page.index(PANEL_ENDS["en"][1])


@pytest.mark.parametrize("large", [False, True])
def test_every_printed_word_is_at_least_12_pt_or_16_in_large_print(make, large):
    _, target = make("knee-dry-needling", "--note", "Ice first.", *(["--large-print"] * large))
    sizes = {round(run.size, 2) for run in text_runs(target)}
    assert min(sizes) >= (16 if large else 12)


def test_notes_and_the_clinic_phone_are_on_page_one(tmp_path, run, make):
    workspace = tmp_path / "clinic"
    assert run("init", str(workspace)).exit_code == 0
    _, target = make("knee-dry-needling", "--workspace", str(workspace), "--note",
                     "Ice, not heat, for the first day.")  # fmt: skip
    first = pages(target)[0]
    assert "Ice, not heat, for the first day." in first
    assert "Clinic phone: 555-0100" in first
    assert first.index("Ice, not heat") < first.index("Clinic phone")  # notes come first
    assert "Your plan" in first and "Soreness: normal for 12 to 48 hours" in first


def test_without_a_phone_page_one_has_a_line_to_write_it_on(make):
    _, target = make("knee-dry-needling")
    first = pages(target)[0]
    assert "Clinic phone: ____" in first


@pytest.mark.parametrize("lang", ["en", "es", "fr"])
def test_the_tracker_names_the_days_in_each_language(make, lang):
    _, target = make("knee-dry-needling", "--lang", lang)
    last = pages(target)[-1].replace(" ", "")  # pypdf may space out a kerned "We"
    for day in DAYS[lang]:
        assert day in last


@pytest.mark.parametrize("template", ["knee-muscle-balance", "knee-natural-relief"])
def test_the_tracker_leaves_the_notes_box_its_lines(make, template):
    # a full last column: the tracker's blank rows give way to "Notes and next visit"
    _, target = make(template, "--lang", "es")
    last = pages(target)[-1]
    assert "Marque cada día" in last and "Notas y próxima visita" in last


def test_a_template_can_drop_the_tracker(tmp_path, run, make):
    workspace = tmp_path / "clinic"
    assert run("init", str(workspace)).exit_code == 0
    (workspace / "templates" / "no-tracker.yaml").write_text(
        "extends: knee-dry-needling\nid: no-tracker\ntracker: false\n", encoding="utf-8"
    )
    _, with_grid = make("knee-dry-needling", "--workspace", str(workspace))
    _, without = make("no-tracker", "--workspace", str(workspace))
    assert "Tick each day you do it" in " ".join(pages(with_grid))
    assert "Tick each day you do it" not in " ".join(pages(without))


def test_a_panel_with_no_room_on_page_one_moves_whole(make):
    notes = [arg for n in range(8) for arg in ("--note", f"Note {n}: ice for ten minutes.")]
    _, target = make("knee-dry-needling", *notes)
    texts = pages(target)
    where = [n for n, text in enumerate(texts) if "When to call for help" in text]
    assert len(where) == 1 and "Do not drive yourself." in texts[where[0]]
    assert "Note 7: ice for ten minutes." in texts[0]


def test_page_one_has_the_plan_at_a_glance(make):
    _, target = make("knee-acupuncture", "--set", "stretch-holds.hold_seconds=60")
    first = pages(target)[0]
    assert "Your plan" in first
    assert "Stretch: hold 60 seconds, 2 times on each leg, 2 times a day." in first


def test_exercise_cards_carry_their_dose(make):
    _, target = make("knee-acupuncture", "--set", "stretch-holds.reps=3")
    text = " ".join(pages(target))
    assert text.count("Hold: 45 seconds · Repeats: 3 · Times a day: 2") == 1  # the calf card


@pytest.mark.parametrize("lang", ["en", "es", "fr"])
@pytest.mark.parametrize("template", ["knee-dry-needling", "knee-self-massage"])
def test_body_lines_are_45_to_90_characters_at_the_median(make, template, lang):
    _, target = make(template, "--lang", lang)
    assert 40 <= median_line_length(target, 12.0) <= 90


def test_a_long_handout_prints_one_notice_naming_its_longest_sections(make):
    extras = ("orthotics-advice", "walking-activity", "strengthening", "leg-mobility")
    result, target = make("knee-dry-needling", *[arg for e in extras for arg in ("--add", e)])
    assert len(pages(target)) > 2
    notice = result.stderr.strip()
    assert notice.startswith("note: this handout runs to ")
    assert "\n" not in notice and "longest sections: " in notice
