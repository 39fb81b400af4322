"""Renaming a variable: its declaration in story.yaml, every use of it (in `if:`, `set:`,
`{name}` and inline `{if …}` text, in every file) and its old name added to its `was:`,
so that players' saves keep its value."""

from __future__ import annotations

from lsprotocol import types

from cosmodrome.lsp.index import Occurrence
from cosmodrome.lsp.navigation import StoryView
from cosmodrome.lsp.positions import span
from cosmodrome.lsp.rename import RenameRefused, append_to_list, insert
from cosmodrome.story import limits
from cosmodrome.story.schema import RESERVED_NAMES
from cosmodrome.story.yamltree import Y


def rename_variable(view: StoryView, old: str, new: str) -> types.WorkspaceEdit:
    """The edits that rename variable `old` to `new` across the story; raises
    `RenameRefused` when `new` is no valid variable name, or is declared or in a `was:`."""
    if not limits.is_id(new, limits.VARIABLE) or new in RESERVED_NAMES:
        raise RenameRefused(
            f"'{new}' is not a valid variable name (letters, digits and _, not starting "
            "with a digit, and not a word of expressions such as 'and' or 'visited')"
        )
    declared = view.definitions("variable", old)
    if not declared:
        raise RenameRefused(f"there is no variable '{old}' to rename")
    if new == old:
        return types.WorkspaceEdit(changes={})
    for variable in view.definitions("variable", new):
        raise RenameRefused(f"'{new}' is already a variable, declared on line {variable.line}")
    for variable in view.folder.occurrences():
        if variable.kind == "variable" and variable.definition and new in _old_names(variable):
            raise RenameRefused(
                f"'{new}' is in the was: of variable '{variable.name}': old saves would "
                "give its value to the renamed variable"
            )
    declaration = declared[0]
    changes: dict[str, list[types.TextEdit]] = {}
    short = declaration.value is not None and not isinstance(declaration.value.value, dict)
    for o in view.folder.occurrences():
        if o.kind == "variable" and o.name == old and not (short and o == declaration):
            changes.setdefault(view.uri(o.path), []).append(
                types.TextEdit(range=view.range(o), new_text=new)
            )
    changes.setdefault(view.uri(declaration.path), []).extend(
        _declaration_edits(view, declaration, new) if short else _was_edits(view, declaration)
    )
    return types.WorkspaceEdit(changes=changes)


def _old_names(variable: Occurrence) -> list[str]:
    y = variable.value
    was = y.value.get("was") if y is not None and isinstance(y.value, dict) else None
    items = was.value if was is not None and isinstance(was.value, list) else []
    return [item.value for item in items if isinstance(item.value, str)]


def _declaration_edits(view: StoryView, key: Occurrence, new: str) -> list[types.TextEdit]:
    """`name: default` rewritten as `new:` with `default:` and `was: [name]`, in the block
    or flow style the variables are written in."""
    value = key.value
    assert value is not None
    lines = view.folder.lines(key.path)
    text = lines[key.line - 1] if 0 < key.line <= len(lines) else ""
    if value.line != key.line:
        raise RenameRefused(f"write the default of '{key.name}' on the line of its name first")
    quote = text[key.col - 1 + key.length : key.col + key.length]
    closing = quote if quote in ("'", '"') else ""
    head = span(view.codec, lines, key.line, key.col, value.col - key.col)
    if text[: key.col - 1].strip(" '\""):  # a flow mapping: `variables: {a: 1, b: 2}`
        end = _scalar_end(text, value.col - 1) + 1
        return [
            types.TextEdit(range=head, new_text=f"{new}{closing}: {{default: "),
            insert(view, lines, key.line, end, f", was: [{key.name}]}}"),
        ]
    indent = " " * (len(text) - len(text.lstrip(" ")) + 2)
    return [
        types.TextEdit(range=head, new_text=f"{new}{closing}:\n{indent}default: "),
        insert(view, lines, key.line, len(text) + 1, f"\n{indent}was: [{key.name}]"),
    ]


def _was_edits(view: StoryView, key: Occurrence) -> list[types.TextEdit]:
    """The edit that adds the old name to a long-form declaration's `was:` (written when
    it has none)."""
    mapping = key.value
    assert mapping is not None and isinstance(mapping.value, dict)
    lines = view.folder.lines(key.path)
    was: Y | None = mapping.value.get("was")
    if was is not None:
        edit = append_to_list(view, lines, was, key.name)
        if edit is None:
            raise RenameRefused(f"the was: of '{key.name}' is no list: make it one first")
        return [edit]
    text = lines[mapping.line - 1] if 0 < mapping.line <= len(lines) else ""
    if text[mapping.col - 1 : mapping.col] == "{":  # `trust: {default: 0}`
        return [insert(view, lines, mapping.line, mapping.col + 1, f"was: [{key.name}], ")]
    if not mapping.keys:
        raise RenameRefused(f"variable '{key.name}' has no default to keep")
    line, col = min(mapping.keys.values())
    return [insert(view, lines, line, 1, " " * (col - 1) + f"was: [{key.name}]\n")]


def _scalar_end(text: str, start: int) -> int:
    """The 0-based index just past the flow scalar that begins at `start` of `text`."""
    if text[start : start + 1] in ("'", '"'):
        quote, i = text[start], start + 1
        while i < len(text):
            if text[i] == "\\" and quote == '"':
                i += 2
                continue
            if text[i] == quote:
                if quote == "'" and text[i + 1 : i + 2] == "'":  # '' is a quote in '…'
                    i += 2
                    continue
                return i + 1
            i += 1
        return len(text)
    i = start
    while i < len(text) and text[i] not in ",}" and text[i : i + 2] != " #":
        i += 1
    return len(text[:i].rstrip())
