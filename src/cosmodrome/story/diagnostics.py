"""Problems found in a story, each with a code and a span: values, not exceptions.

A `Diagnostic` is data: a registered `Code`, a start and an end (1-based line and
column, counted in code points, the end exclusive), a message, an optional hint,
related places and a mechanical fix as text edits. `diagnostic_text` draws it for
people, `to_json` gives it to tools.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from cosmodrome.story.diagnostic_codes import Code

__all__ = [
    "Code",
    "Diagnostic",
    "Fix",
    "Related",
    "Severity",
    "StoryError",
    "TextEdit",
    "display_path",
    "format_json",
    "sort_diagnostics",
]


class Severity(StrEnum):
    """How bad a problem is: errors stop a story from loading, warnings do not."""

    ERROR = "error"
    WARNING = "warning"


def display_path(path: str) -> str:
    """`path` relative to the current directory when it lies below it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path
    return path if rel.startswith("..") else rel


@dataclass(frozen=True, slots=True)
class Related:
    """Another place that explains a diagnostic (where a name is declared, or used)."""

    path: str
    line: int
    col: int
    end_line: int
    end_col: int
    message: str

    def to_json(self) -> dict[str, object]:
        return {
            "path": display_path(self.path),
            "start": {"line": self.line, "col": self.col},
            "end": {"line": self.end_line, "col": self.end_col},
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class TextEdit:
    """Replace the text from (line, col) up to (end_line, end_col), exclusive, with
    `new_text`; an empty range inserts."""

    path: str
    line: int
    col: int
    end_line: int
    end_col: int
    new_text: str

    def to_json(self) -> dict[str, object]:
        return {
            "path": display_path(self.path),
            "start": {"line": self.line, "col": self.col},
            "end": {"line": self.end_line, "col": self.end_col},
            "new_text": self.new_text,
        }


@dataclass(frozen=True, slots=True)
class Fix:
    """A mechanical repair: what it does, in a few words, and its edits."""

    title: str
    edits: tuple[TextEdit, ...]

    def to_json(self) -> dict[str, object]:
        return {"title": self.title, "edits": [edit.to_json() for edit in self.edits]}


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem, from (line, col) to (end_line, end_col) of a file.

    An end of 0 means "one character from the start"; `__post_init__` fills it in.
    """

    path: str
    line: int
    col: int
    severity: Severity
    message: str
    code: Code
    end_line: int = 0
    end_col: int = 0
    hint: str = ""
    related: tuple[Related, ...] = ()
    fix: Fix | None = None

    def __post_init__(self) -> None:
        if self.end_line <= 0 or (self.end_line, self.end_col) <= (self.line, self.col):
            object.__setattr__(self, "end_line", self.line)
            object.__setattr__(self, "end_col", self.col + 1)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def display_path(self) -> str:
        """The path relative to the current directory when it lies below it."""
        return display_path(self.path)

    def format(self) -> str:
        """The compiler-style line `path:line:col: severity: message [code]`."""
        return (
            f"{self.display_path()}:{self.line}:{self.col}: "
            f"{self.severity.value}: {self.message} [{self.code.value}]"
        )

    def to_json(self) -> dict[str, object]:
        """Everything about the diagnostic; `line` and `col` repeat the start for old readers."""
        return {
            "path": self.display_path(),
            "line": self.line,
            "col": self.col,
            "start": {"line": self.line, "col": self.col},
            "end": {"line": self.end_line, "col": self.end_col},
            "severity": self.severity.value,
            "code": self.code.value,
            "message": self.message,
            "hint": self.hint or None,
            "related": [r.to_json() for r in self.related],
            "fix": self.fix.to_json() if self.fix is not None else None,
        }


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Diagnostics in file, line, column order, so output never depends on read order."""
    return sorted(diagnostics, key=lambda d: (d.path, d.line, d.col, d.message))


def format_json(diagnostics: Sequence[Diagnostic]) -> str:
    """The diagnostics as a JSON array, one object each (see `Diagnostic.to_json`)."""
    return json.dumps([d.to_json() for d in diagnostics], indent=2, ensure_ascii=False)


class StoryError(Exception):
    """A story that cannot be loaded; carries every diagnostic found."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.diagnostics = list(diagnostics)
        first = self.diagnostics[0].format() if self.diagnostics else "the story is invalid"
        more = len(self.diagnostics) - 1
        super().__init__(first + (f" (and {more} more)" if more > 0 else ""))
