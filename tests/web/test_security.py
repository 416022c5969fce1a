"""The web app's guards: Host header, origin of changes, password, limits, headers, serve."""

from __future__ import annotations

import base64

import pytest
from click.testing import CliRunner

from handouts.cli.main import main
from handouts.web.app import create_app
from handouts.web.security import Guard
from tests.web.conftest import BASE, LocalClient


def auth(password: str, user: str = "clinic") -> dict[str, str]:
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1:9999"])
def test_a_wrong_host_header_is_refused(client, host):
    response = client.get("/new", headers={"Host": host})
    assert response.status_code == 421


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost:8000"])
def test_local_names_are_answered(client, host):
    assert client.get("/new", headers={"Host": host}).status_code == 200


def test_a_post_from_another_origin_is_refused(client, form, workspace):
    response = client.post("/print", data=form(), headers={"Origin": "http://evil.example"})
    assert response.status_code == 403
    assert not (workspace / "output").exists() or not list((workspace / "output").iterdir())


def test_a_cross_site_fetch_without_origin_is_refused(app, form):
    app.test_client_class = LocalClient
    client = app.test_client()  # no Origin header
    response = client.post("/preview", data=form(), headers={"Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 403
    ok = client.post("/preview", data=form(), headers={"Sec-Fetch-Site": "same-origin"})
    assert ok.status_code == 200


def test_every_response_carries_the_safe_headers(client):
    for path in ("/new", "/static/style.css", "/files/none"):
        response = client.get(path)
        assert response.headers["Content-Security-Policy"].startswith("default-src 'self'")
        assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_no_inline_script_or_style_needs_the_policy_loosened(client):
    html = client.get("/new").get_data(as_text=True)
    assert "<script>" not in html and "style=" not in html and "<style" not in html
    assert "https://" not in html  # nothing fetched from the internet


@pytest.fixture
def locked(workspace):
    app = create_app(workspace, Guard("0.0.0.0", 8000, "correct horse"))
    app.test_client_class = LocalClient
    client = app.test_client()
    client.environ_base["HTTP_ORIGIN"] = BASE
    return client


def test_a_password_is_asked_on_every_request(locked):
    for path in ("/new", "/today", "/static/style.css", "/files/x"):
        response = locked.get(path)
        assert response.status_code == 401
        assert response.headers["WWW-Authenticate"].startswith("Basic")
    assert locked.get("/new", headers=auth("wrong")).status_code == 401
    assert locked.get("/new", headers=auth("correct horse")).status_code == 200
    assert locked.post("/preview", data={}, headers=auth("nope")).status_code == 401


def test_any_host_name_works_with_a_password_on_every_address(locked):
    headers = {"Host": "frontdesk.local:8000", **auth("correct horse")}
    assert locked.get("/new", headers=headers).status_code == 200


def test_a_body_over_the_limit_is_refused(client):
    big = b"x" * (5 * 1024 * 1024)
    response = client.post("/preview", data=big, content_type="application/octet-stream")
    assert response.status_code == 413


def test_serve_refuses_another_host_without_a_password():
    result = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "--password" in result.output


def test_serve_refuses_a_short_password(tmp_path):
    secret = tmp_path / "pw.txt"
    secret.write_text("short\n", encoding="utf-8")
    args = ["serve", "--host", "0.0.0.0", "--password-file", str(secret)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert "at least 8" in result.output


def test_serve_warns_when_open_to_the_network(tmp_path, monkeypatch):
    import handouts.web.serve as serving

    started = {}
    monkeypatch.setattr(serving, "serve", lambda *args, **kwargs: started.update(args=args))
    secret = tmp_path / "pw.txt"
    secret.write_text("a long clinic password\n", encoding="utf-8")
    args = ["serve", "--host", "0.0.0.0", "--password-file", str(secret), "--port", "8123"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "warning: serving on 0.0.0.0" in result.stderr
    assert started["args"][1:4] == ("0.0.0.0", 8123, "a long clinic password")


def test_an_opaque_origin_is_refused_unless_the_browser_says_same_origin(app, form):
    app.test_client_class = LocalClient
    client = app.test_client()
    assert client.post("/preview", data=form(), headers={"Origin": "null"}).status_code == 403
    headers = {"Origin": "null", "Sec-Fetch-Site": "same-origin"}
    assert client.post("/preview", data=form(), headers=headers).status_code == 200
