"""The progress bar of the long commands (`cosmodrome test`): Rich's, on stderr.

Drawn only when stderr is a terminal, so pipes and CI logs stay clean; Rich is
imported only then, so a command that draws no bar starts without it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO


def _ignore(done: int) -> None:
    """The update of a bar that is not drawn."""


@contextmanager
def progress_bar(
    total: int, what: str, stream: TextIO | None = None
) -> Iterator[Callable[[int], None]]:
    """A bar counting up to `total` `what` (e.g. "runs") on `stream` (stderr); the caller
    gets the function to call with the count done so far. The bar is cleared on exit."""
    from cosmodrome.safetext import unwrapped

    out = unwrapped(stream if stream is not None else sys.stderr)  # the bar's own escapes
    if not out.isatty():
        yield _ignore
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    bar = Progress(
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}", markup=False),
        TimeRemainingColumn(),
        console=Console(file=out, force_terminal=True),
        transient=True,
    )
    task = bar.add_task(what, total=total)
    with bar:
        yield lambda done: bar.update(task, completed=done)
