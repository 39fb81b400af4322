"""Golden transcripts: a play-through saved as JSON, replayed later to see what changed.

A transcript holds the story id, then for every passage shown: the node, a
sha256 digest of its rendered title and text, and the choice taken there (by
its stable key, with its text for people). Replaying takes the same choices
and stops at the first step where the story now differs.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cosmodrome.engine.game import Game
from cosmodrome.engine.passages import Passage
from cosmodrome.engine.state import GameState
from cosmodrome.regular_files import parse_json

FORMAT = "cosmodrome-transcript"
VERSION = 1


class TranscriptError(Exception):
    """A transcript file that cannot be read: not JSON, or not in this format."""


def passage_digest(passage: Passage) -> str:
    """The sha256 of what the player reads at a passage: its title and its text."""
    text = (passage.title or "") + "\n\n" + passage.text
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def record(game: Game, final: GameState, *, seed: int | None = None) -> dict[str, Any]:
    """The transcript of the play-through that led to `final`."""
    history = final.history()
    steps: list[dict[str, Any]] = []
    for state, after in itertools.pairwise(history):
        step = after.last
        assert step is not None
        steps.append(
            {
                "node": state.node,
                "digest": passage_digest(game.passage(state)),
                "choice": step.choice,
                "text": step.text,
            }
        )
    end = game.passage(final)
    return {
        "format": FORMAT,
        "version": VERSION,
        "story": game.story.id,
        "fingerprint": game.story.fingerprint,
        "seed": seed,
        "steps": steps,
        "end": {"node": final.node, "digest": passage_digest(end), "ending": end.ending},
    }


@dataclass(frozen=True)
class _Expected:
    node: str
    digest: str
    choice: str | None  # None at the end of the play-through
    text: str | None
    ending: str | None = None


def _entries(data: Mapping[str, Any]) -> list[_Expected]:
    try:
        out = [
            _Expected(str(s["node"]), str(s["digest"]), str(s["choice"]), str(s["text"]))
            for s in data["steps"]
        ]
        end = data["end"]
        ending = end.get("ending")
        out.append(
            _Expected(
                str(end["node"]),
                str(end["digest"]),
                None,
                None,
                None if ending is None else str(ending),
            )
        )
    except (KeyError, TypeError) as exc:
        raise TranscriptError(f"not a transcript: missing {exc}") from None
    return out


def load_transcript(text: str) -> dict[str, Any]:
    """Parse a transcript file's text; raises `TranscriptError` with one clear line."""
    try:
        data = parse_json(text)
    except json.JSONDecodeError as exc:
        raise TranscriptError(f"not JSON: {exc.msg} at line {exc.lineno}") from None
    except ValueError as exc:  # nested past the bound
        raise TranscriptError(f"not a transcript: {exc}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise TranscriptError(f'not a transcript (no "format": "{FORMAT}")')
    if data.get("version") != VERSION:
        raise TranscriptError(f"transcript version {data.get('version')!r}; this reads {VERSION}")
    _entries(data)
    return data


@dataclass(frozen=True)
class Difference:
    """The first place a replay departs from its transcript (step 0: before the first choice
    is even looked at; step n: the n-th passage, where the n-th choice is made)."""

    step: int
    node: str
    message: str
    choice_text: str | None = None


@dataclass(frozen=True)
class Replay:
    steps: int  # choices replayed
    difference: Difference | None


def replay(game: Game, data: Mapping[str, Any]) -> Replay:
    """Take the transcript's choices again; the first difference, if any."""
    story = game.story
    if data.get("story") != story.id:
        message = f"the transcript is of story '{data.get('story')}', not '{story.id}'"
        return Replay(0, Difference(0, story.start, message))
    state = game.start()
    entries = _entries(data)
    for number, expected in enumerate(entries, 1):
        diff = _compare(game, state, expected, number)
        if diff is not None:
            return Replay(number - 1, diff)
        if expected.choice is None:
            break
        state = game.take(state, expected.choice)
    return Replay(len(entries) - 1, None)


def _compare(game: Game, state: GameState, expected: _Expected, number: int) -> Difference | None:
    story = game.story
    here = story.resolve_node(expected.node)
    if here is None:
        return Difference(number, expected.node, f"node '{expected.node}' no longer exists")
    if here != state.node:
        return Difference(
            number,
            state.node,
            f"the story is at node '{state.node}', the transcript expects '{expected.node}'",
        )
    passage = game.passage(state)
    if passage_digest(passage) != expected.digest:
        return Difference(number, here, f"the text of node '{here}' has changed")
    if expected.choice is None:
        if passage.ending != expected.ending:
            now = f"the ending '{passage.ending}'" if passage.ending else "not an ending"
            was = f"'{expected.ending}'" if expected.ending else "no ending"
            return Difference(number, here, f"node '{here}' is now {now} (recorded: {was})")
        return None
    views = {v.key: v for v in passage.choices}
    choice = story.nodes[here].choice(expected.choice)
    if choice is None:
        return Difference(
            number, here, f"node '{here}' has no choice '{expected.choice}' any more", expected.text
        )
    view = views.get(expected.choice)
    if view is None or not view.available:
        why = f" ({view.reason})" if view is not None and view.reason else ""
        return Difference(
            number, here, f"choice '{expected.choice}' is not available{why}", expected.text
        )
    if view.text != expected.text:
        return Difference(
            number, here, f"choice '{expected.choice}' now reads '{view.text}'", expected.text
        )
    return None
