"""`cosmodrome graph [DIR] [--format dot|mermaid] [--choice-text] [--output FILE]
[--around NODE [--depth N]] [--era ERA] [--file FILE] [--overview]`."""

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
    parser.add_argument("--around", metavar="NODE", help="only the nodes near NODE")
    parser.add_argument(
        "--depth",
        type=int,
        default=2,
        metavar="N",
        help="with --around: at most N choices away, either way (default: %(default)s)",
    )
    parser.add_argument("--era", help="only the nodes of this era (its id)")
    parser.add_argument("--file", help="only the nodes written in this file (path or name)")
    parser.add_argument(
        "--overview",
        action="store_true",
        help="the whole story, each file's conversation drawn as one box",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from cosmodrome.commands.storyarg import load_or_report
    from cosmodrome.exitcodes import Exit
    from cosmodrome.saves.atomic import write_atomic
    from cosmodrome.story.diagram import story_graph, to_dot, to_mermaid
    from cosmodrome.story.diagram_views import ViewError, overview, select

    if args.depth < 0:
        print("cosmodrome graph: --depth is 0 or more", file=sys.stderr)
        return Exit.USAGE
    story = load_or_report(args.directory, "cosmodrome graph")
    if isinstance(story, Exit):
        return story
    try:
        graph = select(
            story,
            story_graph(story),
            around=args.around,
            depth=args.depth,
            era=args.era,
            file=args.file,
        )
    except ViewError as exc:
        print(f"cosmodrome graph: {exc}", file=sys.stderr)
        return Exit.USAGE
    from cosmodrome.safetext import printable

    if args.overview:
        drawn = overview(story, graph, args.format)
    else:
        render = to_dot if args.format == "dot" else to_mermaid
        drawn = render(graph, choice_text=args.choice_text)
    # a file is also read on a terminal (cat, less -R): escaped there as on stdout
    text = printable(drawn)
    if args.output is None:
        sys.stdout.write(text)
        return Exit.OK
    try:
        write_atomic(Path(args.output), text.encode("utf-8"))
    except OSError as exc:
        print(f"cosmodrome graph: cannot write {args.output}: {exc.strerror}", file=sys.stderr)
        return Exit.FAILURE
    return Exit.OK
