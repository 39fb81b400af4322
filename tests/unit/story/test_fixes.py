"""A diagnostic's fix is mechanical: applied to the file, it repairs what it says."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cosmodrome.story.diagnostics import TextEdit
from cosmodrome.story.loader import check_story
from cosmodrome.story.textedits import apply_edits
from tests.conftest import FIXTURES

# fixtures whose one error has a fix that makes the story load
REPAIRED = [
    "string-default",
    "unknown-era",
    "unknown-fact",
    "unknown-key",
    "unknown-node",
    "unknown-place",
    "unknown-start",
    "yaml-missing-colon",
    "yaml-quote-inside-text",
    "yaml-syntax",
    "yaml-unclosed-quote",
]


@pytest.mark.parametrize("name", REPAIRED)
def test_applying_the_fix_makes_the_story_load(name: str, tmp_path: Path) -> None:
    story = tmp_path / name
    shutil.copytree(FIXTURES / "invalid" / name, story)
    (diagnostic,) = check_story(story, use_cache=False).errors
    assert diagnostic.fix is not None
    for edit in diagnostic.fix.edits:
        path = Path(edit.path)
        path.write_text(apply_edits(path.read_text("utf-8"), [edit]), "utf-8")
    assert check_story(story, use_cache=False).errors == []


def test_the_quoted_start_fix_quotes_the_whole_expression(tmp_path: Path) -> None:
    story = tmp_path / "story"
    shutil.copytree(FIXTURES / "invalid" / "yaml-quoted-start", story)
    (diagnostic,) = check_story(story, use_cache=False).errors
    assert diagnostic.fix is not None
    (edit,) = diagnostic.fix.edits
    assert edit.new_text == "'\"has_pass\" and true'"
    path = Path(edit.path)
    path.write_text(apply_edits(path.read_text("utf-8"), [edit]), "utf-8")
    # now YAML reads it, and the expression itself is what is wrong: a string, not a bool
    (after,) = check_story(story, use_cache=False).errors
    assert after.code == "expr"


def test_edits_apply_from_the_end_and_count_code_points() -> None:
    text = "a: ünïcode\nb: x\n"
    edits = [TextEdit("f", 2, 4, 2, 5, "yes"), TextEdit("f", 1, 4, 1, 11, "plain")]
    assert apply_edits(text, edits) == "a: plain\nb: yes\n"


def test_overlapping_edits_are_refused() -> None:
    edits = [TextEdit("f", 1, 1, 1, 4, "x"), TextEdit("f", 1, 2, 1, 3, "y")]
    with pytest.raises(ValueError, match="overlapping"):
        apply_edits("abcdef", edits)
