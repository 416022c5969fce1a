"""The one way in: what a person typed, from any source, plus the clinic's defaults -> Request.

Command-line options, a CSV or YAML batch row, `new`'s answers, a reprint and the web form
all arrive here as a mapping of field names to what was typed. `intake` reads every field,
applies the clinic's defaults (its practitioner rule, language, paper, large print) and,
given the library, checks the request against it, collecting every problem at once, each
located where it was typed: an option, a file and line, a batch row, a form field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from handouts.build.request import REQUEST_KEYS, ParamSetting, Request, Source
from handouts.errors import Problem, RequestError
from handouts.typed_text import (
    NAME_LIMIT,
    PAPERS,
    VALUE_LIMIT,
    clean_typed,
    parse_date,
    shown,
    visible,
    yes_no,
)

if TYPE_CHECKING:
    from handouts.library.model import Library
    from handouts.workspace.clinic import Clinic

OPTIONS = Source()


def intake(
    typed: Mapping[str, Any],
    clinic: Clinic | None = None,
    source: Source = OPTIONS,
    library: Library | None = None,
) -> Request:
    """Turn typed input into a Request; raise RequestError listing every problem.

    `typed` maps field names (`REQUEST_KEYS`) to text, lists of text, yes/no or dates;
    a missing or empty field keeps its default. With `clinic`, its defaults apply (a
    reprint passes none: its request was resolved when first made). With `library`, the
    template, sections and values are checked against it too.
    """
    reader = _Reader(typed, source)
    fields = reader.fields()
    if clinic is not None:
        fields["practitioner"] = clinic.default_practitioner(fields["practitioner"])
        fields["lang"] = fields["lang"] or clinic.language
        if fields["large_print"] is None:
            fields["large_print"] = clinic.large_print
    fields["lang"] = fields["lang"] or "en"
    problems = reader.problems
    request = None
    try:
        request = Request(**fields, typed_in=source.where)
    except RequestError as exc:
        problems += [p if isinstance(p, Problem) else source.problem("", p) for p in exc.problems]
    if request is not None and library is not None and fields["template"]:
        from handouts.build.plan import make_plan

        try:
            make_plan(request, library)
        except RequestError as exc:
            problems += [p for p in exc.problems if isinstance(p, Problem)]
    if problems or request is None:
        raise RequestError(problems)
    return request


def intake_settings(texts: Sequence[str], source: Source = OPTIONS) -> tuple[ParamSetting, ...]:
    """`SECTION.PARAM=VALUE` texts read as the intake reads them; RequestError lists each."""
    reader = _Reader({"set": list(texts)}, source)
    settings = reader.settings()
    if reader.problems:
        raise RequestError(reader.problems)
    return settings


class _Reader:
    """Reads each field of typed input, collecting one located Problem per bad field."""

    def __init__(self, data: Mapping[str, Any], source: Source) -> None:
        self.data = data
        self.source = source
        self.problems: list[Problem] = []

    def fields(self) -> dict[str, Any]:
        """Every field of a Request, read; unknown fields are problems."""
        self.check_unknown()
        return dict(
            template=self.text("template", required=True),
            patient=self.text("patient"),
            practitioner=self.text("practitioner"),
            date=self.date("date"),
            sections=self.ids("sections", allow_none=True),
            add=self.ids("add") or (),
            drop=self.ids("drop") or (),
            settings=self.settings(),
            notes=self.notes("notes"),
            paper=self.paper("paper"),
            large_print=self.yes_no("large_print"),
            lang=self.text("lang"),
        )

    def _bad(self, key: str, message: str) -> None:
        self.problems.append(self.source.problem(key, message))

    def _given(self, key: str) -> Any:
        value = self.data.get(key)
        return None if value is None or value == "" or value == [] or value == () else value

    def check_unknown(self) -> None:
        for key in self.data:
            if key not in REQUEST_KEYS:
                self._bad(str(key), "unknown field; use " + ", ".join(REQUEST_KEYS))

    def text(self, key: str, required: bool = False) -> str:
        value = self._given(key)
        if value is None:
            if required:
                self._bad(key, "is required")
            return ""
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self._bad(key, f"expected text, got {type(value).__name__}")
            return ""
        text = str(value).strip()
        if len(text) > NAME_LIMIT and key not in ("patient", "practitioner"):  # Request says
            self._bad(key, f"is {len(text):,} characters long; it may be at most {NAME_LIMIT}")
            return ""
        return text

    def date(self, key: str) -> dt.date:
        value = self._given(key)
        if value is None:
            return dt.date.today()
        if isinstance(value, dt.datetime):
            value = value.date()
        try:
            return parse_date(value.isoformat() if isinstance(value, dt.date) else str(value))
        except ValueError as exc:
            self._bad(key, str(exc))
            return dt.date.today()

    def ids(self, key: str, allow_none: bool = False) -> tuple[str, ...] | None:
        value = self._given(key)
        if value is None:
            return None if allow_none else ()
        if isinstance(value, str):
            return tuple(_split_ids(value))
        if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
            return tuple(item.strip() for item in value if item.strip())
        self._bad(key, "expected a list of section ids")
        return None if allow_none else ()

    def notes(self, key: str) -> tuple[str, ...]:
        value = self._given(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = value.split("\n")
        if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
            return tuple(note for note in value if note.strip())
        self._bad(key, "expected text or a list of texts")
        return ()

    def paper(self, key: str) -> str | None:
        value = self.text(key).lower()
        if value and value not in PAPERS:
            self._bad(key, f'must be {" or ".join(PAPERS)} (got "{shown(value)}")')
            return None
        return value or None

    def yes_no(self, key: str) -> bool | None:
        value = self._given(key)
        if value is None:
            return None
        try:
            return yes_no(value)
        except ValueError as exc:
            self._bad(key, str(exc))
            return None

    def settings(self) -> tuple[ParamSetting, ...]:
        key = "set"
        value = self._given(key)
        if value is None:
            return ()
        if isinstance(value, Mapping):
            value = [
                {"section": k.partition(".")[0], "param": k.partition(".")[2], "value": v}
                for k, v in value.items()
                if isinstance(k, str)
            ]
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, (list, tuple)):
            self._bad(key, "expected a list of SECTION.PARAM=VALUE")
            return ()
        found: list[ParamSetting] = []
        for item in value:
            if isinstance(item, str):
                try:
                    setting = ParamSetting.parse(item, origin=self.source.where or "--set")
                except RequestError as exc:
                    self.problems += [p for p in exc.problems if isinstance(p, Problem)]
                    continue
                found.append(replace(setting, origin=self.source.where or setting.origin))
            elif isinstance(item, Mapping) and item.get("section") and item.get("param"):
                section, name = str(item["section"]), str(item["param"])
                origin = self.source.where or f"--set {section}.{name}"
                found.append(ParamSetting(section, name, item.get("value"), origin))
            else:
                self._bad(key, f"expected SECTION.PARAM=VALUE, got {shown(repr(item))}")
        return tuple(self._cleaned(setting) for setting in found)

    def _cleaned(self, setting: ParamSetting) -> ParamSetting:
        """A setting whose typed text (one value or a list) passes `clean_typed`."""
        target = visible(f"{setting.section_id}.{setting.name}")

        def clean(value: object) -> object:
            if not isinstance(value, str):
                return value
            try:
                return clean_typed(value, VALUE_LIMIT, kind="value")
            except ValueError as exc:
                where = self.source.where
                self.problems.append(
                    Problem(where, str(exc), field=target)
                    if where
                    else Problem(f"--set {target}", str(exc))
                )
                return value

        value = setting.value
        cleaned = [clean(v) for v in value] if isinstance(value, list) else clean(value)
        return setting if cleaned == value else replace(setting, value=cleaned)


def _split_ids(text: str) -> list[str]:
    """Section ids typed in one cell: separated by commas, semicolons or spaces."""
    return [part for part in text.replace(";", " ").replace(",", " ").split() if part]
