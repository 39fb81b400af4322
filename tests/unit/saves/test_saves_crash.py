"""Killing a process at any instant while it saves leaves every slot loadable."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cosmodrome.saves.atomic import TEMP_SUFFIX
from cosmodrome.saves.store import SaveStore
from tests.conftest import REPO
from tests.unit.saves.crash_saver import SLOTS, crash_states
from tests.unit.saves.saves_helpers import sample_story

KILLS = 120
MISSING = "The save was missing; loaded its backup, one save older."


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the saver forks its children")
def test_sigkill_at_random_moments_leaves_every_slot_loadable(tmp_path: Path) -> None:
    story = sample_story()
    expected = [[s.snapshot() for s in state.history()] for state in crash_states(story)]
    saves = tmp_path / "saves"
    saver = subprocess.Popen(
        [sys.executable, "-m", "tests.unit.saves.crash_saver", str(saves)],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert saver.stdin is not None and saver.stdout is not None
    rng = random.Random(20240412)
    store = SaveStore(saves)
    left: set[str] = set()
    try:
        assert saver.stdout.readline().strip() == "ready"
        for _ in range(KILLS):
            saver.stdin.write("go\n")
            saver.stdin.flush()
            child = int(saver.stdout.readline())
            time.sleep(rng.uniform(0, 0.03))
            os.kill(child, signal.SIGKILL)
            saver.stdin.write(f"reap {child}\n")
            saver.stdin.flush()
            assert saver.stdout.readline().strip() == f"killed {signal.SIGKILL}"
            listed = sorted((s.name, s.status) for s in store.slots())
            assert listed == sorted((slot, "ok") for slot in SLOTS)  # no stray or damaged slot
            for slot in SLOTS:
                loaded = store.load(slot, story)
                # Killed between its two renames, a save leaves the previous version as
                # the backup and no slot file; anything else is the slot's own file.
                assert loaded.notes in ((), (MISSING,))
                assert [s.snapshot() for s in loaded.state.history()] in expected
            now = temporaries(saves)
            assert len(now - left) <= 1  # at most the one the killed child was writing
            assert all(f".{child}." in name for name in now - left)
            left = now
    finally:
        saver.stdin.close()
        saver.wait(timeout=10)
        saver.stdout.close()
    SaveStore(saves).save(SLOTS[0], story, crash_states(story)[0], 0.0)
    assert temporaries(saves) == set()  # the next store's first save sweeps the leftovers


def temporaries(saves: Path) -> set[str]:
    """The names of the temporary files in the saves folder."""
    return {p.name for p in saves.iterdir() if p.name.endswith(TEMP_SUFFIX)}
