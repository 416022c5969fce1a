"""Nothing typed or templated does harm: markup prints literally, the sandbox holds."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from handouts.library.loader import LibraryRoot
from handouts.library.sandbox import TemplateFillError, render_source
from tests.helpers import pdf_text, write_tree

TYPED = [
    '<img src="/etc/passwd" width="200" height="200"/>',
    '<a href="https://example.com/phish">Book here</a>',
    '<font name="Courier" size="40" color="red">big</font>',
    "<para>new paragraph</para><br/>",
    'Tom & Jerry\'s "best" <3 > 2 &amp; &lt;b&gt;',
]


def links_and_images(path) -> tuple[int, int]:
    """How many link annotations and image objects the PDF has."""
    links = images = 0
    for page in PdfReader(str(path)).pages:
        links += len(page.get("/Annots") or [])
        xobjects = page["/Resources"].get("/XObject") or {}
        images += sum(
            1 for obj in xobjects.values() if obj.get_object().get("/Subtype") == "/Image"
        )
    return links, images


@pytest.mark.parametrize("typed", TYPED)
def test_typed_markup_prints_literally_and_reads_no_file(tmp_path, run, typed):
    target = tmp_path / "out.pdf"
    result = run(
        "render",
        "knee-dry-needling",
        "--patient",
        typed,
        "--practitioner",
        typed,
        "--note",
        typed,
        "--add",
        "orthotics-advice",
        "--set",
        f"orthotics-advice.shop_hint={typed}",
        "-o",
        str(target),
    )
    assert result.exit_code == 0, result.output
    assert pdf_text(target).count(typed) >= 4
    assert links_and_images(target) == (0, 0)


@pytest.mark.parametrize(
    "source",
    [
        "{{ ().__class__.__bases__[0].__subclasses__() }}",
        "{{ x.__class__ }}",
        "{{ self.__init__ }}",
        "{{ '{0.__class__.__mro__}'.format(x) }}",
    ],
)
def test_sandbox_escapes_are_refused_as_not_allowed(source):
    with pytest.raises(TemplateFillError) as caught:
        render_source(f"Line one\n{source}", {"x": 1}, "content/en/x.md", 20, "body")
    message = str(caught.value)
    assert message.startswith("content/en/x.md:21: body: not allowed in a template: ")
    assert "is unsafe" in message


def test_a_sandbox_escape_in_a_section_file_stops_the_render_with_exit_3(
    tmp_path, run, monkeypatch
):
    write_tree(
        tmp_path / "lib",
        {
            "content/en/sneaky.md": """
                ---
                id: sneaky
                title: Sneaky
                category: self-care
                summary: Tries to escape.
                ---
                Hello.

                {{ patient.__class__.__base__.__subclasses__() }}
                """,
            "templates/sneaky-sheet.yaml": "id: sneaky-sheet\ntitle: S\nsections: [sneaky]\n",
        },
    )
    monkeypatch.setattr(
        "handouts.workspace.folder.builtin_root", lambda: LibraryRoot(tmp_path / "lib", "test")
    )
    monkeypatch.chdir(tmp_path)
    result = run("render", "sneaky-sheet", "-o", str(tmp_path / "out.pdf"))
    assert result.exit_code == 3
    assert result.stderr.startswith(
        "error: content/en/sneaky.md:9: body: not allowed in a template: "
    )
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "pwned").exists()
    assert not (tmp_path / "out.pdf").exists()
