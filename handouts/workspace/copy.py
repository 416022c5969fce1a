"""Copy a built-in section or template into a workspace, where the clinic can edit it."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from handouts.errors import LibraryError, OutputError, Problem, did_you_mean, one_of
from handouts.library.loader import builtin_root, template_files, templates_folder
from handouts.workspace.folder import Workspace

KINDS = ("section", "template")


def builtin_file(kind: str, item_id: str, lang: str) -> Path:
    """The built-in file of a section or template in `lang`; LibraryError naming the ids."""
    root = builtin_root().path
    if kind == "section":
        files = sorted((root / "content" / lang).glob("*.md"))
    else:
        files = template_files(templates_folder(root, lang))
    by_id = {path.stem: path for path in files}
    if item_id not in by_id:
        hint = did_you_mean(item_id, by_id)
        raise LibraryError(
            Problem(item_id, f"is not a built-in {kind}{hint}; built-in: {one_of(by_id)}")
        )
    return by_id[item_id]


def copy_builtin(kind: str, item_id: str, workspace: Workspace, lang: str = "en") -> Path:
    """Copy the built-in `kind` `item_id` into the workspace, to the path that overrides it;
    never replace a file. Return the path written."""
    if workspace.root is None:
        raise OutputError(
            Problem("copy", "no workspace to copy into; make one with `handouts init DIR`")
        )
    source = builtin_file(kind, item_id, lang)
    relative = source.relative_to(builtin_root().path)
    target = workspace.root / relative
    if target.exists() or target.is_symlink():
        raise OutputError(
            Problem(str(target), "already exists; edit it there, or remove it to copy again")
        )
    _write_new(target, source.read_bytes())
    return target


def _write_new(target: Path, data: bytes) -> None:
    """Write `data` to a temporary file, then link it to `target`, which must not exist:
    the file appears whole or not at all."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=".handouts-", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.link(temp, target)
        finally:
            os.unlink(temp)
    except FileExistsError:
        raise OutputError(Problem(str(target), "already exists")) from None
    except OSError as exc:
        raise OutputError(
            Problem(str(target), f"cannot be written ({(exc.strerror or str(exc)).lower()})")
        ) from None
