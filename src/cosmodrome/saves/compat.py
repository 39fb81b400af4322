"""Fitting a saved game to the story as it is now, and saying in a line what changed.

Authors edit stories that players have saved in. A node renamed with `was:`
resumes at its new id; variables follow the declarations (new ones take their
default, removed ones go, one whose type changed takes its default); facts and
`once` choices that no longer exist are forgotten; undo steps at removed nodes
are dropped. A save whose current node is gone resumes at the last place in
its history that still exists; one with no such place is incompatible.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from cosmodrome.engine.game import Game
from cosmodrome.engine.state import GameState, Step
from cosmodrome.saves.errors import SaveError
from cosmodrome.saves.history import SavedState, recorded
from cosmodrome.saves.once_marks import OnceMarks
from cosmodrome.saves.values import text_preview
from cosmodrome.story.expr import Value, type_of
from cosmodrome.story.model import Story


@dataclass(frozen=True, slots=True)
class Adapted:
    """The playable state, with its undo chain, and one short sentence per adaptation."""

    state: GameState
    notes: tuple[str, ...]


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _names(names: set[str]) -> str:
    shown = ", ".join(f"'{text_preview(n)}'" for n in sorted(names)[:3])
    return shown + (f" and {len(names) - 3} more" if len(names) > 3 else "")


def _resume_point(story: Story, saved: list[SavedState], notes: list[str]) -> int:
    """The index of the state to resume at: the last one whose node still exists."""
    current = saved[-1]
    for index in range(len(saved) - 1, -1, -1):
        node = story.resolve_node(saved[index].node)
        if node is None:
            continue
        if index < len(saved) - 1:
            back = max(current.steps - saved[index].steps, len(saved) - 1 - index)
            notes.append(
                f"Node '{text_preview(current.node)}' is no longer in the story; "
                f"resumed at '{node}', {_plural(back, 'choice', 'choices')} back."
            )
        elif node != current.node:
            notes.append(f"Node '{text_preview(current.node)}' is now '{node}'.")
        return index
    raise SaveError(
        f"incompatible: node '{text_preview(current.node)}' is no longer in the story, "
        "and neither is any earlier place in the save"
    )


def _saved_value(saved: Mapping[str, Value], name: str, old_names: Sequence[str]) -> Value | None:
    """The value saved under `name`, or else under one of its `was:` names."""
    value = saved.get(name)
    for old in old_names:
        if value is not None:
            break
        value = saved.get(old)
    return value


def _variables(story: Story, saved: SavedState) -> dict[str, Value]:
    values: dict[str, Value] = {}
    for name, variable in story.variables.items():
        value = _saved_value(saved.variables, name, variable.was)
        values[name] = (
            value if value is not None and type_of(value) == variable.type else variable.default
        )
    return values


def _variable_notes(story: Story, kept: list[SavedState], notes: list[str]) -> None:
    current = kept[-1]
    # states share their variables until a move changes them: look at each mapping once
    distinct = {id(s.variables): s.variables for s in kept}.values()
    renamed = {
        old: n
        for n, variable in story.variables.items()
        if n not in current.variables
        for old in variable.was
        if old in current.variables
    }
    added = {n for n in story.variables if n not in current.variables} - set(renamed.values())
    removed = {
        n for values in distinct for n in values if n not in story.variables and n not in renamed
    }
    retyped = {
        n
        for values in distinct
        for n, v in values.items()
        if n in story.variables and type_of(v) != story.variables[n].type
    }
    for old, new in sorted(renamed.items()):
        label = story.variables[new].label  # the player's word for it, when shown
        if label is not None:
            notes.append(f"'{text_preview(label)}' kept its value from your save.")
        else:
            notes.append(f"'{text_preview(old)}' is now called '{new}' and keeps its value.")
    if added:
        verb = "its" if len(added) == 1 else "their"
        shown = {story.variables[n].label or n for n in added}  # the player's word when shown
        notes.append(
            f"{_plural(len(added), 'new variable', 'new variables')} took {verb} default: "
            f"{_names(shown)}."
        )
    if removed:
        gone = _plural(len(removed), "variable", "variables")
        notes.append(f"{gone} no longer in the story ({_names(removed)}) dropped.")
    if retyped:
        notes.append(f"Changed type, so back to the default: {_names(retyped)}.")


def _visits(story: Story, saved: SavedState) -> Mapping[str, int]:
    if saved.visits.keys() <= story.nodes.keys():  # no node renamed or gone: as saved
        return saved.visits
    visits: dict[str, int] = {}
    for node, count in saved.visits.items():
        current = story.resolve_node(node)
        if current is not None:
            visits[current] = visits.get(current, 0) + count
    return visits


def _taken_once(
    marks: OnceMarks, saved: SavedState, variables: Mapping[str, Value]
) -> frozenset[str]:
    kept = {marks.fit(entry, variables) for entry in saved.taken_once}
    return frozenset(entry for entry in kept if entry is not None)


def fit_step(story: Story, step: Step | None) -> Step | None:
    """`step` with its node renamed as the story renamed it (unchanged otherwise)."""
    if step is None:
        return None
    node = story.resolve_node(step.node)
    return step if node is None or node == step.node else Step(node, step.choice, step.text)


def adapt(story: Story, saved: list[SavedState]) -> Adapted:
    """The saved history as a playable `GameState` for `story`; raises `SaveError`
    ("incompatible: ...") when no state of the save is at a node the story still has."""
    notes: list[str] = []
    resume = _resume_point(story, saved, notes)
    kept = [s for s in saved[: resume + 1] if story.resolve_node(s.node) is not None]
    dropped = resume + 1 - len(kept)
    if dropped:
        steps = _plural(dropped, "undo step", "undo steps")
        notes.append(f"{steps} at removed nodes dropped from the history.")
    _variable_notes(story, kept, notes)
    forgotten = {fact for fact in kept[-1].facts if fact not in story.facts}
    if forgotten:
        notes.append(
            f"{_plural(len(forgotten), 'fact', 'facts')} no longer in the story forgotten."
        )
    marks = OnceMarks(story, kept)
    state: GameState | None = None
    # Unchanged sets and variables are shared between states: each is fitted once.
    facts_cache: dict[frozenset[str], frozenset[str]] = {}
    once_cache: dict[frozenset[str], frozenset[str]] = {}
    saved_variables: Mapping[str, Value] | None = None
    variables: Mapping[str, Value] = {}
    for item in kept:
        if item.variables is not saved_variables:
            saved_variables, variables = item.variables, _variables(story, item)
        node = story.resolve_node(item.node)
        assert node is not None  # kept states are at existing nodes
        facts = facts_cache.get(item.facts)
        if facts is None:
            facts = frozenset(fact for fact in item.facts if fact in story.facts)
            facts_cache[item.facts] = facts
        once = once_cache.get(item.taken_once)
        if once is None:
            once = once_cache[item.taken_once] = _taken_once(marks, item, variables)
        state = GameState(
            node,
            variables,
            _visits(story, item),
            facts,
            once,
            story.nodes[node].is_ending,
            item.steps,
            fit_step(story, item.last),
            state,
        )
    assert state is not None
    notes += marks.notes
    return Adapted(state, tuple(notes))


def adapt_history(story: Story, history: Sequence[GameState]) -> Adapted:
    """A game played under an earlier version of `story` (its states, oldest first),
    fitted to the story as it is now, exactly as a save would be when loaded; raises
    `SaveError` ("incompatible: ...") when none of its states is at a node that remains."""
    return adapt(story, [recorded(state) for state in history])


def play_on(story: Story, history: Sequence[GameState]) -> Adapted:
    """A game in progress (its states, oldest first) carried on in an edited `story`:
    fitted as `adapt_history` fits it, or, when no place of it is left in the story, a
    new game, with a sentence that says so."""
    try:
        return adapt_history(story, history)
    except SaveError as exc:
        note = f"The game could not go on ({exc}); started again."
        return Adapted(Game(story).start(), (note,))
