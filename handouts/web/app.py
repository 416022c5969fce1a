"""The Flask app: `create_app` wires the pages, the guards and the error pages together."""

from __future__ import annotations

import logging
from pathlib import Path

from flask import Flask, Response, render_template, request

from handouts import __version__
from handouts.errors import HandoutsError
from handouts.web.security import Guard, install
from handouts.web.site import Site
from handouts.workspace.folder import Workspace, find_workspace

log = logging.getLogger("handouts.web")


def create_app(
    workspace: Path | Workspace | None = None,
    guard: Guard | None = None,
    output: Path | None = None,
) -> Flask:
    """The web app for a workspace (a folder, or found as the command line finds it)."""
    from handouts.web import views_new, views_pages
    from handouts.web.batchjob import Jobs

    found = workspace if isinstance(workspace, Workspace) else find_workspace(workspace)
    app = Flask(__name__, static_folder="static", template_folder="templates")
    app.config["TEMPLATES_AUTO_RELOAD"] = False
    app.extensions["handouts"] = Site(found, output)
    app.extensions["handouts.jobs"] = Jobs()
    install(app, guard or Guard())
    app.register_blueprint(views_new.bp)
    app.register_blueprint(views_pages.bp)
    app.jinja_env.globals["version"] = __version__
    app.jinja_env.globals["workspace"] = app.extensions["handouts"].describe()

    @app.errorhandler(HandoutsError)
    def broken(error: HandoutsError) -> Response:
        """A broken workspace file: its located problems on a page of their own."""
        html = render_template("problems.html", problems=error.problems)
        if request.headers.get("HX-Request"):
            return Response(html, 200, {"HX-Retarget": "body", "HX-Reswap": "innerHTML"})
        return Response(html, 500)

    @app.get("/favicon.ico")
    def favicon() -> Response:
        """The icon, for pages that do not name it (a PDF opened in a tab)."""
        return app.send_static_file("favicon.svg")

    @app.after_request
    def access_log(response: Response) -> Response:
        """One line per request: method, path (never a query string or form), status."""
        log.info("%s %s %s", request.method, request.path, response.status_code)
        return response

    return app
