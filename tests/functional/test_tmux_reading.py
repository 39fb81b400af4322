"""Reading the real game at 80×24 in a real terminal: no line of the first passage is
missed, the twelfth choice has a key, a message leaves the choices whole, and the title
quits at once."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from cosmodrome.engine.game import Game
from cosmodrome.story.loader import load_story
from cosmodrome.tui.markdown_text import markdown_content
from tests.conftest import REPO
from tests.functional.cli_runner import cosmodrome_command
from tests.functional.tmux import Terminal, title_settled

MORE = "more below"
SCROLLBAR = "▁▂▃▄▅▆▇█▔"


def start(tmp_path: Path, *args: str) -> Terminal:
    """`cosmodrome` (with `args`) at 80×24, fresh saves and settings."""
    return Terminal(
        [*cosmodrome_command(), *args],
        width=80,
        height=24,
        env={
            "COSMODROME_SAVES": str(tmp_path / "saves"),
            "COSMODROME_CONFIG": str(tmp_path / "config"),
            "TERM": "xterm-256color",
        },
        cwd=tmp_path,
    )


def story_lines(screen: str) -> list[str]:
    """The lines of the story column: not the status line (at column 1), the message
    line or the key bar (the last two), nor the scrollbar at the right."""
    lines = screen.splitlines()[:-2]
    kept = [line.rstrip().rstrip(SCROLLBAR).rstrip() for line in lines]
    return [line for line in kept if not re.match(r" \S", line)]


def merged(pages: list[list[str]]) -> list[str]:
    """The lines of successive screens, each overlap with the screen before counted once."""
    lines: list[str] = []
    for page in pages:
        overlap = next(
            (n for n in range(min(len(lines), len(page)), 0, -1) if lines[-n:] == page[:n]), 0
        )
        lines += page[overlap:]
    return lines


def sentences(text: str) -> list[str]:
    plain = " ".join(markdown_content(text).plain.split())
    return [s for s in re.split(r"(?<=[.!?])\s+", plain) if s]


@pytest.mark.tmux
def test_every_sentence_of_the_first_passage_is_shown_before_choosing(tmp_path: Path) -> None:
    game = Game(load_story(REPO / "story"))
    text = game.passage(game.start()).text
    term = start(tmp_path)
    try:
        term.wait_for(title_settled)
        term.send("n")
        screen = term.wait_for(lambda s: "1. " in s or MORE in s)
        pages = [story_lines(screen)]
        for _ in range(10):
            if MORE not in screen.splitlines()[-2]:
                break
            term.send("Space")
            before = screen
            screen = term.wait_for(lambda s: s != before)  # noqa: B023 (used at once)
            pages.append(story_lines(screen))
        assert MORE not in screen.splitlines()[-2], "still more below after ten pages"
        read = " ".join(" ".join(line.split()) for line in merged(pages))
        missed = [s for s in sentences(text) if s not in read]
        assert not missed, f"never on screen: {missed}"
        assert "1. " in screen  # the choices follow the text
    finally:
        term.close()


@pytest.mark.tmux
def test_the_twelfth_choice_is_taken_by_its_key(tmp_path: Path) -> None:
    term = start(tmp_path, "play", "--story", str(REPO / "tests" / "fixtures" / "many-choices"))
    try:
        term.wait_for(title_settled)
        term.send("n")
        term.wait_for("1-9 0 b… Choose")
        term.send("c")
        term.wait_for("You took the twelfth road.")
    finally:
        term.close()


@pytest.mark.tmux
def test_a_quicksave_message_leaves_the_choice_lines_whole(tmp_path: Path) -> None:
    game = Game(load_story(REPO / "story"))
    choices = [f"{view.number}. {view.text}" for view in game.choices(game.start())]
    term = start(tmp_path)
    try:
        term.wait_for(title_settled)
        term.send("n")
        term.wait_for("Vladivostok, summit week")
        term.send("Space", "Space", "Space")  # down to the choices (past the end: no move)
        term.wait_for(choices[-1])
        term.send("F5")
        screen = term.wait_for("Saved as 'quicksave'")
        for choice in choices:  # each on its own line, nothing drawn over it
            assert any(line.strip() == choice for line in screen.splitlines()), screen
    finally:
        term.close()


@pytest.mark.tmux
def test_ctrl_q_on_the_title_quits_at_once(tmp_path: Path) -> None:
    term = start(tmp_path)
    try:
        term.wait_for(title_settled)
        asked = time.monotonic()
        term.send("C-q")
        screen = term.wait_for("[exited 0]", timeout=10)
        assert "Quit Cosmodrome?" not in screen
        assert time.monotonic() - asked < 5
    finally:
        term.close()
