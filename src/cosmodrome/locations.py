"""Every path the program reads or writes, with environment overrides for tests."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent.parent  # src/cosmodrome -> the repository, when run from one


def in_checkout() -> bool:
    """Whether the package runs from a source checkout (editable install or `src/`)."""
    return (_CHECKOUT / "pyproject.toml").is_file() and (_CHECKOUT / "src" / "cosmodrome").is_dir()


def default_story_dir() -> Path:
    """The shipped story: `story/` of the checkout, else the copy inside the wheel."""
    override = os.environ.get("COSMODROME_STORY")
    if override:
        return Path(override)
    if in_checkout() and (_CHECKOUT / "story" / "story.yaml").is_file():
        return _CHECKOUT / "story"
    return _PACKAGE / "data" / "story"


def inside_package(path: str | os.PathLike[str]) -> bool:
    """Whether `path` lies inside the installed package (`site-packages/cosmodrome` for a
    wheel): no command may write there."""
    try:
        Path(path).resolve().relative_to(_PACKAGE)
    except ValueError:
        return False
    return True


def saves_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Where saves go: `--saves`, then `COSMODROME_SAVES`, then `saves/` of a checkout,
    then the platform's user data directory."""
    if override:
        return Path(override)
    env = os.environ.get("COSMODROME_SAVES")
    if env:
        return Path(env)
    if in_checkout():
        return _CHECKOUT / "saves"
    from platformdirs import user_data_dir

    return Path(user_data_dir("cosmodrome", appauthor=False)) / "saves"


def cache_dir() -> Path:
    """Where the compiled-story cache lives: never inside a story directory."""
    env = os.environ.get("COSMODROME_CACHE")
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("cosmodrome", appauthor=False))


def config_dir() -> Path:
    """Where the player's settings live: `COSMODROME_CONFIG`, else the platform's user
    config folder (`~/.config/cosmodrome` on Linux)."""
    env = os.environ.get("COSMODROME_CONFIG")
    if env:
        return Path(env)
    from platformdirs import user_config_dir

    return Path(user_config_dir("cosmodrome", appauthor=False))
