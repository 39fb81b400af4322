"""The long commands' progress bar: drawn on a terminal only, and cleared when done."""

from __future__ import annotations

import io
import subprocess
import sys

from cosmodrome.commands.progressbar import progress_bar


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_progress_bar_on_a_pipe() -> None:
    stream = io.StringIO()
    with progress_bar(10, "runs", stream) as update:
        for done in range(1, 11):
            update(done)
    assert stream.getvalue() == ""


def test_a_pipe_does_not_import_rich() -> None:
    code = (
        "import io, sys\n"
        "from cosmodrome.commands.progressbar import progress_bar\n"
        "with progress_bar(3, 'runs', io.StringIO()) as update:\n"
        "    update(3)\n"
        "print(any(m.split('.')[0] == 'rich' for m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_progress_bar_on_a_terminal_counts_up_and_clears() -> None:
    stream = _Terminal()
    with progress_bar(4, "runs", stream) as update:
        for done in range(1, 5):
            update(done)
    drawn = stream.getvalue()
    assert "4/4" in drawn
    assert "runs" in drawn
    assert "\x1b[?25h" in drawn  # the cursor shown again
    assert drawn.endswith("\x1b[2K")  # and the bar's line erased
