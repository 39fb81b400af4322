"""Slots in words, for the command line and the line-mode player: no UI imported."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from cosmodrome.saves.store import SlotInfo
from cosmodrome.story.model import Story


def play_time(seconds: float) -> str:
    """'45s', '12m 05s' or '3h 07m'."""
    total = int(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h {minutes:02d}m"
    if minutes:
        return f"{minutes}m {secs:02d}s"
    return f"{secs}s"


def saved_when(moment: datetime | None) -> str:
    """The save time in the local time zone, to the minute: '2025-04-12 18:30'."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else "?"


def ending_reached(info: SlotInfo, story: Story | None) -> str | None:
    """The title of the ending the slot's game reached, if it is a game of `story`."""
    if story is None or info.node is None or info.story_id != story.id:
        return None
    node = story.resolve_node(info.node)
    return story.nodes[node].ending if node is not None else None


def where(info: SlotInfo, story: Story | None = None) -> str:
    """Where the slot's game stands: 'The checkpoint (Summit)'; for a finished game of
    `story`, 'The end: On the apron'."""
    ending = ending_reached(info, story)
    if ending is not None:
        return f"The end: {ending}"
    place = info.node_title or "an untitled passage"
    return f"{place} ({info.era_label})" if info.era_label else place


def slot_line(info: SlotInfo, story: Story | None = None) -> str:
    """One line about a slot: where (a finished game of `story` by its ending), how far
    and how long, or why it cannot be loaded."""
    if info.status != "ok":
        return f"{info.name}: damaged ({info.problem})"
    choices = "1 choice" if info.choices == 1 else f"{info.choices} choices"
    return (
        f"{info.name}: {info.story_title}, {where(info, story)}; {choices}, "
        f"played {play_time(info.play_seconds)}, saved {saved_when(info.saved_at)}"
    )


def slot_table(infos: list[SlotInfo], in_use: Collection[str] = ()) -> list[str]:
    """The slots as aligned text columns, with a heading row; a slot named in `in_use`
    (an autosave a game is playing now) is marked with a `*`."""
    rows = [("SLOT", "STORY", "WHERE", "CHOICES", "PLAYED", "SAVED")]
    for info in infos:
        name = f"{info.name} *" if info.name in in_use else info.name
        if info.status != "ok":
            rows.append((name, f"damaged: {info.problem}", "", "", "", ""))
            continue
        rows.append(
            (
                name,
                info.story_title or "?",
                where(info),
                str(info.choices),
                play_time(info.play_seconds),
                saved_when(info.saved_at),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    if any(info.name in in_use for info in infos):
        lines.append("* being played now")
    return lines
