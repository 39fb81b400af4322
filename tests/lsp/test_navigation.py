"""Go to definition, find references and hover, on every kind of name a story has."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from tests.lsp.helpers import at, column, doc, open_file

# (file, 0-based line, what to point at inside it) -> (file, 0-based line of the declaration)
DEFINITIONS = [
    ("nodes/a.yaml", 9, "apron", "nodes/b.yaml", 1),  # goto
    ("nodes/a.yaml", 3, "2016", "story.yaml", 10),  # era
    ("nodes/a.yaml", 4, "pad", "story.yaml", 13),  # place
    ("nodes/a.yaml", 5, "launch", "facts.yaml", 1),  # facts
    ("nodes/a.yaml", 10, "has_pass", "story.yaml", 8),  # a variable in an if
    ("nodes/a.yaml", 12, "trust:", "story.yaml", 5),  # a variable that set assigns
    ("nodes/a.yaml", 12, "trust +", "story.yaml", 5),  # a variable in set's expression
    ("nodes/b.yaml", 7, "gate", "nodes/a.yaml", 1),  # visited("…")
    ("nodes/b.yaml", 7, "launch", "facts.yaml", 1),  # known("…")
    ("story.yaml", 3, "gate", "nodes/a.yaml", 1),  # start
]


@pytest.mark.parametrize(("source", "line", "needle", "target", "target_line"), DEFINITIONS)
async def test_definition_goes_to_the_declaration(
    client: LanguageClient,
    story: Path,
    *,
    source: str,
    line: int,
    needle: str,
    target: str,
    target_line: int,
) -> None:
    uri = open_file(client, story / source)
    found = await client.text_document_definition_async(
        types.DefinitionParams(
            text_document=doc(uri), position=at(line, column(story / source, line, needle, 1))
        )
    )
    assert isinstance(found, list)
    assert [(f.uri, f.range.start.line) for f in found] == [
        ((story / target).as_uri(), target_line)
    ]


async def test_definition_of_a_was_entry_is_its_node(client: LanguageClient, story: Path) -> None:
    b = story / "nodes" / "b.yaml"
    text = b.read_text(encoding="utf-8").replace("  home:\n", "  home:\n    was: [house]\n")
    uri = open_file(client, b, text)
    found = await client.text_document_definition_async(
        types.DefinitionParams(text_document=doc(uri), position=at(13, 11))
    )
    assert isinstance(found, list)
    assert [(f.uri, f.range.start.line) for f in found] == [(uri, 12)]


async def test_references_of_a_node_cover_every_file(client: LanguageClient, story: Path) -> None:
    a, b = story / "nodes" / "a.yaml", story / "nodes" / "b.yaml"
    uri = open_file(client, b)
    found = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=doc(uri),
            position=at(1, 3),
            context=types.ReferenceContext(include_declaration=True),
        )
    )
    assert found is not None
    assert sorted((f.uri, f.range.start.line, f.range.start.character) for f in found) == sorted(
        [(b.as_uri(), 1, 2), (a.as_uri(), 9, 14), (a.as_uri(), 14, 14)]
    )


async def test_references_of_a_variable_leave_out_its_declaration_when_asked(
    client: LanguageClient, story: Path
) -> None:
    uri = open_file(client, story / "story.yaml")
    found = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=doc(uri),
            position=at(5, 3),
            context=types.ReferenceContext(include_declaration=False),
        )
    )
    assert found is not None
    a = (story / "nodes" / "a.yaml").as_uri()
    assert sorted((f.uri, f.range.start.line) for f in found) == [
        (a, 6),
        (a, 10),
        (a, 12),
        (a, 12),
    ]


async def hover_text(client: LanguageClient, uri: str, position: types.Position) -> str:
    found = await client.text_document_hover_async(
        types.HoverParams(text_document=doc(uri), position=position)
    )
    assert found is not None and isinstance(found.contents, types.MarkupContent)
    return found.contents.value


async def test_hover_shows_a_node_a_variable_and_a_fact(
    client: LanguageClient, story: Path
) -> None:
    a = story / "nodes" / "a.yaml"
    uri = open_file(client, a)
    node = await hover_text(client, uri, at(9, 16))
    assert "**node** `apron`: The apron" in node
    assert "> The rocket stands on the apron." in node
    variable = await hover_text(client, uri, at(12, 12))
    assert "**variable** `trust`: int" in variable
    assert "default: `0`" in variable and "label: Trust" in variable
    fact = await hover_text(client, uri, at(5, 13))
    assert "**fact** `launch` (2016): The first launch" in fact
    assert "Soyuz-2.1a" in fact
    gate = await hover_text(client, uri, at(1, 3))
    assert "era: 2016 (The first launch)" in gate and "place: pad (The launch pad)" in gate
