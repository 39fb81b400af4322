"""A process that saves in a loop until it is killed, for the crash test.

Run as `python -m tests.unit.saves.crash_saver SAVES_DIR`. It saves every slot
once, prints `ready`, then serves lines on stdin: `go` forks a child that saves
forever (its pid is printed), `reap PID` waits for that child and prints how it
ended (`killed N` or `exited N`). Forking keeps each child's start-up instant.
"""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path

from cosmodrome.engine.state import GameState
from cosmodrome.saves.slots import AUTOSAVE, QUICKSAVE
from cosmodrome.saves.store import SaveStore
from cosmodrome.story.model import Story
from tests.unit.saves.saves_helpers import sample_story, wander

SLOTS = (AUTOSAVE, QUICKSAVE, "named slot")


def crash_states(story: Story) -> list[GameState]:
    """Games of very different sizes, so that writes take different times."""
    return [wander(story, n, seed) for n, seed in ((0, 1), (5, 2), (60, 3), (150, 4))]


def save_forever(store: SaveStore, story: Story, states: list[GameState]) -> None:
    turn = 0
    while True:
        store.save(SLOTS[turn % len(SLOTS)], story, states[turn % len(states)], float(turn))
        turn += 1


def main() -> None:
    store = SaveStore(Path(sys.argv[1]))
    story = sample_story()
    states = crash_states(story)
    for slot in SLOTS:
        store.save(slot, story, states[0], 0.0)
    print("ready", flush=True)
    for line in sys.stdin:
        command, _, arg = line.strip().partition(" ")
        if command == "go":
            pid = os.fork()
            if pid == 0:
                try:
                    save_forever(store, story, states)
                except BaseException:
                    traceback.print_exc()
                    os._exit(3)
            print(pid, flush=True)
        elif command == "reap":
            _, status = os.waitpid(int(arg), 0)
            if os.WIFSIGNALED(status):
                print(f"killed {os.WTERMSIG(status)}", flush=True)
            else:
                print(f"exited {os.waitstatus_to_exitcode(status)}", flush=True)


if __name__ == "__main__":
    main()
