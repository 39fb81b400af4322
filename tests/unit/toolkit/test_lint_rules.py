"""One fixture per lint rule: the exact warning lines it gives, position and code included."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cosmodrome.cli import main
from cosmodrome.story.lint import LINT_CODES
from cosmodrome.story.loader import check_story
from cosmodrome.story.textedits import apply_edits
from tests.conftest import FIXTURES

EXPECTED: dict[str, list[str]] = {
    "lint-never-set": [
        "lint-never-set/story.yaml:6:3: warning: variable 'rank' is never set, so it is always 3 [never-set]",
        "lint-never-set/story.yaml:7:3: warning: variable 'name' is never set, so it is always \"Yuri\" [never-set]",
        "lint-never-set/story.yaml:8:3: warning: variable 'score' is never set, so it is always 0 [never-set]",
    ],
    "lint-never-true": [
        'lint-never-true/nodes/main.yaml:7:13: warning: this text block never shows: \'visited("start") > 1 and has_pass\' is never true (visited("start") is always 1; has_pass is always false) [never-true]',
        "lint-never-true/nodes/main.yaml:10:13: warning: this choice is always locked: 'has_pass' is never true (has_pass is always false) [never-true]",
        'lint-never-true/nodes/main.yaml:14:13: warning: this choice can never be taken: \'alias == "Anna"\' is never true (alias is one of "" or "Boris") [never-true]',
        "lint-never-true/nodes/main.yaml:17:13: warning: this choice can never be taken: 'medals >= 1' is never true (medals is one of -1 or 0) [never-true]",
        "lint-never-true/nodes/main.yaml:20:13: warning: this choice can never be taken: 'not known(\"secret\")' is never true ('secret' is always known here) [never-true]",
        "lint-never-true/nodes/main.yaml:23:13: warning: this choice can never be taken: 'visited(\"tower\") > 0' is never true (node 'tower' cannot be reached) [never-true]",
    ],
    "lint-no-way-out": [
        "lint-no-way-out/nodes/main.yaml:9:3: warning: no ending can be reached from node 'forest': every way on leads back [no-way-out]",
    ],
    "lint-same-on-return": [
        "lint-same-on-return/nodes/main.yaml:2:3: warning: node 'hub' can be entered again, but its text cannot change between visits [same-on-return]",
    ],
    "lint-save-identity": [
        "lint-save-identity/nodes/main.yaml:5:9: warning: this choice has 'once' and shares its goto 'hut' with another choice: without an id, saves know it only by its position [save-identity]",
        "lint-save-identity/nodes/main.yaml:8:9: warning: this choice has effects and shares its goto 'hut' with another choice: without an id, saves know it only by its position [save-identity]",
    ],
    "lint-soft-lock": [
        "lint-soft-lock/nodes/main.yaml:15:3: warning: node 'gate' may leave the player with no choice when fuel is 0 and has_pass is false [soft-lock]",
        "lint-soft-lock/nodes/main.yaml:24:3: warning: node 'hall' may leave the player with no choice after its 'once' choices are taken, when has_pass is false [soft-lock]",
        "lint-soft-lock/nodes/main.yaml:36:3: warning: node 'alley' never offers a choice that can be taken [soft-lock]",
    ],
    "lint-unknown-code": [
        "lint-unknown-code/nodes/main.yaml:3:14: warning: 'soft-lok' is not a lint code (did you mean 'soft-lock'?) [unknown-code]",
        "lint-unknown-code/story.yaml:5:24: warning: 'unreachble' is not a lint code (did you mean 'unreachable'?) [unknown-code]",
    ],
    "lint-unreachable": [
        "lint-unreachable/nodes/main.yaml:10:13: warning: this choice can never be taken: 'climbed' is never true (climbed is always false) [never-true]",
        "lint-unreachable/nodes/main.yaml:14:3: warning: node 'lost' cannot be reached from 'start' [unreachable]",
        "lint-unreachable/nodes/main.yaml:19:3: warning: node 'fence' cannot be reached from 'start': the choices leading to it can never be taken [unreachable]",
    ],
    "lint-unreachable-ending": [
        "lint-unreachable-ending/nodes/main.yaml:10:13: warning: this choice can never be taken: 'medals >= 1' is never true (medals is one of -1 or 0) [never-true]",
        "lint-unreachable-ending/nodes/main.yaml:14:3: warning: ending 'hero' (\"Hero\") can never be reached: the choices leading to it can never be taken [unreachable-ending]",
        "lint-unreachable-ending/nodes/main.yaml:17:3: warning: ending 'forgotten' (\"Forgotten\") can never be reached [unreachable-ending]",
    ],
    "lint-unrevealed-fact": [
        "lint-unrevealed-fact/facts.yaml:6:3: warning: fact 'hidden' is never revealed [unrevealed-fact]",
        "lint-unrevealed-fact/facts.yaml:10:3: warning: fact 'stranded' is revealed only by nodes that cannot be reached [unrevealed-fact]",
    ],
    "lint-unused-era": [
        "lint-unused-era/story.yaml:8:5: warning: era '1961' is not used by any node [unused-era]",
    ],
    "lint-unused-place": [
        "lint-unused-place/story.yaml:8:3: warning: place 'river' is not used by any node [unused-place]",
    ],
    "lint-unused-variable": [
        "lint-unused-variable/story.yaml:6:3: warning: variable 'spare' is never used [unused-variable]",
        "lint-unused-variable/story.yaml:7:3: warning: variable 'counter' is set but never read [unused-variable]",
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_gives_exactly_its_warnings(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES)
    result = check_story(name, use_cache=False)
    assert result.story is not None
    assert [d.format() for d in result.diagnostics] == EXPECTED[name]


def test_every_lint_code_has_a_fixture_that_shows_it() -> None:
    shown = {line.rsplit("[", 1)[1].rstrip("]") for lines in EXPECTED.values() for line in lines}
    assert shown == set(LINT_CODES)
    assert {f"lint-{code}" for code in LINT_CODES} <= set(EXPECTED)


def test_warnings_pass_check_and_fail_strict(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES)
    assert main(["check", "lint-soft-lock"]) == 0
    assert main(["check", "--strict", "lint-soft-lock"]) == 1


def test_ignore_lists_silence_the_fixture(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES)
    assert check_story("lint-ignore", use_cache=False).diagnostics == []


def _without_ignores(source: Path, target: Path) -> None:
    shutil.copytree(source, target)
    for path in target.rglob("*.yaml"):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        path.write_text("".join(x for x in lines if "ignore:" not in x), encoding="utf-8")


def test_the_same_story_without_its_ignore_lists_warns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _without_ignores(FIXTURES / "lint-ignore", tmp_path / "story")
    monkeypatch.chdir(tmp_path)
    codes = sorted(d.code for d in check_story("story", use_cache=False).diagnostics)
    assert codes == [
        "never-true",
        "save-identity",
        "unreachable",
        "unused-place",
        "unused-variable",
    ]


def test_a_node_ignore_silences_only_its_own_node(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = tmp_path / "story"
    _without_ignores(FIXTURES / "lint-ignore", story)
    nodes = story / "nodes" / "main.yaml"
    text = nodes.read_text(encoding="utf-8")
    nodes.write_text(text.replace("  end:\n", "  end:\n    ignore: [unreachable]\n"), "utf-8")
    monkeypatch.chdir(tmp_path)
    codes = [d.code for d in check_story("story", use_cache=False).diagnostics]
    assert "unreachable" in codes  # the unreachable node is 'draft', not 'end'


def test_the_save_identity_fixes_give_each_choice_an_id(tmp_path: Path) -> None:
    story = tmp_path / "story"
    shutil.copytree(FIXTURES / "lint-save-identity", story)
    warnings = check_story(story, use_cache=False).diagnostics
    edits = [edit for d in warnings if d.fix is not None for edit in d.fix.edits]
    assert len(edits) == 2
    node_file = story / "nodes" / "main.yaml"
    node_file.write_text(apply_edits(node_file.read_text("utf-8"), edits), "utf-8")
    fixed = check_story(story, use_cache=False)
    assert fixed.diagnostics == []
    assert fixed.story is not None
    keys = [choice.key for choice in fixed.story.nodes["hut"].choices]
    assert keys[:2] == ["ask-about-the-base", "ask-about-the-road"]
