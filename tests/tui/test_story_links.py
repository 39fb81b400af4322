"""Links in story text: a web or mail address opens in the browser when the game is
served (tests/web), and is copied in a terminal; any other scheme is only text."""

from __future__ import annotations

from pathlib import Path

from cosmodrome.tui.markdown_text import link_style, markdown_content
from tests.tui.harness import FIXTURES, make_app, settle, told


def test_a_web_link_is_underlined_and_opened_by_a_click() -> None:
    url = "https://example.org/a?b='c'"
    assert link_style(url) == f"underline @click=app.open_link({url!r})"
    assert link_style("mailto:desk@example.org").endswith(
        "app.open_link('mailto:desk@example.org')"
    )


def test_a_link_of_another_scheme_is_only_underlined() -> None:
    assert link_style("javascript:alert(1)") == "underline"
    assert link_style("file:///etc/passwd") == "underline"
    assert link_style("report.html") == "underline"


def test_story_markdown_carries_the_link_s_action() -> None:
    content = markdown_content("Read [the report](https://example.org/r) now.")
    assert content.plain == "Read the report now."
    [span] = content.spans
    assert content.plain[span.start : span.end] == "the report"
    assert "@click=app.open_link('https://example.org/r')" in str(span.style)


async def test_in_a_terminal_a_clicked_link_is_copied_and_said(tmp_path: Path) -> None:
    app = make_app(tmp_path, FIXTURES / "web-link")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        assert not app.is_web
        await app.run_action("open_link('https://example.org/report?id=1')")
        await pilot.pause()
        assert app.clipboard == "https://example.org/report?id=1"
        assert "Link copied: https://example.org/report?id=1" in told(app)
