"""Shared fixtures: paths to the story fixtures and a saves directory per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

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
