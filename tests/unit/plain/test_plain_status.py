"""The line-mode status line wraps between its parts, never inside one."""

from __future__ import annotations

from cosmodrome.engine.game import Game
from cosmodrome.engine.progress import visible_variables
from cosmodrome.plain.status import PREFIX, status_lines
from cosmodrome.story.loader import load_story
from cosmodrome.wording import packed, value_text
from tests.conftest import FIXTURES


def test_parts_are_packed_whole() -> None:
    parts = ["Credibility: 1", "Leads: 12", "Hours left: 70"]
    assert packed(parts, " · ", 30) == ["Credibility: 1 · Leads: 12", "Hours left: 70"]
    assert packed(parts, " · ", 200) == [" · ".join(parts)]
    assert packed(["a part longer than the width"], " · ", 5) == ["a part longer than the width"]


def test_a_narrow_status_keeps_every_label_with_its_value() -> None:
    story = load_story(FIXTURES / "sample")
    game = Game(story)
    state = game.take(game.start(), "take-pass")  # a pass and a credibility to show
    wide = status_lines(story, state, 200)
    assert len(wide) == 1 and wide[0].startswith(PREFIX)
    for width in range(30, 80):
        lines = status_lines(story, state, width)
        assert all(len(line) <= width for line in lines), width
        assert lines[0].startswith(PREFIX)
        assert all(line.startswith(" " * len(PREFIX)) for line in lines[1:])
        for label, value in visible_variables(story, state):
            whole = f"{label}: {value_text(value)}"
            assert any(whole in line for line in lines), (width, lines)  # on one line
