"""Diagnostics drawn for people, as rustc and ruff draw them: the compiler-style line,
the source line with carets under the span, the hint, the related places and the fix."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence

from cosmodrome.regular_files import read_regular
from cosmodrome.story.diagnostic_codes import Code
from cosmodrome.story.diagnostics import Diagnostic, display_path
from cosmodrome.story.yamlsource import MAX_FILE_BYTES

Lines = Callable[[str], list[str] | None]  # a path's lines, or None when it cannot be read
TAB_WIDTH = 4


def plural(count: int, word: str) -> str:
    """`1 error`, `2 errors`, `0 warnings`."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def counts(diagnostics: Sequence[Diagnostic]) -> str:
    """`2 errors, 1 warning` for a list of diagnostics."""
    errors = sum(1 for d in diagnostics if d.is_error)
    return f"{plural(errors, 'error')}, {plural(len(diagnostics) - errors, 'warning')}"


def file_lines() -> Lines:
    """A reader of files' lines that reads each file once, and only a regular file under
    the story's size cap (a FIFO or a device named in a diagnostic must not block us)."""
    cache: dict[str, list[str] | None] = {}

    def lines(path: str) -> list[str] | None:
        if path not in cache:
            try:
                data = read_regular(path, MAX_FILE_BYTES)
                text = data.decode("utf-8", errors="replace")
                cache[path] = text.removeprefix("\ufeff").splitlines()
            except (OSError, ValueError):
                cache[path] = None
        return cache[path]

    return lines


def _width(char: str) -> int:
    if char == "\t":
        return TAB_WIDTH
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _shown(line: str) -> str:
    """The line as printed under the gutter: tabs as spaces, so the carets line up."""
    return line.replace("\t", " " * TAB_WIDTH)


def snippet(line_no: int, source: str, col: int, end_col: int, label: str = "") -> list[str]:
    """The source line with its number and carets under columns `col`..`end_col`."""
    gutter = " " * len(str(line_no))
    start = min(max(col - 1, 0), len(source))
    stop = min(max(end_col - 1, start + 1), max(len(source), start + 1))
    pad = sum(_width(c) for c in source[:start])
    marks = max(sum(_width(c) for c in source[start:stop]), 1)
    under = " " * pad + "^" * marks + (f" {label}" if label else "")
    return [f"{gutter} |", f"{line_no} | {_shown(source)}".rstrip(), f"{gutter} | {under}"]


def render(diagnostic: Diagnostic, lines: Lines) -> list[str]:
    """The diagnostic as the lines a person reads: the header, then what helps."""
    out = [diagnostic.format()]
    # a file the story refused (a symlink leaving it, a folder) is never read to quote it
    source = None if diagnostic.code == Code.FILE else lines(diagnostic.path)
    if source is not None and 0 < diagnostic.line <= len(source):
        end = diagnostic.end_col if diagnostic.end_line == diagnostic.line else 10**9
        out.extend(snippet(diagnostic.line, source[diagnostic.line - 1], diagnostic.col, end))
    indent = " " * len(str(diagnostic.line))
    if diagnostic.hint:
        out.append(f"{indent} = hint: {diagnostic.hint}")
    for related in diagnostic.related:
        where = f"{display_path(related.path)}:{related.line}:{related.col}"
        out.append(f"{indent} = note: {where}: {related.message}")
    if diagnostic.fix is not None:
        out.append(f"{indent} = fix: {diagnostic.fix.title}")
    return out


def render_all(diagnostics: Sequence[Diagnostic], lines: Lines | None = None) -> list[str]:
    """Every diagnostic rendered, a blank line between them."""
    read = lines or file_lines()
    out: list[str] = []
    for diagnostic in diagnostics:
        if out:
            out.append("")
        out.extend(render(diagnostic, read))
    return out
