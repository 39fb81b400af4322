"""Make the golden saves of a story: seeded routes through it, each saved as a slot.

    python tests/golden/make_golden.py [STORY_DIR] [--routes N] [--out DIR] [--clean]
                                       [--name NAME]

Run from anywhere; STORY_DIR defaults to the shipped story. The saves go to
`<out>/<story id>/route-<n>.save.json` (default out: tests/golden), where
`test_golden_saves.py` loads every one against the current story, so an edit
that would strand a player who saved on one of these routes fails CI. Run it
when a story is first shipped, or to adopt saves of its new version (the old
ones are replaced; `--clean` also removes routes no longer made). `--name` saves
them as `<name>-<n>` instead, to add a new version's saves beside the old ones.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from datetime import UTC, datetime
from pathlib import Path

from cosmodrome.engine.game import Game
from cosmodrome.engine.state import GameState
from cosmodrome.locations import default_story_dir
from cosmodrome.saves.slots import SLOT_SUFFIX
from cosmodrome.saves.store import SaveStore
from cosmodrome.story.loader import load_story
from cosmodrome.story.model import Story

REPO = Path(__file__).resolve().parents[2]
LENGTHS = (0, 3, 8, 20, 50, 120)  # route n aims for LENGTHS[n % 6] choices
SAVED_AT = datetime(2025, 1, 1, tzinfo=UTC)  # fixed, so unchanged routes give unchanged files


def route(story: Story, seed: int, length: int) -> GameState:
    """A seeded walk of about `length` choices; it ends early only at an ending, and
    takes an ending before then only now and again."""
    game = Game(story)
    rng = random.Random(seed)
    state = game.start()
    while state.steps < length and not state.ended:
        available = [v for v in game.choices(state) if v.available]
        if not available:
            break
        onward = [v for v in available if story.nodes[v.choice.goto].ending is None]
        pool = onward if onward and rng.random() > 0.05 else available
        state = game.take(state, rng.choice(pool).key)
    return state


def make_golden(
    story: Story, out: Path, routes: int, clean: bool, prefix: str = "route"
) -> list[Path]:
    """Play and save the routes; returns the files written."""
    folder = out / story.id
    if clean and folder.is_dir():
        for old in folder.glob(f"*{SLOT_SUFFIX}"):
            old.unlink()
    store = SaveStore(folder, clock=lambda: SAVED_AT)
    written = []
    for number in range(1, routes + 1):
        state = route(story, seed=number, length=LENGTHS[number % len(LENGTHS)])
        name = f"{prefix}-{number}"
        path = folder / f"{name}{SLOT_SUFFIX}"
        path.unlink(missing_ok=True)  # no backup of a golden save
        store.save(name, story, state, play_seconds=20.0 * state.steps)
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("story", nargs="?", help="the story folder (default: the shipped story)")
    parser.add_argument("--routes", type=int, default=6, help="how many routes (default 6)")
    parser.add_argument("--out", default=str(REPO / "tests" / "golden"), help="where to write")
    parser.add_argument("--clean", action="store_true", help="remove the story's old saves first")
    parser.add_argument("--name", default="route", help="the saves' name before -N (default route)")
    args = parser.parse_args(argv)
    directory = Path(args.story).resolve() if args.story else default_story_dir().resolve()
    out = Path(args.out).resolve()
    os.chdir(REPO)  # the story is named relative to the checkout, as the tests name it
    story_dir = directory.relative_to(REPO) if directory.is_relative_to(REPO) else directory
    story = load_story(story_dir)
    for path in make_golden(story, out, args.routes, args.clean, args.name):
        print(path.relative_to(out) if path.is_relative_to(out) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
