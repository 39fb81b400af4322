"""Expression text to a syntax tree: a tokenizer and a recursive-descent parser."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from cosmodrome.story.exprtree import (
    INT_MAX,
    MAX_EXPR_DEPTH,
    MAX_EXPR_LENGTH,
    Binary,
    Call,
    Expr,
    ExprError,
    Literal,
    Name,
    Unary,
)

# --- tokens -------------------------------------------------------------------

_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<int>\d+)
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<str>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<op>//|==|!=|<=|>=|[<>+\-*%(),])
    """,
    re.VERBOSE,
)
_ESCAPES = {"n": "\n", "t": "\t", "\\": "\\", '"': '"', "'": "'"}


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # int, name, str, op, end
    text: str
    offset: int


def _tokenize(source: str) -> list[_Token]:
    tokens: list[_Token] = []
    pos = 0
    while pos < len(source):
        match = _TOKEN.match(source, pos)
        if match is None:
            char = source[pos]
            if char in "\"'":
                raise ExprError(pos, "unterminated string")
            if char == "=":
                raise ExprError(pos, "unexpected '=' (use '==' to compare)")
            if char == "/":
                raise ExprError(pos, "unexpected '/' (use '//' for whole-number division)")
            raise ExprError(pos, f"unexpected character {char!r}")
        kind = match.lastgroup or ""
        if kind != "space":
            tokens.append(_Token(kind, match.group(), pos))
        pos = match.end()
    tokens.append(_Token("end", "", len(source)))
    return tokens


def _unquote(text: str, offset: int) -> str:
    body = text[1:-1]
    out: list[str] = []
    i = 0
    while i < len(body):
        char = body[i]
        if char == "\\":
            nxt = body[i + 1]
            if nxt not in _ESCAPES:
                raise ExprError(offset + i + 1, f"unknown escape '\\{nxt}' in string")
            out.append(_ESCAPES[nxt])
            i += 2
        else:
            out.append(char)
            i += 1
    return "".join(out)


# --- parser -------------------------------------------------------------------

_COMPARISONS = {"==", "!=", "<", "<=", ">", ">="}
_KEYWORDS = {"and", "or", "not", "true", "false"}
_FUNCTIONS = {"visited", "known"}


class _Parser:
    def __init__(self, source: str) -> None:
        self.tokens = _tokenize(source)
        self.pos = 0
        self.depth = 0

    def peek(self) -> _Token:
        return self.tokens[self.pos]

    def take(self) -> _Token:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def at(self, text: str) -> bool:
        token = self.peek()
        return token.text == text and token.kind in ("op", "name")

    def expect(self, text: str) -> _Token:
        token = self.peek()
        if token.text != text:
            found = f"'{token.text}'" if token.text else "the end"
            raise ExprError(token.offset, f"expected '{text}', found {found}")
        return self.take()

    def parse(self) -> Expr:
        if self.peek().kind == "end":
            raise ExprError(0, "empty expression")
        tree = self.parse_or()
        token = self.peek()
        if token.kind != "end":
            raise ExprError(token.offset, f"unexpected '{token.text}' after the expression")
        return tree

    def parse_or(self) -> Expr:
        left = self.parse_and()
        while self.at("or"):
            op = self.take()
            left = Binary("or", left, self.parse_and(), op.offset)
        return left

    def parse_and(self) -> Expr:
        left = self.parse_not()
        while self.at("and"):
            op = self.take()
            left = Binary("and", left, self.parse_not(), op.offset)
        return left

    def parse_not(self) -> Expr:
        if self.at("not"):
            op = self.take()
            return Unary("not", self.nested(self.parse_not), op.offset)
        return self.parse_comparison()

    def parse_comparison(self) -> Expr:
        left = self.parse_sum()
        token = self.peek()
        if token.kind == "op" and token.text in _COMPARISONS:
            self.take()
            left = Binary(token.text, left, self.parse_sum(), token.offset)
            after = self.peek()
            if after.kind == "op" and after.text in _COMPARISONS:
                raise ExprError(after.offset, "comparisons cannot be chained; join them with 'and'")
        return left

    def parse_sum(self) -> Expr:
        left = self.parse_product()
        while self.peek().kind == "op" and self.peek().text in ("+", "-"):
            op = self.take()
            left = Binary(op.text, left, self.parse_product(), op.offset)
        return left

    def parse_product(self) -> Expr:
        left = self.parse_unary()
        while self.peek().kind == "op" and self.peek().text in ("*", "//", "%"):
            op = self.take()
            left = Binary(op.text, left, self.parse_unary(), op.offset)
        return left

    def parse_unary(self) -> Expr:
        if self.peek().kind == "op" and self.peek().text == "-":
            op = self.take()
            return Unary("-", self.nested(self.parse_unary), op.offset)
        return self.parse_primary()

    def nested(self, rule: Callable[[], Expr]) -> Expr:
        self.depth += 1
        if self.depth > MAX_EXPR_DEPTH:
            raise ExprError(self.peek().offset, "the expression is nested too deeply")
        try:
            return rule()
        finally:
            self.depth -= 1

    def parse_primary(self) -> Expr:
        token = self.take()
        if token.kind == "int":
            return Literal(min(int(token.text), INT_MAX), token.offset)
        if token.kind == "str":
            return Literal(_unquote(token.text, token.offset), token.offset)
        if token.kind == "name":
            if token.text in ("true", "false"):
                return Literal(token.text == "true", token.offset)
            if token.text in ("and", "or", "not"):
                raise ExprError(token.offset, f"expected a value, found '{token.text}'")
            if self.at("("):
                return self.parse_call(token)
            return Name(token.text, token.offset)
        if token.kind == "op" and token.text == "(":
            inner = self.nested(self.parse_or)
            self.expect(")")
            return inner
        found = f"'{token.text}'" if token.text else "the end"
        raise ExprError(token.offset, f"expected a value, found {found}")

    def parse_call(self, name: _Token) -> Expr:
        if name.text not in _FUNCTIONS:
            raise ExprError(
                name.offset,
                f"unknown function '{name.text}' (only visited() and known() can be called)",
            )
        self.expect("(")
        arg = self.take()
        if arg.kind != "str":
            raise ExprError(arg.offset, f"{name.text}() takes one quoted id")
        self.expect(")")
        return Call(name.text, _unquote(arg.text, arg.offset), name.offset, arg.offset)


def parse(source: str) -> Expr:
    """The syntax tree of an expression; raises `ExprError` with an offset."""
    if len(source) > MAX_EXPR_LENGTH:
        raise ExprError(0, f"the expression is longer than {MAX_EXPR_LENGTH} characters")
    return _Parser(source).parse()
