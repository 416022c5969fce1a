"""Templates that extend another: read the changes, then resolve them into whole templates.

A template with `extends: BASE` inherits everything from BASE; it may give its own title,
intro, `sections` (a new order), `add` (sections added before the closing safety ones), `drop`
(ids left out) and `params` (new values per section). A workspace template may extend the
built-in template of the same id: `extends` then names the next one down the lookup order.
"""

from __future__ import annotations

import dataclasses

from handouts.errors import Problem, did_you_mean
from handouts.library.entries import read_entries
from handouts.library.model import Library, Template, TemplateChanges, TemplateEntry
from handouts.yamlfile.checker import Checker
from handouts.yamlfile.reader import Located

MAX_EXTENDS = 10  # templates extending each other in one chain
INHERITED = ("title", "subtitle", "intro", "optional", "notes_box", "tracker", "treatment")


def read_changes(check: Checker, data: Located) -> TemplateChanges | None:
    """The `extends`, `add`, `drop` and `params` of a template file."""
    base = check.text(data, "extends")
    add = read_entries(check, data, "add")
    drop = check.text_list(data, "drop")
    params = []
    raw = data.get("params")
    if raw is not None:
        mapping = check.mapping(raw, data.line_of("params"), "params")
        for section_id, values in (mapping or Located()).items():
            line = mapping.line_of(section_id) if mapping is not None else data.line
            values = check.mapping(values, line, f"params.{section_id}")
            if values is not None:
                params.append(TemplateEntry(str(section_id), values, line))
    given = frozenset(key for key in data if key in (*INHERITED, "sections"))
    return TemplateChanges(
        base, data.line_of("extends"), given, tuple(add), tuple(drop), tuple(params)
    )


def resolve_extends(
    candidates: dict[str, list[Template]], library: Library, problems: list[Problem]
) -> dict[str, Template]:
    """The winning template of each id, with every `extends` chain applied."""
    resolved: dict[tuple[str, int], Template | None] = {}
    too_long: list[tuple[str, int]] = []

    def resolve(
        template_id: str, depth: int, chain: tuple[tuple[str, int], ...]
    ) -> Template | None:
        key = (template_id, depth)
        if key in resolved:
            return resolved[key]
        template = candidates[template_id][depth]
        changes = template.changes
        if changes is None:
            resolved[key] = template
            return template
        base_id = changes.base
        if base_id == template_id:
            base_key = (base_id, depth + 1)
            exists = depth + 1 < len(candidates[base_id])
        else:
            base_key = (base_id, 0)
            exists = base_id in candidates

        def refuse(message: str) -> None:
            problems.append(Problem(template.path, message, line=changes.line, field="extends"))
            resolved[key] = None

        if not exists:
            hint = did_you_mean(base_id, candidates) if base_id != template_id else ""
            refuse(f'no template "{base_id}" to extend{hint}')
            return None
        if base_key in chain:
            refuse(f'"{base_id}" extends itself in a loop')
            return None
        if len(chain) >= MAX_EXTENDS:
            resolved[key] = None  # one error, at the start of the chain, says it all
            if not too_long:
                top = candidates[chain[0][0]][chain[0][1]]
                line = top.changes.line if top.changes else None
                problems.append(
                    Problem(
                        top.path,
                        f"starts a chain of more than {MAX_EXTENDS} templates extending each "
                        "other (the limit); extend the base template directly",
                        line=line,
                        field="extends",
                    )
                )
                too_long.append(key)
            return None
        base = resolve(*base_key, (*chain, key))
        result = apply_changes(template, base, library, problems) if base else None
        resolved[key] = result
        return result

    out = {}
    for template_id in candidates:
        template = resolve(template_id, 0, ())
        if template is not None:
            out[template_id] = template
    return out


def apply_changes(
    template: Template, base: Template, library: Library, problems: list[Problem]
) -> Template:
    """`template`'s own fields over `base`'s, with sections added, dropped and re-valued."""
    changes = template.changes
    assert changes is not None
    check = Checker(template.path)
    entries = list(template.entries if "sections" in changes.given else base.entries)
    for section_id, line in changes.drop:
        before = len(entries)
        entries = [entry for entry in entries if entry.section_id != section_id]
        if len(entries) == before:
            check.add(line, "drop", f'"{section_id}" is not one of {base.id}\'s sections')
    for entry in changes.add:
        entries.insert(library.insert_point([e.section_id for e in entries]), entry)
    for change in changes.params:
        index = next((i for i, e in enumerate(entries) if e.section_id == change.section_id), None)
        if index is None:
            hint = did_you_mean(change.section_id, [e.section_id for e in entries])
            check.add(change.line, f"params.{change.section_id}", f"is not in this template{hint}")
            continue
        old = entries[index]
        entries[index] = TemplateEntry(old.section_id, _merged(old, change), change.line)
    problems += check.problems
    own = {name: getattr(template, name) for name in INHERITED if name in changes.given}
    inherited = {name: getattr(base, name) for name in INHERITED if name not in changes.given}
    if "optional" in inherited:
        used = {entry.section_id for entry in entries}
        inherited["optional"] = tuple(name for name in base.optional if name not in used)
    return dataclasses.replace(
        template,
        **inherited,
        **own,
        entries=tuple(entries),
        changes=None,
        intro_line=template.intro_line if "intro" in changes.given else base.intro_line,
    )


def _merged(old: TemplateEntry, change: TemplateEntry) -> Located:
    """An entry's params with a change's on top; each changed value keeps its own line
    (in the extending file), the others point at the change."""
    merged = Located({**old.params, **change.params}, line=change.line)
    if isinstance(change.params, Located):
        merged.key_lines.update(change.params.key_lines)
    return merged
