"""The settings file: defaults, bad files and values, a round trip."""

from __future__ import annotations

import json
from pathlib import Path

from cosmodrome.settings import (
    Settings,
    load_settings,
    parse_settings,
    save_settings,
    with_reveal,
)


def test_no_file_gives_the_defaults_quietly(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "settings.json") == (Settings(), [])


def test_a_round_trip_keeps_every_setting(tmp_path: Path) -> None:
    chosen = Settings(theme="nord", text_reveal="typewriter", confirm_quit=False)
    save_settings(tmp_path / "deep" / "settings.json", chosen)
    assert load_settings(tmp_path / "deep" / "settings.json") == (chosen, [])


def test_malformed_json_gives_defaults_and_says_why(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{ nope", encoding="utf-8")
    settings, problems = load_settings(path)
    assert settings == Settings()
    assert len(problems) == 1
    assert "not valid JSON" in problems[0]


def test_undecodable_bytes_give_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(b"\xff\xfe\x00garbage")
    settings, problems = load_settings(path)
    assert settings == Settings()
    assert problems


def test_a_folder_in_place_of_the_file_gives_defaults(tmp_path: Path) -> None:
    (tmp_path / "settings.json").mkdir()
    settings, problems = load_settings(tmp_path / "settings.json")
    assert settings == Settings()
    assert problems


def test_each_bad_value_falls_back_alone() -> None:
    raw = {"theme": 42, "text_reveal": "typewriter", "confirm_quit": "yes", "future": 1}
    settings, problems = parse_settings(raw)
    assert settings == Settings(text_reveal="typewriter")
    assert len(problems) == 2
    assert any("'theme'" in p for p in problems)
    assert any("'confirm_quit'" in p for p in problems)


def test_a_json_list_is_not_settings() -> None:
    settings, problems = parse_settings([1, 2])
    assert settings == Settings()
    assert problems


def test_an_unknown_reveal_leaves_settings_unchanged() -> None:
    assert with_reveal(Settings(), "slow-motion") == Settings()
    assert with_reveal(Settings(), "typewriter").text_reveal == "typewriter"


def test_the_file_is_plain_sorted_json(tmp_path: Path) -> None:
    save_settings(tmp_path / "settings.json", Settings())
    text = (tmp_path / "settings.json").read_text(encoding="utf-8")
    assert list(json.loads(text)) == ["confirm_quit", "text_reveal", "theme"]
