"""`cosmodrome new node ID [--file PATH] [--story DIR] [--ending TITLE] [--era E] [--place P]`."""

from __future__ import annotations

import argparse
import sys


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "new",
        help="add a node skeleton to a story",
        description="Append a valid node skeleton to a node file, as text: the file's "
        "comments and layout are kept. The new node leads back to the start until you "
        "give it real choices.",
    )
    kinds = parser.add_subparsers(dest="kind", metavar="KIND", required=True)
    node = kinds.add_parser("node", help="add a node")
    node.add_argument("id", help="the new node's id, e.g. archive-door")
    node.add_argument(
        "--file",
        default="nodes/new.yaml",
        help="the node file, relative to the story directory (default: nodes/new.yaml)",
    )
    node.add_argument("--story", help="the story directory (default: the shipped story)")
    node.add_argument("--ending", metavar="TITLE", help="make it an ending with this title")
    node.add_argument("--era", help="an era id from story.yaml")
    node.add_argument("--place", help="a place id from story.yaml")
    node.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from cosmodrome.exitcodes import Exit
    from cosmodrome.locations import default_story_dir
    from cosmodrome.saves.atomic import write_atomic
    from cosmodrome.story.loader import StoryNotFound, check_story
    from cosmodrome.story.scaffold import ScaffoldError, plan_node

    directory = args.story or str(default_story_dir())
    try:
        plan = plan_node(
            directory, args.id, args.file, ending=args.ending, era=args.era, place=args.place
        )
    except StoryNotFound as exc:
        print(f"cosmodrome new: {exc}", file=sys.stderr)
        return Exit.USAGE
    except ScaffoldError as exc:
        print(f"cosmodrome new: {exc}", file=sys.stderr)
        return Exit.FAILURE
    old = None if plan.created else plan.path.read_bytes()
    try:
        plan.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(plan.path, plan.text.encode("utf-8"))
    except OSError as exc:
        print(f"cosmodrome new: cannot write {plan.path}: {exc.strerror}", file=sys.stderr)
        return Exit.FAILURE
    result = check_story(directory, use_cache=False)
    target = plan.path.resolve()
    mine = [d for d in result.errors if Path(d.path).resolve() == target]
    if mine:  # never leave the story broken by our own hand
        if old is None:
            plan.path.unlink()
        else:
            write_atomic(plan.path, old)
        for diagnostic in mine:
            print(diagnostic.format(), file=sys.stderr)
        print("cosmodrome new: the skeleton did not check; nothing was changed", file=sys.stderr)
        return Exit.FAILURE
    print(f"{plan.path}:{plan.line}: added node '{args.id}'")
    if not args.ending:
        print(
            f"  it leads back to the start for now; link to it with `goto: {args.id}`",
            file=sys.stderr,
        )
    return Exit.OK
