"""The request a PDF was made from, carried inside the PDF for reprints and audits.

It is stored as compact JSON (ASCII only) in a custom document info entry,
`/HandoutsRequest`, so any PDF tool can read it and it adds well under 1 KB.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from handouts import __version__
from handouts.build.intake import Source, intake
from handouts.build.plan import Plan
from handouts.build.request import Request
from handouts.errors import Problem, RequestError
from handouts.library.model import Library, Section

INFO_KEY = "HandoutsRequest"
FORMAT = 1


@dataclass(frozen=True)
class Provenance:
    """What made a handout: the request, print options, tool version, section digests."""

    request: Request
    large_print: bool
    version: str
    digests: dict[str, str]

    def to_dict(self) -> dict[str, Any]:
        """Plain data, as embedded."""
        return {
            "format": FORMAT,
            "handouts": self.version,
            "request": self.request.to_dict(),
            "large_print": self.large_print,
            "sections": dict(self.digests),
        }

    def to_json(self) -> str:
        """Deterministic, compact, ASCII-only JSON."""
        return json.dumps(self.to_dict(), sort_keys=True, separators=(",", ":"), ensure_ascii=True)


def section_digest(section: Section) -> str:
    """A short digest of a section's source: title, params and body text."""
    params = {
        name: [spec.type, spec.default, spec.minimum, spec.maximum, list(spec.choices), spec.unit]
        for name, spec in sorted(section.params.items())
    }
    source = json.dumps([section.title, params, section.body], sort_keys=True, default=str)
    return "sha256:" + hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]


def for_plan(plan: Plan, large_print: bool) -> Provenance:
    """The provenance of the handout `plan` makes."""
    digests = {planned.section.id: section_digest(planned.section) for planned in plan.sections}
    return Provenance(plan.request, large_print, __version__, digests)


def changed_sections(provenance: Provenance, library: Library) -> list[str]:
    """Sections whose source differs now from when the PDF was made (or are gone)."""
    changed = []
    for section_id, digest in provenance.digests.items():
        section = library.sections.get(section_id)
        if section is None or section_digest(section) != digest:
            changed.append(section_id)
    return changed


def read_provenance(path: Path) -> Provenance:
    """Read the embedded request from a handout PDF; raise RequestError if there is none."""
    import io
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    from handouts.files import PDF_LIMIT, FileRefused, read_bytes

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    where = str(path)
    try:
        data = read_bytes(path, PDF_LIMIT)
    except FileRefused as exc:
        raise RequestError(Problem(where, exc.reason)) from None
    try:
        info: Any = PdfReader(io.BytesIO(data)).metadata or {}
    except (OSError, PdfReadError) as exc:
        raise RequestError(Problem(where, f"cannot be read as a PDF ({exc})")) from None
    raw = info.get("/" + INFO_KEY)
    if raw is None:
        raise RequestError(Problem(where, "carries no handouts request; was it made by handouts?"))
    try:
        data = json.loads(str(raw))
        large_print = bool(data.get("large_print", False))
        typed = dict(data["request"])
        if typed.get("large_print") is None:  # made before the request carried it
            typed["large_print"] = large_print
        return Provenance(
            request=intake(typed, source=Source(where)),
            large_print=large_print,
            version=str(data.get("handouts", "")),
            digests={str(k): str(v) for k, v in data.get("sections", {}).items()},
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        raise RequestError(Problem(where, "its embedded handouts request is damaged")) from None


def describe(provenance: Provenance) -> str:
    """The embedded request as readable text, for `handouts inspect`."""
    data = provenance.to_dict()
    request = data["request"]
    lines = [f"made by: handouts {provenance.version}"]
    for key in ("template", "patient", "practitioner", "date", "lang", "paper"):
        lines.append(f"{key}: {request[key] if request[key] is not None else ''}")
    lines.append(f"large print: {'yes' if provenance.large_print else 'no'}")
    if request["sections"] is not None:
        lines.append("sections: " + ", ".join(request["sections"]))
    for key in ("add", "drop"):
        if request[key]:
            lines.append(f"{key}: " + ", ".join(request[key]))
    for setting in request["set"]:
        value = setting["value"]
        shown = ",".join(map(str, value)) if isinstance(value, list) else value
        lines.append(f"set: {setting['section']}.{setting['param']}={shown}")
    for note in request["notes"]:
        lines.append(f"note: {note}")
    lines.append("section digests:")
    lines += [f"  {sid}: {digest}" for sid, digest in provenance.digests.items()]
    return "\n".join(lines)
