"""The endings a player has reached, across every run: `endings.json` in the saves folder."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from cosmodrome.regular_files import UnreadableFile, parse_json, read_regular
from cosmodrome.saves import values as f
from cosmodrome.saves.atomic import write_atomic
from cosmodrome.saves.errors import SaveError

ENDINGS_FILE = "endings.json"
FORMAT = "cosmodrome-endings"
MAX_BYTES = 1024 * 1024
MAX_STORIES = 1_000


def read_endings(path: Path) -> dict[str, frozenset[str]]:
    """Story id -> ending node ids found; empty when there is no file.
    Raises `SaveError` when the file is damaged, `OSError` when it cannot be read."""
    try:
        data = read_regular(path, MAX_BYTES)
    except FileNotFoundError:
        return {}
    except UnreadableFile as exc:
        raise SaveError(f"{ENDINGS_FILE}: {exc}") from None
    try:
        value = parse_json(data)
    except ValueError:  # UnicodeDecodeError, JSONDecodeError and nesting included
        raise SaveError(f"{ENDINGS_FILE} is not valid JSON") from None
    top = f.fields_of(value, ENDINGS_FILE, frozenset({"format", "version", "stories"}))
    if top["format"] != FORMAT or top["version"] != 1:
        raise SaveError(f"{ENDINGS_FILE} is not a Cosmodrome endings file")
    stories = f.entries(top["stories"], f"{ENDINGS_FILE}: stories")
    if len(stories) > MAX_STORIES:
        raise SaveError(f"{ENDINGS_FILE} lists too many stories")
    return {
        f.ident(story, f"{ENDINGS_FILE}: story id", f.STORY_ID): frozenset(
            f.id_list(nodes, f"{ENDINGS_FILE}: {story}")
        )
        for story, nodes in stories.items()
    }


def encode_endings(found: dict[str, frozenset[str]]) -> bytes:
    """The file's bytes: one story per line."""
    stories = {story: sorted(nodes) for story, nodes in sorted(found.items())}
    body = {"format": FORMAT, "version": 1, "stories": stories}
    return (json.dumps(body, indent=1, ensure_ascii=False) + "\n").encode("utf-8")


def check_ids(story_id: str, node_id: str) -> None:
    """Raises `SaveError` unless both are ids a story could have."""
    f.ident(story_id, "story id", f.STORY_ID)
    f.ident(node_id, "ending id")


def record(path: Path, story_id: str, node_id: str) -> None:
    """Add an ending to the file at `path`, atomically. A damaged file is kept beside it
    as `endings.json.damaged` and a new one started. Raises `SaveError` or `OSError`."""
    check_ids(story_id, node_id)
    try:
        found = read_endings(path)
    except SaveError:
        with contextlib.suppress(OSError):
            path.replace(path.with_name(path.name + ".damaged"))
        found = {}
    known = found.get(story_id, frozenset())
    if node_id in known:
        return
    found[story_id] = known | {node_id}
    write_atomic(path, encode_endings(found))
