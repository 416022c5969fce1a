"""`handouts templates`, `sections`, `show`, `--version` and `--help`."""

from __future__ import annotations

from handouts import __version__


def test_version(run):
    result = run("--version")
    assert result.exit_code == 0
    assert __version__ in result.output


def test_help_lists_commands_and_examples(run):
    result = run("--help")
    assert result.exit_code == 0
    for command in ("render", "sections", "templates", "show"):
        assert command in result.output
    assert "handouts render knee-dry-needling" in result.output


def test_templates_lists_sections_and_extras(run):
    result = run("templates")
    assert result.exit_code == 0
    assert "knee-dry-needling" in result.output
    line = next(
        x
        for x in result.output.splitlines()
        if x.strip().startswith("optional:") and "orthotics-advice" in x
    )
    assert line


def test_show_prints_the_filled_text_without_markup(run):
    result = run("show", "stretch-holds", "--set", "hold_seconds=60")
    assert result.exit_code == 0, result.output
    assert "[ ] Hold: 60 seconds · Repeats: 2 · Times a day: 2" in result.output  # each card
    assert "**" not in result.output and "{{" not in result.output
    assert "1. " in result.output


def test_show_unknown_section_suggests(run):
    result = run("show", "stretch-hold")
    assert result.exit_code == 4
    assert 'did you mean "stretch-holds"?' in result.stderr


def test_show_bad_value_is_located(run):
    result = run("show", "heat-use", "--set", "minutes=99")
    assert result.exit_code == 4
    assert result.stderr.strip() == (
        "error: --set minutes=99: heat-use.minutes must be a whole number from 5 to 20 "
        'minutes (got "99")'
    )


def test_lazy_commands_point_at_real_commands_and_run(run):
    import click

    from handouts.cli.main import LAZY_COMMANDS, main

    context = click.Context(main)
    for name in LAZY_COMMANDS:
        command = main.get_command(context, name)
        assert isinstance(command, click.Command)
        assert command.name == name
        assert run(name, "--help").exit_code == 0
    listing = run("--help").output
    for name, (_, _, short_help) in LAZY_COMMANDS.items():
        assert f"{name}" in listing and short_help in listing


def test_only_the_card_whose_steps_give_the_numbers_carries_the_dose(run):
    result = run("show", "self-massage")
    assert result.exit_code == 0, result.output
    # "Find a tender spot" has steps but no numbers: no strip; "Press and let go" has one
    assert result.output.count("[ ] Hold: 12 seconds · Minutes: 5") == 1
    find, press = result.output.index("Find a tender spot"), result.output.index("Press and let go")
    assert find < press < result.output.index("[ ] Hold: 12 seconds")


def test_a_block_without_numbered_steps_is_not_a_card():
    from handouts.build.fill import FilledSection
    from handouts.build.markup import build_section
    from handouts.document import Card, Heading, plain_text

    markdown = (
        "### Heat or not?\n\nNot on a new injury:\n\n- a swollen knee\n\n"
        "### How to use heat\n\n1. Warm it.\n2. Leave it on for **15 minutes**.\n"
    )
    filled = FilledSection("heat", "Heat", markdown, "self-care", dose=(("minutes", "15"),))
    blocks = build_section(filled).blocks
    cards = [plain_text(b.title) for b in blocks if isinstance(b, Card)]
    headings = [plain_text(b.spans) for b in blocks if isinstance(b, Heading)]
    assert cards == ["How to use heat"]  # it flows on as a heading and a list: splittable
    assert headings == ["Heat or not?"]
