"""How the game words things for players: times, durations, eras, slots, sentences.

Pure functions, used by both the Textual game and the line-mode player."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from cosmodrome.story.model import Era, Place, Story

if TYPE_CHECKING:
    from cosmodrome.saves.store import SlotInfo
    from cosmodrome.story.expr import Value


def era_name(era: Era) -> str:
    """'2023 · Summit' for an era whose id is a year its label does not name, else the label."""
    if era.id[:1].isdigit() and era.id not in era.label:
        return f"{era.id} · {era.label}"
    return era.label


def place_name(place: Place) -> str:
    """'Vostochny cosmodrome, Amur region', or just the name without a region."""
    return f"{place.name}, {place.region}" if place.region else place.name


def value_text(value: Value) -> str:
    """A variable's value as a player reads it."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def duration(seconds: float) -> str:
    """'under a minute', '12 min', '1 h 05 min'."""
    minutes = int(seconds // 60)
    if minutes < 1:
        return "under a minute"
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"


def when(moment: datetime | None, now: datetime) -> str:
    """'today 14:02', 'yesterday 09:10', '3 May 2024 14:02', in local time."""
    if moment is None:
        return "unknown time"
    if moment.tzinfo is not None:
        # compare like with like: `now`'s zone, or the machine's when `now` is naive
        if now.tzinfo is not None:
            moment = moment.astimezone(now.tzinfo)
        else:
            moment = moment.astimezone().replace(tzinfo=None)
    clock = f"{moment.hour:02d}:{moment.minute:02d}"
    if moment.date() == now.date():
        return f"today {clock}"
    if moment.date() == (now - timedelta(days=1)).date():
        return f"yesterday {clock}"
    return f"{moment.day} {moment:%b %Y} {clock}"


def sentence(message: str) -> str:
    """`message` with a capital letter and a full stop, for a notification."""
    message = message.strip()
    message = message[:1].upper() + message[1:]
    return message if message.endswith((".", "!", "?")) else message + "."


def plural(count: int, word: str) -> str:
    """'1 choice', '3 choices'."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def slot_where(slot: SlotInfo, story: Story | None = None) -> str:
    """Where a slot's game stands: 'Summit · The checkpoint'; for a game of `story` that
    has ended, 'The end: On the apron'."""
    from cosmodrome.saves.listing import ending_reached  # the store is open by now

    ending = ending_reached(slot, story)
    if ending is not None:
        return f"The end: {ending}"
    parts = [p for p in (slot.era_label, slot.node_title) if p]
    if parts:
        return " · ".join(parts)
    return f"after {plural(slot.choices, 'choice')}" if slot.choices else "the beginning"


def slot_details(slot: SlotInfo, story: Story) -> str:
    """One line about a slot: where, how far, how long; or why it cannot be loaded."""
    if slot.status != "ok":
        return f"cannot be loaded: {slot.problem or 'unreadable'}"
    where = slot_where(slot, story)
    details = [where, plural(slot.choices, "choice"), duration(slot.play_seconds)]
    if slot.story_id != story.id:
        details.insert(0, f"from another story, “{slot.story_title or slot.story_id}”")
    return " · ".join(details)


def packed(
    parts: list[str], separator: str, width: int, length: Callable[[str], int] = len
) -> list[str]:
    """`parts` joined by `separator` into lines of at most `width` (as `length` measures),
    never breaking a part ("Hours left: 12" stays whole); a part wider than `width`
    alone stands on its own line, for the caller to cut."""
    lines: list[str] = []
    for part in parts:
        if lines and length(lines[-1] + separator + part) <= width:
            lines[-1] += separator + part
        else:
            lines.append(part)
    return lines
