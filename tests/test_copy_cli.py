"""`handouts copy`: a built-in file into the workspace, to edit; and where output goes."""

from __future__ import annotations

import os
import subprocess
import sys

from click.testing import CliRunner

from handouts.cli.main import main
from handouts.library.loader import builtin_root
from tests.helpers import pdf_text, write_tree


def cli(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_copy_puts_the_builtin_file_where_it_overrides_and_it_is_used(tmp_path):
    ws = write_tree(tmp_path / "ws", {"clinic.yaml": "name: Test\n"})
    result = cli("copy", "section", "heat-use", "--workspace", str(ws))
    assert result.exit_code == 0, result.output
    copied = ws / "content/en/heat-use.md"
    assert result.output.strip() == str(copied)
    assert copied.read_bytes() == (builtin_root().path / "content/en/heat-use.md").read_bytes()
    title = next(line for line in copied.read_text().splitlines() if line.startswith("title:"))
    copied.write_text(copied.read_text().replace(title, "title: Our own heat advice"))
    out = tmp_path / "x.pdf"
    cli("render", "knee-dry-needling", "--workspace", str(ws), "-o", str(out))
    assert "Our own heat advice" in pdf_text(out)


def test_copy_a_template_in_another_language(tmp_path):
    ws = write_tree(tmp_path / "ws", {"clinic.yaml": "name: Test\n"})
    result = cli("copy", "template", "knee-dry-needling", "--lang", "es", "--workspace", str(ws))
    assert result.exit_code == 0, result.output
    assert (ws / "templates/es/knee-dry-needling.yaml").is_file()


def test_copy_never_overwrites_and_names_the_file(tmp_path):
    ws = write_tree(tmp_path / "ws", {"clinic.yaml": "", "content/en/heat-use.md": "mine\n"})
    result = cli("copy", "section", "heat-use", "--workspace", str(ws))
    assert result.exit_code == 6
    assert result.stderr.strip() == (
        f"error: {ws / 'content/en/heat-use.md'}: already exists; "
        "edit it there, or remove it to copy again"
    )
    assert (ws / "content/en/heat-use.md").read_text() == "mine\n"


def test_copy_of_an_unknown_id_suggests_the_near_one(tmp_path):
    ws = write_tree(tmp_path / "ws", {"clinic.yaml": ""})
    result = cli("copy", "section", "heat-uses", "--workspace", str(ws))
    assert result.exit_code == 3
    assert 'is not a built-in section (did you mean "heat-use"?)' in result.stderr


def test_copy_without_a_workspace_says_how_to_make_one(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HANDOUTS_WORKSPACE", raising=False)
    result = cli("copy", "section", "heat-use")
    assert result.exit_code == 6
    assert "handouts init" in result.stderr


def test_with_a_workspace_handouts_go_to_its_output_folder(tmp_path, monkeypatch):
    ws = write_tree(tmp_path / "ws", {"clinic.yaml": "name: Test\n"})
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    args = ["knee-dry-needling", "--patient", "Ann Bee", "--date", "2026-01-02"]
    result = cli("render", *args, "--workspace", str(ws))
    assert result.exit_code == 0, result.output
    assert result.output.strip() == str(ws / "output/2026-01-02-knee-dry-needling-AB.pdf")
    assert not (elsewhere / "output").exists()


def complete(words: str) -> str:
    """What the installed command offers bash for the last of `words`."""
    env = {
        **os.environ,
        "_HANDOUTS_COMPLETE": "bash_complete",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - 1),
    }
    return subprocess.run(
        [sys.executable, "-m", "handouts"], env=env, capture_output=True, text=True, check=True
    ).stdout


def test_completion_offers_template_and_section_ids():
    assert "plain,knee-dry-needling" in complete("handouts render knee-d")
    offered = complete("handouts render knee-dry-needling --add orth")
    assert offered.split() == ["plain,orthotics-advice"]
    assert "plain,heat-use" in complete("handouts copy section heat")
