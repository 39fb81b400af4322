"""`first:`/`again:` blocks, inline `{if}` text and `memory: true`, through the engine."""

from __future__ import annotations

import shutil
from pathlib import Path

from cosmodrome.engine.explain import explain_text
from cosmodrome.engine.game import Game
from cosmodrome.engine.progress import current_place
from cosmodrome.story.diagram import node_label, story_graph
from cosmodrome.story.json_schema import document
from cosmodrome.story.loader import check_story, load_story
from cosmodrome.story.model import AGAIN, FIRST
from tests.conftest import FIXTURES

REVISITS = FIXTURES / "revisits"


def broken(tmp_path: Path, old: str, new: str) -> list[tuple[int, int, str, str]]:
    """The errors of the revisits story with one edit to hut.yaml: (line, col, code, message)."""
    target = tmp_path / "story"
    shutil.copytree(REVISITS, target)
    hut = target / "nodes" / "hut.yaml"
    text = hut.read_text(encoding="utf-8")
    assert old in text
    hut.write_text(text.replace(old, new), encoding="utf-8")
    result = check_story(target)
    return [(d.line, d.col, d.code, d.message) for d in result.diagnostics if d.is_error]


def test_first_block_shows_on_the_first_entry_only() -> None:
    game = Game(load_story(REVISITS))
    state = game.start()
    text = game.passage(state).text
    assert "Sit. I served at Svobodny-18" in text
    assert "Back again" not in text


def test_again_blocks_show_on_return_with_their_conditions() -> None:
    game = Game(load_story(REVISITS))
    state = game.take(game.start(), "tea")
    text = game.passage(state).text
    assert "Sit." not in text
    assert "Back again, Arkady says." in text
    assert "The tea has gone cold." in text  # `again` combined with `if: tea`


def test_the_model_says_which_visits_a_block_is_for() -> None:
    hut = load_story(REVISITS).nodes["hut"]
    assert [b.visit for b in hut.blocks] == [FIRST, AGAIN, AGAIN, None]


def test_inline_if_picks_one_of_two_texts() -> None:
    game = Game(load_story(REVISITS))
    state = game.start()
    assert "You hold 0 leads." in game.passage(state).text
    state = game.take(state, "tea")
    assert "You hold 1 lead." in game.passage(state).text


def test_inline_if_reads_facts_and_visits() -> None:
    game = Game(load_story(REVISITS))
    state = game.start()
    assert "He knows you know." not in game.passage(state).text
    state = game.take(state, "base-memory.1")
    state = game.take(state, "hut.1")
    assert "He knows you know." in game.passage(state).text
    end = game.take(state, "road.1")
    assert game.passage(end).text == "You drive away, remembering."


def test_a_memory_does_not_move_the_player_on_the_map() -> None:
    story = load_story(REVISITS)
    game = Game(story)
    state = game.take(game.start(), "base-memory.1")
    place = current_place(story, state)
    assert place is not None
    assert place.id == "hut"
    assert story.nodes["base-memory"].memory


def test_an_inline_condition_is_type_checked_where_it_is_written(tmp_path: Path) -> None:
    errors = broken(tmp_path, "{if leads == 1:", "{if leads == true:")
    assert len(errors) == 1
    line, col, code, message = errors[0]
    assert (line, code) == (13, "expr")
    source = (tmp_path / "story" / "nodes" / "hut.yaml").read_text().splitlines()[line - 1]
    assert source[col - 1 :].startswith("== true: lead")  # the operator whose types clash
    assert "inline if" in message


def test_an_undeclared_name_in_an_inline_condition_is_pointed_at(tmp_path: Path) -> None:
    errors = broken(tmp_path, '{if visited(\\"base-memory\\") > 0:', "{if nope > 0:")
    line, col, code, message = errors[0]
    source = (tmp_path / "story" / "nodes" / "hut.yaml").read_text().splitlines()[line - 1]
    assert code == "expr"
    assert source[col - 1 :].startswith("nope")
    assert "undeclared variable 'nope'" in message


def test_three_texts_in_an_inline_if_is_an_error_at_the_second_bar(tmp_path: Path) -> None:
    errors = broken(tmp_path, "lead | leads}", "lead | leads | many}")
    line, col, code, message = errors[0]
    source = (tmp_path / "story" / "nodes" / "hut.yaml").read_text().splitlines()[line - 1]
    assert code == "text"
    assert source[col - 1 :].startswith("| many}")
    assert "at most two texts" in message


def test_an_inline_if_without_a_colon_is_an_error(tmp_path: Path) -> None:
    errors = broken(tmp_path, "{if leads == 1: lead | leads}", "{if leads == 1 lead}")
    assert [(code, "needs ':'" in message) for _, _, code, message in errors] == [("text", True)]


def test_a_block_cannot_be_first_and_again(tmp_path: Path) -> None:
    errors = broken(
        tmp_path,
        '      - again: true\n        text: "Back',
        '      - again: true\n        first: true\n        text: "Back',
    )
    assert [code for _, _, code, _ in errors] == ["type"]
    assert "both 'first' and 'again'" in errors[0][3]


def test_the_schema_knows_the_new_keys() -> None:
    nodes = document("nodes.schema.json")["$defs"]
    assert {"first", "again"} <= nodes["block"]["properties"].keys()
    assert nodes["node"]["properties"]["memory"]["type"] == "boolean"
    variable = document("story.schema.json")["$defs"]["variable"]["anyOf"][1]
    assert variable["properties"]["was"]["type"] == "array"


def test_the_graph_marks_memories_and_nodes_that_greet_a_return() -> None:
    graph = story_graph(load_story(REVISITS))
    labels = {node.id: node_label(node) for node in graph.nodes}
    assert labels["base-memory"].endswith("(memory, first/again)")
    assert labels["hut"].endswith("\n(first/again)")
    assert "(" not in labels["road"]


def test_the_inspector_says_which_blocks_show_and_why() -> None:
    story = load_story(REVISITS)
    game = Game(story)
    state = game.take(game.start(), "tea")
    shown = {t.what: (t.shown, t.why) for t in explain_text(story.nodes["hut"], state)}
    assert shown["block 1, first"] == (False, "first only, and this is entry 2")
    assert shown["block 2, again"] == (True, "again only, and this is entry 2")
    assert shown["block 3, again, if tea"] == (True, "condition is true")
    assert shown["{if leads == 1}"] == (True, 'true: "lead"')
    assert shown['{if known("base-closed")}'] == (False, 'false: ""')
