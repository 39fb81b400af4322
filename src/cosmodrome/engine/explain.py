"""Why the game shows what it shows: each choice of the current node as shown, locked or
hidden and the reason, and the state laid out for an author's inspector.

The rules are those of `Game.choices` (a test holds them together): a `once` choice already
taken is hidden; otherwise a choice shows when its condition holds, is locked
when the condition is false and the choice has `locked:` text, and is hidden
when the condition is false without it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from cosmodrome.engine.game import Game
from cosmodrome.engine.state import GameState
from cosmodrome.story.expr import Binary, Call, Compiled, Expr, Name, Unary, Value
from cosmodrome.story.model import AGAIN, FIRST, Choice, Node, TextBlock


class ChoiceStatus(StrEnum):
    SHOWN = "shown"
    LOCKED = "locked"
    HIDDEN = "hidden"


@dataclass(frozen=True, slots=True)
class ChoiceExplanation:
    """One choice of the current node: what the player sees of it, and why.

    `number` is the number the player presses (None when hidden); `inputs` are
    the values the condition reads now, as `(name or call, value)` in source order.
    """

    choice: Choice
    status: ChoiceStatus
    number: int | None
    why: str
    inputs: tuple[tuple[str, Value], ...]

    @property
    def key(self) -> str:
        return self.choice.key

    @property
    def condition(self) -> str | None:
        """The condition's source text, as the author wrote it."""
        return self.choice.condition.source if self.choice.condition else None


@dataclass(frozen=True, slots=True)
class TextExplanation:
    """A block of the node's text, or an inline `{if}` in it: what it is (`what`, such as
    `block 2, again, if tea` or `{if leads == 1}`), whether it shows (for an inline if:
    whether its first text is chosen) and why."""

    what: str
    shown: bool
    why: str


@dataclass(frozen=True, slots=True)
class Inspection:
    """A state laid out for an author: every declared variable with its value and
    default, visit counts by node, facts known (in the story's order), the choices and
    the text's blocks and inline conditions."""

    node: str
    variables: tuple[tuple[str, Value, Value], ...]  # (name, value, default)
    visits: tuple[tuple[str, int], ...]
    facts: tuple[str, ...]
    choices: tuple[ChoiceExplanation, ...]
    text: tuple[TextExplanation, ...] = ()


def _inputs(condition: Compiled, state: GameState) -> tuple[tuple[str, Value], ...]:
    """The names and calls `condition` reads, with their values at `state`."""
    found: dict[str, Value] = {}
    pending: list[Expr] = [condition.tree]
    while pending:  # depth first, left before right, so the inputs read in source order
        tree = pending.pop()
        if isinstance(tree, Name):
            found.setdefault(tree.name, state.variables[tree.name])
        elif isinstance(tree, Call) and tree.function == "visited":
            found.setdefault(f'visited("{tree.argument}")', state.visits.get(tree.argument, 0))
        elif isinstance(tree, Call):
            found.setdefault(f'known("{tree.argument}")', tree.argument in state.facts)
        elif isinstance(tree, Unary):
            pending.append(tree.operand)
        elif isinstance(tree, Binary):
            pending += [tree.right, tree.left]
    return tuple(found.items())


def _explain(node_id: str, choice: Choice, state: GameState) -> tuple[ChoiceStatus, str]:
    if choice.once and f"{node_id}/{choice.key}" in state.taken_once:
        return ChoiceStatus.HIDDEN, "once, and already taken"
    condition = choice.condition
    if condition is None:
        return ChoiceStatus.SHOWN, "no condition"
    if condition.evaluate(state):
        return ChoiceStatus.SHOWN, "condition is true"
    if choice.locked is not None:
        return ChoiceStatus.LOCKED, f"condition is false; locked: {choice.locked}"
    return ChoiceStatus.HIDDEN, "condition is false (no locked: text, so hidden)"


def explain_choices(game: Game, state: GameState) -> list[ChoiceExplanation]:
    """Every choice of the node at `state`, in story order, with its status and reason.
    The shown and locked ones carry the numbers `game.choices(state)` gives them."""
    node = game.story.nodes[state.node]
    explained: list[ChoiceExplanation] = []
    number = 0
    for choice in node.choices:
        status, why = _explain(node.id, choice, state)
        if status is not ChoiceStatus.HIDDEN:
            number += 1
        inputs = _inputs(choice.condition, state) if choice.condition is not None else ()
        shown = number if status is not ChoiceStatus.HIDDEN else None
        explained.append(ChoiceExplanation(choice, status, shown, why, inputs))
    return explained


def _block_why(block: TextBlock, state: GameState, visits: int) -> str:
    """Why a block shows or not: its `first`/`again` against this entry, then its `if`."""
    entry = "first entry" if visits <= 1 else f"entry {visits}"
    if block.visit == FIRST and visits > 1:
        return f"first only, and this is {entry}"
    if block.visit == AGAIN and visits <= 1:
        return "again only, and this is the first entry"
    if block.condition is not None:
        return "condition is true" if block.condition.evaluate(state) else "condition is false"
    return f"{block.visit} only, and this is {entry}" if block.visit else "always"


def explain_text(node: Node, state: GameState) -> list[TextExplanation]:
    """Each block of `node`'s text (when it has several, or a `first`/`again` or `if`) and
    each inline `{if}`, with whether it shows at `state` and why."""
    visits = state.visits.get(node.id, 0)
    out: list[TextExplanation] = []
    plain = len(node.blocks) == 1 and node.blocks[0].condition is None
    for number, block in enumerate(node.blocks, 1):
        shown = block.shows(state, visits)
        if not (plain and block.visit is None):
            what = [f"block {number}"]
            if block.visit is not None:
                what.append(block.visit)
            if block.condition is not None:
                what.append(f"if {block.condition.source}")
            out.append(TextExplanation(", ".join(what), shown, _block_why(block, state, visits)))
        for inline in block.template.inline_ifs:
            holds = bool(inline.condition.evaluate(state))
            chosen = inline.then if holds else inline.otherwise
            why = f'{"true" if holds else "false"}: "{chosen.source}"'
            out.append(TextExplanation(f"{{if {inline.source}}}", holds, why))
    return out


def inspect_state(game: Game, state: GameState) -> Inspection:
    """`state` laid out for the inspector: variables by name, visits by node, facts in
    the order the story declares them, and `explain_choices`."""
    story = game.story
    variables = tuple(
        (name, state.variables.get(name, variable.default), variable.default)
        for name, variable in sorted(story.variables.items())
    )
    visits = tuple(sorted((node, count) for node, count in state.visits.items() if count))
    facts = tuple(fact for fact in story.facts if fact in state.facts)
    return Inspection(
        state.node,
        variables,
        visits,
        facts,
        tuple(explain_choices(game, state)),
        tuple(explain_text(story.nodes[state.node], state)),
    )
