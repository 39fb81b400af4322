"""`cosmodrome new node ID [DIR | --story DIR] [--file PATH] [--ending TITLE] [--era E]
[--place P]` and `cosmodrome new story DIR [--title T] [--from-shipped]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

NOT_IN_A_STORY = (
    "not inside a story (no story.yaml here or above); cd into one, name it "
    "(cosmodrome new node ID path/to/story), or start one with: cosmodrome new story DIR"
)


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from cosmodrome.commands.storyarg import add_story_argument

    parser = sub.add_parser(
        "new",
        help="start a story, or add a node skeleton to one",
        description="`new story DIR` makes a small story that checks clean and plays to "
        "an ending. `new node ID` appends a valid node skeleton to a node file of the story "
        "you are in, as text: the file's comments and layout are kept.",
    )
    kinds = parser.add_subparsers(dest="kind", metavar="KIND", required=True)
    node = kinds.add_parser("node", help="add a node to the story you are in (or name)")
    node.add_argument("id", help="the new node's id, e.g. archive-door")
    add_story_argument(node)
    node.add_argument(
        "--file",
        default="nodes/new.yaml",
        help="the node file, relative to the story directory (default: nodes/new.yaml)",
    )
    node.add_argument("--ending", metavar="TITLE", help="make it an ending with this title")
    node.add_argument("--era", help="an era id from story.yaml")
    node.add_argument("--place", help="a place id from story.yaml")
    node.set_defaults(handler=run_node)
    story = kinds.add_parser("story", help="start a new story in a new folder")
    story.add_argument("folder", metavar="DIR", help="the new story's folder (new or empty)")
    story.add_argument("--title", help="the story's title (default: from the folder's name)")
    story.add_argument(
        "--from-shipped",
        action="store_true",
        help="start from a copy of the shipped story, to extend it",
    )
    story.set_defaults(handler=run_story)


def run_node(args: argparse.Namespace) -> int:
    from cosmodrome.commands.storyarg import found_story
    from cosmodrome.exitcodes import Exit
    from cosmodrome.locations import inside_package
    from cosmodrome.saves.atomic import write_atomic
    from cosmodrome.story.diagnostic_text import render_all
    from cosmodrome.story.loader import StoryNotFound, check_story
    from cosmodrome.story.scaffold import ScaffoldError, plan_node

    directory = found_story(args.directory)
    if directory is None:
        print(f"cosmodrome new: {NOT_IN_A_STORY}", file=sys.stderr)
        return Exit.USAGE
    if inside_package(directory):
        print(
            f"cosmodrome new: {directory} is the installed game's own story: copy it first "
            "(cosmodrome new story DIR --from-shipped) and add nodes to the copy",
            file=sys.stderr,
        )
        return Exit.USAGE
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
        for line in render_all(mine):
            print(line, file=sys.stderr)
        print("cosmodrome new: the skeleton did not check; nothing was changed", file=sys.stderr)
        return Exit.FAILURE
    print(f"{plan.path}:{plan.line}: added node '{args.id}'")
    if not args.ending:
        print(
            f"  it leads back to the start for now; link to it with `goto: {args.id}`",
            file=sys.stderr,
        )
    return Exit.OK


def run_story(args: argparse.Namespace) -> int:
    from cosmodrome.exitcodes import Exit
    from cosmodrome.locations import default_story_dir, inside_package
    from cosmodrome.saves.atomic import write_atomic
    from cosmodrome.story.newstory import new_story_files, seeded_files

    folder = Path(args.folder)
    if inside_package(folder):
        print(f"cosmodrome new: {folder} is inside the installed game", file=sys.stderr)
        return Exit.USAGE
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        print(f"cosmodrome new: {folder} already exists and is not empty", file=sys.stderr)
        return Exit.USAGE
    if args.from_shipped:
        files = seeded_files(default_story_dir())
    else:
        files = {
            name: text.encode("utf-8") for name, text in new_story_files(folder, args.title).items()
        }
    try:
        for relative, data in files.items():
            target = folder / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, data)
    except OSError as exc:
        print(f"cosmodrome new: cannot write in {folder}: {exc.strerror}", file=sys.stderr)
        return Exit.FAILURE
    print(f"{folder}: a new story ({len(files)} files)")
    print(f"  next: cd {folder} && cosmodrome check && cosmodrome play --watch", file=sys.stderr)
    return Exit.OK
