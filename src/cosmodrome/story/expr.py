"""The story's expression language: parsed and type-checked once, run as closures.

Never Python's `eval`: the grammar has literals, variable names, `not`, `and`,
`or`, comparisons, `+ - * // %`, unary minus, parentheses, and the two calls
`visited("node-id")` and `known("fact-id")`. The tree lives in `exprtree`, the
parser in `exprparse`; this module checks types and compiles.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cosmodrome.story.exprparse import parse
from cosmodrome.story.exprtree import (
    INT_MAX,
    INT_MIN,
    MAX_EXPR_DEPTH,
    MAX_EXPR_LENGTH,
    Binary,
    Call,
    EvalContext,
    Evaluator,
    Expr,
    ExprError,
    ExprType,
    Literal,
    Name,
    Scope,
    Unary,
    Value,
    type_of,
)
from cosmodrome.story.limits import within_text_limit
from cosmodrome.story.suggest import did_you_mean

__all__ = [
    "INT_MAX",
    "INT_MIN",
    "INT_OPS",
    "MAX_EXPR_DEPTH",
    "MAX_EXPR_LENGTH",
    "Binary",
    "Call",
    "Compiled",
    "EvalContext",
    "Evaluator",
    "Expr",
    "ExprError",
    "ExprType",
    "Literal",
    "Name",
    "Scope",
    "Unary",
    "Value",
    "compile_expr",
    "parse",
    "type_of",
]


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
        if op == "+" and lkind == rkind == ExprType.STR:  # bounded, or a loop could fill memory
            return ExprType.STR, lambda s: within_text_limit(str(left(s)) + str(right(s)))
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
        article = "an" if expect.value[:1] in "aeiou" else "a"
        raise ExprError(
            0, f"expected {article} {expect.value} expression, but this is {kind.value}"
        )
    return Compiled(source, tree, kind, evaluate, frozenset(checker.reads))
