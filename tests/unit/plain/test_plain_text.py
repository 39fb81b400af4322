"""Story Markdown as the line-mode player prints it: plain words, no markers, quotes
indented, and every line wrapped with a hanging indent."""

from __future__ import annotations

from cosmodrome.engine.game import Game
from cosmodrome.plain.player import choice_lines
from cosmodrome.plain.text import fill, markdown_lines, one_stop
from cosmodrome.story.loader import load_story
from tests.conftest import FIXTURES


def test_prose_is_refilled() -> None:
    assert markdown_lines("one\ntwo   three") == ["one two three"]


def test_emphasis_markers_are_gone_and_the_words_stay() -> None:
    lines = markdown_lines("*Mara:* Confirmed. **The line.** _Quiet_ ~~no~~ `code`")
    assert lines == ["Mara: Confirmed. The line. Quiet no code"]


def test_quotes_are_indented_without_a_marker() -> None:
    lines = markdown_lines("Before.\n\n> I want to congratulate you.\n> We can be proud.", 40)
    assert lines == ["Before.", "", "    I want to congratulate you. We can", "    be proud."]


def test_list_items_hang_under_their_bullet() -> None:
    lines = markdown_lines("- " + "word " * 20 + "\n- two\n\n1. first\n2. second", 30)
    assert lines[0].startswith("• word")
    assert all(line.startswith("  word") for line in lines[1:4])
    assert "• two" in lines and "1. first" in lines and "2. second" in lines


def test_a_hard_line_break_starts_a_line() -> None:
    assert markdown_lines("a line  \nthe next") == ["a line", "the next"]


def test_a_link_keeps_its_words_and_its_address() -> None:
    assert markdown_lines("[the archive](https://example.org)") == [
        "the archive (https://example.org)"
    ]


def test_fill_hangs_the_lines_after_the_first_under_its_text() -> None:
    lines = fill("word " * 30, "Status: ", width=40)
    assert lines[0].startswith("Status: word")
    assert all(line.startswith(" " * 8 + "word") for line in lines[1:])
    assert all(len(line) <= 40 for line in lines)


def test_a_wrapped_locked_choice_hangs_and_ends_in_one_full_stop() -> None:
    game = Game(load_story(FIXTURES / "sample"))
    locked = game.passage(game.take(game.start(), "checkpoint.1")).choices[0]
    assert not locked.available
    view = locked._replace(number=12, text="Call the contact Ines gave " * 2, reason="a contact..")
    lines = choice_lines(view, 40)
    assert lines[0].startswith("  12. Call")
    assert all(line.startswith(" " * 6) and len(line) <= 40 for line in lines[1:])
    assert lines[-1].endswith("contact.)")


def test_one_stop_never_doubles_a_full_stop() -> None:
    assert one_stop("for a contact..") == "for a contact."
    assert one_stop("for a contact") == "for a contact."
    assert one_stop("Really?") == "Really?"
    assert one_stop("Wait...") == "Wait..."
