"""The library's words as plain data: sections, templates and the library holding them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from handouts.library.params import ParamRange, ParamSpec

# What a section is about; listings group by it, and the layout treats some kinds alike.
CATEGORIES = (
    "after-treatment", "education", "exercise", "footwear",
    "massage", "plan", "safety", "self-care",
)  # fmt: skip
SAFETY_CATEGORY = "safety"

# What a template's sheet follows (its `treatment:`); sections read it as `treatment`, e.g. to
# print needle-site warning signs only after needling. "" means not given: print every sign.
TREATMENTS = ("acupuncture", "dry-needling", "massage", "self-care")


@dataclass(frozen=True)
class SourceRef:
    """An article a section's facts come from."""

    title: str
    author: str = ""


@dataclass(frozen=True)
class Section:
    """One unit of advice: front matter plus a Markdown body with Jinja2 placeholders."""

    id: str
    title: str
    category: str
    summary: str
    params: dict[str, ParamSpec]
    sources: tuple[SourceRef, ...]
    body: str
    path: str
    body_line: int
    origin: str = "built-in"
    key_point: str = ""
    key_point_line: int = 0
    ranges: tuple[ParamRange, ...] = ()  # number params that form a range (low, high)

    def defaults(self) -> dict[str, Any]:
        """Every param at its default value."""
        return {name: spec.default for name, spec in self.params.items()}


@dataclass(frozen=True)
class TemplateEntry:
    """A section in a template's ordered list, with any param overrides."""

    section_id: str
    params: dict[str, Any]
    line: int


@dataclass(frozen=True)
class TemplateChanges:
    """What a template that `extends:` another changes: sections added, dropped, re-valued."""

    base: str
    line: int
    given: frozenset[str]
    add: tuple[TemplateEntry, ...] = ()
    drop: tuple[tuple[str, int], ...] = ()
    params: tuple[TemplateEntry, ...] = ()


@dataclass(frozen=True)
class Template:
    """A handout recipe: title, intro, ordered sections, optional extras."""

    id: str
    title: str
    subtitle: str
    intro: str
    entries: tuple[TemplateEntry, ...]
    optional: tuple[str, ...]
    notes_box: bool
    path: str
    intro_line: int
    origin: str = "built-in"
    changes: TemplateChanges | None = None
    tracker: bool = True
    treatment: str = ""

    def section_ids(self) -> list[str]:
        """Ids of the standard sections, in order."""
        return [entry.section_id for entry in self.entries]


@dataclass
class Library:
    """Every section and template available, after layering and validation."""

    sections: dict[str, Section] = field(default_factory=dict)
    templates: dict[str, Template] = field(default_factory=dict)
    roots: tuple[Path, ...] = ()

    def insert_point(self, section_ids: list[str]) -> int:
        """Where an added section goes: before the closing safety sections, so they stay last."""
        point = len(section_ids)
        while point > 0:
            section = self.sections.get(section_ids[point - 1])
            if section is None or section.category != SAFETY_CATEGORY:
                break
            point -= 1
        return point
