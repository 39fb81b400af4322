"""A YAML syntax error told as its likely cause, at the place of the cause.

The parser reports where it gave up, which is often a line or more after the
mistake (a runaway quote is only noticed at the next quote). Given the text and
the parser's marks, `explain` looks for the usual causes, in order: a tab in
the indentation, a value that starts with a quoted part and goes on (the `if:
"x" and true` pitfall), a quote never closed, a key without its colon; and says
what it found where it is, with a fix when the repair is mechanical.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cosmodrome.story.diagnostic_codes import Code
from cosmodrome.story.diagnostics import Diagnostic, Fix, Severity, TextEdit
from cosmodrome.story.spans import quoted_end

# an optional `- `, a plain key, its `: `, then the value
_VALUE = re.compile(r"^(\s*(?:-\s+)*[^\s\"'#:-][^:#]*?:[ \t]+)(\S)")
# keys whose values are text for the player, not expressions: a quote inside is a typo
_TEXT_KEYS = frozenset({"text", "title", "locked", "ending", "label", "name", "author"})
_BARE_KEY_LINE = re.compile(r"^(\s*(?:-\s+)*)([^\s:#\"']+)([ \t]+\S.*)?$")


@dataclass(frozen=True)
class Marks:
    """What the parser said: its problem and context, each with a 1-based position."""

    problem: str
    line: int
    col: int
    context: str = ""
    context_line: int = 0
    context_col: int = 0


def explain(text: str, path: str, marks: Marks) -> Diagnostic:
    """The diagnostic for a YAML syntax error in `text`, at its likely cause."""
    lines = text.splitlines()
    for finder in (_tab, _quoted_start, _unclosed_quote, _missing_colon):
        found = finder(lines, path, marks)
        if found is not None:
            return found
    line_text = lines[marks.line - 1] if 0 < marks.line <= len(lines) else ""
    hint = ""
    if marks.problem.startswith("did not find expected"):
        hint = (
            "check this line's indentation against the lines above: the keys of one "
            "mapping start in the same column"
        )
    end = marks.col + 1 if marks.col <= len(line_text) else marks.col
    return Diagnostic(
        path,
        marks.line,
        marks.col,
        Severity.ERROR,
        f"YAML syntax error: {marks.problem}",
        Code.YAML,
        marks.line,
        end,
        hint,
    )


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" \t"))]


def _tab(lines: list[str], path: str, marks: Marks) -> Diagnostic | None:
    for number, line in enumerate(lines[: marks.line], start=1):
        indent = _indent(line)
        if "\t" in indent and line.strip():
            col = indent.index("\t") + 1
            return Diagnostic(
                path,
                number,
                col,
                Severity.ERROR,
                "tabs are not allowed for indentation",
                Code.YAML_TAB,
                number,
                len(indent) + 1,
                "indent with spaces (most editors can insert spaces when Tab is pressed)",
            )
    return None


def _value_start(line: str) -> int | None:
    """The 0-based index where the value of a `key: value` line starts, if it has one."""
    found = _VALUE.match(line)
    return found.start(2) if found else None


def _key(line: str) -> str:
    """The key of a `key: value` line (after any `- `), or an empty string."""
    found = _VALUE.match(line)
    return found.group(1).strip().lstrip("- ").rstrip(":").strip() if found else ""


def _quoted_start(lines: list[str], path: str, marks: Marks) -> Diagnostic | None:
    if not 0 < marks.line <= len(lines):
        return None
    line = lines[marks.line - 1]
    start = _value_start(line)
    if start is None or line[start] not in "\"'":
        return None
    close = quoted_end(line, start)
    if close >= len(line) or line[close] != line[start]:
        return None
    after = line[close + 1 :]
    rest = after.split(" #", 1)[0].rstrip()
    if not rest.strip():
        return None
    value = line[start : close + 1] + rest
    end = start + len(value) + 1
    quote = value[0]
    if _key(line) in _TEXT_KEYS and len(value) > 2 and value.endswith(quote):  # a quote inside text
        inner = value[1:-1]
        quoted = _requoted(inner)
        message = f"a {quote} inside this quoted text ends it early" + (
            " (write an apostrophe in single quotes twice: '')" if quote == "'" else ""
        )
        hint = f"write it as {quoted}"
        title = "quote the text so the quote inside it stays"
    else:
        quoted = "'" + value.replace("'", "''") + "'"
        message = "YAML ends this value at its closing quote, so what follows cannot be read"
        hint = f"quote the whole value: {quoted}"
        title = "quote the whole value"
    edit = TextEdit(path, marks.line, start + 1, marks.line, end, quoted)
    return Diagnostic(
        path,
        marks.line,
        start + 1,
        Severity.ERROR,
        message,
        Code.YAML_QUOTED_START,
        marks.line,
        end,
        hint,
        fix=Fix(title, (edit,)),
    )


def _requoted(text: str) -> str:
    """`text` as one YAML scalar: in double quotes when it has no `"`, else in single
    quotes with each `'` doubled."""
    if '"' not in text and "\\" not in text:
        return f'"{text}"'
    return "'" + text.replace("'", "''") + "'"


def _unclosed_quote(lines: list[str], path: str, marks: Marks) -> Diagnostic | None:
    for index in range(min(marks.line, len(lines)) - 1, -1, -1):
        line = lines[index]
        start = _value_start(line)
        if start is None or line[start] not in "\"'":
            continue
        close = quoted_end(line, start)
        if close < len(line) and line[close] == line[start] and close > start:
            continue  # closed on its line: not the runaway
        closing = _closing_line(lines, index, line[start])
        if closing is not None and closing != marks.line:
            return None  # a quote spanning lines on purpose: a runaway fails where it closes
        return _unclosed_at(path, index + 1, line, start, closing)
    return None


def _closing_line(lines: list[str], index: int, quote: str) -> int | None:
    """The 1-based line where the quote opened on line `index` + 1 is closed, or None."""
    for number in range(index + 2, len(lines) + 1):
        line = lines[number - 1]
        position = 0
        while position < len(line):
            char = line[position]
            if quote == '"' and char == "\\":
                position += 2
                continue
            if char == quote:
                return number
            position += 1
    return None


def _unclosed_at(path: str, number: int, line: str, start: int, closing: int | None) -> Diagnostic:
    quote = line[start]
    end = len(line.rstrip())
    where = f"at line {closing}" if closing is not None else "at the end of the file"
    edit = TextEdit(path, number, end + 1, number, end + 1, quote)
    return Diagnostic(
        path,
        number,
        start + 1,
        Severity.ERROR,
        f"this quote is never closed on its line: YAML reads on to the next {quote} "
        f"({where}) and fails there",
        Code.YAML_UNCLOSED_QUOTE,
        number,
        start + 2,
        f"close it with a {quote} where the text ends",
        fix=Fix("add the closing quote at the end of the line", (edit,)),
    )


def _missing_colon(lines: list[str], path: str, marks: Marks) -> Diagnostic | None:
    if "simple key" not in marks.context or not 0 < marks.context_line <= len(lines):
        return None
    number = marks.context_line
    line = lines[number - 1]
    col = marks.context_col
    end = len(line.rstrip()) + 1
    shown = line[col - 1 : end - 1]
    fix = None
    bare = _BARE_KEY_LINE.match(line)
    if bare is not None:
        after = len(bare.group(1)) + len(bare.group(2)) + 1
        edit = TextEdit(path, number, after, number, after, ":")
        fix = Fix(f"write '{bare.group(2)}:'", (edit,))
    return Diagnostic(
        path,
        number,
        col,
        Severity.ERROR,
        f"'{shown}' has no ':' after its key",
        Code.YAML_MISSING_COLON,
        number,
        max(end, col + 1),
        "write `key: value`, with a colon and a space",
        fix=fix,
    )
