"""Completion, rename, symbols and positions outside the BMP."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from cosmodrome.story.loader import check_story
from tests.lsp.helpers import (
    apply_edits,
    at,
    column,
    diagnostics,
    doc,
    open_file,
    replace_text,
)


async def labels_at(client: LanguageClient, story: Path, old: str, new: str) -> list[str]:
    """The completion labels with the cursor at the `|` of `new`, written over `old` in
    nodes/a.yaml (unsaved)."""
    a = story / "nodes" / "a.yaml"
    text = a.read_text(encoding="utf-8").replace(old, new, 1)
    before = text[: text.index("|")].split("\n")
    uri = open_file(client, a, text.replace("|", "", 1))
    found = await client.text_document_completion_async(
        types.CompletionParams(
            text_document=doc(uri), position=at(len(before) - 1, len(before[-1]))
        )
    )
    assert isinstance(found, types.CompletionList)
    return [item.label for item in found.items]


@pytest.mark.parametrize(
    ("old", "new", "wanted", "unwanted"),
    [
        ("goto: apron\n        if", "goto: ap|\n        if", {"apron", "gate", "home"}, {"trust"}),
        ("trust >= 0", "trust >= 0 and |", {"trust", "has_pass", 'visited("…")'}, {"apron"}),
        ("{trust} points", "{tr|} points", {"trust", "has_pass"}, {"gate"}),
        ("facts: [launch]", "facts: [la|]", {"launch"}, {"gate"}),
        ('era: "2016"', "era: |", {"2016"}, {"pad"}),
        ("place: pad", "place: |", {"pad"}, {"2016"}),
        ("trust: trust + 1", "trust: trust + 1\n          ha|", {"has_pass", "trust"}, {"apron"}),
        ("goto: apron\n        if", "goto: apron\n        lo|\n        if", {"locked"}, {"title"}),
        ("    place: pad", "    place: pad\n    wa|", {"was"}, {"goto"}),
        ("    place: pad", "    place: pad\n    |", {"was", "ending"}, {"place", "text", "era"}),
        ("goto: apron\n        if", "goto: apron\n        |\n        if", {"once"}, {"goto", "if"}),
        (
            '      - text: "Walk on"',
            '      - |\n        text: "Walk on"',
            {"id", "once"},
            {"text", "goto"},
        ),
    ],
)
async def test_completion_offers_what_fits_the_cursor(
    client: LanguageClient,
    story: Path,
    *,
    old: str,
    new: str,
    wanted: set[str],
    unwanted: set[str],
) -> None:
    found = set(await labels_at(client, story, old, new))
    assert wanted <= found
    assert not unwanted & found


async def test_renaming_a_node_updates_every_file_and_keeps_saves_loading(
    client: LanguageClient, story: Path
) -> None:
    a, b = story / "nodes" / "a.yaml", story / "nodes" / "b.yaml"
    uri = open_file(client, a)
    ready = await client.text_document_prepare_rename_async(
        types.PrepareRenameParams(text_document=doc(uri), position=at(9, 16))
    )
    assert ready == types.Range(start=at(9, 14), end=at(9, 19))
    edit = await client.text_document_rename_async(
        types.RenameParams(text_document=doc(uri), position=at(9, 16), new_name="tarmac")
    )
    assert edit is not None and edit.changes is not None
    assert set(edit.changes) == {a.as_uri(), b.as_uri()}
    for path in (a, b):
        path.write_text(
            apply_edits(path.read_text(encoding="utf-8"), edit.changes[path.as_uri()]),
            encoding="utf-8",
        )
    assert "  tarmac:\n    was: [apron]\n" in b.read_text(encoding="utf-8")
    assert a.read_text(encoding="utf-8").count("goto: tarmac") == 2
    result = check_story(story, use_cache=False)
    assert result.story is not None and not result.diagnostics
    assert result.story.resolve_node("apron") == "tarmac"  # a save made there still loads


async def test_renaming_a_node_adds_to_its_was_list(client: LanguageClient, story: Path) -> None:
    b = story / "nodes" / "b.yaml"
    text = b.read_text(encoding="utf-8").replace("  home:\n", "  home:\n    was: [house]\n")
    uri = open_file(client, b, text)
    edit = await client.text_document_rename_async(
        types.RenameParams(text_document=doc(uri), position=at(12, 3), new_name="hearth")
    )
    assert edit is not None and edit.changes is not None
    assert "was: [house, home]" in apply_edits(text, edit.changes[uri])


async def test_renaming_a_node_adds_a_line_to_a_block_was_list(
    client: LanguageClient, story: Path
) -> None:
    b = story / "nodes" / "b.yaml"
    text = b.read_text(encoding="utf-8").replace(
        "  home:\n", "  home:\n    was:\n      - house\n      - '1993'\n"
    )
    uri = open_file(client, b, text)
    edit = await client.text_document_rename_async(
        types.RenameParams(text_document=doc(uri), position=at(12, 3), new_name="hearth")
    )
    assert edit is not None and edit.changes is not None
    assert "  hearth:\n    was:\n      - house\n      - '1993'\n      - home\n" in apply_edits(
        text, edit.changes[uri]
    )


async def test_a_rename_to_a_taken_id_or_of_a_fact_is_refused(
    client: LanguageClient, story: Path
) -> None:
    uri = open_file(client, story / "nodes" / "a.yaml")
    with pytest.raises(Exception, match="already names a node"):
        await client.text_document_rename_async(
            types.RenameParams(text_document=doc(uri), position=at(9, 16), new_name="home")
        )
    with pytest.raises(Exception, match="only nodes and variables can be renamed"):
        await client.text_document_prepare_rename_async(
            types.PrepareRenameParams(text_document=doc(uri), position=at(5, 13))
        )


async def test_document_symbols_outline_a_node_file(client: LanguageClient, story: Path) -> None:
    uri = open_file(client, story / "nodes" / "b.yaml")
    found = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=doc(uri))
    )
    assert found is not None
    outline = [
        (s.name, s.range.start.line, s.range.end.line, s.detail)
        for s in found
        if isinstance(s, types.DocumentSymbol)
    ]
    assert outline == [("apron", 1, 11, "The apron"), ("home", 12, 14, None)]


async def test_workspace_symbols_find_nodes_by_their_letters(
    client: LanguageClient, story: Path
) -> None:
    open_file(client, story / "story.yaml")
    found = await client.workspace_symbol_async(types.WorkspaceSymbolParams(query="apn"))
    assert found is not None
    assert [(s.name, s.kind) for s in found] == [("apron", types.SymbolKind.Class)]


ROCKET_LINE = 6  # `text: "🚀 A guard at the gate, {trust} points of trust."`


async def test_utf16_positions_count_a_non_bmp_character_twice(
    client: LanguageClient, story: Path
) -> None:
    await _positions_past_a_rocket(client, story, extra=1)


async def test_utf32_is_chosen_when_the_client_offers_it(
    client32: LanguageClient, story: Path
) -> None:
    assert client32.capabilities is not None
    await _positions_past_a_rocket(client32, story, extra=0)


async def _positions_past_a_rocket(client: LanguageClient, story: Path, extra: int) -> None:
    """Definition and diagnostics on a line where 🚀 (one code point, two UTF-16 units)
    comes before the name."""
    a = story / "nodes" / "a.yaml"
    name = column(a, ROCKET_LINE, "{trust}", 1)
    uri = open_file(client, a, a.read_text(encoding="utf-8").replace("{trust}", "{trusty}"))
    [problem] = await diagnostics(client, uri)
    assert problem.range == types.Range(
        start=at(ROCKET_LINE, name + extra), end=at(ROCKET_LINE, name + extra + 6)
    )
    replace_text(client, uri, a.read_text(encoding="utf-8"))
    await diagnostics(client, uri, version=2)
    found = await client.text_document_definition_async(
        types.DefinitionParams(text_document=doc(uri), position=at(ROCKET_LINE, name + extra + 2))
    )
    assert isinstance(found, list) and [f.range.start.line for f in found] == [5]
    references = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=doc((story / "story.yaml").as_uri()),
            position=at(5, 3),
            context=types.ReferenceContext(include_declaration=False),
        )
    )
    assert references is not None
    starts = [r.range.start for r in references if r.range.start.line == ROCKET_LINE]
    assert starts == [at(ROCKET_LINE, name + extra)]
