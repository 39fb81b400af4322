"""Bounds on counters from how often their updates can happen at all.

A whole-number variable changed only by constant steps (`x: x + 2`,
`x: x - 1`) and constant assignments (`x: 5`) stays within its largest
starting value plus every positive step that can fire at most once per
play-through (and likewise below). An update fires at most once when its choice
is `once` or its node lies on no cycle. A step that can repeat leaves that side
unbounded; any other kind of update leaves the variable unbounded.
"""

from __future__ import annotations

from collections.abc import Iterator

from cosmodrome.story.expr import INT_MAX, INT_MIN, Binary, Expr, Literal, Name
from cosmodrome.story.lint.domains import clamp
from cosmodrome.story.model import Effect, Story


def _step(variable: str, tree: Expr) -> tuple[str, int] | None:
    """("set", c) for a constant, ("add", c) for a constant step, None otherwise."""
    if isinstance(tree, Literal) and type(tree.value) is int:
        return "set", tree.value
    if isinstance(tree, Name) and tree.name == variable:
        return "add", 0
    if not isinstance(tree, Binary) or tree.op not in ("+", "-"):
        return None
    left, right = tree.left, tree.right
    if _is(left, variable) and isinstance(right, Literal) and type(right.value) is int:
        return "add", right.value if tree.op == "+" else -right.value
    if tree.op == "+" and _is(right, variable) and _is_int(left):
        assert isinstance(left, Literal) and isinstance(left.value, int)
        return "add", left.value
    return None


def _is_int(tree: Expr) -> bool:
    return isinstance(tree, Literal) and type(tree.value) is int


def _is(tree: Expr, variable: str) -> bool:
    return isinstance(tree, Name) and tree.name == variable


def repeatable_effects(story: Story, cyclic: frozenset[str]) -> Iterator[tuple[Effect, bool]]:
    """Every effect of the story, with whether it can fire more than once."""
    for node in story.nodes.values():
        repeats = node.id in cyclic
        for effect in node.on_enter:
            yield effect, repeats
        for choice in node.choices:
            for effect in choice.effects:
                yield effect, repeats and not choice.once


def count_bounds(story: Story, cyclic: frozenset[str]) -> dict[str, tuple[int, int]]:
    """For whole-number variables, (lowest, highest) values any play-through can give them."""
    starts: dict[str, set[int]] = {}
    up: dict[str, int] = {}
    down: dict[str, int] = {}
    for name, var in story.variables.items():
        if type(var.default) is int:
            starts[name] = {var.default}
            up[name] = down[name] = 0
    for effect, repeats in repeatable_effects(story, cyclic):
        name = effect.variable
        if name not in starts:
            continue
        step = _step(name, effect.value.tree)
        if step is None:
            up[name] = down[name] = INT_MAX  # anything can happen
        elif step[0] == "set":
            starts[name].add(step[1])
        elif step[1] > 0:
            up[name] = INT_MAX if repeats else clamp(up[name] + step[1])
        elif step[1] < 0:
            down[name] = INT_MAX if repeats else clamp(down[name] - step[1])
    bounds: dict[str, tuple[int, int]] = {}
    for name, values in starts.items():
        lo = INT_MIN if down[name] == INT_MAX else clamp(min(values) - down[name])
        hi = INT_MAX if up[name] == INT_MAX else clamp(max(values) + up[name])
        bounds[name] = (lo, hi)
    return bounds
