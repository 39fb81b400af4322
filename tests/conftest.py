"""Shared fixtures: paths to the story fixtures, a saves directory per test, and nothing
written into the checkout."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis.configuration import set_hypothesis_home_dir

TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "fixtures"
REPO = TESTS.parent


@pytest.fixture(autouse=True)
def _isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """No test writes to the repository's saves/, the user's settings or the user's cache."""
    monkeypatch.setenv("COSMODROME_SAVES", str(tmp_path_factory.mktemp("saves")))
    monkeypatch.setenv("COSMODROME_CONFIG", str(tmp_path_factory.mktemp("config")))
    monkeypatch.setenv("COSMODROME_CACHE", str(tmp_path_factory.mktemp("cache")))
    yield


def pytest_configure(config: pytest.Config) -> None:
    """Hypothesis keeps its examples and the constants it reads from our modules (at
    collection) in `.hypothesis/` of the current directory: here, in a folder of this run
    (each xdist worker its own), removed at its end. A failure prints its example."""
    folder = Path(tempfile.mkdtemp(prefix="cosmodrome-hypothesis-"))
    set_hypothesis_home_dir(folder)
    config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))
