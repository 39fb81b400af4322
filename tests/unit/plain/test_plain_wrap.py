"""The plain player's paragraph filling keeps Markdown quotes and lists readable."""

from __future__ import annotations

from cosmodrome.plain.player import wrap_paragraph


def test_prose_is_refilled() -> None:
    assert wrap_paragraph("one\ntwo   three", width=78) == "one two three"


def test_quote_lines_stay_quote_lines() -> None:
    text = "> I want to congratulate you.\n> We can be proud."
    assert wrap_paragraph(text) == text


def test_long_quote_lines_wrap_with_the_quote_marker() -> None:
    out = wrap_paragraph("> " + "word " * 30, width=40)
    assert all(line.startswith("> ") for line in out.splitlines())
    assert len(out.splitlines()) > 1


def test_list_items_keep_their_lines() -> None:
    assert wrap_paragraph("- one\n- two") == "- one\n- two"
