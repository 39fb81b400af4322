"""Where each file of a story declares and uses its names: nodes, variables, facts,
eras and places, each at its line and column (1-based, in code points, as the story
layer counts them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cosmodrome.lsp.scan import Use, expression_uses, template_uses
from cosmodrome.story.storydir import FACTS, MANIFEST
from cosmodrome.story.yamlfields import FileReader
from cosmodrome.story.yamltree import Y

KINDS = ("node", "variable", "fact", "era", "place")


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One name written in a file: where a thing is declared, or a use of it."""

    kind: str  # one of KINDS
    name: str  # the id or variable it names
    path: str  # the file, as the checker spells it
    line: int
    col: int
    length: int  # code points of the text written there
    definition: bool = False
    alias: str | None = None  # a `was:` entry: it names its node, but the text is an old id
    value: Y | None = field(default=None, compare=False)  # a declaration's value, for hover


@dataclass
class FileIndex:
    """Every name one file declares or uses, and where its nodes begin and end."""

    path: str
    occurrences: list[Occurrence] = field(default_factory=list)
    nodes: dict[str, Y] = field(default_factory=dict)  # node id -> its mapping
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)  # node id -> first, last line


def index_file(relative: str, path: str, root: Y | None, text: str) -> FileIndex:
    """The names in one parsed file of a story (`relative` says which file it is)."""
    builder = _Builder(path, text)
    if root is not None and isinstance(root.value, dict):
        if relative == MANIFEST:
            builder.manifest(root)
        elif relative == FACTS:
            table = root.value.get("facts")
            if table is not None:
                builder.declarations(table, "fact")
        else:
            builder.node_file(root)
    return builder.index


class _Builder:
    def __init__(self, path: str, text: str) -> None:
        self.index = FileIndex(path)
        self.reader = FileReader(path, lambda: text)
        self.lines = text.split("\n")

    def add(self, kind: str, name: str, line: int, col: int, **extra: Any) -> None:
        self.index.occurrences.append(
            Occurrence(kind, name, self.index.path, line, col, len(name), **extra)
        )

    def key(self, owner: Y, key: str, kind: str, value: Y | None = None) -> None:
        """A name declared as a mapping key (a quoted key's name starts after its quote)."""
        assert owner.keys is not None
        line, col = owner.keys[key]
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        if text[col - 1 : col] in ("'", '"'):
            col += 1
        self.add(kind, key, line, col, definition=True, value=value)

    def scalar(self, y: Y | None, kind: str, **extra: Any) -> None:
        """A name written as a scalar value: `goto: x`, `era: "1957"`, a list entry."""
        if y is None:
            return
        value = y.value
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            return
        col = y.col + (1 if y.style in ("'", '"') else 0)
        name = extra.pop("name", value)
        self.index.occurrences.append(
            Occurrence(kind, name, self.index.path, y.line, col, len(value), **extra)
        )

    def uses(self, y: Y | None, found: list[Use]) -> None:
        assert y is not None
        for use in found:
            line, col = self.reader.inside(y, use.offset)
            self.add(use.kind, use.name, line, col)

    def expression(self, y: Y | None) -> None:
        if y is not None and isinstance(y.value, str):
            self.uses(y, expression_uses(y.value))

    def template(self, y: Y | None) -> None:
        if y is not None and isinstance(y.value, str):
            self.uses(y, template_uses(y.value))

    def effects(self, y: Y | None) -> None:
        if y is None or not isinstance(y.value, dict) or y.keys is None:
            return
        for name, value in y.value.items():
            line, col = y.keys[name]
            self.add("variable", name, line, col)
            self.expression(value)

    def declarations(self, table: Y, kind: str) -> None:
        if isinstance(table.value, dict):
            for name, value in table.value.items():
                self.key(table, name, kind, value)

    # -- the three kinds of file ----------------------------------------------

    def manifest(self, root: Y) -> None:
        entries: dict[str, Y] = root.value
        self.scalar(entries.get("start"), "node")
        if "variables" in entries:
            self.declarations(entries["variables"], "variable")
        if "places" in entries:
            self.declarations(entries["places"], "place")
        eras = entries.get("eras")
        for era in eras.value if eras is not None and isinstance(eras.value, list) else ():
            if isinstance(era.value, dict):
                self.scalar(era.value.get("id"), "era", definition=True, value=era)

    def node_file(self, root: Y) -> None:
        table = root.value.get("nodes")
        if table is None or not isinstance(table.value, dict) or table.keys is None:
            return
        starts = sorted((table.keys[node_id][0], node_id) for node_id in table.value)
        last = len(self.lines)
        while last > 1 and not self.lines[last - 1].strip():
            last -= 1
        for i, (line, node_id) in enumerate(starts):
            end = starts[i + 1][0] - 1 if i + 1 < len(starts) else last
            self.index.spans[node_id] = (line, max(line, end))
        for node_id, node in table.value.items():
            self.key(table, node_id, "node", node)
            if isinstance(node.value, dict):
                self.index.nodes[node_id] = node
                self.node(node_id, node.value)

    def node(self, node_id: str, entries: dict[str, Y]) -> None:
        self.template(entries.get("title"))
        self.scalar(entries.get("era"), "era")
        self.scalar(entries.get("place"), "place")
        for old in _items(entries.get("was")):
            self.scalar(old, "node", name=node_id, alias=str(old.value))
        for fact in _items(entries.get("facts")):
            self.scalar(fact, "fact")
        on_enter = entries.get("on_enter")
        if on_enter is not None and isinstance(on_enter.value, dict):
            self.effects(on_enter.value.get("set"))
        text = entries.get("text")
        if text is not None and isinstance(text.value, list):
            for block in _items(text):
                if isinstance(block.value, dict):
                    self.template(block.value.get("text"))
                    self.expression(block.value.get("if"))
        else:
            self.template(text)
        for choice in _items(entries.get("choices")):
            if isinstance(choice.value, dict):
                get = choice.value.get
                self.template(get("text"))
                self.scalar(get("goto"), "node")
                self.expression(get("if"))
                self.effects(get("set"))


def _items(y: Y | None) -> list[Y]:
    return list(y.value) if y is not None and isinstance(y.value, list) else []
