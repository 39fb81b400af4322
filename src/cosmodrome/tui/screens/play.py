"""The play screen: status line, the story column (passages, then choices), a message
line, and the keys."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, OptionList

from cosmodrome.engine.explain import inspect_state
from cosmodrome.session import Session
from cosmodrome.tui.screens.base import GameScreen
from cosmodrome.tui.widgets.choices import CHOICE_KEYS, ChoiceList
from cosmodrome.tui.widgets.inspector import Inspector
from cosmodrome.tui.widgets.notes import NoteLine
from cosmodrome.tui.widgets.problems import StoryProblems
from cosmodrome.tui.widgets.status import StatusLine
from cosmodrome.tui.widgets.transcript import Transcript

CHOOSE = Binding.Group("Choose")
# the keys shown for choosing: 1-9 always, 0 from ten choices, the letters from eleven
SHOWN_CHOICE_KEYS = {"1": "1-9", "0": "0", CHOICE_KEYS[10]: f"{CHOICE_KEYS[10]}…"}


def shown_choice_keys(count: int) -> tuple[bool, ...]:
    """Which of the key bar's choice keys show with `count` choices: a new count rebuilds
    the key bar only when this changes (a key that takes no choice is refused anyway)."""
    return tuple(count >= CHOICE_KEYS.index(key) + 1 for key in SHOWN_CHOICE_KEYS)


def choice_bindings() -> list[BindingType]:
    """A key for every choice the list can number (see `CHOICE_KEYS`)."""
    bindings: list[BindingType] = []
    for number, key in enumerate(CHOICE_KEYS, 1):
        shown = SHOWN_CHOICE_KEYS.get(key)
        bindings.append(
            Binding(
                key,
                f"choose({number})",
                "Choose",
                show=shown is not None,
                key_display=shown,
                group=CHOOSE,
                id=f"play.choose-{number}",
            )
        )
    return bindings


# keys for authors, which work only under `cosmodrome play --watch`
AUTHORING_BINDINGS: list[BindingType] = [
    # not on the key bar: it would push Quit and Help off an 80-column one
    Binding("f12", "app.toggle_inspector", "Inspector", show=False, id="play.inspector"),
]


class PlayScreen(GameScreen):
    """Reading and choosing. Every key here calls an action of the app; the page keys and
    Space scroll the story whatever has focus."""

    AUTO_FOCUS = ""  # the choices are focused without scrolling the view to them
    BINDINGS: ClassVar[list[BindingType]] = [
        *choice_bindings(),
        Binding("u,ctrl+z", "app.undo", "Undo", id="play.undo"),
        Binding("s", "app.save", "Save", id="play.save"),
        Binding("l", "app.load", "Load", show=False, id="play.load"),
        Binding("a", "app.archive", "Archive", id="play.archive"),
        Binding("m", "app.map", "Map", id="play.map"),
        Binding("t", "app.timeline", "Timeline", id="play.timeline"),
        Binding("f5", "app.quicksave", "Quicksave", show=False, id="play.quicksave"),
        Binding("f9", "app.quickload", "Quickload", show=False, id="play.quickload"),
        Binding("e", "app.export", "Export transcript", show=False, id="play.export"),
        Binding("o", "app.settings", "Settings", show=False, id="play.settings"),
        Binding("escape", "app.title", "Title menu", show=False, id="play.menu"),
        Binding("pageup", "page(-1)", "Scroll up", show=False, priority=True, id="play.pageup"),
        Binding(
            "pagedown,space", "page(1)", "Read on", show=False, priority=True, id="play.pagedown"
        ),
        *AUTHORING_BINDINGS,
    ]

    def __init__(self) -> None:
        super().__init__()
        self._ready = False
        self._pending: tuple[Session, bool] | None = None  # a state to draw once mounted
        self._inspector_panel: Inspector | None = None  # only under `play --watch`
        self._choices = 0  # how many choices the passage shown offers (0 at an ending)
        self._said_away: tuple[str, str] | None = None  # said while another screen showed

    def compose(self) -> ComposeResult:
        watching = self.game_app.story_reload.watching  # the author's panels: `play --watch`
        yield StatusLine(id="status")
        with Horizontal(id="play-body"):
            with Vertical(id="play-main"):
                yield Transcript(ChoiceList(id="choices", compact=True), id="transcript")
                if watching:
                    yield StoryProblems(id="story-problems")
                yield NoteLine(id="note")
            if watching:
                self._inspector_panel = Inspector(id="inspector")
                yield self._inspector_panel
        yield Footer(show_command_palette=False)

    @property
    def transcript(self) -> Transcript:
        """The story column."""
        return self.query_one(Transcript)

    def show_state(self, session: Session, *, typewriter: bool) -> None:
        """Draw the session's current state; `typewriter` types out a new passage."""
        if not self._ready:
            self._pending = (session, typewriter)
            return
        state = session.require()
        self.query_one(StatusLine).show_state(session.story, state)
        passage = session.game.passage(state)
        transcript = self.transcript
        choices = transcript.choices
        if passage.ending is not None:
            choices.show_ending()
            count = 0
        else:
            choices.show_choices(passage.choices)
            count = len(passage.choices)
        shown_before = shown_choice_keys(self._choices)
        self._choices = count
        if shown_choice_keys(count) != shown_before:
            self.refresh_bindings()  # the key bar's choice keys change: it is built again
        choices.focus(scroll_visible=False)
        inspector = self._inspector_panel
        if inspector is not None and inspector.display:
            inspector.show(inspect_state(session.game, state))
        transcript.follow(session.game, state, typewriter=typewriter)

    def show_problems(self, lines: tuple[str, ...]) -> None:
        """The errors of a broken edit of the story; none hides the panel."""
        if self._ready and self.game_app.story_reload.watching:
            self.query_one(StoryProblems).show(lines)

    def show_inspector(self, visible: bool, session: Session) -> None:
        """Open the inspector on the session's state, or close it."""
        inspector = self._inspector_panel if self._ready else None
        if inspector is None:
            return
        inspector.display = visible
        if visible and session.playing:
            inspector.show(inspect_state(session.game, session.require()))

    def say(self, message: str, severity: str = "information") -> None:
        """Show `message` on the message line, below the choices (never over them)."""
        if not self._ready:  # said before the screen is built: shown once it is
            self._said_away = (message, severity)
            return
        self.query_one(NoteLine).say(message, severity)

    def say_on_return(self, message: str, severity: str = "information") -> None:
        """`message` was said as a notification over another screen: when this screen is
        back, it goes to the message line instead (a notification would cover choices)."""
        self._said_away = (message, severity)

    def on_screen_resume(self) -> None:
        if self._said_away is not None and self._ready:
            message, severity = self._said_away
            self._said_away = None
            self.app.clear_notifications()
            self.say(message, severity)

    def on_mount(self) -> None:
        self._ready = True
        transcript = self.transcript
        note = self.query_one(NoteLine)
        self.watch(transcript, "scroll_y", lambda: note.show_more(transcript.more_below))
        self.watch(transcript, "virtual_size", lambda: note.show_more(transcript.more_below))
        if self.game_app.story_reload.watching:
            self.query_one(StoryProblems).show(self.session.story_problems)
            self.query_one(Inspector).display = self.game_app.story_reload.inspector_open
        if self._pending is not None:
            session, typewriter = self._pending
            self._pending = None
            self.show_state(session, typewriter=typewriter)
        self.on_screen_resume()  # a message said before the screen was built

    def on_resize(self, event: events.Resize) -> None:
        transcript = self.transcript
        self.call_after_refresh(lambda: self.query_one(NoteLine).show_more(transcript.more_below))

    def on_key(self, event: events.Key) -> None:
        transcript = self.transcript
        if transcript.revealing:  # any key completes the typewriter, and does nothing else
            event.stop()
            event.prevent_default()
            transcript.finish_reveal()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose" and parameters:
            number = parameters[0]
            return isinstance(number, int) and number <= self._choices
        return True

    def action_choose(self, number: int) -> None:
        self.game_app.take_number(number)

    def action_page(self, direction: int) -> None:
        transcript = self.transcript
        if transcript.revealing:
            transcript.finish_reveal()
            return
        transcript.page(direction)

    def on_option_list_option_selected(self, message: OptionList.OptionSelected) -> None:
        message.stop()
        key = self.transcript.choices.chosen_key(message.option)
        if key is None:
            self.game_app.action_ending()
        else:
            self.game_app.take_choice(key)

    def on_transcript_revealed(self, message: Transcript.Revealed) -> None:
        self.transcript.choices.focus(scroll_visible=False)
