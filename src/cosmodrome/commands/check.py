"""`cosmodrome check [DIR] [--strict] [--format text|json]`."""

from __future__ import annotations

import argparse
import sys


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("check", help="check a story for errors and warnings")
    parser.add_argument(
        "directory", nargs="?", help="the story directory (default: the shipped story)"
    )
    parser.add_argument("--strict", action="store_true", help="fail on warnings too")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--stats", action="store_true", help="also print the story's size and shape (to stdout)"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from cosmodrome.exitcodes import Exit
    from cosmodrome.locations import default_story_dir
    from cosmodrome.story.diagnostics import format_json
    from cosmodrome.story.loader import StoryNotFound, check_story

    directory = args.directory or str(default_story_dir())
    try:
        result = check_story(directory)
    except StoryNotFound as exc:
        print(f"cosmodrome check: {exc}", file=sys.stderr)
        return Exit.USAGE
    if args.format == "json":
        print(format_json(result.diagnostics))
    else:
        for diagnostic in result.diagnostics:
            print(diagnostic.format(), file=sys.stderr)
        errors, warnings = len(result.errors), len(result.warnings)
        if result.story is not None and not errors:
            story = result.story
            summary = f"{story.title}: {len(story.nodes)} nodes, {len(story.facts)} facts"
            print(f"{summary}; {errors} errors, {warnings} warnings", file=sys.stderr)
        else:
            print(f"{errors} errors, {warnings} warnings", file=sys.stderr)
    if args.stats and args.format == "text" and result.story is not None:
        from cosmodrome.story.stats import story_stats

        for line in story_stats(result.story).lines():
            print(line)
    failed = bool(result.errors) or (args.strict and bool(result.warnings))
    return Exit.FAILURE if failed else Exit.OK
