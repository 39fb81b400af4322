"""Numbers typed in line mode: a choice's number, how many choices to undo."""

from __future__ import annotations

MAX_DIGITS = 6  # a longer number is no choice and no count of moves: no int() of it


def count_of(word: str) -> int | None:
    """The number `word` writes in decimal digits (of any script, as `int` reads them),
    or None when it is not such a number or has more than `MAX_DIGITS` digits after
    its leading zeros."""
    if not word.isdecimal():
        return None
    digits = word.lstrip("0") or "0"
    return int(digits) if len(digits) <= MAX_DIGITS else None
