"""Whole processes of the game and of the stock app: cold start to the first drawn
screen, and peak memory after 100 moves. `tests.benchmarks.boot` runs both headless
under the same patch."""

from __future__ import annotations

import compileall
import contextlib
import os
import pty
import subprocess
import sys
import threading
import time
from pathlib import Path

from tests.benchmarks.game_app import command_line
from tests.benchmarks.harness import Budget, Row, megabytes, ms, paired_medians

REPO = Path(__file__).resolve().parents[2]
COLD_ROW = "cold start to the drawn title screen"
COLD_BUDGET = Budget(1.3)
RSS_ROW = "peak RSS of the running game (100 choices)"
RSS_BUDGET = Budget(1.3)
STOCK = "the stock play screen (Static, Markdown, OptionList, Footer)"


def run_boot(args: list[str], env: dict[str, str]) -> float:
    """Seconds from spawn to exit of one boot process; raises with its stderr on failure."""
    controller, terminal = pty.openpty()  # the game only starts its UI on a terminal
    drain = threading.Thread(target=_drain, args=(controller,), daemon=True)
    drain.start()
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.benchmarks.boot", *args],
        cwd=REPO,
        env=env,
        stdin=terminal,
        stdout=terminal,
        stderr=subprocess.PIPE,
    )
    _, status = os.waitpid(process.pid, 0)
    elapsed = time.perf_counter() - start
    os.close(terminal)
    drain.join(timeout=5)
    os.close(controller)
    assert process.stderr is not None
    errors = process.stderr.read().decode("utf-8", "replace")
    process.stderr.close()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        last = errors.strip().splitlines()[-1:] or ["no message"]
        raise RuntimeError(f"`boot {' '.join(args)}` exited {process.returncode}: {last[0]}")
    return elapsed


def _drain(fd: int) -> None:
    """Read whatever the child writes to its terminal, so it never blocks on a full one."""
    with contextlib.suppress(OSError):
        while os.read(fd, 65536):
            pass


def boot_env(work: Path) -> dict[str, str]:
    """The environment of the boot processes: saves and cache in `work`."""
    env = dict(os.environ)
    env["COSMODROME_SAVES"] = str(work / "boot-saves")
    env["COSMODROME_CACHE"] = str(work / "boot-cache")
    env.pop("TEXTUAL", None)
    return env


def _game(story: Path) -> list[str]:
    return ["cosmodrome", *command_line(story)]


def cold_start_row(story: Path, work: Path, runs: int, story_note: str) -> Row:
    """Cold start to the game's drawn title against the stock app's first drawn screen."""
    env = boot_env(work)
    compiled = _compile_sources()
    run_boot(["first-frame", *_game(story)], env)  # builds the story cache once
    ours, theirs = paired_medians(
        lambda: run_boot(["first-frame", *_game(story)], env),
        lambda: run_boot(["first-frame", "stock"], env),
        runs,
    )
    extra = _extra_modules(story, work, env)
    return Row(
        COLD_ROW,
        ms(ours),
        f"{ms(theirs)} {STOCK}, to its first frame",
        ours / theirs,
        COLD_BUDGET,
        f"{story_note}; {compiled}; imported before the title beyond the stock app: {extra}",
    )


def peak_rss_row(story: Path, work: Path) -> Row:
    """Peak memory of the game after 100 choices against the stock app after 100 moves."""
    env = boot_env(work)
    ours = _peak_rss(["play:100", *_game(story)], work, env)
    theirs = _peak_rss(["play:100", "stock"], work, env)
    return Row(
        RSS_ROW,
        megabytes(ours),
        f"{megabytes(theirs)} {STOCK}, 100 moves",
        ours / theirs,
        RSS_BUDGET,
    )


def _compile_sources() -> str:
    """Compile our modules to bytecode, as a first run or an install does; says what it did.
    Only with PYTHONDONTWRITEBYTECODE set would every start compile ours again, while
    Textual's come compiled by pip."""
    source = REPO / "src" / "cosmodrome"
    if not source.is_dir():  # an installed package: pip compiled it
        return "installed package"
    compileall.compile_dir(source, quiet=1)
    compileall.compile_dir(REPO / "tests" / "benchmarks", quiet=1)
    return "our modules compiled to bytecode first, as after a first run"


def _peak_rss(args: list[str], work: Path, env: dict[str, str]) -> int:
    where = work / "rss.txt"
    run_boot([args[0], "--rss", str(where), *args[1:]], env)
    return int(where.read_text())


def _extra_modules(story: Path, work: Path, env: dict[str, str]) -> str:
    """The modules the game imports before its first frame that the stock app does not."""
    ours, theirs = work / "modules-game.txt", work / "modules-stock.txt"
    run_boot(["first-frame", "--modules", str(ours), *_game(story)], env)
    run_boot(["first-frame", "--modules", str(theirs), "stock"], env)
    extra = {  # less the benchmark's own modules, which differ between the two
        name
        for name in set(ours.read_text().split()) - set(theirs.read_text().split())
        if not name.startswith("tests")
    }
    packages = sorted({name.split(".")[0] for name in extra if not name.startswith("cosmodrome")})
    own = sorted(name for name in extra if name.startswith("cosmodrome"))
    return f"{len(own)} cosmodrome modules; others: {', '.join(packages) or 'none'}"
