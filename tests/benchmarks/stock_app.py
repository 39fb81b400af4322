"""The UI baseline: a play screen built from stock Textual widgets only.

A status `Static`, a scrolling transcript of `Markdown` passages, an `OptionList` of
choices and a `Footer`, laid out as the game's play screen. Each choice key appends
a new passage (about as long as the shipped story's) and replaces the options: a new
screenful of text per key. It imports nothing from cosmodrome, so it measures the
stock parts the game is to use and none of ours.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Footer, Markdown, OptionList, Static

# the shipped story's passages: about 150 words in 4-5 paragraphs, 2-3 choices
PARAGRAPHS = 4
WORDS_PER_PARAGRAPH = 38
CHOICES = 3
MAX_PASSAGES = 15  # the passages the game keeps on screen (older ones leave it)

_WORDS = [
    "the",
    "road",
    "north",
    "runs",
    "through",
    "taiga",
    "to",
    "the",
    "launch",
    "pads",
    "where",
    "cranes",
    "stand",
    "over",
    "concrete",
    "and",
    "the",
    "engineers",
    "wait",
    "for",
    "a",
    "signal",
    "from",
    "the",
    "tower",
    "before",
    "the",
    "countdown",
    "begins",
    "again",
    "in",
    "the",
    "frost",
    "of",
    "a",
    "winter",
    "morning",
    "with",
    "smoke",
    "over",
    "the",
    "river",
]


def _words(seed: int, count: int) -> str:
    return " ".join(_WORDS[(seed * 7 + n * 3) % len(_WORDS)] for n in range(count))


def passage(number: int) -> str:
    """The Markdown of passage `number`: a heading and paragraphs, some words emphasised."""
    paragraphs = []
    for p in range(PARAGRAPHS):
        text = _words(number + p, WORDS_PER_PARAGRAPH).capitalize()
        head, _, tail = text.partition(" ")
        paragraphs.append(f"{head} *{tail[:20]}*{tail[20:]}.")
    return f"## Passage {number}\n\n" + "\n\n".join(paragraphs)


def choices(number: int) -> list[str]:
    """The choices shown with passage `number`."""
    return [f"{n + 1}. {_words(number + n, 8).capitalize()}" for n in range(CHOICES)]


class StockPlayApp(App[None]):
    """The play screen of stock widgets; `moves` counts the choice keys handled."""

    CSS = """
    #status { dock: top; height: auto; padding: 0 1; background: $panel; }
    #transcript { height: 1fr; padding: 0 0 0 2; }
    #choices { height: auto; max-height: 45vh; border-top: solid $primary; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "choose(1)", "Choose", key_display="1-9"),
        *[Binding(str(n), f"choose({n})", show=False) for n in range(2, 10)],
        # keys the game's key bar shows too, so the Footer holds as many
        *[
            Binding(key, "app.bell", label)
            for key, label in (("u", "Undo"), ("s", "Save"), ("a", "Archive"), ("m", "Map"))
        ],
        Binding("t", "app.bell", "Timeline"),
        Binding("question_mark", "app.bell", "Help", key_display="?"),
        Binding("ctrl+q", "quit", "Quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.moves = 0

    def compose(self) -> ComposeResult:
        yield Static(self.status_line(), id="status")
        with VerticalScroll(id="transcript"):
            yield Markdown(passage(0))
        yield OptionList(*choices(0), id="choices")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#transcript", VerticalScroll).anchor()  # follow the newest passage

    def status_line(self) -> str:
        return f"Passage {self.moves} · 1993 · Vostochny · credibility {self.moves % 7}"

    async def action_choose(self, number: int) -> None:
        """A move: the status, a new passage at the end of the transcript, new choices."""
        self.moves += 1
        self.query_one("#status", Static).update(self.status_line())
        transcript = self.query_one("#transcript", VerticalScroll)
        await transcript.mount(Markdown(passage(self.moves * 10 + number)))
        if len(transcript.children) > MAX_PASSAGES:
            await transcript.remove_children(transcript.children[:-MAX_PASSAGES])
        self.query_one("#choices", OptionList).set_options(choices(self.moves))
        transcript.scroll_end(animate=False)
