"""Files that are not regular files, or are endless (issue 13, class 4): a FIFO, a
device, a directory, a symlink to one, or a file past its cap, wherever the program
expects a story file, a cache entry, a settings file, the endings record or a `--replay`
file. Each is refused with a clear message (or, for a cache entry, ignored), never a
hang: every run is bounded by a timeout, which fails the test."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from cosmodrome.regular_files import UnreadableFile, parse_json, read_regular
from cosmodrome.saves.endings import ENDINGS_FILE, read_endings
from cosmodrome.saves.errors import SaveError
from cosmodrome.settings import Settings, load_settings
from tests.conftest import FIXTURES
from tests.functional.cli_runner import run_cosmodrome


def fifo(path: Path) -> None:
    os.mkfifo(path)


def endless(path: Path) -> None:
    path.symlink_to("/dev/zero")


def directory(path: Path) -> None:
    path.mkdir()


def huge(path: Path) -> None:
    with path.open("wb") as handle:  # sparse: takes no disk
        handle.truncate(300 * 1024 * 1024)


PLANTS: dict[str, Callable[[Path], None]] = {
    "a FIFO": fifo,
    "a symlink to /dev/zero": endless,
    "a directory": directory,
    "a 300 MB file": huge,
}


def plant(path: Path, kind: str) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)
    PLANTS[kind](path)


@pytest.mark.parametrize("kind", PLANTS)
def test_a_story_file_that_is_not_a_regular_file_is_one_diagnostic(
    kind: str, tmp_path: Path
) -> None:
    story = tmp_path / "story"
    shutil.copytree(FIXTURES / "sample", story)
    plant(story / "nodes" / "planted.yaml", kind)
    result = run_cosmodrome(["check", str(story)], cwd=tmp_path, timeout=60)
    assert "Traceback" not in result.stdout + result.stderr
    lines = [line for line in result.stderr.splitlines() if "planted.yaml" in line]
    if kind == "a directory":  # a folder named like a file is a folder of the story
        assert (result.returncode, lines) == (0, [])
        return
    assert result.returncode == 1
    [line] = lines
    refusals = ("not a regular file", "larger than 16 MB", "outside the story folder")
    assert any(refusal in line for refusal in refusals), line


@pytest.mark.parametrize("kind", PLANTS)
def test_a_cache_entry_that_is_not_a_regular_file_is_a_miss(kind: str, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    env = {"COSMODROME_CACHE": str(cache)}
    story = str(FIXTURES / "sample")
    assert run_cosmodrome(["check", story], cwd=tmp_path, env=env).returncode == 0
    [entry] = list(cache.rglob("*.json"))
    plant(entry, kind)
    again = run_cosmodrome(["check", story], cwd=tmp_path, env=env, timeout=60)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "Traceback" not in again.stdout + again.stderr


@pytest.mark.parametrize("kind", PLANTS)
def test_a_replay_file_that_is_not_a_regular_file_is_refused(kind: str, tmp_path: Path) -> None:
    planted = tmp_path / "golden.json"
    plant(planted, kind)
    result = run_cosmodrome(
        ["test", str(FIXTURES / "sample"), "--replay", str(planted)], cwd=tmp_path, timeout=60
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stdout + result.stderr
    assert f"cannot read {planted}" in result.stderr


@pytest.mark.parametrize("kind", PLANTS)
def test_a_settings_file_that_is_not_a_regular_file_gives_the_defaults(
    kind: str, tmp_path: Path
) -> None:
    path = tmp_path / "settings.json"
    plant(path, kind)
    settings, problems = load_settings(path)
    assert settings == Settings()
    [problem] = problems
    assert "using the defaults" in problem


@pytest.mark.parametrize("kind", PLANTS)
def test_an_endings_record_that_is_not_a_regular_file_is_refused(kind: str, tmp_path: Path) -> None:
    path = tmp_path / ENDINGS_FILE
    plant(path, kind)
    with pytest.raises(SaveError, match=ENDINGS_FILE):
        read_endings(path)


def test_a_file_that_grows_past_its_cap_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"x" * 10)
    assert read_regular(path, 10) == b"x" * 10
    with pytest.raises(UnreadableFile, match="too large"):
        read_regular(path, 9)


@pytest.mark.parametrize("data", [b"[" * 100_000, b'{"a":' * 100_000, b"\xff\xfe{}"])
def test_json_nested_past_the_bound_or_not_utf8_is_a_value_error(data: bytes) -> None:
    with pytest.raises(ValueError, match=r"nested too deeply|not UTF-8|Expecting"):
        parse_json(data)


def test_the_game_starts_beside_an_endless_endings_record_and_settings_file(
    tmp_path: Path,
) -> None:
    saves, config = tmp_path / "saves", tmp_path / "config"
    saves.mkdir()
    config.mkdir()
    endless(saves / ENDINGS_FILE)
    fifo(config / "settings.json")
    env = {"COSMODROME_SAVES": str(saves), "COSMODROME_CONFIG": str(config)}
    result = run_cosmodrome(
        ["play", "--plain", "--story", str(FIXTURES / "sample")],
        stdin="2\n3\n",
        cwd=tmp_path,
        env=env,
        timeout=60,
    )
    assert "Traceback" not in result.stdout + result.stderr
    assert "— The end: The road home" in result.stdout
