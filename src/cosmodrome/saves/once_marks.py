"""Fitting a save's "already taken" marks of `once` choices to the story as it is now.

A choice without an `id:` is known by its `goto` and its position among the choices
with that `goto`; an author who inserts a choice above it moves that position, and the
mark would pass to the new choice while the old one came back. The save's history
remembers the words of each choice taken, so a mark follows those words to the choice
that now carries them, and the player is told in their own words.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from cosmodrome.saves.history import SavedState
from cosmodrome.saves.values import text_preview
from cosmodrome.story.expr import Value
from cosmodrome.story.model import Choice, Node, Story


def taken_words(saved: Sequence[SavedState]) -> dict[str, str]:
    """`"node/choice-key"` of each choice the history took, with the words it had then."""
    words: dict[str, str] = {}
    for state in saved:
        step = state.last
        if step is not None:
            words.setdefault(f"{step.node}/{step.choice}", step.text)
    return words


def _says(choice: Choice, words: str, variables: Mapping[str, Value]) -> bool:
    if choice.text.is_plain:
        return choice.text.source == words
    try:
        return choice.text.render(variables) == words
    except KeyError:  # a variable the text names is not in this state
        return False


class OnceMarks:
    """Fits each `"node/choice-key"` mark to `story`, following a moved choice by its
    words; `notes` says, in the player's words, which marks were followed."""

    def __init__(self, story: Story, saved: Sequence[SavedState]) -> None:
        self.story = story
        self.words = taken_words(saved)
        self.fitted: dict[str, str | None] = {}
        self.followed: list[str] = []

    def fit(self, entry: str, variables: Mapping[str, Value]) -> str | None:
        """The mark `entry` as it is now, or None when its choice is gone."""
        if entry not in self.fitted:
            self.fitted[entry] = self._fit(entry, variables)
        return self.fitted[entry]

    def _fit(self, entry: str, variables: Mapping[str, Value]) -> str | None:
        node_id, _, key = entry.partition("/")
        current = self.story.resolve_node(node_id)
        if current is None:
            return None
        node = self.story.nodes[current]
        words = self.words.get(entry)
        here = node.choice(key)
        if words is None or (here is not None and _says(here, words, variables)):
            return f"{current}/{key}" if here is not None else None
        moved = _carrying(node, words, variables)
        if moved is None:
            return f"{current}/{key}" if here is not None else None
        self.followed.append(words)
        return f"{current}/{moved.key}"

    @property
    def notes(self) -> list[str]:
        """One sentence per followed mark (a few named, the rest counted)."""
        if not self.followed:
            return []
        named = ", ".join(f'"{text_preview(w)}"' for w in self.followed[:3])
        more = f" and {len(self.followed) - 3} more" if len(self.followed) > 3 else ""
        verb = "has" if len(self.followed) == 1 else "have"
        return [f"Choices moved in the story; {named}{more} {verb} still been taken."]


def _carrying(node: Node, words: str, variables: Mapping[str, Value]) -> Choice | None:
    """The one `once` choice of `node` that says `words`, if exactly one does."""
    found = [c for c in node.choices if c.once and _says(c, words, variables)]
    return found[0] if len(found) == 1 else None
