"""Every file and every fill has limits: a located error naming the limit, never a hang."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

HEAD = "---\nid: bad\ntitle: Bad\ncategory: self-care\nsummary: S.\n{params}---\nLine one.\n"
LIST_PARAM = (
    "params:\n  n:\n    type: integer\n    default: 1\n    label: N\n    min: 1\n    max: 100000\n"
)
BOMB = (
    'a: &a ["x","x","x","x","x","x","x","x","x"]\n'
    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
)


def workspace(tmp_path: Path, body: str, params: str = "") -> Path:
    root = tmp_path / "clinic"
    (root / "content" / "en").mkdir(parents=True)
    (root / "templates").mkdir()
    (root / "clinic.yaml").write_text("name: Test Clinic\n")
    (root / "content" / "en" / "bad.md").write_text(HEAD.format(params=params) + body)
    (root / "templates" / "bad-sheet.yaml").write_text(
        "id: bad-sheet\ntitle: Bad\nsections: [bad]\n"
    )
    return root


def render(run, root: Path, tmp_path: Path, *extra: str):
    target = tmp_path / "out.pdf"
    result = run("render", "bad-sheet", "--workspace", str(root), "-o", str(target), *extra)
    return result, target


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ("{{ 'x' * 10**9 }}", "repeating a value with * would be longer than 100,000"),
        ("{{ ['x'] * 10**9 }}", "repeating a value with * would be longer than 100,000"),
        ("{{ 10**10**10 }}", "** would make a number above"),
        (
            "{% for a in 'x' * 1000 %}{% for b in 'x' * 1000 %}{% endfor %}{% endfor %}",
            "loops ran more than 10,000 steps",
        ),
        ("{% set a = 'x' * 60000 %}{% set b = a ~ a %}{{ b }}", "longer than 100,000"),
        ("{% for a in 'x' * 9000 %}{{ 'y' * 90 }}{% endfor %}", "the filled text would be"),
        ("{{ ['x' * 90000, 'y' * 90000] | join }}", "join would be longer than 100,000"),
        ("{{ '%0999999999d' % 1 }}", "% formatting is not available"),
    ],
)
def test_a_fill_that_would_run_or_grow_without_end_stops_at_a_named_limit(
    run, tmp_path, body, named
):
    result, target = render(run, workspace(tmp_path, body), tmp_path)
    assert result.exit_code == 3, result.output
    assert re.match(r"error: content/en/bad\.md:[78]: body: template: ", result.stderr)
    assert named in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert not target.exists()


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ("{% if 1 %}" * 3000 + "x" + "{% endif %}" * 3000, "blocks nested more than 10 deep"),
        ("{{ " + "(" * 3000 + "1" + ")" * 3000 + " }}", "brackets nested more than 20 deep"),
        ("{{ " + "1 + " * 3000 + "1 }}", "nested too deeply"),
        ("{{ " + "not " * 3000 + "1 }}", "nested too deeply"),
        ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", '"{% macro %}" is not available'),
        ("{% for x in [1] recursive %}{% endfor %}", "recursive loops are not available"),
    ],
)
def test_text_nested_too_deeply_is_a_located_error_not_a_recursion_error(
    run, tmp_path, body, named
):
    result, _ = render(run, workspace(tmp_path, body), tmp_path)
    assert result.exit_code == 3, result.output
    assert re.match(r"error: content/en/bad\.md:[78]: body: template syntax: ", result.stderr)
    assert named in result.stderr
    assert "Recursion" not in result.output


@pytest.mark.parametrize("name", ["cycler", "lipsum", "joiner", "namespace", "range", "dict"])
def test_jinja_globals_are_not_available_in_a_section(run, tmp_path, name):
    result, target = render(run, workspace(tmp_path, f"{{{{ {name}(1) }}}}"), tmp_path)
    assert result.exit_code == 3
    assert result.stderr.startswith(f'error: content/en/bad.md:8: body: "{name}" is not defined')
    assert not target.exists()


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ("{{ 'x' | center(10**9) }}", "No filter named 'center'"),
        ("{{ [1, 2] | random }}", "No filter named 'random'"),
        ("{{ 'x'.center(10**9) }}", "attribute 'center' of 'str' object is unsafe"),
        ("{{ (1).to_bytes(10**9, 'big') }}", "attribute 'to_bytes' of 'int' object is unsafe"),
        ("{% set l = [1] %}{{ l.append(2) }}", "attribute 'append' of 'list' object is unsafe"),
    ],
)
def test_filters_and_methods_a_section_does_not_need_are_refused_by_name(
    run, tmp_path, body, named
):
    result, _ = render(run, workspace(tmp_path, body), tmp_path)
    assert result.exit_code == 3
    assert result.stderr.startswith("error: content/en/bad.md:8: body: ")
    assert named in result.stderr


def test_what_a_section_needs_still_works(run, tmp_path):
    body = (
        "{% for word in ['one', 'two'] %}{{ loop.index }}. {{ word | upper }} {% endfor %}"
        "{{ 3 | plural('time') }} {{ 'a b'.split() | join('+') }}"
    )
    result, target = render(run, workspace(tmp_path, body), tmp_path)
    assert result.exit_code == 0, result.output
    assert target.exists()


def test_same_request_gives_the_same_bytes(run, tmp_path):
    args = ["knee-dry-needling", "--patient", "Ann Lee", "--date", "2026-11-21"]
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    assert run("render", *args, "-o", str(first)).exit_code == 0
    assert run("render", *args, "-o", str(second)).exit_code == 0
    assert first.read_bytes() == second.read_bytes()


def test_a_loop_too_long_fails_its_batch_row_only(run, tmp_path):
    body = "{% for a in 'x' * n %}{% for b in 'x' * n %}{% endfor %}{% endfor %}"
    root = workspace(tmp_path, body, LIST_PARAM)
    rows = tmp_path / "rows.csv"
    rows.write_text(
        "template,patient,bad.n\nbad-sheet,Ann,2\nbad-sheet,Bo,100000\nbad-sheet,Cy,3\n"
    )
    out = tmp_path / "out"
    out.mkdir()
    result = run("batch", str(rows), "--workspace", str(root), "-o", str(out), "-j", "1")
    assert result.exit_code == 3
    assert "made 2, failed 1" in result.stdout
    assert result.stderr.startswith("error: rows.csv:3: content/en/bad.md:15: body: template:")
    assert "loops ran more than 10,000 steps" in result.stderr
    assert len(list(out.glob("*.pdf"))) == 2


# ---------------------------------------------------------------- YAML everywhere


@pytest.mark.parametrize(
    ("name", "text", "code", "shown"),
    [
        ("content/en/bad.md", HEAD.format(params=BOMB) + "x\n", 3, "content/en/bad.md:11"),
        ("templates/bad-sheet.yaml", "id: bad-sheet\n" + BOMB, 3, "templates/bad-sheet.yaml:7"),
        ("clinic.yaml", BOMB, 3, "clinic.yaml:6"),
        ("content/en/strings.yaml", BOMB, 3, "content/en/strings.yaml:6"),
    ],
)
def test_an_alias_bomb_in_any_yaml_file_is_refused_at_its_line(
    run, tmp_path, name, text, code, shown
):
    root = workspace(tmp_path, "{{ patient }}")
    (root / name).write_text(text)
    result, target = render(run, root, tmp_path)
    assert result.exit_code == code, result.output
    assert f"error: {shown}: YAML: holds more than 200,000 values" in result.stderr
    assert not target.exists()


def test_an_alias_bomb_in_a_batch_file_is_refused(run, tmp_path):
    rows = tmp_path / "rows.yaml"
    rows.write_text(
        "- template: knee-dry-needling\n  x:\n"
        + "".join("    " + line + "\n" for line in BOMB.splitlines())
    )
    result = run("batch", str(rows), "-o", str(tmp_path))
    assert result.exit_code == 4
    assert "rows.yaml:8: YAML: holds more than 200,000 values" in result.stderr


def test_a_chain_of_a_thousand_extends_is_one_located_error(run, tmp_path):
    root = workspace(tmp_path, "{{ patient }}")
    for number in range(1, 1101):
        (root / "templates" / f"t{number}.yaml").write_text(
            f"id: t{number}\nextends: {'bad-sheet' if number == 1100 else f't{number + 1}'}\n"
        )
    result = run("templates", "--workspace", str(root))
    assert result.exit_code == 3
    assert result.stderr.splitlines() == [
        "error: templates/t1.yaml:2: extends: starts a chain of more than 10 templates "
        "extending each other (the limit); extend the base template directly"
    ]
