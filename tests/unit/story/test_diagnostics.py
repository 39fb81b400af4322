"""One invalid fixture per rule of the contract: the exact diagnostic line it gives."""

from __future__ import annotations

import json

import pytest

from cosmodrome.cli import main
from cosmodrome.story.diagnostic_text import render_all
from cosmodrome.story.loader import check_story
from tests.conftest import FIXTURES

EXPECTED: dict[str, str] = {
    "bad-node-id": """\
invalid/bad-node-id/nodes/main.yaml:14:3: error: node id 'Bad_Node' is not a valid id (use lowercase letters, digits, '-' and '_', starting with a letter or digit) [bad-id]
   |
14 |   Bad_Node:
   |   ^^^^^^^^""",
    "duplicate-choice-id": """\
invalid/duplicate-choice-id/nodes/main.yaml:13:13: error: duplicate choice id 'go' in node 'start' (first at line 10) [duplicate]
   |
13 |         id: go
   |             ^^""",
    "duplicate-key": """\
invalid/duplicate-key/nodes/main.yaml:8:5: error: duplicate key 'text' (first defined at line 7) [duplicate]
  |
8 |     text: "Again."
  |     ^^^^""",
    "duplicate-node-id": """\
invalid/duplicate-node-id/nodes/more.yaml:2:3: error: duplicate node id 'apron' (first defined at invalid/duplicate-node-id/nodes/main.yaml:11:3) [duplicate]
  |
2 |   apron:
  |   ^^^^^
  = note: invalid/duplicate-node-id/nodes/main.yaml:11:3: 'apron' is first defined here""",
    "ending-with-choices": """\
invalid/ending-with-choices/nodes/main.yaml:15:7: error: ending node 'apron' must not have choices [ending]
   |
15 |       - text: "Again"
   |       ^""",
    "expected-int-effect": """\
invalid/expected-int-effect/nodes/main.yaml:10:22: error: in the value of 'score': expected an int expression, but this is bool [expr]
   |
10 |         set: {score: has_pass}
   |                      ^^^^^^^^""",
    "expression-syntax": """\
invalid/expression-syntax/nodes/main.yaml:11:19: error: in the choice's if: unexpected '=' (use '==' to compare) [expr]
   |
11 |         if: score = 1
   |                   ^""",
    "format-version": """\
invalid/format-version/story.yaml:1:9: error: unsupported format version 2 (this engine reads format 1) [format]
  |
1 | format: 2
  |         ^""",
    "locked-without-if": """\
invalid/locked-without-if/nodes/main.yaml:11:17: error: 'locked' needs an 'if': it shows when the if fails [locked]
   |
11 |         locked: "No pass."
   |                 ^^^^^^^^^^""",
    "missing-key": """\
invalid/missing-key/nodes/main.yaml:9:9: error: a choice is missing the required key 'goto' [missing-key]
  |
9 |       - text: "Go"
  |         ^^^^""",
    "missing-text": """\
invalid/missing-text/nodes/main.yaml:11:3: error: node 'apron' is missing the required key 'text' [missing-key]
   |
11 |   apron:
   |   ^^^^^""",
    "no-choices-no-ending": """\
invalid/no-choices-no-ending/nodes/main.yaml:11:3: error: node 'apron' has neither choices nor an ending [ending]
   |
11 |   apron:
   |   ^^^^^""",
    "not-a-mapping": """\
invalid/not-a-mapping/nodes/main.yaml:9:7: error: choices must be a list, not a mapping [type]
  |
9 |       text: "Go"
  |       ^^^^""",
    "string-default": """\
invalid/string-default/story.yaml:7:14: error: variable 'score' is text: its default "0" is quoted, but 2 uses need a number [string-default]
  |
7 |     default: "0"
  |              ^^^
  = hint: write the default without quotes (default: 0) to make it a number
  = note: invalid/string-default/nodes/main.yaml:10:17: 'score' used as a number here
  = note: invalid/string-default/nodes/main.yaml:11:22: 'score' used as a number here
  = fix: write 0 without quotes""",
    "unclosed-brace": """\
invalid/unclosed-brace/nodes/main.yaml:7:14: error: in the text of node 'start': unclosed '{' (write '{{' for a literal brace) [text]
  |
7 |     text: "A {brace"
  |              ^""",
    "undeclared-variable": """\
invalid/undeclared-variable/nodes/main.yaml:11:13: error: in the choice's if: undeclared variable 'scroe' (did you mean 'score'?) [expr]
   |
11 |         if: scroe >= 1
   |             ^^^^^""",
    "unknown-era": """\
invalid/unknown-era/nodes/main.yaml:4:10: error: unknown era '2061' (did you mean '2016'?) [reference]
  |
4 |     era: "2061"
  |          ^^^^^^
  = fix: replace with '2016'""",
    "unknown-fact": """\
invalid/unknown-fact/nodes/main.yaml:6:13: error: unknown fact 'launch-2017' (did you mean 'launch-2016'?) [reference]
  |
6 |     facts: [launch-2017]
  |             ^^^^^^^^^^^
  = fix: replace with 'launch-2016'""",
    "unknown-fact-in-expression": """\
invalid/unknown-fact-in-expression/nodes/main.yaml:11:19: error: in the choice's if: known() names unknown fact 'lanch-2016' (did you mean 'launch-2016'?) [expr]
   |
11 |         if: known("lanch-2016")
   |                   ^""",
    "unknown-interpolation": """\
invalid/unknown-interpolation/nodes/main.yaml:7:20: error: {scor} names an undeclared variable (did you mean 'score'?) [text]
  |
7 |     text: "Score: {scor}."
  |                    ^^^^""",
    "unknown-key": """\
invalid/unknown-key/nodes/main.yaml:3:5: error: unknown key 'titel' in node 'start' (did you mean 'title'?) [unknown-key]
  |
3 |     titel: "Start"
  |     ^^^^^
  = fix: replace with 'title'""",
    "unknown-node": """\
invalid/unknown-node/nodes/main.yaml:10:15: error: choice goes to unknown node 'apronn' (did you mean 'apron'?) [reference]
   |
10 |         goto: apronn
   |               ^^^^^^
   = fix: replace with 'apron'""",
    "unknown-node-in-expression": """\
invalid/unknown-node-in-expression/nodes/main.yaml:11:21: error: in the choice's if: visited() names unknown node 'aprn' (did you mean 'apron'?) [expr]
   |
11 |         if: visited("aprn") > 0
   |                     ^""",
    "unknown-place": """\
invalid/unknown-place/nodes/main.yaml:5:12: error: unknown place 'vostochni' (did you mean 'vostochny'?) [reference]
  |
5 |     place: vostochni
  |            ^^^^^^^^^
  = fix: replace with 'vostochny'""",
    "unknown-start": """\
invalid/unknown-start/story.yaml:4:8: error: start node 'strat' is not defined (did you mean 'start'?) [reference]
  |
4 | start: strat
  |        ^^^^^
  = fix: replace with 'start'""",
    "unreachable": """\
invalid/unreachable/nodes/main.yaml:14:3: warning: ending 'island' ("Alone") can never be reached [unreachable-ending]
   |
14 |   island:
   |   ^^^^^^""",
    "unsafe-tag": """\
invalid/unsafe-tag/nodes/main.yaml:7:11: error: unsupported YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' [yaml]
  |
7 |     text: !!python/object/apply:os.system ["true"]
  |           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^

invalid/unsafe-tag/nodes/main.yaml:7:44: error: a text block must be a mapping, not the string 'true' [type]
  |
7 |     text: !!python/object/apply:os.system ["true"]
  |                                            ^^^^^^""",
    "was-clash": """\
invalid/was-clash/nodes/main.yaml:11:3: error: 'was: start' names a node that still exists [was]
   |
11 |   apron:
   |   ^^^^^""",
    "wrong-type-condition": """\
invalid/wrong-type-condition/nodes/main.yaml:11:19: error: in the choice's if: 'and' needs bool values, not int [expr]
   |
11 |         if: score and has_pass
   |                   ^^^""",
    "wrong-type-default": """\
invalid/wrong-type-default/story.yaml:9:13: error: variable 'has_pass' needs a default that is a whole number, true/false or a string, not the number 1.5 [type]
  |
9 |   has_pass: 1.5
  |             ^^^""",
    "wrong-type-effect": """\
invalid/wrong-type-effect/nodes/main.yaml:11:25: error: in the value of 'has_pass': expected a bool expression, but this is int [expr]
   |
11 |         set: {has_pass: score + 1}
   |                         ^^^^^""",
    "wrong-type-once": """\
invalid/wrong-type-once/nodes/main.yaml:11:15: error: once must be true or false, not the string 'yes' [type]
   |
11 |         once: "yes"
   |               ^^^^^""",
    "yaml-indentation": """\
invalid/yaml-indentation/nodes/main.yaml:5:4: error: YAML syntax error: did not find expected key [yaml]
  |
5 |    place: vostochny
  |    ^
  = hint: check this line's indentation against the lines above: the keys of one mapping start in the same column""",
    "yaml-missing-colon": """\
invalid/yaml-missing-colon/nodes/main.yaml:5:5: error: 'place vostochny' has no ':' after its key [yaml-missing-colon]
  |
5 |     place vostochny
  |     ^^^^^^^^^^^^^^^
  = hint: write `key: value`, with a colon and a space
  = fix: write 'place:'""",
    "yaml-quote-inside-text": """\
invalid/yaml-quote-inside-text/nodes/main.yaml:10:17: error: a ' inside this quoted text ends it early (write an apostrophe in single quotes twice: '') [yaml-quoted-start]
   |
10 |         locked: 'It's locked'
   |                 ^^^^^^^^^^^^^
   = hint: write it as "It's locked"
   = fix: quote the text so the quote inside it stays""",
    "yaml-quoted-start": """\
invalid/yaml-quoted-start/nodes/main.yaml:10:13: error: YAML ends this value at its closing quote, so what follows cannot be read [yaml-quoted-start]
   |
10 |         if: "has_pass" and true
   |             ^^^^^^^^^^^^^^^^^^^
   = hint: quote the whole value: '"has_pass" and true'
   = fix: quote the whole value""",
    "yaml-syntax": """\
invalid/yaml-syntax/nodes/main.yaml:7:11: error: this quote is never closed on its line: YAML reads on to the next " (at line 10) and fails there [yaml-unclosed-quote]
  |
7 |     text: "The pad.
  |           ^
  = hint: close it with a " where the text ends
  = fix: add the closing quote at the end of the line""",
    "yaml-tab": """\
invalid/yaml-tab/nodes/main.yaml:7:1: error: tabs are not allowed for indentation [yaml-tab]
  |
7 |     text: "The pad."
  | ^^^^
  = hint: indent with spaces (most editors can insert spaces when Tab is pressed)""",
    "yaml-unclosed-quote": """\
invalid/yaml-unclosed-quote/nodes/main.yaml:3:12: error: this quote is never closed on its line: YAML reads on to the next " (at line 4) and fails there [yaml-unclosed-quote]
  |
3 |     title: "Start
  |            ^
  = hint: close it with a " where the text ends
  = fix: add the closing quote at the end of the line""",
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_gives_exactly_its_diagnostic(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES)
    result = check_story(f"invalid/{name}")
    assert "\n".join(render_all(result.diagnostics)) == EXPECTED[name]


def test_every_invalid_fixture_has_an_expectation() -> None:
    on_disk = {p.name for p in (FIXTURES / "invalid").iterdir() if p.is_dir()}
    assert on_disk == set(EXPECTED)


def test_the_base_fixture_is_clean(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES)
    result = check_story("mini")
    assert result.diagnostics == []
    assert result.story is not None


@pytest.mark.parametrize(
    "name", sorted(n for n, text in EXPECTED.items() if " error: " in text.splitlines()[0])
)
def test_check_command_exits_1_and_prints_the_rendered_diagnostic_on_stderr(
    name: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(FIXTURES)
    assert main(["check", f"invalid/{name}"]) == 1
    err = capsys.readouterr().err
    assert EXPECTED[name] in err
    errors = EXPECTED[name].count(": error: ")
    assert err.rstrip().endswith(f"{errors} error{'s' if errors != 1 else ''}, 0 warnings")


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
    where = {"line": 10, "col": 15}, {"line": 10, "col": 21}
    assert data == [
        {
            "path": "invalid/unknown-node/nodes/main.yaml",
            "line": 10,
            "col": 15,
            "start": where[0],
            "end": where[1],
            "severity": "error",
            "code": "reference",
            "message": "choice goes to unknown node 'apronn' (did you mean 'apron'?)",
            "hint": None,
            "related": [],
            "fix": {
                "title": "replace with 'apron'",
                "edits": [
                    {
                        "path": "invalid/unknown-node/nodes/main.yaml",
                        "start": where[0],
                        "end": where[1],
                        "new_text": "apron",
                    }
                ],
            },
        }
    ]


def test_json_carries_hint_and_related_places(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(FIXTURES)
    assert main(["check", "--json", "invalid/string-default"]) == 1
    (data,) = json.loads(capsys.readouterr().out)
    assert data["code"] == "string-default"
    assert data["hint"].startswith("write the default without quotes")
    uses = [(r["start"]["line"], r["start"]["col"]) for r in data["related"]]
    assert uses == [(10, 17), (11, 22)]
    assert data["fix"]["edits"][0]["new_text"] == "0"


def test_stats_travel_with_the_diagnostics_in_json(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(FIXTURES)
    assert main(["check", "--stats", "--format", "json", "mini"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["diagnostics"] == []
    assert data["stats"]["nodes"] == 2


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
