"""The transcript: every passage of the run, oldest at the top, the newest in view."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.geometry import Size
from textual.layout import DockArrangeResult
from textual.widgets import Markdown

from cosmodrome.engine import Game, GameState
from cosmodrome.tui.widgets.passage import PassageView

MAX_PASSAGES = 30  # older passages leave the screen (the exported transcript keeps them)


class Transcript(VerticalScroll):
    """Mirrors a state's history: moving on appends a passage, undo removes it."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: list[GameState] = []  # the states whose passages are mounted, in order
        self._views: list[PassageView] = []  # their views, in the same order
        self._target: PassageView | None = None  # the passage to bring into view
        self._following = False  # until the target is laid out and in view

    @property
    def current(self) -> PassageView | None:
        return self._views[-1] if self._views else None

    @property
    def settled(self) -> bool:
        """Whether every passage shown has its text laid out (none still parsing or typing)."""
        return all(view.rendered and view.is_mounted for view in self._views)

    @property
    def revealing(self) -> bool:
        current = self.current
        return current is not None and current.revealing

    def follow(self, game: Game, state: GameState, *, typewriter: bool) -> None:
        """Show the history of `state`: keep the passages already shown that are still part
        of it, drop the rest, and add the new ones; the newest scrolls into view. The
        changes are laid out with the rest of the screen, in the same frame."""
        history = state.history()
        start, keep = self._overlap(history)
        if keep == 0:
            start = max(0, len(history) - MAX_PASSAGES)
        views = self._views
        combined = self._shown[:keep] + history[start + keep :]
        drop = max(0, len(combined) - MAX_PASSAGES)
        shown = combined[drop:]
        reused = views[drop:keep]
        if reused and not reused[-1].flat and len(reused) < len(shown):
            reused.pop()  # a typed-out passage that is read now: drawn again, flat
        for index, view in enumerate(reused):
            if view.flat:
                view.set_chosen(self._chosen(shown, index))
        gone = [view for view in views if view not in reused]
        spare = [view for view in gone if view.flat]  # redrawn: cheaper than mounting anew
        doomed = [view for view in gone if not view.flat]
        added: list[PassageView] = []
        fresh: list[PassageView] = []
        for index in range(len(reused), len(shown)):
            passage = game.passage(shown[index])
            chosen = self._chosen(shown, index)
            if spare and not (typewriter and index == len(shown) - 1):
                view = spare.pop()
                view.show_passage(passage.title, passage.text, passage.ending, chosen)
                self.move_child(view, after=len(self.children) - 1)
            else:
                view = self._view(game, shown, index, typewriter=typewriter)
                fresh.append(view)
            added.append(view)
        doomed += spare
        if doomed:
            self.remove_children(doomed)
        if fresh:
            self.mount_all(fresh)
        self._shown = shown
        self._views = reused + added
        if not shown:
            return
        self._target = self._views[-1]
        self._following = True
        self.call_after_refresh(self._scroll_to_target)

    def arrange(self, size: Size, optimal: bool = False) -> DockArrangeResult:
        # bring the newest passage's top into view as the transcript is laid out, not in
        # a frame after: a move is drawn at once
        arrangement = super().arrange(size, optimal)
        target = self._target
        if self._following and target is not None:
            for placement in arrangement.placements:
                if placement.widget is target:
                    bottom = arrangement.total_region.bottom
                    end = max(0, bottom - self.container_size.height)
                    top = min(placement.region.y, end)
                    self.set_reactive(VerticalScroll.scroll_y, top)
                    self.set_reactive(VerticalScroll.scroll_target_y, top)
                    self.vertical_scrollbar.position = top
                    break
        return arrangement

    @staticmethod
    def _chosen(shown: list[GameState], index: int) -> str | None:
        after = shown[index + 1] if index + 1 < len(shown) else None
        return after.last.text if after is not None and after.last is not None else None

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

    def _view(
        self, game: Game, shown: list[GameState], index: int, *, typewriter: bool
    ) -> PassageView:
        moment = shown[index]
        passage = game.passage(moment)
        newest = index == len(shown) - 1
        return PassageView(
            passage.title,
            passage.text,
            passage.ending,
            typewriter=typewriter and newest,
            chosen=self._chosen(shown, index),
        )

    def finish_reveal(self) -> None:
        current = self.current
        if current is not None:
            current.finish()
