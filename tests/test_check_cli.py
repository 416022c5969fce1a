"""`handouts check`: findings for the library, a table or JSON, and the exit code."""

from __future__ import annotations

import json

import pytest

import handouts.check
from handouts.check.findings import Finding
from handouts.errors import Problem
from handouts.library.loader import builtin_root
from tests.helpers import pdf_text, write_tree

SECTION = """
---
id: ice-use
title: Using ice
category: self-care
summary: Cool a sore spot.
params:
  minutes:
    type: integer
    default: 10
    min: 5
    max: 20
    unit: minutes
    label: Minutes of ice
---
Hold the ice pack on the sore spot for {{ minutes }} minutes. Then take it off.
"""

TEMPLATE = """
id: ice-sheet
title: Ice at home
sections:
  - ice-use
  - when-to-call
"""

HARD_WORDS = (
    "Intermittent cryotherapeutic applications demonstrably attenuate inflammatory "
    "nociceptive signalling, consequently facilitating musculoskeletal rehabilitation "
    "notwithstanding considerable interindividual physiological variability."
)


def workspace(tmp_path, files: dict[str, str]):
    return write_tree(tmp_path / "clinic", files)


def lines_of(result) -> list[str]:
    """Output lines with runs of spaces folded, so column widths do not matter."""
    return [" ".join(line.split()) for line in result.output.strip().splitlines()]


def test_the_builtin_library_passes_strict(run):
    result = run("check", "--strict")
    assert result.exit_code == 0, result.output
    assert "passed: 0 errors, 0 warnings" in result.output


def test_json_output_for_scripts(run):
    result = run("check", "--format", "json")
    assert result.exit_code == 0
    report = json.loads(result.output)
    assert report["ok"] is True
    assert report["counts"]["error"] == 0


def test_json_findings_carry_their_place(run, tmp_path):
    hard = SECTION.replace("Hold the ice pack", HARD_WORDS + " Hold the ice pack")
    root = workspace(
        tmp_path, {"content/en/ice-use.md": hard, "templates/ice-sheet.yaml": TEMPLATE}
    )
    report = json.loads(run("check", "--format", "json", str(root)).output)
    assert report["findings"], "a hard section must give at least one finding"
    for finding in report["findings"]:
        assert set(finding) >= {"level", "check", "where", "line", "field", "message"}
    assert any(f["where"].endswith("ice-use.md") for f in report["findings"])


def test_a_good_workspace_passes(run, tmp_path):
    root = workspace(
        tmp_path, {"content/en/ice-use.md": SECTION, "templates/ice-sheet.yaml": TEMPLATE}
    )
    result = run("check", "--strict", str(root))
    assert result.exit_code == 0, result.output


def test_an_invalid_file_is_an_error_with_its_location(run, tmp_path):
    root = workspace(
        tmp_path,
        {
            "content/en/ice-use.md": SECTION.replace("max: 20", "max: lots"),
            "templates/ice-sheet.yaml": TEMPLATE,
        },
    )
    result = run("check", str(root))
    assert result.exit_code == 3
    assert (
        'error files content/en/ice-use.md:11: params.minutes.max: expected a number, got "lots"'
        in lines_of(result)
    )
    assert "FAILED: 1 errors" in result.output


def test_a_template_that_fails_at_a_param_extreme_is_an_error(run, tmp_path):
    body = "Rest {{ 60 // (minutes - 5) }} times."
    root = workspace(
        tmp_path,
        {
            "content/en/ice-use.md": SECTION.replace(
                "Hold the ice pack on the sore spot for {{ minutes }} minutes. Then take it off.",
                body,
            ),
            "templates/ice-sheet.yaml": TEMPLATE,
        },
    )
    result = run("check", "--format", "json", str(root))
    assert result.exit_code == 3
    errors = [f for f in json.loads(result.output)["findings"] if f["level"] == "error"]
    assert errors
    assert {(f["check"], f["where"], f["line"], f["field"]) for f in errors} == {
        ("render", "content/en/ice-use.md", 15, "body")
    }
    assert "division or modulo by zero" in errors[0]["message"]


def test_the_same_mistake_in_render_is_a_located_library_error(run, tmp_path, monkeypatch):
    from handouts.library.loader import LibraryRoot

    root = workspace(
        tmp_path,
        {
            "content/en/ice-use.md": SECTION.replace("{{ minutes }}", "{{ 60 // (minutes - 5) }}"),
            "templates/ice-sheet.yaml": TEMPLATE.replace("  - when-to-call\n", ""),
        },
    )
    monkeypatch.setattr("handouts.workspace.folder.builtin_root", lambda: LibraryRoot(root, "test"))
    target = tmp_path / "out.pdf"
    result = run("render", "ice-sheet", "--set", "ice-use.minutes=5", "-o", str(target))
    assert result.exit_code == 3
    assert result.stderr.strip() == (
        "error: content/en/ice-use.md:15: body: template: integer division or modulo by zero"
    )
    assert not target.exists()


def test_hard_prose_is_a_warning_that_fails_only_with_strict(run, tmp_path):
    root = workspace(
        tmp_path,
        {
            "content/en/ice-use.md": SECTION + f"\n{HARD_WORDS}\n",
            "templates/ice-sheet.yaml": TEMPLATE,
        },
    )
    relaxed = run("check", str(root))
    assert relaxed.exit_code == 0, relaxed.output
    (line,) = [x for x in lines_of(relaxed) if x.startswith("warning")]
    assert "readability content/en/ice-use.md:15: body: reads at Flesch-Kincaid grade" in line
    assert "aim for 6 or below" in line
    strict = run("check", "--strict", str(root))
    assert strict.exit_code == 3
    assert "FAILED: 0 errors, 1 warnings" in strict.output


def test_files_the_loader_never_reads_are_reported(run, tmp_path):
    root = workspace(
        tmp_path,
        {
            "templates/ice-sheet.txt": TEMPLATE,
            "content/ice-use.md": SECTION,
            "content/en/.gitkeep": "",
        },
    )
    result = run("check", str(root))
    warnings = [x for x in lines_of(result) if x.startswith("warning")]
    assert len(warnings) == 2, result.output
    assert any(
        "templates/ice-sheet.txt: is never read; a template must be saved as "
        "templates/ice-sheet.yaml" in x
        for x in warnings
    )
    assert any(
        "content/ice-use.md: is never read; a section must be saved as" in x for x in warnings
    )


def test_a_yml_template_is_read_like_a_yaml_one(run, tmp_path):
    root = workspace(
        tmp_path, {"templates/ice-sheet.yml": TEMPLATE, "content/en/ice-use.md": SECTION}
    )
    assert run("check", "--strict", str(root)).exit_code == 0
    out = tmp_path / "ice.pdf"
    result = run("render", "ice-sheet", "--workspace", str(root), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "Using ice" in pdf_text(out)


def test_an_unknown_category_is_a_located_error(run, tmp_path):
    section = SECTION.replace("category: self-care", "category: selfcare")
    root = workspace(tmp_path, {"content/en/ice-use.md": section})
    result = run("check", str(root))
    assert result.exit_code == 3
    assert (
        'content/en/ice-use.md:4: category: "selfcare" is not a category '
        '(did you mean "self-care"?)' in result.output
    )


def test_a_tab_indented_yaml_file_is_a_located_error_in_our_words(run, tmp_path):
    root = workspace(
        tmp_path, {"templates/ice-sheet.yaml": TEMPLATE.replace("  - ice-use", "\t- ice-use")}
    )
    result = run("check", str(root))
    assert result.exit_code == 3
    assert "templates/ice-sheet.yaml:4: YAML: a tab is used to indent this line" in result.output


def test_overrides_that_change_nothing_or_are_shadowed_are_reported(run, tmp_path):
    builtin_heat = (builtin_root().path / "content/en/heat-use.md").read_text()
    first = write_tree(tmp_path / "first", {"content/en/ice-use.md": SECTION})
    second = write_tree(
        tmp_path / "second",
        {
            "content/en/ice-use.md": SECTION.replace("Using ice", "Ice"),
            "content/en/heat-use.md": builtin_heat,
        },
    )
    (second / "content/en/heat-use.md").write_text(builtin_heat)
    result = run("check", "--format", "json", str(first), str(second))
    found = {
        (f["level"], f["where"], f["message"].split(";")[0])
        for f in json.loads(result.output)["findings"]
    }
    assert (
        "warning",
        f"{second.as_posix()}/content/en/ice-use.md",
        f"is never used: {first.as_posix()}/content/en/ice-use.md defines the same section and "
        "comes first",
    ) in found
    assert (
        "warning",
        f"{second.as_posix()}/content/en/heat-use.md",
        "is the same as content/en/heat-use.md, so it changes nothing",
    ) in found
    assert (
        "info",
        "content/en/ice-use.md",
        "no template lists this section",
    ) in found


def test_an_override_of_a_builtin_section_is_noted(run, tmp_path):
    builtin_heat = (builtin_root().path / "content/en/heat-use.md").read_text()
    root = workspace(tmp_path, {"content/en/heat-use.md": builtin_heat.replace("moist", "wet")})
    (root / "content/en/heat-use.md").write_text(builtin_heat.replace("moist", "wet"))
    result = run("check", "--strict", str(root))
    assert result.exit_code == 0, result.output
    assert (
        f"{root.as_posix()}/content/en/heat-use.md: replaces the built-in section en/heat-use"
        in (result.output)
    )


def test_a_plugged_in_check_adds_its_findings(run, monkeypatch):
    def brand(context):
        yield Finding("error", "brand", Problem("clinic.yaml", "colour contrast 2.1:1", line=4))

    monkeypatch.setattr(handouts.check, "CHECKS", (*handouts.check.CHECKS, brand))
    result = run("check")
    assert result.exit_code == 3
    assert "error brand clinic.yaml:4: colour contrast 2.1:1" in lines_of(result)


@pytest.mark.parametrize("args", [["--format", "xml"], ["/no/such/folder"]])
def test_bad_check_options_are_usage_errors(run, args):
    assert run("check", *args).exit_code == 2


def test_a_workspace_brand_with_a_pale_colour_is_an_error(run, tmp_path):
    workspace = write_tree(tmp_path / "ws", {"clinic.yaml": 'colours:\n  primary: "#AACCEE"\n'})
    result = run("check", "--workspace", str(workspace))
    assert result.exit_code == 3
    line = next(x for x in result.output.splitlines() if x.startswith("error"))
    assert line.split()[:2] == ["error", "brand"]
    assert 'clinic.yaml:2: colours.primary: "#AACCEE" has a contrast of 1.67:1' in line


def test_a_character_no_font_draws_is_found_before_any_handout(run, tmp_path):
    section = (
        "---\nid: greeting\ntitle: Greeting\ncategory: self-care\nsummary: Hello.\n---\n"
        "Welcome, 王小明. Stretch each day.\n"
    )
    workspace = write_tree(
        tmp_path / "ws", {"clinic.yaml": "name: Test\n", "content/en/greeting.md": section}
    )
    result = run("check", "--workspace", str(workspace))
    assert result.exit_code == 3
    line = next(x for x in result.output.splitlines() if x.startswith("error"))
    assert "fonts" in line and "content/en/greeting.md" in line
    assert '"王" (U+738B)' in line


def test_a_folder_with_a_clinic_file_is_checked_as_a_workspace(run, tmp_path):
    workspace = write_tree(tmp_path / "ws", {"clinic.yaml": "colours:\n  accent: '#FFFF00'\n"})
    result = run("check", str(workspace))
    assert result.exit_code == 3
    assert "colours.accent" in result.output
