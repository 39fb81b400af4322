"""`{name}` interpolation in texts, parsed once; `{{` and `}}` are literal braces."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from cosmodrome.story.expr import Value

_BRACE = re.compile(r"[{}]")


class TemplateError(Exception):
    def __init__(self, offset: int, message: str) -> None:
        super().__init__(message)
        self.offset = offset
        self.message = message


@dataclass(frozen=True, slots=True)
class Template:
    """Literal text and variable names, alternating; `names` are the variables read."""

    source: str
    parts: tuple[str, ...]  # even positions literal text, odd positions variable names

    @property
    def names(self) -> tuple[str, ...]:
        return self.parts[1::2]

    @property
    def is_plain(self) -> bool:
        return len(self.parts) == 1

    def render(self, variables: Mapping[str, Value]) -> str:
        if len(self.parts) == 1:
            return self.parts[0]
        out: list[str] = []
        for i, part in enumerate(self.parts):
            out.append(format_value(variables[part]) if i % 2 else part)
        return "".join(out)


def format_value(value: Value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def parse_template(source: str) -> tuple[Template, list[tuple[int, str]]]:
    """The template and `(offset, name)` of every `{name}` in it; raises on bad braces."""
    if "{" not in source and "}" not in source:
        return Template(source, (source,)), []  # most texts: no braces to scan for
    parts: list[str] = []
    names: list[tuple[int, str]] = []
    literal: list[str] = []
    i = 0
    n = len(source)
    while i < n:
        match = _BRACE.search(source, i)
        if match is None:
            literal.append(source[i:])
            break
        brace = match.start()
        literal.append(source[i:brace])
        i = brace
        if source[i] == "{":
            if source.startswith("{{", i):
                literal.append("{")
                i += 2
                continue
            end = source.find("}", i + 1)
            if end < 0:
                raise TemplateError(i, "unclosed '{' (write '{{' for a literal brace)")
            name = source[i + 1 : end].strip()
            if not name.isidentifier():
                raise TemplateError(
                    i, f"'{{{name}}}' is not a variable name (write '{{{{' for a literal brace)"
                )
            parts.append("".join(literal))
            literal = []
            parts.append(name)
            names.append((i + 1, name))
            i = end + 1
        else:
            if source.startswith("}}", i):
                literal.append("}")
                i += 2
                continue
            raise TemplateError(i, "unmatched '}' (write '}}' for a literal brace)")
    parts.append("".join(literal))
    return Template(source, tuple(parts)), names
