"""The choices of the current passage: a list operated by number keys, arrows or mouse."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from cosmodrome.engine import ChoiceView

ENDING_OPTION = "ending"


class ChoiceList(OptionList, inherit_bindings=False):
    """Available choices can be selected; locked ones are shown disabled with their reason.

    Page up / page down are left to the play screen, which scrolls the transcript.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"choice-list--number"}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor_down", "Down", show=False),
        Binding("up", "cursor_up", "Up", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("enter", "select", "Select", show=False),
    ]

    class Chosen(Message):
        """The player picked the choice with stable `key`."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    class EndingSeen(Message):
        """The player asked to see how the story ended."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._laid_out_width = 0

    def on_resize(self, event: events.Resize) -> None:
        # OptionList forgets its rendered options on every resize; a move that changes the
        # number of choices resizes only the height, and the options' lines do not change:
        # forgetting them would cost a second frame per move
        if event.size.width == self._laid_out_width:
            event.prevent_default()  # OptionList's own handler would clear the caches
        self._laid_out_width = event.size.width

    def show_choices(self, choices: Sequence[ChoiceView]) -> None:
        """Replace the options with `choices`, highlighting the first available one."""
        options = []
        number = self.get_visual_style("choice-list--number", partial=True)
        for view in choices:
            if view.available:
                prompt = Content.assemble((f"{view.number}. ", number), view.text)
            else:
                prompt = Content.assemble(
                    f"{view.number}. ", view.text, f"  — locked: {view.reason}"
                )
            options.append(Option(prompt, id=f"choice:{view.key}", disabled=not view.available))
        self.set_options(options)
        self._highlight_first()

    def show_ending(self) -> None:
        """The story has ended: one option leads to the ending screen."""
        self.set_options([Option(Content("See how your story ended  ⏎"), id=ENDING_OPTION)])
        self._highlight_first()

    def _highlight_first(self) -> None:
        for index, option in enumerate(self.options):
            if not option.disabled:
                self.highlighted = index
                return
        self.highlighted = None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        if option_id == ENDING_OPTION:
            self.post_message(self.EndingSeen())
        elif option_id.startswith("choice:"):
            self.post_message(self.Chosen(option_id.removeprefix("choice:")))
