"""YAML syntax errors told at their cause, and the token spans that carets underline."""

from __future__ import annotations

import pytest

from cosmodrome.story.diagnostic_codes import Code
from cosmodrome.story.spans import token_end
from cosmodrome.story.yamlsource import parse_yaml


def _only(text: str) -> tuple[Code, int, int, int]:
    root, problems = parse_yaml(text, "f.yaml")
    assert root is None
    (problem,) = problems
    return problem.code, problem.line, problem.col, problem.end_col


@pytest.mark.parametrize(
    ("line", "col", "end"),
    [
        ('    title: "Start"', 12, 19),  # a quoted scalar, to its closing quote
        ("    title: 'it''s'", 12, 19),  # '' inside single quotes does not close them
        ("    goto: apronn  # comment", 11, 17),  # a plain scalar stops before a comment
        ("    facts: [a-1, b-2]", 13, 16),  # inside brackets, at the comma
        ("    facts: [a-1, b-2]", 12, 22),  # the whole flow sequence
        ("  apron:", 3, 8),  # a key, without its colon
        ("      - text: x", 7, 8),  # a sequence item's dash alone
        ("short", 20, 21),  # past the end: one column
    ],
)
def test_token_end(line: str, col: int, end: int) -> None:
    assert token_end(line, col) == end


def test_a_tab_is_found_even_when_the_parser_stops_later() -> None:
    text = "a:\n  b: 1\n\tc: 2\nd: 3\n"
    assert _only(text) == (Code.YAML_TAB, 3, 1, 2)


def test_a_quote_spanning_lines_on_purpose_is_not_blamed_for_a_later_error() -> None:
    text = 'a: "one\n  two"\nb:\n  c: 1\n d: 2\n'
    code, line, _, _ = _only(text)
    assert (code, line) == (Code.YAML, 5)


def test_an_unclosed_quote_at_the_end_of_the_file_points_at_the_quote() -> None:
    assert _only('a: 1\nb: "open\n')[:3] == (Code.YAML_UNCLOSED_QUOTE, 2, 4)


def test_a_missing_colon_on_a_key_with_no_value_is_found_on_its_own_line() -> None:
    text = "nodes:\n  start\n  other: 1\n"
    code, line, col, _ = _only(text)
    assert (code, line, col) in {(Code.YAML_MISSING_COLON, 2, 3), (Code.YAML, 3, 8)}
