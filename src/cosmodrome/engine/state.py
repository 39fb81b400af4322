"""The game state: an immutable snapshot, so undo is keeping the previous one."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import FrozenInstanceError, dataclass

from cosmodrome.engine.visits import VisitLog, Visits, log_of, view
from cosmodrome.story.expr import Value


@dataclass(frozen=True, slots=True)
class Step:
    """A choice taken: where, which (its stable key) and what it said."""

    node: str
    choice: str
    text: str


_new = object.__new__
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


class _Fields:
    """The fields of a `GameState`: one object, not a little tree of them, because a game
    holds on to every state it passed through. The visit counts are a place in a
    `VisitLog` shared along the play, and the choice that led here is kept as its parts."""

    __slots__ = (
        *("node", "variables", "facts", "taken_once", "ended", "steps", "previous"),
        *("_visit_log", "_visit_end", "_took_node", "_took_choice", "_took_text"),
    )
    node: str
    variables: Mapping[str, Value]
    facts: frozenset[str]
    taken_once: frozenset[str]  # "node/choice-key" of `once` choices already taken
    ended: bool
    steps: int  # choices made so far
    previous: GameState | None
    _visit_log: VisitLog
    _visit_end: int
    _took_node: str | None  # None at the start: no choice led here
    _took_choice: str
    _took_text: str


class GameState(_Fields):
    """Where the player is and everything that matters about how they got there.

    Immutable, the mappings included: a move makes a new state, which keeps this
    one in `previous` for undo. `visits` and `last` are read from the fields.
    """

    __slots__ = ()

    def __new__(  # noqa: PLR0917 - the fields, as a dataclass would take them
        cls,
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
        log, end = log_of(visits)
        if last is None:
            return make_state(
                node, variables, log, end, facts, taken_once, ended, steps, None, "", "", previous
            )
        return make_state(
            node,
            variables,
            log,
            end,
            facts,
            taken_once,
            ended,
            steps,
            last.node,
            last.choice,
            last.text,
            previous,
        )

    @property
    def visits(self) -> Visits:
        """Node id -> times entered, this one included."""
        return view(self._visit_log, self._visit_end)

    @property
    def last(self) -> Step | None:
        """The choice that led here; None at the start."""
        node = self._took_node
        return None if node is None else new_step(node, self._took_choice, self._took_text)

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field '{name}'")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field '{name}'")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, GameState):
            return NotImplemented
        return self.snapshot() == other.snapshot()

    def __hash__(self) -> int:
        return hash((self.node, self.steps, tuple(sorted(self.facts))))

    def __repr__(self) -> str:
        return f"GameState(node={self.node!r}, steps={self.steps}, ended={self.ended})"

    def __copy__(self) -> GameState:
        return self  # immutable, like a tuple: a copy would be the same in every way

    def __deepcopy__(self, memo: dict[int, object]) -> GameState:
        return self

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
        return make_state(
            self.node,
            self.variables,
            self._visit_log,
            self._visit_end,
            self.facts,
            self.taken_once,
            self.ended,
            self.steps,
            self._took_node,
            self._took_choice,
            self._took_text,
            None,
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
        return [step for s in self.history() if (step := s.last) is not None]

    def ancestors(self) -> Iterator[GameState]:
        state = self.previous
        while state is not None:
            yield state
            state = state.previous


class _Unfrozen(_Fields):
    """A `GameState` being built: the same layout, without the refusal to change."""

    __slots__ = ()


def make_state(  # noqa: PLR0917 - every field, in order: it runs on every move
    node: str,
    variables: Mapping[str, Value],
    log: VisitLog,
    end: int,
    facts: frozenset[str],
    taken_once: frozenset[str],
    ended: bool,
    steps: int,
    took_node: str | None,
    took_choice: str,
    took_text: str,
    previous: GameState | None,
) -> GameState:
    """A state from its parts: the visit counts are `log`'s first `end` entries, and
    the choice that led here was `took_choice` at `took_node` (None: no choice did),
    reading `took_text`. Nothing is checked: the engine and a checked save call this."""
    # Set on an unfrozen twin, which then becomes a GameState (the layouts are the same,
    # so `__class__` may change): a third of the cost of going around `__setattr__`.
    state = _new(_Unfrozen)
    state.node = node
    state.variables = variables
    state._visit_log = log
    state._visit_end = end
    state.facts = facts
    state.taken_once = taken_once
    state.ended = ended
    state.steps = steps
    state._took_node = took_node
    state._took_choice = took_choice
    state._took_text = took_text
    state.previous = previous
    state.__class__ = GameState  # type: ignore[assignment]
    return state  # type: ignore[return-value]  # it is a GameState now
