"""The transcript: every passage of the run, oldest at the top, the newest in view."""

from __future__ import annotations

import asyncio

from textual.containers import VerticalScroll
from textual.widgets import Markdown

from cosmodrome.engine import Game, GameState
from cosmodrome.tui.widgets.passage import PassageView

MAX_PASSAGES = 30  # older passages leave the screen (the exported transcript keeps them)


class Transcript(VerticalScroll):
    """Mirrors a state's history: moving on appends a passage, undo removes it."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: list[GameState] = []  # the states whose passages are mounted, in order
        self._lock = asyncio.Lock()  # one update at a time, however fast the player moves
        self._target: PassageView | None = None  # the passage to bring into view
        self._following = False  # until the target is laid out and in view

    @property
    def current(self) -> PassageView | None:
        views = list(self.query_children(PassageView))
        return views[-1] if views else None

    @property
    def settled(self) -> bool:
        """Whether every passage shown has its text laid out (none still parsing or typing)."""
        return all(view.rendered for view in self.query_children(PassageView))

    @property
    def revealing(self) -> bool:
        current = self.current
        return current is not None and current.revealing

    async def follow(self, game: Game, state: GameState, *, typewriter: bool) -> None:
        """Show the history of `state`: keep the passages already shown that are still part
        of it, drop the rest, and add the new ones; the newest scrolls into view."""
        async with self._lock:
            await self._follow(game, state, typewriter=typewriter)

    async def _follow(self, game: Game, state: GameState, *, typewriter: bool) -> None:
        history = state.history()
        start, keep = self._overlap(history)
        if keep == 0:
            start = max(0, len(history) - MAX_PASSAGES)
        views = list(self.query_children(PassageView))
        if keep < len(views):
            await self.remove_children(views[keep:])
        arriving = history[start + keep :]
        added = [
            self._view(game, moment, typewriter=typewriter and moment is state)
            for moment in arriving
        ]
        if added:
            await self.mount_all(added)
        shown = self._shown[:keep] + arriving
        views = views[:keep] + added
        excess = len(views) - MAX_PASSAGES
        if excess > 0:
            await self.remove_children(views[:excess])
            views, shown = views[excess:], shown[excess:]
        self._shown = shown
        for index, view in enumerate(views):
            after = shown[index + 1] if index + 1 < len(shown) else None
            view.set_chosen(after.last.text if after is not None and after.last else None)
        if not views:
            return
        newest = views[-1]
        self._target = newest
        self._following = True
        self.call_after_refresh(self._scroll_to_target)

    def _scroll_to_target(self) -> None:
        """Bring the newest passage's top into view (or as near as the end allows)."""
        if not self._following or self._target is None or not self._target.is_attached:
            return
        self.scroll_to_widget(self._target, top=True, animate=False)

    def stop_following(self) -> None:
        """The player scrolls: leave the view where they put it."""
        self._following = False

    def on_mouse_scroll_up(self) -> None:
        self.stop_following()

    def on_mouse_scroll_down(self) -> None:
        self.stop_following()

    def action_scroll_up(self) -> None:
        self.stop_following()
        super().action_scroll_up()

    def action_scroll_down(self) -> None:
        self.stop_following()
        super().action_scroll_down()

    def watch_virtual_size(self) -> None:
        # passages lay themselves out after they mount (Markdown parses off-thread), and the
        # first layout of a new screen comes late: scroll again whenever the content grows
        self.call_after_refresh(self._scroll_to_target)

    def on_passage_view_grew(self, event: PassageView.Grew) -> None:
        event.stop()
        self.call_after_refresh(self._scroll_to_target)

    def on_markdown_table_of_contents_updated(self, event: Markdown.TableOfContentsUpdated) -> None:
        # a passage's text just got laid out: heights changed, so scroll again
        event.stop()
        self.call_after_refresh(self._scroll_to_target)

    def _overlap(self, history: list[GameState]) -> tuple[int, int]:
        """Where the first shown passage sits in `history`, and how many shown passages
        from there on are still part of it (0 when none are)."""
        if not self._shown:
            return 0, 0
        start = next((i for i, s in enumerate(history) if s is self._shown[0]), None)
        if start is None:
            return 0, 0
        keep = 0
        while (
            keep < len(self._shown)
            and start + keep < len(history)
            and history[start + keep] is self._shown[keep]
        ):
            keep += 1
        return start, keep

    @staticmethod
    def _view(game: Game, moment: GameState, *, typewriter: bool) -> PassageView:
        passage = game.passage(moment)
        return PassageView(passage.title, passage.text, passage.ending, typewriter=typewriter)

    def finish_reveal(self) -> None:
        current = self.current
        if current is not None:
            current.finish()
