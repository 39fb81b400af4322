"""The play screen: status line, the transcript of passages, and the choices."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical

from cosmodrome.engine.explain import inspect_state
from cosmodrome.session import Session
from cosmodrome.tui.screens.base import GameScreen
from cosmodrome.tui.widgets.choices import ChoiceList, ChoicesBox
from cosmodrome.tui.widgets.inspector import Inspector
from cosmodrome.tui.widgets.keybar import KeyBar
from cosmodrome.tui.widgets.problems import StoryProblems
from cosmodrome.tui.widgets.status import StatusLine
from cosmodrome.tui.widgets.transcript import Transcript

# keys for authors, which work only under `cosmodrome play --watch`
AUTHORING_BINDINGS: list[BindingType] = [
    # not on the key bar: it would push Quit and Help off an 80-column one
    Binding("f12", "app.toggle_inspector", "Inspector", show=False, id="play.inspector"),
]


class PlayScreen(GameScreen):
    """Reading and choosing. Every key here calls an action of the app."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "choose(1)", "Choose", key_display="1-9", id="play.choose"),
        *[Binding(str(n), f"choose({n})", show=False) for n in range(2, 10)],
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
        Binding("pageup", "scroll_transcript(-1)", "Scroll up", show=False, id="play.pageup"),
        Binding("pagedown", "scroll_transcript(1)", "Scroll down", show=False, id="play.pagedown"),
        *AUTHORING_BINDINGS,
    ]

    def __init__(self) -> None:
        super().__init__()
        self._ready = False
        self._pending: tuple[Session, bool] | None = None  # a state to draw once mounted
        self._inspector_panel: Inspector | None = None  # only under `play --watch`

    def compose(self) -> ComposeResult:
        watching = self.game_app.story_reload.watching  # the author's panels: `play --watch`
        yield StatusLine(id="status")
        with Horizontal(id="play-body"):
            with Vertical(id="play-main"):
                yield Transcript(id="transcript")
                if watching:
                    yield StoryProblems(id="story-problems")
                with ChoicesBox(id="choices-box"):
                    yield ChoiceList(id="choices")
            if watching:
                self._inspector_panel = Inspector(id="inspector")
                yield self._inspector_panel
        yield KeyBar(show_command_palette=False)

    def show_state(self, session: Session, *, typewriter: bool) -> None:
        """Draw the session's current state; `typewriter` types out a new passage."""
        if not self._ready:
            self._pending = (session, typewriter)
            return
        state = session.require()
        self.query_one(StatusLine).show_state(session.story, state)
        passage = session.game.passage(state)
        choices = self.query_one(ChoiceList)
        if passage.ending is not None:
            choices.show_ending()
        else:
            choices.show_choices(passage.choices)
        choices.focus()
        inspector = self._inspector_panel
        if inspector is not None and inspector.display:
            inspector.show(inspect_state(session.game, state))
        self.query_one(Transcript).follow(session.game, state, typewriter=typewriter)

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

    def on_mount(self) -> None:
        self._ready = True
        if self.game_app.story_reload.watching:
            self.query_one(StoryProblems).show(self.session.story_problems)
            self.query_one(Inspector).display = self.game_app.story_reload.inspector_open
        if self._pending is not None:
            session, typewriter = self._pending
            self._pending = None
            self.show_state(session, typewriter=typewriter)

    def on_key(self, event: events.Key) -> None:
        transcript = self.query_one(Transcript)
        if transcript.revealing:  # any key completes the typewriter, and does nothing else
            event.stop()
            event.prevent_default()
            transcript.finish_reveal()

    def action_choose(self, number: int) -> None:
        self.game_app.take_number(number)

    def action_scroll_transcript(self, direction: int) -> None:
        transcript = self.query_one(Transcript)
        transcript.stop_following()
        if direction < 0:
            transcript.scroll_page_up(animate=False)
        else:
            transcript.scroll_page_down(animate=False)

    def on_choice_list_chosen(self, message: ChoiceList.Chosen) -> None:
        self.game_app.take_choice(message.key)

    def on_choice_list_ending_seen(self, message: ChoiceList.EndingSeen) -> None:
        self.game_app.action_ending()

    def on_transcript_revealed(self, message: Transcript.Revealed) -> None:
        self.query_one(ChoiceList).focus()
