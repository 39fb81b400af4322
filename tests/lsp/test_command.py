"""`cosmodrome lsp` without its extra installed: one line that says what to install."""

from __future__ import annotations

import subprocess
import sys

from cosmodrome.exitcodes import Exit

# as if cosmodrome[lsp] were not installed: importing pygls or lsprotocol finds nothing
WITHOUT_PYGLS = """
import importlib.abc, sys

class NotInstalled(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.partition(".")[0] in ("pygls", "lsprotocol"):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None

sys.meta_path.insert(0, NotInstalled())
from cosmodrome.cli import main
sys.exit(main(["lsp"]))
"""


def test_without_the_extra_the_command_says_what_to_install() -> None:
    done = subprocess.run(
        [sys.executable, "-c", WITHOUT_PYGLS],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert done.returncode == Exit.USAGE
    assert done.stdout == ""
    assert done.stderr == (
        "cosmodrome lsp: the language server needs pygls; install it with "
        "pip install 'cosmodrome[lsp]'\n"
    )


def test_the_command_is_listed_in_the_help() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "cosmodrome", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert "lsp" in done.stdout and "language server" in done.stdout
