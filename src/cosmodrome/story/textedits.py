"""Applying a fix's text edits to a file's text (what an editor or `check --fix` does)."""

from __future__ import annotations

from collections.abc import Sequence

from cosmodrome.story.diagnostics import TextEdit


def _offset(lines: list[str], line: int, col: int) -> int:
    """The index in the text of 1-based (line, col), lines keeping their line ends."""
    before = sum(len(text) for text in lines[: line - 1])
    return before + col - 1


def apply_edits(text: str, edits: Sequence[TextEdit]) -> str:
    """`text` with every edit made; edits must not overlap. Columns count code points."""
    lines = text.splitlines(keepends=True)
    spans = sorted(
        ((_offset(lines, e.line, e.col), _offset(lines, e.end_line, e.end_col), e.new_text))
        for e in edits
    )
    out: list[str] = []
    at = 0
    for start, end, new_text in spans:
        if start < at:
            raise ValueError("overlapping edits")
        out.extend((text[at:start], new_text))
        at = end
    out.append(text[at:])
    return "".join(out)
