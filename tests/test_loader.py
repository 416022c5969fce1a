"""Loading the library: every file validated, every problem located by file, line and field."""

from __future__ import annotations

import pytest

from handouts.errors import LibraryError, RequestError
from handouts.library.loader import LibraryRoot, load_library
from tests.helpers import write_tree

GOOD_SECTION = """
---
id: heat-use
title: Using heat
category: self-care
summary: Warm the muscles.
params:
  minutes:
    type: integer
    default: 15
    min: 5
    max: 30
    unit: minutes
    label: Minutes of heat
sources:
  - title: Some article
    author: Someone
---
Use heat for **{{ minutes }} minutes**.
"""

GOOD_TEMPLATE = """
id: basic
title: Basic sheet
intro: Hello {{ patient }}.
sections:
  - heat-use
"""


def load(tmp_path, files):
    write_tree(tmp_path, files)
    return load_library([LibraryRoot(tmp_path, "test")])


def errors_of(tmp_path, files) -> list[str]:
    with pytest.raises(LibraryError) as caught:
        load(tmp_path, files)
    return [str(problem) for problem in caught.value.problems]


def test_a_good_library_loads(tmp_path):
    library = load(
        tmp_path, {"content/en/heat-use.md": GOOD_SECTION, "templates/basic.yaml": GOOD_TEMPLATE}
    )
    section = library.sections["heat-use"]
    assert section.params["minutes"].default == 15
    assert section.body_line == 18
    assert library.templates["basic"].section_ids() == ["heat-use"]


def test_wrong_type_names_file_line_and_field_path(tmp_path):
    broken = GOOD_SECTION.replace("max: 30", 'max: "lots"')
    assert errors_of(tmp_path, {"content/en/heat-use.md": broken}) == [
        'content/en/heat-use.md:11: params.minutes.max: expected a number, got "lots"'
    ]


def test_every_problem_in_every_file_is_collected(tmp_path):
    broken = GOOD_SECTION.replace("max: 30", 'max: "lots"').replace("title: Using heat\n", "")
    other = GOOD_SECTION.replace("id: heat-use", "id: cold-use").replace(
        "default: 15", "default: 99"
    )
    problems = errors_of(
        tmp_path, {"content/en/heat-use.md": broken, "content/en/cold-use.md": other}
    )
    assert any(p.startswith("content/en/heat-use.md:2: title: is required") for p in problems)
    assert any("params.minutes.max" in p for p in problems)
    assert any(
        p.startswith(
            "content/en/cold-use.md:9: params.minutes.default: must be a whole "
            "number from 5 to 30 minutes (got 99)"
        )
        for p in problems
    )


def test_yaml_syntax_error_is_located(tmp_path):
    broken = GOOD_SECTION.replace("summary: Warm the muscles.", "summary: [unclosed")
    (problem,) = errors_of(tmp_path, {"content/en/heat-use.md": broken})
    assert problem.startswith("content/en/heat-use.md:")
    assert "YAML" in problem


def test_duplicate_key_is_an_error_not_an_overwrite(tmp_path):
    broken = GOOD_SECTION.replace(
        "summary: Warm the muscles.", "summary: Warm the muscles.\ntitle: Again"
    )
    (problem,) = errors_of(tmp_path, {"content/en/heat-use.md": broken})
    assert problem == (
        'content/en/heat-use.md:6: title: "title" is given twice '
        "(first on line 3); keep one of them"
    )


def test_unknown_key_suggests_the_near_one(tmp_path):
    broken = GOOD_SECTION.replace("summary:", "sumary:")
    problems = errors_of(tmp_path, {"content/en/heat-use.md": broken})
    assert any('sumary: unknown key (did you mean "summary"?)' in p for p in problems)


def test_python_object_tags_are_refused(tmp_path):
    broken = GOOD_SECTION.replace(
        "summary: Warm the muscles.", "summary: !!python/object/apply:os.system [echo hi]"
    )
    (problem,) = errors_of(tmp_path, {"content/en/heat-use.md": broken})
    assert problem.startswith("content/en/heat-use.md:5: YAML:")
    assert "python/object/apply:os.system' tags are not allowed" in problem


def test_missing_front_matter_is_reported(tmp_path):
    (problem,) = errors_of(tmp_path, {"content/en/heat-use.md": "Just text\n"})
    assert problem.startswith("content/en/heat-use.md:1:")


def test_jinja_syntax_error_in_body_gives_the_file_line(tmp_path):
    broken = GOOD_SECTION.replace("{{ minutes }}", "{{ minutes }")
    (problem,) = errors_of(tmp_path, {"content/en/heat-use.md": broken})
    assert problem.startswith("content/en/heat-use.md:18: body: template syntax")


def test_unknown_variable_in_body_is_caught_at_load(tmp_path):
    broken = GOOD_SECTION + "\nAlso {{ minuts }} more.\n"
    (problem,) = errors_of(tmp_path, {"content/en/heat-use.md": broken})
    assert problem.startswith('content/en/heat-use.md:20: body: "minuts" is not defined')


def test_template_naming_an_unknown_section_suggests_one(tmp_path):
    template = GOOD_TEMPLATE.replace("- heat-use", "- heat-uses")
    problems = errors_of(
        tmp_path, {"content/en/heat-use.md": GOOD_SECTION, "templates/basic.yaml": template}
    )
    assert problems == [
        'templates/basic.yaml:5: sections[1]: no section "heat-uses" (did you mean "heat-use"?)'
    ]


def test_template_param_override_is_checked(tmp_path):
    template = GOOD_TEMPLATE.replace("- heat-use", "- id: heat-use\n    params:\n      minutes: 90")
    problems = errors_of(
        tmp_path, {"content/en/heat-use.md": GOOD_SECTION, "templates/basic.yaml": template}
    )
    assert problems == [
        "templates/basic.yaml:7: sections[1].params.minutes: must be a whole "
        "number from 5 to 30 minutes (got 90)"
    ]


def test_broken_library_stops_the_cli_with_exit_3(tmp_path, run, monkeypatch):
    write_tree(
        tmp_path,
        {
            "content/en/heat-use.md": GOOD_SECTION.replace("max: 30", "max: x"),
            "templates/basic.yaml": GOOD_TEMPLATE,
        },
    )
    monkeypatch.setattr(
        "handouts.workspace.folder.builtin_root", lambda: LibraryRoot(tmp_path, "test")
    )
    result = run("render", "basic", "-o", str(tmp_path / "out.pdf"))
    assert result.exit_code == 3
    assert result.stderr.strip() == (
        'error: content/en/heat-use.md:11: params.minutes.max: expected a number, got "x"'
    )
    assert not (tmp_path / "out.pdf").exists()


def test_builtin_library_loads_clean():
    library = load_library()
    assert {
        "stretch-holds",
        "heat-use",
        "massage-techniques",
        "orthotics-advice",
        "soreness-after-needling",
    } <= set(library.sections)
    assert "knee-dry-needling" in library.templates


@pytest.mark.parametrize(
    ("summary", "message"),
    [
        ("!!int abc", "YAML: a value does not fit its !! tag"),
        ("!!float x", "YAML: a value does not fit its !! tag"),
        ("!!timestamp soon", "YAML: a value does not fit its !! tag"),
        ("!!int", "YAML: a value does not fit its !! tag"),
        ("[" * 3000 + "]" * 3000, "YAML: nested too deeply"),
    ],
)
def test_yaml_that_breaks_the_parser_is_a_located_error(tmp_path, summary, message):
    broken = GOOD_SECTION.replace("summary: Warm the muscles.", f"summary: {summary}")
    (problem,) = errors_of(tmp_path, {"content/en/heat-use.md": broken})
    assert problem.startswith("content/en/heat-use.md:")
    assert message in problem


def test_a_tag_mismatch_points_at_its_line(tmp_path):
    broken = GOOD_SECTION.replace("summary: Warm the muscles.", "summary: !!int abc")
    (problem,) = errors_of(tmp_path, {"content/en/heat-use.md": broken})
    assert problem.startswith("content/en/heat-use.md:5: ")


def test_missing_required_field_in_a_template(tmp_path):
    template = GOOD_TEMPLATE.replace("title: Basic sheet\n", "")
    problems = errors_of(
        tmp_path, {"content/en/heat-use.md": GOOD_SECTION, "templates/basic.yaml": template}
    )
    assert problems == ["templates/basic.yaml:1: title: is required (some text)"]


def test_unknown_key_in_a_template_suggests_the_near_one(tmp_path):
    template = GOOD_TEMPLATE + "note_box: true\n"
    problems = errors_of(
        tmp_path, {"content/en/heat-use.md": GOOD_SECTION, "templates/basic.yaml": template}
    )
    assert len(problems) == 1
    assert problems[0].startswith(
        'templates/basic.yaml:6: note_box: unknown key (did you mean "notes_box"?)'
    )


def test_undefined_variable_in_a_template_intro_is_located(tmp_path):
    template = GOOD_TEMPLATE.replace("Hello {{ patient }}.", "Hello {{ patiant }}.")
    problems = errors_of(
        tmp_path, {"content/en/heat-use.md": GOOD_SECTION, "templates/basic.yaml": template}
    )
    assert len(problems) == 1
    assert problems[0].startswith('templates/basic.yaml:3: intro: "patiant" is not defined')


def test_jinja_syntax_error_in_a_template_intro_is_located(tmp_path):
    template = GOOD_TEMPLATE.replace("Hello {{ patient }}.", "Hello {% if patient %}.")
    problems = errors_of(
        tmp_path, {"content/en/heat-use.md": GOOD_SECTION, "templates/basic.yaml": template}
    )
    assert len(problems) == 1
    assert problems[0].startswith("templates/basic.yaml:3: intro: template syntax")


def test_template_naming_an_unknown_param_suggests_one(tmp_path):
    template = GOOD_TEMPLATE.replace("- heat-use", "- id: heat-use\n    params:\n      minute: 9")
    problems = errors_of(
        tmp_path, {"content/en/heat-use.md": GOOD_SECTION, "templates/basic.yaml": template}
    )
    assert problems == [
        'templates/basic.yaml:7: sections[1].params.minute: unknown param (did you mean "minutes"?)'
    ]


def test_template_param_of_the_wrong_type_is_located(tmp_path):
    template = GOOD_TEMPLATE.replace(
        "- heat-use", "- id: heat-use\n    params:\n      minutes: [1, 2]"
    )
    problems = errors_of(
        tmp_path, {"content/en/heat-use.md": GOOD_SECTION, "templates/basic.yaml": template}
    )
    assert problems == [
        "templates/basic.yaml:7: sections[1].params.minutes: must be a whole number "
        "from 5 to 30 minutes (got 1,2)"
    ]


def test_an_unknown_language_names_the_ones_there_are(tmp_path):
    write_tree(
        tmp_path, {"content/en/heat-use.md": GOOD_SECTION, "content/es/heat-use.md": GOOD_SECTION}
    )
    with pytest.raises(RequestError) as caught:
        load_library([LibraryRoot(tmp_path, "test")], lang="fr")
    assert caught.value.exit_code == 4
    assert [str(p) for p in caught.value.problems] == [
        'lang: no sections in language "fr"; languages are en, es '
        "(add content/fr/ to the workspace to write your own)"
    ]


def test_a_mistyped_language_suggests_the_near_one():
    with pytest.raises(RequestError) as caught:
        load_library(lang="enn")
    assert 'did you mean "en"?' in str(caught.value)
