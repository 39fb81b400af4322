"""The story as a graph to look at: Graphviz DOT or Mermaid, nodes grouped by era.

Endings, the start and unreachable nodes are marked; a conditioned choice's
edge carries its condition, a `once` choice says so, and a choice whose
condition can never hold (see the lint rule `never-true`) is drawn dotted.
"""

from __future__ import annotations

from dataclasses import dataclass

from cosmodrome.story.lint import analyse
from cosmodrome.story.model import Story

MAX_TEXT = 40  # characters of a choice's text shown on its edge


@dataclass(frozen=True, slots=True)
class GraphNode:
    id: str
    title: str | None
    era: str | None
    ending: str | None
    start: bool
    reachable: bool
    memory: bool = False  # a remembered scene
    returns: bool = False  # its text has `first`/`again` blocks: it greets a return


@dataclass(frozen=True, slots=True)
class GraphEdge:
    source: str
    target: str
    text: str
    condition: str | None
    once: bool
    dead: bool  # the condition can never be true

    def label(self, with_text: bool) -> str:
        parts = [_shorten(self.text)] if with_text else []
        if self.condition is not None:
            parts.append(("never: " if self.dead else "if ") + self.condition)
        if self.once:
            parts.append("once")
        return "\n".join(parts)


@dataclass(frozen=True)
class StoryGraph:
    title: str
    nodes: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...]
    eras: tuple[tuple[str, str], ...]  # (id, label), in timeline order


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


def story_graph(story: Story) -> StoryGraph:
    """The graph of `story`, with reachability and dead choices from the lint analysis."""
    flow = analyse(story)
    nodes: list[GraphNode] = []
    edges: list[GraphEdge] = []
    for node in story.nodes.values():
        title = node.title.source if node.title is not None else None
        nodes.append(
            GraphNode(
                node.id,
                title,
                node.era,
                node.ending,
                node.id == story.start,
                node.id in flow.reachable,
                node.memory,
                any(block.visit is not None for block in node.blocks),
            )
        )
        for choice in node.choices:
            condition = choice.condition.source if choice.condition is not None else None
            dead = (
                condition is not None
                and node.id in flow.reachable
                and flow.choice_context(node, choice) is None
            )
            edges.append(
                GraphEdge(node.id, choice.goto, choice.text.source, condition, choice.once, dead)
            )
    eras = tuple((era.id, era.label) for era in story.eras)
    return StoryGraph(story.title, tuple(nodes), tuple(edges), eras)


def _groups(graph: StoryGraph) -> list[tuple[int, str, list[GraphNode]]]:
    """(index, label, nodes) per era in timeline order; nodes without an era come last."""
    out = []
    for index, (era_id, label) in enumerate(graph.eras):
        members = [n for n in graph.nodes if n.era == era_id]
        if members:
            out.append((index, label, members))
    return out


# --- Graphviz DOT --------------------------------------------------------------


def dot_string(text: str) -> str:
    """`text` as a DOT double-quoted string: quotes and backslashes escaped, lines joined."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\r\n", "\n").replace("\n", "\\n") + '"'


def node_label(node: GraphNode) -> str:
    """The node's id, then its ending's or its title's text, then `memory` and
    `first/again` when it is a remembered scene or greets a return."""
    marks = [m for m, on in (("memory", node.memory), ("first/again", node.returns)) if on]
    extra = f"\n({', '.join(marks)})" if marks else ""
    if node.ending is not None:
        return f"{node.id}\nThe end: {node.ending}{extra}"
    return (node.id if node.title is None else f"{node.id}\n{node.title}") + extra


def _dot_node(node: GraphNode) -> str:
    attrs = [f"label={dot_string(node_label(node))}"]
    styles = []
    if node.ending is not None:
        styles += ["rounded", "bold"]
        attrs.append("peripheries=2")
    if node.start:
        attrs.append("penwidth=3")
    if not node.reachable:
        styles.append("dashed")
        attrs.append('color="gray50", fontcolor="gray50", tooltip="unreachable"')
    if styles:
        attrs.append(f"style={dot_string(','.join(styles))}")
    return f"{dot_string(node.id)} [{', '.join(attrs)}];"


def to_dot(graph: StoryGraph, *, choice_text: bool = False) -> str:
    """The graph in Graphviz's DOT language, eras as clusters."""
    lines = [
        f"digraph {dot_string(graph.title)} {{",
        "  rankdir=LR;",
        '  node [shape=box, fontname="Helvetica"];',
        '  edge [fontname="Helvetica", fontsize=10];',
    ]
    grouped: set[str] = set()
    for index, label, members in _groups(graph):
        lines.append(f"  subgraph cluster_era_{index} {{")
        lines.append(f"    label={dot_string(label)};")
        lines.append('    style="rounded"; color="gray60";')
        lines.extend(f"    {_dot_node(n)}" for n in members)
        lines.append("  }")
        grouped.update(n.id for n in members)
    lines.extend(f"  {_dot_node(n)}" for n in graph.nodes if n.id not in grouped)
    for edge in graph.edges:
        attrs = []
        label = edge.label(choice_text)
        if label:
            attrs.append(f"label={dot_string(label)}")
        if edge.dead:
            attrs.append('style=dotted, color="red"')
        elif edge.condition is not None:
            attrs.append("style=dashed")
        suffix = f" [{', '.join(attrs)}]" if attrs else ""
        lines.append(f"  {dot_string(edge.source)} -> {dot_string(edge.target)}{suffix};")
    lines.append("}")
    return "\n".join(lines) + "\n"


# --- Mermaid -------------------------------------------------------------------

_MERMAID_ESCAPES = {
    "#": "#35;",
    '"': "#quot;",
    "<": "#lt;",
    ">": "#gt;",
    "&": "#amp;",
    "|": "#124;",
    "`": "#96;",
}


def mermaid_string(text: str) -> str:
    """`text` as a quoted Mermaid label: entity codes for what Mermaid would parse, line
    breaks as <br/>."""
    escaped = "".join(_MERMAID_ESCAPES.get(c, c) for c in text)
    return '"' + escaped.replace("\r\n", "\n").replace("\n", "<br/>") + '"'


def to_mermaid(graph: StoryGraph, *, choice_text: bool = False) -> str:
    """The graph as a Mermaid flowchart, eras as subgraphs."""
    ids = {node.id: f"n{index}" for index, node in enumerate(graph.nodes)}

    def node_line(node: GraphNode) -> str:
        label = mermaid_string(node_label(node))
        if node.ending is not None:
            return f"{ids[node.id]}([{label}])"  # a stadium: the end of a road
        return f"{ids[node.id]}[{label}]"

    lines = ["flowchart LR"]
    grouped: set[str] = set()
    for index, label, members in _groups(graph):
        lines.append(f"  subgraph era_{index} [{mermaid_string(label)}]")
        lines.extend(f"    {node_line(n)}" for n in members)
        lines.append("  end")
        grouped.update(n.id for n in members)
    lines.extend(f"  {node_line(n)}" for n in graph.nodes if n.id not in grouped)
    for edge in graph.edges:
        arrow = "-.->" if edge.condition is not None else "-->"
        label = edge.label(choice_text)
        middle = f"|{mermaid_string(label)}|" if label else ""
        lines.append(f"  {ids[edge.source]} {arrow}{middle} {ids[edge.target]}")
    lines.append("  classDef ending stroke-width:3px")
    lines.append("  classDef start stroke-width:4px")
    lines.append("  classDef unreachable stroke-dasharray:5 5,color:#888")
    for cls, members in (
        ("ending", [n for n in graph.nodes if n.ending is not None]),
        ("start", [n for n in graph.nodes if n.start]),
        ("unreachable", [n for n in graph.nodes if not n.reachable]),
    ):
        if members:
            lines.append(f"  class {','.join(ids[n.id] for n in members)} {cls}")
    dead = [i for i, e in enumerate(graph.edges) if e.dead]
    if dead:
        lines.append(f"  linkStyle {','.join(map(str, dead))} stroke:red")
    return "\n".join(lines) + "\n"
