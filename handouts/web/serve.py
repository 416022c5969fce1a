"""Run the web app under waitress: a real WSGI server with a pool of threads."""

from __future__ import annotations

import contextlib
import logging
import threading
import webbrowser
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from handouts.web.security import LOCAL_NAMES, MAX_BODY, Guard
from handouts.workspace.folder import Workspace

if TYPE_CHECKING:
    from flask import Flask
    from waitress.server import BaseWSGIServer

THREADS = 8  # a slow render never holds up the other pages


def is_local(host: str) -> bool:
    """Whether `host` is this machine only (loopback)."""
    return host in ("localhost", "::1", *LOCAL_NAMES) or host.startswith("127.")


def url_of(host: str, port: int) -> str:
    """The address to open in a browser."""
    shown = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    return f"http://[{shown}]:{port}/" if ":" in shown else f"http://{shown}:{port}/"


def serve(
    workspace: Workspace | Path | None,
    host: str = "127.0.0.1",
    port: int = 8000,
    password: str | None = None,
    open_browser: bool = False,
    say: Callable[[str], object] = print,
) -> None:
    """Serve the app until interrupted."""
    from waitress import create_server

    from handouts.web.app import create_app

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    app = create_app(workspace, Guard(host, port, password))
    server = create_server(
        app,
        host=host,
        port=port,
        threads=THREADS,
        max_request_body_size=MAX_BODY,
        ident="handouts",
        clear_untrusted_proxy_headers=True,
    )
    url = url_of(host, port)
    say(f"handouts is serving {app.extensions['handouts'].describe()} at {url} (Ctrl-C stops it)")
    if open_browser:
        threading.Timer(0.5, webbrowser.open, [url]).start()
    try:
        server.run()  # returns on Ctrl-C
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
    say("stopped")


def serve_in_thread(app: Flask, host: str = "127.0.0.1", port: int = 0) -> BaseWSGIServer:
    """Start waitress for `app` in a daemon thread (for tests and benchmarks); close() stops it."""
    from waitress import create_server

    server = create_server(app, host=host, port=port, threads=THREADS, ident="handouts")

    def run() -> None:
        with contextlib.suppress(OSError):  # close() from another thread ends the loop so
            server.run()

    threading.Thread(target=run, daemon=True).start()
    return server


def stop(server: BaseWSGIServer) -> None:
    """Stop a server from `serve_in_thread`, waiting for requests still being answered."""
    server.close()
    server.task_dispatcher.shutdown(timeout=10)


def free_port(host: str = "127.0.0.1") -> int:
    """A port nothing listens on now."""
    import socket

    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]
