"""The sandboxed fill: values become literal text, and templates cannot escape."""

from __future__ import annotations

import pytest

from handouts.build.markup import parse_markdown
from handouts.document import plain_text
from handouts.library.sandbox import TemplateFillError, literal_text, plural, render_source


def fill(source: str, **context) -> str:
    return render_source(source, context, "content/en/x.md", 10, "body")


@pytest.mark.parametrize(
    "typed",
    [
        "Tom & <b>Jerry</b>",
        "**bold** _it_ `code`",
        "# not a heading",
        "1. not a list",
        "[link](http://x)",
        "&amp; &lt;",
        "a\\b",
        ":::caution",
        "| a | b |",
    ],
)
def test_person_typed_values_come_back_from_markdown_unchanged(typed):
    (paragraph,) = parse_markdown(fill("{{ name }}", name=typed))
    assert plain_text(paragraph.spans) == typed


def test_plural_filter():
    assert plural(1, "time") == "1 time"
    assert plural(3, "time") == "3 times"
    assert fill('{{ n | plural("day", "days") }}', n=2) == "2 days"


def test_literal_text_folds_line_breaks():
    assert literal_text("a\nb") == "a b"


def test_undefined_variable_is_located():
    with pytest.raises(TemplateFillError) as caught:
        fill("line one\n{{ missing }}")
    assert str(caught.value).startswith("content/en/x.md:11: body:")
    assert "missing" in str(caught.value)


@pytest.mark.parametrize(
    "source",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ '{0.__class__}'.format(1) }}",
        "{{ x.__class__.__base__ }}",
    ],
)
def test_sandbox_escapes_fail_with_a_template_error(source):
    with pytest.raises(TemplateFillError) as caught:
        fill(source, x=1)
    assert str(caught.value).startswith("content/en/x.md:10: body:")
