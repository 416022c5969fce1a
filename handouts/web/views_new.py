"""The new-handout page: the form, its live preview, Print and Download, and the files."""

from __future__ import annotations

from flask import Blueprint, Response, abort, redirect, render_template, request, url_for
from werkzeug.wrappers import Response as BaseResponse

from handouts.build.request import Request
from handouts.errors import HandoutsError, LibraryError
from handouts.web.form import (
    FormState,
    blank_state,
    field_id,
    field_keys,
    posted_state,
    state_from_request,
)
from handouts.web.intake import field_of, message_of, request_from_form
from handouts.web.site import Setup, Site
from handouts.web.store import Stored

bp = Blueprint("new", __name__)


def site() -> Site:
    """The Site this app serves."""
    from flask import current_app

    return current_app.extensions["handouts"]


def errors_of(error: HandoutsError, state: FormState) -> dict[str, list[str]]:
    """Each problem's message, keyed by the form field it belongs beside. A message that
    opens with a param's SECTION.PARAM opens with the label the form shows instead."""
    labels = {f"p.{param.key}": (param.key, param.spec.label) for row in state.rows
              for param in row.params if param.spec.label}  # fmt: skip
    grouped: dict[str, list[str]] = {}
    for problem in error.problems:
        field = field_of(problem)
        message = message_of(problem)
        key, label = labels.get(field, ("", ""))
        if key and message.startswith(key + " "):
            message = f"{label}: {message[len(key) + 1 :]}"
        grouped.setdefault(field, []).append(message)
    return grouped


def posted_setup() -> tuple[FormState, Setup]:
    """The posted form, read against the library in its language."""
    base = site().setup()
    lang = request.form.get("lang") or base.lang
    setup = site().setup(lang) if lang in base.languages and lang != base.lang else base
    return posted_state(request.form, setup.library, setup.lang), setup


def page_context(state: FormState, setup: Setup, errors: dict | None = None) -> dict:
    """What the form templates need."""
    return {
        "state": state,
        "setup": setup,
        "errors": errors or {},
        "field_id": field_id,
        "keys": field_keys(state),
        "practitioners": [person.printed() for person in setup.clinic.practitioners],
        "output": site().output,
    }


@bp.get("/")
def home() -> BaseResponse:
    """The app opens on a new handout."""
    return redirect(url_for("new.new_page"))


@bp.get("/new")
def new_page() -> str:
    """The form for a new handout: a template's defaults, or a copy of a listed handout."""
    setup = site().setup()
    library = setup.library
    state = None
    token = request.args.get("from", "")
    stored = site().store.get(token) if token else None
    if stored is not None and stored.path is not None:
        state = _state_from_file(stored, setup)
    if state is None:
        default = setup.clinic.default_practitioner("")
        chosen = request.args.get("template", "")
        template = chosen if chosen in library.templates else _first_template(setup)
        state = blank_state(template, setup.lang, library, default, setup.clinic.large_print)
    return render_template("new.html", **page_context(state, setup))


def _first_template(setup: Setup) -> str:
    ids = sorted(setup.library.templates)
    return "knee-dry-needling" if "knee-dry-needling" in ids else ids[0]


def _state_from_file(stored: Stored, setup: Setup) -> FormState | None:
    from handouts.render.provenance import read_provenance

    assert stored.path is not None
    try:
        provenance = read_provenance(stored.path)
        lang = provenance.request.lang
        if lang != setup.lang:
            setup = site().setup(lang)
        if provenance.request.template not in setup.library.templates:
            return None
        return state_from_request(provenance.request, provenance.large_print, setup.library, "")
    except HandoutsError:
        return None


@bp.post("/new/form")
def form_fields() -> Response:
    """The form again after a template, language or order change, with a fresh preview."""
    state, setup = posted_setup()
    token, pages, errors = _draw_preview(state, setup)
    html = render_template("_form.html", **page_context(state, setup, errors))
    context = page_context(state, setup, errors)
    context["keys"] = ()  # the error slots come with the form itself
    html += render_template("_preview.html", token=token, pages=pages, oob=True, **context)
    return Response(html)


@bp.post("/preview")
def preview() -> Response:
    """The preview of the posted form: page images, or the problems beside their fields."""
    state, setup = posted_setup()
    token, pages, errors = _draw_preview(state, setup)
    context = page_context(state, setup, errors)
    if state.reshaped:
        context["keys"] = ()  # the page still shows the old fields: /new/form brings new ones
    html = render_template("_preview.html", token=token, pages=pages, oob=False, **context)
    # A mistake leaves the last good pages in place: only the problems and fields change.
    return Response(html, headers={"HX-Reswap": "none"} if errors else {})


def _draw_preview(state: FormState, setup: Setup) -> tuple[str, int, dict[str, list[str]]]:
    """Draw the form's handout and keep its page images: (id, page count, errors)."""
    import json

    from handouts.render.pipeline import render_bytes
    from handouts.web.preview import page_count

    try:
        found = request_from_form(state, setup.library, setup.clinic)
        # The same request on the same files makes the same bytes: draw it once (a field's
        # input and change events, or a template change, often post the same form twice).
        key = f"{hash(site().fingerprint())}:{json.dumps(found.to_dict(), sort_keys=True)}"
        kept = site().store.recall(key)
        if kept is not None:
            return kept[0], kept[1].page_count, {}
        data = render_bytes(found, setup.library, setup.clinic)
    except LibraryError:
        raise
    except HandoutsError as error:
        return "", 0, errors_of(error, state)
    pages = page_count(data)
    token = site().store.put(Stored(_file_name(found, setup), data=data, page_count=pages))
    site().store.remember(key, token)
    return token, pages, {}


def _file_name(found: Request, setup: Setup) -> str:
    from handouts.render.output import file_name

    return file_name(found, setup.clinic.file_pattern)


@bp.post("/print")
def print_pdf() -> BaseResponse:
    """Write the handout to the output folder and open it in the browser's viewer."""
    return _write(download=False)


@bp.post("/download")
def download_pdf() -> BaseResponse:
    """Write the handout to the output folder and download it."""
    return _write(download=True)


def _write(download: bool) -> BaseResponse:
    """Make the handout as `handouts render` does, into the output folder, and serve it."""
    from handouts.render.pipeline import render_to_file

    state, setup = posted_setup()
    try:
        found = request_from_form(state, setup.library, setup.clinic)
        path = render_to_file(found, setup.library, setup.clinic, site().output_folder())
    except LibraryError:
        raise
    except HandoutsError as error:
        html = render_template("not_made.html", problems=error.problems)
        return Response(html, 422)
    token = site().store.put(Stored(path.name, path=path))
    return redirect(url_for("new.file", token=token, download=1 if download else None), 303)


@bp.get("/files/<token>")
def file(token: str) -> Response:
    """A PDF by its id: inline for the browser's viewer, or as a download."""
    stored = site().store.get(token)
    if stored is None:
        abort(404)
    try:
        data = stored.read()
    except OSError:
        abort(404)
    disposition = "attachment" if request.args.get("download") else "inline"
    headers = {"Content-Disposition": f'{disposition}; filename="{stored.name}"'}
    if any(ord(ch) > 127 or ch in '"\\' for ch in stored.name):
        headers["Content-Disposition"] = f'{disposition}; filename="handout.pdf"'
    return Response(data, mimetype="application/pdf", headers=headers)


@bp.get("/files/<token>/page-<int:number>.png")
def page_image(token: str, number: int) -> Response:
    """One preview page as a PNG (drawn on first asking, then kept)."""
    from handouts.web.preview import page_image as draw_page

    stored = site().store.get(token)
    if stored is None or stored.data is None or not 1 <= number <= stored.page_count:
        abort(404)
    if number not in stored.pages:
        stored.pages[number] = draw_page(stored.data, number - 1)
    return Response(stored.pages[number], mimetype="image/png")
