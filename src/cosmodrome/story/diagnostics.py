"""Problems found in a story, each with a position: values, not exceptions."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How bad a problem is: errors stop a story from loading, warnings do not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem at a 1-based line and column of a file."""

    path: str
    line: int
    col: int
    severity: Severity
    message: str
    code: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def display_path(self) -> str:
        """The path relative to the current directory when it lies below it."""
        try:
            rel = os.path.relpath(self.path)
        except ValueError:  # another drive on Windows
            return self.path
        return self.path if rel.startswith("..") else rel

    def format(self) -> str:
        """The compiler-style line `path:line:col: severity: message [code]`."""
        suffix = f" [{self.code}]" if self.code and not self.is_error else ""
        return (
            f"{self.display_path()}:{self.line}:{self.col}: "
            f"{self.severity.value}: {self.message}{suffix}"
        )

    def to_json(self) -> dict[str, object]:
        return {
            "path": self.display_path(),
            "line": self.line,
            "col": self.col,
            "severity": self.severity.value,
            "message": self.message,
            "code": self.code,
        }


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Diagnostics in file, line, column order, so output never depends on read order."""
    return sorted(diagnostics, key=lambda d: (d.path, d.line, d.col, d.message))


def format_json(diagnostics: Sequence[Diagnostic]) -> str:
    return json.dumps([d.to_json() for d in diagnostics], indent=2, ensure_ascii=False)


class StoryError(Exception):
    """A story that cannot be loaded; carries every diagnostic found."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.diagnostics = list(diagnostics)
        first = self.diagnostics[0].format() if self.diagnostics else "the story is invalid"
        more = len(self.diagnostics) - 1
        super().__init__(first + (f" (and {more} more)" if more > 0 else ""))
