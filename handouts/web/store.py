"""Opaque ids for what the app hands out: rendered PDFs in memory and files it listed.

Nothing typed ever becomes a path: a browser only ever names a random id given out here.
"""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

LIMIT = 200  # ids kept; the oldest are forgotten first (a preview with images is ~0.3 MB)


@dataclass
class Stored:
    """A PDF to serve: its bytes (a preview) or a file the app wrote or listed."""

    name: str
    data: bytes | None = None
    path: Path | None = None
    page_count: int = 0
    pages: dict[int, bytes] = field(default_factory=dict)  # preview images drawn so far

    def read(self) -> bytes:
        """The PDF's bytes."""
        if self.data is not None:
            return self.data
        assert self.path is not None
        return self.path.read_bytes()


class Store:
    """A bounded, thread-safe map of random ids to stored PDFs."""

    def __init__(self, limit: int = LIMIT) -> None:
        self._items: OrderedDict[str, Stored] = OrderedDict()
        self._by_path: dict[Path, str] = {}
        self._by_key: OrderedDict[str, str] = OrderedDict()
        self._lock = threading.Lock()
        self._limit = limit

    def put(self, item: Stored) -> str:
        """Keep `item`; return its id (the same id for a file already kept)."""
        with self._lock:
            if item.path is not None and item.path in self._by_path:
                token = self._by_path[item.path]
                self._items[token] = item
                self._items.move_to_end(token)
                return token
            token = secrets.token_urlsafe(16)
            self._items[token] = item
            if item.path is not None:
                self._by_path[item.path] = token
            while len(self._items) > self._limit:
                _, old = self._items.popitem(last=False)
                if old.path is not None:
                    self._by_path.pop(old.path, None)
            return token

    def remember(self, key: str, token: str) -> None:
        """Note that `token` holds what `key` (e.g. a request) makes."""
        with self._lock:
            self._by_key[key] = token
            while len(self._by_key) > self._limit:
                self._by_key.popitem(last=False)

    def recall(self, key: str) -> tuple[str, Stored] | None:
        """The id and item remembered for `key`, while it is still kept."""
        with self._lock:
            token = self._by_key.get(key)
            item = self._items.get(token) if token else None
            return (token, item) if token and item else None

    def get(self, token: str) -> Stored | None:
        """The item of `token`, or None when unknown or forgotten."""
        with self._lock:
            return self._items.get(token)
