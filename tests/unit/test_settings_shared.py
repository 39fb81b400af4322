"""Two games sharing one settings file: each writes only what its player changed, over
the file as it is now (read, change, write under the folder's lock)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from cosmodrome.settings import Settings, load_settings, save_settings


def test_a_change_keeps_what_another_game_changed_meanwhile(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    save_settings(path, Settings())
    mine = Settings()  # as this game read them at its start
    other = save_settings(path, replace(Settings(), theme="nord"), before=Settings())
    assert other.theme == "nord"
    written = save_settings(path, replace(mine, confirm_quit=False), before=mine)
    assert (written.theme, written.confirm_quit) == ("nord", False)
    assert load_settings(path)[0] == written


def test_without_before_the_settings_are_written_as_given(tmp_path: Path) -> None:
    path = tmp_path / "config" / "settings.json"
    save_settings(path, replace(Settings(), theme="nord"))
    assert save_settings(path, Settings()) == Settings()
    assert load_settings(path)[0] == Settings()
