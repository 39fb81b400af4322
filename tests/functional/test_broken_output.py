"""Output streams that are closed, full or cannot hold the text (issue 13, class 6): the
real command says so in one line with a non-zero exit, or carries on, never a traceback."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.functional.cli_runner import cosmodrome_command

SAMPLE = str(FIXTURES / "sample")
STORY = str(Path(__file__).resolve().parents[2] / "story")


def run(
    args: list[str],
    *,
    stdout: int = subprocess.PIPE,
    env: dict[str, str] | None = None,
    input: bytes | None = None,
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*cosmodrome_command(), *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        input=input,
        env={**os.environ, **(env or {})},
        timeout=60,
        check=False,
    )


def close_output() -> None:
    os.close(1)
    os.close(2)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_output_is_one_line_and_exit_1() -> None:
    with Path("/dev/full").open("wb") as full:
        result = run(["graph", SAMPLE], stdout=full.fileno())
    assert result.returncode == 1
    assert result.stderr.decode() == "cosmodrome: No space left on device\n"


def test_a_reader_that_goes_away_is_no_error() -> None:
    process = subprocess.Popen(
        [*cosmodrome_command(), "graph", STORY],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(10)
    process.stdout.close()  # as `| head -c 10` does
    errors = process.stderr.read()
    assert process.wait(timeout=60) == 0
    assert b"Traceback" not in errors
    assert b"Exception ignored" not in errors


def test_an_ascii_only_output_gets_escapes_not_a_traceback() -> None:
    ascii_only = {"PYTHONIOENCODING": "ascii", "COSMODROME_SAVES": os.devnull + "-none"}
    result = run(["graph", STORY], env=ascii_only)  # the shipped story's labels hold '·'
    assert result.returncode == 0, result.stderr
    assert b"\\xb7" in result.stdout
    result.stdout.decode("ascii")
    result = run(["play", "--plain", "--story", STORY], env=ascii_only, input=b"quit\n")
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stdout + result.stderr
    result.stdout.decode("ascii")


def test_closed_output_streams_end_quietly() -> None:
    result = subprocess.run(
        [*cosmodrome_command(), "check", SAMPLE],
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=False,
        preexec_fn=close_output,  # no stdout, no stderr at all
    )
    assert result.returncode == 0
