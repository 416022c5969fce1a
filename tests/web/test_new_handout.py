"""The new-handout page through Flask's test client: form, preview, print, download, errors."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from click.testing import CliRunner

from handouts.cli.main import main
from handouts.render.provenance import read_provenance
from tests.helpers import pdf_text

HOLD = "p.stretch-holds.hold_seconds"


class Inputs(HTMLParser):
    """Collects form controls, their ids, and which ids a <label for> names."""

    def __init__(self) -> None:
        super().__init__()
        self.controls: list[dict] = []
        self.labelled: set[str] = set()
        self.depth = 0  # inside a <label>, or a <fieldset> with a legend

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        if tag == "label":
            self.depth += 1
            if attributes.get("for"):
                self.labelled.add(attributes["for"])
        if tag in ("input", "select", "textarea") and attributes.get("type") != "hidden":
            self.controls.append({**attributes, "_wrapped": self.depth > 0, "_tag": tag})

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self.depth -= 1


def test_home_goes_to_a_new_handout(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/new")


def test_form_shows_every_field_labelled_with_sections_in_order(client):
    response = client.get("/new")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    for text in ("Patient's name", "Practitioner", "Date printed", "Language", "Paper"):
        assert text in html
    assert html.index("Soreness after dry needling") < html.index("Using moist heat at home")
    assert 'name="p.stretch-holds.hold_seconds" value="45"' in html
    assert 'min="15"' in html and 'max="90"' in html and ">seconds<" in html
    assert "optional" in html and "Arch supports" in html  # optional sections offered
    assert "Move Using moist heat at home up" in html  # up/down controls
    parser = Inputs()
    parser.feed(html)
    assert parser.controls
    for control in parser.controls:
        named = control.get("id") in parser.labelled or control["_wrapped"]
        assert named, f"unlabelled {control}"


def test_preview_draws_each_page_as_a_png(client, form):
    response = client.post("/preview", data=form())
    html = response.get_data(as_text=True)
    images = re.findall(r'src="(/files/[^"]+/page-\d+\.png)"', html)
    assert len(images) >= 2
    image = client.get(images[0])
    assert image.status_code == 200
    assert image.mimetype == "image/png"
    assert image.data.startswith(b"\x89PNG")


def test_bad_value_is_shown_beside_its_field_in_the_cli_words_named_by_its_label(
    client, form, workspace
):
    response = client.post("/preview", data=form(**{HOLD: "900"}))
    html = response.get_data(as_text=True)
    slot = re.search(r'id="err-f-p-stretch-holds-hold_seconds"[^>]*>(.*?)</p>', html, re.S)
    assert slot is not None
    cli = CliRunner().invoke(
        main,
        ["render", "knee-dry-needling", "--workspace", str(workspace), "--set", HOLD[2:] + "=900"],
    )
    assert cli.exit_code == 4
    message = cli.stderr.split(": ", 2)[2].strip()  # error: --set ...: MESSAGE
    # the command line names the param SECTION.PARAM; the form, by the label beside it
    assert message.startswith(HOLD[2:] + " ")
    words = message[len(HOLD[2:]) + 1 :].replace('"', "&#34;")
    assert f"Seconds to hold each stretch: {words}" in slot.group(1)
    assert HOLD[2:] not in html.split('id="preview-problems"')[1]  # nor in the summary
    assert "page-1.png" not in html


def test_other_mistakes_land_beside_their_fields(client, form):
    data = form(patient="Jane\x1bDoe", date="2026-02-30")
    html = client.post("/preview", data=data).get_data(as_text=True)
    patient = re.search(r'id="err-f-patient"[^>]*>(.*?)</p>', html, re.S).group(1)
    assert "control character U+001B" in patient
    date = re.search(r'id="err-f-date"[^>]*>(.*?)</p>', html, re.S).group(1)
    assert "is not a date" in date
    data = form(use=[])
    html = client.post("/preview", data=data).get_data(as_text=True)
    assert "keep at least one" in re.search(r'id="err-f-sections"[^>]*>(.*?)</p>', html).group(1)


def test_print_writes_the_same_bytes_as_the_cli(client, form, workspace, tmp_path):
    used = [*form()["use"], "orthotics-advice"]
    used.remove("heat-use")
    data = form(
        patient="María López",
        practitioner="Sam Lee, PT",
        date="2026-11-21",
        paper="a4",
        large_print="yes",
        notes="Ice, not heat, for the first day.\nCall if it swells.",
        use=used,
        **{HOLD: "60"},
    )
    response = client.post("/print", data=data)
    assert response.status_code == 303
    pdf = client.get(response.headers["Location"])
    assert pdf.mimetype == "application/pdf"
    assert pdf.headers["Content-Disposition"].startswith("inline")
    written = workspace / "output" / "2026-11-21-knee-dry-needling-ML.pdf"
    assert written.read_bytes() == pdf.data
    cli_target = tmp_path / "cli.pdf"
    result = CliRunner().invoke(
        main,
        [
            "render", "knee-dry-needling", "--workspace", str(workspace),
            "--patient", "María López", "--practitioner", "Sam Lee, PT",
            "--date", "2026-11-21", "--paper", "a4", "--large-print",
            "--add", "orthotics-advice", "--drop", "heat-use",
            "--set", "stretch-holds.hold_seconds=60",
            "--note", "Ice, not heat, for the first day.", "--note", "Call if it swells.",
            "-o", str(cli_target),
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert cli_target.read_bytes() == written.read_bytes()


def test_a_new_order_prints_as_sections_in_that_order(client, form, workspace, tmp_path):
    first, second = form()["order"][:2]
    sections = client.application.extensions["handouts"].setup().library.sections
    data = form(move=f"down:{first}")
    fields = client.post("/new/form", data=data).get_data(as_text=True)
    order = re.findall(r'name="order" value="([^"]+)"', fields)
    assert order[:2] == [second, first]
    response = client.post("/print", data=form(order=order))
    path = next((workspace / "output").glob("*.pdf"))
    request = read_provenance(path).request
    assert request.sections is not None and list(request.sections[:2]) == order[:2]
    text = pdf_text(path)
    assert text.index(sections[second].title) < text.index(sections[first].title)
    assert response.status_code == 303
    args = ["render", "knee-dry-needling", "--workspace", str(workspace), "--date", "2026-11-21"]
    for section_id in request.sections:
        args += ["--section", section_id]
    target = tmp_path / "cli.pdf"
    assert CliRunner().invoke(main, [*args, "-o", str(target)]).exit_code == 0
    assert target.read_bytes() == path.read_bytes()


def test_download_is_an_attachment_and_also_saved(client, form, workspace):
    response = client.post("/download", data=form(patient="Jo Park"))
    assert response.status_code == 303
    pdf = client.get(response.headers["Location"])
    assert pdf.headers["Content-Disposition"].startswith("attachment")
    assert (workspace / "output" / "2026-11-21-knee-dry-needling-JP.pdf").read_bytes() == pdf.data


def test_print_with_a_mistake_writes_nothing(client, form, workspace):
    response = client.post("/print", data=form(**{HOLD: "lots"}))
    assert response.status_code == 422
    assert "must be a whole number from 15 to 90 seconds" in response.get_data(as_text=True)
    assert not list((workspace / "output").glob("*.pdf"))


def test_another_patient_with_the_same_initials_gets_a_new_name(client, form, workspace):
    for patient in ("Ann Lee", "Al Lin", "Ann Lee"):
        assert client.post("/print", data=form(patient=patient)).status_code == 303
    names = sorted(path.name for path in (workspace / "output").glob("*.pdf"))
    assert names == ["2026-11-21-knee-dry-needling-AL-2.pdf", "2026-11-21-knee-dry-needling-AL.pdf"]


def test_changing_template_gives_its_sections(client, form):
    data = form(template="knee-self-massage")
    data["template"] = ["knee-self-massage"]
    html = client.post("/new/form", data=data).get_data(as_text=True)
    assert 'name="shown_template" value="knee-self-massage"' in html
    assert "Where not to massage" in html
    assert 'hx-swap-oob="true"' in html  # the preview comes along


def test_unknown_file_ids_are_not_found(client):
    assert client.get("/files/nope").status_code == 404
    assert client.get("/files/..%2F..%2Fetc%2Fpasswd").status_code == 404
    assert client.get("/files/nope/page-1.png").status_code == 404


def test_a_broken_workspace_shows_located_errors_and_the_app_keeps_running(client, workspace):
    clinic = workspace / "clinic.yaml"
    clinic.write_text("name: Riverside\ncolours:\n  primary: red\n", encoding="utf-8")
    response = client.get("/new")
    assert response.status_code == 500
    html = response.get_data(as_text=True)
    assert "clinic.yaml:3" in html
    assert "Traceback" not in html
    clinic.write_text("name: Riverside Physio\n", encoding="utf-8")
    assert client.get("/new").status_code == 200


def test_patient_names_stay_out_of_the_log(client, form, caplog):
    caplog.set_level("INFO", logger="handouts.web")
    client.post("/print", data=form(patient="Zelda Quixotic"))
    client.get("/today")
    assert "/print" in caplog.text
    assert "Zelda" not in caplog.text and "Quixotic" not in caplog.text


def test_help_does_not_load_the_web_app():
    import subprocess
    import sys

    code = (
        "import sys; from handouts.cli.main import main\n"
        "try: main(['--help'])\n"
        "except SystemExit: pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('flask', 'waitress')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().endswith("[]")
    assert "serve" in out.stdout


def test_today_lists_reprints_and_starts_from_a_handout(client, form, workspace):
    client.post("/print", data=form(patient="Rosa Diaz", **{HOLD: "75"}))
    html = client.get("/today").get_data(as_text=True)
    assert "Rosa Diaz" in html and "knee-dry-needling" in html
    token = re.search(r'href="/files/([^"]+)"', html).group(1)
    assert client.get(f"/files/{token}").mimetype == "application/pdf"
    start = client.get(f"/new?from={token}").get_data(as_text=True)
    assert 'value="Rosa Diaz"' in start
    assert 'name="p.stretch-holds.hold_seconds" value="75"' in start
    path = workspace / "output" / "2026-11-21-knee-dry-needling-RD.pdf"
    before = path.read_bytes()
    again = client.post(f"/today/{token}/reprint")
    assert again.status_code == 303
    assert client.get(again.headers["Location"]).data == before


def test_today_is_empty_at_first(client):
    html = client.get("/today").get_data(as_text=True)
    assert "No handouts yet today" in html


def test_library_lists_templates_sections_and_the_check(client):
    html = client.get("/library").get_data(as_text=True)
    assert "knee-dry-needling" in html and "stretch-holds" in html
    check = client.get("/library/check").get_data(as_text=True)
    assert re.search(r"\d+ errors?, \d+ warnings?", check)


def test_output_folder_under_the_workspace(app, workspace):
    assert app.extensions["handouts"].output == (workspace / "output").resolve()


def test_stored_ids_are_random_and_opaque(client, form):
    first = client.post("/print", data=form(patient="Ann Lee")).headers["Location"]
    second = client.post("/print", data=form(patient="Bo Ek")).headers["Location"]
    assert first != second
    assert "Ann" not in first and "AL" not in first
    assert Path(first).name != Path(second).name


def test_changing_language_gives_the_sections_in_that_language(client, form):
    data = form(lang="es")
    html = client.post("/new/form", data=data).get_data(as_text=True)
    assert 'name="shown_lang" value="es"' in html
    from handouts.workspace.folder import Workspace, load_workspace_library

    spanish = load_workspace_library(Workspace(), "es")
    assert spanish.sections["heat-use"].title in html


def test_the_form_is_typed_as_a_person_would_type_options(app):
    from handouts.web.form import blank_state
    from handouts.web.intake import typed_from_form

    setup = app.extensions["handouts"].setup()
    state = blank_state("knee-dry-needling", "en", setup.library, "")
    typed = typed_from_form(state, setup.library, setup.clinic)
    assert typed["sections"] is None and typed["add"] == [] and typed["drop"] == []
    assert typed["set"] == [] and typed["large_print"] is None
    state.row("heat-use").used = False
    state.row("orthotics-advice").used = True
    state.row("stretch-holds").params[0].value = "60"
    state.notes = "one\r\ntwo\r\n"
    typed = typed_from_form(state, setup.library, setup.clinic)
    assert typed["add"] == ["orthotics-advice"] and typed["drop"] == ["heat-use"]
    assert typed["set"] == ["stretch-holds.hold_seconds=60"]
    assert typed["notes"] == ["one", "two"]


def test_the_same_form_twice_is_drawn_once(client, form):
    first = client.post("/preview", data=form(patient="Ann Lee")).get_data(as_text=True)
    again = client.post("/preview", data=form(patient="Ann Lee")).get_data(as_text=True)
    other = client.post("/preview", data=form(patient="Bo Ek")).get_data(as_text=True)
    token = re.compile(r'data-token="([^"]+)"')
    assert token.search(first).group(1) == token.search(again).group(1)
    assert token.search(other).group(1) != token.search(first).group(1)
