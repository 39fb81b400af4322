"""The names an expression or a text uses, with their character offsets.

Tolerant where the story's expression parser is strict: a half-typed condition still
yields the names written so far, for go-to-definition and completion while typing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cosmodrome.story.expr import Compiled
from cosmodrome.story.template import TemplateError, parse_template

_TOKEN = re.compile(
    r"""(?P<str>"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?)
      | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
      | (?P<other>[^\s"'A-Za-z_]+)""",
    re.VERBOSE,
)
KEYWORDS = frozenset({"and", "or", "not", "true", "false"})
FUNCTIONS = {"visited": "node", "known": "fact"}  # function -> the kind of id it takes


@dataclass(frozen=True, slots=True)
class Use:
    """A name used at `offset` of a source: a variable, or a function's quoted id."""

    kind: str  # "variable", "node" or "fact"
    name: str
    offset: int


def expression_uses(source: str) -> list[Use]:
    """Every variable and every `visited("…")`/`known("…")` id that `source` names."""
    tokens = [(m.lastgroup or "", m.group(), m.start()) for m in _TOKEN.finditer(source)]
    uses: list[Use] = []
    for i, (kind, text, offset) in enumerate(tokens):
        if kind != "name" or text in KEYWORDS:
            continue
        after = tokens[i + 1 : i + 3]
        if text in FUNCTIONS and after and after[0][1].startswith("("):
            if len(after) == 2 and after[1][0] == "str" and after[0][1] == "(":
                arg = after[1][1]
                body = arg[1:-1] if len(arg) > 1 and arg[-1] == arg[0] else arg[1:]
                uses.append(Use(FUNCTIONS[text], body, after[1][2] + 1))
            continue
        uses.append(Use("variable", text, offset))
    return uses


def template_uses(source: str) -> list[Use]:
    """Every `{name}` of a text and every name of its inline `{if …}` conditions; none when
    its braces are broken (the checker says why)."""
    if "{" not in source:
        return []
    conditions: list[Use] = []

    def condition(raw: str, offset: int) -> Compiled | None:
        conditions.extend(Use(u.kind, u.name, u.offset + offset) for u in expression_uses(raw))
        return None  # only the names are wanted: the template itself is thrown away

    try:
        _, names = parse_template(source, condition)
    except TemplateError:
        return []
    found = [
        Use("variable", name, offset + _leading_spaces(source, offset)) for offset, name in names
    ]
    return sorted(found + conditions, key=lambda use: use.offset)


def _leading_spaces(source: str, offset: int) -> int:
    """How far `{ name }` puts the name after its brace."""
    stripped = source[offset:].lstrip(" ")
    return len(source) - offset - len(stripped)
