"""Text from a story or a save made safe to show: nothing in it may drive the terminal.

A story or a save is input from strangers: an escape sequence in a title could
retitle the window, clear the screen or draw a fake one. `printable` shows
every character that a terminal would obey as visible `\\uXXXX` text, which an
author can find in the YAML and which stays valid inside a JSON string.
`SafeStream` applies it to every write on a text stream (the CLI's stdout and
stderr). This module imports nothing of the UI.
"""

from __future__ import annotations

import re
from typing import TextIO

_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
)  # C0 but \t and \n; DEL and C1 (with the one-byte CSI, U+009B); bidi overrides and isolates


def _visible(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def printable(text: str) -> str:
    """`text` with every terminal control character (C0 but newline and tab, DEL, C1,
    bidirectional overrides and isolates) shown as `\\uXXXX`; other text is unchanged."""
    if _FORBIDDEN.search(text) is None:  # the usual case: no new string at all
        return text
    return _FORBIDDEN.sub(_visible, text)


def is_printable(text: str) -> bool:
    """True when `text` holds no character that `printable` would escape."""
    return _FORBIDDEN.search(text) is None


class SafeStream:
    """A text stream that writes `printable(text)` to `raw`; the rest (`flush`,
    `isatty`, `fileno`, `encoding`...) is the raw stream's."""

    def __init__(self, raw: TextIO) -> None:
        self.raw = raw

    def write(self, text: str) -> int:
        """Writes the printable form of `text`; the caller gets `len(text)`, as `print`
        expects of a stream."""
        self.raw.write(printable(text))
        return len(text)

    def writelines(self, lines: list[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> object:
        return getattr(self.raw, name)


def unwrapped(stream: TextIO) -> TextIO:
    """The stream under a `SafeStream` (for output that the program itself draws, such
    as a progress bar's escape codes), or `stream` itself."""
    return stream.raw if isinstance(stream, SafeStream) else stream
