"""Whatever bytes end up in a slot file, loading gives a game or a clean refusal."""

from __future__ import annotations

import json
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cosmodrome.engine.game import Game
from cosmodrome.saves.codec import checksum
from cosmodrome.saves.errors import SaveError
from cosmodrome.saves.store import SaveStore
from tests.unit.saves.saves_helpers import play, sample_story, value_paths

pytestmark = pytest.mark.filterwarnings("error")  # a warning is a failure here too

FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@cache
def valid_bytes() -> bytes:
    """A real save of a short game, made once."""
    story = sample_story()
    with tempfile.TemporaryDirectory() as directory:
        store = SaveStore(Path(directory))
        keys = ["take-pass", "checkpoint.1", "archive.1", "checkpoint.1", "checkpoint.1"]
        store.save("slot", story, play(story, keys), 12.0)
        return (Path(directory) / "slot.save.json").read_bytes()


def load_or_refuse(directory: Path, data: bytes) -> None:
    """Write `data` as a slot and load it: a playable game or `SaveError`, nothing else."""
    directory.mkdir(exist_ok=True)
    (directory / "fuzz.save.json").write_bytes(data)
    story = sample_story()
    store = SaveStore(directory)
    [info] = store.slots()
    assert info.status in ("ok", "corrupt")
    try:
        loaded = store.load("fuzz", story)
    except SaveError as exc:
        assert "\n" not in str(exc)
        return
    game = Game(story)
    for state in loaded.state.history():
        game.passage(state)
    assert all("\n" not in note for note in loaded.notes)


@FUZZ
@given(data=st.binary(max_size=4096))
def test_any_bytes(tmp_path: Path, data: bytes) -> None:
    load_or_refuse(tmp_path / "saves", data)


@FUZZ
@given(cut=st.integers(min_value=0), flip=st.integers(min_value=0), byte=st.integers(0, 255))
def test_damaged_valid_saves(tmp_path: Path, cut: int, flip: int, byte: int) -> None:
    good = bytearray(valid_bytes())
    good[flip % len(good)] = byte
    load_or_refuse(tmp_path / "saves", bytes(good[: len(good) - cut % len(good)]))


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=30)
    | st.sampled_from(["prologue", "checkpoint", "archive", "apron", "take-pass", "../x"]),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)


@FUZZ
@given(choice=st.integers(min_value=0), replacement=json_values)
def test_hostile_values_behind_a_good_checksum(
    tmp_path: Path, choice: int, replacement: Any
) -> None:
    document = json.loads(valid_bytes())
    body = {k: v for k, v in document.items() if k != "checksum"}
    paths = [p for p in value_paths(body) if p]
    path = paths[choice % len(paths)]
    parent = body
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = replacement
    body["checksum"] = checksum(body)
    load_or_refuse(tmp_path / "saves", json.dumps(body).encode())


def test_the_hostile_strategy_can_reach_a_loadable_save(tmp_path: Path) -> None:
    """The mutation test is not vacuous: a harmless replacement still loads."""
    document = json.loads(valid_bytes())
    document["header"]["play_seconds"] = 99
    body = {k: v for k, v in document.items() if k != "checksum"}
    body["checksum"] = checksum(body)
    (tmp_path / "saves").mkdir()
    (tmp_path / "saves" / "fuzz.save.json").write_text(json.dumps(body), encoding="utf-8")
    assert SaveStore(tmp_path / "saves").load("fuzz", sample_story()).play_seconds == 99
