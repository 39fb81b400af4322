"""Which story a command works on, named the same way everywhere, and loading it with its
problems told to the user in one place.

A story is named by a positional folder or `--story DIR` (both accepted by every command
that reads one); else `COSMODROME_STORY`; else the nearest folder holding a story.yaml
from the current directory up (as git finds its repository); else the shipped story.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from cosmodrome.exitcodes import Exit

if TYPE_CHECKING:
    from cosmodrome.story.model import Story

MAX_SHOWN = 20  # more errors than this are counted, not listed
_OPTION = "story_option"


def add_story_argument(parser: argparse.ArgumentParser) -> None:
    """Give `parser` the positional `[DIR]` and the `--story DIR` option; after parsing,
    `args.directory` holds whichever was given (see `merge_story_argument`)."""
    parser.add_argument(
        "directory",
        nargs="?",
        metavar="DIR",
        help="the story folder (default: the story you are in, else the shipped one)",
    )
    parser.add_argument("--story", dest=_OPTION, metavar="DIR", help="the story folder, too")


def merge_story_argument(args: argparse.Namespace) -> str | None:
    """Fold `--story` into `args.directory`; returns a complaint when both name
    different folders, else None."""
    option = getattr(args, _OPTION, None)
    if option is None:
        return None
    delattr(args, _OPTION)
    given = getattr(args, "directory", None)
    if given is not None and Path(given).resolve() != Path(option).resolve():
        return f"two stories named: '{given}' and --story '{option}'; name one"
    args.directory = option
    return None


def enclosing_story(start: Path | None = None) -> Path | None:
    """The nearest folder holding a story.yaml, from `start` (default: the current
    directory) up to the root, or None."""
    from cosmodrome.story.storydir import MANIFEST

    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / MANIFEST).is_file():
            return folder
    return None


def found_story(directory: str | None) -> str | None:
    """The story a command should use when none or `directory` was named, without falling
    back to the shipped one: the named folder, `COSMODROME_STORY`, or the enclosing story."""
    if directory:
        return directory
    env = os.environ.get("COSMODROME_STORY")
    if env:
        return env
    enclosing = enclosing_story()
    return None if enclosing is None else display_dir(enclosing)


def story_dir(directory: str | None) -> str:
    """The story folder to read: `found_story`, else the shipped story."""
    from cosmodrome.locations import default_story_dir

    return found_story(directory) or str(default_story_dir())


def display_dir(folder: Path) -> str:
    """`folder` as short as it reads: relative to the current directory when inside it."""
    try:
        rel = os.path.relpath(folder)
    except ValueError:
        return str(folder)
    return str(folder) if rel.startswith("..") else rel


def load_or_report(directory: str | None, command: str) -> Story | Exit:
    """The checked story in `directory` (default: see `story_dir`), or the exit code after
    printing why it cannot be used: usage for a missing story, failure for a broken one."""
    from cosmodrome.story.diagnostic_text import plural, render_all
    from cosmodrome.story.diagnostics import StoryError
    from cosmodrome.story.loader import StoryNotFound, load_story

    try:
        return load_story(story_dir(directory))
    except StoryNotFound as exc:
        print(f"{command}: {exc}", file=sys.stderr)
        return Exit.USAGE
    except StoryError as exc:
        for line in render_all(exc.diagnostics[:MAX_SHOWN]):
            print(line, file=sys.stderr)
        count = plural(len(exc.diagnostics), "error")
        print(f"{command}: the story has {count}", file=sys.stderr)
        return Exit.FAILURE
