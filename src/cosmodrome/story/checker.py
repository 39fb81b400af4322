"""Checking a story's files: parse them, validate every value, lint the story."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

from cosmodrome.story.diagnostic_codes import Code
from cosmodrome.story.diagnostics import Diagnostic, Related, Severity, sort_diagnostics
from cosmodrome.story.manifest import Manifest, read_facts, read_manifest
from cosmodrome.story.model import Fact, Node, Position, Story
from cosmodrome.story.nodememo import NodeMemo
from cosmodrome.story.nodes import NodeReader, StoryScope
from cosmodrome.story.savable import unsavable
from cosmodrome.story.schema import ID_PATTERN
from cosmodrome.story.sources import SourceFile
from cosmodrome.story.spans import underlined
from cosmodrome.story.storydir import FACTS, MANIFEST, CheckResult
from cosmodrome.story.string_defaults import string_defaults
from cosmodrome.story.suggest import closest, did_you_mean
from cosmodrome.story.yamlfields import FileReader, describe
from cosmodrome.story.yamlsource import parse_yaml_bytes, unreadable
from cosmodrome.story.yamltree import Y


class Anything(frozenset[str]):
    """Contains every id: stands in for the ids of a file that failed to parse."""

    def __contains__(self, item: object) -> bool:
        return True


@dataclass
class _SourceFile:
    display: str
    reader: FileReader
    root: Y | None


Parse = Callable[[SourceFile], tuple[Y | None, list[Diagnostic]]]


def parse_source(source: SourceFile) -> tuple[Y | None, list[Diagnostic]]:
    """The `Y` tree of one source file (None when it has none), and its read and syntax
    problems."""
    if source.data is None:
        assert source.error is not None
        return None, unreadable(source.display, source.error)
    return parse_yaml_bytes(source.data, source.display)


def _parse(source: SourceFile, parse: Parse) -> _SourceFile:
    root, problems = parse(source)
    reader = FileReader(source.display, source.text)
    reader.problems.extend(problems)
    return _SourceFile(source.display, reader, root)


def check_sources(
    directory: str | os.PathLike[str],
    sources: list[SourceFile],
    fingerprint: str,
    parse: Parse = parse_source,
    memo: NodeMemo | None = None,
    *,
    lint: bool = True,
) -> CheckResult:
    """Everything `check_story` reports about `sources`, read from `directory`.

    For a caller that checks the same story again and again (the language server):
    `parse` gives each file's tree, and may keep the trees of unchanged files (the
    checker only sets a node's position on its tree, the same each time, so a tree
    can be checked again); `memo` keeps each file's nodes while its tree and the
    story's scope are the same; without `lint`, the caller runs `lint_story` itself."""
    files: list[_SourceFile] = []
    rel: dict[str, str] = {}
    for raw in sources:
        files.append(_parse(raw, parse))
        rel[raw.display] = raw.relative
    manifest_file = next(f for f in files if rel[f.display] == MANIFEST)
    manifest = read_manifest(manifest_file.reader, manifest_file.root)
    facts: dict[str, Fact] = {}
    node_files = []
    for source in files:
        if rel[source.display] == FACTS:
            read_facts(source.reader, source.root, facts)
        elif source is not manifest_file:
            node_files.append(source)
    node_ids = _collect_node_ids(node_files)
    # A file that did not parse hides its nodes (or facts): don't report every
    # reference to them as a second error.
    broken = {rel[f.display] for f in files if f.root is None and f.reader.problems}
    nodes_known = Anything() if broken - {MANIFEST, FACTS} else node_ids
    facts_known = Anything() if FACTS in broken else facts
    scope = StoryScope(
        manifest.variables,
        nodes_known,
        facts_known,
        {era.id for era in manifest.eras},
        manifest.places,
    )
    nodes: dict[str, Node] = {}
    if MANIFEST not in broken:
        if memo is not None:
            memo.begin(_scope_key(scope, broken))
        owners: dict[str, set[str]] = {}
        for node_id, where in node_ids.items():
            owners.setdefault(where.path, set()).add(node_id)
        for source in node_files:
            _read_file_nodes(source, scope, node_ids, nodes, memo=memo, owners=owners)
    problems = [d for f in files for d in f.reader.problems]
    problems.extend(string_defaults(manifest, scope, manifest_file.reader))
    if not broken:
        problems.extend(_check_story_level(manifest, node_ids, manifest_file.reader))
    readers = {f.display: f.reader for f in files}
    clashes: list[Diagnostic] = []
    renamed = _renames(nodes, clashes)
    problems.extend(_underlined(d, readers) for d in clashes)
    story = None
    if not any(d.is_error for d in problems) and manifest.start is not None:
        story = Story(
            manifest.id,
            manifest.title,
            manifest.author,
            manifest.start,
            manifest.variables,
            tuple(manifest.eras),
            manifest.places,
            facts,
            {node_id: nodes[node_id] for node_id in sorted(nodes)},
            str(directory),
            fingerprint,
            renamed,
            frozenset(manifest.lint_ignore),
        )
        unsaved = unsavable(story, manifest_file.display)
        if unsaved:  # a story that would lose its player's progress does not load
            problems.extend(unsaved)
            return CheckResult(None, sort_diagnostics(problems))
        if lint:
            from cosmodrome.story.lint import lint_story

            problems.extend(_underlined(d, readers) for d in lint_story(story))
    return CheckResult(story, sort_diagnostics(problems))


def _underlined(diagnostic: Diagnostic, readers: dict[str, FileReader]) -> Diagnostic:
    """`diagnostic` spanning the whole token at its start (lint rules know only points)."""
    reader = readers.get(diagnostic.path)
    return underlined(diagnostic, reader.lines if reader is not None else [])


def _collect_node_ids(files: list[_SourceFile]) -> dict[str, Position]:
    ids: dict[str, Position] = {}
    for source in files:
        reader = source.reader
        if source.root is None:
            if not reader.problems:
                reader.error(
                    (1, 1), "the node file is empty; it needs a 'nodes' mapping", Code.TYPE
                )
            continue
        entries = reader.mapping(source.root, "node_file", "a node file")
        if entries is None or "nodes" not in entries:
            continue
        table = entries["nodes"]
        if not isinstance(table.value, dict):
            reader.error(table, f"nodes must be a mapping, not {describe(table.value)}", Code.TYPE)
            continue
        for node_id in table.value:
            pos = reader.key_position(table, node_id)
            if reader.ident(Y(node_id, *pos), "node id", ID_PATTERN) is None:
                continue
            if node_id in ids:
                first = ids[node_id]
                reader.error(
                    pos,
                    f"duplicate node id '{node_id}' (first defined at "
                    f"{first.path}:{first.line}:{first.col})",
                    Code.DUPLICATE,
                    related=(
                        Related(
                            first.path,
                            first.line,
                            first.col,
                            first.line,
                            first.col + len(node_id),
                            f"'{node_id}' is first defined here",
                        ),
                    ),
                )
                continue
            ids[node_id] = Position(reader.path, *pos)
    return ids


def _scope_key(scope: StoryScope, broken: set[str]) -> tuple[object, ...]:
    """What a file's nodes depend on beyond the file: the names and types in scope."""
    return (
        frozenset((name, v.type) for name, v in scope.variables.items()),
        frozenset(scope.nodes),
        frozenset(scope.facts),
        frozenset(scope.eras),
        frozenset(scope.places),
        frozenset(broken),  # a broken file makes every id known (`Anything`)
    )


def _read_file_nodes(
    source: _SourceFile,
    scope: StoryScope,
    ids: dict[str, Position],
    nodes: dict[str, Node],
    *,
    memo: NodeMemo | None,
    owners: dict[str, set[str]],
) -> None:
    """`_read_nodes`, or what it gave last time when `memo` has it."""
    root = source.root
    if memo is None or root is None:
        _read_nodes(source, scope, ids, nodes)
        return
    owned = frozenset(owners.get(source.display, ()))
    found = memo.get(source.display, root, owned)
    if found is not None:
        nodes.update(found[0])
        source.reader.problems.extend(found[1])
        return
    before = len(source.reader.problems)
    mine: dict[str, Node] = {}
    _read_nodes(source, scope, ids, mine)
    nodes.update(mine)
    memo.put(source.display, root, owned, mine, source.reader.problems[before:])


def _read_nodes(
    source: _SourceFile, scope: StoryScope, ids: dict[str, Position], nodes: dict[str, Node]
) -> None:
    root = source.root
    if root is None or not isinstance(root.value, dict):
        return
    table = root.value.get("nodes")
    if table is None or not isinstance(table.value, dict):
        return
    builder = NodeReader(source.reader, scope)
    for node_id, node_y in table.value.items():
        where = ids.get(node_id)
        pos = source.reader.key_position(table, node_id)
        if where is None or (where.path, where.line, where.col) != (source.display, *pos):
            continue  # an invalid or duplicate id, already reported
        node_y.line, node_y.col = pos  # a node is where its id is written
        node = builder.node(node_id, node_y)
        if node is not None:
            nodes[node_id] = node


def _check_story_level(
    manifest: Manifest, ids: dict[str, Position], reader: FileReader
) -> list[Diagnostic]:
    pos = manifest.start_position
    if manifest.start is not None and pos is not None and manifest.start not in ids:
        hint = did_you_mean(manifest.start, ids)
        reader.error(
            (pos.line, pos.col),
            f"start node '{manifest.start}' is not defined{hint}",
            Code.REFERENCE,
            replacement=closest(manifest.start, ids),
        )
        return [reader.problems.pop()]
    if not ids:
        return [Diagnostic(reader.path, 1, 1, Severity.ERROR, "the story has no nodes", Code.EMPTY)]
    return []


def _renames(nodes: dict[str, Node], problems: list[Diagnostic]) -> dict[str, str]:
    renamed: dict[str, str] = {}
    for node in nodes.values():
        for old in node.was:
            pos = node.position
            clash = None
            if old in nodes:
                clash = f"'was: {old}' names a node that still exists"
            elif old in renamed:
                clash = f"'was: {old}' is claimed by node '{renamed[old]}' too"
            if clash:
                problems.append(
                    Diagnostic(pos.path, pos.line, pos.col, Severity.ERROR, clash, Code.WAS)
                )
            else:
                renamed[old] = node.id
    return renamed
