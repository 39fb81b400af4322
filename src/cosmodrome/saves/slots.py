"""Slot names and the files they live in: a safe character set, nothing path-like."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from cosmodrome.saves.errors import SaveError

AUTOSAVE = "autosave"  # the one autosave of older versions: now one autosave among others
AUTOSAVE_PREFIX = "auto-"  # every game's own autosave is `auto-<number>`
QUICKSAVE = "quicksave"
MAX_NAME_LENGTH = 40
SLOT_SUFFIX = ".save.json"
BACKUP_SUFFIX = ".save.json.bak"

_AUTOSAVE_NAME = re.compile(r"auto-([1-9][0-9]{0,8})")
_NAME = re.compile(r"[a-z0-9_-][a-z0-9 _-]*")
# Names Windows reserves for devices, whatever the extension.
_DEVICES = frozenset(
    ["con", "prn", "aux", "nul"] + [f"com{n}" for n in range(10)] + [f"lpt{n}" for n in range(10)]
)
_RULE = "a save name is 1 to 40 letters, digits, spaces, '-' or '_'"


def check_slot_name(name: str) -> str:
    """The slot name in its normal form (trimmed, single spaces, lower case, since
    Windows and macOS file names ignore case); raises `SaveError` for anything else."""
    if not isinstance(name, str):
        raise SaveError(_RULE)
    return _normal_name(name)


@lru_cache(maxsize=256)  # the same few names, checked on every save and load
def _normal_name(name: str) -> str:
    normal = re.sub(" +", " ", name.strip(" ")).lower()
    if not normal:
        raise SaveError("a save needs a name")
    if len(normal) > MAX_NAME_LENGTH or not _NAME.fullmatch(normal):
        raise SaveError(_RULE)
    if normal in _DEVICES:
        raise SaveError(f"'{normal}' is reserved by the operating system; choose another name")
    return normal


@lru_cache(maxsize=256)
def slot_path(directory: Path, name: str) -> Path:
    """The file of the slot `name` (already checked) in `directory`."""
    return directory / f"{name}{SLOT_SUFFIX}"


@lru_cache(maxsize=256)
def backup_path(directory: Path, name: str) -> Path:
    """The backup of the slot `name`: the version the last save replaced."""
    return directory / f"{name}{BACKUP_SUFFIX}"


def slot_name_of(filename: str) -> str | None:
    """The slot a file in the saves directory belongs to, or None when it is no slot file
    (settings, endings, temporary files, names outside the safe set)."""
    for suffix in (SLOT_SUFFIX, BACKUP_SUFFIX):
        if filename.endswith(suffix):
            stem = filename[: -len(suffix)]
            try:
                normal = check_slot_name(stem)
            except SaveError:
                return None
            return normal if normal == stem else None
    return None


def is_autosave(name: str) -> bool:
    """Whether the (checked) slot name is a game's autosave: `auto-<number>`, or the
    single `autosave` of older versions."""
    return name == AUTOSAVE or _AUTOSAVE_NAME.fullmatch(name) is not None


def autosave_number(name: str) -> int | None:
    """The number of the autosave `auto-<number>`; None for any other name."""
    match = _AUTOSAVE_NAME.fullmatch(name)
    return int(match[1]) if match else None


def autosave_name(number: int) -> str:
    """The name of the autosave numbered `number` (from 1): `auto-<number>`."""
    return f"{AUTOSAVE_PREFIX}{number}"
