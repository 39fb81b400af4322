"""The command textual-serve runs for each page: the Textual game, never line mode.

textual-serve talks to the game through pipes, so `cosmodrome play` would decide there
is no terminal and fall back to line mode; this entry starts the Textual game whatever
its standard streams are (Textual's web driver, chosen by textual-serve, draws on them).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Play the story of `--story` with saves in `--saves` in the Textual game; returns
    the exit code (that of `cosmodrome play`)."""
    from cosmodrome.commands.storyarg import load_or_report
    from cosmodrome.exitcodes import Exit
    from cosmodrome.tui.launch import play_tui

    parser = argparse.ArgumentParser(prog="cosmodrome-web-game")
    parser.add_argument("--story", required=True)
    parser.add_argument("--saves", required=True)
    args = parser.parse_args(argv)
    story = load_or_report(args.story, "cosmodrome serve")
    if isinstance(story, Exit):
        return story
    return play_tui(story, args.saves, None, False)


if __name__ == "__main__":
    sys.exit(main())
