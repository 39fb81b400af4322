"""The save store is core: it never imports the UI."""

from __future__ import annotations

import subprocess
import sys


def test_the_save_store_imports_no_ui() -> None:
    code = (
        "import sys, cosmodrome.saves, cosmodrome.saves.listing, cosmodrome.plain_saves\n"
        "print(','.join(sorted(m for m in sys.modules"
        " if m.split('.')[0] in ('textual', 'rich') or m.startswith('cosmodrome.tui'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
