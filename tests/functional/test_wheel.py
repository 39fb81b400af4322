"""A release built as one is (`python -m build`: the sdist, then the wheel from the sdist)
carries the shipped story, and the installed game plays it from any directory."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

from cosmodrome.story.loader import load_story
from tests.conftest import REPO

# what `python -m build` reads; copied so that the build leaves nothing in the checkout
SOURCES = ("pyproject.toml", "setup.py", "README.md", "LICENSE", "MANIFEST.in")
NOT_SOURCES = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The sdist and the wheel `python -m build` makes of a copy of the checkout."""
    source = tmp_path_factory.mktemp("source")
    for name in SOURCES:
        shutil.copy2(REPO / name, source / name)
    shutil.copytree(REPO / "src", source / "src", ignore=NOT_SOURCES)
    shutil.copytree(REPO / "story", source / "story", ignore=NOT_SOURCES)
    dist = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(dist), str(source)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    (sdist,) = dist.glob("cosmodrome-*.tar.gz")
    (wheel,) = dist.glob("cosmodrome-*.whl")
    return sdist, wheel


@pytest.mark.slow
def test_the_sdist_carries_the_story_and_the_licence(built: tuple[Path, Path]) -> None:
    sdist, _ = built
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[-1] for name in archive.getnames()}
    assert {"story/story.yaml", "story/facts.yaml", "LICENSE", "MANIFEST.in"} <= names


@pytest.mark.slow
def test_the_wheel_built_from_the_sdist_carries_the_story(built: tuple[Path, Path]) -> None:
    _, wheel = built
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    assert "cosmodrome/data/story/story.yaml" in names
    assert "cosmodrome/web/templates/app_index.html" in names  # `cosmodrome serve`'s page
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)
    shipped = {n.removeprefix("cosmodrome/data/story/") for n in names if "/data/story/" in n}
    in_checkout = {
        p.relative_to(REPO / "story").as_posix()
        for p in (REPO / "story").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert shipped == in_checkout


@pytest.mark.slow
def test_the_installed_wheel_plays_the_shipped_story_from_anywhere(
    built: tuple[Path, Path], tmp_path: Path
) -> None:
    _, wheel = built
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site), wheel],
        check=True,
        capture_output=True,
        timeout=300,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(site), sysconfig.get_paths()["purelib"]])
    env.pop("COSMODROME_STORY", None)
    where = subprocess.run(
        [sys.executable, "-c", "import cosmodrome.locations as l; print(l.default_story_dir())"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.strip() == str(site / "cosmodrome" / "data" / "story")
    played = subprocess.run(
        [sys.executable, "-m", "cosmodrome", "play", "--plain"],
        cwd=elsewhere,
        env=env,
        input="1\nquit\n",
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert played.returncode == 0, played.stderr
    story = load_story(REPO / "story")
    first = story.nodes[story.start].title
    assert first is not None
    assert f"## {first.render({})}" in played.stdout
