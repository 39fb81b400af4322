"""Diagnostics drawn for people: carets line up under the span, counts agree in number."""

from __future__ import annotations

from cosmodrome.story.diagnostic_codes import Code
from cosmodrome.story.diagnostic_text import counts, plural, render, snippet
from cosmodrome.story.diagnostics import Diagnostic, Fix, Related, Severity, TextEdit


def test_carets_sit_under_the_span_past_tabs_and_wide_characters() -> None:
    # a tab shows as four spaces, 宇宙 takes two cells each
    assert snippet(3, "\ttitle: 宇宙 go", 9, 11) == [
        "  |",
        "3 |     title: 宇宙 go",
        "  |            ^^^^",
    ]


def test_a_span_past_the_end_of_the_line_still_shows_one_caret() -> None:
    assert snippet(1, "ab", 3, 4)[-1] == "  |   ^"


def test_counts_say_one_error_and_two_warnings() -> None:
    error = Diagnostic("f", 1, 1, Severity.ERROR, "m", Code.TYPE)
    warning = Diagnostic("f", 1, 1, Severity.WARNING, "m", Code.UNREACHABLE)
    assert counts([error, warning, warning]) == "1 error, 2 warnings"
    assert plural(0, "error") == "0 errors"


def test_render_shows_hint_related_places_and_fix_under_the_source() -> None:
    edit = TextEdit("f.yaml", 1, 7, 1, 12, "apron")
    diagnostic = Diagnostic(
        "f.yaml",
        1,
        7,
        Severity.ERROR,
        "unknown node 'apronn'",
        Code.REFERENCE,
        1,
        13,
        "link to a node that exists",
        (Related("g.yaml", 4, 3, 4, 8, "'apron' is here"),),
        Fix("replace with 'apron'", (edit,)),
    )
    assert render(diagnostic, lambda path: ["goto: apronn"]) == [
        "f.yaml:1:7: error: unknown node 'apronn' [reference]",
        "  |",
        "1 | goto: apronn",
        "  |       ^^^^^^",
        "  = hint: link to a node that exists",
        "  = note: g.yaml:4:3: 'apron' is here",
        "  = fix: replace with 'apron'",
    ]


def test_a_file_that_cannot_be_read_shows_the_header_alone() -> None:
    diagnostic = Diagnostic("gone.yaml", 2, 1, Severity.ERROR, "m", Code.FILE)
    assert render(diagnostic, lambda path: None) == ["gone.yaml:2:1: error: m [file]"]


def test_an_end_before_the_start_becomes_one_character() -> None:
    diagnostic = Diagnostic("f", 3, 5, Severity.ERROR, "m", Code.TYPE, 1, 1)
    assert (diagnostic.end_line, diagnostic.end_col) == (3, 6)
