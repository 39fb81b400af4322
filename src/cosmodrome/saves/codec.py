"""The save file: JSON with a format tag and version, a header for listing, the
history, and a checksum; read back with every size and type checked.

Layout (one move per line, so a save is readable and diffs well)::

    {
      "format": "cosmodrome-save",
      "version": 1,
      "header": {"story_id": ..., "story_title": ..., "fingerprint": ..., "node": ...,
                 "node_title": ..., "era_label": ..., "saved_at": ..., "play_seconds": ...,
                 "choices": ...},
      "history": {"start": {...}, "moves": [{...}, ...]},
      "checksum": "sha256:<hex>"
    }

The checksum is the SHA-256 of the canonical JSON (sorted keys, no spaces,
ASCII) of everything but the checksum, so reformatting keeps a save valid while
truncating or editing it does not.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from datetime import UTC, datetime

from cosmodrome.saves import fields as f
from cosmodrome.saves.errors import SaveError
from cosmodrome.saves.history import Json

FORMAT = "cosmodrome-save"
VERSION = 1
MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 8  # the format's own nesting is 5 levels
MAX_PLAY_SECONDS = 1e10
MAX_TITLE = 500

_TOP_KEYS = frozenset({"format", "version", "header", "history", "checksum"})
_HEADER_KEYS = frozenset(
    {"story_id", "story_title", "fingerprint", "node", "node_title", "era_label"}
    | {"saved_at", "play_seconds", "choices"}
)


@dataclass(frozen=True, slots=True)
class Header:
    """What a slot listing shows, readable without loading the story."""

    story_id: str
    story_title: str
    fingerprint: str
    node: str
    node_title: str | None
    era_label: str | None
    saved_at: datetime
    play_seconds: float
    choices: int


@dataclass(frozen=True, slots=True)
class Document:
    """A save file whose envelope, header and checksum are sound; the history is
    still raw JSON, checked by `history.decode_history`."""

    header: Header
    history: object


def checksum(body: Json) -> str:
    """The checksum of a document without its `checksum` field."""
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return "sha256:" + hashlib.sha256(canonical.encode("ascii")).hexdigest()


def _header_json(header: Header) -> Json:
    return {
        "story_id": header.story_id,
        "story_title": header.story_title,
        "fingerprint": header.fingerprint,
        "node": header.node,
        "node_title": header.node_title,
        "era_label": header.era_label,
        "saved_at": header.saved_at.astimezone(UTC).isoformat(timespec="seconds"),
        "play_seconds": round(header.play_seconds, 3),
        "choices": header.choices,
    }


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def encode(header: Header, history: Json) -> bytes:
    """The file's bytes: readable JSON, one move per line. Raises `ValueError` for text
    that cannot be encoded (a lone surrogate)."""
    head = _header_json(header)
    body: Json = {"format": FORMAT, "version": VERSION, "header": head, "history": history}
    moves = history["moves"]
    assert isinstance(moves, list)
    lines = [
        "{",
        f'  "format": {_dump(FORMAT)},',
        f'  "version": {VERSION},',
        '  "header": {',
        ",\n".join(f"    {_dump(key)}: {_dump(value)}" for key, value in head.items()),
        "  },",
        '  "history": {',
        f'    "start": {_dump(history["start"])},',
    ]
    if moves:
        lines.append('    "moves": [')
        lines.append(",\n".join(f"      {_dump(move)}" for move in moves))
        lines.append("    ]")
    else:
        lines.append('    "moves": []')
    lines += ["  },", f'  "checksum": {_dump(checksum(body))}', "}", ""]
    return "\n".join(lines).encode("utf-8")


def _reject_constant(name: str) -> object:
    raise ValueError(f"{name} is not allowed")


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    result: dict[str, object] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate key '{f.text_preview(key)}'")
        result[key] = value
    return result


def _too_deep(value: object, limit: int) -> bool:
    """Whether containers nest deeper than `limit`; iterative, so no recursion limit."""
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children: list[object]
        if isinstance(item, dict):
            children = list(item.values())
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


def _parse(data: bytes) -> object:
    if len(data) > MAX_FILE_BYTES:
        raise SaveError(f"it is too large ({len(data)} bytes; a save is at most 2 MB)")
    if not data.strip():
        raise SaveError("it is empty")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SaveError("it is not UTF-8 text: damaged, or not a save") from None
    try:
        return json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_reject_constant)
    except RecursionError:
        raise SaveError("it is nested too deeply to be a save") from None
    except json.JSONDecodeError as exc:
        raise SaveError(f"it is not valid JSON (line {exc.lineno}): truncated or damaged") from None
    except ValueError as exc:  # an integer with thousands of digits, NaN, a duplicate key
        raise SaveError(f"it is not a valid save: {exc}") from None


def _number(value: object, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise f.refuse(where, "must be a number")
    number = float(value)
    if not (math.isfinite(number) and 0 <= number <= MAX_PLAY_SECONDS):
        raise f.refuse(where, "is out of range")
    return number


def _time(value: object, where: str) -> datetime:
    raw = f.text(value, where, 40, line=True)
    try:
        moment = datetime.fromisoformat(raw)
    except ValueError:
        raise f.refuse(where, "is not an ISO date and time") from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _header(value: object) -> Header:
    raw = f.fields_of(value, "header", _HEADER_KEYS)
    return Header(
        f.ident(raw["story_id"], "header.story_id", f.STORY_ID),
        f.text(raw["story_title"], "header.story_title", MAX_TITLE, line=True),
        f.text(raw["fingerprint"], "header.fingerprint", 200, line=True),
        f.ident(raw["node"], "header.node"),
        f.optional_line(raw["node_title"], "header.node_title", MAX_TITLE),
        f.optional_line(raw["era_label"], "header.era_label", MAX_TITLE),
        _time(raw["saved_at"], "header.saved_at"),
        _number(raw["play_seconds"], "header.play_seconds"),
        f.integer(raw["choices"], "header.choices"),
    )


def decode(data: bytes) -> Document:
    """The document in a save file's bytes, its checksum verified and header checked;
    raises `SaveError` with the reason, never anything else."""
    value = _parse(data)
    if not isinstance(value, dict) or value.get("format") != FORMAT:
        raise SaveError("it is not a Cosmodrome save")
    version = value.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise SaveError("its format version is missing or invalid")
    if version > VERSION:
        raise SaveError(
            f"it was made by a newer Cosmodrome (save format {min(version, 10**6)}); "
            "update the game to load it"
        )
    f.fields_of(value, "the file", _TOP_KEYS)
    if _too_deep(value, MAX_DEPTH):
        raise SaveError("it is nested too deeply to be a save")
    body = {key: item for key, item in value.items() if key != "checksum"}
    if value["checksum"] != checksum(body):
        raise SaveError("its checksum does not match: the file was truncated or edited")
    return Document(_header(value["header"]), value["history"])
