"""The shipped story travels inside a built wheel and is found from any directory."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO


@pytest.mark.slow
def test_built_wheel_carries_the_story_and_finds_it_from_anywhere(tmp_path: Path) -> None:
    source = tmp_path / "src-copy"
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy2(REPO / name, source / name if source.exists() else _mk(source) / name)
    shutil.copytree(REPO / "src", source / "src", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "story", source / "story")
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(source)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = wheels.glob("cosmodrome-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "cosmodrome/data/story/story.yaml" in names
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(target), sysconfig.get_paths()["purelib"]])
    env.pop("COSMODROME_STORY", None)
    result = subprocess.run(
        [sys.executable, "-m", "cosmodrome", "check"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert str(target) in _which_package(env, elsewhere)


def _mk(path: Path) -> Path:
    path.mkdir(parents=True)
    return path


def _which_package(env: dict[str, str], cwd: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-c", "import cosmodrome.locations as l; print(l.default_story_dir())"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout
