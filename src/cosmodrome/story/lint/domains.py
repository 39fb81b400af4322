"""Sets of values a variable can hold, over-approximated: exact while small, else a range.

The lint rules run the story's expressions over these sets instead of single
values, so "can this condition ever be true?" gets a sound answer: when the
result set has no `true` in it, no play-through can make the condition hold.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from cosmodrome.story.expr import INT_MAX, INT_MIN, Value
from cosmodrome.story.template import format_value

MAX_EXACT = 16  # beyond this many whole numbers a set becomes a range
MAX_STRINGS = 32  # beyond this many strings a set becomes "any string"
MAX_PRODUCT = 256  # pairs evaluated one by one before falling back to ranges


def clamp(value: int) -> int:
    """`value` saturated to 64 bits, as the engine does."""
    return INT_MAX if value > INT_MAX else INT_MIN if value < INT_MIN else value


@dataclass(frozen=True, slots=True)
class Ints:
    """Whole numbers: `exact` when it is the precise set, else every number in lo..hi."""

    exact: frozenset[int] | None
    lo: int
    hi: int

    @staticmethod
    def of(values: Iterable[int]) -> Ints:
        found = frozenset(clamp(v) for v in values)
        if not found:
            return Ints(found, 1, 0)
        if len(found) > MAX_EXACT:
            return Ints(None, min(found), max(found))
        return Ints(found, min(found), max(found))

    @staticmethod
    def span(lo: int, hi: int) -> Ints:
        lo, hi = clamp(lo), clamp(hi)
        if lo > hi:
            return Ints(frozenset(), 1, 0)
        if hi - lo < MAX_EXACT:
            return Ints(frozenset(range(lo, hi + 1)), lo, hi)
        return Ints(None, lo, hi)

    @property
    def empty(self) -> bool:
        return self.lo > self.hi

    def __contains__(self, value: object) -> bool:
        if not isinstance(value, int) or isinstance(value, bool):
            return False
        if self.exact is not None:
            return value in self.exact
        return self.lo <= value <= self.hi

    def filter(self, keep: Callable[[int], bool], bound: tuple[int, int]) -> Ints:
        """The values that pass `keep`; a range is first cut to `bound` (lo, hi)."""
        if self.exact is not None:
            return Ints.of(v for v in self.exact if keep(v))
        return Ints.span(max(self.lo, bound[0]), min(self.hi, bound[1]))

    def describe(self) -> str:
        if self.empty:
            return "never set"
        if self.exact is not None:
            return _one_of([str(v) for v in sorted(self.exact)])
        if self.lo == INT_MIN and self.hi == INT_MAX:
            return "any whole number"
        if self.hi == INT_MAX:
            return f"at least {self.lo}"
        if self.lo == INT_MIN:
            return f"at most {self.hi}"
        return f"between {self.lo} and {self.hi}"


@dataclass(frozen=True, slots=True)
class Bools:
    exact: frozenset[bool]

    @property
    def empty(self) -> bool:
        return not self.exact

    def describe(self) -> str:
        if self.empty:
            return "never set"
        return _one_of(["true" if v else "false" for v in sorted(self.exact)])


@dataclass(frozen=True, slots=True)
class Strs:
    """Strings: the precise set, or `None` for any string at all."""

    exact: frozenset[str] | None

    @property
    def empty(self) -> bool:
        return self.exact is not None and not self.exact

    def describe(self) -> str:
        if self.exact is None:
            return "any text"
        if not self.exact:
            return "never set"
        return _one_of([format_value_quoted(v) for v in sorted(self.exact)])


Domain = Ints | Bools | Strs
TRUE, FALSE, EITHER = (
    Bools(frozenset({True})),
    Bools(frozenset({False})),
    Bools(frozenset({True, False})),
)


def format_value_quoted(value: Value) -> str:
    return f'"{value}"' if isinstance(value, str) else format_value(value)


def _one_of(items: list[str]) -> str:
    if len(items) == 1:
        return f"always {items[0]}"
    if len(items) > 6:
        return "one of " + ", ".join(items[:6]) + ", ..."
    return "one of " + ", ".join(items[:-1]) + " or " + items[-1]


def single(value: Value) -> Domain:
    """The domain holding just `value`."""
    if isinstance(value, bool):
        return Bools(frozenset({value}))
    if isinstance(value, int):
        return Ints.of((value,))
    return Strs(frozenset({value}))


def join(a: Domain, b: Domain) -> Domain:
    """Every value of `a` and of `b`."""
    if isinstance(a, Ints) and isinstance(b, Ints):
        if a.empty:
            return b
        if b.empty:
            return a
        if a.exact is not None and b.exact is not None:
            return Ints.of(a.exact | b.exact)
        return Ints(None, min(a.lo, b.lo), max(a.hi, b.hi))
    if isinstance(a, Bools) and isinstance(b, Bools):
        return Bools(a.exact | b.exact)
    if isinstance(a, Strs) and isinstance(b, Strs):
        if a.exact is None or b.exact is None:
            return Strs(None)
        both = a.exact | b.exact
        return Strs(both if len(both) <= MAX_STRINGS else None)
    raise TypeError(f"cannot join {a!r} and {b!r}")


def widen(old: Domain, new: Domain) -> Domain:
    """`new` (which holds `old`), with a still-growing range pushed to its limit: ends loops."""
    if not (isinstance(old, Ints) and isinstance(new, Ints)) or old.empty:
        return new
    if new.exact is None and old.exact is None:  # a range that grows again will grow forever
        lo = INT_MIN if new.lo < old.lo else new.lo
        hi = INT_MAX if new.hi > old.hi else new.hi
        return Ints(None, lo, hi)
    return new


def may_be(domain: Bools, value: bool) -> bool:
    return value in domain.exact
