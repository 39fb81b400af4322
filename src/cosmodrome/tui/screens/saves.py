"""The save and load screens: the slots of the save store, with their details."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar, Literal

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from cosmodrome.safetext import printable
from cosmodrome.saves.errors import SaveError
from cosmodrome.saves.slots import QUICKSAVE, check_slot_name, is_autosave
from cosmodrome.saves.store import SlotInfo
from cosmodrome.tui.dialogs.confirm import ConfirmDialog
from cosmodrome.tui.dialogs.name_prompt import NamePrompt
from cosmodrome.tui.screens.base import GameScreen
from cosmodrome.wording import sentence, slot_details, when

Mode = Literal["save", "load"]
NEW_SLOT = "+new"


def ordered_slots(slots: list[SlotInfo], mode: Mode) -> list[SlotInfo]:
    """For loading, every game's autosave (newest first), then the quicksave, then the
    newest saves; saving lists no autosave (the games write those themselves)."""

    def key(slot: SlotInfo) -> tuple[int, float, str]:
        stamp = slot.saved_at.timestamp() if slot.saved_at is not None else 0.0
        group = 0 if is_autosave(slot.name) else 1 if slot.name == QUICKSAVE else 2
        return (group, -stamp, slot.name)

    return sorted((s for s in slots if mode == "load" or not is_autosave(s.name)), key=key)


def name_problem(name: str) -> str | None:
    """Why a typed slot name cannot be used, or None."""
    try:
        normal = check_slot_name(name)
    except SaveError as exc:
        return str(exc).capitalize()
    if is_autosave(normal):
        return f"'{normal}' is kept for a game's autosave; choose another name."
    return None


class SlotList(OptionList):
    """The slots, two lines each: the name and when, then the details."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"slot-list--name", "slot-list--problem"}

    def prompt(self, name: str, first: str, second: str, *, problem: bool = False) -> Content:
        name_style = self.get_visual_style("slot-list--name", partial=True)
        second_style = self.get_visual_style("slot-list--problem", partial=True)
        first, second = printable(first), printable(second)  # they quote the save's header
        return Content.assemble(
            (printable(name), name_style),
            f"   {first}\n",
            (f"   {second}", second_style if problem else ""),
        )


class SavesScreen(GameScreen):
    """Pick a slot to save to (or make a new one) or to load; delete one with d."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new_slot", "New save", id="saves.new"),
        Binding("d,delete", "delete", "Delete", id="saves.delete"),
        Binding("escape", "app.pop_screen", "Back", id="saves.back"),
    ]

    class Refused(Message):
        """Slot `name` cannot be loaded into this story, for `reason`."""

        def __init__(self, name: str, reason: str) -> None:
            super().__init__()
            self.name = name
            self.reason = reason

    def __init__(self, mode: Mode) -> None:
        super().__init__(classes=f"-{mode}")
        self.mode: Mode = mode
        self._slots: dict[str, SlotInfo] = {}
        self._refused: dict[str, str] = {}  # slots that are readable but will not load

    def compose(self) -> ComposeResult:
        title = "Save the game" if self.mode == "save" else "Load a game"
        yield Static(title, classes="screen-title")
        yield SlotList(id="slots")
        yield Static("", id="slots-note")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_slots()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "new_slot":
            return self.mode == "save"
        return True

    def refresh_slots(self) -> None:
        """Read the store again and list its slots."""
        slots = ordered_slots(self.session.slots(), self.mode)
        self._slots = {slot.name: slot for slot in slots}
        options: list[Option | None] = []
        if self.mode == "save":
            options.append(Option(Content("+ New save…"), id=NEW_SLOT))
        now = self.game_app.now()
        for slot in slots:
            if options:
                options.append(None)  # a separator line between slots
            options.append(Option(self._prompt(slot, now), id=f"slot:{slot.name}"))
        listing = self.query_one("#slots", OptionList)
        listing.set_options(options)
        listing.highlighted = 0 if options else None
        listing.focus()
        note = ""
        if not slots:
            note = "No saves yet." if self.mode == "load" else ""
        self.query_one("#slots-note", Static).update(note)
        if self.mode == "load":
            busy = [s.name for s in slots if self.session.store.autosaves.busy(s.name)]
            for name in busy:
                self._mark_refused(name, "▶ being played in another window", "")
            self._try_loading([s.name for s in slots if s.status == "ok" and s.name not in busy])

    @work(thread=True, exclusive=True, group="try-loading")
    def _try_loading(self, names: list[str]) -> None:
        """Load each slot off-screen, so one that this story can no longer use says why
        before the player picks it (a changed story, another story's save)."""
        store, story = self.session.store, self.session.story
        for name in names:
            try:
                store.load(name, story)
            except SaveError as exc:
                self.post_message(self.Refused(name, str(exc)))

    def on_saves_screen_refused(self, message: SavesScreen.Refused) -> None:
        self._mark_refused(message.name, "✗ cannot be loaded", message.reason)

    def _mark_refused(self, name: str, headline: str, reason: str) -> None:
        """Show why slot `name` cannot be loaded now, and refuse it when picked."""
        slot = self._slots.get(name)
        if slot is None:
            return
        from cosmodrome.saves.autosaves import in_use_message

        self._refused[slot.name] = reason or in_use_message(slot.name)
        listing = self.query_one(SlotList)
        details = reason or slot_details(slot, self.session.story)
        prompt = listing.prompt(slot.name, headline, details, problem=True)
        listing.replace_option_prompt(f"slot:{slot.name}", prompt)

    def _prompt(self, slot: SlotInfo, now: datetime) -> Content:
        ok = slot.status == "ok"
        stamp = when(slot.saved_at, now) if ok else "✗ damaged"
        details = slot_details(slot, self.session.story)
        return self.query_one(SlotList).prompt(slot.name, stamp, details, problem=not ok)

    def _highlighted_slot(self) -> SlotInfo | None:
        option = self.query_one("#slots", OptionList).highlighted_option
        if option is None or not (option.id or "").startswith("slot:"):
            return None
        return self._slots.get((option.id or "").removeprefix("slot:"))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        if option_id == NEW_SLOT:
            self.action_new_slot()
            return
        slot = self._slots.get(option_id.removeprefix("slot:"))
        if slot is None:
            return
        if self.mode == "save":
            self._confirm_overwrite(slot.name)
        elif slot.status != "ok":
            self.game_app.say(f"'{slot.name}' cannot be loaded: {slot.problem}", "error")
        elif slot.name in self._refused:
            self.game_app.say(sentence(self._refused[slot.name]), "error")
        else:
            self.game_app.save_slots.load(slot.name)

    def action_new_slot(self) -> None:
        def chosen(name: str | None) -> None:
            if name is None:
                return
            normal = check_slot_name(name)
            if normal in self._slots:
                self._confirm_overwrite(normal)
            else:
                self._save(normal)

        prompt = NamePrompt(
            "Name the new save:", check=name_problem, placeholder="e.g. before the gate"
        )
        self.app.push_screen(prompt, chosen)

    def _confirm_overwrite(self, name: str) -> None:
        def answered(yes: bool | None) -> None:
            if yes:
                self._save(name)

        question = f"Overwrite the save '{name}' with the game in progress?"
        self.app.push_screen(ConfirmDialog(question, yes="Overwrite", no="Cancel"), answered)

    def _save(self, name: str) -> None:
        if self.game_app.save_slots.save(name):
            self.app.pop_screen()
        else:
            self.refresh_slots()

    def action_delete(self) -> None:
        slot = self._highlighted_slot()
        if slot is None:
            return

        def answered(yes: bool | None) -> None:
            if yes and self.game_app.save_slots.delete(slot.name):
                self.refresh_slots()

        question = f"Delete the save '{slot.name}'? This cannot be undone."
        self.app.push_screen(ConfirmDialog(question, yes="Delete", no="Keep"), answered)
