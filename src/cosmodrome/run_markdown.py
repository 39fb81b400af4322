"""A run written out as Markdown: every passage read and every choice taken, in order."""

from __future__ import annotations

from pathlib import Path

from cosmodrome.engine.game import Game
from cosmodrome.engine.state import GameState
from cosmodrome.safetext import printable
from cosmodrome.saves.atomic import write_atomic


def _quote(text: str) -> str:
    """`text` as a Markdown block quote, one `>` per line."""
    return "\n".join(f"> {line}".rstrip() for line in text.splitlines())


def transcript_markdown(game: Game, state: GameState) -> str:
    """The run that led to `state` as a Markdown document: the story's title, then each
    passage (its heading and text) followed by the choice taken there."""
    story = game.story
    parts = [f"# {story.title}"]
    if story.author:
        parts.append(f"*by {story.author}*")
    steps = state.steps_taken()
    plural = "" if len(steps) == 1 else "s"
    parts.append(f"A transcript of one run: {len(steps)} choice{plural}.")
    for index, moment in enumerate(state.history()):
        passage = game.passage(moment)
        heading = passage.title or passage.node.ending or "…"
        parts.append(f"## {heading}")
        if passage.text:
            parts.append(passage.text)
        if index < len(steps):
            parts.append(_quote(f"**You chose:** {steps[index].text}"))
        elif passage.ending is not None:
            parts.append(f"**The end: {passage.ending}**")
    return "\n\n".join(parts) + "\n"


def export_transcript(game: Game, state: GameState, path: Path) -> Path:
    """Write the transcript of `state` to `path` atomically; returns the absolute path.
    Raises `OSError` when the file cannot be written."""
    target = path.expanduser().resolve()
    text = printable(transcript_markdown(game, state))  # the file is read on terminals too
    write_atomic(target, text.encode("utf-8"))
    return target
