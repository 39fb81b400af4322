"""Graph export: DOT that Graphviz renders and Mermaid that parses, read back for the
expected nodes, edges, eras and marks — with labels full of quotes and brackets."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess

import pytest

from cosmodrome.story.diagram import StoryGraph, story_graph, to_dot, to_mermaid
from cosmodrome.story.loader import load_story
from tests.conftest import FIXTURES

EDGES = {
    ("start", "middle"),
    ("middle", "end"),
    ("middle", "lost-end"),
    ("middle", "middle"),
}


@pytest.fixture(scope="module")
def graph() -> StoryGraph:
    return story_graph(load_story(FIXTURES / "graph-escapes", use_cache=False))


# --- DOT -------------------------------------------------------------------------

_DOT_STRING = r'"((?:[^"\\]|\\.)*)"'


def _undot(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), text)


def _parse_dot(text: str) -> tuple[dict[str, dict[str, str]], list[tuple[str, str, str]]]:
    """Nodes (id -> attributes) and edges (source, target, label) of our DOT subset."""
    nodes: dict[str, dict[str, str]] = {}
    edges: list[tuple[str, str, str]] = []
    attr = re.compile(rf"(\w+)=(?:{_DOT_STRING}|([\w.]+))")
    for raw in text.splitlines():
        line = raw.strip()
        edge = re.fullmatch(rf"{_DOT_STRING} -> {_DOT_STRING}(?: \[(.*)\])?;", line)
        if edge:
            attrs = {m[0]: _undot(m[1]) or m[2] for m in attr.findall(edge.group(3) or "")}
            edges.append((_undot(edge[1]), _undot(edge[2]), attrs.get("label", "")))
            continue
        node = re.fullmatch(rf"{_DOT_STRING} \[(.*)\];", line)
        if node:
            nodes[_undot(node[1])] = {m[0]: _undot(m[1]) or m[2] for m in attr.findall(node[2])}
    return nodes, edges


def test_dot_reads_back_to_the_story(graph: StoryGraph) -> None:
    nodes, edges = _parse_dot(to_dot(graph))
    assert set(nodes) == {"start", "middle", "end", "lost-end", "island"}
    assert {(s, t) for s, t, _ in edges} == EDGES
    assert nodes["start"]["label"].startswith('start\nStart: "quotes", [brackets]')
    assert "dashed" in nodes["island"]["style"] and "dashed" not in nodes["end"]["style"]
    assert nodes["end"]["peripheries"] == "2"
    labels = {(s, t): label for s, t, label in edges}
    assert labels["middle", "end"] == "if score >= 1 and score < 3"
    assert labels["middle", "lost-end"] == "never: score > 5"


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
def test_graphviz_renders_the_dot_with_clusters_per_era(graph: StoryGraph) -> None:
    rendered = subprocess.run(
        ["dot", "-Tjson"],
        input=to_dot(graph, choice_text=True),
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(rendered.stdout)
    objects = data["objects"]
    clusters = {o["label"]: o for o in objects if o["name"].startswith("cluster")}
    assert set(clusters) == {'Era "one" [with] {braces} <b>|pipe|</b> #1', "Era two"}
    named = [o["name"] for o in objects]
    edges = {(named[e["tail"]], named[e["head"]]) for e in data["edges"]}
    assert edges == EDGES
    era_one = clusters['Era "one" [with] {braces} <b>|pipe|</b> #1']
    assert [named[i] for i in era_one["nodes"]] == ["start"]


def test_the_shipped_story_draws_a_graph_of_all_its_nodes() -> None:
    from cosmodrome.locations import default_story_dir
    from cosmodrome.story.loader import check_story

    result = check_story(default_story_dir(), use_cache=False)
    if result.story is None:
        pytest.skip("the shipped story has errors; `cosmodrome check` reports them")
    nodes, edges = _parse_dot(to_dot(story_graph(result.story)))
    assert set(nodes) == set(result.story.nodes)
    assert len(edges) == sum(len(n.choices) for n in result.story.nodes.values())


# --- Mermaid -----------------------------------------------------------------------

_MM_STRING = r'"([^"]*)"'
_MM_LINE = [
    re.compile(r"flowchart LR"),
    re.compile(rf"subgraph (era_\d+) \[{_MM_STRING}\]"),
    re.compile(r"end"),
    re.compile(rf"(n\d+)\[{_MM_STRING}\]"),
    re.compile(rf"(n\d+)\(\[{_MM_STRING}\]\)"),
    re.compile(rf"(n\d+) (-->|-\.->)(?:\|{_MM_STRING}\|)? (n\d+)"),
    re.compile(r"classDef \w+ [\w:#;, -]+"),
    re.compile(r"class (n\d+(?:,n\d+)*) (\w+)"),
    re.compile(r"linkStyle \d+(?:,\d+)* stroke:red"),
]


def _unmermaid(text: str) -> str:
    text = text.replace("<br/>", "\n")
    return re.sub(
        r"#(\w+);", lambda m: html.unescape(f"&{m[1]};" if m[1].isalpha() else f"&#{m[1]};"), text
    )


def test_every_mermaid_line_is_in_the_grammar_and_labels_are_quoted(graph: StoryGraph) -> None:
    for line in to_mermaid(graph, choice_text=True).splitlines():
        assert any(p.fullmatch(line.strip()) for p in _MM_LINE), line


def test_mermaid_reads_back_to_the_story(graph: StoryGraph) -> None:
    text = to_mermaid(graph, choice_text=True)
    labels: dict[str, str] = {}
    edges: set[tuple[str, str]] = set()
    subgraphs: list[str] = []
    classes: dict[str, set[str]] = {}
    for line in (x.strip() for x in text.splitlines()):
        if m := _MM_LINE[1].fullmatch(line):
            subgraphs.append(_unmermaid(m[2]))
        elif (m := _MM_LINE[3].fullmatch(line)) or (m := _MM_LINE[4].fullmatch(line)):
            labels[m[1]] = _unmermaid(m[2])
        elif m := _MM_LINE[5].fullmatch(line):
            edges.add((m[1], m[4]))
        elif m := _MM_LINE[7].fullmatch(line):
            classes[m[2]] = set(m[1].split(","))
    ids = {label.split("\n")[0]: key for key, label in labels.items()}
    assert set(ids) == {"start", "middle", "end", "lost-end", "island"}
    assert {(ids[s], ids[t]) for s, t in EDGES} == edges
    assert subgraphs == ['Era "one" [with] {braces} <b>|pipe|</b> #1', "Era two"]
    assert labels[ids["start"]].startswith('start\nStart: "quotes", [brackets], (parens)')
    assert classes["unreachable"] == {ids["lost-end"], ids["island"]}
    assert classes["ending"] == {ids["end"], ids["lost-end"], ids["island"]}
