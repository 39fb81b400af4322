"""The line-mode player, driven through the real command with piped input."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import FIXTURES
from tests.functional.cli_runner import run_cosmodrome

SAMPLE = str(FIXTURES / "sample")


def test_a_whole_playthrough_through_a_pipe(tmp_path: Path) -> None:
    # take the pass, go to the gate, show the pass: the "On the apron" ending
    result = run_cosmodrome(["play", "--plain", "--story", SAMPLE], stdin="1\n1\n1\n", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "## Arrival" in out
    assert "Credibility: 1." in out  # the effect of the first choice, interpolated
    assert "## The checkpoint, Sasha" in out
    assert "— The end: On the apron" in out
    assert "Traceback" not in out + result.stderr


def test_locked_choice_is_marked_with_its_reason() -> None:
    result = run_cosmodrome(["play", "--plain", "--story", SAMPLE], stdin="2\n")
    assert "1. Show the press pass (locked: You have no pass.)" in result.stdout
    assert result.returncode == 0


def test_bad_input_gets_a_message_and_a_new_prompt() -> None:
    result = run_cosmodrome(["play", "--plain", "--story", SAMPLE], stdin="9\nfly\n2\n1\n\n3\n")
    out = result.stdout
    assert "There is no choice 9; choose 1 or 2." in out
    assert "'fly' is not a choice or a command" in out
    assert "That choice is locked: You have no pass." in out
    assert "— The end: The road home" in out
    assert result.returncode == 0


def test_undo_and_facts_commands() -> None:
    result = run_cosmodrome(
        ["play", "--plain", "--story", SAMPLE], stdin="2\nfacts\nundo\nundo\nquit\n"
    )
    out = result.stdout
    assert "2023  The summit: Two leaders met at the cosmodrome." in out
    assert "(1 of 2 facts found)" in out
    assert out.count("## Arrival") == 2  # shown again after the undo
    assert "Nothing to undo: this is the beginning." in out
    assert out.rstrip().endswith("Goodbye.")
    assert result.returncode == 0


def test_end_of_input_exits_cleanly() -> None:
    result = run_cosmodrome(["play", "--plain", "--story", SAMPLE], stdin="")
    assert result.returncode == 0
    assert "## Arrival" in result.stdout


def test_a_broken_story_is_reported_not_played() -> None:
    result = run_cosmodrome(
        ["play", "--plain", "--story", str(FIXTURES / "invalid" / "unknown-node")]
    )
    assert result.returncode == 1
    assert "choice goes to unknown node 'apronn'" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_story_directory_is_a_usage_error() -> None:
    result = run_cosmodrome(["play", "--plain", "--story", "/no/such/dir"])
    assert result.returncode == 2
    assert "no such directory" in result.stderr


def test_python_dash_m_runs_the_same_command() -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "cosmodrome", "check", SAMPLE],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert "0 errors, 0 warnings" in result.stderr


def test_piped_play_of_the_shipped_story_reads_as_plain_text(tmp_path: Path) -> None:
    # issue 14: Markdown as plain text, the status after each passage, single punctuation
    route = [
        "2",
        "3",
        "1",
        "1",
        "2",
        "1",
        "1",
        "1",
        "2",
        "2",
        "3",
        "1",
        "2",
        "1",
        "status",
    ]  # the press kit, Ines's 2017, the night train, and Stepan shut, then a locked choice
    result = run_cosmodrome(["play", "--plain"], stdin="\n".join(route) + "\n", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    passages = out.split("\n## ")[1:]
    assert len(passages) == 15
    for passage in passages:
        assert "\nStatus: " in passage and "Credibility: " in passage  # era, place, scores
    assert "*" not in out
    assert ".." not in out
    assert "(locked: He is not going to talk about money\n     with a stranger.)" in out
    assert all(len(line.removeprefix("> ")) <= 78 for line in out.splitlines())  # after a prompt
    assert out.count("Status: ") == 16  # and once more for `status`


def test_a_wrong_number_names_the_numbers_there_are() -> None:
    # two choices, then one: the press pass is taken once, the drive is left
    result = run_cosmodrome(["play", "--plain", "--story", SAMPLE], stdin="7\n1\n2\n")
    assert "There is no choice 7; choose 1 or 2." in result.stdout
    assert "There is no choice 2; the only choice is 1." in result.stdout


def test_piped_input_is_never_taken_for_an_answer_to_continue(tmp_path: Path) -> None:
    saves = {"COSMODROME_SAVES": str(tmp_path / "saves")}
    run_cosmodrome(["play", "--plain", "--story", SAMPLE], stdin="2\nquit\n", env=saves)
    result = run_cosmodrome(["play", "--plain", "--story", SAMPLE], stdin="1\nquit\n", env=saves)
    assert "Continue" not in result.stdout
    assert "## Arrival" in result.stdout  # a new game: the "1" took the press pass
    assert "Credibility: 1" in result.stdout


REVISITS = FIXTURES / "revisits"


def test_text_changes_on_return_in_line_mode(tmp_path: Path) -> None:
    # drink the tea (back at the hut), then leave
    result = run_cosmodrome(
        ["play", "--plain", "--story", str(REVISITS), "--saves", str(tmp_path)], stdin="1\n2\n"
    )
    out = result.stdout
    assert result.returncode == 0, result.stderr
    first, _, again = out.partition("Back again")
    assert "Sit. I served at Svobodny-18" in first
    assert "You hold 0 leads." in first
    assert "Sit." not in again
    assert "You hold 1 lead." in again


def test_a_line_mode_save_survives_a_variable_rename(tmp_path: Path) -> None:
    saves = str(tmp_path / "saves")
    story = tmp_path / "story"
    shutil.copytree(REVISITS, story)
    saved = run_cosmodrome(
        ["play", "--plain", "--story", str(story), "--saves", saves], stdin="1\nsave tea\nquit\n"
    )
    assert saved.returncode == 0, saved.stderr
    manifest = story / "story.yaml"
    manifest.write_text(
        manifest.read_text().replace("  leads:\n", "  clues:\n    was: [leads]\n"),
        encoding="utf-8",
    )
    hut = story / "nodes" / "hut.yaml"
    hut.write_text(hut.read_text().replace("leads", "clues"), encoding="utf-8")
    loaded = run_cosmodrome(
        ["play", "--plain", "--story", str(story), "--saves", saves, "--load", "tea"],
        stdin="quit\n",
    )
    assert loaded.returncode == 0, loaded.stderr
    assert "'Leads' kept its value from your save." in loaded.stdout + loaded.stderr
    assert "You hold 1 lead." in loaded.stdout
