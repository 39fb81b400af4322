"""Text cut to a width at a word, with an ellipsis (headers, the title menu's lines)."""

from __future__ import annotations

from textual.content import Content


def cut_at_word(text: str, width: int) -> str:
    """`text` if it fits in `width` columns, else cut after its last whole word that fits,
    with an ellipsis ("Amur region…", never "Amur reg…")."""
    if Content(text).cell_length <= width:
        return text
    room = Content(text).truncate(max(0, width - 1)).plain
    cut = room.rstrip()
    if len(room) < len(text) and not text[len(room)].isspace():
        cut = room[: room.rfind(" ")].rstrip() if " " in room else room
    return cut.rstrip(" │·,;:") + "…"
