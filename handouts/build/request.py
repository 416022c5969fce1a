"""A request: one handout to make, as a person asked for it (nothing resolved yet)."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from handouts.errors import Problem, RequestError

NAME_LIMIT = 200
NOTE_LIMIT = 100_000
FIRST_YEAR, LAST_YEAR = 1900, 2100
_ALLOWED_CONTROLS = {"\n", "\t"}
_KEPT_FORMAT = {"\u00ad"}  # the soft hyphen: an invisible hint where a word may break


def clean_typed(text: str, limit: int | None = None, kind: str = "text") -> str:
    """Text a person typed, made safe to print; raise ValueError saying what is wrong.

    A control character (other than newline and tab) is refused, naming its code point,
    never echoing it. Invisible format characters (zero-width spaces and joiners, direction
    marks and overrides, byte-order marks) are removed: fonts draw them as boxes or not at
    all. The soft hyphen is kept. `limit` caps the length, naming what kind of text it is.
    """
    if limit is not None and len(text) > limit:
        raise ValueError(
            f"is {len(text):,} characters long; a {kind} may be at most {limit:,} characters"
        )
    for char in text:
        if unicodedata.category(char) == "Cc" and char not in _ALLOWED_CONTROLS:
            raise ValueError(f"contains the control character U+{ord(char):04X}; remove it")
    return "".join(c for c in text if unicodedata.category(c) != "Cf" or c in _KEPT_FORMAT)


def visible(text: str) -> str:
    """`text` with control characters written as escapes, safe to show on a terminal."""
    return "".join(
        f"\\u{ord(c):04x}" if unicodedata.category(c) == "Cc" and c not in _ALLOWED_CONTROLS else c
        for c in text
    )


def parse_date(text: str) -> dt.date:
    """A YYYY-MM-DD date from 1900 to 2100; raise ValueError saying what would be right."""
    wrong = f'"{visible(text.strip())}" is not a date; use YYYY-MM-DD, e.g. 2026-11-21'
    parts = text.strip().split("-")
    if [len(p) for p in parts] != [4, 2, 2] or not all(p.isdigit() for p in parts):
        raise ValueError(wrong)
    try:
        date = dt.date(*(int(p) for p in parts))
    except ValueError:
        raise ValueError(wrong) from None
    if not FIRST_YEAR <= date.year <= LAST_YEAR:
        raise ValueError(
            f'"{text.strip()}" is not a date to print; use YYYY-MM-DD from {FIRST_YEAR} '
            f"to {LAST_YEAR}, e.g. 2026-11-21"
        )
    return date


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
                    f'"{visible(text)}" must look like SECTION.PARAM=VALUE, '
                    "e.g. stretch-holds.hold_seconds=60",
                )
            )
        return cls(section_id, name.strip(), value.strip(), f"{origin} {visible(text)}")


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
    # Where it was typed, for messages: "" for command-line options, else a file, row or "new".
    typed_in: str = field(default="", compare=False, repr=False)

    def __post_init__(self) -> None:
        """Check and clean everything a person typed (see `clean_typed`): one place for all
        entry points (command line, request files, batch rows, `new`, reprints)."""
        problems: list[Problem] = []

        def clean(value: str, option: str, key: str, limit: int | None, kind: str) -> str:
            try:
                return clean_typed(value, limit, kind)
            except ValueError as exc:
                problems.append(self._problem(option, key, str(exc)))
                return value

        clean(self.template, "TEMPLATE", "template", None, "template id")
        for option, values in (
            ("--section", self.sections),
            ("--add", self.add),
            ("--drop", self.drop),
        ):
            for value in values or ():
                clean(value, option, option[2:], None, "section id")
        patient = clean(self.patient, "--patient", "patient", NAME_LIMIT, "name")
        practitioner = clean(
            self.practitioner, "--practitioner", "practitioner", NAME_LIMIT, "name"
        )
        notes = tuple(clean(note, "--note", "notes", NOTE_LIMIT, "note") for note in self.notes)
        total = sum(len(note) for note in notes)
        if total > NOTE_LIMIT and not problems:
            message = f"are {total:,} characters in all; notes may be at most {NOTE_LIMIT:,}"
            problems.append(self._problem("--note", "notes", message))
        settings = []
        for setting in self.settings:
            target = visible(f"{setting.section_id}.{setting.name}")
            value = setting.value
            if isinstance(value, str):
                value = clean(value, f"--set {target}", target, None, "value")
            elif isinstance(value, list):
                value = [
                    clean(v, f"--set {target}", target, None, "value") if isinstance(v, str) else v
                    for v in value
                ]
            settings.append(setting if value == setting.value else replace(setting, value=value))
        if problems:
            raise RequestError(problems)
        object.__setattr__(self, "patient", patient)
        object.__setattr__(self, "practitioner", practitioner)
        object.__setattr__(self, "notes", notes)
        object.__setattr__(self, "settings", tuple(settings))

    def _problem(self, option: str, key: str, message: str) -> Problem:
        """A problem located at the option typed, or at the field of the file or row."""
        if not self.typed_in:
            return Problem(option, message)
        return Problem(self.typed_in, message, field=key)

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
        fields = dict(
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
        request = None
        try:
            request = cls(**fields, typed_in=where)
        except RequestError as exc:
            reader.problems += exc.problems
        if reader.problems or request is None:
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
            value = value.date()
        try:
            return parse_date(value.isoformat() if isinstance(value, dt.date) else str(value))
        except ValueError as exc:
            self._bad(key, str(exc))
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
