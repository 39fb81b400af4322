"""`cosmodrome saves [list] [--format text|json]` and `cosmodrome saves delete NAME`,
with `--saves DIR`. Every game's autosave is listed, and whether a game is playing it."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cosmodrome.saves.store import SaveStore, SlotInfo


def _saves_options(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--saves",
        metavar="DIR",
        default=default,
        help="the saves folder (default: $COSMODROME_SAVES, else saves/)",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default=default if default is argparse.SUPPRESS else "text",
        help="how the list is printed (default: text)",
    )


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("saves", help="list or delete saved games")
    _saves_options(parser, None)
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    listing = actions.add_parser("list", help="list the saved games (the default)")
    delete = actions.add_parser("delete", help="delete a saved game and its backup")
    delete.add_argument("name", metavar="NAME", help="the save's name")
    for child in (listing, delete):
        _saves_options(child, argparse.SUPPRESS)  # so the options may follow the action too
    parser.set_defaults(handler=run)


def slot_record(info: SlotInfo, store: SaveStore) -> dict[str, Any]:
    """One slot as a JSON object: `autosave` tells a game's autosave, `in_use` one that
    a game is playing now (Continue skips it), `saved_at` is ISO 8601 in UTC."""
    from cosmodrome.saves.slots import is_autosave

    return {
        "name": info.name,
        "autosave": is_autosave(info.name),
        "in_use": store.autosaves.busy(info.name),
        "status": info.status,
        "problem": info.problem,
        "story_id": info.story_id,
        "story_title": info.story_title,
        "node": info.node,
        "node_title": info.node_title,
        "era_label": info.era_label,
        "saved_at": info.saved_at.isoformat() if info.saved_at else None,
        "play_seconds": info.play_seconds,
        "choices": info.choices,
    }


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
    if args.format == "json":
        records = [slot_record(info, store) for info in infos]
        body = {"directory": str(store.directory), "saves": records}
        print(json.dumps(body, indent=1, ensure_ascii=False))
        return Exit.OK
    if not infos:
        print(f"no saves in {store.directory}", file=sys.stderr)
        return Exit.OK
    in_use = {info.name for info in infos if store.autosaves.busy(info.name)}
    for line in slot_table(infos, in_use):
        print(line)
    return Exit.OK
