"""The game state: an immutable snapshot, so undo is keeping the previous one."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace

from cosmodrome.story.expr import Value


@dataclass(frozen=True, slots=True)
class Step:
    """A choice taken: where, which (its stable key) and what it said."""

    node: str
    choice: str
    text: str


@dataclass(frozen=True, slots=True)
class GameState:
    """Where the player is and everything that matters about how they got there.

    Immutable: a move makes a new state, with mappings of its own (the old state's
    are never changed), and keeps this one in `previous` for undo. Two states are
    equal when their own fields are, whatever their histories.
    """

    node: str
    variables: Mapping[str, Value]
    visits: Mapping[str, int]  # node id -> times entered, in first-visit order
    facts: frozenset[str]
    taken_once: frozenset[str]  # "node/choice-key" of `once` choices already taken
    ended: bool
    steps: int  # choices made so far
    last: Step | None  # the choice that led here; None at the start
    previous: GameState | None = field(default=None, repr=False, compare=False)

    def __hash__(self) -> int:
        return hash((self.node, self.steps, self.facts))

    def __copy__(self) -> GameState:
        return self  # immutable, like a tuple: a copy would be the same in every way

    def __deepcopy__(self, memo: dict[int, object]) -> GameState:
        return self  # and a deep copy would walk the whole undo chain for nothing

    def snapshot(self) -> tuple[object, ...]:
        """The state's own fields, without its history: equal states give equal tuples."""
        return (
            self.node,
            tuple(sorted(self.variables.items())),
            tuple(sorted(self.visits.items())),
            self.facts,
            self.taken_once,
            self.ended,
            self.steps,
            self.last,
        )

    def without_undo(self) -> GameState:
        """This state with no previous one: the same game, without its history."""
        return replace(self, previous=None)

    def history(self) -> list[GameState]:
        """Every state from the start to this one, oldest first."""
        chain: list[GameState] = []
        state: GameState | None = self
        while state is not None:
            chain.append(state)
            state = state.previous
        chain.reverse()
        return chain

    def steps_taken(self) -> list[Step]:
        """The choices made, oldest first."""
        return [step for s in self.history() if (step := s.last) is not None]

    def ancestors(self) -> Iterator[GameState]:
        """The states before this one, newest first."""
        state = self.previous
        while state is not None:
            yield state
            state = state.previous
