"""The `cosmodrome` command: parses arguments and hands over to one subcommand."""

from __future__ import annotations

import argparse
import importlib
import io
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO, cast

from cosmodrome import __version__
from cosmodrome.commands import COMMANDS
from cosmodrome.exitcodes import Exit


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; with `only`, just that subcommand (the others' modules are
    not even imported: start-up time matters)."""
    parser = argparse.ArgumentParser(
        prog="cosmodrome",
        description="Play the history of the Vostochny cosmodrome, or write stories like it.",
    )
    parser.add_argument("--version", action="version", version=f"cosmodrome {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS if only is None else (only,):
        try:
            module = importlib.import_module(f"cosmodrome.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"cosmodrome.commands.{name}":
                raise
            continue  # a command not built yet
        module.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code.

    Every command's stdout and stderr go through `SafeStream` here, once, so that no
    story or save text that a command prints (today's or a new command's) can drive
    the terminal. The Textual game is not affected: it draws on `sys.__stderr__`."""
    from cosmodrome.safetext import SafeStream

    stdout, stderr = _writable(sys.stdout), _writable(sys.stderr)
    sys.stdout = cast(TextIO, SafeStream(stdout))
    sys.stderr = cast(TextIO, SafeStream(stderr))
    try:
        code = _run(argv)
        sys.stdout.flush()  # a full disk or a closed pipe shows here, not at exit
        return code
    except BrokenPipeError:  # the reader went away (`cosmodrome graph | head`): not an error
        _silence(stdout)
        return Exit.OK
    except OSError as exc:
        _silence(stdout)
        return _report(stderr, exc)
    finally:
        sys.stdout, sys.stderr = stdout, stderr


def _writable(stream: TextIO | None) -> TextIO:
    """`stream`, made to write what its encoding cannot hold as `\\u` escapes (an
    ASCII-only terminal, `PYTHONIOENCODING=ascii`), or a sink when there is no stream at
    all (its descriptor was closed)."""
    if stream is None:
        return Path(os.devnull).open("w", encoding="utf-8")
    if isinstance(stream, io.TextIOWrapper):
        stream.reconfigure(errors="backslashreplace")
    return stream


def _silence(stream: TextIO) -> None:
    """Point `stream`'s descriptor at the null device, so that the interpreter's last
    flush at exit does not fail on it a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


def _report(stderr: TextIO, exc: OSError) -> int:
    """An operating-system error that no command turned into words: one line, exit 1."""
    from cosmodrome.regular_files import describe

    where = f" ({exc.filename})" if exc.filename else ""
    try:
        print(f"cosmodrome: {describe(exc)}{where}", file=stderr)
        stderr.flush()
    except (OSError, ValueError):
        pass  # nowhere left to say it: the exit code does
    return Exit.FAILURE


def _run(argv: Sequence[str] | None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (
        args_list[0].startswith("-")
        and args_list[0]
        not in (
            "-h",
            "--help",
            "--version",
        )
    ):
        args_list.insert(0, "play")
    parser = build_parser(args_list[0] if args_list[0] in COMMANDS else None)
    args = parser.parse_args(args_list)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return Exit.USAGE
    from cosmodrome.commands.storyarg import merge_story_argument

    clash = merge_story_argument(args)
    if clash is not None:
        parser.error(clash)
    try:
        return int(handler(args))
    except KeyboardInterrupt:
        return Exit.INTERRUPTED
