"""Loading the story a command works on, with its problems told to the user in one place."""

from __future__ import annotations

import sys

from cosmodrome.exitcodes import Exit
from cosmodrome.story.model import Story

MAX_SHOWN = 20  # more errors than this are counted, not listed


def load_or_report(directory: str | None, command: str) -> Story | Exit:
    """The checked story in `directory` (default: the shipped one), or the exit code after
    printing why it cannot be used: usage for a missing story, failure for a broken one."""
    from cosmodrome.locations import default_story_dir
    from cosmodrome.story.diagnostics import StoryError
    from cosmodrome.story.loader import StoryNotFound, load_story

    try:
        return load_story(directory or str(default_story_dir()))
    except StoryNotFound as exc:
        print(f"{command}: {exc}", file=sys.stderr)
        return Exit.USAGE
    except StoryError as exc:
        for diagnostic in exc.diagnostics[:MAX_SHOWN]:
            print(diagnostic.format(), file=sys.stderr)
        print(f"{command}: the story has {len(exc.diagnostics)} errors", file=sys.stderr)
        return Exit.FAILURE
