"""How often each node was entered, as an immutable map that is cheap to extend.

Every game state keeps its own visit counts (undo is keeping the old state), so
copying a dict per choice would cost time and memory in proportion to how much
of the story has been seen. The states of a play share one `VisitLog` instead:
it notes, for each node, the positions (0, 1, 2, ...) at which it was entered,
and a state's counts are the log's first `end` entries. Entering a node at the
newest end of a log appends one position, whatever the story's size; entering
from an older end (after an undo) starts a new log from the counts there.
`Visits` reads a log up to an end as a mapping, in first-visit order, as the
dict it replaces did.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left
from collections.abc import ItemsView, Iterator, KeysView, Mapping, ValuesView
from typing import Any

_new = object.__new__


class VisitLog:
    """The entries of one line of play. Only ever appended to, and only past every
    end already handed out, so the counts up to an existing end never change."""

    __slots__ = ("base", "claims", "end", "entries", "first_at", "firsts", "positions")

    def __init__(self, base: dict[str, int]) -> None:
        self.base = base  # the counts before the log's first entry; never changed
        self.entries: list[str] = []  # the node entered at each position
        # node -> where it was entered: one position, or a list of them in order (a node
        # entered once, as most are in a big story, costs no list)
        self.positions: dict[str, int | list[int]] = {}
        self.firsts: list[str] = []  # nodes not in `base`, in the order first entered
        self.first_at: list[int] = []  # the position of each of those first entries
        self.end = 0  # how many entries the log has
        # Hands out each position once: two threads entering at the same end cannot
        # both append (the loser starts a log of its own).
        self.claims = itertools.count()

    def note(self, key: str, position: int) -> None:
        """Record an entry of `key` at `position`, the log's newest (see `enter`)."""
        self.entries.append(key)
        positions = self.positions.get(key)
        if positions is None:
            self.positions[key] = position
            if key not in self.base:
                self.firsts.append(key)
                self.first_at.append(position)
        elif isinstance(positions, int):
            self.positions[key] = [positions, position]
        else:
            positions.append(position)

    def extend(self, keys: list[str]) -> None:
        """Enter each of `keys` in turn at the newest end. Only for a log that no one
        else can see yet: a save being loaded makes its states on the ends to come,
        and then fills them in all at once."""
        end = self.end
        note = self.note
        for key in keys:
            note(key, end)
            end += 1
        self.claims = itertools.count(end)
        self.end = end

    def count(self, key: str, end: int) -> int | None:
        """Visits to `key` in the first `end` entries; None if it was never entered."""
        positions = self.positions.get(key)
        if positions is not None:
            entered = _count(positions, end)
            if entered:
                return self.base.get(key, 0) + entered
        return self.base.get(key)

    def keys(self, end: int) -> list[str]:
        """The nodes entered in the first `end` entries, in first-visit order."""
        first_at = self.first_at
        return [*self.base, *(self.firsts[: _count(first_at, end)] if first_at else ())]

    def counts(self, end: int) -> dict[str, int]:
        """The counts in the first `end` entries, as a plain dict in first-visit order."""
        base, positions = self.base, self.positions
        counts: dict[str, int] = {}
        # key by key, never iterating `positions`: another thread may be adding to it
        for key in self.keys(end):
            entered = positions.get(key)
            counts[key] = base.get(key, 0) + (0 if entered is None else _count(entered, end))
        return counts


def _count(positions: int | list[int], end: int) -> int:
    """How many of `positions` come before `end`."""
    if isinstance(positions, int):
        return 1 if positions < end else 0
    return len(positions) if positions[-1] < end else bisect_left(positions, end)


def enter(log: VisitLog, end: int, key: str) -> VisitLog:
    """The log holding the counts up to `end` plus one visit to `key`. That is `log`
    itself, with the entry at `end` (so the new end is `end + 1`), when `end` was its
    newest; else a new log whose one entry follows the counts at `end` (new end 1)."""
    if log.end != end or next(log.claims) != end:
        log = VisitLog(log.counts(end))  # an older end (an undo came before): a log of its own
        end = next(log.claims)
    log.note(key, end)
    log.end = end + 1  # last: the entry is in place before anyone can enter after it
    return log


def log_of(counts: Mapping[str, int]) -> tuple[VisitLog, int]:
    """The log and end that hold `counts`: its own for a `Visits`, else a new log."""
    if isinstance(counts, Visits):
        return counts._log, counts._end
    return VisitLog(dict(counts)), 0


def view(log: VisitLog, end: int) -> Visits:
    """The counts of the first `end` entries of `log`, as a mapping."""
    visits: Visits = _new(Visits)
    visits._log = log
    visits._end = end
    return visits


class Visits(Mapping[str, int]):
    """Node id -> times entered. Immutable: `entered` returns a new map."""

    __slots__ = ("_end", "_log")

    def __init__(self, counts: Mapping[str, int] | None = None) -> None:
        self._log, self._end = log_of(counts or {})

    def entered(self, key: str) -> Visits:
        """A new map with one more visit to `key`."""
        log = enter(self._log, self._end, key)
        return view(log, self._end + 1 if log is self._log else 1)

    def get(self, key: str, default: Any = None) -> Any:
        count = self._log.count(key, self._end)
        return default if count is None else count

    def __getitem__(self, key: str) -> int:
        count = self._log.count(key, self._end)
        if count is None:
            raise KeyError(key)
        return count

    def __contains__(self, key: object) -> bool:
        try:
            return self._log.count(key, self._end) is not None  # type: ignore[arg-type]
        except TypeError:  # unhashable: never a node id
            return False

    def __len__(self) -> int:
        log = self._log
        first_at = log.first_at
        return len(log.base) + (_count(first_at, self._end) if first_at else 0)

    def __iter__(self) -> Iterator[str]:
        return iter(self._log.keys(self._end))

    def as_dict(self) -> dict[str, int]:
        """The counts as a plain dict, in first-visit order."""
        return self._log.counts(self._end)

    def changes_since(self, older: Visits) -> dict[str, int] | None:
        """The counts that differ from `older`'s, by node in sorted order, when this map
        is `older` with nodes entered since (as after a move); else None."""
        log, end, before = self._log, self._end, older._end
        if older._log is not log or end < before:
            return None
        return {key: log.count(key, end) or 0 for key in sorted(set(log.entries[before:end]))}

    # bulk reads go through one plain dict: a caller walking every count (a save, say)
    # then pays C lookups, not one method call per key
    def keys(self) -> KeysView[str]:
        return self.as_dict().keys()

    def items(self) -> ItemsView[str, int]:
        return self.as_dict().items()

    def values(self) -> ValuesView[int]:
        return self.as_dict().values()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Mapping):
            return NotImplemented
        return self.as_dict() == dict(other.items())

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Visits({self.as_dict()!r})"
