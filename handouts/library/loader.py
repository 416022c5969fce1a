"""Read and validate the section and template library, collecting every problem.

Lookup is layered: roots are searched in order and the first file with an id
wins, so a clinic workspace placed before the built-in root overrides it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from handouts.errors import LibraryError, Problem, did_you_mean
from handouts.library.entries import read_entries
from handouts.library.extends import read_changes, resolve_extends
from handouts.library.languages import BASE_LANGUAGE, templates_folder
from handouts.library.languages import check_language as check_language_of
from handouts.library.model import CATEGORIES, TREATMENTS, Library, Section, SourceRef, Template
from handouts.library.params import PARAM_TYPES, ParamSpec, ParamValueError
from handouts.library.ranges import override_problems, read_ranges
from handouts.library.sandbox import check_source
from handouts.yamlfile.checker import Checker, describe
from handouts.yamlfile.reader import Located, item_line, load_yaml

SECTION_KEYS = ("id", "title", "category", "summary", "key_point", "params", "ranges", "sources")
PARAM_KEYS = ("type", "default", "label", "min", "max", "choices", "unit")
TEMPLATE_KEYS = (
    "id",
    "title",
    "subtitle",
    "intro",
    "sections",
    "optional",
    "notes_box",
    "tracker",
    "treatment",
)
EXTENDS_KEYS = ("extends", "add", "drop", "params")
CONTEXT_NAMES = {"patient", "practitioner", "clinic", "date", "treatment", "sections"}
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
PARAM_NAME_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class LibraryRoot:
    """A folder holding `content/<lang>/*.md` and `templates/*.yaml`."""

    path: Path
    origin: str


def builtin_root() -> LibraryRoot:
    """The library shipped with the package (or the source checkout's folders)."""
    package = Path(__file__).resolve().parent.parent
    packaged = package / "_builtin"
    return LibraryRoot(packaged if packaged.is_dir() else package.parent, "built-in")


def load_library(roots: list[LibraryRoot] | None = None, lang: str = "en") -> Library:
    """Load every section and template from `roots` (first wins); raise LibraryError.

    An unknown `lang` is a RequestError; callers that know where the language came from
    check it themselves and call `read_library`.
    """
    roots = roots if roots is not None else [builtin_root()]
    check_language(roots, lang)
    return read_library(roots, lang)


TEMPLATE_SUFFIXES = (".yaml", ".yml")


def section_files(folder: Path) -> list[Path]:
    """The section files directly in `folder`, sorted."""
    return sorted(folder.glob("*.md"))


def template_files(folder: Path) -> list[Path]:
    """The template files directly in `folder` (.yaml or .yml), sorted."""
    return sorted(path for suffix in TEMPLATE_SUFFIXES for path in folder.glob(f"*{suffix}"))


def read_library(roots: list[LibraryRoot], lang: str) -> Library:
    """Load and validate every file of `lang` in `roots` (first wins); raise LibraryError."""
    problems: list[Problem] = []
    broken: set[str] = set()
    library = Library(roots=tuple(root.path for root in roots))
    for root in roots:
        for path in _listing(root, root.path / "content" / lang, section_files, problems):
            section, found = read_section(path, root)
            problems += found
            if found:
                broken.add(path.stem)
            if section and section.id not in library.sections:
                library.sections[section.id] = section
    candidates: dict[str, list[Template]] = {}
    for root in roots:
        for path in _listing(root, templates_folder(root.path, lang), template_files, problems):
            template, found = read_template(path, root)
            problems += found
            if template:
                candidates.setdefault(template.id, []).append(template)
    library.templates.update(resolve_extends(candidates, library, problems))
    untranslated = _untranslated(library, roots, lang, broken)
    if untranslated:
        problems.append(
            Problem(
                f"content/{lang}",
                f"{len(untranslated)} section(s) used by the {lang} templates have no {lang} "
                f"version: {', '.join(sorted(untranslated))}; add content/{lang}/<id>.md for "
                f"each (or use --lang {BASE_LANGUAGE})",
            )
        )
    for template in library.templates.values():
        problems += check_template_references(template, library, broken | untranslated)
    if problems:
        raise LibraryError(problems)
    return library


def _listing(
    root: LibraryRoot, folder: Path, files: Callable[[Path], list[Path]], problems: list[Problem]
) -> list[Path]:
    """`files(folder)`; a problem when the folder cannot be read (never silently none,
    which would quietly leave the built-in files in use)."""
    try:
        readable = not folder.is_dir() or os.access(folder, os.R_OK | os.X_OK)
        if readable:
            return files(folder) if folder.is_dir() else []
    except OSError:
        pass
    where = display_path(folder, root)
    problems.append(Problem(where, "folder cannot be read (permission denied); ask for access"))
    return []


def _untranslated(
    library: Library, roots: list[LibraryRoot], lang: str, broken: set[str]
) -> set[str]:
    """Sections the templates of `lang` name that exist only in the base language.

    Those are one error naming them all, never silently replaced by the English ones.
    """
    if lang == BASE_LANGUAGE:
        return set()
    named = {
        section_id
        for template in library.templates.values()
        for section_id in (*template.section_ids(), *template.optional)
    }
    missing = named - set(library.sections) - broken
    base = {p.stem for root in roots for p in (root.path / "content" / BASE_LANGUAGE).glob("*.md")}
    return missing & base


def languages(roots: list[LibraryRoot]) -> list[str]:
    """Every language with sections (`content/<lang>/*.md`) in some root."""
    from handouts.library.languages import available_languages

    return available_languages([root.path for root in roots])


def check_language(roots: list[LibraryRoot], lang: str) -> None:
    """Raise RequestError when no root has content in `lang` (see languages.check_language)."""
    check_language_of([root.path for root in roots], lang, "lang")


def display_path(path: Path, root: LibraryRoot) -> str:
    """A path as shown in messages: relative to its library root."""
    try:
        return path.relative_to(root.path).as_posix()
    except ValueError:
        return str(path)


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """Split '---' front matter from a body; return (front, body, body's first line)."""
    lines = text.lstrip("\ufeff").split("\n")
    if not lines or lines[0].strip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            front = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1 :])
            return front, body, index + 2
    return None


def read_section(path: Path, root: LibraryRoot) -> tuple[Section | None, list[Problem]]:
    """Read and validate one section file."""
    where = display_path(path, root)
    check = Checker(where)
    text = _read_text(path, check, root)
    if text is None:
        return None, check.problems
    parts = split_front_matter(text)
    if parts is None:
        check.add(1, None, 'must start with a "---" line, then YAML front matter, then "---"')
        return None, check.problems
    front, body, body_line = parts
    data = _yaml_mapping(check, front, 2)
    if data is None:
        return None, check.problems
    check.known_keys(data, SECTION_KEYS)
    section_id = _checked_id(check, data, path)
    title = check.text(data, "title")
    category = check.text(data, "category")
    if category and category not in CATEGORIES:
        hint = did_you_mean(category, CATEGORIES)
        check.add(
            data.line_of("category"),
            "category",
            f'"{category}" is not a category{hint}; use one of {", ".join(CATEGORIES)}',
        )
    summary = check.text(data, "summary")
    key_point = check.text(data, "key_point", required=False)
    key_point_line = data.line_of("key_point") if key_point else 0
    params, param_names = _read_params(check, data)
    ranges = read_ranges(check, data, params, param_names)
    sources = _read_sources(check, data)
    known = param_names | CONTEXT_NAMES
    check.problems += check_source(body, where, body_line, "body", known)
    if key_point:
        check.problems += check_source(key_point, where, key_point_line, "key_point", known)
    if check.problems:
        return None, check.problems
    section = Section(
        id=section_id,
        title=title,
        category=category,
        summary=summary,
        params=params,
        sources=sources,
        body=body,
        path=where,
        body_line=body_line,
        origin=root.origin,
        key_point=key_point,
        key_point_line=key_point_line,
        ranges=ranges,
    )
    return section, []


def read_template(path: Path, root: LibraryRoot) -> tuple[Template | None, list[Problem]]:
    """Read and validate one template file (references are checked later)."""
    where = display_path(path, root)
    check = Checker(where)
    text = _read_text(path, check, root)
    if text is None:
        return None, check.problems
    data = _yaml_mapping(check, text, 1)
    if data is None:
        return None, check.problems
    extends = "extends" in data
    check.known_keys(data, TEMPLATE_KEYS + EXTENDS_KEYS if extends else TEMPLATE_KEYS)
    template_id = _checked_id(check, data, path)
    title = check.text(data, "title", required=not extends)
    subtitle = check.text(data, "subtitle", required=False)
    intro = check.text(data, "intro", required=False)
    intro_line = data.line_of("intro") + (1 if intro and "\n" in str(data.get("intro")) else 0)
    check.problems += check_source(intro, where, intro_line, "intro", CONTEXT_NAMES)
    entries = (
        read_entries(check, data, "sections", required=True)
        if "sections" in data or not extends
        else []
    )
    changes = read_changes(check, data) if extends else None
    optional = [name for name, _ in check.text_list(data, "optional")]
    notes_box = check.flag(data, "notes_box", default=True)
    tracker = check.flag(data, "tracker", default=True)
    treatment = _checked_treatment(check, data)
    if check.problems:
        return None, check.problems
    template = Template(
        id=template_id,
        title=title,
        subtitle=subtitle,
        intro=intro,
        entries=tuple(entries),
        optional=tuple(optional),
        notes_box=notes_box,
        tracker=tracker,
        path=where,
        intro_line=intro_line,
        origin=root.origin,
        changes=changes,
        treatment=treatment,
    )
    return template, []


def _checked_treatment(check: Checker, data: Located) -> str:
    """The template's `treatment:`, one of TREATMENTS, or "" when not given."""
    treatment = check.text(data, "treatment", required=False)
    if treatment and treatment not in TREATMENTS:
        hint = did_you_mean(treatment, TREATMENTS)
        check.add(
            data.line_of("treatment"),
            "treatment",
            f'unknown treatment "{treatment}"{hint}; use one of {", ".join(TREATMENTS)}',
        )
    return treatment


def check_template_references(
    template: Template, library: Library, broken: Collection[str] = frozenset()
) -> list[Problem]:
    """Every section a template names exists, and its param overrides fit.

    Sections whose own file failed (`broken`) are not reported again here.
    """
    check = Checker(template.path)
    seen: set[str] = set()
    for index, entry in enumerate(template.entries):
        field = f"sections[{index + 1}]"
        section = library.sections.get(entry.section_id)
        if section is None and entry.section_id in broken:
            continue
        if section is None:
            hint = did_you_mean(entry.section_id, library.sections)
            check.add(entry.line, field, f'no section "{entry.section_id}"{hint}')
            continue
        if entry.section_id in seen:
            check.add(entry.line, field, f'"{entry.section_id}" is listed twice')
        seen.add(entry.section_id)
        checked: dict[str, Any] = {}
        for name, value in entry.params.items():
            line = entry.params.line_of(name) if isinstance(entry.params, Located) else entry.line
            spec = section.params.get(name)
            if spec is None:
                hint = did_you_mean(name, section.params) or (
                    f"; {section.id} has " + (", ".join(section.params) or "no params")
                )
                check.add(line, f"{field}.params.{name}", f"unknown param{hint}")
                continue
            try:
                checked[name] = spec.convert(value)
            except ParamValueError as exc:
                check.add(line, f"{field}.params.{name}", str(exc))
        for name, why in override_problems(section.ranges, section.defaults(), checked):
            line = entry.params.line_of(name) if isinstance(entry.params, Located) else entry.line
            check.add(line, f"{field}.params.{name}", why)
    data_line = template.entries[0].line if template.entries else 1
    for name in template.optional:
        if name not in library.sections:
            hint = did_you_mean(name, library.sections)
            check.add(data_line, "optional", f'no section "{name}"{hint}')
        elif name in seen:
            check.add(data_line, "optional", f'"{name}" is already one of the sections')
    return check.problems


def _yaml_mapping(check: Checker, text: str, first_line: int) -> Located | None:
    """Parse YAML that must be a mapping; record problems in `check` and return None if not."""
    data, problems = load_yaml(text, check.where, first_line=first_line)
    if problems:
        check.problems += problems
        return None
    return check.mapping(data, first_line, None)


def _read_text(path: Path, check: Checker, root: LibraryRoot) -> str | None:
    """The file's text; a problem when it is not a regular UTF-8 file inside its root."""
    from handouts.files import FileRefused, read_text

    try:
        return read_text(path, root=root.path)
    except FileRefused as exc:
        check.add(None, None, exc.reason)
    return None


def _checked_id(check: Checker, data: Located, path: Path) -> str:
    value = check.text(data, "id")
    if value and not ID_PATTERN.match(value):
        check.add(data.line_of("id"), "id", f'"{value}" must be lowercase words joined by "-"')
    elif value and value != path.stem:
        check.add(data.line_of("id"), "id", f'"{value}" must match the file name "{path.stem}"')
    return value


def _read_params(check: Checker, data: Located) -> tuple[dict[str, ParamSpec], set[str]]:
    """The valid param specs, and every name given (so a bad spec is not reported twice)."""
    raw = data.get("params")
    if raw is None:
        return {}, set()
    params_map = check.mapping(raw, data.line_of("params"), "params")
    if params_map is None:
        return {}, set()
    specs = {}
    for name, body in params_map.items():
        field = f"params.{name}"
        line = params_map.line_of(name)
        if not isinstance(name, str) or not PARAM_NAME_PATTERN.match(name):
            check.add(line, field, "a param name must be lowercase letters, digits and _")
            continue
        body = check.mapping(body, line, field)
        if body is not None:
            spec = _read_param(check, name, body, field)
            if spec:
                specs[name] = spec
    return specs, {str(name) for name in params_map}


def _read_param(check: Checker, name: str, body: Located, field: str) -> ParamSpec | None:
    before = len(check.problems)
    check.known_keys(body, PARAM_KEYS, prefix=f"{field}.")
    kind = check.text(body, "type", prefix=f"{field}.")
    if kind and kind not in PARAM_TYPES:
        hint = did_you_mean(kind, PARAM_TYPES)
        check.add(
            body.line_of("type"),
            f"{field}.type",
            f'unknown type "{kind}"{hint}; use one of {", ".join(PARAM_TYPES)}',
        )
    label = check.text(body, "label", prefix=f"{field}.")
    unit = check.text(body, "unit", prefix=f"{field}.", required=False)
    minimum = check.number(body, "min", prefix=f"{field}.")
    maximum = check.number(body, "max", prefix=f"{field}.")
    if (minimum is not None or maximum is not None) and kind not in ("integer", "number"):
        check.add(body.line, field, "min and max only fit integer and number params")
    if minimum is not None and maximum is not None and minimum > maximum:
        check.add(body.line_of("max"), f"{field}.max", f"must not be below min ({minimum})")
    choices = [item for item, _ in check.text_list(body, "choices", prefix=f"{field}.")]
    if kind in ("choice", "list") and not choices:
        check.add(body.line, f"{field}.choices", f"a {kind} param needs a list of choices")
    if "default" not in body:
        check.add(body.line, f"{field}.default", "is required")
    if len(check.problems) > before:
        return None
    spec = ParamSpec(name, kind, None, label, minimum, maximum, tuple(choices), unit)
    try:
        default = spec.convert(body["default"])
    except ParamValueError as exc:
        check.add(body.line_of("default"), f"{field}.default", str(exc))
        return None
    return ParamSpec(name, kind, default, label, minimum, maximum, tuple(choices), unit)


def _read_sources(check: Checker, data: Located) -> tuple[SourceRef, ...]:
    raw = data.get("sources")
    if raw is None:
        return ()
    if not isinstance(raw, list):
        check.add(data.line_of("sources"), "sources", f"expected a list, got {describe(raw)}")
        return ()
    refs = []
    for index, item in enumerate(raw):
        field = f"sources[{index + 1}]"
        entry = check.mapping(item, item_line(raw, index, data.line_of("sources")), field)
        if entry is None:
            continue
        check.known_keys(entry, ("title", "author"), prefix=f"{field}.")
        title = check.text(entry, "title", prefix=f"{field}.")
        author = check.text(entry, "author", prefix=f"{field}.", required=False)
        refs.append(SourceRef(title, author))
    return tuple(refs)
