"""The real `cosmodrome` command in a real terminal: play, save, quit, come back, continue."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.functional.cli_runner import cosmodrome_command
from tests.functional.tmux import Terminal, title_settled

CHOICES_LINE = "1-9 Choose"


def start_game(tmp_path: Path) -> Terminal:
    """`cosmodrome` with no arguments, the shipped story, a fresh saves folder, 80x24."""
    return Terminal(
        cosmodrome_command(),
        width=80,
        height=24,
        env={"COSMODROME_SAVES": str(tmp_path / "saves"), "TERM": "xterm-256color"},
        cwd=tmp_path,
    )


@pytest.mark.tmux
def test_play_save_quit_restart_and_continue(tmp_path: Path) -> None:
    assert (REPO / "story" / "story.yaml").is_file()
    term = start_game(tmp_path)
    try:
        title = term.wait_for(title_settled)
        assert "Continue" not in title  # no autosave yet
        term.send("n")
        term.wait_for("Vladivostok, summit week")
        term.send("2")  # check in at the hotel
        term.wait_for("A room above the bay")
        term.send("3")  # read the press kit
        term.wait_for("The press kit")
        term.send("s")
        term.wait_for("New save")
        term.send("Enter")
        term.wait_for("Name the new save")
        term.type("kit")
        term.send("Enter")
        term.wait_for("Saved as 'kit'")
        term.send("1")  # circle what the brochure leaves out: back at the hotel
        term.wait_for(lambda s: "Leads: 1" in s and CHOICES_LINE in s)
        term.send("C-q")
        term.wait_for("Quit Cosmodrome?")
        term.send("y")
        term.wait_for("[exited 0]")
    finally:
        term.close()

    saves = sorted(p.name for p in (tmp_path / "saves").glob("*.save.json"))
    assert saves == ["autosave.save.json", "kit.save.json"]

    term = start_game(tmp_path)
    try:
        title = term.wait_for(title_settled)
        assert "A room above the bay" in title  # where the autosave stands
        term.send("c")
        screen = term.wait_for(lambda s: CHOICES_LINE in s and "Leads: 1" in s)
        assert "Pack up and take the night train north" in screen
        term.send("u")  # undo survives the restart: back to the press kit, without its lead
        term.wait_for(
            lambda s: "1. Circle in red what the brochure leaves out" in s and "Leads: 0" in s
        )
        term.send("2")  # put the brochure down: back at the hotel
        term.wait_for("Pack up and take the night train north")
        term.send("l")
        term.wait_for(lambda s: "Load a game" in s and "kit" in s)
        term.send("Down", "Enter")  # the slot below the autosave: 'kit'
        screen = term.wait_for(lambda s: "Loaded 'kit'." in s and "1. Circle in red" in s)
        assert "Pack up and take the night train north" not in screen.split("────")[-1]
        term.send("C-q")
        term.wait_for("Quit Cosmodrome?")
        term.send("y")
        term.wait_for("[exited 0]")
    finally:
        term.close()
