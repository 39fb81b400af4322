"""Size never costs a hang (issue 13, class 10): a 10 MB title is refused at once, naming
the limit; a settings value of megabytes is ignored in a line; two hundred slots of the
largest size a save may have list quickly, their histories never parsed."""

from __future__ import annotations

import json
import os
import shutil
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from cosmodrome.engine.game import Game
from cosmodrome.saves import codec, files
from cosmodrome.saves.history import encode_start
from cosmodrome.saves.store import SaveStore
from cosmodrome.settings import load_settings, parse_settings
from cosmodrome.story import limits
from tests.conftest import FIXTURES
from tests.functional.cli_runner import run_cosmodrome
from tests.unit.saves.saves_helpers import sample_story


@pytest.mark.parametrize(
    ("old", "new", "what"),
    [
        ('title: "The Checkpoint"', 'title: "{}"', "the story's title is 10,000,000 characters"),
        ('label: "Summit"', 'label: "{}"', "era '2023's label is 10,000,000 characters"),
    ],
)
def test_a_10_mb_title_is_refused_at_once_naming_the_limit(
    tmp_path: Path, old: str, new: str, what: str
) -> None:
    story = tmp_path / "story"
    shutil.copytree(FIXTURES / "sample", story)
    manifest = story / "story.yaml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace(old, new.format("T" * 10_000_000)), encoding="utf-8")
    began = time.monotonic()
    for command in (["check", "story"], ["play", "--story", "story", "--plain"]):
        result = run_cosmodrome(command, cwd=tmp_path, timeout=60)
        assert result.returncode != 0
        assert f"{what} long; at most 500" in result.stderr, result.stderr[:300]
        assert len(result.stdout + result.stderr) < 2_000  # the title is never echoed
    assert time.monotonic() - began < 30


def test_a_long_passage_or_choice_is_refused_naming_the_limit(tmp_path: Path) -> None:
    story = tmp_path / "story"
    shutil.copytree(FIXTURES / "sample", story)
    more = story / "nodes" / "more.yaml"
    text = more.read_text(encoding="utf-8")
    text = text.replace("You drive away.", "W" * 100_001)
    more.write_text(text.replace("Back to the gate", "B" * 1_001), encoding="utf-8")
    result = run_cosmodrome(["check", "story"], cwd=tmp_path)
    assert "a text block is 100,001 characters long; at most 100,000" in result.stderr
    assert "a choice's text is 1,001 characters long; at most 1,000" in result.stderr


def test_a_megabyte_settings_value_is_ignored_in_one_short_line(tmp_path: Path) -> None:
    settings, problems = parse_settings({"theme": "t" * 5_000_000})
    assert settings.theme == "textual-dark"
    [problem] = problems
    assert len(problem) < 200
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"theme": "t" * 5_000_000}), encoding="utf-8")
    began = time.monotonic()
    settings, [problem] = load_settings(path)
    assert time.monotonic() - began < 2 and len(problem) < 300
    assert settings.theme == "textual-dark"


def _largest_save() -> bytes:
    """A valid save just under the size cap: nineteen moves of 100,000-character strings."""
    story = sample_story()
    moves = [
        codec.encode_line({"node": "prologue", "vars": {"alias": chr(97 + i) * 100_000}})
        for i in range(19)
    ]
    moment = datetime(2026, 1, 1, tzinfo=UTC)
    header = codec.Header(
        "sample", "The Checkpoint", story.fingerprint, "prologue", "Arrival", None, moment, 1, 19
    )
    data = codec.encode(header, encode_start(Game(story).start()), moves)
    assert limits.MAX_SAVE_BYTES * 0.9 < len(data) <= limits.MAX_SAVE_BYTES
    return data


def test_two_hundred_full_slots_list_without_parsing_a_history(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saves = tmp_path / "saves"
    saves.mkdir()
    first = saves / "slot-000.save.json"
    first.write_bytes(_largest_save())
    for i in range(1, 220):  # hard links: 220 slots, the disk space of one
        os.link(first, saves / f"slot-{i:03d}.save.json")
    SaveStore(saves).load("slot-000", sample_story())  # the save itself is sound

    def parsed(data: bytes) -> files.SavedGame:
        raise AssertionError("a listing parsed a whole history")

    monkeypatch.setattr(files, "decode_save", parsed)
    slots = SaveStore(saves).slots()
    assert len(slots) == 220 and {s.status for s in slots} == {"ok"}
    monkeypatch.undo()
    began = time.monotonic()
    result = run_cosmodrome(["saves", "--saves", str(saves)], cwd=tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 221
    assert time.monotonic() - began < 20
