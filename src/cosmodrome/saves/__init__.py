"""The save store: slots, autosave, quicksave and endings, as atomic JSON files.

Uses the engine and the story model; never the UI.
"""

from cosmodrome.saves.atomic import write_atomic
from cosmodrome.saves.errors import SaveError
from cosmodrome.saves.slots import AUTOSAVE, QUICKSAVE, check_slot_name
from cosmodrome.saves.store import LoadedGame, SaveStore, SlotInfo

__all__ = [
    "AUTOSAVE",
    "QUICKSAVE",
    "LoadedGame",
    "SaveError",
    "SaveStore",
    "SlotInfo",
    "check_slot_name",
    "write_atomic",
]
