"""`cosmodrome graph [DIR] [--format dot|mermaid] [--choice-text] [--output FILE]`."""

from __future__ import annotations

import argparse
import sys


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "graph",
        help="draw the story graph (Graphviz DOT or Mermaid)",
        description="Print the story's graph: nodes grouped by era, endings and unreachable "
        "nodes marked, conditioned choices labelled with their condition. "
        "Render DOT with `dot -Tsvg`.",
    )
    from cosmodrome.commands.storyarg import add_story_argument

    add_story_argument(parser)
    parser.add_argument("--format", choices=("dot", "mermaid"), default="dot")
    parser.add_argument(
        "--choice-text", action="store_true", help="label every edge with its choice's text"
    )
    parser.add_argument("--output", "-o", metavar="FILE", help="write to FILE, not stdout")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from cosmodrome.commands.storyarg import load_or_report
    from cosmodrome.exitcodes import Exit
    from cosmodrome.saves.atomic import write_atomic
    from cosmodrome.story.diagram import story_graph, to_dot, to_mermaid

    story = load_or_report(args.directory, "cosmodrome graph")
    if isinstance(story, Exit):
        return story
    graph = story_graph(story)
    render = to_dot if args.format == "dot" else to_mermaid
    from cosmodrome.safetext import printable

    # a file is also read on a terminal (cat, less -R): escaped there as on stdout
    text = printable(render(graph, choice_text=args.choice_text))
    if args.output is None:
        sys.stdout.write(text)
        return Exit.OK
    try:
        write_atomic(Path(args.output), text.encode("utf-8"))
    except OSError as exc:
        print(f"cosmodrome graph: cannot write {args.output}: {exc.strerror}", file=sys.stderr)
        return Exit.FAILURE
    return Exit.OK
