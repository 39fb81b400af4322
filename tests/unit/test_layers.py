"""The layers hold, proven in a fresh interpreter for every module the package has.

The modules are found by walking `src/cosmodrome`, so a module added tomorrow is
checked without anyone listing it. `lint-imports` (pyproject.toml) proves the
same rules from the source; these tests prove them from what Python really loads.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import cosmodrome

PACKAGE = Path(cosmodrome.__file__).resolve().parent
# importing `python -m cosmodrome`'s module runs the command; cli.py is checked instead
NOT_IMPORTABLE = {"cosmodrome.__main__"}


def package_modules(under: str = "") -> list[str]:
    """Every module of the package (packages included) whose dotted name starts `under`."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = ("cosmodrome", *path.relative_to(PACKAGE).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        name = ".".join(parts)
        if name.startswith(under) and name not in NOT_IMPORTABLE:
            found.append(name)
    return found


def first_importers(modules: list[str], prefixes: tuple[str, ...]) -> dict[str, list[str]]:
    """For each module whose import brought in a module under `prefixes` (in a fresh
    interpreter, importing `modules` in turn), the modules it brought in."""
    code = (
        "import importlib, json, sys\n"
        f"prefixes = {prefixes!r}\n"
        "seen, found = set(), {}\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "    new = sorted(m for m in sys.modules if m.startswith(prefixes) and m not in seen)\n"
        "    if new:\n"
        "        found[name] = new[:5]\n"
        "        seen.update(new)\n"
        "print(json.dumps(found))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    result: dict[str, list[str]] = json.loads(done.stdout)
    return result


def test_the_walk_finds_every_layer() -> None:
    found = package_modules()
    for expected in ("cosmodrome.cli", "cosmodrome.story.loader", "cosmodrome.engine.game"):
        assert expected in found
    assert any(m.startswith("cosmodrome.saves.") for m in found)
    assert any(m.startswith("cosmodrome.tui.") for m in found)


def test_no_module_outside_tui_imports_textual_or_rich() -> None:
    outside_tui = [m for m in package_modules() if not m.startswith("cosmodrome.tui")]
    assert len(outside_tui) > 50
    assert first_importers(outside_tui, ("textual", "rich")) == {}


def test_the_story_layer_imports_no_other_layer() -> None:
    story = package_modules("cosmodrome.story")
    shells = ("cosmodrome.engine", "cosmodrome.saves", "cosmodrome.tui", "cosmodrome.commands")
    assert first_importers(story, shells) == {}


def test_the_engine_and_the_save_store_import_no_shell() -> None:
    core = package_modules("cosmodrome.engine") + package_modules("cosmodrome.saves")
    shells = ("cosmodrome.tui", "cosmodrome.commands", "cosmodrome.cli", "cosmodrome.plain")
    assert first_importers(core, shells) == {}


def test_the_check_names_the_module_that_imported_textual() -> None:
    found = first_importers(["cosmodrome.story.model", "cosmodrome.tui.app"], ("textual",))
    assert list(found) == ["cosmodrome.tui.app"]
    assert "textual" in found["cosmodrome.tui.app"]
