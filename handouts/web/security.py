"""The app's guards: Host header, origin of changes, password, size limits, safe headers."""

from __future__ import annotations

import base64
import binascii
import hmac
from dataclasses import dataclass
from urllib.parse import urlsplit

from flask import Flask, Response, request

LOCAL_NAMES = ("127.0.0.1", "localhost", "[::1]")
WILDCARDS = ("0.0.0.0", "::", "")
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
MAX_BODY = 4 * 1024 * 1024  # bytes in one request (a batch file at most)
CSP = (
    "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    # same-origin, not no-referrer: with no-referrer a form POST's Origin header is "null".
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}


@dataclass(frozen=True)
class Guard:
    """Who may talk to the app: the Host names it answers to, and the password if any."""

    host: str = "127.0.0.1"
    port: int = 8000
    password: str | None = None

    def allowed_hosts(self) -> set[str] | None:
        """Host header values accepted; None when bound to every address (password needed)."""
        if self.host in WILDCARDS:
            return None
        shown = f"[{self.host}]" if ":" in self.host else self.host
        names = {shown, *LOCAL_NAMES} if shown in LOCAL_NAMES else {shown}
        return {f"{name}:{self.port}" for name in names} | (names if self.port == 80 else set())

    def host_ok(self, host: str) -> bool:
        """Whether a Host header (or the host of an Origin) names this server."""
        allowed = self.allowed_hosts()
        return allowed is None or host.lower() in allowed

    def origin_ok(self, origin: str | None, fetch_site: str | None, host: str) -> bool:
        """A change comes from our own pages: same Origin, or a same-origin fetch."""
        if origin is not None and origin != "null":
            parts = urlsplit(origin)
            return parts.scheme in ("http", "https") and parts.netloc.lower() == host.lower()
        if fetch_site is not None:
            return fetch_site in ("same-origin", "none")
        # No browser sends a POST without either header; "null" alone is an opaque origin.
        return origin is None

    def password_ok(self, authorization: str | None) -> bool:
        """HTTP Basic credentials carry the password (any user name)."""
        if self.password is None:
            return True
        if not authorization or not authorization.startswith("Basic "):
            return False
        try:
            decoded = base64.b64decode(authorization[6:], validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return False
        given = decoded.partition(":")[2]
        return hmac.compare_digest(given.encode(), self.password.encode())


def install(app: Flask, guard: Guard) -> None:
    """Check every request against `guard`; add the safe headers to every response."""
    app.config["MAX_CONTENT_LENGTH"] = MAX_BODY

    @app.before_request
    def check() -> Response | None:
        host = request.host
        if not guard.host_ok(host):
            return Response("This server does not answer to that host name.\n", 421)
        if not guard.password_ok(request.headers.get("Authorization")):
            return Response(
                "The password is needed.\n",
                401,
                {"WWW-Authenticate": 'Basic realm="handouts", charset="UTF-8"'},
            )
        if request.method not in SAFE_METHODS and not guard.origin_ok(
            request.headers.get("Origin"), request.headers.get("Sec-Fetch-Site"), host
        ):
            return Response("Changes are only accepted from this app's own pages.\n", 403)
        return None

    @app.after_request
    def headers(response: Response) -> Response:
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        return response
