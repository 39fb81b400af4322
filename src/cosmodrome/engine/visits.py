"""How often each node was entered, as an immutable map that is cheap to extend.

Every game state keeps its own visit counts (undo is keeping the old state), so
copying a dict per choice would cost time and memory in proportion to how much
of the story has been seen. `Visits` shares structure instead: counts live in a
two-level hash trie of small dicts, and adding a visit copies one leaf and two
32-slot tuples, whatever the story's size. It iterates in first-visit order,
as the dict it replaces did.
"""

from __future__ import annotations

from collections.abc import ItemsView, Iterator, KeysView, Mapping, ValuesView
from typing import Any

_BITS = 5
_WIDTH = 1 << _BITS
_MASK = _WIDTH - 1
_EMPTY_LEVEL: tuple[Any, ...] = (None,) * _WIDTH

_new = object.__new__
# the keys in first-visit order, newest first: (key, older) cells shared between maps
_Order = tuple[str, "_Order"] | None


class Visits(Mapping[str, int]):
    """Node id -> times entered. Immutable: `entered` returns a new map."""

    __slots__ = ("_order", "_root", "_size")

    def __init__(self, counts: Mapping[str, int] | None = None) -> None:
        self._root: tuple[Any, ...] = _EMPTY_LEVEL
        self._order: _Order = None
        self._size = 0
        for key, count in (counts or {}).items():
            self._root, self._order, self._size = self._with(key, count)

    @classmethod
    def of(cls, counts: Mapping[str, int]) -> Visits:
        """`counts` itself when it already is a `Visits`, else a copy of it."""
        return counts if isinstance(counts, Visits) else cls(counts)

    def _with(self, key: str, add: int) -> tuple[tuple[Any, ...], _Order, int]:
        """The parts of a map with `add` more visits to `key` (one leaf copied)."""
        digest = hash(key)
        top = digest & _MASK
        low = (digest >> _BITS) & _MASK
        root = self._root
        middle = root[top] or _EMPTY_LEVEL
        leaf = middle[low]
        order, size = self._order, self._size
        if leaf is None:
            leaf = {key: add}
            order, size = (key, order), size + 1
        else:
            count = leaf.get(key)
            if count is None:
                order, size, count = (key, order), size + 1, 0
            leaf = leaf.copy()
            leaf[key] = count + add
        level = list(middle)  # list() and tuple() beat slicing and concatenating
        level[low] = leaf
        new_root = list(root)
        new_root[top] = tuple(level)
        return tuple(new_root), order, size

    def entered(self, key: str) -> Visits:
        """A new map with one more visit to `key`."""
        new = _new(Visits)
        new._root, new._order, new._size = self._with(key, 1)
        return new

    def get(self, key: str, default: Any = None) -> Any:
        digest = hash(key)
        middle = self._root[digest & _MASK]
        if middle is None:
            return default
        leaf = middle[(digest >> _BITS) & _MASK]
        if leaf is None:
            return default
        return leaf.get(key, default)

    def __getitem__(self, key: str) -> int:
        digest = hash(key)
        middle = self._root[digest & _MASK]
        if middle is not None:
            leaf = middle[(digest >> _BITS) & _MASK]
            if leaf is not None:
                count: int = leaf[key]  # a KeyError when it is not there
                return count
        raise KeyError(key)

    def __contains__(self, key: object) -> bool:
        try:
            self[key]  # type: ignore[index]
        except (KeyError, TypeError):
            return False
        return True

    def __len__(self) -> int:
        return self._size

    def _order_list(self) -> list[str]:
        keys: list[str] = []
        cell = self._order
        while cell is not None:
            keys.append(cell[0])
            cell = cell[1]
        keys.reverse()
        return keys

    def __iter__(self) -> Iterator[str]:
        return iter(self._order_list())

    def as_dict(self) -> dict[str, int]:
        """The counts as a plain dict, in first-visit order."""
        counts: dict[str, int] = {}
        for middle in self._root:
            if middle is not None:
                for leaf in middle:
                    if leaf is not None:
                        counts.update(leaf)
        return {key: counts[key] for key in self._order_list()}

    # bulk reads go through one plain dict: a caller walking every count (a save, say)
    # then pays C lookups, not one trie walk per key
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
