"""The save store is core: it never imports the UI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from cosmodrome.engine.game import Game
from cosmodrome.saves.slots import AUTOSAVE
from cosmodrome.saves.store import SaveStore
from cosmodrome.story.loader import load_story

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def test_the_save_store_imports_no_ui() -> None:
    code = (
        "import sys, cosmodrome.saves.store, cosmodrome.saves.listing, cosmodrome.plain.commands\n"
        "print(','.join(sorted(m for m in sys.modules"
        " if m.split('.')[0] in ('textual', 'rich') or m.startswith('cosmodrome.tui'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_listing_slots_loads_neither_the_rules_nor_the_adaptation(tmp_path: Path) -> None:
    # the title screen lists the autosave just after it is drawn: that must stay light
    story = load_story(FIXTURES / "sample", use_cache=False)
    game = Game(story)
    SaveStore(tmp_path).save(AUTOSAVE, story, game.take(game.start(), "checkpoint.1"), 5.0)
    code = (
        "import sys, pathlib, cosmodrome.saves.store\n"
        f"slots = cosmodrome.saves.store.SaveStore(pathlib.Path({str(tmp_path)!r})).slots()\n"
        "print([slot.status for slot in slots])\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith('cosmodrome'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    listed, modules = result.stdout.strip().splitlines()
    assert listed == "['ok']"
    loaded = set(modules.split(","))
    assert "cosmodrome.saves.store" in loaded
    heavy = {"cosmodrome.engine.game", "cosmodrome.saves.reading", "cosmodrome.saves.compat"}
    assert not loaded & heavy
