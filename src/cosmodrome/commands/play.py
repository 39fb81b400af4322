"""`cosmodrome play` (also `cosmodrome` alone): the game, or the line-mode player."""

from __future__ import annotations

import argparse
import io
import os
import sys
from typing import TextIO


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "play",
        help="play the story (the default command)",
        epilog="`cosmodrome paths` shows where the saves and the settings file are.",
    )
    from cosmodrome.commands.storyarg import add_story_argument

    add_story_argument(parser)
    parser.add_argument(
        "--plain", action="store_true", help="line-mode player for pipes and screen readers"
    )
    parser.add_argument(
        "--saves", metavar="DIR", help="the saves folder (default: $COSMODROME_SAVES, else saves/)"
    )
    parser.add_argument(
        "--watch",
        action="store_true",
        help="for authors: reload the story whenever a file of it changes (F12 inspects "
        "in the terminal UI; in line mode, edits are picked up before each line)",
    )
    parser.add_argument(
        "--at", metavar="NODE", help="for authors: start a new game at NODE (test from here)"
    )
    parser.add_argument(
        "--set",
        metavar="VAR=VALUE",
        action="append",
        default=[],
        help="for authors: start a new game with VAR set to VALUE (repeatable)",
    )
    resume = parser.add_mutually_exclusive_group()
    resume.add_argument("--load", metavar="NAME", help="resume the game saved as NAME")
    resume.add_argument(
        "--continue",
        dest="resume",
        action="store_true",
        help="resume the newest autosave that no other game is playing",
    )
    parser.set_defaults(handler=run)


def _line_input() -> TextIO:
    """Standard input for reading lines: bytes that are not UTF-8 read as U+FFFD (the
    player is told the line is no command, not shown a traceback), and a closed standard
    input (no file at all) as one already at its end."""
    if sys.stdin is None:
        return io.StringIO()
    if isinstance(sys.stdin, io.TextIOWrapper):
        sys.stdin.reconfigure(errors="replace")
    return sys.stdin


def run(args: argparse.Namespace) -> int:
    from cosmodrome.commands.storyarg import load_or_report, story_dir
    from cosmodrome.exitcodes import Exit

    directory = story_dir(args.directory)
    story = load_or_report(directory, "cosmodrome")
    if isinstance(story, Exit):
        return story
    if args.at is not None or args.set:
        from cosmodrome.story.startpoint import StartPointError, start_at

        if args.load is not None or args.resume:
            print("cosmodrome: --at and --set start a new game, not a saved one", file=sys.stderr)
            return Exit.USAGE
        try:
            story = start_at(story, args.at, args.set)
        except StartPointError as exc:
            print(f"cosmodrome: {exc}", file=sys.stderr)
            return Exit.USAGE
    import gc
    from pathlib import Path

    gc.freeze()  # the story lives as long as the game: the collector need not walk it again
    stdin = _line_input()
    dumb = os.environ.get("TERM") == "dumb"  # a terminal that cannot draw the game
    if not args.plain:
        if stdin.isatty() and sys.stdout.isatty() and not dumb:
            from cosmodrome.tui.launch import play_tui

            watch = Path(directory) if args.watch else None
            new_game = args.at is not None or bool(args.set)  # test from here: no title
            return play_tui(
                story, args.saves, args.load, args.resume, watch=watch, new_game=new_game
            )
        why = "TERM=dumb cannot draw the game" if dumb else "not a terminal"
        print(f"cosmodrome: {why}; playing in line mode (--plain)", file=sys.stderr)
    from cosmodrome.plain.launch import play_plain

    return play_plain(
        story,
        args.saves,
        args.load,
        args.resume,
        stdin=stdin,
        stdout=sys.stdout,
        stderr=sys.stderr,
        watch=Path(directory) if args.watch else None,
    )
