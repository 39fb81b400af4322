"""`cosmodrome check [DIR | --story DIR] [--strict] [--stats] [--format text|json]`."""

from __future__ import annotations

import argparse
import sys


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from cosmodrome.commands.storyarg import add_story_argument

    parser = sub.add_parser(
        "check",
        help="check a story for errors and warnings",
        description="Check every file of a story. Each problem is shown with its source "
        "line, a caret under the place, its code (listed in the guide), a hint and, "
        "where the repair is mechanical, the fix. `--format json` gives all of it to tools.",
    )
    add_story_argument(parser)
    parser.add_argument("--strict", action="store_true", help="fail on warnings too")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--json", dest="format", action="store_const", const="json", help="same as --format json"
    )
    parser.add_argument(
        "--stats", action="store_true", help="also give the story's size and shape (to stdout)"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from cosmodrome.commands.storyarg import story_dir
    from cosmodrome.exitcodes import Exit
    from cosmodrome.story.loader import StoryNotFound, check_story

    try:
        result = check_story(story_dir(args.directory))
    except StoryNotFound as exc:
        print(f"cosmodrome check: {exc}", file=sys.stderr)
        return Exit.USAGE
    stats = None
    if args.stats and result.story is not None:
        from cosmodrome.story.stats import story_stats

        stats = story_stats(result.story)
    if args.format == "json":
        import dataclasses
        import json

        from cosmodrome.story.diagnostics import format_json

        if args.stats:  # an object, so the figures can travel with the diagnostics
            figures = dataclasses.asdict(stats) if stats is not None else None
            document = {"diagnostics": [d.to_json() for d in result.diagnostics]}
            print(json.dumps({**document, "stats": figures}, indent=2, ensure_ascii=False))
        else:
            print(format_json(result.diagnostics))
    else:
        from cosmodrome.story.diagnostic_text import counts, plural, render_all

        for line in render_all(result.diagnostics):
            print(line, file=sys.stderr)
        if result.diagnostics:
            print(file=sys.stderr)
        summary = counts(result.diagnostics)
        if result.story is not None and not result.errors:
            story = result.story
            summary = (
                f"{story.title}: {plural(len(story.nodes), 'node')}, "
                f"{plural(len(story.facts), 'fact')}; {summary}"
            )
        print(summary, file=sys.stderr)
        if stats is not None:
            for line in stats.lines():
                print(line)
    failed = bool(result.errors) or (args.strict and bool(result.warnings))
    return Exit.FAILURE if failed else Exit.OK
