"""Views of the story graph a person can read: a part of it (`select`), or the whole story
with each file's conversation drawn as one box (`overview`)."""

from __future__ import annotations

from collections import Counter, deque
from dataclasses import replace
from pathlib import Path

from cosmodrome.story.diagram import StoryGraph, dot_string, mermaid_string
from cosmodrome.story.model import Story
from cosmodrome.story.suggest import did_you_mean


class ViewError(ValueError):
    """A filter that names nothing in the story, worded for people."""


def _file_of(story: Story, node_id: str) -> str:
    """The node's file, relative to the story's folder when it lies inside it."""
    path = Path(story.nodes[node_id].position.path)
    try:
        return path.relative_to(story.root).as_posix()
    except ValueError:
        return path.as_posix()


def select(
    story: Story,
    graph: StoryGraph,
    *,
    around: str | None = None,
    depth: int = 2,
    era: str | None = None,
    file: str | None = None,
) -> StoryGraph:
    """The part of `graph` the filters keep (all of them at once): nodes at most `depth`
    choices from `around` either way, of era `era`, written in `file` (a path or a file
    name); and the choices between them. Raises `ViewError` for a name not in the story."""
    keep = {node.id for node in graph.nodes}
    if around is not None:
        found = story.resolve_node(around)
        if found is None:
            raise ViewError(f"the story has no node '{around}'{did_you_mean(around, keep)}")
        keep &= _near(graph, found, depth)
    if era is not None:
        eras = [era_id for era_id, _ in graph.eras]
        if era not in eras:
            raise ViewError(f"the story has no era '{era}'{did_you_mean(era, eras)}")
        keep &= {node.id for node in graph.nodes if node.era == era}
    if file is not None:
        files = {node_id: _file_of(story, node_id) for node_id in story.nodes}
        wanted = {n for n, path in files.items() if path == file or Path(path).name == file}
        if not wanted:
            names = sorted({Path(p).name for p in files.values()})
            raise ViewError(f"no node is written in '{file}'{did_you_mean(file, names)}")
        keep &= wanted
    nodes = tuple(node for node in graph.nodes if node.id in keep)
    edges = tuple(e for e in graph.edges if e.source in keep and e.target in keep)
    return replace(graph, nodes=nodes, edges=edges)


def _near(graph: StoryGraph, start: str, depth: int) -> set[str]:
    """Nodes at most `depth` choices from `start`, following choices either way."""
    neighbours: dict[str, set[str]] = {node.id: set() for node in graph.nodes}
    for edge in graph.edges:
        neighbours[edge.source].add(edge.target)
        neighbours[edge.target].add(edge.source)
    found = {start: 0}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        if found[node] < depth:
            for other in neighbours[node]:
                if other not in found:
                    found[other] = found[node] + 1
                    queue.append(other)
    return set(found)


def _groups(story: Story, graph: StoryGraph) -> dict[str, list[str]]:
    """Node ids per box of the overview: per file, or per era when there is one file."""
    by_file: dict[str, list[str]] = {}
    for node in graph.nodes:
        by_file.setdefault(_file_of(story, node.id), []).append(node.id)
    if len(by_file) > 1:
        return {Path(path).stem: ids for path, ids in by_file.items()}
    labels = dict(graph.eras)
    by_era: dict[str, list[str]] = {}
    for node in graph.nodes:
        by_era.setdefault(labels.get(node.era or "", "no era"), []).append(node.id)
    return by_era


def overview(story: Story, graph: StoryGraph, fmt: str) -> str:
    """The whole story with each file's nodes as one box (their ids inside, the start and
    endings marked) and one arrow per pair of boxes, saying how many choices it stands
    for: DOT (`fmt` "dot") or Mermaid."""
    groups = _groups(story, graph)
    box = {node_id: name for name, ids in groups.items() for node_id in ids}
    marks = {n.id: " (start)" if n.start else " (end)" if n.ending else "" for n in graph.nodes}
    labels = {
        name: "\n".join([f"{name}: {len(ids)} nodes", *(f"{i}{marks[i]}" for i in ids)])
        for name, ids in groups.items()
    }
    between = Counter(
        (box[e.source], box[e.target]) for e in graph.edges if box[e.source] != box[e.target]
    )
    names = {name: f"g{index}" for index, name in enumerate(groups)}

    def count(n: int) -> str:
        return f"{n} choice{'s' if n != 1 else ''}"

    if fmt == "mermaid":
        lines = ["flowchart TB"]
        lines += [f"  {names[n]}[{mermaid_string(labels[n])}]" for n in groups]
        lines += [
            f"  {names[a]} -->|{mermaid_string(count(n))}| {names[b]}"
            for (a, b), n in between.items()
        ]
        return "\n".join(lines) + "\n"
    lines = [
        f"digraph {dot_string(graph.title)} {{",
        "  rankdir=TB;",
        '  node [shape=box, fontname="Helvetica", nojustify=true];',
        '  edge [fontname="Helvetica", fontsize=10];',
    ]
    lines += [f"  {names[n]} [label={dot_string(labels[n])}];" for n in groups]
    lines += [
        f"  {names[a]} -> {names[b]} [label={dot_string(count(n))}];"
        for (a, b), n in between.items()
    ]
    lines.append("}")
    return "\n".join(lines) + "\n"
