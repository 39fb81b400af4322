"""The benchmark table: a measurement that fails still prints its rows, with the reason,
and counts as a missed budget (no timing)."""

from __future__ import annotations

from tests.benchmarks.__main__ import measure
from tests.benchmarks.harness import Budget, Row, render


def test_a_failed_measurement_prints_its_rows_with_the_reason_and_misses() -> None:
    def broken() -> list[Row]:
        raise RuntimeError("the game exited 1: no story here\nmore detail")

    rows = measure("broken", [("first", Budget(2.0)), ("second", None)], broken)
    assert [row.name for row in rows] == ["first", "second"]
    assert all(row.ok is False for row in rows)
    table = render(rows)
    assert "RuntimeError: the game exited 1: no story here" in table
    assert "more detail" not in table


def test_a_measured_row_is_met_or_missed_by_its_ratio() -> None:
    rows = measure(
        "fine",
        [("x", Budget(2.0))],
        lambda: [Row("x", "3 ms", "2 ms", 1.5, Budget(2.0)), Row("y", "5", "1", 5.0, Budget(2.0))],
    )
    assert [row.ok for row in rows] == [True, False]
    assert Row("z", "1", "1", 0.4, Budget(0.5, at_most=False)).ok is False
