"""The story's choices grouped by what they do, for the fixpoint's rounds.

Thousands of choices share a handful of conditions and effects. Given the
round's domains, a choice has the same outcome wherever it is written, unless it
asks `visited` about its own node or `known` about a fact its node reveals (the
only answers that depend on where play is); `Plan` gives each distinct
(condition, effects) pair an index, so a round works out each outcome once and
every node just looks it up.
"""

from __future__ import annotations

from dataclasses import dataclass

from cosmodrome.story.expr import Compiled
from cosmodrome.story.lint.abstract import Context
from cosmodrome.story.lint.domains import Domain
from cosmodrome.story.lint.evaluation_cache import Memo
from cosmodrome.story.model import Effect, Node, Story

IMPURE = -1  # a choice whose outcome depends on the node: worked out where it is written


@dataclass(frozen=True, slots=True)
class Shape:
    """A condition (None: always) and the effects that follow when it holds."""

    condition: Compiled | None
    effects: tuple[Effect, ...]


# per node: its `on_enter` shape (or IMPURE, or None without one), (shape or IMPURE, the
# goto's index in `Plan.ids`) for each choice in order, and whether any of those is IMPURE
NodePlan = tuple[int | None, tuple[tuple[int, int], ...], bool]
Outcome = tuple[tuple[str, Domain], ...] | None  # values produced; None: never taken


def _here(node: Node, calls: frozenset[tuple[str, str]]) -> bool:
    """Whether calls give other answers at `node` than elsewhere: `visited` of the node
    itself, `known` of a fact it reveals."""
    return any(
        argument == node.id if function == "visited" else argument in node.facts
        for function, argument in calls
    )


class Plan:
    """Every node's choices as indexes into `shapes`; see the module's docstring."""

    def __init__(self, story: Story, memo: Memo) -> None:
        self.shapes: list[Shape] = []
        index: dict[tuple[int, tuple[tuple[str, int], ...]], int] = {}

        calls: list[frozenset[tuple[str, str]]] = []  # per shape: the calls it makes

        def shape_of(node: Node, condition: Compiled | None, effects: tuple[Effect, ...]) -> int:
            key = (id(condition), tuple([(e.variable, id(e.value)) for e in effects]))
            found = index.get(key)
            if found is None:
                found = index[key] = len(self.shapes)  # the story keeps every id its own
                self.shapes.append(Shape(condition, effects))
                expressions = [e.value for e in effects]
                if condition is not None:
                    expressions.append(condition)
                calls.append(frozenset(call for x in expressions for call in memo.calls(x)))
            return IMPURE if calls[found] and _here(node, calls[found]) else found

        # nodes by index: lists indexed by small numbers beat dicts keyed by ids
        self.ids: list[str] = list(story.nodes)
        self.index: dict[str, int] = {node_id: i for i, node_id in enumerate(self.ids)}
        self.nodes: list[NodePlan] = []
        plain: dict[int, int] = {}  # id(condition) -> shape, for choices without effects
        self.reveals = [(node.id, node.facts) for node in story.nodes.values() if node.facts]
        position = self.index  # locals: this loop runs once per choice of the story
        for node in story.nodes.values():
            enter = shape_of(node, None, node.on_enter) if node.on_enter else None
            impure = enter == IMPURE
            edges: list[tuple[int, int]] = []
            for choice in node.choices:
                if choice.effects:
                    shape = shape_of(node, choice.condition, choice.effects)
                else:
                    shape = plain.get(id(choice.condition), IMPURE)
                    if shape == IMPURE:
                        shape = shape_of(node, choice.condition, ())
                        if shape != IMPURE:
                            plain[id(choice.condition)] = shape
                    elif calls[shape] and _here(node, calls[shape]):
                        shape = IMPURE
                if shape == IMPURE:
                    impure = True
                edges.append((shape, position[choice.goto]))
            self.nodes.append((enter, tuple(edges), impure))
        # per shape: its condition, and per effect the variable, the value and whether that
        # reads nothing the condition narrows (so that it is the same as without the condition)
        self.work: list[tuple[Compiled | None, tuple[tuple[str, Compiled, bool], ...]]] = [
            (
                shape.condition,
                tuple(
                    (
                        e.variable,
                        e.value,
                        shape.condition is None or not (e.value.reads & shape.condition.reads),
                    )
                    for e in shape.effects
                ),
            )
            for shape in self.shapes
        ]
        # the last round's walk, when no node needed its own answers: the shapes it met,
        # which could be taken (by shape index) and the nodes it reached
        self.last_walk: tuple[list[int], list[bool], frozenset[str]] | None = None
        self._taken: dict[int, Context | None] = {}  # this round's, by id(condition)
        # this round's values: by id(expression) unnarrowed, by (id(condition), id(expression))
        # where the condition narrows what the expression reads
        self._values: dict[object, Domain] = {}

    def new_round(self) -> None:
        """Forget the round's results: the domains changed."""
        self._taken = {}
        self._values = {}

    def outcome(self, shape: int, memo: Memo, ctx: Context) -> Outcome:
        """What shape `shape` produces in `ctx` this round (whose node does not matter)."""
        condition, effects = self.work[shape]
        taken = ctx
        key = 0
        if condition is not None:
            key = id(condition)
            if key in self._taken:
                refined = self._taken[key]
            else:
                refined = self._taken[key] = memo.refine(condition, ctx)
            if refined is None:
                return None
            taken = refined
        if not effects:
            return ()
        values = self._values
        out: list[tuple[str, Domain]] = []
        for variable, expression, free in effects:
            where: object = id(expression) if free else (key, id(expression))
            value = values.get(where)
            if value is None:
                value = values[where] = memo.evaluate(expression, ctx if free else taken)
            out.append((variable, value))
        return tuple(out)
