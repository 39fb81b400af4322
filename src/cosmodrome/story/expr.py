"""The story's expression language: parsed and type-checked once, run as closures.

Never Python's `eval`: the grammar has literals, variable names, `not`, `and`,
`or`, comparisons, `+ - * // %`, unary minus, parentheses, and the two calls
`visited("node-id")` and `known("fact-id")`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from cosmodrome.story.suggest import did_you_mean

Value = int | bool | str
INT_MIN, INT_MAX = -(2**63), 2**63 - 1
MAX_EXPR_LENGTH = 2000
MAX_EXPR_DEPTH = 40


class ExprType(StrEnum):
    INT = "int"
    BOOL = "bool"
    STR = "str"


def type_of(value: object) -> ExprType | None:
    """The expression type of a Python value, or None when it has none."""
    if isinstance(value, bool):
        return ExprType.BOOL
    if isinstance(value, int):
        return ExprType.INT
    if isinstance(value, str):
        return ExprType.STR
    return None


class EvalContext(Protocol):
    """What an expression reads: a game state provides it."""

    @property
    def variables(self) -> Mapping[str, Value]: ...
    @property
    def visits(self) -> Mapping[str, int]: ...
    @property
    def facts(self) -> Collection[str]: ...


Evaluator = Callable[[EvalContext], Value]


@dataclass(frozen=True, slots=True)
class Scope:
    """The names an expression may use."""

    variables: Mapping[str, ExprType]
    nodes: Collection[str]
    facts: Collection[str]


# --- syntax tree --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Literal:
    value: Value
    offset: int


@dataclass(frozen=True, slots=True)
class Name:
    name: str
    offset: int


@dataclass(frozen=True, slots=True)
class Call:
    function: str  # "visited" or "known"
    argument: str
    offset: int
    arg_offset: int


@dataclass(frozen=True, slots=True)
class Unary:
    op: str  # "not" or "-"
    operand: Expr
    offset: int


@dataclass(frozen=True, slots=True)
class Binary:
    op: str
    left: Expr
    right: Expr
    offset: int


Expr = Literal | Name | Call | Unary | Binary


class ExprError(Exception):
    """A problem in an expression at a character offset of its source."""

    def __init__(self, offset: int, message: str) -> None:
        super().__init__(message)
        self.offset = offset
        self.message = message


@dataclass(frozen=True, slots=True)
class Compiled:
    """A checked expression: its source, tree, type and a fast evaluator."""

    source: str
    tree: Expr
    type: ExprType
    evaluate: Evaluator
    reads: frozenset[str]

    def __call__(self, context: EvalContext) -> Value:
        return self.evaluate(context)


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


# --- type checking and compiling ----------------------------------------------


def _clamp(value: int) -> int:
    return INT_MAX if value > INT_MAX else INT_MIN if value < INT_MIN else value


def _floordiv(a: int, b: int) -> int:
    # documented: division by zero gives 0; the lowest number // -1 saturates like + - *
    return _clamp(a // b) if b else 0


def _mod(a: int, b: int) -> int:
    return a % b if b else 0


# The arithmetic every evaluation runs: the engine here, the lint's abstract evaluation too.
INT_OPS: dict[str, Callable[[int, int], int]] = {
    "+": lambda a, b: _clamp(a + b),
    "-": lambda a, b: _clamp(a - b),
    "*": lambda a, b: _clamp(a * b),
    "//": _floordiv,
    "%": _mod,
}
_ORDER_OPS: dict[str, Callable[[int, int], bool]] = {
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}


class _Checker:
    def __init__(self, scope: Scope) -> None:
        self.scope = scope
        self.reads: set[str] = set()

    def check(self, tree: Expr) -> tuple[ExprType, Evaluator]:
        if isinstance(tree, Literal):
            value = tree.value
            kind = type_of(value)
            assert kind is not None
            return kind, lambda _s: value
        if isinstance(tree, Name):
            return self.check_name(tree)
        if isinstance(tree, Call):
            return self.check_call(tree)
        if isinstance(tree, Unary):
            return self.check_unary(tree)
        return self.check_binary(tree)

    def check_name(self, tree: Name) -> tuple[ExprType, Evaluator]:
        name = tree.name
        kind = self.scope.variables.get(name)
        if kind is None:
            hint = did_you_mean(name, self.scope.variables)
            raise ExprError(tree.offset, f"undeclared variable '{name}'{hint}")
        self.reads.add(name)
        return kind, lambda s: s.variables[name]

    def check_call(self, tree: Call) -> tuple[ExprType, Evaluator]:
        ident = tree.argument
        if tree.function == "visited":
            if ident not in self.scope.nodes:
                hint = did_you_mean(ident, self.scope.nodes)
                raise ExprError(tree.arg_offset, f"visited() names unknown node '{ident}'{hint}")
            return ExprType.INT, lambda s: s.visits.get(ident, 0)
        if ident not in self.scope.facts:
            hint = did_you_mean(ident, self.scope.facts)
            raise ExprError(tree.arg_offset, f"known() names unknown fact '{ident}'{hint}")
        return ExprType.BOOL, lambda s: ident in s.facts

    def check_unary(self, tree: Unary) -> tuple[ExprType, Evaluator]:
        kind, inner = self.check(tree.operand)
        if tree.op == "not":
            self.require(kind, ExprType.BOOL, tree.offset, "'not'")
            return ExprType.BOOL, lambda s: not inner(s)
        self.require(kind, ExprType.INT, tree.offset, "unary '-'")
        return ExprType.INT, lambda s: _clamp(-inner(s))  # type: ignore[operator]

    def check_binary(self, tree: Binary) -> tuple[ExprType, Evaluator]:
        op = tree.op
        lkind, left = self.check(tree.left)
        rkind, right = self.check(tree.right)
        if op in ("and", "or"):
            self.require(lkind, ExprType.BOOL, tree.offset, f"'{op}'")
            self.require(rkind, ExprType.BOOL, tree.offset, f"'{op}'")
            if op == "and":
                return ExprType.BOOL, lambda s: bool(left(s)) and bool(right(s))
            return ExprType.BOOL, lambda s: bool(left(s)) or bool(right(s))
        if op in ("==", "!="):
            if lkind != rkind:
                raise ExprError(
                    tree.offset, f"cannot compare {lkind.value} with {rkind.value} using '{op}'"
                )
            if op == "==":
                return ExprType.BOOL, lambda s: left(s) == right(s)
            return ExprType.BOOL, lambda s: left(s) != right(s)
        if op == "+" and lkind == rkind == ExprType.STR:
            return ExprType.STR, lambda s: str(left(s)) + str(right(s))
        self.require(lkind, ExprType.INT, tree.offset, f"'{op}'")
        self.require(rkind, ExprType.INT, tree.offset, f"'{op}'")
        if op in _ORDER_OPS:
            order = _ORDER_OPS[op]
            return ExprType.BOOL, lambda s: order(left(s), right(s))  # type: ignore[arg-type]
        arith = INT_OPS[op]
        return ExprType.INT, lambda s: arith(left(s), right(s))  # type: ignore[arg-type]

    @staticmethod
    def require(kind: ExprType, wanted: ExprType, offset: int, what: str) -> None:
        if kind != wanted:
            raise ExprError(offset, f"{what} needs {wanted.value} values, not {kind.value}")


def compile_expr(source: str, scope: Scope, expect: ExprType | None = None) -> Compiled:
    """Parse and type-check `source`; raises `ExprError` (with an offset) on any problem."""
    tree = parse(source)
    checker = _Checker(scope)
    kind, evaluate = checker.check(tree)
    if expect is not None and kind != expect:
        raise ExprError(0, f"expected a {expect.value} expression, but this is {kind.value}")
    return Compiled(source, tree, kind, evaluate, frozenset(checker.reads))
