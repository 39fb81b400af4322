"""The real `cosmodrome` command in a real terminal: play, save, quit, come back, continue."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.functional.cli_runner import cosmodrome_command, run_cosmodrome
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
        term.send("1")  # circle what the brochure leaves out: the kit answers it
        term.wait_for(lambda s: "Leads: 1" in s and "1. Put the kit down" in s)
        term.send("1")  # put it down: back at the hotel
        term.wait_for(lambda s: "A room above the bay" in s and CHOICES_LINE in s)
        term.send("C-q")
        term.wait_for("Quit Cosmodrome?")
        term.send("y")
        term.wait_for("[exited 0]")
    finally:
        term.close()

    saves = sorted(p.name for p in (tmp_path / "saves").glob("*.save.json"))
    assert saves == ["auto-1.save.json", "kit.save.json"]  # the game's own autosave

    term = start_game(tmp_path)
    try:
        title = term.wait_for(title_settled)
        assert "A room above the bay" in title  # where the autosave stands
        term.send("c")
        screen = term.wait_for(lambda s: CHOICES_LINE in s and "Leads: 1" in s)
        assert "Pack up and take the night train north" in screen
        term.send("u")  # undo survives the restart: back to the circled press kit
        term.wait_for(lambda s: "1. Put the kit down" in s and "Leads: 1" in s)
        term.send("u")  # and once more: the press kit without its lead
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


@pytest.mark.tmux
def test_a_second_new_game_leaves_the_first_games_autosave_loadable(tmp_path: Path) -> None:
    term = start_game(tmp_path)
    try:
        term.wait_for(title_settled)
        term.send("n")
        term.wait_for("Vladivostok, summit week")
        term.send("2")  # check in at the hotel
        term.wait_for("A room above the bay")
        term.send("Escape")  # to the title, the game in memory
        title = term.wait_for(title_settled)
        assert "auto-1" in title  # Continue names the game it resumes
        term.send("n")
        term.wait_for("Start a new game?")
        term.send("y")
        term.wait_for(lambda s: "Vladivostok, summit week" in s and CHOICES_LINE in s)
        term.send("1")  # ring Mara: the second game moves on its own
        term.wait_for("Mara, on a bad line")
        term.send("C-q")
        term.wait_for("Quit Cosmodrome?")
        term.send("y")
        term.wait_for("[exited 0]")
    finally:
        term.close()
    saves = str(tmp_path / "saves")
    listed = run_cosmodrome(["saves", "--saves", saves, "--format", "json"])
    nodes = {s["name"]: s["node_title"] for s in json.loads(listed.stdout)["saves"]}
    assert nodes == {"auto-1": "A room above the bay", "auto-2": "Mara, on a bad line"}
    first = run_cosmodrome(
        ["play", "--plain", "--saves", saves, "--load", "auto-1"], stdin="quit\n"
    )
    assert first.returncode == 0, first.stderr
    assert "## A room above the bay" in first.stdout
