"""Finding names: the one under the cursor, where it is declared, where it is used, what
it is (hover), and the outline of a file and of the whole story (symbols)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from lsprotocol import types
from pygls.uris import from_fs_path
from pygls.workspace.position_codec import PositionCodec

from cosmodrome.lsp.folder import StoryFolder
from cosmodrome.lsp.index import Occurrence
from cosmodrome.lsp.positions import span
from cosmodrome.story.expr import type_of
from cosmodrome.story.yamltree import Y

_SYMBOL_KINDS = {
    "node": types.SymbolKind.Class,
    "variable": types.SymbolKind.Variable,
    "fact": types.SymbolKind.Constant,
    "era": types.SymbolKind.EnumMember,
    "place": types.SymbolKind.Struct,
}


@dataclass
class StoryView:
    """A story folder seen through the client's position encoding."""

    folder: StoryFolder
    codec: PositionCodec

    def uri(self, path: str) -> str:
        return from_fs_path(path) or Path(path).as_uri()

    def range(self, occurrence: Occurrence) -> types.Range:
        lines = self.folder.lines(occurrence.path)
        o = occurrence
        return span(self.codec, lines, o.line, o.col, o.length)

    def location(self, occurrence: Occurrence) -> types.Location:
        return types.Location(uri=self.uri(occurrence.path), range=self.range(occurrence))

    def at(self, path: str, line: int, col: int) -> Occurrence | None:
        """The name written at 1-based `line` and code-point `col` of a file."""
        relative = self.folder.relative(Path(path))
        index = self.folder.indexes.get(relative or "")
        if index is None:
            return None
        for o in index.occurrences:
            if o.line == line and o.col <= col <= o.col + o.length:
                return o
        return None

    def definitions(self, kind: str, name: str) -> list[Occurrence]:
        return [
            o
            for o in self.folder.occurrences()
            if o.definition and (o.kind, o.name) == (kind, name)
        ]

    def references(self, kind: str, name: str, declaration: bool) -> list[Occurrence]:
        """Every place that names this thing (its declarations too with `declaration`)."""
        return [
            o
            for o in self.folder.occurrences()
            if (o.kind, o.name) == (kind, name) and (declaration or not o.definition)
        ]

    def hover(self, occurrence: Occurrence) -> str | None:
        """Markdown saying what the name under the cursor is."""
        found = self.definitions(occurrence.kind, occurrence.name)
        if not found or found[0].value is None:
            return None
        value = _mapping(found[0].value)
        kind, name = occurrence.kind, occurrence.name
        if kind == "node":
            return self._node_hover(name, value)
        if kind == "variable":
            raw = found[0].value.value
            default = value.get("default") if isinstance(raw, dict) else raw
            label = value.get("label")
            kind_of = type_of(default)
            lines = [f"**variable** `{name}`: {kind_of.value if kind_of else '?'}"]
            shown = ("true" if default else "false") if isinstance(default, bool) else repr(default)
            lines.append(f"default: `{shown}`")
            if label:
                lines.append(f"label: {label}")
            return "\n\n".join(lines)
        if kind == "fact":
            head = f"**fact** `{name}` ({value.get('year')}): {value.get('title')}"
            return f"{head}\n\n{value.get('text')}"
        if kind == "era":
            return f"**era** `{name}`: {value.get('label')}"
        region = value.get("region")
        return f"**place** `{name}`: {value.get('name')}" + (f" ({region})" if region else "")

    def _node_hover(self, name: str, value: dict[str, object]) -> str:
        head = f"**node** `{name}`"
        if value.get("title"):
            head += f": {value['title']}"
        lines = [head]
        era, place = value.get("era"), value.get("place")
        if era is not None:
            label = self._label("era", str(era), "label")
            lines.append(f"era: {era}" + (f" ({label})" if label else ""))
        if place is not None:
            label = self._label("place", str(place), "name")
            lines.append(f"place: {place}" + (f" ({label})" if label else ""))
        if value.get("ending"):
            lines.append(f"ending: {value['ending']}")
        first = _first_line(value.get("text"))
        if first:
            lines.append(f"> {first}")
        return "\n\n".join(lines)

    def _label(self, kind: str, name: str, key: str) -> str | None:
        for o in self.definitions(kind, name):
            if o.value is not None:
                found = _mapping(o.value).get(key)
                return str(found) if found is not None else None
        return None

    def symbols(self, path: str) -> list[types.DocumentSymbol]:
        """The outline of one file: its nodes (or its variables, eras, places, facts)."""
        relative = self.folder.relative(Path(path))
        index = self.folder.indexes.get(relative or "")
        if index is None:
            return []
        lines = self.folder.lines(path)
        out: list[types.DocumentSymbol] = []
        for o in index.occurrences:
            if not o.definition:
                continue
            first, last = (
                index.spans.get(o.name, (o.line, o.line)) if o.kind == "node" else (o.line, o.line)
            )
            end_text = lines[last - 1] if 0 < last <= len(lines) else ""
            whole = span(self.codec, lines, first, 1, 0)
            whole.end = span(self.codec, lines, last, len(end_text) + 1, 0).end
            chosen = self.range(o)
            if not (whole.start.line <= chosen.start.line <= whole.end.line):
                whole = chosen
            out.append(
                types.DocumentSymbol(
                    name=o.name,
                    kind=_SYMBOL_KINDS[o.kind],
                    range=whole,
                    selection_range=chosen,
                    detail=_detail(o),
                )
            )
        return out

    def workspace_symbols(self, query: str) -> list[types.WorkspaceSymbol]:
        """Every node (and variable, fact, era, place) whose name holds `query`'s letters
        in order."""
        wanted = query.lower()
        return [
            types.WorkspaceSymbol(
                name=o.name,
                kind=_SYMBOL_KINDS[o.kind],
                location=self.location(o),
                container_name=o.kind,
            )
            for o in self.folder.occurrences()
            if o.definition and _subsequence(wanted, o.name.lower())
        ]


def _mapping(y: Y) -> dict[str, object]:
    if isinstance(y.value, dict):
        return {k: v.plain() for k, v in y.value.items()}
    return {}


def _first_line(text: object) -> str:
    if isinstance(text, list):
        text = next((b.get("text") for b in text if isinstance(b, dict)), "")
    if not isinstance(text, str):
        return ""
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def _detail(o: Occurrence) -> str | None:
    if o.value is None:
        return None
    value = _mapping(o.value)
    detail = value.get("title") or value.get("label") or value.get("name")
    return str(detail) if detail is not None else None


def _subsequence(wanted: str, name: str) -> bool:
    letters: Iterable[str] = iter(name)
    return all(char in letters for char in wanted)
