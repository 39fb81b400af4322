"""`soft-lock`: a node that may show the player no choice they can take.

A node is safe when one of its choices is always open: no condition, and not
`once` (or `once` but with no way back to the node after taking it). Otherwise
the rule looks for a witness: values of the names the conditions read, drawn
from their domains and from the constants the conditions compare them with,
under which every condition fails. Whether play can really bring those values
together at that node is the exhaustive explorer's question (`cosmodrome test
--exhaustive`), so the warning says "may".
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass

from cosmodrome.story.diagnostic_codes import Code
from cosmodrome.story.expr import INT_MAX, Binary, Call, Compiled, Expr, Literal, Name, Unary, Value
from cosmodrome.story.lint.domains import Bools, Domain, Ints, Strs, format_value_quoted
from cosmodrome.story.lint.finding import Finding
from cosmodrome.story.lint.flow import Flow
from cosmodrome.story.model import Choice, Node

MAX_WITNESSES = 4096  # combinations tried before giving up on finding one
_OTHER_TEXT = "\0other"  # stands for any string the conditions do not mention


@dataclass(frozen=True, slots=True)
class _Point:
    variables: Mapping[str, Value]
    visits: Mapping[str, int]
    facts: Collection[str]


def _leaves(trees: list[Expr]) -> Iterator[Expr]:
    stack = list(trees)
    while stack:
        item = stack.pop()
        if isinstance(item, Unary):
            stack.append(item.operand)
        elif isinstance(item, Binary):
            stack.extend((item.left, item.right))
        else:
            yield item


def _candidates(domain: Domain, ints: set[int], texts: set[str]) -> list[Value]:
    """A few values of `domain` that tell the conditions' outcomes apart."""
    if isinstance(domain, Bools):
        return sorted(domain.exact)
    if isinstance(domain, Strs):
        if domain.exact is not None:
            return sorted(domain.exact)
        return [*sorted(texts), _OTHER_TEXT]
    assert isinstance(domain, Ints)
    if domain.exact is not None:
        return sorted(domain.exact)
    near = {c + d for c in ints for d in (-1, 0, 1)} | {domain.lo, domain.hi}
    return sorted(v for v in near if v in domain)


def _returns(flow: Flow, edges: Mapping[str, list[str]], choice: Choice, node: Node) -> bool:
    """Whether play can come back to `node` after taking `choice`."""
    seen = {choice.goto}
    queue = deque([choice.goto])
    while queue:
        current = queue.popleft()
        if current == node.id:
            return True
        for nxt in edges.get(current, ()):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return False


def _describe(names: list[str], values: tuple[Value, ...]) -> str:
    parts = []
    for name, value in zip(names, values, strict=True):
        shown = "some other text" if value == _OTHER_TEXT else format_value_quoted(value)
        parts.append(f"{name} is {shown}")
    return " and ".join(parts)


def _witness(flow: Flow, node: Node, conditions: list[Compiled]) -> str | None:
    """A description of values under which every condition fails, '' if there are too many
    to try, None when the conditions cover every case."""
    trees = [c.tree for c in conditions]
    leaves = list(_leaves(trees))
    ints = {x.value for x in leaves if isinstance(x, Literal) and type(x.value) is int}
    texts = {x.value for x in leaves if isinstance(x, Literal) and isinstance(x.value, str)}
    labels: list[str] = []
    choices: list[list[Value]] = []
    seen: set[tuple[str, str]] = set()
    for leaf in leaves:
        if isinstance(leaf, Name) and ("var", leaf.name) not in seen:
            seen.add(("var", leaf.name))
            labels.append(leaf.name)
            choices.append(_candidates(flow.domains[leaf.name], ints, texts))
        elif isinstance(leaf, Call) and (leaf.function, leaf.argument) not in seen:
            seen.add((leaf.function, leaf.argument))
            labels.append(f'{leaf.function}("{leaf.argument}")')
            domain: Domain = (
                flow.visits(leaf.argument, node.id)
                if leaf.function == "visited"
                else flow.known(leaf.argument, node)
            )
            choices.append(_candidates(domain, ints, texts))
    if any(not c for c in choices):
        return None
    total = 1
    for options in choices:
        total = min(total * len(options), INT_MAX)
    if total > MAX_WITNESSES:
        return ""
    defaults = flow.story.defaults()
    for values in itertools.product(*choices):
        variables: dict[str, Value] = dict(defaults)
        visits: dict[str, int] = {}
        facts: set[str] = set()
        for label, value in zip(labels, values, strict=True):
            if label.startswith('visited("'):
                visits[label[9:-2]] = int(value)
            elif label.startswith('known("'):
                if value:
                    facts.add(label[7:-2])
            else:
                variables[label] = value
        point = _Point(variables, visits, facts)
        if not any(c.evaluate(point) for c in conditions):
            return _describe(labels, values)
    return None


def softlock_findings(flow: Flow) -> Iterator[Finding]:
    """`soft-lock` warnings for reachable nodes that may offer no choice."""
    edges = flow.live_edges()
    for node_id in sorted(flow.reachable):
        node = flow.story.nodes[node_id]
        if node.is_ending:
            continue
        live = [c for c, ok in zip(node.choices, flow.live(node), strict=True) if ok]
        if not live:
            message = f"node '{node_id}' never offers a choice that can be taken"
            yield Finding(Code.SOFT_LOCK, message, node.position, node)
            continue
        open_ways = [c for c in live if c.condition is None]
        if any(not c.once or not _returns(flow, edges, c, node) for c in open_ways):
            continue
        conditions = [c.condition for c in live if c.condition is not None]
        once = " after its 'once' choices are taken" if open_ways else ""
        if not conditions:
            message = f"node '{node_id}' may leave the player with no choice{once}"
            yield Finding(Code.SOFT_LOCK, message, node.position, node)
            continue
        witness = _witness(flow, node, conditions)
        if witness is None:
            continue
        when = (
            f"{',' if once else ''} when {witness}"
            if witness
            else " (every choice has a condition)"
        )
        message = f"node '{node_id}' may leave the player with no choice{once}{when}"
        yield Finding(Code.SOFT_LOCK, message, node.position, node)
