"""The expression language's types and syntax tree, shared by parser, checker and lint."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from cosmodrome.story import limits

Value = int | bool | str
INT_MIN, INT_MAX = limits.INT_MIN, limits.INT_MAX
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
