"""A request: one handout to make, as a person asked for it (nothing resolved yet)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from handouts.errors import Problem, RequestError
from handouts.typed_text import NAME_LIMIT, NOTE_LIMIT, clean_typed, shown

# How each field is named on the command line.
OPTION_NAMES = {
    "template": "TEMPLATE",
    "sections": "--section",
    "set": "--set",
    "notes": "--note",
    "large_print": "--large-print",
}


@dataclass(frozen=True)
class Source:
    """Where typed input came from: "" for command-line options, else a file, row or form."""

    where: str = ""

    def problem(self, key: str, message: str) -> Problem:
        """A problem at the option (`--paper`) or at the field of the file, row or form."""
        if not self.where:
            return Problem(OPTION_NAMES.get(key, f"--{key.replace('_', '-')}"), message)
        return Problem(self.where, message, field=key)


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
                    f'"{shown(text)}" must look like SECTION.PARAM=VALUE, '
                    "e.g. stretch-holds.hold_seconds=60",
                )
            )
        return cls(section_id, name.strip(), value.strip(), f"{origin} {shown(text)}")


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
    paper: str | None = None  # None: the clinic's paper
    large_print: bool | None = None  # None: the clinic's choice
    lang: str = "en"
    # Where it was typed, for messages: "" for command-line options, else a file, row or "new".
    typed_in: str = field(default="", compare=False, repr=False)

    def __post_init__(self) -> None:
        """Check and clean everything a person typed (see `clean_typed`): one place for all
        entry points (command line, request files, batch rows, `new`, reprints)."""
        problems: list[Problem] = []

        source = Source(self.typed_in)

        def clean(value: str, key: str, limit: int | None, kind: str) -> str:
            try:
                return clean_typed(value, limit, kind)
            except ValueError as exc:
                problems.append(source.problem(key, str(exc)))
                return value

        clean(self.template, "template", NAME_LIMIT, "template id")
        for key, values in (("sections", self.sections), ("add", self.add), ("drop", self.drop)):
            for value in values or ():
                clean(value, key, NAME_LIMIT, "section id")
        patient = clean(self.patient, "patient", NAME_LIMIT, "name")
        practitioner = clean(self.practitioner, "practitioner", NAME_LIMIT, "name")
        notes = tuple(clean(note, "notes", NOTE_LIMIT, "note") for note in self.notes)
        total = sum(len(note) for note in notes)
        if total > NOTE_LIMIT and not problems:
            message = f"are {total:,} characters in all; notes may be at most {NOTE_LIMIT:,}"
            problems.append(source.problem("notes", message))
        if problems:
            raise RequestError(problems)
        object.__setattr__(self, "patient", patient)
        object.__setattr__(self, "practitioner", practitioner)
        object.__setattr__(self, "notes", notes)

    def to_dict(self) -> dict[str, Any]:
        """The request as plain JSON/YAML data; `build.intake.intake` reads it back."""
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
            "large_print": self.large_print,
            "lang": self.lang,
        }


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
    "large_print",
    "lang",
)
