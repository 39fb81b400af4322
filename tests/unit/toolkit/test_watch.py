"""The UI-free live reload: a cheap change detector and a reload that keeps the last good."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from cosmodrome.story.loader import load_story
from cosmodrome.story.watch import StoryWatcher, reload_story, stamp
from tests.conftest import FIXTURES


@pytest.fixture
def story(tmp_path: Path) -> Path:
    target = tmp_path / "story"
    shutil.copytree(FIXTURES / "sample", target)
    return target


def _touch_later(path: Path) -> None:
    """Move the file's modification time on, as a save a moment later would."""
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))


def test_nothing_changed_means_no_reload(story: Path) -> None:
    watcher = StoryWatcher(story, load_story(story, use_cache=False))
    assert not watcher.changed()
    assert watcher.poll() is None


def test_an_edit_reloads_the_new_story(story: Path) -> None:
    watcher = StoryWatcher(story, load_story(story, use_cache=False))
    gate = story / "nodes" / "gate.yaml"
    gate.write_text(gate.read_text().replace("Rain on", "Snow on"), encoding="utf-8")
    _touch_later(gate)
    assert watcher.changed()
    result = watcher.poll()
    assert result is not None and result.ok
    assert result.story is not None
    assert "Snow on" in result.story.nodes["prologue"].blocks[0].template.source
    assert watcher.poll() is None  # seen once, reported once


def test_a_broken_edit_keeps_the_last_good_story(story: Path) -> None:
    good = load_story(story, use_cache=False)
    watcher = StoryWatcher(story, good)
    gate = story / "nodes" / "gate.yaml"
    gate.write_text(gate.read_text().replace("goto: checkpoint", "goto: checkpont"), "utf-8")
    _touch_later(gate)
    result = watcher.poll()
    assert result is not None and not result.ok
    assert result.current is good
    assert any("unknown node 'checkpont'" in d.message for d in result.errors)
    assert watcher.last_good is good


def test_adding_and_removing_files_are_changes(story: Path) -> None:
    before = stamp(story)
    extra = story / "nodes" / "extra.yaml"
    extra.write_text("nodes:\n", encoding="utf-8")
    assert stamp(story) != before
    extra.unlink()
    assert stamp(story) == before


def test_a_story_that_disappears_is_a_diagnostic_not_an_exception(tmp_path: Path) -> None:
    result = reload_story(tmp_path / "gone", None)
    assert not result.ok and result.current is None
    assert result.errors[0].message.endswith("no such directory")
