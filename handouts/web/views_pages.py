"""The other pages: today's handouts, batch printing, and the library with its check."""

from __future__ import annotations

import threading

from flask import Blueprint, Response, abort, redirect, render_template, request, url_for
from werkzeug.wrappers import Response as BaseResponse

from handouts.errors import HandoutsError
from handouts.web.batchjob import Jobs
from handouts.web.store import Stored
from handouts.web.views_new import site

bp = Blueprint("pages", __name__)
_CHECKS: dict[tuple, list] = {}
_CHECK_LOCK = threading.Lock()


@bp.get("/today")
def today() -> str:
    """Handouts made today, newest first, each with open, reprint and start-from."""
    from handouts.web.today import made_today

    site().setup()  # a broken workspace shows its problems here too
    rows = []
    for made in made_today(site().output_folder()):
        token = site().store.put(Stored(made.path.name, path=made.path))
        rows.append((token, made))
    return render_template("today.html", rows=rows, folder=site().output)


@bp.post("/today/<token>/reprint")
def reprint(token: str) -> BaseResponse:
    """Make a listed handout again from the request inside it, and open it."""
    from handouts.render.pipeline import reprint as remake
    from handouts.workspace.folder import load_workspace_library

    stored = site().store.get(token)
    if stored is None or stored.path is None:
        abort(404)
    setup = site().setup()
    workspace = site().workspace
    try:
        made = remake(
            stored.path,
            setup.clinic,
            site().output_folder(),
            lambda lang: load_workspace_library(workspace, lang, stored.name, "lang"),
        )
    except HandoutsError as error:
        return Response(render_template("problems.html", problems=error.problems), 422)
    new = site().store.put(Stored(made.path.name, path=made.path))
    return redirect(url_for("new.file", token=new), 303)


@bp.get("/batch")
def batch_page() -> str:
    """Upload the day's CSV or YAML."""
    site().setup()
    return render_template("batch.html", job=None)


@bp.post("/batch")
def batch_start() -> BaseResponse:
    """Start rendering an uploaded batch file; show its progress."""
    from handouts.web.batchjob import SUFFIXES

    upload = request.files.get("file")
    name = (upload.filename or "") if upload else ""
    suffix = next((s for s in SUFFIXES if name.lower().endswith(s)), "")
    if upload is None or not suffix:
        message = "Choose a .csv, .yaml or .yml file."
        return Response(render_template("batch.html", job=None, message=message), 422)
    shown = name.replace("\\", "/").rsplit("/", 1)[-1][-80:]
    duplex = bool(request.form.get("duplex"))
    job = jobs().start(site(), upload.read(), suffix, shown, duplex)
    return redirect(url_for("pages.batch_job", job_id=job.id), 303)


@bp.get("/batch/<job_id>")
def batch_job(job_id: str) -> str:
    """A batch's page: progress while it runs, then errors and the combined PDF."""
    job = jobs().get(job_id) or abort(404)
    return render_template("batch.html", job=job)


@bp.get("/batch/<job_id>/progress")
def batch_progress(job_id: str) -> str:
    """The progress part of a batch's page (polled while it runs)."""
    job = jobs().get(job_id) or abort(404)
    return render_template("_batch_progress.html", job=job)


def jobs() -> Jobs:
    """The app's batch jobs."""
    from flask import current_app

    return current_app.extensions["handouts.jobs"]


@bp.get("/library")
def library() -> str:
    """Templates and sections, with where each comes from; the check report loads after."""
    setup = site().setup()
    sections = sorted(setup.library.sections.values(), key=lambda s: (s.category, s.id))
    templates = sorted(setup.library.templates.values(), key=lambda t: t.id)
    return render_template("library.html", setup=setup, sections=sections, templates=templates)


@bp.get("/library/check")
def library_check() -> str:
    """`handouts check` for the workspace (cached until a workspace file changes)."""
    from handouts.check import run_checks
    from handouts.check.findings import counts

    key = site().fingerprint()
    with _CHECK_LOCK:
        findings = _CHECKS.get(key)
        if findings is None:
            setup = site().setup()
            found = run_checks(site().workspace.roots(), setup.clinic)
            order = {"error": 0, "warning": 1, "info": 2}
            findings = sorted(found, key=lambda finding: order.get(finding.level, 3))
            _CHECKS.clear()
            _CHECKS[key] = findings
    return render_template("_check.html", findings=findings, counts=counts(findings))
