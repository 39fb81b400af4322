"""The `cosmodrome` command: parses arguments and hands over to one subcommand."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
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

    stdout, stderr = sys.stdout, sys.stderr
    sys.stdout = cast(TextIO, SafeStream(stdout))
    sys.stderr = cast(TextIO, SafeStream(stderr))
    try:
        return _run(argv)
    finally:
        sys.stdout, sys.stderr = stdout, stderr


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
    try:
        return int(handler(args))
    except KeyboardInterrupt:
        return Exit.INTERRUPTED
    except BrokenPipeError:
        return Exit.OK
