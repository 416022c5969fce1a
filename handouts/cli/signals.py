"""Stopping: SIGTERM is handled like Ctrl-C (batch workers: see `render.batch`)."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


@contextlib.contextmanager
def stopped_like_ctrl_c() -> Iterator[None]:
    """While inside, SIGTERM raises KeyboardInterrupt like Ctrl-C does, so temporary files
    are removed and one line is shown; the previous handler is put back afterwards."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
