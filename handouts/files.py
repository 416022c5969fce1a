"""Opening files to read: regular files only, with a size cap, optionally kept inside a root.

The one place every reader opens a file (library, clinic.yaml, strings, batch files, old PDFs,
images, fonts), so a FIFO or a device (`/dev/zero`) is refused at once instead of blocking or
reading forever, a file too big is refused before it is read, and a file in a workspace that
is a link to somewhere outside it is refused.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from handouts.errors import HandoutsError, LibraryError, Problem

MB = 1024 * 1024
TEXT_LIMIT = 2 * MB  # a section, template, clinic.yaml or strings file
PDF_LIMIT = 50 * MB  # a handout read back (inspect, render --from, an old sheet's name)
BATCH_LIMIT = 100 * MB  # a batch file (read as a stream, twice)

_KINDS = (
    (stat.S_ISFIFO, "a pipe (FIFO)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


class FileRefused(Exception):
    """A file that cannot or may not be read; `reason` says why, for a located message."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def open_regular(path: Path, limit: int, root: Path | None = None) -> BinaryIO:
    """`path` opened for reading in binary; FileRefused when it is not a regular file, is
    larger than `limit` bytes, or (given `root`) resolves outside `root`.

    Opening never blocks: a FIFO is opened without waiting for a writer, then refused.
    """
    if root is not None:
        outside_of(root, path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise FileRefused("no such file") from None
    except OSError as exc:
        raise FileRefused(f"cannot be read: {(exc.strerror or str(exc)).lower()}") from None
    try:
        info = os.fstat(fd)
        for test, kind in _KINDS:
            if test(info.st_mode):
                raise FileRefused(f"is {kind}, not a file; give a regular file")
        if info.st_size > limit:
            raise FileRefused(f"is {_size(info.st_size)}; files here may be at most {_size(limit)}")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_bytes(path: Path, limit: int, root: Path | None = None) -> bytes:
    """The whole of a regular file of at most `limit` bytes (see `open_regular`)."""
    with open_regular(path, limit, root) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:  # it grew while being read
        raise FileRefused(f"is larger than {_size(limit)}; files here may be at most that")
    return data


def read_text(path: Path, limit: int = TEXT_LIMIT, root: Path | None = None) -> str:
    """A regular file's UTF-8 text (see `open_regular`); FileRefused naming a bad byte."""
    data = read_bytes(path, limit, root)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FileRefused(
            f"is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save it as UTF-8"
        ) from None


def read_or_raise(
    path: Path,
    where: str,
    limit: int = TEXT_LIMIT,
    root: Path | None = None,
    error: type[HandoutsError] = LibraryError,
) -> str:
    """`read_text`, with a refusal raised as `error` located at `where`."""
    try:
        return read_text(path, limit, root)
    except FileRefused as exc:
        raise error(Problem(where, exc.reason)) from None


def outside_of(root: Path, path: Path) -> None:
    """FileRefused when `path` (links followed) leads outside `root`."""
    try:
        base, resolved = root.resolve(), path.resolve()
    except (OSError, RuntimeError):  # a loop of links
        raise FileRefused("is a link that leads round in a loop; replace it with a file") from None
    if not resolved.is_relative_to(base):
        raise FileRefused(
            f"leads outside the workspace {base} (a link to {resolved}); "
            "copy the file into the workspace instead of linking to it"
        )


def _size(count: int) -> str:
    return f"{count / MB:,.1f} MB" if count >= MB else f"{count:,} bytes"
