"""Every command finds the story the author stands in (the nearest story.yaml up the
tree), names it the same way everywhere, and never writes into the installed game."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.functional.cli_runner import run_cosmodrome

TITLE = "Copied Mini"


@pytest.fixture
def story(tmp_path: Path) -> Path:
    """A copy of the mini story with its own title, so output shows which story ran."""
    folder = tmp_path / "my-story"
    shutil.copytree(FIXTURES / "mini", folder)
    manifest = folder / "story.yaml"
    manifest.write_text(
        manifest.read_text("utf-8").replace('title: "Mini"', f'title: "{TITLE}"'), "utf-8"
    )
    return folder


@pytest.mark.parametrize("where", [".", "nodes"])
def test_every_command_run_bare_inside_a_story_uses_that_story(story: Path, where: str) -> None:
    cwd = story / where
    check = run_cosmodrome(["check", "--strict"], cwd=cwd)
    assert check.returncode == 0, check.stderr
    assert check.stderr.startswith(f"{TITLE}: 2 nodes")
    stats = run_cosmodrome(["check", "--stats", "--format", "json"], cwd=cwd)
    assert json.loads(stats.stdout)["stats"]["nodes"] == 2
    test = run_cosmodrome(["test", "--runs", "5"], cwd=cwd)
    assert f"Random test of '{TITLE}'" in test.stdout
    graph = run_cosmodrome(["graph"], cwd=cwd)
    assert graph.stdout.startswith(f'digraph "{TITLE}"')
    paths = run_cosmodrome(["paths"], cwd=cwd)
    assert f"story     {story.resolve()}" in paths.stdout.splitlines()
    play = run_cosmodrome(["play", "--plain"], stdin="1\n", cwd=cwd)
    assert "The end" in play.stdout, play.stderr
    bare = run_cosmodrome([], stdin="1\n", cwd=cwd)
    assert "The end" in bare.stdout, bare.stderr
    new = run_cosmodrome(["new", "node", "side-door"], cwd=cwd)
    assert new.returncode == 0, new.stderr
    assert "side-door:" in (story / "nodes" / "new.yaml").read_text("utf-8")


def test_a_positional_folder_and_story_option_name_the_same_story(
    story: Path, tmp_path: Path
) -> None:
    for command in (["check"], ["test", "--runs", "3"], ["graph"], ["play", "--plain"]):
        by_position = run_cosmodrome([*command, str(story)], stdin="1\n", cwd=tmp_path)
        by_option = run_cosmodrome([*command, "--story", str(story)], stdin="1\n", cwd=tmp_path)
        assert by_position.returncode == by_option.returncode == 0, by_option.stderr
        assert by_position.stdout == by_option.stdout


def test_two_different_stories_named_at_once_is_a_usage_error(story: Path, tmp_path: Path) -> None:
    result = run_cosmodrome(["check", str(FIXTURES / "mini"), "--story", str(story)])
    assert result.returncode == 2
    assert "two stories named" in result.stderr


def test_new_node_outside_any_story_refuses_and_writes_nothing(tmp_path: Path) -> None:
    before = sorted(tmp_path.rglob("*"))
    result = run_cosmodrome(["new", "node", "stray"], cwd=tmp_path, env={"COSMODROME_STORY": ""})
    assert result.returncode == 2
    assert "not inside a story" in result.stderr
    assert sorted(tmp_path.rglob("*")) == before


def test_new_node_refuses_the_installed_games_own_story(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from cosmodrome import locations
    from cosmodrome.cli import main

    package = tmp_path / "site-packages" / "cosmodrome"
    shutil.copytree(FIXTURES / "mini", package / "data" / "story")
    monkeypatch.setattr(locations, "_PACKAGE", package)
    before = sorted((package / "data" / "story").rglob("*"))
    monkeypatch.chdir(package / "data" / "story")  # standing in it, as in a wheel's folder
    assert main(["new", "node", "stray"]) == 2
    assert "installed game's own story" in capsys.readouterr().err
    assert sorted((package / "data" / "story").rglob("*")) == before


def test_new_story_checks_clean_and_plays_to_an_ending(tmp_path: Path) -> None:
    made = run_cosmodrome(["new", "story", "tale"], cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    folder = tmp_path / "tale"
    check = run_cosmodrome(["check", "--strict"], cwd=folder)
    assert check.returncode == 0, check.stderr
    assert check.stderr.rstrip().endswith("0 errors, 0 warnings")
    play = run_cosmodrome(["play", "--plain"], stdin="1\n1\n", cwd=folder)
    assert "— The end: Bold" in play.stdout, play.stderr
    schema = run_cosmodrome(["schema", "--check", "schema"], cwd=folder)
    assert schema.returncode == 0, schema.stdout


def test_new_story_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "notes.txt").write_text("mine", "utf-8")
    result = run_cosmodrome(["new", "story", "taken"], cwd=tmp_path)
    assert result.returncode == 2
    assert sorted(p.name for p in (tmp_path / "taken").iterdir()) == ["notes.txt"]


def test_new_story_from_the_shipped_one_is_a_copy_that_checks_clean(tmp_path: Path) -> None:
    made = run_cosmodrome(["new", "story", "fork", "--from-shipped"], cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "fork" / "README.md").is_file()
    check = run_cosmodrome(["check", "--strict"], cwd=tmp_path / "fork")
    assert check.returncode == 0, check.stderr
