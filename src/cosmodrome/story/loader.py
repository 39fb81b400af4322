"""A story directory to a checked, immutable `Story`, with every problem reported.

This module is the way in and stays light: an unchanged story comes from the
compiled-story cache, and only a story that must be checked again imports the
YAML reader, the validation (`checker`) and the lint rules.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from cosmodrome.story.collector import collector_paused
from cosmodrome.story.diagnostics import StoryError
from cosmodrome.story.model import Node, Story
from cosmodrome.story.sources import read_sources
from cosmodrome.story.storydir import FACTS, MANIFEST, CheckResult, StoryNotFound

if TYPE_CHECKING:
    from cosmodrome.story.cache import CacheSlot

__all__ = ["FACTS", "MANIFEST", "CheckResult", "StoryNotFound", "check_story", "load_story"]


def check_story(
    directory: str | os.PathLike[str], *, use_cache: bool = True, cache_dir: Path | None = None
) -> CheckResult:
    """Load and check the story in `directory`; raises `StoryNotFound` if there is none.

    With `use_cache`, an unchanged story comes from the compiled-story cache in
    `cache_dir` (default: `locations.cache_dir()`), diagnostics and all.
    """
    base = Path(directory)
    if not base.is_dir():
        raise StoryNotFound(f"{directory}: no such directory")
    if not (base / MANIFEST).is_file():
        raise StoryNotFound(f"{directory}: not a story (it has no {MANIFEST})")
    with collector_paused():  # loading allocates a great many objects and frees few
        return _load(directory, use_cache, cache_dir)


def _load(
    directory: str | os.PathLike[str], use_cache: bool, cache_dir: Path | None
) -> CheckResult:
    sources, fingerprint = read_sources(directory)
    slot = None
    if use_cache:
        from cosmodrome.story.cache import CacheSlot, default_cache_dir

        slot = CacheSlot.for_story(str(directory), fingerprint, cache_dir or default_cache_dir())
        cached = slot.read(str(directory), fingerprint, lambda: _recheck(directory, slot))
        if cached is not None:
            return CheckResult(*cached)
    from cosmodrome.story.checker import check_sources

    result = check_sources(directory, sources, fingerprint)
    if slot is None:
        return result
    slot.write(result.story, result.diagnostics)
    return result


def _recheck(directory: str | os.PathLike[str], slot: CacheSlot) -> Mapping[str, Node] | None:
    """The nodes of the story checked again from its files, the cache slot rewritten."""
    from cosmodrome.story.checker import check_sources

    sources, fingerprint = read_sources(directory)
    result = check_sources(directory, sources, fingerprint)
    slot.write(result.story, result.diagnostics)
    return None if result.story is None else result.story.nodes


def load_story(
    directory: str | os.PathLike[str], *, use_cache: bool = True, cache_dir: Path | None = None
) -> Story:
    """The checked story; raises `StoryError` with every error, `StoryNotFound` if absent."""
    result = check_story(directory, use_cache=use_cache, cache_dir=cache_dir)
    if result.story is None:
        raise StoryError(result.errors)
    return result.story
