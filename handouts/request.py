"""A request: one handout to make, as a person asked for it (nothing resolved yet)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from handouts.errors import Problem, RequestError


@dataclass(frozen=True)
class ParamSetting:
    """One `SECTION.PARAM=VALUE` as typed, kept raw until the plan checks it."""

    section_id: str
    name: str
    value: object
    origin: str

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
