"""The archive: the facts found so far, grouped by year."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Static

from cosmodrome.engine.progress import facts_by_year, facts_remaining
from cosmodrome.safetext import printable
from cosmodrome.tui.screens.info import InfoScreen
from cosmodrome.wording import plural


def remaining_text(remaining: int, found: int) -> str:
    """How many facts are still to find (never which)."""
    if remaining == 0:
        return "You have found every fact in this story." if found else ""
    return f"{plural(remaining, 'fact')} still undiscovered."


class ArchiveScreen(InfoScreen):
    """Facts by year, oldest first, with how many remain undiscovered."""

    def compose(self) -> ComposeResult:
        story = self.session.story
        state = self.session.require()
        groups = facts_by_year(story, state)
        found = sum(len(facts) for _, facts in groups)
        yield Static("Archive", classes="screen-title")
        with VerticalScroll(id="archive"):
            if not groups:
                yield Static("Nothing in the archive yet: facts appear here as you find them.")
            for year, facts in groups:
                yield Static(Content(str(year)), classes="archive-year")
                for fact in facts:
                    yield Static(Content(printable(fact.title)), classes="archive-fact-title")
                    yield Static(Content(printable(fact.text)), classes="archive-fact-text")
            yield Static(
                Content(remaining_text(facts_remaining(story, state), found)),
                id="archive-remaining",
            )
        yield Footer()
