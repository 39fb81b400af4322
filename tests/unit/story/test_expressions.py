"""The expression language: grammar, types, errors with offsets, and evaluation."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cosmodrome.story.expr import (
    INT_MAX,
    ExprError,
    ExprType,
    Scope,
    Value,
    compile_expr,
)

SCOPE = Scope(
    {"n": ExprType.INT, "m": ExprType.INT, "ok": ExprType.BOOL, "s": ExprType.STR},
    {"hall", "vault"},
    {"secret"},
)


@dataclass
class Context:
    variables: dict[str, Value] = field(
        default_factory=lambda: {"n": 7, "m": 2, "ok": True, "s": "ab"}
    )
    visits: dict[str, int] = field(default_factory=lambda: {"hall": 3})
    facts: frozenset[str] = frozenset({"secret"})


def run(source: str) -> Value:
    return compile_expr(source, SCOPE).evaluate(Context())


@pytest.mark.parametrize(
    ("source", "value"),
    [
        ("1 + 2 * 3", 7),
        ("(1 + 2) * 3", 9),
        ("n // m", 3),
        ("n % m", 1),
        ("-n + 1", -6),
        ("- -n", 7),
        ("n // 0", 0),
        ("n % 0", 0),
        ("n > m and ok", True),
        ("not ok or n == 7", True),
        ("not (ok and false)", True),
        ('s == "ab"', True),
        ("s + 'c' != \"abc\"", False),
        ('visited("hall")', 3),
        ('visited("vault") == 0', True),
        ('known("secret")', True),
        ("n >= 7 and n <= 7 and n < 8 and n > 6", True),
        ("true", True),
        ('"a\\"b"', 'a"b'),
    ],
)
def test_evaluates(source: str, value: Value) -> None:
    assert run(source) == value


def test_integers_saturate_instead_of_growing_without_bound() -> None:
    assert run("9223372036854775807 + 1") == INT_MAX
    assert run("99999999999999999999999") == INT_MAX


@pytest.mark.parametrize(
    ("source", "offset", "message"),
    [
        ("", 0, "empty expression"),
        ("n +", 3, "expected a value, found the end"),
        ("n = 1", 2, "unexpected '=' (use '==' to compare)"),
        ("n / 2", 2, "unexpected '/' (use '//' for whole-number division)"),
        ("n < m < 3", 6, "comparisons cannot be chained; join them with 'and'"),
        ("nn > 1", 0, "undeclared variable 'nn' (did you mean 'n'?)"),
        ("ok + 1", 3, "'+' needs int values, not bool"),
        ("n and ok", 2, "'and' needs bool values, not int"),
        ("n == s", 2, "cannot compare int with str using '=='"),
        ("not n", 0, "'not' needs bool values, not int"),
        ("-s", 0, "unary '-' needs int values, not str"),
        ('visited("hal")', 8, "visited() names unknown node 'hal' (did you mean 'hall'?)"),
        ('known("secrets")', 6, "known() names unknown fact 'secrets' (did you mean 'secret'?)"),
        ("known(secret)", 6, "known() takes one quoted id"),
        ('print("x")', 0, "unknown function 'print' (only visited() and known() can be called)"),
        (
            '__import__("os")',
            0,
            "unknown function '__import__' (only visited() and known() can be called)",
        ),
        ("s.upper", 1, "unexpected character '.'"),
        ('"open', 0, "unterminated string"),
        ("(n", 2, "expected ')', found the end"),
        ("n m", 2, "unexpected 'm' after the expression"),
        ('"a\\q"', 2, "unknown escape '\\q' in string"),
    ],
)
def test_reports_problems_at_their_offset(source: str, offset: int, message: str) -> None:
    with pytest.raises(ExprError) as caught:
        compile_expr(source, SCOPE)
    assert (caught.value.offset, caught.value.message) == (offset, message)


def test_expected_type_is_checked() -> None:
    with pytest.raises(ExprError, match="expected a bool expression, but this is int"):
        compile_expr("n + 1", SCOPE, ExprType.BOOL)


def test_deep_nesting_is_refused() -> None:
    with pytest.raises(ExprError, match="nested too deeply"):
        compile_expr("(" * 200 + "n" + ")" * 200, SCOPE)
    with pytest.raises(ExprError, match="nested too deeply"):
        compile_expr("not " * 200 + "ok", SCOPE)


def test_compiled_expression_records_what_it_reads() -> None:
    compiled = compile_expr('n > m and visited("hall") > 0', SCOPE)
    assert compiled.reads == frozenset({"n", "m"})
    assert compiled.type is ExprType.BOOL


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_random_text_is_parsed_or_refused_cleanly(source: str) -> None:
    try:
        compiled = compile_expr(source, SCOPE)
    except ExprError:
        return
    compiled.evaluate(Context())
