"""A real `cosmodrome serve` (or any textual-serve server) on a free loopback port, and
a terminal emulator (pyte) that reads what a page's WebSocket draws."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pyte

from tests.functional.cli_runner import cosmodrome_command

START_SECONDS = 30.0
STOP_SECONDS = 10.0  # aiohttp alone would wait 60 s for an open page


def free_port() -> int:
    """A loopback port nobody listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Terminal:
    """The screen a page shows, decoded from the bytes its WebSocket received."""

    def __init__(self, width: int = 80, height: int = 24) -> None:
        self.screen = pyte.Screen(width, height)
        self.stream = pyte.ByteStream(self.screen)

    def feed(self, data: bytes) -> None:
        self.stream.feed(data)

    @property
    def text(self) -> str:
        """The screen's lines, joined with newlines."""
        return "\n".join(self.screen.display)


@dataclass(frozen=True)
class Served:
    """A running server: the URL it printed, and its process id."""

    url: str
    pid: int

    def games(self) -> list[int]:
        """The processes it started (games, and the shells textual-serve starts them
        through) that are still running."""
        return [pid for pid in _group(self.pid) if pid != self.pid]


@contextlib.contextmanager
def serving(
    command: Sequence[str], *, env: dict[str, str] | None = None, cwd: Path | None = None
) -> Iterator[Served]:
    """Run a server `command` (which prints its URL in its first line), yield that URL,
    then stop it with SIGTERM, as Ctrl+C would; fails when it or a game it started is
    still running afterwards (each runs in the server's process group). What it prints
    goes to a file, so that no full pipe ever stalls it."""
    with tempfile.TemporaryFile() as output:
        process = subprocess.Popen(
            command,
            stdout=output,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env={**os.environ, **(env or {})},
            cwd=cwd,
            start_new_session=True,
        )
        try:
            yield Served(_announced_url(process, output), process.pid)
        finally:
            _stop(process)


def serve_game(
    saves: Path, *args: str, cwd: Path | None = None
) -> contextlib.AbstractContextManager[Served]:
    """`cosmodrome serve` of the shipped story with saves in `saves` on a free port,
    started in `cwd` (default: this process's)."""
    command = [*cosmodrome_command(), "serve", "--saves", str(saves), "--port", str(free_port())]
    return serving([*command, *args], cwd=cwd)


def _announced_url(process: subprocess.Popen[bytes], output: IO[bytes]) -> str:
    deadline = time.monotonic() + START_SECONDS
    while True:
        output.seek(0)
        printed = output.read().decode(errors="replace")
        if "http://" in printed and "\n" in printed:
            return printed[printed.index("http://") :].split()[0]
        if process.poll() is not None or time.monotonic() > deadline:
            raise AssertionError(f"the server did not start: {printed!r}")
        time.sleep(0.02)


def _stop(process: subprocess.Popen[bytes]) -> None:
    group = process.pid
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
    process.wait(STOP_SECONDS)
    deadline = time.monotonic() + STOP_SECONDS
    while _group_alive(group):
        if time.monotonic() > deadline:
            os.killpg(group, signal.SIGKILL)
            raise AssertionError("a game process outlived the server")
        time.sleep(0.05)


def _group_alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    return True


def _group(group: int) -> list[int]:
    """The running processes of process group `group` (from /proc; Linux)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue  # ended meanwhile
        if fields[0] != "Z" and int(fields[2]) == group:
            found.append(int(stat.parent.name))
    return found


def saved_nodes(saves: Path) -> dict[str, str | None]:
    """Each slot of the saves folder `saves` (autosaves included), with the node it is at."""
    from cosmodrome.saves.store import SaveStore

    return {slot.name: slot.node for slot in SaveStore(saves).slots()}


def wait_until(condition: Callable[[], bool], seconds: float = START_SECONDS) -> None:
    """Return once `condition()` holds; fails after `seconds`."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"still not so after {seconds} s")
        time.sleep(0.02)
