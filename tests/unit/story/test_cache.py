"""The compiled-story cache: used while a story is unchanged, and never trusted blindly."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import shutil
from pathlib import Path

import pytest

from cosmodrome.story import checker
from cosmodrome.story.loader import CheckResult, check_story, load_story
from cosmodrome.story.model import Choice, Node, Story
from tests.conftest import FIXTURES


def _plain(value: object) -> object:
    """A story as nested plain values, compiled evaluators left out (they are closures)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _plain(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name != "evaluate"
        }
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if hasattr(value, "items"):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, frozenset):
        return sorted(value)
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return str(value)


def _result(result: CheckResult) -> tuple[list[str], object]:
    return [f"{d.format()} {d.code}" for d in result.diagnostics], _plain(result.story)


def _no_checking(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> CheckResult:
        raise AssertionError("the story was checked again instead of read from the cache")

    monkeypatch.setattr(checker, "check_sources", refuse)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    copy = tmp_path / "story"
    shutil.copytree(FIXTURES / "sample", copy)
    return copy


def _slots(cache: Path) -> list[Path]:
    return sorted((cache / "stories").glob("*.json"))


@pytest.mark.parametrize(
    "fixture", ["sample", "lint-unreachable", "invalid/unknown-node", "revisits"]
)
def test_a_cached_load_gives_what_checking_gives(
    fixture: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = check_story(FIXTURES / fixture, use_cache=False)
    check_story(FIXTURES / fixture, cache_dir=tmp_path)
    _no_checking(monkeypatch)
    cached = check_story(FIXTURES / fixture, cache_dir=tmp_path)
    assert _result(cached) == _result(fresh)


def test_lint_warnings_come_back_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    directory = FIXTURES / "lint-unreachable"
    expected = check_story(directory, cache_dir=tmp_path).warnings
    _no_checking(monkeypatch)
    warnings = check_story(directory, cache_dir=tmp_path).warnings
    assert "unreachable" in [d.code for d in warnings]
    assert warnings == expected


def test_an_edit_invalidates_the_cache(story: Path, tmp_path: Path) -> None:
    load_story(story, cache_dir=tmp_path / "cache")
    node_file = story / "nodes" / "more.yaml"
    node_file.write_text(node_file.read_text().replace("You drive away.", "You drive off."))
    edited = load_story(story, cache_dir=tmp_path / "cache")
    assert edited.nodes["road-end"].blocks[0].template.source == "You drive off."


def test_the_cache_lives_in_the_cache_dir_not_the_story(story: Path, tmp_path: Path) -> None:
    before = sorted(p.name for p in story.rglob("*"))
    load_story(story, cache_dir=tmp_path / "cache")
    assert len(_slots(tmp_path / "cache")) == 1
    assert sorted(p.name for p in story.rglob("*")) == before


def test_without_the_cache_nothing_is_written(story: Path, tmp_path: Path) -> None:
    load_story(story, use_cache=False, cache_dir=tmp_path / "cache")
    assert not (tmp_path / "cache").exists()


def test_the_default_cache_dir_comes_from_the_environment(
    story: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COSMODROME_CACHE", str(tmp_path / "env-cache"))
    load_story(story)
    assert len(_slots(tmp_path / "env-cache")) == 1


@pytest.mark.parametrize("damage", [b"", b"not json\n{}", b'{"key": "x"}\n{}'])
def test_a_damaged_slot_is_ignored_and_rewritten(
    story: Path, tmp_path: Path, damage: bytes
) -> None:
    cache = tmp_path / "cache"
    expected = _result(check_story(story, cache_dir=cache))
    (slot,) = _slots(cache)
    slot.write_bytes(damage)
    assert _result(check_story(story, cache_dir=cache)) == expected
    assert slot.read_bytes() != damage


def test_a_payload_that_does_not_match_its_hash_is_ignored(
    story: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    load_story(story, cache_dir=cache)
    (slot,) = _slots(cache)
    head, body = slot.read_bytes().split(b"\n", 1)
    slot.write_bytes(head + b"\n" + body.replace(b"Rain on the windscreen", b"Snow on the window"))
    story_again = load_story(story, cache_dir=cache)
    assert "Rain on the windscreen" in story_again.nodes["prologue"].blocks[0].template.source


def test_a_forged_payload_with_a_broken_reference_is_refused(story: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_story(story, cache_dir=cache)
    (slot,) = _slots(cache)
    head, body = slot.read_bytes().split(b"\n", 1)
    payload = json.loads(body)
    nodes = payload["story"][[f.name for f in dataclasses.fields(Story)].index("nodes")]
    at_choices = [f.name for f in dataclasses.fields(Node)].index("choices")
    at_goto = [f.name for f in dataclasses.fields(Choice)].index("goto")
    nodes["checkpoint"][at_choices][0][at_goto] = "nowhere"  # its hash made to fit
    forged = json.dumps(payload).encode()
    header = json.loads(head)
    header["sha256"] = hashlib.sha256(forged).hexdigest()
    slot.write_bytes(json.dumps(header).encode() + b"\n" + forged)
    loaded = load_story(story, cache_dir=cache)
    assert loaded.nodes["checkpoint"].choices[0].goto == "apron"
    assert b"nowhere" not in slot.read_bytes()


def test_paths_follow_the_spelling_of_the_directory(
    story: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    node_file = story / "nodes" / "more.yaml"
    node_file.write_text(node_file.read_text().replace("goto: checkpoint", "goto: checkpointt"))
    monkeypatch.chdir(story.parent)
    relative = check_story("story", cache_dir=cache).errors[0].path
    absolute = check_story(story, cache_dir=cache).errors[0].path
    again = check_story("story", cache_dir=cache).errors[0].path
    assert (relative, absolute, again) == (
        "story/nodes/more.yaml",
        str(story / "nodes" / "more.yaml"),
        "story/nodes/more.yaml",
    )


def test_spans_hints_related_places_and_fixes_come_back_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = tmp_path / "story"
    shutil.copytree(FIXTURES / "invalid" / "string-default", story)
    first = check_story(story, cache_dir=tmp_path / "cache")
    _no_checking(monkeypatch)
    again = check_story(story, cache_dir=tmp_path / "cache")
    (diagnostic,) = again.diagnostics
    assert diagnostic.fix is not None and diagnostic.related and diagnostic.hint
    assert again.diagnostics == first.diagnostics
