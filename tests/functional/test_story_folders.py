"""Walking a story folder reports the real cause, once (issue 13, class 11): a `nodes/`
that cannot be read, a `facts.yaml` that is a folder, a folder named `*.yaml`, and a
symbolic link that leaves the story folder (refused and named, its target never quoted)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from cosmodrome.story.loader import check_story
from tests.conftest import FIXTURES
from tests.functional.cli_runner import run_cosmodrome
from tests.functional.unprivileged import hand_over, home, run_unprivileged

__all__ = ["home"]  # the fixture, used below


def sample(where: Path) -> Path:
    story = where / "story"
    shutil.copytree(FIXTURES / "sample", story)
    return story


def messages(story: Path) -> list[str]:
    return [d.format() for d in check_story(story, use_cache=False).errors]


def test_facts_yaml_as_a_folder_is_one_clear_error(tmp_path: Path) -> None:
    story = sample(tmp_path)
    (story / "facts.yaml").unlink()
    (story / "facts.yaml").mkdir()
    (story / "facts.yaml" / "more.yaml").write_text("facts: {}\n", encoding="utf-8")
    found = messages(story)
    assert found == [f"{story}/facts.yaml:1:1: error: it is a folder, not a file [file]"]


def test_a_folder_named_yaml_is_a_folder_of_nodes_not_a_file(tmp_path: Path) -> None:
    story = sample(tmp_path)
    inner = story / "nodes" / "extra.yaml"
    inner.mkdir()
    (inner / "more.yaml").write_text("nodes: {x: {text: y, ending: z}}\n", encoding="utf-8")
    result = check_story(story, use_cache=False)
    assert result.errors == [] and result.story is not None
    assert "x" in result.story.nodes


@pytest.mark.parametrize("kind", ["file", "folder"])
def test_a_symlink_leaving_the_story_is_refused_and_named(tmp_path: Path, kind: str) -> None:
    story = sample(tmp_path)
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "key.yaml").write_text("password: [hunter2\n", encoding="utf-8")
    link = story / "nodes" / "leak.yaml" if kind == "file" else story / "nodes" / "leak"
    link.symlink_to(secret / "key.yaml" if kind == "file" else secret)
    result = run_cosmodrome(["check", str(story)], cwd=tmp_path)
    assert result.returncode == 1
    assert "hunter2" not in result.stdout + result.stderr
    shown = link.relative_to(tmp_path)
    assert f"{shown}:1:1: error: it is a symbolic link to {os.path.realpath(link)}" in result.stderr
    assert "outside the story folder" in result.stderr
    assert result.stderr.count("error:") == 1, result.stderr


def test_a_symlink_inside_the_story_is_read(tmp_path: Path) -> None:
    story = sample(tmp_path)
    (story / "nodes" / "more.yaml").rename(story / "more.txt")
    (story / "nodes" / "more.yaml").symlink_to(story / "more.txt")
    assert messages(story) == []


def test_an_unlistable_nodes_folder_is_the_cause_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through a test double of the listing call (the same check runs as a real user below)."""
    story = sample(tmp_path)
    real = os.scandir

    def scandir(path: object = ".") -> object:
        if str(path).endswith("nodes"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "scandir", scandir)
    found = messages(story)
    assert found == [f"{story}/nodes:1:1: error: cannot read the folder: Permission denied [file]"]


def test_an_unreadable_nodes_folder_as_a_real_user(home: Path) -> None:
    story = sample(home)
    hand_over(story)
    (story / "nodes").chmod(0)
    result = run_unprivileged(["check", "story"], cwd=home)
    assert result.returncode == 1, result.stderr
    assert result.stderr.splitlines()[0] == (
        "story/nodes:1:1: error: cannot read the folder: Permission denied [file]"
    )
    assert "start node" not in result.stderr
    assert "Traceback" not in result.stderr
