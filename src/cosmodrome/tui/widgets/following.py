"""A scrolling view that keeps its newest content in sight until the player scrolls."""

from __future__ import annotations

from textual.scroll_view import ScrollView


class FollowingView(ScrollView):
    """Follows the newest content (the subclass scrolls to it while `following`); any
    scrolling by the player, by wheel or key, leaves the view where they put it."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.following = False

    def stop_following(self) -> None:
        """The player scrolls: leave the view where they put it."""
        self.following = False

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

    def action_page_up(self) -> None:
        self.stop_following()
        super().action_page_up()

    def action_page_down(self) -> None:
        self.stop_following()
        super().action_page_down()

    def action_scroll_home(self) -> None:
        self.stop_following()
        super().action_scroll_home()

    def action_scroll_end(self) -> None:
        self.stop_following()
        super().action_scroll_end()
