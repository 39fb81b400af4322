"""Golden transcripts: a recorded play-through replays cleanly until the story changes,
and then the first difference is named with its step."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path
from typing import Any

import pytest

from cosmodrome.engine.game import Game
from cosmodrome.engine.golden import TranscriptError, load_transcript, record, replay
from cosmodrome.engine.randomplay import play_randomly
from cosmodrome.story.loader import load_story
from tests.conftest import FIXTURES


def _played(story_dir: Path, moves: list[str]) -> dict[str, Any]:
    game = Game(load_story(story_dir, use_cache=False))
    state = game.start()
    for key in moves:
        state = game.take(state, key)
    return record(game, state)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    target = tmp_path / "story"
    shutil.copytree(FIXTURES / "sample", target)
    return target


# prologue: take the pass, drive to the gate; checkpoint: wait, show the pass
MOVES = ["take-pass", "checkpoint.1", "checkpoint.1", "show-pass"]


def _edit(story: Path, file: str, old: str, new: str) -> None:
    path = story / "nodes" / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _replayed(story: Path, data: dict[str, Any]) -> tuple[int, str] | None:
    result = replay(Game(load_story(story, use_cache=False)), data)
    diff = result.difference
    return None if diff is None else (diff.step, diff.message)


def test_a_transcript_holds_keys_texts_and_digests(story: Path) -> None:
    data = _played(story, MOVES)
    assert data["story"] == "sample"
    assert [s["choice"] for s in data["steps"]] == MOVES
    assert data["steps"][0]["text"] == "Pick up the press pass"
    assert all(len(s["digest"]) == 64 for s in data["steps"])
    assert data["end"]["node"] == "apron"


def test_an_unchanged_story_replays_without_a_difference(story: Path) -> None:
    data = load_transcript(json.dumps(_played(story, MOVES)))
    result = replay(Game(load_story(story, use_cache=False)), data)
    assert result.difference is None
    assert result.steps == len(MOVES)


def test_a_changed_text_is_found_at_its_step(story: Path) -> None:
    data = _played(story, MOVES)
    _edit(story, "gate.yaml", "A guard studies your papers.", "A guard yawns.")
    assert _replayed(story, data) == (3, "the text of node 'checkpoint' has changed")


def test_a_removed_choice_is_found(story: Path) -> None:
    data = _played(story, MOVES)
    _edit(story, "gate.yaml", "        id: show-pass\n", "        id: flash-pass\n")
    assert _replayed(story, data) == (4, "node 'checkpoint' has no choice 'show-pass' any more")


def test_a_choice_now_locked_is_found(story: Path) -> None:
    data = _played(story, MOVES)
    _edit(story, "gate.yaml", "if: has_pass and credibility >= 1", "if: credibility >= 5")
    assert _replayed(story, data) == (4, "choice 'show-pass' is not available (You have no pass.)")


def test_a_reworded_choice_is_found(story: Path) -> None:
    data = _played(story, MOVES)
    _edit(story, "gate.yaml", '"Show the press pass"', '"Wave the press pass"')
    assert _replayed(story, data) == (4, "choice 'show-pass' now reads 'Wave the press pass'")


def test_a_node_renamed_with_was_still_replays(story: Path) -> None:
    data = _played(story, MOVES)
    _edit(story, "more.yaml", "  apron:\n", "  tarmac:\n    was: [apron]\n")
    _edit(story, "gate.yaml", "goto: apron", "goto: tarmac")
    assert _replayed(story, data) is None


def test_a_node_that_is_gone_is_found(story: Path) -> None:
    data = _played(story, MOVES)
    _edit(story, "more.yaml", "  apron:\n", "  tarmac:\n")
    _edit(story, "gate.yaml", "goto: apron", "goto: tarmac")
    assert _replayed(story, data) == (5, "node 'apron' no longer exists")


def test_a_transcript_of_another_story_is_refused(story: Path) -> None:
    data = _played(story, MOVES)
    data["story"] = "elsewhere"
    assert _replayed(story, data) == (0, "the transcript is of story 'elsewhere', not 'sample'")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not JSON"),
        ('{"format": "other"}', "not a transcript"),
        ('{"format": "cosmodrome-transcript", "version": 9}', "transcript version 9"),
        ('{"format": "cosmodrome-transcript", "version": 1, "steps": []}', "missing 'end'"),
    ],
)
def test_a_broken_transcript_is_one_clear_error(text: str, message: str) -> None:
    with pytest.raises(TranscriptError, match=message):
        load_transcript(text)


def test_a_random_run_recorded_replays(story: Path) -> None:
    game = Game(load_story(story, use_cache=False))
    run = play_randomly(game, random.Random(5))
    data = record(game, run.state, seed=5)
    assert data["seed"] == 5
    assert replay(game, data).difference is None


def test_an_ending_retitled_is_found(story: Path) -> None:
    data = _played(story, MOVES)
    _edit(story, "more.yaml", 'ending: "On the apron"', 'ending: "On the tarmac"')
    assert _replayed(story, data) == (
        5,
        "node 'apron' is now the ending 'On the tarmac' (recorded: 'On the apron')",
    )
