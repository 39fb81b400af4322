"""One invalid fixture per rule of the contract: the exact diagnostic line it gives."""

from __future__ import annotations

import json

import pytest

from cosmodrome.cli import main
from cosmodrome.story.loader import check_story
from tests.conftest import FIXTURES

EXPECTED: dict[str, list[str]] = {
    "bad-node-id": [
        "invalid/bad-node-id/nodes/main.yaml:14:3: error: node id 'Bad_Node' is not a valid id (use lowercase letters, digits, '-' and '_', starting with a letter or digit)",
    ],
    "duplicate-choice-id": [
        "invalid/duplicate-choice-id/nodes/main.yaml:13:13: error: duplicate choice id 'go' in node 'start' (first at line 10)",
    ],
    "duplicate-key": [
        "invalid/duplicate-key/nodes/main.yaml:8:5: error: duplicate key 'text' (first defined at line 7)",
    ],
    "duplicate-node-id": [
        "invalid/duplicate-node-id/nodes/more.yaml:2:3: error: duplicate node id 'apron' (first defined at invalid/duplicate-node-id/nodes/main.yaml:11:3)",
    ],
    "ending-with-choices": [
        "invalid/ending-with-choices/nodes/main.yaml:15:7: error: ending node 'apron' must not have choices",
    ],
    "expression-syntax": [
        "invalid/expression-syntax/nodes/main.yaml:11:19: error: in the choice's if: unexpected '=' (use '==' to compare)",
    ],
    "format-version": [
        "invalid/format-version/story.yaml:1:9: error: unsupported format version 2 (this engine reads format 1)",
    ],
    "locked-without-if": [
        "invalid/locked-without-if/nodes/main.yaml:11:17: error: 'locked' needs an 'if': it shows when the if fails",
    ],
    "missing-key": [
        "invalid/missing-key/nodes/main.yaml:9:9: error: a choice is missing the required key 'goto'",
    ],
    "missing-text": [
        "invalid/missing-text/nodes/main.yaml:11:3: error: node 'apron' is missing the required key 'text'",
    ],
    "no-choices-no-ending": [
        "invalid/no-choices-no-ending/nodes/main.yaml:11:3: error: node 'apron' has neither choices nor an ending",
    ],
    "not-a-mapping": [
        "invalid/not-a-mapping/nodes/main.yaml:9:7: error: choices must be a list, not a mapping",
    ],
    "unclosed-brace": [
        "invalid/unclosed-brace/nodes/main.yaml:7:14: error: in the text of node 'start': unclosed '{' (write '{{' for a literal brace)",
    ],
    "undeclared-variable": [
        "invalid/undeclared-variable/nodes/main.yaml:11:13: error: in the choice's if: undeclared variable 'scroe' (did you mean 'score'?)",
    ],
    "unknown-era": [
        "invalid/unknown-era/nodes/main.yaml:4:10: error: unknown era '2061' (did you mean '2016'?)",
    ],
    "unknown-fact": [
        "invalid/unknown-fact/nodes/main.yaml:6:13: error: unknown fact 'launch-2017' (did you mean 'launch-2016'?)",
    ],
    "unknown-fact-in-expression": [
        "invalid/unknown-fact-in-expression/nodes/main.yaml:11:19: error: in the choice's if: known() names unknown fact 'lanch-2016' (did you mean 'launch-2016'?)",
    ],
    "unknown-interpolation": [
        "invalid/unknown-interpolation/nodes/main.yaml:7:20: error: {scor} names an undeclared variable (did you mean 'score'?)",
    ],
    "unknown-key": [
        "invalid/unknown-key/nodes/main.yaml:3:5: error: unknown key 'titel' in node 'start' (did you mean 'title'?)",
    ],
    "unknown-node": [
        "invalid/unknown-node/nodes/main.yaml:10:15: error: choice goes to unknown node 'apronn' (did you mean 'apron'?)",
    ],
    "unknown-node-in-expression": [
        "invalid/unknown-node-in-expression/nodes/main.yaml:11:21: error: in the choice's if: visited() names unknown node 'aprn' (did you mean 'apron'?)",
    ],
    "unknown-place": [
        "invalid/unknown-place/nodes/main.yaml:5:12: error: unknown place 'vostochni' (did you mean 'vostochny'?)",
    ],
    "unknown-start": [
        "invalid/unknown-start/story.yaml:4:8: error: start node 'strat' is not defined (did you mean 'start'?)",
    ],
    "unreachable": [
        "invalid/unreachable/nodes/main.yaml:14:3: warning: ending 'island' (\"Alone\") can never be reached [unreachable-ending]",
    ],
    "unsafe-tag": [
        "invalid/unsafe-tag/nodes/main.yaml:7:11: error: unsupported YAML tag 'tag:yaml.org,2002:python/object/apply:os.system'",
        "invalid/unsafe-tag/nodes/main.yaml:7:44: error: a text block must be a mapping, not the string 'true'",
    ],
    "was-clash": [
        "invalid/was-clash/nodes/main.yaml:11:3: error: 'was: start' names a node that still exists",
    ],
    "wrong-type-condition": [
        "invalid/wrong-type-condition/nodes/main.yaml:11:19: error: in the choice's if: 'and' needs bool values, not int",
    ],
    "wrong-type-default": [
        "invalid/wrong-type-default/story.yaml:9:13: error: variable 'has_pass' needs a default that is a whole number, true/false or a string, not the number 1.5",
    ],
    "wrong-type-effect": [
        "invalid/wrong-type-effect/nodes/main.yaml:11:25: error: in the value of 'has_pass': expected a bool expression, but this is int",
    ],
    "wrong-type-once": [
        "invalid/wrong-type-once/nodes/main.yaml:11:15: error: once must be true or false, not the string 'yes'",
    ],
    "yaml-syntax": [
        "invalid/yaml-syntax/nodes/main.yaml:10:16: error: YAML syntax error: did not find expected key",
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_gives_exactly_its_diagnostic(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES)
    result = check_story(f"invalid/{name}")
    assert [d.format() for d in result.diagnostics] == EXPECTED[name]


def test_every_invalid_fixture_has_an_expectation() -> None:
    on_disk = {p.name for p in (FIXTURES / "invalid").iterdir() if p.is_dir()}
    assert on_disk == set(EXPECTED)


def test_the_base_fixture_is_clean(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES)
    result = check_story("mini")
    assert result.diagnostics == []
    assert result.story is not None


@pytest.mark.parametrize(
    "name", sorted(n for n, lines in EXPECTED.items() if " error: " in lines[0])
)
def test_check_command_exits_1_and_prints_the_line_on_stderr(
    name: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(FIXTURES)
    assert main(["check", f"invalid/{name}"]) == 1
    err = capsys.readouterr().err
    for line in EXPECTED[name]:
        assert line in err.splitlines()


def test_warnings_pass_check_but_fail_strict(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES)
    assert main(["check", "invalid/unreachable"]) == 0
    assert main(["check", "--strict", "invalid/unreachable"]) == 1


def test_json_format_lists_the_same_diagnostics(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(FIXTURES)
    assert main(["check", "--format", "json", "invalid/unknown-node"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data == [
        {
            "path": "invalid/unknown-node/nodes/main.yaml",
            "line": 10,
            "col": 15,
            "severity": "error",
            "message": "choice goes to unknown node 'apronn' (did you mean 'apron'?)",
            "code": "reference",
        }
    ]


def test_missing_directory_is_a_usage_error(
    tmp_path: object, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "/no/such/story"]) == 2
    assert "no such directory" in capsys.readouterr().err


def test_directory_without_manifest_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(FIXTURES)
    assert main(["check", "invalid"]) == 2
    assert "not a story" in capsys.readouterr().err
