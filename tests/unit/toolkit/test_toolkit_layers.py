"""The toolkit's robots and tools are core code: no UI, and the story layer stays below
the engine."""

from __future__ import annotations

import subprocess
import sys

ENGINE_SIDE = [
    "cosmodrome.engine.explore",
    "cosmodrome.engine.randomplay",
    "cosmodrome.engine.golden",
    "cosmodrome.engine.rendercheck",
    "cosmodrome.engine.explain",
]
STORY_SIDE = [
    "cosmodrome.story.lint",
    "cosmodrome.story.diagram",
    "cosmodrome.story.json_schema",
    "cosmodrome.story.scaffold",
    "cosmodrome.story.watch",
]


def _imported_after(modules: list[str], prefixes: tuple[str, ...]) -> str:
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + f"print(','.join(sorted(m for m in sys.modules if m.startswith({prefixes!r}))))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_the_toolkit_imports_no_ui() -> None:
    assert _imported_after(ENGINE_SIDE + STORY_SIDE, ("textual", "rich")) == ""


def test_the_story_side_imports_neither_engine_nor_saves() -> None:
    prefixes = ("cosmodrome.engine", "cosmodrome.saves", "cosmodrome.tui")
    assert _imported_after(STORY_SIDE, prefixes) == ""
