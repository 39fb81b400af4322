"""Renaming a node: its id, every `goto`, `start` and `visited("…")` that names it, and
its old id added to its `was:` so that players' saves made there still load."""

from __future__ import annotations

import re
from pathlib import Path

from lsprotocol import types

from cosmodrome.lsp.index import Occurrence
from cosmodrome.lsp.navigation import StoryView
from cosmodrome.lsp.positions import span
from cosmodrome.story.schema import ID_PATTERN
from cosmodrome.story.yamltree import Y


class RenameRefused(Exception):
    """A rename that cannot be done, with the reason for the author."""


def rename_node(view: StoryView, old: str, new: str) -> types.WorkspaceEdit:
    """The edits that rename node `old` to `new` across the story; raises `RenameRefused`
    when `new` is no valid id, or is taken by a node or a `was:`."""
    if not re.match(ID_PATTERN, new):
        raise RenameRefused(f"'{new}' is not a valid node id (lowercase letters, digits, - and _)")
    everything = view.folder.occurrences()
    if any(o.kind == "node" and new in (o.name, o.alias) for o in everything):
        raise RenameRefused(f"'{new}' already names a node, or is in a node's was:")
    declared = view.definitions("node", old)
    if not declared:
        raise RenameRefused(f"there is no node '{old}' to rename")
    changes: dict[str, list[types.TextEdit]] = {}
    for o in everything:
        if o.kind == "node" and o.name == old and o.alias is None:
            changes.setdefault(view.uri(o.path), []).append(
                types.TextEdit(range=view.range(o), new_text=new)
            )
    was = _was_edit(view, declared[0], old)
    if was is not None:
        changes.setdefault(view.uri(declared[0].path), []).append(was)
    return types.WorkspaceEdit(changes=changes)


def _was_edit(view: StoryView, node: Occurrence, old: str) -> types.TextEdit | None:
    """The edit that adds `old` to the node's `was:`, or writes a `was:` when it has none."""
    relative = view.folder.relative(Path(node.path))
    index = view.folder.indexes.get(relative or "")
    mapping = index.nodes.get(old) if index else None
    if mapping is None or not isinstance(mapping.value, dict) or not mapping.keys:
        return None
    lines = view.folder.lines(node.path)
    written = f'"{old}"' if old.isdigit() else old  # an id of digits would read as a number
    was: Y | None = mapping.value.get("was")
    if was is None:  # a new first key, indented as the node's others
        indent = min(col for _, col in mapping.keys.values()) - 1
        return insert(view, lines, node.line + 1, 1, " " * indent + f"was: [{written}]\n")
    return append_to_list(view, lines, was, written)


def append_to_list(
    view: StoryView, lines: list[str], was: Y, written: str
) -> types.TextEdit | None:
    """The edit that appends `written` to the list `was`, in the style it is written in;
    None when it is no list."""
    items = was.value if isinstance(was.value, list) else []
    line_text = lines[was.line - 1] if 0 < was.line <= len(lines) else ""
    if line_text[was.col - 1 : was.col] == "[":  # a flow list: `was: [a, b]`
        if not items:
            return insert(view, lines, was.line, was.col + 1, written)
        last = items[-1]
        end = last.col + len(str(last.value)) + (2 if last.style in ("'", '"') else 0)
        return insert(view, lines, last.line, end, f", {written}")
    if items:  # a block list: a new `- old` line under the last one
        last = items[-1]
        prefix = lines[last.line - 1][: last.col - 1]
        return insert(view, lines, last.line + 1, 1, f"{prefix}{written}\n")
    return None


def insert(view: StoryView, lines: list[str], line: int, col: int, text: str) -> types.TextEdit:
    where = span(view.codec, lines, line, col, 0)
    return types.TextEdit(range=where, new_text=text)
