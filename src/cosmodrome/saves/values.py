"""Checking values read from a save file: types, sizes, printable text, id patterns.

A save file may be hostile, so every value is checked before it is used, and
every refusal names where in the file the problem is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from cosmodrome.saves.errors import SaveError
from cosmodrome.story.expr import Value
from cosmodrome.story.limits import (
    CHOICE_KEY,
    ID,
    INT_MAX,
    INT_MIN,
    MAX_ENTRIES,
    MAX_KEY_LENGTH,
    MAX_TEXT_LENGTH,
    ONCE_KEY,
    STORY_ID,
    VARIABLE,
)

# The one set of limits the checker and the writer keep too (`cosmodrome.story.limits`).
__all__ = ["CHOICE_KEY", "ID", "MAX_ENTRIES", "ONCE_KEY", "STORY_ID", "VARIABLE"]
# Controls could drive the terminal when a listing prints them; surrogates cannot be encoded.
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")


def refuse(where: str, problem: str) -> SaveError:
    """A refusal naming the place in the file."""
    return SaveError(f"{where}: {problem}" if where else problem)


def obj(value: object, where: str) -> Mapping[str, object]:
    if not isinstance(value, dict):
        raise refuse(where, "must be an object")
    return value


def fields_of(
    value: object, where: str, required: frozenset[str], optional: frozenset[str] = frozenset()
) -> Mapping[str, object]:
    """`value` as an object with exactly the required keys and some of the optional ones."""
    mapping = obj(value, where)
    missing = required - mapping.keys()
    if missing:
        raise refuse(where, f"'{min(missing)}' is missing")
    unknown = mapping.keys() - required - optional
    if unknown:
        raise refuse(where, f"unknown field '{text_preview(min(unknown))}'")
    return mapping


def text_preview(value: str) -> str:
    """A short, printable form of an untrusted string, for messages."""
    short = _CONTROLS.sub("?", value[:40])
    return short + "..." if len(value) > 40 else short


def clean_line(value: str, limit: int) -> str:
    """`value` made fit for a header: one line, no controls, at most `limit` characters."""
    return _CONTROLS.sub("?", " ".join(value.split()))[:limit]


def text(value: object, where: str, limit: int = MAX_TEXT_LENGTH, line: bool = False) -> str:
    """A string of at most `limit` characters; with `line`, one printable line (what a
    listing shows), else any text the story could produce."""
    if not isinstance(value, str):
        raise refuse(where, "must be a string")
    if len(value) > limit:
        raise refuse(where, f"is longer than {limit} characters")
    if (_CONTROLS if line else _SURROGATES).search(value):
        raise refuse(where, "contains control or invalid characters")
    return value


def optional_line(value: object, where: str, limit: int) -> str | None:
    return None if value is None else text(value, where, limit, line=True)


def ident(value: object, where: str, pattern: re.Pattern[str] = ID) -> str:
    if not isinstance(value, str) or len(value) > MAX_KEY_LENGTH or not pattern.fullmatch(value):
        raise refuse(where, "is not a valid id")
    return value


def integer(value: object, where: str, low: int = 0, high: int = INT_MAX) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise refuse(where, "must be an integer")
    if not low <= value <= high:
        raise refuse(where, "is out of range")
    return value


def boolean(value: object, where: str) -> bool:
    if not isinstance(value, bool):
        raise refuse(where, "must be true or false")
    return value


def scalar(value: object, where: str) -> Value:
    """A variable's value: an integer in the story's range, a boolean or a string."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return integer(value, where, INT_MIN, INT_MAX)
    if isinstance(value, str):
        return text(value, where)
    raise refuse(where, "must be an integer, true/false or a string")


def id_list(value: object, where: str, pattern: re.Pattern[str] = ID) -> list[str]:
    if not isinstance(value, list):
        raise refuse(where, "must be a list")
    if len(value) > MAX_ENTRIES:
        raise refuse(where, f"has more than {MAX_ENTRIES} entries")
    return [ident(item, f"{where}[{i}]", pattern) for i, item in enumerate(value)]


def entries(value: object, where: str) -> Mapping[str, object]:
    mapping = obj(value, where)
    if len(mapping) > MAX_ENTRIES:
        raise refuse(where, f"has more than {MAX_ENTRIES} entries")
    return mapping
