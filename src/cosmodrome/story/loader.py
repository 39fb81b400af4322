"""A story directory to a checked, immutable `Story`, with every problem reported."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from cosmodrome.story.diagnostics import Diagnostic, Severity, StoryError, sort_diagnostics
from cosmodrome.story.fields import FileReader, describe
from cosmodrome.story.manifest import Manifest, read_facts, read_manifest
from cosmodrome.story.model import Fact, Node, Position, Story
from cosmodrome.story.nodes import NodeReader, StoryScope
from cosmodrome.story.schema import ID_PATTERN
from cosmodrome.story.suggest import did_you_mean
from cosmodrome.story.yamlsource import Y, read_yaml_file

MANIFEST = "story.yaml"
FACTS = "facts.yaml"


class Anything(frozenset[str]):
    """Contains every id: stands in for the ids of a file that failed to parse."""

    def __contains__(self, item: object) -> bool:
        return True


class StoryNotFound(Exception):
    """The path is not a story directory: a usage problem, not a story problem."""


@dataclass
class CheckResult:
    """What `check_story` found: the story when it loaded, and every diagnostic."""

    story: Story | None
    diagnostics: list[Diagnostic]

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if not d.is_error]


@dataclass
class _SourceFile:
    display: str
    reader: FileReader
    root: Y | None


def story_files(directory: Path) -> list[Path]:
    """Every `.yaml` file of the story, in sorted path order, hidden folders skipped."""
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(directory):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        found.extend(Path(dirpath) / f for f in filenames if f.endswith(".yaml"))
    return sorted(found, key=lambda p: p.relative_to(directory).as_posix())


def _read(path: Path, display: str, digest: hashlib._Hash) -> _SourceFile:
    root, problems = read_yaml_file(str(path), display)
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        text = ""
    digest.update(display.encode() + b"\0" + text.encode() + b"\0")
    reader = FileReader(display, text.splitlines())
    reader.problems.extend(problems)
    return _SourceFile(display, reader, root)


def check_story(directory: str | os.PathLike[str]) -> CheckResult:
    """Load and check the story in `directory`; raises `StoryNotFound` if there is none."""
    base = Path(directory)
    if not base.is_dir():
        raise StoryNotFound(f"{directory}: no such directory")
    if not (base / MANIFEST).is_file():
        raise StoryNotFound(f"{directory}: not a story (it has no {MANIFEST})")
    digest = hashlib.sha256()
    files: list[_SourceFile] = []
    rel: dict[str, str] = {}
    for path in story_files(base):
        relative = path.relative_to(base).as_posix()
        display = os.path.join(str(directory), relative)  # noqa: PTH118 - keep the user's spelling
        files.append(_read(path, display, digest))
        rel[display] = relative
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
        for source in node_files:
            _read_nodes(source, scope, node_ids, nodes)
    problems = [d for f in files for d in f.reader.problems]
    if not broken:
        problems.extend(_check_story_level(manifest, nodes, node_ids, manifest_file.display))
    renamed = _renames(nodes, problems)
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
            digest.hexdigest(),
            renamed,
        )
        from cosmodrome.story.lint import lint_story

        problems.extend(lint_story(story))
    return CheckResult(story, sort_diagnostics(problems))


def load_story(directory: str | os.PathLike[str]) -> Story:
    """The checked story; raises `StoryError` with every error, `StoryNotFound` if absent."""
    result = check_story(directory)
    if result.story is None:
        raise StoryError(result.errors)
    return result.story


def _collect_node_ids(files: list[_SourceFile]) -> dict[str, Position]:
    ids: dict[str, Position] = {}
    for source in files:
        reader = source.reader
        if source.root is None:
            if not reader.problems:
                reader.error((1, 1), "the node file is empty; it needs a 'nodes' mapping", "type")
            continue
        entries = reader.mapping(source.root, "node_file", "a node file")
        if entries is None or "nodes" not in entries:
            continue
        table = entries["nodes"]
        if not isinstance(table.value, dict):
            reader.error(table, f"nodes must be a mapping, not {describe(table.value)}", "type")
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
                    "duplicate",
                )
                continue
            ids[node_id] = Position(reader.path, *pos)
    return ids


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
    manifest: Manifest, nodes: dict[str, Node], ids: dict[str, Position], path: str
) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    pos = manifest.start_position
    if manifest.start is not None and pos is not None and manifest.start not in ids:
        hint = did_you_mean(manifest.start, ids)
        problems.append(
            Diagnostic(
                pos.path,
                pos.line,
                pos.col,
                Severity.ERROR,
                f"start node '{manifest.start}' is not defined{hint}",
                "reference",
            )
        )
    if not ids and not any(d.is_error for d in problems):
        problems.append(Diagnostic(path, 1, 1, Severity.ERROR, "the story has no nodes", "empty"))
    return problems


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
                    Diagnostic(pos.path, pos.line, pos.col, Severity.ERROR, clash, "was")
                )
            else:
                renamed[old] = node.id
    return renamed
