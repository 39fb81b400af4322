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

The checksum Cosmodrome writes is the SHA-256 of the file's exact bytes before
the checksum line, so checking it costs one hash and truncating or editing a save
is detected. A file made by hand (or by an earlier Cosmodrome) may instead carry
the SHA-256 of the canonical JSON (sorted keys, no spaces, ASCII) of everything
but the checksum; that is accepted too, at the cost of re-serialising.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from datetime import UTC, datetime

from cosmodrome.saves import values as f
from cosmodrome.saves.errors import SaveError
from cosmodrome.saves.history import Json
from cosmodrome.story import limits

FORMAT = "cosmodrome-save"
VERSION = 1
MAX_FILE_BYTES = limits.MAX_SAVE_BYTES
MAX_PLAY_SECONDS = 1e10
MAX_TITLE = limits.MAX_TITLE

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


_SEAL_HEAD = b'  "checksum": "sha256:'
_SEAL_TAIL = b'"\n}\n'
_SEAL_LENGTH = len(_SEAL_HEAD) + 64 + len(_SEAL_TAIL)


def checksum(body: Json) -> str:
    """The canonical checksum of a document without its `checksum` field (what a
    hand-made save carries; Cosmodrome writes `sealed_checksum` of the bytes)."""
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


def sealed_checksum(prefix: bytes | memoryview) -> str:
    """The checksum Cosmodrome writes: of the file's bytes before the checksum line."""
    return "sha256:" + hashlib.sha256(prefix).hexdigest()


# One encoder for every value: `json.dumps` with options would build one per call.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))


def dump(value: object) -> str:
    """`value` as one line of the file's JSON."""
    return _ENCODER.encode(value)


_KEYS = {key: f"{dump(key)}: " for key in _HEADER_KEYS}


def encode_line(value: object) -> bytes:
    """`value` as one line of the file's JSON, in UTF-8. Raises `ValueError` for text
    that cannot be encoded (a lone surrogate)."""
    return _ENCODER.encode(value).encode("utf-8")


def encode(header: Header, start: Json, moves: list[bytes]) -> bytes:
    """The file's bytes: readable JSON, one move per line (`moves` already encoded, see
    `encode_line`). Raises `ValueError` for text that cannot be encoded (a lone surrogate)."""
    head = _header_json(header)
    lines = [
        "{",
        f'  "format": {dump(FORMAT)},',
        f'  "version": {VERSION},',
        '  "header": {',
        ",\n".join(f"    {_KEYS[key]}{dump(value)}" for key, value in head.items()),
        "  },",
        '  "history": {',
        f'    "start": {dump(start)},',
        '    "moves": [' if moves else '    "moves": []',
        "",
    ]
    opening = "\n".join(lines).encode("utf-8")
    closing = b"    ]\n  },\n" if moves else b"  },\n"
    body = b"      " + b",\n      ".join(moves) + b"\n" if moves else b""
    prefix = b"".join((opening, body, closing))
    return b"".join((prefix, _SEAL_HEAD, sealed_checksum(prefix)[7:].encode(), _SEAL_TAIL))


def _reject_constant(name: str) -> object:
    raise ValueError(f"{name} is not allowed")


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    result: dict[str, object] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate key '{f.text_preview(key)}'")
        result[key] = value
    return result


# Made once: `json.loads` with options would build a decoder per call.
_QUICK_DECODER = json.JSONDecoder(parse_constant=_reject_constant)
_STRICT_DECODER = json.JSONDecoder(object_pairs_hook=_unique_keys, parse_constant=_reject_constant)


def _parse(data: bytes, sealed: bool) -> object:
    if len(data) > MAX_FILE_BYTES:
        raise SaveError(f"it is too large ({len(data)} bytes; a save is at most 2 MB)")
    if not data or data.isspace():
        raise SaveError("it is empty")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SaveError("it is not UTF-8 text: damaged, or not a save") from None
    try:
        if sealed:  # as Cosmodrome wrote it, so without duplicate keys: the quick parser
            return _QUICK_DECODER.decode(text)
        return _STRICT_DECODER.decode(text)
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


# Years a save may claim: any moment between them can be shown in any time zone (a year
# of 1 or 9999 with an offset overflows `datetime` when converted).
YEARS = (1970, 9998)


def _time(value: object, where: str) -> datetime:
    raw = f.text(value, where, 40, line=True)
    try:
        moment = datetime.fromisoformat(raw)
        moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    except (ValueError, OverflowError):
        raise f.refuse(where, "is not an ISO date and time") from None
    if not YEARS[0] <= moment.year <= YEARS[1]:
        raise f.refuse(where, f"is not a date between {YEARS[0]} and {YEARS[1]}")
    return moment


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


_HISTORY_LINE = b',\n  "history": {\n'


def sealed_header(data: bytes) -> Header | None:
    """The header of a file exactly as Cosmodrome wrote it (its seal intact), checked as
    `decode` checks it, with only the header parsed: listing two hundred full slots
    costs their hashes, not their histories. None for any other file (decode it whole);
    raises `SaveError`."""
    cut = data.find(_HISTORY_LINE) if _seal(data) is not None else -1
    if cut < 0:
        return None
    value = _parse(data[:cut] + b"\n}", sealed=True)
    _check_envelope(value, _TOP_KEYS - {"history", "checksum"})
    assert isinstance(value, dict)
    return _header(value["header"])


def _check_envelope(value: object, keys: frozenset[str]) -> None:
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
    f.fields_of(value, "the file", keys)


def decode(data: bytes) -> Document:
    """The document in a save file's bytes, its checksum verified and header checked;
    raises `SaveError` with the reason, never anything else."""
    seal = _seal(data)
    value = _parse(data, seal is not None)
    _check_envelope(value, _TOP_KEYS)
    assert isinstance(value, dict)
    # Nesting beyond the format's own is refused by the type checks of every value.
    if seal is None or value["checksum"] != seal:
        body = {key: item for key, item in value.items() if key != "checksum"}
        if value["checksum"] != checksum(body):
            raise SaveError("its checksum does not match: the file was truncated or edited")
    return Document(_header(value["header"]), value["history"])


def _seal(data: bytes) -> str | None:
    """The checksum in the checksum line Cosmodrome writes at the end of `data`, when
    it is there and right for the bytes before it; else None."""
    cut = len(data) - _SEAL_LENGTH
    if cut < 0:
        return None
    tail = data[cut:]
    if not (tail.startswith(_SEAL_HEAD) and tail.endswith(_SEAL_TAIL)):
        return None
    claimed = "sha256:" + tail[len(_SEAL_HEAD) : -len(_SEAL_TAIL)].decode("ascii", "replace")
    return claimed if claimed == sealed_checksum(memoryview(data)[:cut]) else None
