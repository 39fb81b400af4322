"""The authoring guide lists every diagnostic code of the registry, and no other."""

from __future__ import annotations

import re

from cosmodrome.locations import default_story_dir
from cosmodrome.story.diagnostic_codes import CODES, ERROR_CODES, LINT_CODES, Code

GUIDE = default_story_dir() / "README.md"


def _table(heading: str) -> set[str]:
    text = GUIDE.read_text(encoding="utf-8")
    section = text.split("## Checking: errors and warnings", 1)[1].split("\n## ", 1)[0]
    table = section.split(heading, 1)[1].split("\n### ", 1)[0]
    return set(re.findall(r"^\| `([a-z][a-z-]*)` \|", table, re.M))


def test_every_error_code_of_the_registry_is_in_the_errors_table() -> None:
    assert _table("### Errors") == {code.value for code in ERROR_CODES}


def test_every_lint_code_of_the_registry_is_in_the_warnings_table() -> None:
    assert _table("### Warnings") == {code.value for code in LINT_CODES}


def test_every_code_has_a_meaning_and_a_severity() -> None:
    assert set(CODES) == set(Code)
    assert not set(ERROR_CODES) & set(LINT_CODES)
    assert all(meaning.strip() for meaning in CODES.values())
