"""The settings file lives in the platform's config folder; an old one in the saves
folder is moved there once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from platformdirs import user_config_dir

from cosmodrome.locations import config_dir
from cosmodrome.settings import Settings, load_settings, save_settings, settings_path


def test_tests_keep_settings_in_their_own_folder() -> None:
    assert settings_path() == Path(os.environ["COSMODROME_CONFIG"]) / "settings.json"


def test_without_the_override_settings_go_to_the_platform_config_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("COSMODROME_CONFIG")
    assert config_dir() == Path(user_config_dir("cosmodrome", appauthor=False))
    assert settings_path() == config_dir() / "settings.json"


def test_settings_left_in_the_saves_folder_move_to_the_config_folder(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    chosen = Settings(theme="nord", text_reveal="typewriter", confirm_quit=False)
    save_settings(saves / "settings.json", chosen)
    path = settings_path(saves)
    assert path == settings_path()
    assert load_settings(path) == (chosen, [])
    assert not (saves / "settings.json").exists()
    assert settings_path(saves) == path  # once moved, nothing more to do


def test_settings_already_in_the_config_folder_win_over_an_old_file(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    save_settings(saves / "settings.json", Settings(theme="old"))
    save_settings(settings_path(), Settings(theme="new"))
    assert load_settings(settings_path(saves))[0].theme == "new"
    assert (saves / "settings.json").is_file()  # left alone: it is no longer read


def test_an_old_file_that_cannot_move_is_still_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saves = tmp_path / "saves"
    save_settings(saves / "settings.json", Settings(theme="kept"))
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("COSMODROME_CONFIG", str(blocked))
    assert settings_path(saves) == saves / "settings.json"
