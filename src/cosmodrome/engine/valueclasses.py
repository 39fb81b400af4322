"""Whole-number variables as the ranges their comparisons separate: the explorer's abstraction.

A variable compared only with constants (`trust >= 2`) and changed only by
constant steps (`trust: trust - 1`) or constants cannot tell 5 from 50: every
condition gives both the same answer. Its values fall into classes, the ranges
the constants cut: below the smallest, each constant itself, the numbers
between two constants, above the largest. The explorer keeps one class per
variable instead of a number, and since a step can leave a wide class or stay
in it, the successors of a class are those of the few numbers near its ends
(`samples`): an over-approximation, which is why every finding is replayed
concretely before it is reported.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ValueClasses:
    """The classes of one variable, cut by the sorted constants it is compared with.

    Class 2i is the range below `cuts[i]` (and above `cuts[i-1]`), class 2i+1 is
    `cuts[i]` alone, and class 2·len(cuts) is everything above the largest.
    """

    cuts: tuple[int, ...]

    @property
    def count(self) -> int:
        """How many classes there are."""
        return 2 * len(self.cuts) + 1

    def index(self, value: int) -> int:
        """The class `value` falls in."""
        at = bisect_left(self.cuts, value)
        if at < len(self.cuts) and self.cuts[at] == value:
            return 2 * at + 1
        return 2 * at

    def bounds(self, index: int) -> tuple[int | None, int | None]:
        """The class's lowest and highest number; None where it is unbounded."""
        at = index // 2
        if index % 2:
            return self.cuts[at], self.cuts[at]
        low = self.cuts[at - 1] + 1 if at > 0 else None
        high = self.cuts[at] - 1 if at < len(self.cuts) else None
        return low, high

    def representative(self, index: int) -> int:
        """The number that stands for the class: its end nearest to a constant."""
        low, high = self.bounds(index)
        if high is not None:
            return high
        assert low is not None  # only an empty list of cuts has a class unbounded both ways
        return low

    def samples(self, index: int, reach: int) -> list[int]:
        """Numbers of the class that, moved by at most `reach` in all, land in every class
        any of its numbers can land in: those within `reach` of a bounded end."""
        low, high = self.bounds(index)
        if low is None and high is None:
            return [0]
        found: set[int] = set()
        if high is not None:
            floor = high - reach if low is None else max(low, high - reach)
            found.update(range(floor, high + 1))
        if low is not None:
            ceiling = low + reach if high is None else min(high, low + reach)
            found.update(range(low, ceiling + 1))
        return sorted(found)
