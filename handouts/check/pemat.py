"""A PEMAT-P self-check: each template, as printed with its defaults, scored against the items
of the Patient Education Materials Assessment Tool (print) that a program can judge.

Shoemaker, Wolf & Brach (2014), PEMAT and User's Guide, AHRQ Publication 14-0002-EF. A
material is understandable or actionable at 70% or more of the items rated. Items that need a
reader's judgement (purpose, everyday words, logical order, ...) are listed as not judged,
never guessed. Each item is one function reading the filled `Document`: its text through the
same walk the font check uses (`pdf.coverage.printed_texts`), its blocks through
`document.walk`. Pictures and trackers count when the document has them (`Figure` blocks, a
card's figure, a tracker), so the score rises as the layout draws them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from handouts import document as doc
from handouts.check.findings import CheckContext, Finding
from handouts.errors import HandoutsError, Problem
from handouts.library.model import Library, Template
from handouts.library.strings import Strings
from handouts.workspace.clinic import Clinic

CHECK = "pemat"
CUT_OFF = 70  # percent: PEMAT's usual line for understandable / actionable
CHUNK_WORDS = 150  # prose between two headings, at most
SPEAKING_SHARE = 0.75  # of sections that say "you"
CHECK_DATE = dt.date(2026, 12, 31)

SECOND_PERSON = {
    "en": r"\b(you|your|yours|yourself)\b",
    "es": r"\b(usted|ustedes|su|sus|tú|tu|tus|te|ti|contigo)\b",
    "fr": r"\b(vous|votre|vos|tu|ton|ta|tes|te|toi)\b",
}
CALCULATION = {
    "en": r"\b(add up|multiply|divide|subtract|calculate|work out how)\b",
    "es": r"\b(sume|multiplique|divida|reste|calcule)\b",
    "fr": r"\b(additionnez|multipliez|divisez|soustrayez|calculez)\b",
}
ARITHMETIC = r"\d\s*[+\u00f7]\s*\d|\d\s*=\s*\d"  # a sum written out: 3 + 3, 6 = 2
SUMMARY_WORDS = {
    "en": r"\b(summary|key points|main points|in short|at a glance)\b",
    "es": r"\b(resumen|puntos clave|en breve|de un vistazo|lo más importante)\b",
    "fr": r"(\brésumé\b|\ben bref\b|l'essentiel|points clés|coup d'œil|à retenir)",
}
GENERIC_HEADINGS = {
    "notes", "note", "information", "informations", "info", "details", "détails",
    "detalles", "misc", "miscellaneous", "divers", "other", "others", "otros", "autres",
    "more", "más", "plus", "general", "général", "untitled", "section", "sección", "part",
    "parte", "partie", "notas", "información",
}  # fmt: skip


@dataclass(frozen=True)
class Sheet:
    """A filled document and its language: what every item reads."""

    document: doc.Document
    lang: str
    texts: tuple[tuple[str, str], ...]  # (where, text) the patient reads, in printed order

    def blocks(self) -> Iterator[doc.Block]:
        """Every block of the intro and the sections, nested ones included."""
        yield from doc.walk(self.document.intro)
        for section in self.sections():
            yield from doc.walk(section.blocks)

    def sections(self) -> list[doc.DocSection]:
        """The sections, with the warning panel when the layout has one."""
        warning = getattr(self.document, "warning", None)
        return [*self.document.sections, *([warning] if warning else [])]

    def pattern(self, table: dict[str, str]) -> re.Pattern[str]:
        """The pattern of this language (English when it has none)."""
        return re.compile(table.get(self.lang, table["en"]), re.IGNORECASE)


def prose_by_section(sheet: Sheet) -> dict[str, str]:
    """The printed text of each section (by `printed_texts` place), titles included."""
    found: dict[str, str] = {}
    for where, text in sheet.texts:
        if where.startswith("section ") and ":" not in where:
            found[where] = f"{found.get(where, '')} {text}"
    return found


def summary(sheet: Sheet) -> bool:
    """11: a summary: key points per section (the plan at a glance), or a section or
    heading that says it sums up."""
    if any(getattr(section, "key_point", ()) for section in sheet.sections()):
        return True
    words = sheet.pattern(SUMMARY_WORDS)
    headings = [section.title for section in sheet.sections()]
    headings += [doc.plain_text(b.spans) for b in sheet.blocks() if isinstance(b, doc.Heading)]
    return any(words.search(heading) for heading in headings)


def informative_headings(sheet: Sheet) -> bool:
    """9: every section title has two words or more, and no heading (sub-heading, card
    title) is a generic label ("Notes", "Information", "Other", "Part 2")."""
    titles = [section.title for section in sheet.sections()]
    if any(len(title.split()) < 2 for title in titles):
        return False
    return not any(_generic(heading) for heading in titles + _subheadings(sheet))


def _subheadings(sheet: Sheet) -> list[str]:
    found = []
    for block in sheet.blocks():
        title = getattr(block, "title", None)  # an exercise card's
        if isinstance(block, doc.Heading):
            found.append(doc.plain_text(block.spans))
        elif isinstance(title, tuple):
            found.append(doc.plain_text(title))
    return found


def _generic(heading: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_]+", heading.lower()) if w]
    return not words or (len(words) == 1 and words[0] in GENERIC_HEADINGS)


def numbered_steps(sheet: Sheet) -> bool:
    """22: actions are broken into explicit steps: at least one numbered list of two or
    more steps."""
    return any(
        isinstance(block, doc.ListBlock) and block.ordered and len(block.items) >= 2
        for block in sheet.blocks()
    )


def second_person(sheet: Sheet) -> bool:
    """21: the sheet talks to the reader ("you", "usted", "vous") in at least three
    sections of four (Spanish often does so by the verb alone, which is not counted)."""
    you = sheet.pattern(SECOND_PERSON)
    texts = list(prose_by_section(sheet).values())
    speaking = sum(1 for text in texts if you.search(text))
    return bool(texts) and speaking >= SPEAKING_SHARE * len(texts)


def no_calculations(sheet: Sheet) -> bool:
    """7: the reader is never asked to calculate: no sums written out ("3 x 20") and no
    words asking for one ("add up", "multiply")."""
    words = sheet.pattern(CALCULATION)
    sums = re.compile(ARITHMETIC)
    return not any(words.search(text) or sums.search(text) for _, text in sheet.texts)


def chunked(sheet: Sheet) -> bool:
    """8: information comes in short chunks: no more than CHUNK_WORDS words of text
    between two headings (a section title or a card counts as one)."""
    return all(
        words <= CHUNK_WORDS for section in sheet.sections() for words in _chunks(section.blocks)
    )


def _chunks(blocks: Iterable[doc.Block]) -> Iterator[int]:
    """Words in each run of blocks between headings; a card's blocks are runs of their own."""
    words = 0
    for block in blocks:
        if isinstance(block, doc.Heading):
            yield words
            words = 0
        elif type(block).__name__ == "Card":
            yield from _chunks(getattr(block, "blocks", ()))
        else:
            words += len(_block_words(block))
    yield words


def _block_words(block: doc.Block) -> list[str]:
    from handouts.pdf.coverage import block_text

    return block_text(block).split()


def pictures(sheet: Sheet) -> bool:
    """15 and 17: the sheet has pictures, and every picture has a caption."""
    figures = list(_figures(sheet.blocks()))
    return bool(figures) and all(str(getattr(f, "caption", "")).strip() for f in figures)


def _figures(blocks: Iterable[doc.Block]) -> Iterator[object]:
    for block in blocks:
        if type(block).__name__ == "Figure":
            yield block
        figure = getattr(block, "figure", None)
        if figure is not None:
            yield figure


def tracker(sheet: Sheet) -> bool:
    """23: a tangible tool: a tracker to tick (the layout's week grid or a tracker block)
    or a checklist ("[ ]" or "☐" items)."""
    if getattr(sheet.document, "tracker", None):
        return True
    for block in sheet.blocks():
        if type(block).__name__ in ("Tracker", "Checklist"):
            return True
        if isinstance(block, doc.ListBlock) and any(_box(item) for item in block.items):
            return True
    return False


def _box(item: tuple[doc.Block, ...]) -> bool:
    first = item[0] if item else None
    if not isinstance(first, doc.Paragraph):
        return False
    return doc.plain_text(first.spans).lstrip().startswith(("[ ]", "\u2610", "\u25a1"))


@dataclass(frozen=True)
class Item:
    """A PEMAT-P item (by its number in the tool) and the function that judges it."""

    number: str
    name: str
    judge: Callable[[Sheet], bool]


JUDGED: tuple[Item, ...] = (
    Item("7", "no calculations", no_calculations),
    Item("8", "short chunks", chunked),
    Item("9", "informative headings", informative_headings),
    Item("11", "summary", summary),
    Item("15, 17", "pictures with captions", pictures),
    Item("21", "speaks to the reader", second_person),
    Item("22", "numbered steps", numbered_steps),
    Item("23", "tracker or checklist", tracker),
)
NOT_JUDGED: tuple[tuple[str, str], ...] = (
    ("1", "purpose evident"),
    ("2", "nothing distracting"),
    ("3", "everyday language"),
    ("4", "medical terms defined"),
    ("5", "active voice"),
    ("6", "numbers clear"),
    ("10", "logical order"),
    ("12", "visual cues"),
    ("16", "pictures reinforce"),
    ("18", "pictures clear"),
    ("19", "simple tables"),
    ("20", "an action named"),
    ("24", "how to calculate"),
    ("25", "how to use charts"),
    ("26", "pictures for action"),
)


@dataclass(frozen=True)
class Score:
    """Which judged items a sheet passes."""

    passed: tuple[Item, ...]
    failed: tuple[Item, ...]

    @property
    def percent(self) -> int:
        """Passed items as a whole percent of the items judged."""
        return round(100 * len(self.passed) / (len(self.passed) + len(self.failed)))


def score(sheet: Sheet) -> Score:
    """Judge every item of JUDGED on one sheet."""
    results = [(item, item.judge(sheet)) for item in JUDGED]
    return Score(
        tuple(item for item, ok in results if ok), tuple(item for item, ok in results if not ok)
    )


def sheet_for(template: Template, library: Library, clinic: Clinic, lang: str) -> Sheet:
    """The template filled with its defaults, as a Sheet; raise HandoutsError if it cannot."""
    from handouts.build.fill import fill_plan
    from handouts.build.markup import build_document
    from handouts.build.plan import make_plan
    from handouts.build.request import Request
    from handouts.pdf.coverage import printed_texts

    request = Request(template=template.id, date=CHECK_DATE, lang=lang)
    document = build_document(fill_plan(make_plan(request, library), clinic))
    texts = tuple(
        (where, text)
        for where, text in printed_texts(document, Clinic(), Strings({}))
        if text and where.split()[0] in ("title", "subtitle", "intro", "section", "tracker")
    )
    return Sheet(document, lang, texts)


def pemat_check(context: CheckContext) -> Iterable[Finding]:
    """A note per template and language: its PEMAT-P score on the items judged and those
    it fails; then one note naming the items a program cannot judge."""
    for lang, library in sorted(context.libraries.items()):
        for template_id in sorted(library.templates):
            template = library.templates[template_id]
            try:
                result = score(sheet_for(template, library, context.clinic, lang))
            except HandoutsError:
                continue  # the render check reports templates that do not fill
            failed = ", ".join(f"{item.name} ({item.number})" for item in result.failed)
            message = (
                f"PEMAT-P {result.percent}% of the {len(JUDGED)} items judged "
                f"({CUT_OFF}% is the usual cut-off); fails: {failed or 'none'}"
            )
            yield Finding("info", CHECK, Problem(template.path, message))
    judged = ", ".join(f"{item.name} ({item.number})" for item in JUDGED)
    not_judged = ", ".join(f"{name} ({number})" for number, name in NOT_JUDGED)
    message = f"items judged: {judged}; a person must judge: {not_judged}"
    yield Finding("info", CHECK, Problem("PEMAT-P", message))
