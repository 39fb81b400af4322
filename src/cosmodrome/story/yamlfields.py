"""Reading checked values out of a `Y` tree, collecting diagnostics instead of raising."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from cosmodrome.story.diagnostic_codes import Code
from cosmodrome.story.diagnostics import Diagnostic, Related, Severity
from cosmodrome.story.limits import MAX_ID_LENGTH, id_too_long
from cosmodrome.story.model import Position
from cosmodrome.story.schema import ID_PATTERN, OBJECTS, STORY_ID_PATTERN
from cosmodrome.story.spans import replacement_fix, token_end, word_end
from cosmodrome.story.suggest import closest, did_you_mean
from cosmodrome.story.yamltree import Y

_ID_RULES = {
    ID_PATTERN: "use lowercase letters, digits, '-' and '_', starting with a letter or digit",
    STORY_ID_PATTERN: "use lowercase letters, digits and '-'",
}
# per object kind: its allowed key names, and the required ones
_KEYS = {
    kind: (frozenset(k.name for k in keys), frozenset(k.name for k in keys if k.required))
    for kind, keys in OBJECTS.items()
}
_KIND_NAMES = {dict: "a mapping", list: "a list", str: "a string", bool: "true or false"}
_MATCHERS: dict[str, Callable[[str], re.Match[str] | None]] = {}


def _id_matcher(pattern: str) -> Callable[[str], re.Match[str] | None]:
    """`pattern`'s compiled `fullmatch` (`$` alone admits a trailing newline), compiled
    once: ids are checked by the ten thousand."""
    found = _MATCHERS.get(pattern)
    if found is None:
        found = _MATCHERS[pattern] = re.compile(pattern).fullmatch
    return found


def describe(value: Any) -> str:
    """How a YAML value reads to an author: 'a list', 'the number 2.5', 'nothing'."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the string '{value[:30]}'" if len(value) <= 30 else "a string"
    return _KIND_NAMES.get(type(value), type(value).__name__)


@dataclass
class FileReader:
    """Checks the values of one file, reporting problems at their positions."""

    path: str
    text: Callable[[], str]  # the file's text: read only to place a problem inside a block
    problems: list[Diagnostic] = field(default_factory=list)
    _lines: list[str] | None = field(default=None, init=False, repr=False)

    @property
    def lines(self) -> list[str]:
        """The file's lines, split on first use."""
        if self._lines is None:
            self._lines = self.text().splitlines()
        return self._lines

    def error(
        self,
        y: Y | tuple[int, int],
        message: str,
        code: Code,
        *,
        token: bool = True,
        hint: str = "",
        related: tuple[Related, ...] = (),
        replacement: str | None = None,
    ) -> None:
        """Report an error at `y` (a value, or a line and column), underlining the whole
        token written there, or unless `token` is true only the word at that point (a
        name inside an expression or a text); with
        `replacement`, the fix writes it over that token."""
        line, col = (y.line, y.col) if isinstance(y, Y) else y
        lines = self.lines
        source = lines[line - 1] if 0 < line <= len(lines) else ""
        end, fix = word_end(source, col), None
        if token:
            end = token_end(source, col)
            if replacement is not None:
                fix = replacement_fix(self.path, source, (line, col, end), replacement)
        self.problems.append(
            Diagnostic(
                self.path, line, col, Severity.ERROR, message, code, line, end, hint, related, fix
            )
        )

    def position(self, y: Y) -> Position:
        return Position(self.path, y.line, y.col)

    def key_position(self, owner: Y, key: str) -> tuple[int, int]:
        assert owner.keys is not None
        return owner.keys[key]

    def inside(self, y: Y, offset: int) -> tuple[int, int]:
        """The line and column of character `offset` of scalar `y`'s text."""
        if y.style in ("|", ">"):
            text = y.value if isinstance(y.value, str) else ""
            line = y.line + 1 + text.count("\n", 0, offset)
            start = text.rfind("\n", 0, offset) + 1
            lines = self.lines
            source = lines[line - 1] if 0 < line <= len(lines) else ""
            indent = len(source) - len(source.lstrip(" "))
            return line, indent + 1 + (offset - start)
        quoted = 1 if y.style in ("'", '"') else 0
        text = y.value if isinstance(y.value, str) else ""
        newlines = text.count("\n", 0, offset)
        if newlines == 0:
            return y.line, y.col + quoted + offset
        return y.line + newlines, 1

    def mapping(self, y: Y, kind: str, what: str) -> dict[str, Y] | None:
        """The entries of a mapping of object `kind`; unknown and missing keys are reported."""
        if not isinstance(y.value, dict):
            self.error(y, f"{what} must be a mapping, not {describe(y.value)}", Code.TYPE)
            return None
        allowed, required = _KEYS[kind]
        entries: dict[str, Y] = y.value
        if entries.keys() <= allowed and entries.keys() >= required:
            return entries  # the common case: nothing to report
        for name in entries:
            if name not in allowed:
                pos = self.key_position(y, name)
                hint = did_you_mean(name, allowed)
                self.error(
                    pos,
                    f"unknown key '{name}' in {what}{hint}",
                    Code.UNKNOWN_KEY,
                    replacement=closest(name, allowed),
                )
        for spec in OBJECTS[kind]:
            if spec.required and spec.name not in entries:
                self.error(y, f"{what} is missing the required key '{spec.name}'", Code.MISSING_KEY)
        return entries

    def string(self, y: Y | None, what: str, *, empty_ok: bool = False) -> str | None:
        if y is None:
            return None
        if isinstance(y.value, str) and (empty_ok or y.value.strip()):
            return y.value
        if isinstance(y.value, str):
            self.error(y, f"{what} must not be empty", Code.TYPE)
        else:
            self.error(y, f"{what} must be a string, not {describe(y.value)}", Code.TYPE)
        return None

    def integer(self, y: Y | None, what: str) -> int | None:
        if y is None:
            return None
        if isinstance(y.value, int) and not isinstance(y.value, bool):
            return y.value
        self.error(y, f"{what} must be a whole number, not {describe(y.value)}", Code.TYPE)
        return None

    def number(self, y: Y | None, what: str) -> float | None:
        if y is None:
            return None
        if isinstance(y.value, int | float) and not isinstance(y.value, bool):
            return float(y.value)
        self.error(y, f"{what} must be a number, not {describe(y.value)}", Code.TYPE)
        return None

    def boolean(self, y: Y | None, what: str) -> bool | None:
        if y is None:
            return None
        if isinstance(y.value, bool):
            return y.value
        self.error(y, f"{what} must be true or false, not {describe(y.value)}", Code.TYPE)
        return None

    def ident(self, y: Y | None, what: str, pattern: str) -> str | None:
        if y is None:
            return None
        value = y.value
        if type(value) is str and len(value) <= MAX_ID_LENGTH and _id_matcher(pattern)(value):
            return value  # the common case: a valid id
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)  # an unquoted year as an id: read it as written
        if not isinstance(value, str):
            self.error(y, f"{what} must be an id, not {describe(y.value)}", Code.TYPE)
            return None
        if not _id_matcher(pattern)(value):
            rule = _ID_RULES.get(pattern, f"it must match {pattern}")
            self.error(y, f"{what} '{value}' is not a valid id ({rule})", Code.BAD_ID)
            return None
        if len(value) > MAX_ID_LENGTH:
            self.error(y, id_too_long(what, value), Code.BAD_ID)
            return None
        return value

    def sequence(self, y: Y | None, what: str) -> list[Y]:
        if y is None:
            return []
        if isinstance(y.value, list):
            return list(y.value)
        self.error(y, f"{what} must be a list, not {describe(y.value)}", Code.TYPE)
        return []
