"""The set-valued evaluation behind the lint rules is sound: whatever a real state computes,
the abstract result contains it, and narrowing by a condition never loses a state where
the condition holds."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from cosmodrome.story.expr import INT_MAX, INT_MIN, ExprType, Scope, Value, compile_expr
from cosmodrome.story.lint.abstract import Context, compare, evaluate, refine
from cosmodrome.story.lint.domains import MAX_EXACT, Bools, Domain, Ints, Strs, join, widen

SCOPE = Scope(
    {"a": ExprType.INT, "b": ExprType.INT, "p": ExprType.BOOL, "s": ExprType.STR},
    nodes=("n",),
    facts=("f",),
)


@dataclass
class _State:
    variables: Mapping[str, Value]
    visits: Mapping[str, int]
    facts: Collection[str]


_int_leaf = st.sampled_from(["a", "b", 'visited("n")', "0", "1", "3", "7", "4611686018427387904"])


def _int_expr() -> st.SearchStrategy[str]:
    return st.recursive(
        _int_leaf,
        lambda inner: st.one_of(
            st.tuples(inner, st.sampled_from(["+", "-", "*", "//", "%"]), inner).map(
                lambda t: f"({t[0]} {t[1]} {t[2]})"
            ),
            inner.map(lambda x: f"(-{x})"),
        ),
        max_leaves=6,
    )


def _bool_expr() -> st.SearchStrategy[str]:
    comparison = st.tuples(
        _int_expr(), st.sampled_from(["<", "<=", ">", ">=", "==", "!="]), _int_expr()
    ).map(lambda t: f"({t[0]} {t[1]} {t[2]})")
    leaf = st.one_of(
        st.sampled_from(["p", "true", "false", 'known("f")', 's == "A"', 's != "B"']),
        comparison,
    )
    return st.recursive(
        leaf,
        lambda inner: st.one_of(
            st.tuples(inner, st.sampled_from(["and", "or"]), inner).map(
                lambda t: f"({t[0]} {t[1]} {t[2]})"
            ),
            inner.map(lambda x: f"(not {x})"),
        ),
        max_leaves=5,
    )


@st.composite
def _ints_with_member(draw: st.DrawFn) -> tuple[Ints, int]:
    if draw(st.booleans()):
        values = draw(st.sets(st.integers(-10, 10), min_size=1, max_size=MAX_EXACT))
        return Ints.of(values), draw(st.sampled_from(sorted(values)))
    lo = draw(st.sampled_from([INT_MIN, -50, -3, 0]))
    hi = draw(st.sampled_from([0, 3, 50, INT_MAX]))
    member = draw(st.sampled_from([lo, hi, (lo + hi) // 2, max(lo, min(hi, 1))]))
    return Ints(None, lo, hi), member


@st.composite
def _world(draw: st.DrawFn) -> tuple[Context, _State]:
    da, a = draw(_ints_with_member())
    db, b = draw(_ints_with_member())
    dv, v = draw(_ints_with_member())
    p = draw(st.booleans())
    dp = Bools(frozenset({p, draw(st.booleans())}))
    known = draw(st.booleans())
    dk = Bools(frozenset({known, draw(st.booleans())}))
    s = draw(st.sampled_from(["A", "B", "C"]))
    ds = Strs(None) if draw(st.booleans()) else Strs(frozenset({s, "A"}))
    variables: dict[str, Domain] = {"a": da, "b": db, "p": dp, "s": ds}
    ctx = Context(variables, lambda _t: dv, lambda _f: dk)
    state = _State({"a": a, "b": b, "p": p, "s": s}, {"n": v}, {"f"} if known else set())
    return ctx, state


def _contains(domain: Domain, value: Value) -> bool:
    if isinstance(domain, Bools):
        return value in domain.exact
    if isinstance(domain, Strs):
        return domain.exact is None or value in domain.exact
    return value in domain


@settings(max_examples=400, deadline=None)
@given(source=_int_expr(), world=_world())
def test_int_results_are_inside_the_abstract_result(
    source: str, world: tuple[Context, _State]
) -> None:
    ctx, state = world
    compiled = compile_expr(source, SCOPE, ExprType.INT)
    assert _contains(evaluate(compiled.tree, ctx), compiled.evaluate(state))


@settings(max_examples=400, deadline=None)
@given(source=_bool_expr(), world=_world())
def test_conditions_and_their_narrowing_are_sound(
    source: str, world: tuple[Context, _State]
) -> None:
    ctx, state = world
    compiled = compile_expr(source, SCOPE, ExprType.BOOL)
    holds = compiled.evaluate(state)
    assert _contains(evaluate(compiled.tree, ctx), holds)
    if holds:
        narrowed = refine(compiled.tree, ctx)
        assert narrowed is not None
        for name, value in state.variables.items():
            assert _contains(narrowed.variables[name], value), name


def test_a_small_set_stays_exact_and_a_large_one_becomes_a_range() -> None:
    assert Ints.of(range(MAX_EXACT)).exact is not None
    big = Ints.of(range(MAX_EXACT + 1))
    assert big.exact is None and (big.lo, big.hi) == (0, MAX_EXACT)


def test_a_range_that_keeps_growing_is_widened_to_its_limit() -> None:
    old = Ints(None, 0, 20)
    grown = join(old, Ints.of((21,)))
    assert isinstance(grown, Ints)
    assert widen(old, grown) == Ints(None, 0, INT_MAX)


def test_domains_describe_themselves_for_authors() -> None:
    assert Bools(frozenset({False})).describe() == "always false"
    assert Ints.of((0, 2)).describe() == "one of 0 or 2"
    assert Ints(None, 0, INT_MAX).describe() == "at least 0"
    assert Strs(frozenset({"", "Anna"})).describe() == 'one of "" or "Anna"'


def test_comparisons_of_ranges_that_touch_are_decided_only_where_they_must_be() -> None:
    low, high = Ints(None, -50, 0), Ints(None, 0, 50)  # they share exactly 0
    for op in ("<", ">=", "==", "!="):
        assert compare(op, low, high).exact == {True, False}, op
    assert compare("<=", low, high).exact == {True}
    assert compare(">", low, high).exact == {False}


def test_comparisons_of_ranges_apart_are_decided() -> None:
    low, high = Ints(None, -50, -1), Ints(None, 0, 50)
    assert compare("<", low, high).exact == {True}
    assert compare(">=", low, high).exact == {False}
    assert compare("==", low, high).exact == {False}
