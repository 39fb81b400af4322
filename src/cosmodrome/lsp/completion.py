"""What may be typed at the cursor: node ids after `goto:`, variables and functions in
conditions, effects and `{…}`, fact, era and place ids, and the keys allowed there."""

from __future__ import annotations

import re

from lsprotocol import types

from cosmodrome.lsp.navigation import StoryView
from cosmodrome.lsp.positions import span
from cosmodrome.lsp.scan import FUNCTIONS, KEYWORDS
from cosmodrome.story.schema import OBJECTS
from cosmodrome.story.storydir import FACTS, MANIFEST

_ITEM_KINDS = {
    "node": types.CompletionItemKind.Reference,
    "variable": types.CompletionItemKind.Variable,
    "fact": types.CompletionItemKind.Constant,
    "era": types.CompletionItemKind.EnumMember,
    "place": types.CompletionItemKind.Struct,
}
_CALL = re.compile(r"""\b(visited|known)\(\s*["']([\w-]*)$""")
_BRACE = re.compile(r"(?<!\{)\{\s*(\w*)$")
_ID_VALUE = re.compile(
    r"""^\s*(?:-\s+)?(goto|start|era|place|facts):\s*\[?\s*(?:[\w-]+\s*,\s*)*["']?([\w-]*)$"""
)
_EXPRESSION = re.compile(r"""^\s*(?:-\s+)?if:\s*(.*?)(\w*)$""")
_KEY_LINE = re.compile(r"^(\s*)(-\s+)?(\w*)$")
_PARENT = re.compile(r"^(\s*)(-\s+)?([\w-]+|\"[^\"]*\"|'[^']*'):")
_FUNCTION_DETAILS = {
    "visited": "how many times the node has been entered",
    "known": "true once the fact has been revealed",
}
_VALUE_KINDS = {"goto": "node", "start": "node", "era": "era", "place": "place", "facts": "fact"}


def complete(view: StoryView, relative: str, line: int, col: int) -> list[types.CompletionItem]:
    """The completions at 1-based `line` and code-point `col` of a story file."""
    lines = view.folder.texts.get(relative, "").split("\n")
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    before = text[: col - 1]

    def ids(kind: str, prefix: str) -> list[types.CompletionItem]:
        where = span(view.codec, lines, line, col - len(prefix), len(prefix))
        return _names(view, kind, where)

    if call := _CALL.search(before):
        return ids(FUNCTIONS[call.group(1)], call.group(2))
    if brace := _BRACE.search(before):
        return ids("variable", brace.group(1))
    if value := _ID_VALUE.match(before):
        return ids(_VALUE_KINDS[value.group(1)], value.group(2))
    chain = _parents(lines, line, _indent(before))
    if chain and chain[-1] == "facts" and re.match(r"^\s*-\s+[\w-]*$", before):
        return ids("fact", before.split()[-1] if before.split()[-1] != "-" else "")
    if expression := _EXPRESSION.match(before):
        return _expression(view, lines, line, col, expression.group(2))
    if chain and chain[-1] == "set":
        effect = re.match(r"^\s*\w+:\s*(.*?)(\w*)$", before)
        if effect:
            return _expression(view, lines, line, col, effect.group(2))
        if key := _KEY_LINE.match(before):
            return ids("variable", key.group(3))
    if key := _KEY_LINE.match(before):
        kind = _object_kind(relative, chain)
        if kind is not None:
            present = _siblings(lines, line, _indent(before), new_item=bool(key.group(2)))
            return [
                types.CompletionItem(
                    label=spec.name,
                    kind=types.CompletionItemKind.Property,
                    detail=spec.kind,
                    documentation=spec.doc,
                    insert_text=f"{spec.name}: ",
                )
                for spec in OBJECTS[kind]
                if spec.name.startswith(key.group(3)) and spec.name not in present
            ]
    return []


def _names(view: StoryView, kind: str, where: types.Range) -> list[types.CompletionItem]:
    seen: dict[str, types.CompletionItem] = {}
    for o in view.folder.occurrences():
        if o.definition and o.kind == kind and o.name not in seen:
            seen[o.name] = types.CompletionItem(
                label=o.name,
                kind=_ITEM_KINDS[kind],
                detail=kind,
                text_edit=types.TextEdit(range=where, new_text=o.name),
            )
    return list(seen.values())


def _expression(
    view: StoryView, lines: list[str], line: int, col: int, prefix: str
) -> list[types.CompletionItem]:
    where = span(view.codec, lines, line, col - len(prefix), len(prefix))
    items = _names(view, "variable", where)
    for function in FUNCTIONS:
        items.append(
            types.CompletionItem(
                label=f'{function}("…")',
                kind=types.CompletionItemKind.Function,
                detail=_FUNCTION_DETAILS[function],
                text_edit=types.TextEdit(range=where, new_text=f'{function}("'),
                filter_text=function,
            )
        )
    items.extend(
        types.CompletionItem(label=word, kind=types.CompletionItemKind.Keyword)
        for word in sorted(KEYWORDS)
    )
    return items


def _indent(before: str) -> int:
    """The column the current line's key starts at (after a list's `- `)."""
    match = re.match(r"^(\s*)(-\s+)?", before)
    return match.end() if match else 0


def _parents(lines: list[str], line: int, indent: int) -> list[str]:
    """The keys that hold the cursor's line, outermost first (node ids among them)."""
    chain: list[str] = []
    for row in range(line - 2, -1, -1):
        match = _PARENT.match(lines[row])
        if match is None:
            continue
        key_col = match.start(3)
        if key_col < indent:
            chain.append(match.group(3).strip("\"'"))
            indent = key_col
            if key_col == 0:
                break
    return chain[::-1]


def _siblings(lines: list[str], line: int, indent: int, *, new_item: bool) -> set[str]:
    """The keys already written in the mapping the cursor's line belongs to."""
    found: set[str] = set()
    rows = [] if new_item else range(line - 2, -1, -1)  # a new `- ` item starts a mapping
    for step, scan in ((-1, rows), (1, range(line, len(lines)))):
        for row in scan:
            match = _PARENT.match(lines[row])
            if match is None:
                if lines[row].strip() and _indent(lines[row]) < indent:
                    break
                continue
            if match.start(3) < indent or (step == 1 and match.group(2)):
                break
            if match.start(3) == indent:
                found.add(match.group(3))
                if step == -1 and match.group(2):
                    break  # the `- ` that opens this list item
    return found


def _object_kind(relative: str, chain: list[str]) -> str | None:
    """The object (a name in the schema's OBJECTS) whose keys the cursor is among."""
    kind = (
        "manifest" if relative == MANIFEST else "facts_file" if relative == FACTS else "node_file"
    )
    pending_map: str | None = None
    for key in chain:
        if pending_map is not None:  # this key is an id in a map: the object is its value
            kind, pending_map = pending_map, None
            continue
        spec = next((s for s in OBJECTS.get(kind, ()) if s.name == key), None)
        if spec is None:
            return None
        if spec.kind.startswith("map:"):
            pending_map = spec.kind[4:]
        elif spec.kind.startswith(("object:", "list:")):
            kind = spec.kind.split(":", 1)[1]
        elif spec.kind == "text":
            kind = "block"
        else:
            return None
    return None if pending_map is not None else kind
