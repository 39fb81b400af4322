"""The progress bar: drawn on a terminal only, and cleared when done."""

from __future__ import annotations

import io

from cosmodrome.commands.report import Progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_progress_bar_on_a_pipe() -> None:
    stream = io.StringIO()
    progress = Progress(10, "runs", stream)
    for done in range(1, 11):
        progress.update(done)
    progress.close()
    assert stream.getvalue() == ""


def test_progress_bar_on_a_terminal_counts_up_and_clears() -> None:
    stream = _Terminal()
    progress = Progress(4, "runs", stream)
    for done in range(1, 5):
        progress.update(done)
    progress.close()
    frames = stream.getvalue().split("\r")[1:]
    assert frames[0].endswith("] 1/4 runs")
    assert frames[3] == "[" + "#" * 30 + "] 4/4 runs"
    assert frames[-1] == "\x1b[2K"


def test_the_command_defaults_are_the_engines() -> None:
    from cosmodrome.commands import test as command
    from cosmodrome.engine import explore, randomplay

    assert command.DEFAULT_RUNS == randomplay.DEFAULT_RUNS
    assert command.DEFAULT_MAX_STEPS == randomplay.DEFAULT_MAX_STEPS
    assert command.DEFAULT_MAX_STATES == explore.DEFAULT_MAX_STATES
