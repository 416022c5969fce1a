"""Batch uploads in the browser, and several rooms printing at the same moment."""

from __future__ import annotations

import io
import re
import threading
import time

from handouts.render.provenance import read_provenance
from tests.helpers import pdf_text

CSV = (
    "template,patient,stretch-holds.hold_seconds\n"
    "knee-dry-needling,Ann Lee,60\n"
    "knee-dry-needling,Bo Ek,900\n"
    "knee-acupuncture,Cy Dunn,\n"
)


def wait_for(client, job_url: str) -> str:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        html = client.get(job_url + "/progress").get_data(as_text=True)
        if "Done" in html:
            return html
        time.sleep(0.1)
    raise AssertionError("the batch did not finish")


def test_batch_upload_renders_rows_reports_errors_and_combines(client, workspace):
    page = client.get("/batch")
    assert page.status_code == 200 and 'type="file"' in page.get_data(as_text=True)
    upload = {"file": (io.BytesIO(CSV.encode()), "today.csv")}
    response = client.post("/batch", data=upload, content_type="multipart/form-data")
    assert response.status_code == 303
    job_url = response.headers["Location"]
    html = wait_for(client, job_url)
    assert "Made 2, failed 1" in html
    assert "today.csv:3" in html and "from 15 to 90 seconds" in html
    combined = re.search(r'href="(/files/[^"]+)"', html).group(1)
    text = pdf_text_of(client.get(combined).data)
    assert "Ann Lee" in text and "Cy Dunn" in text and "Bo Ek" not in text
    names = sorted(path.name for path in (workspace / "output").glob("*.pdf"))
    assert len(names) == 2
    assert "Rendering" in client.get(job_url).get_data(as_text=True) or "Done" in html


def pdf_text_of(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_batch_refuses_other_files(client):
    upload = {"file": (io.BytesIO(b"x"), "today.exe")}
    response = client.post("/batch", data=upload, content_type="multipart/form-data")
    assert response.status_code == 422
    assert "Choose a .csv" in response.get_data(as_text=True)


def test_a_broken_batch_file_is_reported(client):
    upload = {"file": (io.BytesIO(b"patient;template\nA;b\n"), "today.csv")}
    job_url = client.post("/batch", data=upload, content_type="multipart/form-data").headers[
        "Location"
    ]
    html = wait_for(client, job_url)
    assert "separated by semicolons" in html


def test_rooms_printing_at_once_never_lose_or_swap_a_sheet(app, form, workspace):
    from tests.web.conftest import BASE, LocalClient

    app.test_client_class = LocalClient
    patients = ["Ann Lee", "Al Lin", "Amy Lo", "Ari Lund", "Ada Lark", "Abe Lyn"]
    results: dict[str, str] = {}
    errors: list[BaseException] = []

    def room(patient: str) -> None:
        try:
            client = app.test_client()
            client.environ_base["HTTP_ORIGIN"] = BASE
            response = client.post("/print", data=form(patient=patient))
            assert response.status_code == 303
            results[patient] = client.get(response.headers["Location"]).data.hex()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=room, args=(patient,)) for patient in patients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors
    files = sorted((workspace / "output").glob("*.pdf"))
    assert len(files) == len(patients)  # every sheet kept, none replaced
    for path in files:
        patient = read_provenance(path).request.patient
        assert results[patient] == path.read_bytes().hex()  # each room got its own sheet
        assert patient in pdf_text(path)


def test_a_slow_render_does_not_hold_up_the_other_pages(workspace):
    """While one handout is being drawn (the render lock held), other pages still answer."""
    import urllib.parse
    import urllib.request

    from handouts.render import pipeline
    from handouts.web.app import create_app
    from handouts.web.form import as_posted, blank_state
    from handouts.web.security import Guard
    from handouts.web.serve import free_port, serve_in_thread, stop

    port = free_port()
    app = create_app(workspace, Guard("127.0.0.1", port))
    server = serve_in_thread(app, port=port)
    base = f"http://127.0.0.1:{port}"
    setup = app.extensions["handouts"].setup()
    body = urllib.parse.urlencode(
        as_posted(blank_state("knee-dry-needling", "en", setup.library, ""))
    )
    answers: list[int] = []

    def preview() -> None:
        request = urllib.request.Request(base + "/preview", body.encode(), {"Origin": base})
        with urllib.request.urlopen(request, timeout=30) as answer:
            answers.append(answer.status)

    try:
        with pipeline._RENDER_LOCK:  # a render that takes as long as this block
            slow = threading.Thread(target=preview)
            slow.start()
            time.sleep(0.3)
            assert slow.is_alive()
            for path in ("/today", "/library", "/batch", "/new"):
                started = time.monotonic()
                with urllib.request.urlopen(base + path, timeout=5) as answer:
                    assert answer.status == 200
                assert time.monotonic() - started < 5
        slow.join(30)
        assert answers == [200]
    finally:
        stop(server)


def test_a_yaml_batch_with_two_sided_printing(client, workspace):
    from pypdf import PdfReader

    yaml = (
        "- template: knee-dry-needling\n  patient: Ann Lee\n"
        "- template: knee-dry-needling\n  patient: Bo Ek\n  set: {heat-use.minutes: 99}\n"
        "- template: knee-acupuncture\n  patient: Cy Dunn\n"
    )
    upload = {"file": (io.BytesIO(yaml.encode()), "today.yaml"), "duplex": "yes"}
    response = client.post("/batch", data=upload, content_type="multipart/form-data")
    html = wait_for(client, response.headers["Location"])
    assert "Made 2, failed 1" in html and "today.yaml:3" in html
    combined = re.search(r'href="(/files/[^"]+)"', html).group(1)
    pages = len(PdfReader(io.BytesIO(client.get(combined).data)).pages)
    assert pages % 2 == 0
    made = sorted((workspace / "output").glob("*.pdf"))
    single = [len(PdfReader(str(path)).pages) for path in made]
    assert pages == sum(count + count % 2 for count in single)
