"""The core never imports the UI: proven in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "cosmodrome.story.loader",
    "cosmodrome.story.lint",
    "cosmodrome.engine",
    "cosmodrome.session",
    "cosmodrome.plain.launch",
    "cosmodrome.plain.player",
    "cosmodrome.plain.watch",
    "cosmodrome.cli",
]


def test_core_modules_do_not_import_textual() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in CORE)
        + "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        + "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_story_layer_imports_neither_engine_nor_saves() -> None:
    code = (
        "import sys\nimport cosmodrome.story.loader, cosmodrome.story.lint\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith(('cosmodrome.engine', "
        "'cosmodrome.saves', 'cosmodrome.tui')))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
