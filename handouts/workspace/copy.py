"""Which built-in section or template file to copy into a workspace, and where to."""

from __future__ import annotations

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


def copy_target(
    kind: str, item_id: str, workspace: Workspace, lang: str = "en"
) -> tuple[Path, Path]:
    """The built-in file of `kind` `item_id` and the workspace path that overrides it (its
    folder made); OutputError when there is no workspace or that path is taken."""
    if workspace.root is None:
        raise OutputError(
            Problem("copy", "no workspace to copy into; make one with `handouts init DIR`")
        )
    source = builtin_file(kind, item_id, lang)
    target = workspace.root / source.relative_to(builtin_root().path)
    if target.exists() or target.is_symlink():
        raise OutputError(
            Problem(str(target), "already exists; edit it there, or remove it to copy again")
        )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(
            Problem(str(target.parent), f"cannot be made ({(exc.strerror or str(exc)).lower()})")
        ) from None
    return source, target
