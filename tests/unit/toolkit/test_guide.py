"""The authoring guide lists every diagnostic code the loader and the lint rules can give."""

from __future__ import annotations

import re

from cosmodrome.locations import default_story_dir
from cosmodrome.story.lint import LINT_CODES
from tests.conftest import REPO

GUIDE = default_story_dir() / "README.md"
_STRING = r'"(?:[^"\\]|\\.)*"'
_ARG = rf"(?:[^()\"]|{_STRING}|\((?:[^()\"]|{_STRING}|\([^()]*\))*\))"
# error(..., "code") and Diagnostic(..., "code"): the last argument is the code
_CODE_CALL = re.compile(rf'(?:\berror|Diagnostic)\({_ARG}*?,\s*"([a-z][a-z-]*)",?\s*\)', re.S)


def _codes_in_source() -> set[str]:
    found: set[str] = set()
    for path in (REPO / "src" / "cosmodrome" / "story").rglob("*.py"):
        found.update(_CODE_CALL.findall(path.read_text(encoding="utf-8")))
    return found


def _documented() -> set[str]:
    text = GUIDE.read_text(encoding="utf-8")
    tables = text.split("## Checking: errors and warnings", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([a-z][a-z-]*)` \|", tables, re.M))


def test_the_source_scan_finds_the_codes_it_should() -> None:
    assert {"yaml", "type", "reference", "expr", "unknown-code"} <= _codes_in_source()


def test_every_code_the_loader_gives_is_in_the_guide() -> None:
    assert _codes_in_source() - _documented() == set()


def test_every_lint_code_is_in_the_guide() -> None:
    assert set(LINT_CODES) - _documented() == set()


def test_the_guide_documents_no_code_that_does_not_exist() -> None:
    assert _documented() - _codes_in_source() - set(LINT_CODES) == set()
