"""A node the player can enter again whose text cannot change between visits: the
hub that replays its first-meeting text on every return.

Between two visits to a node, play stays inside the node's cycles (its strongly
connected component through choices that can be taken). Its text can change only
when it has a `first:`/`again:` block, or when something it reads (a variable in
its text or conditions, `visited(...)`, `known(...)`) is changed by some node of
those cycles: an effect, an entry, a fact revealed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from cosmodrome.story.diagnostic_codes import Code
from cosmodrome.story.expr import Binary, Call, Compiled, Expr, Unary
from cosmodrome.story.lint.finding import Finding
from cosmodrome.story.lint.flow import Flow
from cosmodrome.story.lint.successors import cycles_through
from cosmodrome.story.model import Node, Story

HINT = (
    "greet the return with an `again: true` block (and the first meeting with "
    "`first: true`), or make the text depend on what changes"
)


def call_arguments(conditions: Iterable[Compiled]) -> set[tuple[str, str]]:
    """`(function, argument)` of every `visited(...)` and `known(...)` in `conditions`."""
    found: set[tuple[str, str]] = set()
    for compiled in conditions:
        pending: list[Expr] = [compiled.tree]
        while pending:
            tree = pending.pop()
            if isinstance(tree, Call):
                found.add((tree.function, tree.argument))
            elif isinstance(tree, Unary):
                pending.append(tree.operand)
            elif isinstance(tree, Binary):
                pending += [tree.left, tree.right]
    return found


def text_inputs(node: Node) -> tuple[set[str], set[tuple[str, str]]]:
    """What a node's title and text read: variable names, and `(function, argument)` calls."""
    names: set[str] = set()
    conditions: list[Compiled] = []
    templates = [block.template for block in node.blocks]
    if node.title is not None:
        templates.append(node.title)
    for template in templates:
        names.update(template.names)
        conditions.extend(template.conditions)
    for block in node.blocks:
        if block.condition is not None:
            conditions.append(block.condition)
            names.update(block.condition.reads)
    return names, call_arguments(conditions)


def _changes(story: Story, members: Iterable[str]) -> tuple[set[str], set[tuple[str, str]]]:
    """What play inside these nodes changes: variables assigned, and visits and facts."""
    written: set[str] = set()
    calls: set[tuple[str, str]] = set()
    for node_id in members:
        node = story.nodes[node_id]
        calls.add(("visited", node_id))
        calls.update(("known", fact) for fact in node.facts)
        written.update(effect.variable for effect in node.on_enter)
        for choice in node.choices:
            written.update(effect.variable for effect in choice.effects)
    return written, calls


def same_on_return_findings(flow: Flow) -> Iterator[Finding]:
    """A warning for each reachable node on a cycle whose text cannot change between
    two visits to it."""
    story = flow.story
    changed: dict[frozenset[str], tuple[set[str], set[tuple[str, str]]]] = {}
    for node_id, members in sorted(cycles_through(flow.live_edges()).items()):
        node = story.nodes[node_id]
        if any(block.visit is not None for block in node.blocks):
            continue
        if members not in changed:
            changed[members] = _changes(story, members)
        written, calls = changed[members]
        names, reads = text_inputs(node)
        if names & written or reads & calls:
            continue
        yield Finding(
            Code.SAME_ON_RETURN,
            f"node '{node_id}' can be entered again, but its text cannot change between visits",
            node.position,
            node,
            HINT,
        )
