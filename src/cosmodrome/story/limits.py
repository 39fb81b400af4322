"""What a save can hold, and so what a story may ask of one.

One set of limits for the checker (which refuses a story the save format cannot
hold), the engine (which keeps strings within them), the save writer (which trims
undo history to stay under them) and the save loader (which refuses anything past
them). Patterns are matched whole, with `fullmatch`: `$` would admit a trailing newline.
"""

from __future__ import annotations

import re

INT_MIN, INT_MAX = -(2**63), 2**63 - 1  # a story's whole numbers saturate here
MAX_ID_LENGTH = 100  # an authored id: story, node, choice, fact, era, place or variable
# A save's keys join two ids: `node/choice.index` for a `once` choice taken.
MAX_KEY_LENGTH = 2 * MAX_ID_LENGTH + 12
MAX_TEXT_LENGTH = 100_000  # characters of a string value: a variable, a choice's text
# Variables, visited nodes, facts or `once` keys in one state: a story has at most this
# many of each (the 10,000-node benchmark story fits twice over).
MAX_ENTRIES = 20_000
MAX_SAVE_BYTES = 2 * 1024 * 1024  # a save file; the writer drops old undo steps to fit
MAX_TITLE = 500  # characters of a title, label, name or ending: one line on the screen
MAX_CHOICE_TEXT = 1_000  # characters of a choice's text

ID = re.compile(r"[a-z0-9][a-z0-9_-]*")
STORY_ID = re.compile(r"[a-z0-9-]+")
VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
CHOICE_KEY = re.compile(r"[a-z0-9][a-z0-9_-]*(\.[0-9]+)?")
ONCE_KEY = re.compile(r"[a-z0-9][a-z0-9_-]*/[a-z0-9][a-z0-9_-]*(\.[0-9]+)?")


def is_id(text: str, pattern: re.Pattern[str] = ID, limit: int = MAX_ID_LENGTH) -> bool:
    """Whether `text` is a whole match of `pattern` no longer than `limit`."""
    return len(text) <= limit and pattern.fullmatch(text) is not None


def within_text_limit(text: str) -> str:
    """`text` cut to the longest string a save holds: strings saturate as numbers do."""
    return text if len(text) <= MAX_TEXT_LENGTH else text[:MAX_TEXT_LENGTH]


def id_too_long(what: str, value: str) -> str:
    """The checker's message for an id a save could not hold."""
    return (
        f"{what} '{value[:40]}...' is {len(value)} characters long; "
        f"ids have at most {MAX_ID_LENGTH}"
    )
