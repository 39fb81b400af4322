"""Rules about where play can go: unreachable nodes and endings, conditions never true,
parts of the story with no way to an ending."""

from __future__ import annotations

from collections.abc import Iterator

from cosmodrome.story.diagnostic_codes import Code
from cosmodrome.story.expr import Binary, Call, Compiled, Expr, Name, Unary
from cosmodrome.story.lint.abstract import Context
from cosmodrome.story.lint.domains import Bools
from cosmodrome.story.lint.finding import Finding
from cosmodrome.story.lint.flow import Flow, reachable_nodes
from cosmodrome.story.lint.successors import can_reach
from cosmodrome.story.model import Node


def reach_findings(flow: Flow) -> Iterator[Finding]:
    """`unreachable` and `unreachable-ending`: nodes no play-through can enter."""
    story = flow.story
    structural: set[str] | None = None  # worked out only when some node is unreachable
    for node in story.nodes.values():
        if node.id in flow.reachable:
            continue
        if structural is None:
            structural = reachable_nodes(story)
        why = "" if node.id not in structural else ": the choices leading to it can never be taken"
        if node.is_ending:
            message = f"ending '{node.id}' (\"{node.ending}\") can never be reached{why}"
            yield Finding(Code.UNREACHABLE_ENDING, message, node.position, node)
        else:
            message = f"node '{node.id}' cannot be reached from '{story.start}'{why}"
            yield Finding(Code.UNREACHABLE, message, node.position, node)


def _reads(tree: Expr) -> Iterator[Name | Call]:
    """The variable names and calls in `tree`, left to right."""
    stack = [tree]
    while stack:
        item = stack.pop()
        if isinstance(item, Name | Call):
            yield item
        elif isinstance(item, Unary):
            stack.append(item.operand)
        elif isinstance(item, Binary):
            stack.extend((item.right, item.left))


def explain(tree: Expr, flow: Flow, here: Node) -> str:
    """Why a condition cannot hold: what each name it reads can be at `here`."""
    notes: list[str] = []
    for item in _reads(tree):
        if isinstance(item, Name):
            note = f"{item.name} is {flow.domains[item.name].describe()}"
        elif item.function == "visited":
            target = item.argument
            if target not in flow.reachable:
                note = f"node '{target}' cannot be reached"
            else:
                note = f'visited("{target}") is {flow.visits(target, here.id).describe()}'
        else:
            known = flow.known(item.argument, here)
            if True not in known.exact:
                note = f"no reachable node reveals '{item.argument}'"
            else:
                note = f"'{item.argument}' is always known here"
        if note not in notes:
            notes.append(note)
    return f" ({'; '.join(notes)})" if notes else ""


def _may_hold(flow: Flow, condition: Compiled, ctx: Context) -> bool:
    """`may_hold`, through the memo: texts repeat their conditions too."""
    result = flow.memo.evaluate(condition, ctx)
    return isinstance(result, Bools) and True in result.exact


def never_true_findings(flow: Flow) -> Iterator[Finding]:
    """`never-true`: conditions of reachable choices and text blocks that can never hold."""
    for node_id in sorted(flow.reachable):
        node = flow.story.nodes[node_id]
        for choice, live in zip(node.choices, flow.live(node), strict=True):
            condition = choice.condition
            if condition is None or live:
                continue
            what = "is always locked" if choice.locked is not None else "can never be taken"
            message = (
                f"this choice {what}: '{condition.source}' is never true"
                f"{explain(condition.tree, flow, node)}"
            )
            yield Finding(
                Code.NEVER_TRUE, message, choice.condition_position or choice.position, node
            )
        ctx: Context | None = None
        for block in node.blocks:
            condition = block.condition
            if condition is None:
                continue
            ctx = ctx or flow.context(node)
            if _may_hold(flow, condition, ctx):
                continue
            message = (
                f"this text block never shows: '{condition.source}' is never true"
                f"{explain(condition.tree, flow, node)}"
            )
            yield Finding(
                Code.NEVER_TRUE, message, block.condition_position or block.position, node
            )


def way_out_findings(flow: Flow) -> Iterator[Finding]:
    """`no-way-out`: where play enters a part of the story from which no ending is reachable."""
    edges = flow.live_edges()
    back: dict[str, list[str]] = {n: [] for n in edges}
    for source, targets in edges.items():
        for target in targets:
            back.setdefault(target, []).append(source)
    can_end = can_reach((n for n in edges if flow.story.nodes[n].is_ending), back.__getitem__)
    for node_id in sorted(edges):
        if node_id in can_end or not edges[node_id]:
            continue  # a node with no live choice at all is a soft-lock, reported as one
        entered_from_outside = node_id == flow.story.start or any(
            p in can_end for p in back[node_id]
        )
        if not entered_from_outside:  # report each trap once, where play falls into it
            continue
        node = flow.story.nodes[node_id]
        message = f"no ending can be reached from node '{node_id}': every way on leads back"
        yield Finding(Code.NO_WAY_OUT, message, node.position, node)
