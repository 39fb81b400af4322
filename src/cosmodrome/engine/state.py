"""The game state: an immutable snapshot, so undo is keeping the previous one."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields

from cosmodrome.story.expr import Value


@dataclass(frozen=True, slots=True)
class Step:
    """A choice taken: where, which (its stable key) and what it said."""

    node: str
    choice: str
    text: str


@dataclass(frozen=True, slots=True, eq=False)
class GameState:
    """Where the player is and everything that matters about how they got there.

    The mappings are never mutated after construction; a new state shares
    nothing mutable with its predecessor, which it keeps in `previous` for undo.
    """

    node: str
    variables: Mapping[str, Value]
    visits: Mapping[str, int]
    facts: frozenset[str]
    taken_once: frozenset[str]  # "node/choice-key" of `once` choices already taken
    ended: bool
    steps: int  # choices made so far
    last: Step | None  # the choice that led here; None at the start
    previous: GameState | None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, GameState):
            return NotImplemented
        return self.snapshot() == other.snapshot()

    def __hash__(self) -> int:
        return hash((self.node, self.steps, tuple(sorted(self.facts))))

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
        return [s.last for s in self.history() if s.last is not None]

    def ancestors(self) -> Iterator[GameState]:
        state = self.previous
        while state is not None:
            yield state
            state = state.previous


_FIELDS = (
    *("node", "variables", "visits", "facts", "taken_once"),
    *("ended", "steps", "last", "previous"),
)
if tuple(f.name for f in fields(GameState)) != _FIELDS:  # pragma: no cover - a guard for editors
    raise ImportError("GameState's fields changed: update new_state() to match")
_new = object.__new__
(_node, _variables, _visits, _facts, _taken, _ended, _steps, _last, _previous) = (
    GameState.__dict__[name].__set__ for name in _FIELDS
)


def new_state(  # noqa: PLR0917 - the same arguments as GameState(...)
    node: str,
    variables: Mapping[str, Value],
    visits: Mapping[str, int],
    facts: frozenset[str],
    taken_once: frozenset[str],
    ended: bool,
    steps: int,
    last: Step | None,
    previous: GameState | None,
) -> GameState:
    """`GameState(...)`, built at half the cost: the engine makes one per choice, and a
    frozen dataclass's `__init__` goes through `object.__setattr__` field by field."""
    state: GameState = _new(GameState)
    _node(state, node)
    _variables(state, variables)
    _visits(state, visits)
    _facts(state, facts)
    _taken(state, taken_once)
    _ended(state, ended)
    _steps(state, steps)
    _last(state, last)
    _previous(state, previous)
    return state


_step_node, _step_choice, _step_text = (
    Step.__dict__[name].__set__ for name in ("node", "choice", "text")
)


def new_step(node: str, choice: str, text: str) -> Step:
    """`Step(node, choice, text)` without the frozen dataclass's `object.__setattr__`s."""
    step: Step = _new(Step)
    _step_node(step, node)
    _step_choice(step, choice)
    _step_text(step, text)
    return step
