"""The choices of the current passage: Textual's `OptionList`, each option labelled with
the key that takes it, wrapped with a hanging indent."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from cosmodrome.engine.passages import ChoiceView
from cosmodrome.safetext import printable
from cosmodrome.tui.widgets.hanging import Hanging

ENDING_OPTION = "ending"
# the keys of the 1st, 2nd, ... choice: the digits (`0` the 10th), then letters that no
# key of the play screen uses (u s l a m t e o are its commands; n and q are kept clear
# because the title and ending screens use them)
CHOICE_KEYS = (*"1234567890", *"bcdfghijkprvwxyz")


def choice_key(number: int) -> str | None:
    """The key that takes the `number`-th choice (1-based); None past the last key."""
    return CHOICE_KEYS[number - 1] if 1 <= number <= len(CHOICE_KEYS) else None


def hanging(label: str, text: str, more: str | None = None, more_style: str = "") -> Hanging:
    """`label` (bold) then `text`, its wrapped lines (and `more`, on a line of its own)
    under the text's first letter, not under the label: a hanging indent."""
    body = Content(text)
    if more is not None:
        body = Content.assemble(body, "\n", (more, more_style))
    return Hanging(Content(label).stylize("bold"), body)


def choice_prompt(view: ChoiceView) -> Hanging:
    """One choice as the list shows it: its key, its text and, when locked, why."""
    key = choice_key(view.number)
    label = f"{key}." if key is not None else "·"
    if view.available:
        return hanging(label, printable(view.text))
    return hanging(label, printable(view.text), printable(f"locked: {view.reason}"), "italic")


def choice_text(view: ChoiceView) -> str:
    """One choice as plain text: "1. Go on", or "2. Go back — locked: the door is shut"."""
    key = choice_key(view.number)
    text = f"{key or '·'}. {printable(view.text)}"
    return text if view.available else f"{text} — locked: {printable(view.reason or '')}"


class ChoiceList(OptionList):
    """Available choices can be taken (by key, Enter or click); locked ones are shown
    disabled with their reason. Page keys are the play screen's: they scroll the story."""

    def __init__(self, *, id: str | None = None, compact: bool = False) -> None:
        super().__init__(id=id, compact=compact)
        self.prompts: list[str] = []  # what each option says, as plain text

    def show_choices(self, choices: Sequence[ChoiceView]) -> None:
        """Replace the options with `choices`, highlighting the first available one."""
        options = [
            Option(choice_prompt(view), id=f"choice:{view.key}", disabled=not view.available)
            for view in choices
        ]
        self.replace_options(options, [choice_text(view) for view in choices])

    def show_ending(self) -> None:
        """The story has ended: one option leads to the ending screen."""
        ending = Option(hanging("⏎", "See how your story ended"), id=ENDING_OPTION)
        self.replace_options([ending], ["See how your story ended"])

    def replace_options(self, options: list[Option], prompts: list[str]) -> None:
        """Show `options` (saying `prompts`), the first that can be taken highlighted."""
        self.prompts = prompts
        self.set_options(options)
        self.highlighted = next((i for i, o in enumerate(options) if not o.disabled), None)

    def chosen_key(self, option: Option) -> str | None:
        """The stable key of the choice `option` stands for (None: the ending's option)."""
        option_id = option.id or ""
        return option_id.removeprefix("choice:") if option_id.startswith("choice:") else None

    def action_cursor_down(self) -> None:
        super().action_cursor_down()
        self.scroll_visible(animate=False)  # the column scrolls, not the list: keep it in view

    def action_cursor_up(self) -> None:
        super().action_cursor_up()
        self.scroll_visible(animate=False)
