"""The compiled-story cache never answers for another story, and on any doubt about an
entry the story is checked from its files and the entry rewritten (issue 13, class 5)."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cosmodrome.engine.game import Game
from cosmodrome.story.loader import check_story, load_story
from cosmodrome.story.model import Choice, Effect, Node, Story, TextBlock
from tests.conftest import FIXTURES


@pytest.fixture
def story(tmp_path: Path) -> Path:
    copy = tmp_path / "story"
    shutil.copytree(FIXTURES / "sample", copy)
    return copy


def _at(cls: type, name: str) -> int:
    return [f.name for f in dataclasses.fields(cls)].index(name)


def test_files_joined_differently_are_another_story(story: Path, tmp_path: Path) -> None:
    """Split at a file boundary, the old key (`name NUL bytes NUL`) was the same."""
    cache = tmp_path / "cache"
    gate, more = story / "nodes" / "gate.yaml", story / "nodes" / "more.yaml"
    assert check_story(story, cache_dir=cache).story is not None
    gate.write_bytes(gate.read_bytes() + b"\0nodes/more.yaml\0" + more.read_bytes())
    more.unlink()
    result = check_story(story, cache_dir=cache)
    assert result.story is None and result.errors
    assert result.errors == check_story(story, use_cache=False).errors


def test_bytes_that_are_not_utf8_are_not_their_replacement(story: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    manifest = story / "story.yaml"
    replaced = manifest.read_bytes().replace(b"The Checkpoint", "The \ufffd".encode())
    manifest.write_bytes(replaced)
    assert check_story(story, cache_dir=cache).story is not None
    manifest.write_bytes(replaced.replace("\ufffd".encode(), b"\xff"))
    result = check_story(story, cache_dir=cache)
    assert result.errors == check_story(story, use_cache=False).errors != []


def _forge(cache: Path, edit: Callable[[dict[str, Any]], None]) -> Path:
    """Edit the one cache entry's story with `edit`, its hash made to fit."""
    (slot,) = sorted((cache / "stories").glob("*.json"))
    head, body = slot.read_bytes().split(b"\n", 1)
    payload = json.loads(body)
    edit(payload["story"][_at(Story, "nodes")])
    forged = json.dumps(payload).encode()
    header = json.loads(head)
    header["sha256"] = hashlib.sha256(forged).hexdigest()
    slot.write_bytes(json.dumps(header).encode() + b"\n" + forged)
    return slot


def _first_effect(nodes: dict[str, Any]) -> list[Any]:
    choice = nodes["prologue"][_at(Node, "choices")][0]
    return choice[_at(Choice, "effects")][0]  # type: ignore[no-any-return]


FORGERIES: dict[str, Callable[[dict[str, Any]], None]] = {
    "a title that is a number": lambda n: n["archive"].__setitem__(_at(Node, "title"), 5),
    "an ending that is a list": lambda n: n["apron"].__setitem__(_at(Node, "ending"), []),
    "an effect on an undeclared variable": lambda n: _first_effect(n).__setitem__(
        _at(Effect, "variable"), "ghost"
    ),
    "a true/false set to a string": lambda n: _first_effect(n).__setitem__(
        _at(Effect, "value"), ['"yes"', "str"]
    ),
    "a condition that is a number": lambda n: n["checkpoint"][_at(Node, "blocks")][1].__setitem__(
        _at(TextBlock, "condition"), ["1", "int"]
    ),
    "a negative path index": lambda n: n["archive"].__setitem__(_at(Node, "position"), [-1, 1, 1]),
    "a line that is text": lambda n: n["archive"].__setitem__(_at(Node, "position"), [0, "1", 1]),
    "an unknown era": lambda n: n["archive"].__setitem__(_at(Node, "era"), "1066"),
    "an ignore list that is a number": lambda n: n["archive"].__setitem__(
        _at(Node, "lint_ignore"), 7
    ),
}


@pytest.mark.parametrize("forge", FORGERIES.values(), ids=FORGERIES.keys())
def test_a_forged_entry_is_checked_again_and_rewritten(
    story: Path, tmp_path: Path, forge: Callable[[dict[str, Any]], None]
) -> None:
    cache = tmp_path / "cache"
    truth = load_story(story, use_cache=False)
    load_story(story, cache_dir=cache)
    slot = _forge(cache, forge)
    forged = slot.read_bytes()
    for _ in range(2):  # and every later run
        loaded = load_story(story, cache_dir=cache)
        game = Game(loaded)
        for node_id in truth.nodes:
            node = loaded.nodes[node_id]
            assert node.title == truth.nodes[node_id].title
            assert node.ending == truth.nodes[node_id].ending
            game.passage(game.start())
    assert slot.read_bytes() != forged
