"""`handouts check` scores each template on the PEMAT-P items a program can judge, per language,
and names the items only a person can judge."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from types import SimpleNamespace

import pytest

from handouts import document as doc
from handouts.check.pemat import JUDGED, NOT_JUDGED, Sheet, pictures, score, tracker
from tests.helpers import write_tree

STEPS = """
---
id: knee-moves
title: Gentle knee moves
category: exercise
summary: Two easy moves.
---
Do these moves on your bed when your knee feels stiff.

### Knee bend

1. Lie on your back.
2. Slide your heel toward you.
3. Slide it back.
"""

CHECKLIST = """
---
id: week-check
title: Your week at a glance
category: plan
summary: Tick what you did.
---
Tick each day you do your moves.

- [ ] Monday: you did your knee moves
- [ ] Tuesday: you did your knee moves
"""

TEMPLATE = """
id: moves-sheet
title: Knee moves at home
sections:
  - knee-moves
"""


def notes(run, root) -> dict[str, str]:
    result = run("check", "--format", "json", str(root))
    found = json.loads(result.output)["findings"]
    return {f["where"]: f["message"] for f in found if f["check"] == "pemat"}


def percent(message: str) -> int:
    return int(re.match(r"PEMAT-P (\d+)% of the 8 items judged", message).group(1))


def fails(message: str) -> str:
    return message.split("fails: ")[1]


def workspace(tmp_path, sections: dict[str, str], template: str = TEMPLATE):
    files = {f"content/en/{sid}.md": text for sid, text in sections.items()}
    return write_tree(tmp_path / "ws", {**files, "templates/moves-sheet.yaml": template})


def test_every_builtin_template_gets_a_score_in_every_language(run):
    result = run("check", "--format", "json")
    report = json.loads(result.output)
    pemat = [f for f in report["findings"] if f["check"] == "pemat"]
    assert all(f["level"] == "info" for f in pemat)
    scores = {f["where"]: f["message"] for f in pemat if f["where"].startswith("templates/")}
    templates = {"knee-acupuncture", "knee-dry-needling", "knee-muscle-balance",
                 "knee-natural-relief", "knee-self-massage"}  # fmt: skip
    for prefix in ("templates/", "templates/es/", "templates/fr/"):
        for template in templates:
            message = scores[f"{prefix}{template}.yaml"]
            assert 0 <= percent(message) <= 100
            for item in ("numbered steps", "informative headings", "no calculations"):
                assert item not in fails(message), (template, message)
            assert "speaks to the reader" not in fails(message), (template, message)
    (legend,) = [f["message"] for f in pemat if f["where"] == "PEMAT-P"]
    assert "a person must judge: purpose evident (1)" in legend
    assert "tracker or checklist (23)" in legend


def test_a_sheet_with_steps_but_no_summary_picture_or_tracker(run, tmp_path):
    root = workspace(tmp_path, {"knee-moves": STEPS})
    message = notes(run, root)["templates/moves-sheet.yaml"]
    assert percent(message) == 62
    assert fails(message) == (
        "summary (11), pictures with captions (15, 17), tracker or checklist (23)"
    )


def test_a_summary_and_a_checklist_raise_the_score(run, tmp_path):
    template = TEMPLATE + "  - week-check\n"
    root = workspace(tmp_path, {"knee-moves": STEPS, "week-check": CHECKLIST}, template)
    message = notes(run, root)["templates/moves-sheet.yaml"]
    assert percent(message) == 88
    assert fails(message) == "pictures with captions (15, 17)"


QUIET = (
    ("Do these moves on your bed when your knee feels stiff.", "These moves help."),
    ("Lie on your back.", "Lie down."),
    ("Slide your heel toward you.", "Slide the heel in."),
)


@pytest.mark.parametrize(
    ("changes", "failing"),
    [
        ((("1. Lie on your back.\n2. Slide", "- Lie on your back.\n- Slide"),), "numbered steps"),
        ((("title: Gentle knee moves", "title: Notes"),), "informative headings"),
        ((("### Knee bend", "### Information"),), "informative headings"),
        ((("Slide it back.", "Slide it back. Add up 10 + 10 for the total."),), "calculations"),
        ((("Do these moves", "Move slowly and with care. " * 30 + "Do these moves"),),
         "short chunks"),
        (QUIET, "speaks to the reader"),
    ],
)  # fmt: skip
def test_each_item_fails_on_its_own_mistake(run, tmp_path, changes, failing):
    section = STEPS
    for old, new in changes:
        assert old in section
        section = section.replace(old, new)
    root = workspace(tmp_path, {"knee-moves": section})
    message = notes(run, root)["templates/moves-sheet.yaml"]
    assert failing in fails(message)
    assert percent(message) == 50


def test_spanish_and_french_talk_to_the_reader_in_their_own_words(run, tmp_path):
    spanish = STEPS.replace("Do these moves on your bed when your knee feels stiff.",
                            "Haga estos movimientos en su cama.")  # fmt: skip
    spanish = spanish.replace("Lie on your back.", "Acuéstese.").replace("toward you", "")
    french = STEPS.replace("Do these moves on your bed when your knee feels stiff.",
                           "Faites ces mouvements sur votre lit.")  # fmt: skip
    french = french.replace("Lie on your back.", "Allongez-vous.").replace("toward you", "")
    root = write_tree(
        tmp_path / "ws",
        {
            "content/es/knee-moves.md": spanish,
            "content/fr/knee-moves.md": french,
            "templates/es/moves-sheet.yaml": TEMPLATE,
            "templates/fr/moves-sheet.yaml": TEMPLATE,
        },
    )
    found = notes(run, root)
    for lang in ("es", "fr"):
        assert "speaks to the reader" not in fails(found[f"templates/{lang}/moves-sheet.yaml"])


@dataclass(frozen=True)
class Figure:
    """What the figures branch adds to the document: a picture with its caption."""

    id: str
    caption: str


def sheet_of(blocks: tuple, **extra: object) -> Sheet:
    section = doc.DocSection("knee-moves", "Gentle knee moves", blocks)
    document = SimpleNamespace(intro=(), sections=(section,), **extra)
    return Sheet(document, "en", ())  # type: ignore[arg-type]


def test_pictures_count_when_the_document_has_figure_blocks_all_captioned():
    assert not pictures(sheet_of(()))
    assert pictures(sheet_of((Figure("calf", "Calf stretch against a wall"),)))
    assert not pictures(sheet_of((Figure("calf", "Calf stretch"), Figure("quad", " "))))
    boxed = doc.Callout("tip", (Figure("calf", "Calf stretch against a wall"),))
    assert pictures(sheet_of((boxed,)))


def test_a_tracker_on_the_document_counts_as_the_tangible_tool():
    assert not tracker(sheet_of(()))
    assert tracker(sheet_of((), tracker=SimpleNamespace(days=("Mon",), rows=("Walk",))))


def test_judged_and_not_judged_items_cover_pemat_p_without_overlap():
    judged = {n.strip() for item in JUDGED for n in item.number.split(",")}
    not_judged = {number for number, _ in NOT_JUDGED}
    assert not judged & not_judged
    assert judged | not_judged == {str(n) for n in range(1, 27)} - {"13", "14"}
    # nothing to read: no calculations, no long chunk and a good title; nothing else
    assert score(sheet_of(())).percent == 38
