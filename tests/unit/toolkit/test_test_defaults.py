"""The `cosmodrome test` command's defaults."""

from __future__ import annotations


def test_the_command_defaults_are_the_engines() -> None:
    from cosmodrome.commands import test as command
    from cosmodrome.engine import explore, randomplay

    assert command.DEFAULT_RUNS == randomplay.DEFAULT_RUNS
    assert command.DEFAULT_MAX_STEPS == randomplay.DEFAULT_MAX_STEPS
    assert command.DEFAULT_MAX_STATES == explore.DEFAULT_MAX_STATES
