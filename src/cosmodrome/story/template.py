"""Text with `{name}` interpolation and inline `{if CONDITION: a | b}`, parsed once;
`{{` and `}}` are literal braces."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field

from cosmodrome.story.expr import Compiled, EvalContext, Scope, Value, compile_expr

_BRACE = re.compile(r"[{}]")
_INLINE_IF = re.compile(r"\{if\s")
# compiles an inline condition written at `offset` of the text; None when it was reported
ConditionCompiler = Callable[[str, int], Compiled | None]


class TemplateError(Exception):
    def __init__(self, offset: int, message: str) -> None:
        super().__init__(message)
        self.offset = offset
        self.message = message


@dataclass(frozen=True, slots=True)
class InlineIf:
    """`{if CONDITION: then | otherwise}`: one of two texts, chosen when rendered."""

    condition: Compiled = field(compare=False)
    source: str  # the condition as written, for equality and for display
    then: Template
    otherwise: Template


@dataclass(frozen=True, slots=True)
class _VariablesOnly:
    """What a condition reads when a caller gave only variables: nothing visited or known."""

    variables: Mapping[str, Value]
    visits: Mapping[str, int] = field(default_factory=dict)
    facts: Collection[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Template:
    """Literal text alternating with what is filled in: even parts are literal text, odd
    parts a variable name or an `InlineIf`."""

    source: str
    parts: tuple[str | InlineIf, ...]

    @property
    def names(self) -> tuple[str, ...]:
        """Every variable the text reads: interpolated, or in an inline condition."""
        out: list[str] = []
        for part in self.parts[1::2]:
            if isinstance(part, str):
                out.append(part)
            else:
                out.extend(sorted(part.condition.reads))
                out.extend(part.then.names)
                out.extend(part.otherwise.names)
        return tuple(out)

    @property
    def conditions(self) -> tuple[Compiled, ...]:
        """The conditions of its inline `{if}`s, nested ones included."""
        out: list[Compiled] = []
        for part in self.parts[1::2]:
            if isinstance(part, InlineIf):
                out.append(part.condition)
                out.extend(part.then.conditions)
                out.extend(part.otherwise.conditions)
        return tuple(out)

    @property
    def inline_ifs(self) -> tuple[InlineIf, ...]:
        """Its inline `{if}`s, in the order written."""
        return tuple(p for p in self.parts[1::2] if isinstance(p, InlineIf))

    @property
    def is_plain(self) -> bool:
        return len(self.parts) == 1

    def render(self, variables: Mapping[str, Value], context: EvalContext | None = None) -> str:
        """The text for these values; inline conditions read `context` (a game state),
        or only `variables` when none is given."""
        first = self.parts[0]
        if len(self.parts) == 1 and isinstance(first, str):
            return first  # most texts: nothing to fill in
        out: list[str] = []
        for i, part in enumerate(self.parts):
            if isinstance(part, InlineIf):
                where = context if context is not None else _VariablesOnly(variables)
                chosen = part.then if part.condition.evaluate(where) else part.otherwise
                out.append(chosen.render(variables, where))
            else:
                out.append(format_value(variables[part]) if i % 2 else part)
        return "".join(out)


def format_value(value: Value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def parse_template(
    source: str, condition: ConditionCompiler | None = None
) -> tuple[Template, list[tuple[int, str]]]:
    """The template and `(offset, name)` of every `{name}` in it (inside inline `{if}`s
    too); raises `TemplateError` on bad braces. Inline conditions are compiled by
    `condition`; without one, an inline `{if}` is an error."""
    if "{" not in source and "}" not in source:
        return Template(source, (source,)), []  # most texts: no braces to scan for
    parts: list[str | InlineIf] = []
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
            if _INLINE_IF.match(source, i):
                end = _closing(source, i)
                inline = _inline_if(source, i, end, condition, names)
                parts.append("".join(literal))
                literal = []
                parts.append(inline)
                i = end + 1
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


def _closing(source: str, start: int) -> int:
    """The offset of the `}` that closes the inline `{if` at `start`."""
    depth = 0
    quote = ""
    in_condition = True  # a quoted string in the condition may hold braces and colons
    for i in range(start, len(source)):
        char = source[i]
        if quote:
            quote = "" if char == quote else quote
        elif in_condition and char in "\"'":
            quote = char
        elif char == ":":
            in_condition = False
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return i
    raise TemplateError(start, "unclosed '{if': end it with '}'")


def _colon(source: str, start: int, end: int) -> int:
    """The offset of the `:` that ends an inline condition (outside quoted strings)."""
    quote = ""
    for i in range(start, end):
        char = source[i]
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char == ":":
            return i
    raise TemplateError(start - 3, "an inline '{if' needs ':' after its condition")


def _inline_if(
    source: str,
    start: int,
    end: int,
    condition: ConditionCompiler | None,
    names: list[tuple[int, str]],
) -> InlineIf:
    """The inline `{if ...}` written from `start` to `end` (its closing brace)."""
    if condition is None:
        raise TemplateError(start, "inline '{if ...}' text is not allowed here")
    body = start + 3
    colon = _colon(source, body, end)
    raw = source[body:colon]
    cond_at = body + len(raw) - len(raw.lstrip())
    if not raw.strip():
        raise TemplateError(start, "an inline '{if' needs a condition before ':'")
    bars = [i for i in range(colon + 1, end) if source[i] == "|"]
    if len(bars) > 1:
        raise TemplateError(bars[1], "an inline '{if' has at most two texts: 'a | b'")
    nested = _INLINE_IF.search(source, colon, end)
    if nested is not None:
        raise TemplateError(nested.start(), "an inline '{if' cannot hold another '{if'")
    split = bars[0] if bars else end
    then = _alternative(source, colon + 1, split, names)
    otherwise = _alternative(source, split + 1, end, names) if bars else Template("", ("",))
    compiled = condition(raw.strip(), cond_at)
    if compiled is None:
        # reported by `condition`: the story will not load, so any stand-in will do
        compiled = compile_expr("false", Scope({}, (), ()))
    return InlineIf(compiled, raw.strip(), then, otherwise)


def _alternative(source: str, start: int, end: int, names: list[tuple[int, str]]) -> Template:
    """One text of an inline `{if`, stripped of the spaces around it."""
    raw = source[start:end]
    lead = len(raw) - len(raw.lstrip())
    try:
        template, found = parse_template(raw.strip())
    except TemplateError as exc:
        raise TemplateError(start + lead + exc.offset, exc.message) from exc
    names.extend((start + lead + offset, name) for offset, name in found)
    return template
