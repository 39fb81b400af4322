"""The values of a YAML document as a tree of `Y`s, built from the parser's events.

One pass, no recursion: every value with its line and column, duplicate keys
and alias bombs reported through the caller's `error`, and the nesting and
alias expansion bounded.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml

from cosmodrome.story.yamlscalars import (
    MAP_TAG,
    RESOLVED,
    RESOLVED_STARTS,
    SEQ_TAG,
    BadTag,
    plain_value,
    scalar_value,
)

MAX_DEPTH = 64
MAX_ALIAS_EXPANSION = 100_000

Error = Callable[[int, int, str], None]  # reports a problem at a 1-based line and column
_COMPLEX_KEY = "\0complex"


class Y:
    """A YAML value with its 1-based position; mappings also keep their keys' positions."""

    __slots__ = ("col", "keys", "line", "style", "value")

    def __init__(self, value: Any, line: int, col: int, style: str | None = None) -> None:
        self.value = value
        self.line = line
        self.col = col
        self.style = style
        self.keys: dict[str, tuple[int, int]] | None = None

    def __repr__(self) -> str:
        return f"Y({self.value!r}@{self.line}:{self.col})"

    def plain(self) -> Any:
        """The value without positions (lists and dicts rebuilt)."""
        if isinstance(self.value, dict):
            return {k: v.plain() for k, v in self.value.items()}
        if isinstance(self.value, list):
            return [v.plain() for v in self.value]
        return self.value


def build_tree(next_event: Callable[[], Any], error: Error) -> Y | None:
    """The events' values as a `Y` tree; stops at the first limit passed.

    The open container lives in locals: `node`, its `items`, `keys` (its keys'
    positions; None for a sequence) and the pending `key` with `key_pos`; each
    open container's parent waits on `stack`. One loop with the common cases
    first: a story is mostly scalars in mappings.
    """
    scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
    mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
    mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    stack: list[tuple[Any, ...]] = []
    anchors: dict[str, tuple[Y, int]] = {}  # name -> value, how many values it expands to
    resolved, resolved_starts = RESOLVED, RESOLVED_STARTS
    root: Y | None = None
    node: Y | None = None
    items: Any = None
    keys: dict[str, tuple[int, int]] | None = None
    key: str | None = None
    key_pos = (0, 0)
    built = 0  # values built so far, an alias counted as every value it expands to
    expanded = 0
    documents = 0
    event: Any  # dispatched on its exact type below
    for event in iter(next_event, None):
        kind = type(event)
        value: Y
        if kind is scalar_event:
            built += 1
            mark = event.start_mark
            line = mark.line + 1
            col = mark.column + 1
            raw = event.value
            style = event.style
            if event.tag is not None:
                try:
                    raw = scalar_value(event)
                except BadTag as bad:
                    error(line, col, f"unsupported YAML tag '{bad.tag}'")
            elif not style and raw[:1] in resolved_starts:  # a number, a boolean, null?
                found = resolved.get(raw, resolved)  # `plain_value`, its memo inline
                if found is resolved:
                    try:
                        found = plain_value(raw)
                    except BadTag as bad:
                        error(line, col, f"unsupported YAML tag '{bad.tag}'")
                        found = raw
                raw = found
            anchor = event.anchor
            if key is None and keys is not None and anchor is None:
                key = raw if type(raw) is str else _key_text(raw)
                key_pos = (line, col)
                continue
            value = Y(raw, line, col, style)
            if anchor is not None:
                anchors[anchor] = (value, 1)
            if key is not None:  # the commonest case: a value in a mapping (a new one)
                if items.setdefault(key, value) is value:
                    keys[key] = key_pos  # type: ignore[index]
                elif key == _COMPLEX_KEY:  # values of keys that were not plain: the last kept
                    items[key] = value
                    keys[key] = key_pos  # type: ignore[index]
                else:
                    _duplicate(error, keys, key, key_pos)
                key = None
                continue
            if node is not None and keys is None:
                items.append(value)
                continue
        elif kind is mapping_end or kind is sequence_end:
            value = node  # type: ignore[assignment]
            value.value = items
            node, items, keys, key, key_pos, anchor, start = stack.pop()
            built += 1
            if anchor is not None:
                anchors[anchor] = (value, built - start)
        elif kind is mapping_start or kind is sequence_start:
            mark = event.start_mark
            line = mark.line + 1
            col = mark.column + 1
            if len(stack) >= MAX_DEPTH:
                error(line, col, f"values are nested more than {MAX_DEPTH} levels deep")
                break
            is_map = kind is mapping_start
            if event.tag is not None and event.tag not in ("!", MAP_TAG if is_map else SEQ_TAG):
                error(line, col, f"unsupported YAML tag '{event.tag}'")
            stack.append((node, items, keys, key, key_pos, event.anchor, built))
            node = Y(None, line, col)
            if is_map:
                items = {}
                keys = node.keys = {}
            else:
                items = []
                keys = None
            key = None
            continue
        elif kind is alias_event:
            mark = event.start_mark
            line = mark.line + 1
            col = mark.column + 1
            target = anchors.get(event.anchor or "")
            if target is None:
                error(line, col, f"alias '*{event.anchor}' refers to no finished anchor")
                value = Y(None, line, col)
                built += 1
            else:
                value, size = target
                expanded += size
                if expanded > MAX_ALIAS_EXPANSION:
                    error(line, col, "aliases expand to too many values (an alias bomb?)")
                    break
                built += size
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                mark = event.start_mark
                error(
                    mark.line + 1,
                    mark.column + 1,
                    "a story file holds one YAML document, found another here",
                )
                break
            continue
        else:
            continue
        # a finished container, an alias, or a scalar at the top or as an anchored key
        if node is None:
            root = value
        elif keys is None:
            items.append(value)
        elif key is None:
            raw = value.value
            if isinstance(raw, dict | list):
                error(value.line, value.col, "a mapping key must be a plain value")
                key = _COMPLEX_KEY
            else:
                key = raw if isinstance(raw, str) else _key_text(raw)
            key_pos = (value.line, value.col)
        else:  # `in`, not `setdefault`: an alias may repeat the very value already there
            if key not in items or key == _COMPLEX_KEY:
                items[key] = value
                keys[key] = key_pos
            else:
                _duplicate(error, keys, key, key_pos)
            key = None
    return root


def _duplicate(
    error: Error, keys: dict[str, tuple[int, int]] | None, key: str, pos: tuple[int, int]
) -> None:
    """A key met again in its mapping: reported where it is written; the first value stays."""
    assert keys is not None
    error(*pos, f"duplicate key '{key}' (first defined at line {keys[key][0]})")


def _key_text(raw: Any) -> str:
    if raw is None:
        return "null"
    if isinstance(raw, bool):
        return "true" if raw else "false"
    return str(raw)
