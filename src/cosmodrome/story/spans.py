"""Where a YAML token written at a line and column ends, so a diagnostic can underline it
whole, and the edits that replace one."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence

from cosmodrome.story.diagnostics import Diagnostic, Fix, TextEdit

_CLOSING = {"[": "]", "{": "}"}


def token_end(line: str, col: int) -> int:
    """The 1-based column just past the token that starts at `col` of `line`: a quoted
    scalar to its closing quote, a flow collection to its bracket, a plain scalar or key
    to the `: `, ` #`, or (inside brackets) the `,` that ends it."""
    start = col - 1
    if not 0 <= start < len(line):
        return col + 1
    first = line[start]
    if first == "-" and line[start + 1 : start + 2] in ("", " "):
        return col + 1  # a sequence item's dash
    if first in "\"'":
        return quoted_end(line, start) + 2
    if first in _CLOSING:
        return _flow_end(line, start) + 2
    in_flow = _open_brackets(line[:start]) > 0
    stops = ",]}" if in_flow else ""
    index = start
    while index < len(line):
        char = line[index]
        rest = line[index + 1 : index + 2]
        if char == ":" and rest in ("", " ", "\t"):
            break
        if char == "#" and index > start and line[index - 1] in " \t":
            break
        if char in stops:
            break
        index += 1
    end = len(line[:index].rstrip())
    return max(end, start + 1) + 1


def underlined(diagnostic: Diagnostic, lines: Sequence[str]) -> Diagnostic:
    """`diagnostic` spanning the whole token at its start in its file's `lines` (the lint
    rules know only points); unchanged when its line is not there."""
    if not 0 < diagnostic.line <= len(lines):
        return diagnostic
    source = lines[diagnostic.line - 1]
    end = token_end(source, diagnostic.col)
    fix = placed_fix(diagnostic.fix, source) if diagnostic.fix is not None else None
    return dataclasses.replace(diagnostic, end_line=diagnostic.line, end_col=end, fix=fix)


def placed_fix(fix: Fix, source: str) -> Fix:
    """A lint fix that inserts a key line (`id: x\n`) before a mapping's first key, fitted to
    how that mapping is written: indented under a block mapping, inside `{...}` in a flow."""
    edits = []
    for edit in fix.edits:
        placed = edit
        if edit.new_text.endswith("\n") and (edit.line, edit.col) == (edit.end_line, edit.end_col):
            key = edit.new_text[:-1]
            if source[edit.col - 1 : edit.col] == "{":
                col = edit.col + 1
                placed = dataclasses.replace(edit, col=col, end_col=col, new_text=f"{key}, ")
            else:
                placed = dataclasses.replace(edit, new_text=f"{key}\n{' ' * (edit.col - 1)}")
        edits.append(placed)
    return dataclasses.replace(fix, edits=tuple(edits))


def word_end(line: str, col: int) -> int:
    """The 1-based column just past the name (letters, digits, `_`) at `col`, or just
    past the one character there when it starts no name."""
    index = col - 1
    while 0 <= index < len(line) and (line[index].isalnum() or line[index] == "_"):
        index += 1
    return max(index + 1, col + 1)


def quoted_end(line: str, start: int) -> int:
    """The index of the quote closing the one at `start`, or of the line's last
    non-blank character when it does not close on this line."""
    quote = line[start]
    index = start + 1
    while index < len(line):
        char = line[index]
        if quote == '"' and char == "\\":
            index += 2
            continue
        if char == quote:
            if quote == "'" and line[index + 1 : index + 2] == "'":
                index += 2  # '' is an escaped quote in single quotes
                continue
            return index
        index += 1
    return max(len(line.rstrip()) - 1, start)


def _brackets(line: str, start: int = 0) -> Iterator[tuple[int, str]]:
    """Each flow bracket (`[ ] { }`) of `line` from `start` on, with its index, skipping
    those inside quoted scalars."""
    index = start
    while index < len(line):
        char = line[index]
        if char in "\"'":
            index = quoted_end(line, index) + 1
            continue
        if char in "[]{}":
            yield index, char
        index += 1


def _flow_end(line: str, start: int) -> int:
    """The index of the bracket closing the flow collection opened at `start`, or of
    the line's last non-blank character when it does not close on this line."""
    depth = 0
    for index, char in _brackets(line, start):
        depth += 1 if char in "[{" else -1
        if depth == 0 and char in "]}":
            return index
    return max(len(line.rstrip()) - 1, start)


def _open_brackets(prefix: str) -> int:
    """How many flow collections are still open at the end of `prefix`."""
    depth = 0
    for _, char in _brackets(prefix):
        depth = depth + 1 if char in "[{" else max(depth - 1, 0)
    return depth


def replacement_fix(path: str, source: str, span: tuple[int, int, int], word: str) -> Fix:
    """The fix that writes `word` over the token at `span` (line number, start and end
    columns) of the line `source`, keeping the token's quotes."""
    line_no, col, end = span
    token = source[col - 1 : end - 1]
    quote = token[0] if token[:1] in ("'", '"') and token[-1:] == token[:1] else ""
    edit = TextEdit(path, line_no, col, line_no, end, f"{quote}{word}{quote}")
    return Fix(f"replace with '{word}'", (edit,))
