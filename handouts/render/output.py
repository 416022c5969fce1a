"""Where a PDF goes: file names from the clinic's pattern, and atomic writes."""

from __future__ import annotations

import errno
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

from handouts.build.request import Request
from handouts.errors import OutputError, Problem

DEFAULT_FOLDER = Path("output")


def initials(name: str) -> str:
    """Patient initials for file names: "María López" gives "ML", "Σοφία Παπά" gives "ΣΠ".

    Letters are folded to ASCII where they have a plain form; other scripts keep theirs.
    """
    letters = []
    for part in re.split(r"[\s\-]+", name.strip()):
        first = next((char for char in part if char.isalnum()), "")
        letters.append(_ascii(first) or first)
    return "".join(letters).upper()


def file_name(request: Request, pattern: str) -> str:
    """The default file name, e.g. "2026-11-21-knee-dry-needling-ML.pdf"."""
    fields = {
        "date": request.date.isoformat(),
        "template": request.template,
        "initials": initials(request.patient),
    }
    stem = pattern.format(**fields)
    stem = re.sub(r"-{2,}", "-", stem).strip("-_ ") or "handout"
    return _safe(stem) + ".pdf"


def resolve_target(output: Path | None, request: Request, pattern: str) -> Path:
    """The file to write: `output` itself if it names a .pdf file, else a name inside it."""
    if output is None:
        output = DEFAULT_FOLDER
    if output.suffix.lower() == ".pdf" and not output.is_dir():
        target = output
    else:
        if output.exists() and not output.is_dir():
            raise OutputError(
                Problem(
                    str(output), "is a file, not a folder; give a folder or a name ending in .pdf"
                )
            )
        if not output.exists():
            if output == DEFAULT_FOLDER:
                output.mkdir(parents=True, exist_ok=True)
            else:
                raise OutputError(
                    Problem(
                        str(output),
                        "folder does not exist; create it first or give an existing folder",
                    )
                )
        target = output / file_name(request, pattern)
    if target.is_dir():
        raise OutputError(
            Problem(str(target), "is a folder, not a file; give another name ending in .pdf")
        )
    problem = folder_problem(target.parent, str(target.parent), "folder")
    if problem:
        raise OutputError(problem)
    return target


def folder_problem(folder: Path, where: str, what: str) -> Problem | None:
    """Why handouts cannot be written into `folder` (missing, a file, not writable), or None;
    located at `where`, the folder called `what` in the message."""
    if not folder.exists():
        return Problem(where, f"{what} does not exist; create it first or give an existing folder")
    if not folder.is_dir():
        return Problem(where, f"{what} is a file, not a folder; give a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        return Problem(
            where, f"{what} cannot be written to; choose another folder or ask for write access"
        )
    return None


def chooses_name(output: Path | None) -> bool:
    """True when the file name comes from the clinic's pattern (not a .pdf path typed)."""
    return output is None or output.suffix.lower() != ".pdf" or output.is_dir()


def free_name(target: Path, taken: Callable[[Path], bool] = Path.exists) -> Path:
    """`target`, or the first of name-2.pdf, name-3.pdf, ... that is not `taken`."""
    return next(candidate for candidate in _names(target) if not taken(candidate))


MAX_NAMES = 10_000  # name-2.pdf ... name-10000.pdf: far more than one day's sheets


def _names(target: Path) -> Iterator[Path]:
    yield target
    for number in range(2, MAX_NAMES + 1):
        yield target.with_name(f"{target.stem}-{number}{target.suffix}")


def write_atomically(target: Path, data: bytes) -> None:
    """Write to a temporary file beside `target`, then rename it into place."""
    temp_name = _temp_file(target, data)
    try:
        os.replace(temp_name, target)
    except OSError as exc:
        raise OutputError(
            Problem(
                str(target),
                f"cannot be written ({_reason(exc)}); an existing file of this name is unchanged",
            )
        ) from None
    finally:
        Path(temp_name).unlink(missing_ok=True)


def write_free(target: Path, data: bytes, may_replace: Callable[[Path], bool]) -> Path:
    """Write `data` as `target`, or as the first free name-2.pdf, name-3.pdf, ...; return it.

    Each name is claimed atomically (the finished file is hard-linked to a name that does not
    exist yet, or the name is created exclusively), so runs at the same moment never share a
    name and no sheet is lost. A name already taken is replaced only when `may_replace` says so.
    """
    temp_name = _temp_file(target, data)
    try:
        for candidate in _names(target):
            if _claim(temp_name, candidate):
                return candidate
            if may_replace(candidate):
                os.replace(temp_name, candidate)
                return candidate
    except OSError as exc:
        raise OutputError(Problem(str(target), f"cannot be written ({_reason(exc)})")) from None
    finally:
        Path(temp_name).unlink(missing_ok=True)
    raise OutputError(
        Problem(str(target), f"has {MAX_NAMES:,} numbered copies already; clear the folder")
    )


def write_new(target: Path, data: bytes) -> None:
    """Write `data` as `target` atomically, only if no file (or link) of that name exists."""
    temp_name = _temp_file(target, data)
    try:
        claimed = _claim(temp_name, target)
    except OSError as exc:
        raise OutputError(Problem(str(target), f"cannot be written ({_reason(exc)})")) from None
    finally:
        Path(temp_name).unlink(missing_ok=True)
    if not claimed:
        raise OutputError(
            Problem(str(target), "already exists; it is left unchanged: choose another name")
        )


def _claim(temp_name: str, candidate: Path) -> bool:
    """Give the finished temporary file the name `candidate` if nothing has it yet."""
    try:
        os.link(temp_name, candidate)
        return True
    except FileExistsError:
        return False
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise
    try:  # a file system without hard links: create the name exclusively, then fill it
        os.close(os.open(candidate, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
    except FileExistsError:
        return False
    os.replace(temp_name, candidate)
    return True


def _temp_file(target: Path, data: bytes) -> str:
    """A finished, synced temporary file beside `target` holding `data`; its name.

    Interrupted (Ctrl-C, SIGTERM), nothing is left behind.
    """
    try:
        handle, temp_name = tempfile.mkstemp(prefix=".handouts-", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OutputError(
            Problem(
                str(target.parent),
                f"folder cannot be written to ({_reason(exc)}); choose another folder",
            )
        ) from None
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        os.chmod(temp_name, 0o644)
    except OSError as exc:
        Path(temp_name).unlink(missing_ok=True)
        raise OutputError(
            Problem(
                str(target),
                f"cannot be written ({_reason(exc)}); an existing file of this name is unchanged",
            )
        ) from None
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return temp_name


def _reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if ch.isascii() and ch.isalnum())


def _safe(stem: str) -> str:
    """Letters and digits of any script, '.', '_' and '-'; anything else becomes '-'."""
    return re.sub(r"[^\w.-]+", "-", unicodedata.normalize("NFC", stem)).strip("-.") or "handout"
