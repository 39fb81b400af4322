"""`cosmodrome saves [list]` and `cosmodrome saves delete NAME`, with `--saves DIR`."""

from __future__ import annotations

import argparse
import sys


def _saves_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--saves",
        metavar="DIR",
        default=default,
        help="the saves folder (default: $COSMODROME_SAVES, else saves/)",
    )


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("saves", help="list or delete saved games")
    _saves_option(parser, None)
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    listing = actions.add_parser("list", help="list the saved games (the default)")
    delete = actions.add_parser("delete", help="delete a saved game and its backup")
    delete.add_argument("name", metavar="NAME", help="the save's name")
    for child in (listing, delete):
        _saves_option(child, argparse.SUPPRESS)  # so `--saves` may follow the action too
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from cosmodrome.exitcodes import Exit
    from cosmodrome.locations import saves_dir
    from cosmodrome.saves.errors import SaveError
    from cosmodrome.saves.listing import slot_table
    from cosmodrome.saves.slots import check_slot_name
    from cosmodrome.saves.store import SaveStore

    store = SaveStore(saves_dir(args.saves))
    try:
        if args.action == "delete":
            store.delete(args.name)
            print(f"deleted '{check_slot_name(args.name)}'", file=sys.stderr)
            return Exit.OK
        infos = store.slots()
    except SaveError as exc:
        print(f"cosmodrome saves: {exc}", file=sys.stderr)
        return Exit.FAILURE
    if not infos:
        print(f"no saves in {store.directory}", file=sys.stderr)
        return Exit.OK
    for line in slot_table(infos):
        print(line)
    return Exit.OK
