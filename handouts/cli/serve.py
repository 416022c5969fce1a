"""`handouts serve`: the clinic's handout page in the browser, on this computer."""

from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.option(
    "--workspace",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="The clinic's workspace folder (default: $HANDOUTS_WORKSPACE, else the nearest "
    "clinic.yaml in this folder or above, else built-in defaults).",
)
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; anything but this computer (127.0.0.1) needs a password.",
)
@click.option("--password", default=None, help="Password asked of every browser (any user name).")
@click.option(
    "--password-file",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    default=None,
    help="Read the password from the first line of this file (kept out of the process list).",
)
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the browser.")
def serve(
    workspace: Path | None,
    port: int,
    host: str,
    password: str | None,
    password_file: Path | None,
    open_browser: bool,
) -> None:
    """Serve the handout page at http://127.0.0.1:8000/ (local and offline)."""
    from handouts.web.serve import is_local
    from handouts.web.serve import serve as run
    from handouts.workspace.folder import find_workspace

    if password is not None and password_file is not None:
        raise click.UsageError("give --password or --password-file, not both")
    if password_file is not None:
        lines = password_file.read_text(encoding="utf-8").splitlines()
        password = lines[0].strip() if lines else ""
    if password is not None and len(password) < 8:
        raise click.BadParameter("must be at least 8 characters", param_hint="--password")
    if not is_local(host):
        if password is None:
            raise click.UsageError(
                f"--host {host} lets other computers in; give --password-file FILE "
                "(or --password) so only your clinic can use it"
            )
        click.echo(
            f"warning: serving on {host}: anyone on the network with the password can make "
            "handouts and see today's patients; the connection is plain HTTP (not encrypted), "
            "so use it only on the clinic's own network",
            err=True,
        )
    run(find_workspace(workspace), host, port, password, open_browser, click.echo)
