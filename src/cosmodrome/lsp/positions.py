"""Positions between the story layer (1-based lines and columns in code points) and the
protocol (0-based, in the code units the client and server agreed on: UTF-32 when the
client offers it first, else UTF-16 or UTF-8, counted by pygls's codec)."""

from __future__ import annotations

from collections.abc import Sequence

from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec


def to_client(codec: PositionCodec, lines: Sequence[str], line: int, col: int) -> types.Position:
    """The protocol's position of 1-based `line` and code-point `col` in `lines`."""
    row = max(line - 1, 0)
    text = lines[row] if row < len(lines) else ""
    units = codec.client_num_units(text[: max(col - 1, 0)])
    return types.Position(line=row, character=units)


def span(
    codec: PositionCodec, lines: Sequence[str], line: int, col: int, length: int
) -> types.Range:
    """The protocol's range of `length` code points from `line`:`col` (both 1-based)."""
    return types.Range(
        start=to_client(codec, lines, line, col), end=to_client(codec, lines, line, col + length)
    )


def between(
    codec: PositionCodec,
    lines: Sequence[str],
    start: tuple[int, int],
    end: tuple[int, int],
) -> types.Range:
    """The protocol's range from 1-based (line, code-point col) `start` to `end`, which
    may lie on another line (the end is exclusive, as in the protocol)."""
    return types.Range(start=to_client(codec, lines, *start), end=to_client(codec, lines, *end))


def from_client(
    codec: PositionCodec, lines: Sequence[str], position: types.Position
) -> tuple[int, int]:
    """The 1-based line and code-point column of a protocol position."""
    if position.line >= len(lines):
        return position.line + 1, 1
    copy = types.Position(line=position.line, character=position.character)
    server = codec.position_from_client_units(list(lines), copy)  # its type moved in pygls 2.1
    return server.line + 1, server.character + 1
