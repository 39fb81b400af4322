"""`printable`: no terminal control survives it, and text without one is left alone."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import TextIO, cast

from hypothesis import given
from hypothesis import strategies as st

from cosmodrome.engine.game import Game
from cosmodrome.run_markdown import export_transcript, transcript_markdown
from cosmodrome.safetext import SafeStream, is_printable, printable, unwrapped
from cosmodrome.story.loader import load_story
from tests.conftest import FIXTURES

# written out here, not imported: the test must not share the module's mistakes
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
CONTROLS = st.sampled_from(
    [chr(c) for c in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))]
    + [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]
)
SAFE_TEXT = st.text().map(lambda text: CONTROL.sub("", text))


@given(st.text(alphabet=st.one_of(st.characters(), CONTROLS)))
def test_printable_output_never_holds_a_control(text: str) -> None:
    assert CONTROL.search(printable(text)) is None


@given(SAFE_TEXT)
def test_printable_is_the_identity_on_text_without_controls(text: str) -> None:
    assert printable(text) == text
    assert is_printable(text)


@given(st.text(alphabet=st.one_of(st.characters(), CONTROLS)))
def test_printable_is_idempotent(text: str) -> None:
    assert printable(printable(text)) == printable(text)


def test_each_control_is_shown_visibly_and_newline_and_tab_are_kept() -> None:
    assert printable("a\x1b]0;pwned\x07b") == "a\\u001b]0;pwned\\u0007b"
    assert printable("\x9b2J") == "\\u009b2J"
    assert printable("\u202eevil\u2069\x7f") == "\\u202eevil\\u2069\\u007f"
    assert printable("line\n\ttab") == "line\n\ttab"


def test_safe_stream_writes_printable_text_and_hands_back_its_raw_stream() -> None:
    raw = io.StringIO()
    stream = cast(TextIO, SafeStream(raw))
    print("title\x1b]0;pwned\x07", file=stream)
    assert raw.getvalue() == "title\\u001b]0;pwned\\u0007\n"
    assert unwrapped(stream) is raw
    assert unwrapped(raw) is raw
    assert stream.isatty() is False  # the rest is the raw stream's


def test_an_exported_transcript_of_a_hostile_story_holds_no_control(tmp_path: Path) -> None:
    game = Game(load_story(FIXTURES / "hostile-text"))
    state = game.take(game.take(game.start(), "take-pass"), "checkpoint.1")
    assert CONTROL.search(transcript_markdown(game, state))  # the story's own text has them
    written = export_transcript(game, state, tmp_path / "run.md").read_text(encoding="utf-8")
    assert CONTROL.search(written) is None
    assert "Arrival\\u001b]0;pwned\\u0007" in written
