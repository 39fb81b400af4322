"""The part of a game state that decides what can happen next, for the exhaustive explorer.

Two states with the same key offer the same choices now and forever after, so
the explorer visits only one of them. What is abstracted away:
- whatever no choice condition can read any more from where the player is:
  variables (directly, or through the effects that feed one that is read),
  visit counts (`visited()`), facts (`known()`) and `once` choices taken at
  nodes that cannot be reached again; a name shown only in text never matters;
- a whole-number variable only ever compared with constants (`x >= 3`) and only
  changed by constant steps (`x: x + 1`) or set to constants is kept exactly
  between its lowest and highest constant (its default and the constants it is
  set to count too), and beyond them as "below" or "above" every constant
  (`valueclasses`): exact for a counter that only rises or only falls, an
  over-approximation the explorer resolves by replaying what it finds when it
  can go both ways;
- a visit count compared with constants only is capped at one past the largest
  (seen or unseen, for `visited(x) > 0`): counts only grow, so this is exact.

A key is bytes: the node's number, then one integer holding the live values
(interned), visit counts, facts and `once` choices, so millions fit in memory.
"""

from __future__ import annotations

from dataclasses import dataclass

from cosmodrome.engine.exprscan import (
    Item,
    compared_constant,
    constant_step,
    effect_uses,
    uses,
    walk,
)
from cosmodrome.engine.state import GameState
from cosmodrome.engine.valueclasses import ValueClasses
from cosmodrome.story.expr import (
    INT_MAX,
    Call,
    Compiled,
    Literal,
    Name,
    Value,
)
from cosmodrome.story.model import Effect, Story

StateKey = bytes
MAX_WINDOW = 4096  # numbers kept exact between a variable's lowest and highest constant


@dataclass(frozen=True, slots=True)
class _Live:
    """What can still matter at one node: variables (with their classes, when they have
    some), capped visit counts, facts, and the `once` choices that can still be offered."""

    variables: tuple[tuple[str, ValueClasses | None], ...]
    visits: tuple[tuple[str, int], ...]
    facts: tuple[str, ...]
    once: tuple[str, ...]


class StateKeys:
    """Computes, once per story, what matters at each node; keys states by it as compact
    bytes, and turns a key back into a state that plays the same."""

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
        # a counter's own step (`x: x + 1`) is not a read that spoils its classes
        read = conditions + [e.value for e in updates if constant_step(e) is None]
        self.classes, self.caps = self._domains(read, updates)
        self.node_ids = list(story.nodes)
        self._node_index = {node_id: i for i, node_id in enumerate(self.node_ids)}
        self.live = {node_id: self._project(items) for node_id, items in self._liveness().items()}
        self._values: dict[tuple[Value, ...], int] = {}  # live variables' values, interned
        self._value_list: list[tuple[Value, ...]] = []
        self._defaults = story.defaults()

    def _liveness(self) -> dict[str, set[Item]]:
        """Per node, what any condition still to come can read (a worklist fixpoint)."""
        nodes = self.story.nodes
        live: dict[str, set[Item]] = {}
        preds: dict[str, set[str]] = {n: set() for n in nodes}
        for node in nodes.values():
            own = uses(c.condition for c in node.choices if c.condition is not None)
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
                entry = live[target.id] | effect_uses(target.on_enter, live[target.id])
                grown |= entry | effect_uses(choice.effects, entry)
            if grown != live[node_id]:
                live[node_id] = grown
                for pred in preds[node_id]:
                    if pred not in queued:
                        queued.add(pred)
                        work.append(pred)
        return live

    def _project(self, items: set[Item]) -> _Live:
        names = sorted(name for kind, name in items if kind == "var")
        targets = sorted(name for kind, name in items if kind == "visit")
        facts = tuple(sorted(name for kind, name in items if kind == "fact"))
        once = tuple(sorted(name for kind, name in items if kind == "once"))
        return _Live(
            tuple((n, self.classes.get(n)) for n in names),
            tuple((t, self.caps.get(t, INT_MAX)) for t in targets),
            facts,
            once,
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

    def _domains(
        self, read: list[Compiled], effects: list[Effect]
    ) -> tuple[dict[str, ValueClasses], dict[str, int]]:
        """Classes per whole-number variable, and a cap per visit count, where the story
        compares them with constants only (absent where something else reads them)."""
        constants: dict[str, set[int]] = {}
        spoiled: set[str] = set()
        for compiled in read:
            for item, parent in walk(compiled.tree):
                if isinstance(item, Name):
                    name = item.name
                elif isinstance(item, Call) and item.function == "visited":
                    name = f"visited:{item.argument}"
                else:
                    continue
                constant = compared_constant(item, parent)
                if constant is None:
                    spoiled.add(name)
                else:
                    constants.setdefault(name, set()).add(constant)
        for effect in effects:
            literal = effect.value.tree
            if constant_step(effect) is None:
                spoiled.add(effect.variable)
            elif isinstance(literal, Literal) and type(literal.value) is int:
                constants.setdefault(effect.variable, set()).add(literal.value)
        classes: dict[str, ValueClasses] = {}
        caps: dict[str, int] = {}
        for name, compared in constants.items():
            if name in spoiled:
                continue
            if name.startswith("visited:"):
                caps[name.removeprefix("visited:")] = max(compared) + 1  # counts only grow
            elif type(default := self.story.variables[name].default) is int:
                low, high = min(*compared, default), max(*compared, default)
                # every number from the lowest constant to the highest is a class of its
                # own, so routes inside that window are exact; only beyond it do numbers merge
                wide = high - low >= MAX_WINDOW
                classes[name] = ValueClasses(
                    tuple(sorted(compared | {default}) if wide else range(low, high + 1))
                )
        return classes, caps

    def key(self, state: GameState) -> bytes:
        """The state's key: equal keys, same future (up to the classes' approximation)."""
        live = self.live[state.node]
        variables = state.variables
        values: list[Value] = []
        for name, classes in live.variables:
            value = variables[name]
            if classes is not None and type(value) is int:
                value = classes.index(value)
            values.append(value)
        code = self._intern(tuple(values))
        visits = state.visits
        for target, high in live.visits:
            count = visits.get(target, 0)
            code = code * (high + 1) + (count if count < high else high)
        facts, once = state.facts, state.taken_once
        for fact in live.facts:
            code = code << 1 | (fact in facts)
        for taken in live.once:
            code = code << 1 | (taken in once)
        node = self._node_index[state.node].to_bytes(2, "little")
        return node + code.to_bytes((code.bit_length() + 7) // 8, "little")

    def _intern(self, values: tuple[Value, ...]) -> int:
        found = self._values.get(values)
        if found is None:
            found = self._values[values] = len(self._value_list)
            self._value_list.append(values)
        return found

    def node_of(self, key: bytes) -> str:
        """The node a key is at."""
        return self.node_ids[int.from_bytes(key[:2], "little")]

    def state(self, key: bytes) -> GameState:
        """A state with this key: each class as its representative number, and what
        cannot matter any more as the story's defaults."""
        node_id = self.node_of(key)
        live = self.live[node_id]
        code = int.from_bytes(key[2:], "little")
        once_found: list[str] = []
        for taken in reversed(live.once):
            if code & 1:
                once_found.append(taken)
            code >>= 1
        facts_found: list[str] = []
        for fact in reversed(live.facts):
            if code & 1:
                facts_found.append(fact)
            code >>= 1
        visits: dict[str, int] = {}
        for target, high in reversed(live.visits):
            code, count = divmod(code, high + 1)
            if count:
                visits[target] = count
        variables = dict(self._defaults)
        for (name, classes), value in zip(live.variables, self._value_list[code], strict=True):
            if classes is not None and isinstance(value, int):
                value = classes.representative(value)  # noqa: PLW2901 - the class's number
            variables[name] = value
        return GameState(
            node_id,
            variables,
            visits,
            frozenset(facts_found),
            frozenset(once_found),
            self.story.nodes[node_id].is_ending,
            0,
            None,
        )
