"""The authoring toolkit as an author runs it: the real `cosmodrome` command in a subprocess."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cosmodrome.story.json_schema import DOCUMENTS
from tests.conftest import FIXTURES, REPO


def cosmodrome(*args: str, cwd: Path = FIXTURES) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cosmodrome", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        check=False,
    )


def test_check_strict_fails_on_a_lint_warning_with_its_exact_line() -> None:
    done = cosmodrome("check", "--strict", "lint-no-way-out")
    assert done.returncode == 1
    assert (
        "lint-no-way-out/nodes/main.yaml:9:3: warning: no ending can be reached from node "
        "'forest': every way on leads back [no-way-out]"
    ) in done.stderr.splitlines()


def test_random_test_of_a_clean_story_passes_quietly() -> None:
    done = cosmodrome("test", "sample", "--runs", "100", "--seed", "4")
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines()[0] == (
        "Random test of 'The Checkpoint': 100 runs (seed 4, at most 1000 choices each)"
    )
    assert "Coverage: nodes 5/5 (100%), choices 7/7 (100%)" in done.stdout
    assert done.stdout.splitlines()[-1] == "OK: no problems found"
    assert done.stderr == ""  # no progress bar when stderr is not a terminal


def test_random_test_json_for_ci() -> None:
    done = cosmodrome("test", "lint-soft-lock", "--runs", "50", "--json")
    assert done.returncode == 1
    report = json.loads(done.stdout)
    assert report["ok"] is False
    assert {(p["code"], p["node"]) for p in report["problems"]} == {
        ("soft-lock", "hall"),
        ("soft-lock", "alley"),
    }
    assert report["coverage"]["nodes_total"] == 5
    assert sum(report["endings"].values()) + sum(p["count"] for p in report["problems"]) == 50


def test_random_test_reports_an_endless_loop() -> None:
    done = cosmodrome("test", "endless-loop", "--runs", "3", "--max-steps", "20")
    assert done.returncode == 1
    assert "loop at node 'start' (run seed 0), 3 times: still playing after 20 choices" in (
        done.stdout
    )


def test_exhaustive_test_finds_the_deep_soft_lock_with_its_route() -> None:
    done = cosmodrome("test", "softlock-deep", "--exhaustive")
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    at = lines.index("soft-lock at node 'vault': no choice is available at node 'vault'")
    assert lines[at + 1 : at + 9] == [
        "  route:",
        "    1. Take the stairs down  [start]",
        *(f"    {n}. Take the stairs down  [d{n - 1}]" for n in range(2, 8)),
    ]
    assert "Exhaustive test of 'The vault': 18 states explored (complete)" in lines


def test_exhaustive_test_says_when_the_bound_was_hit() -> None:
    done = cosmodrome("test", "softlock-deep", "--exhaustive", "--max-states", "5")
    assert "5 states explored (INCOMPLETE)" in done.stdout
    assert "the search stopped at the bound of 5 states" in done.stdout
    assert "not reached within the bound:" in done.stdout


def test_record_and_replay_a_golden_transcript(tmp_path: Path) -> None:
    story = tmp_path / "story"
    shutil.copytree(FIXTURES / "sample", story)
    golden = tmp_path / "golden.json"
    done = cosmodrome("test", str(story), "--record", str(golden), "--seed", "11")
    assert done.returncode == 0, done.stderr
    data = json.loads(golden.read_text(encoding="utf-8"))
    assert data["story"] == "sample" and data["seed"] == 11
    assert cosmodrome("test", str(story), "--replay", str(golden)).returncode == 0
    gate = story / "nodes" / "gate.yaml"
    gate.write_text(gate.read_text().replace("Rain on the windscreen", "Sleet"), "utf-8")
    done = cosmodrome("test", str(story), "--replay", str(golden))
    assert done.returncode == 1
    assert done.stdout.startswith(f"{golden}: step 1: the text of node 'prologue' has changed")


def test_replay_of_a_file_that_is_not_a_transcript_is_a_usage_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("[]", encoding="utf-8")
    done = cosmodrome("test", "sample", "--replay", str(bad))
    assert done.returncode == 2
    assert done.stderr.strip() == f"cosmodrome test: {bad}: not a transcript " + (
        '(no "format": "cosmodrome-transcript")'
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["test", "no-such-story"], "no-such-story: no such directory"),
        (["test", "sample", "--runs", "0"], "0 is not a positive number"),
    ],
)
def test_usage_errors_exit_2_with_one_line(args: list[str], message: str) -> None:
    done = cosmodrome(*args)
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
def test_graph_dot_renders_with_graphviz() -> None:
    done = cosmodrome("graph", "graph-escapes", "--choice-text")
    assert done.returncode == 0
    svg = subprocess.run(
        ["dot", "-Tsvg"], input=done.stdout, capture_output=True, text=True, check=True
    )
    assert "<svg" in svg.stdout


def test_graph_mermaid_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "story.mmd"
    done = cosmodrome("graph", "sample", "--format", "mermaid", "--output", str(out))
    assert done.returncode == 0 and done.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert text.startswith("flowchart LR\n")
    assert '  subgraph era_1 ["Summit"]' in text


def test_schema_check_passes_for_the_committed_schemas() -> None:
    assert cosmodrome("schema", "--check", "story/schema", cwd=REPO).returncode == 0


def test_schema_write_then_check(tmp_path: Path) -> None:
    assert cosmodrome("schema", "--write", str(tmp_path)).returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(DOCUMENTS)
    assert cosmodrome("schema", "--check", str(tmp_path)).returncode == 0
    (tmp_path / "nodes.schema.json").write_text("{}", encoding="utf-8")
    done = cosmodrome("schema", "--check", str(tmp_path))
    assert done.returncode == 1
    assert "nodes.schema.json: out of date" in done.stdout


def test_schema_prints_one_schema_for_any_story_file() -> None:
    done = cosmodrome("schema")
    schema = json.loads(done.stdout)
    assert {r["$ref"] for r in schema["anyOf"]} == {
        "#/$defs/manifest",
        "#/$defs/node_file",
        "#/$defs/facts_file",
    }


def test_new_node_then_the_story_still_checks(tmp_path: Path) -> None:
    story = tmp_path / "story"
    shutil.copytree(FIXTURES / "sample", story)
    done = cosmodrome("new", "node", "side-room", "--story", str(story))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"{story / 'nodes' / 'new.yaml'}:2: added node 'side-room'"
    check = cosmodrome("check", str(story))
    assert check.returncode == 0, check.stderr
    assert "node 'side-room' cannot be reached from 'prologue' [unreachable]" in check.stderr
    again = cosmodrome("new", "node", "side-room", "--story", str(story))
    assert again.returncode == 1
    assert "node 'side-room' already exists at nodes/new.yaml:2:3" in again.stderr


def test_exhaustive_test_stopped_by_its_bound_exits_incomplete() -> None:
    done = cosmodrome("test", "explore-bound", "--exhaustive", "--max-states", "10")
    assert done.returncode == 3
    assert "10 states explored (INCOMPLETE)" in done.stdout
    assert "with 1 state found and not yet explored" in done.stdout
    assert done.stdout.splitlines()[-1] == (
        "INCOMPLETE: no problem found in the states explored, but this is no proof"
    )


def test_exhaustive_test_prints_the_route_to_each_ending() -> None:
    done = cosmodrome("test", "explore-moody", "--exhaustive")
    lines = done.stdout.splitlines()
    at = lines.index("  out: 5 choices")
    assert lines[at + 1 : at + 6] == [
        "      1. Cheer up  [start]",
        "      2. Cheer up  [start]",
        "      3. Cheer up  [start]",
        "      4. Go to the door  [start]",
        "      5. Walk out  [door]",
    ]


@pytest.mark.parametrize("spelling", [["--format", "json"], ["--json"]])
def test_exhaustive_test_as_json(spelling: list[str]) -> None:
    done = cosmodrome("test", "explore-bound", "--exhaustive", "--max-states", "10", *spelling)
    assert done.returncode == 3
    data = json.loads(done.stdout)
    assert (data["complete"], data["stopped_by"], data["frontier"]) == (False, "states", 1)
    assert data["ok"] is False and data["not_reached"] == ["outside"]


def test_random_test_as_json() -> None:
    done = cosmodrome("test", "explore-moody", "--runs", "20", "--format", "json")
    assert done.returncode == 1
    data = json.loads(done.stdout)
    assert data["runs"] == 20
    assert any(p["code"] == "soft-lock" and p["node"] == "door" for p in data["problems"])


def _png_width(png: bytes) -> int:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(png[16:20], "big")  # the IHDR chunk's width


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
def test_the_shipped_storys_overview_renders_no_wider_than_4000_px() -> None:
    done = cosmodrome("graph", "--overview", "story", cwd=REPO)
    assert done.returncode == 0, done.stderr
    png = subprocess.run(
        ["dot", "-Tpng"], input=done.stdout.encode(), capture_output=True, check=False
    )
    assert png.returncode == 0, png.stderr
    assert _png_width(png.stdout) <= 4000


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
def test_graph_around_a_node_draws_only_its_neighbourhood() -> None:
    done = cosmodrome("graph", "story", "--around", "town-hub", "--depth", "1", cwd=REPO)
    assert done.returncode == 0, done.stderr
    assert '"town-hub"' in done.stdout and '"prologue"' not in done.stdout
    png = subprocess.run(
        ["dot", "-Tpng"], input=done.stdout.encode(), capture_output=True, check=False
    )
    assert _png_width(png.stdout) <= 4000


def test_graph_filter_naming_nothing_is_a_usage_error() -> None:
    done = cosmodrome("graph", "sample", "--era", "2061")
    assert done.returncode == 2
    assert done.stderr == "cosmodrome graph: the story has no era '2061' (did you mean '2016'?)\n"
