"""Stopping a batch's worker processes cleanly: Ctrl-C and SIGTERM, without tracebacks.

The main process never stops inside the pool's own code (a KeyboardInterrupt raised in the
middle of it can leave a lock held and the pool hanging): a signal only sets a flag, which
the main process checks between results, then it stops the pool from plain code. Workers
ignore Ctrl-C (the main process handles it for everyone) and, on the SIGTERM the stopping
pool sends, exit at once, saying nothing, first removing any temporary file they are writing.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Iterator
from typing import Any

POLL_SECONDS = 0.1


class Stop:
    """Whether the main process was asked to stop (Ctrl-C or SIGTERM) while a pool runs."""

    def __init__(self) -> None:
        self.asked = False

    def _ask(self, signum: int, frame: Any) -> None:
        self.asked = True

    def check(self) -> None:
        """Raise KeyboardInterrupt, from plain code, once a stop was asked for."""
        if self.asked:
            raise KeyboardInterrupt


@contextlib.contextmanager
def children_start_quiet() -> Iterator[None]:
    """While inside (when the pool forks its workers), a new worker ignores Ctrl-C and dies
    of SIGTERM at once, until `quiet_worker` takes over: no window with the parent's
    handlers."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN), signal.getsignal(signal.SIGTERM)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous[0])
        signal.signal(signal.SIGTERM, previous[1])


@contextlib.contextmanager
def stop_on_signal() -> Iterator[Stop]:
    """While inside, Ctrl-C and SIGTERM only set the flag of the Stop given."""
    stop = Stop()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return
    previous = signal.signal(signal.SIGINT, stop._ask), signal.signal(signal.SIGTERM, stop._ask)
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, previous[0])
        signal.signal(signal.SIGTERM, previous[1])


def wait(result: Any, stop: Stop) -> Any:
    """The value of an AsyncResult, checking for a stop while waiting."""
    while not result.ready():
        stop.check()
        result.wait(POLL_SECONDS)
    stop.check()
    return result.get()


def quiet_worker() -> None:
    """In a worker: ignore Ctrl-C; SIGTERM ends it at once (the default) while it is idle."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


@contextlib.contextmanager
def leave_cleanly() -> Iterator[None]:
    """While a worker renders, SIGTERM first removes the temporary file it is writing.

    Only then: an idle worker (or one stuck in a lock it inherited from a busy parent when
    it was forked) must die of SIGTERM outright, as no Python code could run in it."""
    signal.signal(signal.SIGTERM, _leave)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _leave(signum: int, frame: Any) -> None:
    """Exit without unwinding: no library prints on the way out, and no lock held at this
    moment can stall the exit."""
    from handouts.render.output import remove_pending

    remove_pending()
    os._exit(1)
