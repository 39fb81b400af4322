"""The part of a game state that decides what can happen next, for the exhaustive explorer.

Two states with the same key offer the same choices now and forever after, so
the explorer visits only one of them. What is abstracted away:
- whatever no choice condition can read any more from where the player is:
  variables (directly, or through the effects that feed one that is read),
  visit counts (`visited()`), facts (`known()`) and `once` choices taken at
  nodes that cannot be reached again; a name shown only in text never matters;
- the size of a counter beyond every constant it is compared with: a variable
  only ever compared with constants (`x >= 3`) and only ever raised by constant
  steps (`x: x + 1`) or set to constants behaves the same at 4 as at 400, so
  its key value is capped at one past the largest constant (and the same
  downwards for counters that only fall). Visit counts compared with constants
  only are capped the same way: they only ever grow.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from cosmodrome.engine.state import GameState
from cosmodrome.story.expr import (
    INT_MAX,
    INT_MIN,
    Binary,
    Call,
    Compiled,
    Expr,
    Literal,
    Name,
    Unary,
)
from cosmodrome.story.model import Effect, Story

_COMPARISONS = frozenset({"==", "!=", "<", "<=", ">", ">="})
StateKey = tuple[object, ...]


def _walk(tree: Expr, parent: Expr | None = None) -> Iterator[tuple[Expr, Expr | None]]:
    """Every sub-expression of `tree` with its parent."""
    stack: list[tuple[Expr, Expr | None]] = [(tree, parent)]
    while stack:
        item, above = stack.pop()
        yield item, above
        if isinstance(item, Unary):
            stack.append((item.operand, item))
        elif isinstance(item, Binary):
            stack.extend(((item.left, item), (item.right, item)))


def calls(expressions: Iterable[Compiled], function: str) -> set[str]:
    """The ids every `function(...)` call ("visited" or "known") in `expressions` names."""
    return {
        item.argument
        for compiled in expressions
        for item, _ in _walk(compiled.tree)
        if isinstance(item, Call) and item.function == function
    }


def _compared_constant(item: Expr, parent: Expr | None) -> int | None:
    """The integer constant `item` is compared with, when that is all its parent does."""
    if not isinstance(parent, Binary) or parent.op not in _COMPARISONS:
        return None
    other = parent.right if parent.left is item else parent.left
    if isinstance(other, Literal) and type(other.value) is int:
        return other.value
    return None


def _step(effect: Effect) -> int | None:
    """The constant step of `x: x + c` / `x: x - c` (0 for a constant assignment)."""
    tree = effect.value.tree
    if isinstance(tree, Literal):
        return 0
    if (
        isinstance(tree, Binary)
        and tree.op in ("+", "-")
        and isinstance(tree.left, Name)
        and tree.left.name == effect.variable
        and isinstance(tree.right, Literal)
        and type(tree.right.value) is int
    ):
        return tree.right.value if tree.op == "+" else -tree.right.value
    return None


@dataclass(frozen=True, slots=True)
class _Live:
    """What can still matter at one node: variables with their caps, visit counts, facts,
    and the `once` choices that can still be offered."""

    variables: tuple[tuple[str, int, int], ...]
    visits: tuple[tuple[str, int], ...]
    facts: frozenset[str]
    once: frozenset[str]


Item = tuple[str, str]  # ("var" | "visit" | "fact" | "once", name)


def _uses(expressions: Iterable[Compiled]) -> set[Item]:
    found: set[Item] = set()
    for compiled in expressions:
        found.update(("var", name) for name in compiled.reads)
        for item, _ in _walk(compiled.tree):
            if isinstance(item, Call):
                found.add(("visit" if item.function == "visited" else "fact", item.argument))
    return found


def _effect_uses(effects: Iterable[Effect], after: set[Item]) -> set[Item]:
    """What effects read, counting only effects whose variable matters afterwards."""
    return _uses(e.value for e in effects if ("var", e.variable) in after)


class StateKeys:
    """Computes, once per story, what matters at each node, and keys states by it."""

    def __init__(self, story: Story) -> None:
        self.story = story
        conditions: list[Compiled] = []
        effects: list[Effect] = []
        for node in story.nodes.values():
            effects.extend(node.on_enter)
            for choice in node.choices:
                if choice.condition is not None:
                    conditions.append(choice.condition)
                effects.extend(choice.effects)
        matter = self._closure(conditions, effects)
        updates = [e for e in effects if e.variable in matter]
        # a counter's own step (`x: x + 1`) is not a read that spoils its cap
        self.caps = self._caps(conditions + [e.value for e in updates if _step(e) is None], updates)
        self.live = {node_id: self._project(items) for node_id, items in self._liveness().items()}

    def _liveness(self) -> dict[str, set[Item]]:
        """Per node, what any condition still to come can read (a worklist fixpoint)."""
        nodes = self.story.nodes
        live: dict[str, set[Item]] = {}
        preds: dict[str, set[str]] = {n: set() for n in nodes}
        for node in nodes.values():
            own = _uses(c.condition for c in node.choices if c.condition is not None)
            own.update(("once", f"{node.id}/{c.key}") for c in node.choices if c.once)
            live[node.id] = own
            for choice in node.choices:
                preds[choice.goto].add(node.id)
        work = list(nodes)
        queued = set(work)
        while work:
            node_id = work.pop()
            queued.discard(node_id)
            node = nodes[node_id]
            grown = set(live[node_id])
            for choice in node.choices:
                target = nodes[choice.goto]
                entry = live[target.id] | _effect_uses(target.on_enter, live[target.id])
                grown |= entry | _effect_uses(choice.effects, entry)
            if grown != live[node_id]:
                live[node_id] = grown
                for pred in preds[node_id]:
                    if pred not in queued:
                        queued.add(pred)
                        work.append(pred)
        return live

    def _project(self, items: set[Item]) -> _Live:
        no_cap = (INT_MIN, INT_MAX)
        names = sorted(name for kind, name in items if kind == "var")
        targets = sorted(name for kind, name in items if kind == "visit")
        return _Live(
            tuple((n, *self.caps.get(n, no_cap)) for n in names),
            tuple((t, self.caps.get(f"visited:{t}", no_cap)[1]) for t in targets),
            frozenset(name for kind, name in items if kind == "fact"),
            frozenset(name for kind, name in items if kind == "once"),
        )

    @staticmethod
    def _closure(conditions: list[Compiled], effects: list[Effect]) -> set[str]:
        matter: set[str] = set()
        for condition in conditions:
            matter |= condition.reads
        grown = True
        while grown:
            grown = False
            for effect in effects:
                if effect.variable in matter and not effect.value.reads <= matter:
                    matter |= effect.value.reads
                    grown = True
        return matter

    def _caps(self, read: list[Compiled], effects: list[Effect]) -> dict[str, tuple[int, int]]:
        """(low, high) caps per variable or `visited:<node>`; absent when not cappable."""
        constants: dict[str, list[int]] = {}
        spoiled: set[str] = set()
        for compiled in read:
            for item, parent in _walk(compiled.tree):
                if isinstance(item, Name):
                    name = item.name
                elif isinstance(item, Call) and item.function == "visited":
                    name = f"visited:{item.argument}"
                else:
                    continue
                constant = _compared_constant(item, parent)
                if constant is None:
                    spoiled.add(name)
                else:
                    constants.setdefault(name, []).append(constant)
        steps: dict[str, list[int]] = {}
        for effect in effects:
            step = _step(effect)
            if step is None:
                spoiled.add(effect.variable)
            else:
                steps.setdefault(effect.variable, []).append(step)
                literal = effect.value.tree
                if isinstance(literal, Literal) and type(literal.value) is int:
                    constants.setdefault(effect.variable, []).append(literal.value)
        caps: dict[str, tuple[int, int]] = {}
        for name, compared in constants.items():
            if name in spoiled:
                continue
            values = list(compared)
            if not name.startswith("visited:"):
                default = self.story.variables[name].default
                if type(default) is not int:
                    continue
                values.append(default)
            rises = any(s > 0 for s in steps.get(name, ())) or name.startswith("visited:")
            falls = any(s < 0 for s in steps.get(name, ()))
            if rises and falls:
                continue
            high = max(values) + 1 if not falls else INT_MAX
            low = min(values) - 1 if falls else INT_MIN
            caps[name] = (low, high)
        return caps

    def key(self, state: GameState) -> StateKey:
        """The state's key: equal keys, same future."""
        live = self.live[state.node]
        variables, visits = state.variables, state.visits
        values: list[object] = []
        for name, low, high in live.variables:
            value = variables[name]
            if isinstance(value, int) and not isinstance(value, bool):
                value = low if value < low else high if value > high else value
            values.append(value)
        for target, high in live.visits:
            count = visits.get(target, 0)
            values.append(count if count < high else high)
        facts = state.facts & live.facts if live.facts else frozenset()
        once = state.taken_once & live.once if live.once else frozenset()
        return (state.node, tuple(values), facts, once)
