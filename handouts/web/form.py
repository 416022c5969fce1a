"""The new-handout form as plain data: what the page shows, and what was posted back.

No rules live here: values stay as typed text; the intake (see `web.intake`) turns them
into a Request and every mistake is reported by the same code as on the command line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from handouts.build.request import Request
from handouts.library.model import Library, Template
from handouts.library.params import ParamSpec, format_value


class PostedForm(Protocol):
    """What a posted form offers (werkzeug's MultiDict has both)."""

    def get(self, key: str) -> str | None: ...

    def getlist(self, key: str) -> list[str]: ...


@dataclass
class ParamField:
    """One param of a section as a form input: its spec, the typed value and the default."""

    section_id: str
    spec: ParamSpec
    value: str
    default: str

    @property
    def key(self) -> str:
        """SECTION.PARAM, as on the command line."""
        return f"{self.section_id}.{self.spec.name}"

    @property
    def ticked(self) -> list[str]:
        """For a list param: the choices ticked."""
        return [item.strip() for item in self.value.split(",") if item.strip()]


@dataclass
class SectionRow:
    """A section offered in the form: in use or not, standard or optional, with its params."""

    id: str
    title: str
    used: bool
    optional: bool
    params: list[ParamField] = field(default_factory=list)


@dataclass
class FormState:
    """Everything the form holds, as typed."""

    template: str
    lang: str
    patient: str = ""
    practitioner: str = ""
    date: str = ""
    paper: str = ""
    large_print: bool = False
    notes: str = ""
    rows: list[SectionRow] = field(default_factory=list)
    # Posted for another template or language than the page shows (its fields are stale).
    reshaped: bool = False

    def row(self, section_id: str) -> SectionRow | None:
        """The row of one section, if offered."""
        return next((row for row in self.rows if row.id == section_id), None)


def default_rows(template: Template, library: Library) -> list[SectionRow]:
    """The template's sections ticked, in order, with the optional ones (unticked) placed
    where an added section goes: before the closing safety sections."""
    standard = [sid for sid in template.section_ids() if sid in library.sections]
    point = library.insert_point(standard)
    optional = [sid for sid in template.optional if sid in library.sections and sid not in standard]
    overrides = {entry.section_id: entry.params for entry in template.entries}
    order = [*standard[:point], *optional, *standard[point:]]
    rows = []
    for sid in order:
        section = library.sections[sid]
        values = {**section.defaults(), **overrides.get(sid, {})}
        params = [
            ParamField(sid, spec, format_value(values[name]), format_value(values[name]))
            for name, spec in section.params.items()
        ]
        rows.append(SectionRow(sid, section.title, sid not in optional, sid in optional, params))
    return rows


def blank_state(
    template_id: str, lang: str, library: Library, practitioner: str, large_print: bool = False
) -> FormState:
    """A fresh form for a template: today's date, the clinic's choices, defaults everywhere."""
    template = library.templates[template_id]
    return FormState(
        template=template_id,
        lang=lang,
        practitioner=practitioner,
        date=dt.date.today().isoformat(),
        large_print=large_print,
        rows=default_rows(template, library),
    )


def posted_state(form: PostedForm, library: Library, lang: str) -> FormState:
    """The form as posted. When the template was just changed, its sections start afresh."""
    template_id = (form.get("template") or "").strip()
    if template_id not in library.templates:
        template_id = sorted(library.templates)[0]
    state = FormState(
        template=template_id,
        lang=lang,
        patient=form.get("patient") or "",
        practitioner=form.get("practitioner") or "",
        date=form.get("date") or "",
        paper=form.get("paper") or "",
        large_print=bool(form.get("large_print")),
        notes=form.get("notes") or "",
        rows=default_rows(library.templates[template_id], library),
    )
    if form.get("shown_template") != template_id or form.get("shown_lang") != lang:
        state.reshaped = True
        return state
    by_id = {row.id: row for row in state.rows}
    order = [sid for sid in dict.fromkeys(form.getlist("order")) if sid in by_id]
    state.rows = [by_id[sid] for sid in order] + [row for row in state.rows if row.id not in order]
    used = set(form.getlist("use"))
    for row in state.rows:
        row.used = row.id in used
        for param in row.params:
            name = f"p.{param.key}"
            if param.spec.type == "list":
                param.value = ",".join(form.getlist(name))
            elif form.get(name) is not None:
                param.value = form.get(name) or ""
    move(state, form.get("move") or "")
    return state


def move(state: FormState, command: str) -> None:
    """Apply an up/down button: "up:SECTION" or "down:SECTION"."""
    direction, _, section_id = command.partition(":")
    ids = [row.id for row in state.rows]
    if section_id not in ids or direction not in ("up", "down"):
        return
    index = ids.index(section_id)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(ids):
        state.rows[index], state.rows[other] = state.rows[other], state.rows[index]


def state_from_request(
    request: Request, large_print: bool, library: Library, practitioner_default: str
) -> FormState:
    """A form filled from an earlier request (the one inside a handout PDF)."""
    template = library.templates[request.template]
    rows = default_rows(template, library)
    by_id = {row.id: row for row in rows}
    if request.sections is not None:
        chosen = [sid for sid in request.sections if sid in by_id]
        rows = [by_id[sid] for sid in chosen] + [row for row in rows if row.id not in chosen]
        used = set(chosen)
    else:
        used = {row.id for row in rows if not row.optional}
        used = (used | set(request.add)) - set(request.drop)
    for row in rows:
        row.used = row.id in used
    for setting in request.settings:
        target = by_id.get(setting.section_id)
        for param in target.params if target else ():
            if param.spec.name == setting.name:
                param.value = format_value(setting.value)
    return FormState(
        template=request.template,
        lang=request.lang,
        patient=request.patient,
        practitioner=request.practitioner or practitioner_default,
        date=request.date.isoformat(),
        paper=request.paper or "",
        large_print=large_print,
        notes="\n".join(request.notes),
        rows=rows,
    )


def field_id(key: str) -> str:
    """An HTML id for a form field key ("patient", "p.heat-use.minutes", "section.heat-use")."""
    return "f-" + "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in key)


def field_keys(state: FormState) -> Sequence[str]:
    """Every field key that may carry an error, in the order shown."""
    keys = ["template", "lang", "patient", "practitioner", "date", "paper", "notes", "sections"]
    for row in state.rows:
        keys.append(f"section.{row.id}")
        keys += [f"p.{param.key}" for param in row.params]
    return keys


def as_posted(state: FormState) -> list[tuple[str, str]]:
    """The fields a browser posts for this form (for tests and benchmarks)."""
    fields = [
        ("template", state.template),
        ("shown_template", state.template),
        ("lang", state.lang),
        ("shown_lang", state.lang),
        ("patient", state.patient),
        ("practitioner", state.practitioner),
        ("date", state.date),
        ("paper", state.paper),
        ("notes", state.notes),
    ]
    if state.large_print:
        fields.append(("large_print", "yes"))
    for row in state.rows:
        fields.append(("order", row.id))
        if row.used:
            fields.append(("use", row.id))
        for param in row.params:
            values = param.ticked if param.spec.type == "list" else [param.value]
            fields += [(f"p.{param.key}", value) for value in values]
    return fields
