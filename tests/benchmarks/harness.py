"""Timing and reporting: medians of interleaved runs, ratios, budgets and the table."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass


@dataclass(frozen=True)
class Budget:
    """A ratio the figure must stay under (`at_most`) or over (`at_least`)."""

    limit: float
    at_most: bool = True

    def met(self, ratio: float) -> bool:
        return ratio <= self.limit if self.at_most else ratio >= self.limit

    def __str__(self) -> str:
        return f"{'≤' if self.at_most else '≥'} {self.limit:g}×"


@dataclass(frozen=True)
class Row:
    """One line of the table. `figure` and `baseline` are already formatted."""

    name: str
    figure: str
    baseline: str
    ratio: float | None
    budget: Budget | None  # None: a figure for context, with no budget of its own
    note: str = ""
    failed: bool = False  # the measurement itself failed: the budget is not shown met

    @property
    def ok(self) -> bool | None:
        """Whether the budget is met; None for a figure with no budget."""
        if self.failed:
            return False
        if self.ratio is None or self.budget is None:
            return None
        return self.budget.met(self.ratio)


def failure(name: str, budget: Budget | None, error: BaseException) -> Row:
    """The row of a measurement that raised `error`: printed with the reason, and missed."""
    reason = str(error).strip().splitlines()[0] if str(error).strip() else ""
    why = f"{type(error).__name__}: {reason}" if reason else type(error).__name__
    return Row(name, "failed", "—", None, budget, why[:300], failed=True)


@contextmanager
def gc_paused() -> Iterator[None]:
    """The garbage collector off for the block (and back on after, if it was)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def seconds(action: Callable[[], object]) -> float:
    """Wall-clock seconds `action` takes once."""
    gc.collect()  # start each run without garbage from the last one
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def paired_medians(
    subject: Callable[[], float], baseline: Callable[[], float], runs: int
) -> tuple[float, float]:
    """Median figures of `subject` and `baseline`, run alternately so drift hits both."""
    ours: list[float] = []
    theirs: list[float] = []
    for _ in range(runs):
        theirs.append(baseline())
        ours.append(subject())
    return statistics.median(ours), statistics.median(theirs)


def ms(value: float) -> str:
    return f"{value * 1000:,.1f} ms" if value < 10 else f"{value:,.2f} s"


def per_second(value: float, unit: str) -> str:
    return f"{value:,.0f} {unit}/s"


def megabytes(value: float) -> str:
    return f"{value / (1024 * 1024):,.1f} MB"


def render(rows: list[Row]) -> str:
    """The table, one row per figure, with a verdict column."""
    header = ("figure", "measured", "baseline", "ratio", "budget", "ok")
    lines = [
        (
            row.name,
            row.figure,
            row.baseline,
            "—" if row.ratio is None else f"{row.ratio:.2f}×",
            "—" if row.budget is None else str(row.budget),
            {True: "yes", False: "NO", None: "—"}[row.ok],
        )
        for row in rows
    ]
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *lines, strict=True)]
    out = [
        "  ".join(cell.ljust(width) for cell, width in zip(header, widths, strict=True)).rstrip(),
        "  ".join("-" * width for width in widths),
    ]
    for line, row in zip(lines, rows, strict=True):
        text = "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True))
        out.append(text.rstrip())
        if row.note:
            out.append(f"    {row.note}")
    return "\n".join(out)
