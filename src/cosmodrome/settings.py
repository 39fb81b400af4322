"""The player's settings: a small JSON file in the platform's config folder. Imports no UI.

A missing, unreadable or malformed file gives the defaults (and says why);
a value of the wrong type or out of range falls back to its default alone.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any, Literal

from cosmodrome.regular_files import describe, parse_json, read_regular

SETTINGS_FILE = "settings.json"
MAX_SETTINGS_BYTES = 64 * 1024  # three small values: anything larger is not a settings file
DEFAULT_THEME = "textual-dark"
HIGH_CONTRAST_THEME = "cosmodrome-high-contrast"
TextReveal = Literal["instant", "typewriter"]
TEXT_REVEALS: tuple[TextReveal, ...] = ("instant", "typewriter")


@dataclass(frozen=True, slots=True)
class Settings:
    """What the player chose. The theme name is checked by the UI, which knows the themes."""

    theme: str = DEFAULT_THEME
    text_reveal: TextReveal = "instant"
    confirm_quit: bool = True


def settings_path(saves_directory: Path | None = None) -> Path:
    """Where the settings live: `settings.json` in `locations.config_dir()`.

    Older versions kept them in the saves folder: given that folder, a settings file
    found there (and none in the config folder yet) is moved over first, once. When it
    cannot be moved, the caller gets the old file's path, so no choice is lost.
    """
    from cosmodrome.locations import config_dir

    target = config_dir() / SETTINGS_FILE
    if saves_directory is None:
        return target
    old = saves_directory / SETTINGS_FILE
    try:
        if target.exists() or not old.is_file():
            return target
    except OSError:  # a folder that cannot be searched: reading the file will say so, once
        return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(old, target)
    except OSError:
        return old
    return target


def _field_ok(name: str, value: object) -> bool:
    if name == "theme":
        return isinstance(value, str) and 0 < len(value) <= 64
    if name == "text_reveal":
        return value in TEXT_REVEALS
    if name == "confirm_quit":
        return isinstance(value, bool)
    return False


def parse_settings(raw: object) -> tuple[Settings, list[str]]:
    """Settings from decoded JSON, and one line per value that was ignored."""
    if not isinstance(raw, dict):
        return Settings(), ["the settings file is not a JSON object; using the defaults"]
    problems: list[str] = []
    values: dict[str, Any] = {}
    known = {f.name for f in fields(Settings)}
    for key, value in raw.items():
        if key not in known:
            continue  # a setting from a newer version: keep quiet, it does no harm
        if _field_ok(key, value):
            values[key] = value
        else:
            shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
            problems.append(f"setting '{key}' has an unusable value {shown}; using the default")
    return replace(Settings(), **values), problems


def load_settings(path: Path) -> tuple[Settings, list[str]]:
    """The settings stored at `path` (defaults when there are none) and any problems found.

    Never raises: a player must never be locked out by a bad settings file.
    """
    try:
        data = read_regular(path, MAX_SETTINGS_BYTES)
    except FileNotFoundError:
        return Settings(), []
    except OSError as exc:
        return Settings(), [f"cannot read {path}: {describe(exc)}; using the defaults"]
    try:
        raw = parse_json(data)
    except json.JSONDecodeError as exc:
        return Settings(), [f"{path} is not valid JSON (line {exc.lineno}); using the defaults"]
    except ValueError as exc:  # not UTF-8, or nested too deeply
        return Settings(), [f"{path} is not valid JSON ({exc}); using the defaults"]
    return parse_settings(raw)


def save_settings(path: Path, settings: Settings, *, before: Settings | None = None) -> Settings:
    """Write `settings` to `path` atomically, creating the directory, and return what was
    written. With `before` (what the player changed `settings` from), only the changed
    values go over the file as it is now, so a change another game made meanwhile is
    kept. Raises `OSError`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    from cosmodrome.saves.atomic import write_atomic  # the save store: not needed to start
    from cosmodrome.saves.locks import folder_lock

    with folder_lock(path.parent):  # read, change, write: one game at a time
        if before is not None:
            names = [f.name for f in fields(Settings)]
            changed = {
                n: getattr(settings, n) for n in names if getattr(settings, n) != getattr(before, n)
            }
            settings = replace(load_settings(path)[0], **changed)
        data = json.dumps(asdict(settings), indent=2, sort_keys=True) + "\n"
        write_atomic(path, data.encode("utf-8"))
    return settings


def with_reveal(settings: Settings, value: str) -> Settings:
    """`settings` with the text reveal `value` when it is a known one, else unchanged."""
    for reveal in TEXT_REVEALS:
        if value == reveal:
            return replace(settings, text_reveal=reveal)
    return settings
