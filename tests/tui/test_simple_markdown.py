"""The simple Markdown renderer answers exactly as markdown-it does, or not at all; it
answers for all of the shipped story, so the game never has to import markdown-it."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cosmodrome.engine.game import Game
from cosmodrome.engine.randomplay import play_randomly
from cosmodrome.story.loader import load_story
from cosmodrome.tui.markdown_text import markdown_content, markdown_it_content
from cosmodrome.tui.simple_markdown import QUOTE_BAR, simple_markdown_content

REPO = Path(__file__).resolve().parents[2]

# dense in what Markdown reacts to, with whitespace CommonMark treats apart (tab, no-break
# space) and letters and punctuation outside ASCII, which decide whether a star opens
MARKDOWN_ALPHABET = (
    "***__>>--++##==0123456789..))     \t\n\n\n\nabcXYZ\"'(),:;!?\\`[]<&~éßЖ—–«»€\u00a0"
)
# pieces of prose that put stars next to words, punctuation, spaces and line starts
FRAGMENTS = [
    "*", "**", "***", "*word*", "**word**", "***word***", "*two words*", "word", "words",
    " ", " ", "  ", "   ", "\n", "\n", "\n\n", "> ", ">", "> > ", ".", ",", "!", '"', "'",
    "(", ")", "—", "é", "«", "»", "€", "*—", "—*", "*.", ".*", "(*", "*)", "x*y", "**.",
    "1. ", "2016. ", "3) ", "1.", "\n*", "\n**", "\n> ", "\n1. ", "\n2. ", "  \n", " *", "* ",
    "\n-", "\n-1.", "-", "+", "#", "# ", "=", "\n#", "\n=", "\n+1",
]  # fmt: skip

# words of prose without Markdown, to be joined by single spaces
WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéЖ,.;:!?'\"()—", min_size=1)


def same(source: str) -> bool:
    """Whether the simple renderer declines `source` or renders it as markdown-it does."""
    simple = simple_markdown_content(source)
    if simple is None:
        return True
    reference = markdown_it_content(source)
    return simple.plain == reference.plain and list(simple.spans) == list(reference.spans)


def story_texts() -> list[str]:
    """Every text block of the shipped story, rendered with the variables' defaults, and
    each node's blocks together, as a passage whose conditions all hold shows them."""
    story = load_story(REPO / "story")
    defaults = story.defaults()
    texts: list[str] = []
    for node in story.nodes.values():
        blocks = [block.template.render(defaults) for block in node.blocks]
        texts += blocks
        texts.append("\n\n".join(block.strip() for block in blocks))
    return texts


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=MARKDOWN_ALPHABET, max_size=60))
def test_any_text_is_declined_or_rendered_as_markdown_it_renders_it(source: str) -> None:
    assert same(source)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=30).map("".join))
def test_emphasis_quotes_and_line_starts_render_as_markdown_it_renders_them(source: str) -> None:
    assert same(source)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_any_character_is_declined_or_rendered_as_markdown_it_renders_it(source: str) -> None:
    assert same(source)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.lists(WORDS, max_size=8).map(" ".join), max_size=8).map("\n".join))
def test_text_without_markdown_always_gets_an_answer(source: str) -> None:
    assert simple_markdown_content(source) is not None
    assert same(source)


@pytest.mark.parametrize(
    "source",
    [
        "It said *news* rather than **history**.",
        "***both*** and *a **nest** in it*",
        "*— attributed to Yuri Gagarin*",
        '> "I went up to space."\n\n*— somebody*',
        "> one\n>\n> > two",
        "*1957:* the satellite",
        "A soft\nbreak, a space \nand   indents",
        "2016. The cosmodrome\nopened.\n\nLater.",
        "to the tune of\n1.",  # an empty item does not interrupt a paragraph
        "to the tune of\n-1.\n#1, +2",
        "The angle: **.",
    ],
)
def test_the_markdown_the_story_uses_gets_an_answer(source: str) -> None:
    simple = simple_markdown_content(source)
    assert simple is not None
    reference = markdown_it_content(source)
    assert (simple.plain, list(simple.spans)) == (reference.plain, list(reference.spans))


@pytest.mark.parametrize(
    "source",
    [
        "a [link](x)",
        "a `code` span",
        "_under_",
        "~~gone~~",
        "# Heading",
        "* bullet",
        "- bullet",
        "text\n1. first",  # a list that starts at 1 interrupts the paragraph
        "2016. one\n\n2017. two",  # a list of more than one item
        "***",
        "    indented code",
        "hard  \nbreak",
        "> quote\nlazy continuation",
        "line\n===",
        "line\n-",
        "## Heading",
        "+ bullet",
        "<b>html</b>",
        "&amp;",
        "back\\slash",
        "tab\there",
    ],
)
def test_markdown_beyond_the_simple_kind_is_left_to_markdown_it(source: str) -> None:
    assert simple_markdown_content(source) is None


def test_whitespace_other_than_space_and_newline_is_left_to_markdown_it() -> None:
    others = [chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace()]
    for char in others:
        if char not in " \n":
            assert simple_markdown_content(f"a{char}*b*") is None, hex(ord(char))


def test_a_quote_is_drawn_behind_a_dim_bar() -> None:
    content = simple_markdown_content("Before.\n\n> *Said*, twice.")
    assert content is not None
    assert content.plain == f"Before.\n\n{QUOTE_BAR}Said, twice."
    start = len("Before.\n\n")
    assert [(s.start, s.end, s.style) for s in content.spans] == [
        (start, start + len(QUOTE_BAR), "dim"),
        (start + len(QUOTE_BAR), start + len(QUOTE_BAR) + 4, "italic"),
    ]


def test_every_text_of_the_shipped_story_gets_the_answer_markdown_it_gives() -> None:
    texts = story_texts()
    assert len(texts) > 100  # the story is there
    declined = [text[:60] for text in texts if simple_markdown_content(text) is None]
    assert declined == []
    assert all(same(text) for text in texts)


def test_every_passage_of_random_play_gets_the_answer_markdown_it_gives() -> None:
    # variables change what a passage says: "to the tune of\n-1." must stay a paragraph
    game = Game(load_story(REPO / "story"))
    texts: set[str] = set()
    for seed in range(200):
        final = play_randomly(game, random.Random(seed)).state
        texts.update(game.passage(state).text for state in final.history())
    declined = [text[:60] for text in texts if simple_markdown_content(text) is None]
    assert declined == []
    assert all(same(text) for text in texts)


def test_markdown_content_renders_what_markdown_it_renders() -> None:
    for source in ["*a* **b**", "a [link](x) and `code`"]:
        got, reference = markdown_content(source), markdown_it_content(source)
        assert (got.plain, list(got.spans)) == (reference.plain, list(reference.spans))


def run_rendering(extra: str) -> set[str]:
    """The modules loaded after rendering the first passages of the shipped story and
    then `extra` in a fresh interpreter."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from cosmodrome.tui.markdown_text import markdown_content\n"
        "from cosmodrome.story.loader import load_story\n"
        "from cosmodrome.engine.game import Game\n"
        "game = Game(load_story(Path('story')))\n"
        "state = game.start()\n"
        "for _ in range(6):\n"
        "    markdown_content(game.passage(state).text)\n"
        "    state = game.take_number(state, 1)\n"
        f"markdown_content({extra!r})\n"
        "print(' '.join(sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    return set(result.stdout.split())


def test_rendering_the_story_does_not_import_markdown_it() -> None:
    loaded = run_rendering("A *plain* passage.")
    assert "cosmodrome.tui.simple_markdown" in loaded
    assert "markdown_it" not in loaded


def test_markdown_beyond_the_simple_kind_imports_markdown_it() -> None:
    assert "markdown_it" in run_rendering("A [link](x).")
