"""`cosmodrome paths`: where the story (the one you are in, else the shipped one), the
saves, the settings and the cache are."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "paths",
        help="show where the story, the saves, the settings and the cache are",
        description="Print the folders and files cosmodrome reads and writes, one per line, "
        "as the environment sets them now (COSMODROME_STORY, COSMODROME_SAVES, "
        "COSMODROME_CONFIG, COSMODROME_CACHE override the defaults).",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from cosmodrome.commands.storyarg import story_dir
    from cosmodrome.exitcodes import Exit
    from cosmodrome.locations import cache_dir, saves_dir
    from cosmodrome.settings import settings_path

    rows = [
        ("story", Path(story_dir(None)).resolve()),
        ("saves", saves_dir()),
        ("settings", settings_path()),
        ("cache", cache_dir()),
    ]
    for label, path in rows:
        print(f"{label:<9} {path}")
    return Exit.OK
