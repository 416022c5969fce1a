"""A request: one handout to make, as a person asked for it (nothing resolved yet)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from handouts.errors import Problem, RequestError


@dataclass(frozen=True)
class ParamSetting:
    """One `SECTION.PARAM=VALUE` as typed, kept raw until the plan checks it."""

    section_id: str
    name: str
    value: object
    origin: str = field(default="--set", compare=False)

    @classmethod
    def parse(cls, text: str, origin: str = "--set") -> ParamSetting:
        """Parse `SECTION.PARAM=VALUE`; raise RequestError naming what is wrong."""
        target, sep, value = text.partition("=")
        section_id, dot, name = target.strip().partition(".")
        if not sep or not dot or not section_id or not name.strip():
            raise RequestError(
                Problem(
                    origin,
                    f'"{text}" must look like SECTION.PARAM=VALUE, '
                    "e.g. stretch-holds.hold_seconds=60",
                )
            )
        return cls(section_id, name.strip(), value.strip(), f"{origin} {text}")


@dataclass(frozen=True)
class Request:
    """What the practitioner asked for: template, people, date, choices, values, notes."""

    template: str
    patient: str = ""
    practitioner: str = ""
    date: dt.date = field(default_factory=dt.date.today)
    sections: tuple[str, ...] | None = None
    add: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()
    settings: tuple[ParamSetting, ...] = ()
    notes: tuple[str, ...] = ()
    paper: str | None = None
    lang: str = "en"

    def to_dict(self) -> dict[str, Any]:
        """The request as plain JSON/YAML data; `Request.from_dict` reads it back."""
        return {
            "template": self.template,
            "patient": self.patient,
            "practitioner": self.practitioner,
            "date": self.date.isoformat(),
            "sections": list(self.sections) if self.sections is not None else None,
            "add": list(self.add),
            "drop": list(self.drop),
            "set": [
                {"section": s.section_id, "param": s.name, "value": s.value} for s in self.settings
            ],
            "notes": list(self.notes),
            "paper": self.paper,
            "lang": self.lang,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], where: str = "request") -> Request:
        """Read a request from plain data; raise RequestError naming each bad field."""
        reader = _Reader(data, where)
        request = cls(
            template=reader.text("template", required=True),
            patient=reader.text("patient"),
            practitioner=reader.text("practitioner"),
            date=reader.date("date"),
            sections=reader.ids("sections", allow_none=True),
            add=reader.ids("add") or (),
            drop=reader.ids("drop") or (),
            settings=reader.settings("set"),
            notes=reader.notes("notes"),
            paper=reader.paper("paper"),
            lang=reader.text("lang") or "en",
        )
        reader.check_unknown()
        if reader.problems:
            raise RequestError(reader.problems)
        return request


REQUEST_KEYS = (
    "template",
    "patient",
    "practitioner",
    "date",
    "sections",
    "add",
    "drop",
    "set",
    "notes",
    "paper",
    "lang",
)
PAPERS = ("letter", "a4")


class _Reader:
    """Reads fields of a request mapping, collecting one Problem per bad field."""

    def __init__(self, data: Mapping[str, Any], where: str) -> None:
        self.data = data
        self.where = where
        self.problems: list[Problem] = []

    def _bad(self, key: str, message: str) -> None:
        self.problems.append(Problem(self.where, message, field=key))

    def check_unknown(self) -> None:
        for key in self.data:
            if key not in REQUEST_KEYS:
                self._bad(str(key), "unknown field; use " + ", ".join(REQUEST_KEYS))

    def text(self, key: str, required: bool = False) -> str:
        value = self.data.get(key)
        if value is None or value == "":
            if required:
                self._bad(key, "is required")
            return ""
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self._bad(key, f"expected text, got {type(value).__name__}")
            return ""
        return str(value).strip()

    def date(self, key: str) -> dt.date:
        value = self.data.get(key)
        if value is None or value == "":
            return dt.date.today()
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value).strip())
        except ValueError:
            self._bad(key, f'must be a date like 2026-11-21 (got "{value}")')
            return dt.date.today()

    def ids(self, key: str, allow_none: bool = False) -> tuple[str, ...] | None:
        value = self.data.get(key)
        if value is None or value == "":
            return None if allow_none else ()
        if isinstance(value, str):
            return tuple(item for item in _split_ids(value))
        if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
            return tuple(item.strip() for item in value if item.strip())
        self._bad(key, "expected a list of section ids")
        return None if allow_none else ()

    def notes(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = value.split("\n")
        if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
            return tuple(note.strip() for note in value if note.strip())
        self._bad(key, "expected text or a list of texts")
        return ()

    def paper(self, key: str) -> str | None:
        value = self.text(key).lower()
        if value and value not in PAPERS:
            self._bad(key, f'must be letter or a4 (got "{value}")')
            return None
        return value or None

    def settings(self, key: str) -> tuple[ParamSetting, ...]:
        value = self.data.get(key)
        if value is None:
            return ()
        found: list[ParamSetting] = []
        if isinstance(value, Mapping):
            value = [
                {"section": k.partition(".")[0], "param": k.partition(".")[2], "value": v}
                for k, v in value.items()
                if isinstance(k, str)
            ]
        if not isinstance(value, (list, tuple)):
            self._bad(key, "expected a list of SECTION.PARAM=VALUE")
            return ()
        for item in value:
            if isinstance(item, str):
                try:
                    setting = ParamSetting.parse(item, origin=self.where)
                except RequestError as exc:
                    self.problems += [p for p in exc.problems if isinstance(p, Problem)]
                    continue
                found.append(replace(setting, origin=self.where))
            elif isinstance(item, Mapping) and item.get("section") and item.get("param"):
                section, name = str(item["section"]), str(item["param"])
                found.append(ParamSetting(section, name, item.get("value"), self.where))
            else:
                self._bad(key, f"expected SECTION.PARAM=VALUE, got {item!r}")
        return tuple(found)


def _split_ids(text: str) -> list[str]:
    """Section ids typed in one cell: separated by commas, semicolons or spaces."""
    return [part for part in text.replace(";", " ").replace(",", " ").split() if part]
