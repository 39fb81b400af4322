"""Running an expression over sets of values: which results are possible at all.

`evaluate` gives every value an expression can take when each variable may be
anything in its domain; `refine` narrows the domains to the states in which a
condition holds (`credibility < 3` cuts credibility to below 3), so the effects
of a guarded choice are judged only where the choice can be taken.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from cosmodrome.story.expr import (
    INT_MAX,
    INT_MIN,
    INT_OPS,
    Binary,
    Call,
    Expr,
    Literal,
    Name,
    Unary,
)
from cosmodrome.story.lint.domains import (
    EITHER,
    FALSE,
    MAX_PRODUCT,
    MAX_STRINGS,
    TRUE,
    Bools,
    Domain,
    Ints,
    Strs,
    join,
    single,
)


@dataclass(frozen=True)
class Context:
    """What an expression may read: a domain per variable, visit counts and facts."""

    variables: Mapping[str, Domain]
    visits: Callable[[str], Ints]
    known: Callable[[str], Bools]

    def narrowed(self, name: str, domain: Domain) -> Context:
        variables = dict(self.variables)
        variables[name] = domain
        return replace(self, variables=variables)


def _bools(may_true: bool, may_false: bool) -> Bools:
    return Bools(frozenset(v for v, ok in ((True, may_true), (False, may_false)) if ok))


_ARITH = INT_OPS  # the very operations the engine runs
_ORDER: dict[str, Callable[[int, int], bool]] = {
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
}
_MIRROR = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}
_NEGATE = {"<": ">=", "<=": ">", ">": "<=", ">=": "<", "==": "!=", "!=": "=="}


def _pairs(a: Ints, b: Ints) -> list[tuple[int, int]] | None:
    if a.exact is None or b.exact is None or len(a.exact) * len(b.exact) > MAX_PRODUCT:
        return None
    return [(x, y) for x in a.exact for y in b.exact]


def _divisor_parts(b: Ints) -> list[tuple[int, int]]:
    """b's range split into its negative and positive parts (zero is handled apart)."""
    parts = []
    if b.lo < 0:
        parts.append((b.lo, min(b.hi, -1)))
    if b.hi > 0:
        parts.append((max(b.lo, 1), b.hi))
    return parts


def arithmetic(op: str, a: Ints, b: Ints) -> Ints:
    """Every result of `a op b` (saturating, as the engine computes)."""
    if a.empty or b.empty:
        return Ints.of(())
    pairs = _pairs(a, b)
    if pairs is not None:
        fn = _ARITH[op]
        return Ints.of(fn(x, y) for x, y in pairs)
    if op == "+":
        return Ints.span(a.lo + b.lo, a.hi + b.hi)
    if op == "-":
        return Ints.span(a.lo - b.hi, a.hi - b.lo)
    if op == "*":
        corners = [x * y for x in (a.lo, a.hi) for y in (b.lo, b.hi)]
        return Ints.span(min(corners), max(corners))
    found = Ints.of((0,)) if 0 in b else Ints.of(())
    for lo, hi in _divisor_parts(b):
        if op == "//":  # monotone in each argument once b's sign is fixed: corners bound it
            corners = [x // y for x in (a.lo, a.hi) for y in (lo, hi)]
            part = Ints.span(min(corners), max(corners))
        else:
            part = Ints.span(0, hi - 1) if lo > 0 else Ints.span(lo + 1, 0)
        found = join(found, part)  # type: ignore[assignment]
    return found


def compare(op: str, a: Domain, b: Domain) -> Bools:
    """Every result of comparing a value of `a` with one of `b`."""
    if a.empty or b.empty:
        return Bools(frozenset())
    if isinstance(a, Ints) and isinstance(b, Ints):
        pairs = _pairs(a, b)
        if pairs is not None:
            fn = _ORDER[op]
            return Bools(frozenset(fn(x, y) for x, y in pairs))
        if op in (">", ">="):
            return compare(_MIRROR[op], b, a)
        if op == "<":
            return _bools(a.lo < b.hi, a.hi >= b.lo)
        if op == "<=":
            return _bools(a.lo <= b.hi, a.hi > b.lo)
        overlap = _ints_overlap(a, b)
        same = a.lo == a.hi == b.lo == b.hi
        equal = _bools(overlap, not same)
        return equal if op == "==" else _negate(equal)
    equal = _bools(_overlap(a, b), not _same_single(a, b))
    return equal if op == "==" else _negate(equal)


def _ints_overlap(a: Ints, b: Ints) -> bool:
    if a.exact is not None:
        return any(v in b for v in a.exact)
    if b.exact is not None:
        return any(v in a for v in b.exact)
    return a.lo <= b.hi and b.lo <= a.hi


def _overlap(a: Domain, b: Domain) -> bool:
    if isinstance(a, Strs) and isinstance(b, Strs):
        if a.exact is None or b.exact is None:
            return True
        return bool(a.exact & b.exact)
    if isinstance(a, Bools) and isinstance(b, Bools):
        return bool(a.exact & b.exact)
    return True


def _same_single(a: Domain, b: Domain) -> bool:
    ea, eb = getattr(a, "exact", None), getattr(b, "exact", None)
    return ea is not None and eb is not None and len(ea) == 1 and ea == eb


def _negate(b: Bools) -> Bools:
    return Bools(frozenset(not v for v in b.exact))


def evaluate(tree: Expr, ctx: Context) -> Domain:
    """Every value `tree` can take in `ctx`."""
    if isinstance(tree, Literal):
        return single(tree.value)
    if isinstance(tree, Name):
        return ctx.variables[tree.name]
    if isinstance(tree, Call):
        return ctx.visits(tree.argument) if tree.function == "visited" else ctx.known(tree.argument)
    if isinstance(tree, Unary):
        inner = evaluate(tree.operand, ctx)
        if isinstance(inner, Bools):
            return _negate(inner)
        assert isinstance(inner, Ints)
        return arithmetic("-", Ints.of((0,)), inner)
    return _binary(tree, ctx)


def _binary(tree: Binary, ctx: Context) -> Domain:
    op = tree.op
    left = evaluate(tree.left, ctx)
    if op in ("and", "or"):
        assert isinstance(left, Bools)
        short = op == "or"  # the value of the left side that decides alone
        right = evaluate(tree.right, ctx) if (not short) in left.exact else Bools(frozenset())
        assert isinstance(right, Bools)
        results = {short} if short in left.exact else set()
        results |= right.exact
        return Bools(frozenset(results))
    right = evaluate(tree.right, ctx)
    if op in _ORDER:
        return compare(op, left, right)
    if isinstance(left, Strs) and isinstance(right, Strs):  # `+` of two strings
        if left.exact is None or right.exact is None:
            return Strs(None)
        joined = {x + y for x in left.exact for y in right.exact}
        return Strs(frozenset(joined) if len(joined) <= MAX_STRINGS else None)
    assert isinstance(left, Ints) and isinstance(right, Ints)
    return arithmetic(op, left, right)


def may_hold(tree: Expr, ctx: Context) -> bool:
    """Whether the condition `tree` can be true in some state of `ctx`."""
    result = evaluate(tree, ctx)
    return isinstance(result, Bools) and True in result.exact


def refine(tree: Expr, ctx: Context) -> Context | None:
    """`ctx` narrowed to the states where condition `tree` holds; None when there are none."""
    if not may_hold(tree, ctx):
        return None
    if isinstance(tree, Binary) and tree.op == "and":
        left = refine(tree.left, ctx)
        return None if left is None else refine(tree.right, left)
    if isinstance(tree, Binary) and tree.op == "or":
        one, other = refine(tree.left, ctx), refine(tree.right, ctx)
        if one is None or other is None:
            return one or other
        merged = {n: join(d, other.variables[n]) for n, d in one.variables.items()}
        return replace(ctx, variables=merged)
    if isinstance(tree, Name):
        return _narrow(ctx, tree.name, "==", True)
    if isinstance(tree, Unary) and tree.op == "not":
        inner = tree.operand
        if isinstance(inner, Name):
            return _narrow(ctx, inner.name, "==", False)
        if isinstance(inner, Binary) and inner.op in _NEGATE:
            return refine(Binary(_NEGATE[inner.op], inner.left, inner.right, inner.offset), ctx)
        return ctx
    if isinstance(tree, Binary) and tree.op in _ORDER:
        if isinstance(tree.left, Name) and isinstance(tree.right, Literal):
            return _narrow(ctx, tree.left.name, tree.op, tree.right.value)
        if isinstance(tree.right, Name) and isinstance(tree.left, Literal):
            return _narrow(ctx, tree.right.name, _MIRROR[tree.op], tree.left.value)
    return ctx


def _narrow(ctx: Context, name: str, op: str, value: object) -> Context | None:
    domain = ctx.variables[name]
    narrowed: Domain
    if isinstance(domain, Ints) and isinstance(value, int) and not isinstance(value, bool):
        keep = _ORDER[op]
        c = value
        bounds = {
            "<": (INT_MIN, c - 1),
            "<=": (INT_MIN, c),
            ">": (c + 1, INT_MAX),
            ">=": (c, INT_MAX),
            "==": (c, c),
            "!=": (INT_MIN, INT_MAX),
        }
        narrowed = domain.filter(lambda v: keep(v, c), bounds[op])
    elif isinstance(domain, Bools) and isinstance(value, bool):
        wanted = {value} if op == "==" else {not value}
        narrowed = Bools(domain.exact & frozenset(wanted))
    elif isinstance(domain, Strs) and isinstance(value, str):
        if domain.exact is None:
            narrowed = Strs(frozenset({value})) if op == "==" else domain
        elif op == "==":
            narrowed = Strs(domain.exact & {value})
        else:
            narrowed = Strs(domain.exact - {value})
    else:
        return ctx
    return None if narrowed.empty else ctx.narrowed(name, narrowed)


__all__ = ["EITHER", "FALSE", "TRUE", "Context", "evaluate", "may_hold", "refine"]
