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

from cosmodrome.saves.store import SaveStore
from tests.conftest import REPO
from tests.unit.saves.crash_saver import SLOTS, crash_states
from tests.unit.saves.saves_helpers import sample_story

KILLS = 120


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
                assert loaded.notes == ()  # the slot's own file, never a fallback
                assert [s.snapshot() for s in loaded.state.history()] in expected
    finally:
        saver.stdin.close()
        saver.wait(timeout=10)
