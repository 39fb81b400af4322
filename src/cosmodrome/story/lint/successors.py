"""The story as a plain graph, conditions ignored: successors, cycles, reachability."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from typing import TypeVar

from cosmodrome.story.model import Story

_N = TypeVar("_N", bound=Hashable)


def can_reach(targets: Iterable[_N], predecessors: Callable[[_N], Iterable[_N]]) -> set[_N]:
    """`targets` and every node from which one of them can be reached (a backward search)."""
    found = set(targets)
    queue = deque(found)
    while queue:
        for source in predecessors(queue.popleft()):
            if source not in found:
                found.add(source)
                queue.append(source)
    return found


def story_edges(story: Story) -> dict[str, list[str]]:
    """Each node's successors through its choices, conditions ignored."""
    return {node.id: [c.goto for c in node.choices] for node in story.nodes.values()}


def cyclic_nodes(edges: Mapping[str, list[str]]) -> frozenset[str]:
    """Nodes that lie on a cycle (Tarjan's strongly connected components, iteratively)."""
    ids = list(edges)
    position = {node: i for i, node in enumerate(ids)}
    successors = [[position[nxt] for nxt in edges[node]] for node in ids]
    return frozenset([ids[i] for i in cyclic_indexes(successors)])


def cyclic_indexes(edges: list[list[int]]) -> list[int]:
    """`cyclic_nodes` over nodes numbered 0..n-1: lists beat dicts keyed by ids."""
    return [member for component in cyclic_components(edges) for member in component]


def cycles_through(edges: Mapping[str, list[str]]) -> dict[str, frozenset[str]]:
    """For each node on a cycle, the nodes of its cycles (its strongly connected
    component): everything play can pass through between two visits to it."""
    ids = list(edges)
    position = {node: i for i, node in enumerate(ids)}
    successors = [[position[nxt] for nxt in edges[node] if nxt in position] for node in ids]
    out: dict[str, frozenset[str]] = {}
    for component in cyclic_components(successors):
        members = frozenset([ids[i] for i in component])
        out.update(dict.fromkeys(members, members))
    return out


def cyclic_components(edges: list[list[int]]) -> list[list[int]]:
    """The strongly connected components over nodes 0..n-1 that hold a cycle (Tarjan's,
    iteratively)."""
    unseen = -1
    index = [unseen] * len(edges)
    low = [0] * len(edges)
    on_stack = [False] * len(edges)
    stack: list[int] = []
    found: list[list[int]] = []
    counter = 0
    for root in range(len(edges)):
        if index[root] != unseen:
            continue
        work: list[tuple[int, Iterator[int]]] = [(root, iter(edges[root]))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = True
        while work:
            node, successors = work[-1]
            advanced = False
            for nxt in successors:
                if index[nxt] == unseen:
                    index[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack[nxt] = True
                    work.append((nxt, iter(edges[nxt])))
                    advanced = True
                    break
                if on_stack[nxt] and index[nxt] < low[node]:
                    low[node] = index[nxt]
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component: list[int] = []
                while True:
                    member = stack.pop()
                    on_stack[member] = False
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1 or node in edges[node]:
                    found.append(component)
    return found


def reachable_nodes(story: Story) -> set[str]:
    """Nodes reachable from `start` when every condition could hold."""
    edges = story_edges(story)
    seen = {story.start}
    queue = deque([story.start])
    while queue:
        for nxt in edges[queue.popleft()]:
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return seen
