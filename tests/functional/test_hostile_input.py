"""Hostile input through the real command (issue 13): any line a person or a pipe can send
the line-mode player, and a save whose values overflow when parsed, each get a clear
answer: never a traceback, never a hang, never a surprise move."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cosmodrome.plain.numbers import MAX_DIGITS, count_of
from tests.conftest import FIXTURES
from tests.functional.cli_runner import cosmodrome_command, run_cosmodrome

SAMPLE = str(FIXTURES / "sample")

# (a line, what the player is told); each is sent before "quit"
HOSTILE_LINES = [
    ("9" * 5000, "There is no choice 999999999999…"),
    ("0" * 5000 + "2", "## The checkpoint"),  # leading zeros: still choice 2
    ("1" + "0" * 20, "There is no choice 100000000000…"),
    ("²", "'²' is not a choice or a command"),  # a digit, but not a decimal one
    ("①", "'①' is not a choice or a command"),
    ("٢", "## The checkpoint"),  # Arabic-Indic two: a decimal digit, read as 2
    ("２", "## The checkpoint"),  # fullwidth two
    ("undo " + "9" * 5000, "Nothing to undo: this is the beginning."),
    ("undo ²", "Undo how many choices?"),
    ("undo three", "Undo how many choices?"),
    ("-1", "'-1' is not a choice or a command"),
    ("1.5", "'1.5' is not a choice or a command"),
    ("\x00\x01", "is not a choice or a command"),
    ("x" * 100_000, "is not a choice or a command"),
]


@pytest.mark.parametrize(("line", "answer"), HOSTILE_LINES, ids=range(len(HOSTILE_LINES)))
def test_a_hostile_line_gets_a_clear_answer(line: str, answer: str, tmp_path: Path) -> None:
    result = run_cosmodrome(
        ["play", "--plain", "--story", SAMPLE], stdin=f"{line}\nquit\n", cwd=tmp_path, timeout=30
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert answer in result.stdout
    assert result.stdout.rstrip().endswith("Goodbye.")


def test_input_that_is_not_utf8_is_no_command(tmp_path: Path) -> None:
    result = subprocess.run(
        [*cosmodrome_command(), "play", "--plain", "--story", SAMPLE],
        input=b"\xff\xfe\x80\nquit\n",
        capture_output=True,
        cwd=tmp_path,
        timeout=30,
        check=False,
    )
    out = result.stdout.decode("utf-8", "replace")
    assert result.returncode == 0, result.stderr
    assert "is not a choice or a command" in out
    assert b"Traceback" not in result.stdout + result.stderr


def test_a_closed_standard_input_ends_the_game_cleanly(tmp_path: Path) -> None:
    # no file at all on descriptor 0 (`<&-` in a shell): Python gives sys.stdin = None
    env = {**os.environ, "COSMODROME_SAVES": str(tmp_path / "saves")}
    result = subprocess.run(
        [*cosmodrome_command(), "play", "--plain", "--story", SAMPLE],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=30,
        check=False,
        preexec_fn=lambda: os.close(0),  # closes only the child's standard input
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert "## Arrival" in result.stdout


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_count_of_never_raises_and_reads_only_short_decimal_numbers(word: str) -> None:
    number = count_of(word)
    if number is not None:
        assert word.isdecimal()
        assert 0 <= number < 10**MAX_DIGITS
        assert number == int(word)
    elif word.isdecimal():
        assert len(word.lstrip("0")) > MAX_DIGITS


@pytest.mark.parametrize(
    "moment", ["0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00", "9999-12-31T23:59:59"]
)
def test_a_save_dated_at_the_ends_of_time_is_damaged_not_a_traceback(
    moment: str, tmp_path: Path
) -> None:
    # issue 13, class 3: parsing a save's values never overflows into a traceback
    from tests.unit.saves.test_saves_bad_files import good_save, sealed

    saves = tmp_path / "saves"
    good_save(saves, "autosave")
    sealed(saves, lambda d: d["header"].update(saved_at=moment), "autosave")
    listed = run_cosmodrome(["saves", "--saves", str(saves)], cwd=tmp_path)
    resumed = run_cosmodrome(
        ["play", "--plain", "--story", SAMPLE, "--saves", str(saves), "--continue"],
        stdin="quit\n",
        cwd=tmp_path,
    )
    fresh = run_cosmodrome(
        ["play", "--plain", "--story", SAMPLE, "--saves", str(saves)],
        stdin="saves\nquit\n",
        cwd=tmp_path,
    )
    for result in (listed, resumed, fresh):
        assert "Traceback" not in result.stdout + result.stderr
    assert "autosave" in listed.stdout
    assert resumed.returncode == 1
    assert "autosave" in resumed.stderr and "\n" not in resumed.stderr.strip()
    assert fresh.returncode == 0
    assert "## Arrival" in fresh.stdout
