"""A story's fingerprint depends on its files, not on how its directory was named."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cosmodrome.story.loader import load_story
from tests.conftest import FIXTURES


def test_same_files_same_fingerprint_from_any_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(FIXTURES / "sample", copy)
    monkeypatch.chdir(tmp_path)
    assert load_story("copy").fingerprint == load_story(copy).fingerprint
    assert load_story(copy).fingerprint == load_story(FIXTURES / "sample").fingerprint


def test_an_edit_changes_the_fingerprint(tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(FIXTURES / "sample", copy)
    before = load_story(copy).fingerprint
    node_file = copy / "nodes" / "more.yaml"
    node_file.write_text(node_file.read_text().replace("You drive away.", "You drive off."))
    assert load_story(copy).fingerprint != before
