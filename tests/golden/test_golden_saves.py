"""Golden saves: saves made with the stories as shipped keep loading as they change.

Every `tests/golden/<story id>/*.save.json` is loaded against the current story
with that id (a fixture in tests/fixtures/<id>, or the shipped story). A story
edit that would strand a player fails here, with the reason. Regenerate with
`python tests/golden/make_golden.py [STORY_DIR]`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from cosmodrome.engine.game import Game
from cosmodrome.locations import default_story_dir
from cosmodrome.saves.errors import SaveError
from cosmodrome.saves.slots import SLOT_SUFFIX
from cosmodrome.saves.store import SaveStore
from cosmodrome.story.loader import StoryNotFound, load_story
from cosmodrome.story.model import Story
from tests.conftest import FIXTURES, REPO

GOLDEN = Path(__file__).resolve().parent
FILES = sorted(GOLDEN.glob(f"*/*{SLOT_SUFFIX}"))


@cache
def story_with_id(story_id: str) -> Story:
    """The current story that golden saves of `story_id` belong to."""
    for directory in (FIXTURES / story_id, default_story_dir()):
        try:
            story = load_story(directory)
        except StoryNotFound:
            continue
        if story.id == story_id:
            return story
    raise LookupError(f"no story has the id '{story_id}' any more")


@pytest.mark.parametrize("path", FILES, ids=[f"{p.parent.name}/{p.name}" for p in FILES])
def test_golden_save_still_loads(path: Path) -> None:
    where = path.relative_to(REPO)
    try:
        story = story_with_id(path.parent.name)
    except LookupError as exc:
        pytest.fail(f"{where}: {exc}; players' saves of it would be stranded")
    name = path.name.removesuffix(SLOT_SUFFIX)
    try:
        loaded = SaveStore(path.parent).load(name, story)
    except SaveError as exc:
        pytest.fail(f"{where}: a player with this save would be stranded: {exc}")
    game = Game(story)
    for state in loaded.state.history():  # the whole undo history is playable
        game.passage(state)


def test_the_sample_story_has_golden_saves() -> None:
    assert len([p for p in FILES if p.parent.name == "sample"]) >= 5
