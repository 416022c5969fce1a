"""Fixtures for the web app: an app on a fresh workspace, a client, and a posted form."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from handouts.web.app import create_app
from handouts.web.security import Guard

BASE = "http://127.0.0.1:8000"


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A clinic workspace with the built-in library and a neutral brand, whose dry-needling
    sheet also has the stretches (a clinic's own choice: the built-in one keeps them
    optional to fit one sheet), so the tests can change a hold time and drop heat."""
    folder = tmp_path / "clinic"
    (folder / "templates").mkdir(parents=True)
    (folder / "clinic.yaml").write_text("name: Riverside Physio\n", encoding="utf-8")
    (folder / "templates" / "knee-dry-needling.yaml").write_text(
        "id: knee-dry-needling\nextends: knee-dry-needling\nadd:\n  - stretch-holds\n",
        encoding="utf-8",
    )
    return folder


@pytest.fixture
def app(workspace: Path) -> Flask:
    """The app on `workspace`, guarding 127.0.0.1:8000."""
    return create_app(workspace, Guard("127.0.0.1", 8000))


class LocalClient(FlaskClient):
    """Talks to http://127.0.0.1:8000 (unless told otherwise), as the app's own page would."""

    def open(self, *args: object, **kwargs: object):
        kwargs.setdefault("base_url", BASE)
        return super().open(*args, **kwargs)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """A test client that talks to 127.0.0.1:8000 as a same-origin browser would."""
    app.test_client_class = LocalClient
    test_client = app.test_client()
    test_client.environ_base["HTTP_ORIGIN"] = BASE
    return test_client


def default_form(client: FlaskClient, template: str = "knee-dry-needling") -> dict:
    """The new-handout form as the page first shows it, as a dict of lists."""
    from handouts.web.form import blank_state

    app = client.application
    setup = app.extensions["handouts"].setup()
    state = blank_state(template, setup.lang, setup.library, "")
    form: dict[str, list[str]] = {
        "template": [template],
        "shown_template": [template],
        "lang": [setup.lang],
        "shown_lang": [setup.lang],
        "patient": [""],
        "practitioner": [""],
        "date": ["2026-11-21"],
        "paper": [""],
        "notes": [""],
        "order": [row.id for row in state.rows],
        "use": [row.id for row in state.rows if row.used],
    }
    for row in state.rows:
        for param in row.params:
            name = f"p.{param.key}"
            form[name] = param.ticked if param.spec.type == "list" else [param.value]
    return form


@pytest.fixture
def form(client: FlaskClient) -> Callable[..., dict]:
    """Build a posted form: the defaults, with fields replaced (`key=value` or a list)."""

    def build(template: str = "knee-dry-needling", **changes: object) -> dict:
        data = default_form(client, template)
        for key, value in changes.items():
            data[key.replace("__", ".")] = value if isinstance(value, list) else [value]
        return data

    return build
