"""The UI's helpers that hold no widget never import Textual, nor does `cosmodrome check`."""

from __future__ import annotations

import subprocess
import sys

PURE = [
    "cosmodrome.settings",
    "cosmodrome.run_markdown",
    "cosmodrome.engine.progress",
    "cosmodrome.tui.geometry",
    "cosmodrome.tui.cartography",
    "cosmodrome.wording",
    "cosmodrome.tui.launch",
    "cosmodrome.commands.play",
]


def imported_after(code: str) -> set[str]:
    probe = code + "\nimport sys\nprint(','.join(sorted(sys.modules)))\n"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    return set(result.stdout.strip().split(","))


def test_pure_ui_helpers_do_not_import_textual() -> None:
    modules = imported_after("".join(f"import {m}\n" for m in PURE))
    assert not {m for m in modules if m.split(".")[0] in ("textual", "rich")}


def test_building_the_command_line_does_not_import_textual() -> None:
    modules = imported_after("from cosmodrome.cli import build_parser\nbuild_parser()")
    assert not {m for m in modules if m.split(".")[0] == "textual"}
    assert "cosmodrome.tui.app" not in modules
