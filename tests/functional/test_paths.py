"""`cosmodrome paths` tells a player where their saves and settings are."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_paths_names_the_saves_folder_and_the_settings_file(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "COSMODROME_SAVES": str(tmp_path / "s"),
        "COSMODROME_CONFIG": str(tmp_path / "c"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "cosmodrome", "paths"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    rows = dict(line.split(maxsplit=1) for line in done.stdout.splitlines())
    assert rows["saves"] == str(tmp_path / "s")
    assert rows["settings"] == str(tmp_path / "c" / "settings.json")
    assert set(rows) == {"story", "saves", "settings", "cache"}


def test_play_help_points_at_paths() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "cosmodrome", "play", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "cosmodrome paths" in done.stdout
