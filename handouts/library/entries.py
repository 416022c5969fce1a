"""A template's list of section entries (`sections:` or an extending template's `add:`)."""

from __future__ import annotations

from typing import Any

from handouts.library.model import TemplateEntry
from handouts.yamlfile.checker import Checker, describe
from handouts.yamlfile.reader import Located, item_line

ENTRY_KEYS = ("id", "params")


def read_entries(
    check: Checker, data: Located, key: str, required: bool = False
) -> list[TemplateEntry]:
    """Each entry of list `key`: a section id, or `{id, params}`; problems go to `check`."""
    raw = data.get(key)
    if raw is None and not required:
        return []
    if not isinstance(raw, list) or (required and not raw):
        check.add(data.line_of(key), key, f"expected a list of section ids, got {describe(raw)}")
        return []
    entries = []
    for index, item in enumerate(raw):
        field = f"{key}[{index + 1}]"
        line = item_line(raw, index, data.line_of(key))
        if isinstance(item, str):
            entries.append(TemplateEntry(item, {}, line))
            continue
        entry = check.mapping(item, line, field)
        if entry is None:
            continue
        check.known_keys(entry, ENTRY_KEYS, prefix=f"{field}.")
        section_id = check.text(entry, "id", prefix=f"{field}.")
        overrides: Any = {}
        if entry.get("params") is not None:
            overrides = check.mapping(entry["params"], entry.line_of("params"), f"{field}.params")
        if section_id:
            entries.append(TemplateEntry(section_id, overrides or {}, line))
    return entries
