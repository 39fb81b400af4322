"""Nothing in a story or a save may drive the terminal: the real `cosmodrome` command's
output (line mode, check, graph, saves) holds no terminal control character, even for a
story and a save full of them (`tests/fixtures/hostile-text`)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.functional.cli_runner import run_cosmodrome

HOSTILE = FIXTURES / "hostile-text"
# C0 but \t and \n, DEL, C1 (with the one-byte CSI U+009B), bidi overrides and isolates
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def assert_no_control(text: str) -> None:
    found = CONTROL.findall(text)
    assert not found, f"terminal controls reached the output: {found!r}"


def test_the_fixture_really_holds_controls() -> None:
    from cosmodrome.story.loader import load_story

    story = load_story(HOSTILE)
    assert CONTROL.search(story.title)
    assert CONTROL.search(story.places["vostochny"].name)


def test_line_mode_shows_no_control_from_the_story(tmp_path: Path) -> None:
    result = run_cosmodrome(
        ["play", "--plain", "--story", str(HOSTILE), "--saves", str(tmp_path)],
        stdin="1\n2\n2\nsave mine\nquit\n",
    )
    assert result.returncode == 0, result.stderr
    assert_no_control(result.stdout)
    assert_no_control(result.stderr)
    assert "Arrival\\u001b]0;pwned\\u0007" in result.stdout  # shown visibly, not dropped
    assert "Pick up\\u009b2J the press pass" in result.stdout


@pytest.mark.parametrize("extra", [[], ["--stats"], ["--format", "json"]])
def test_check_shows_no_control_from_the_story(extra: list[str]) -> None:
    result = run_cosmodrome(["check", str(HOSTILE), *extra])
    assert result.returncode == 0, result.stderr
    assert_no_control(result.stdout)
    assert_no_control(result.stderr)


@pytest.mark.parametrize("form", ["dot", "mermaid"])
def test_graph_escapes_controls_on_stdout_and_in_a_file(form: str, tmp_path: Path) -> None:
    shown = run_cosmodrome(["graph", str(HOSTILE), "--format", form, "--choice-text"])
    assert shown.returncode == 0, shown.stderr
    assert_no_control(shown.stdout)
    assert "\\u001b" in shown.stdout
    target = tmp_path / f"graph.{form}"
    written = run_cosmodrome(["graph", str(HOSTILE), "--format", form, "-o", str(target)])
    assert written.returncode == 0, written.stderr
    assert_no_control(target.read_text(encoding="utf-8"))


def test_saves_lists_a_hostile_save_without_controls(tmp_path: Path) -> None:
    from cosmodrome.saves.codec import checksum

    played = run_cosmodrome(
        ["play", "--plain", "--story", str(HOSTILE), "--saves", str(tmp_path)],
        stdin="save mine\nquit\n",
    )
    assert played.returncode == 0, played.stderr
    path = tmp_path / "mine.save.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    del document["checksum"]
    hostile = "\x1b]0;pwned\x07\x9b2J\u202e\x7f"
    document["header"]["story_title"] = f"The Checkpoint{hostile}"
    document["header"]["node_title"] = f"Arrival{hostile}"
    document["header"]["era_label"] = f"Summit{hostile}"
    document["checksum"] = checksum(document)  # a hand-made save with a sound checksum
    path.write_text(json.dumps(document), encoding="utf-8")
    listed = run_cosmodrome(["saves", "--saves", str(tmp_path)])
    assert listed.returncode == 0, listed.stderr
    assert_no_control(listed.stdout)
    assert_no_control(listed.stderr)
    assert listed.stdout.splitlines()[1].startswith("mine ")  # listed (the store calls it damaged)


def test_a_tampered_save_is_listed_without_controls(tmp_path: Path) -> None:
    bad = {"format": "cosmodrome-save", "version": 1, "header": {"story_title": "\x1b]0;x\x07"}}
    (tmp_path / "odd.save.json").write_text(json.dumps(bad), encoding="utf-8")
    listed = run_cosmodrome(["saves", "--saves", str(tmp_path)])
    assert_no_control(listed.stdout)
    assert_no_control(listed.stderr)


def test_resuming_a_hostile_save_shows_no_control(tmp_path: Path) -> None:
    args = ["play", "--plain", "--story", str(HOSTILE), "--saves", str(tmp_path)]
    assert run_cosmodrome(args, stdin="2\nsave mine\nquit\n").returncode == 0
    resumed = run_cosmodrome([*args, "--load", "mine"], stdin="quit\n")
    assert resumed.returncode == 0, resumed.stderr
    assert_no_control(resumed.stdout)
    assert_no_control(resumed.stderr)
    assert "studies\\u0090 your\\u001b[31m papers." in resumed.stdout
