"""A game in memory fitted to an edited story (live reload) is fitted exactly as the same
game saved and loaded against that story: one adaptation, two ways in."""

from __future__ import annotations

from pathlib import Path

import pytest

from cosmodrome.engine.state import GameState
from cosmodrome.saves.compat import adapt_history
from cosmodrome.saves.errors import SaveError
from cosmodrome.saves.store import SaveStore
from cosmodrome.story.loader import load_story
from tests.unit.saves.saves_helpers import SAMPLE, play, variant

GATE = "nodes/gate.yaml"
MORE = "nodes/more.yaml"
MANIFEST = "story.yaml"

AT_GATE = ["take-pass", "checkpoint.1"]
AT_ARCHIVE = [*AT_GATE, "archive.1"]
# edit -> (the choices played before the edit, the edit)
EDITS: dict[str, tuple[list[str], dict[str, list[tuple[str, str]]]]] = {
    "renamed node": (
        AT_GATE,
        {
            GATE: [
                ("  checkpoint:\n", "  gatehouse:\n"),
                ("was: [gate]", "was: [gate, checkpoint]"),
                ("goto: checkpoint", "goto: gatehouse"),
                ('visited("checkpoint")', 'visited("gatehouse")'),
            ],
            MORE: [("goto: checkpoint", "goto: gatehouse")],
        },
    ),
    "new variable": (AT_GATE, {MANIFEST: [('  alias: ""\n', '  alias: ""\n  mood: 3\n')]}),
    "removed current node": (
        AT_ARCHIVE,
        {MORE: [("  archive:\n", "  records:\n")], GATE: [("goto: archive", "goto: records")]},
    ),
}


def history(state: GameState) -> list[tuple[object, ...]]:
    return [s.snapshot() for s in state.history()]


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_adapting_a_game_in_memory_matches_saving_and_loading_it(tmp_path: Path, edit: str) -> None:
    keys, edits = EDITS[edit]
    before = load_story(SAMPLE)
    state = play(before, keys)
    after = load_story(variant(tmp_path, edits))
    store = SaveStore(tmp_path / "saves")
    store.save("slot", before, state, 0)
    loaded = store.load("slot", after)
    adapted = adapt_history(after, state.history())
    assert adapted.notes == loaded.notes
    assert adapted.notes, "each edit is one the player is told about"
    assert history(adapted.state) == history(loaded.state)


def test_a_game_with_no_place_left_in_the_story_cannot_be_adapted(tmp_path: Path) -> None:
    before = load_story(SAMPLE)
    state = play(before, ["take-pass"])
    gone = {GATE: [("  prologue:\n", "  overture:\n"), ("goto: prologue", "goto: overture")]}
    after = load_story(
        variant(tmp_path, {**gone, MANIFEST: [("start: prologue", "start: overture")]})
    )
    with pytest.raises(SaveError, match="incompatible"):
        adapt_history(after, state.history())
