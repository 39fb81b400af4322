"""Diagnostics as you type: the whole story checked with the unsaved buffers in place."""

from __future__ import annotations

import asyncio
from pathlib import Path

from lsprotocol import types
from pytest_lsp import LanguageClient

from tests.lsp.helpers import (
    StoryClient,
    at,
    diagnostics,
    doc,
    eventually,
    open_file,
    replace_text,
    until_published,
)


async def test_a_clean_story_publishes_no_diagnostics_for_an_open_file(
    client: LanguageClient, story: Path
) -> None:
    uri = open_file(client, story / "nodes" / "a.yaml")
    assert list(await diagnostics(client, uri)) == []


async def test_unsaved_edits_in_two_files_are_checked_together(
    client: LanguageClient, story: Path
) -> None:
    a, b = story / "nodes" / "a.yaml", story / "nodes" / "b.yaml"
    b_text = b.read_text(encoding="utf-8")
    b_uri = open_file(client, b)
    await diagnostics(client, b_uri)
    replace_text(client, b_uri, b_text.replace("  apron:", "  tarmac:"))
    await diagnostics(client, b_uri, version=2)
    found = await until_published(client, a.as_uri(), bool)  # a.yaml is not even open
    assert [(d.range.start.line, d.code) for d in found] == [(9, "reference"), (14, "reference")]
    assert found[0].range == types.Range(start=at(9, 14), end=at(9, 19))
    assert "choice goes to unknown node 'apron'" in found[0].message
    assert found[0].severity == types.DiagnosticSeverity.Error
    a_uri = open_file(
        client, a, a.read_text(encoding="utf-8").replace("goto: apron", "goto: tarmac")
    )
    assert list(await diagnostics(client, a_uri)) == []
    assert "tarmac" not in b.read_text(encoding="utf-8")  # nothing was saved


async def test_a_yaml_syntax_error_is_reported_and_the_last_good_parse_still_serves(
    client: LanguageClient, story: Path
) -> None:
    b = story / "nodes" / "b.yaml"
    b_uri = open_file(client, b)
    await diagnostics(client, b_uri)
    replace_text(client, b_uri, b.read_text(encoding="utf-8").replace("goto: home", "goto: [home"))
    found = await diagnostics(client, b_uri, version=2)
    assert [d.code for d in found] == ["yaml"]
    assert found[0].message.startswith("YAML syntax error")
    a_uri = open_file(client, story / "nodes" / "a.yaml")
    targets = await client.text_document_definition_async(
        types.DefinitionParams(text_document=doc(a_uri), position=at(9, 16))
    )
    assert isinstance(targets, list)
    assert [(t.uri, t.range.start.line) for t in targets] == [(b_uri, 1)]


async def test_a_file_broken_when_it_opens_serves_what_is_saved(
    client: LanguageClient, story: Path
) -> None:
    a = story / "nodes" / "a.yaml"
    broken = a.read_text(encoding="utf-8").replace(
        "goto: apron\n        if", "goto: [apron\n        if"
    )
    uri = open_file(client, a, broken)
    assert [d.code for d in await diagnostics(client, uri)] == ["yaml"]
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=doc(uri))
    )
    assert symbols is not None and [s.name for s in symbols] == ["gate"]


async def test_a_file_changed_on_disk_is_checked_again(client: LanguageClient, story: Path) -> None:
    assert isinstance(client, StoryClient)
    registered = await eventually(lambda: client.registered or None)
    assert [r.method for r in registered] == [types.WORKSPACE_DID_CHANGE_WATCHED_FILES]
    a = story / "nodes" / "a.yaml"
    a.write_text(a.read_text(encoding="utf-8").replace("place: pad", "place: pod"), "utf-8")
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=a.as_uri(), type=types.FileChangeType.Changed)]
        )
    )
    found = await until_published(client, a.as_uri(), bool)  # never opened in the editor
    assert [d.message for d in found] == ["unknown place 'pod' (did you mean 'pad'?)"]


async def test_rapid_edits_publish_in_order_and_end_on_the_newest(
    client: LanguageClient, story: Path
) -> None:
    a = story / "nodes" / "a.yaml"
    text = a.read_text(encoding="utf-8")
    uri = open_file(client, a)
    await diagnostics(client, uri)
    for version in range(2, 12):  # typing: an unknown place, then the right one at the end
        place = "pad" if version == 11 else f"pad{version}"
        replace_text(client, uri, text.replace("place: pad", f"place: {place}"), version)
    assert list(await diagnostics(client, uri, version=11)) == []
    await asyncio.sleep(0.5)  # anything still on its way from an older check
    assert isinstance(client, StoryClient)
    versions = [p.version or 0 for p in client.published if p.uri == uri]
    assert versions == sorted(versions) and versions[-1] == 11
    assert len(versions) < 1 + 2 * 10  # the pause for more typing skipped some checks


async def test_a_misspelt_key_is_underlined_whole_with_its_code(
    client: LanguageClient, story: Path
) -> None:
    b = story / "nodes" / "b.yaml"
    uri = open_file(client, b, b.read_text(encoding="utf-8").replace("title:", "titel:"))
    [problem] = await diagnostics(client, uri)
    assert problem.code == "unknown-key"
    assert problem.range == types.Range(start=at(2, 4), end=at(2, 9))  # `titel`, not `:`
    assert problem.related_information is None


async def test_a_duplicate_node_id_points_at_its_first_definition(
    client: LanguageClient, story: Path
) -> None:
    b = story / "nodes" / "b.yaml"
    again = '  gate:\n    text: "Again."\n    ending: "Again"\n'
    uri = open_file(client, b, b.read_text(encoding="utf-8") + again)
    [problem] = await diagnostics(client, uri)
    assert (problem.code, problem.range) == ("duplicate", types.Range(at(15, 2), at(15, 6)))
    assert list(problem.related_information or []) == [
        types.DiagnosticRelatedInformation(
            location=types.Location(
                uri=(story / "nodes" / "a.yaml").as_uri(), range=types.Range(at(1, 2), at(1, 6))
            ),
            message="'gate' is first defined here",
        )
    ]


async def test_a_quoted_default_used_as_a_number_shows_its_uses_and_a_hint(
    client: LanguageClient, story: Path
) -> None:
    manifest = story / "story.yaml"
    text = manifest.read_text(encoding="utf-8").replace("default: 0", 'default: "0"')
    uri = open_file(client, manifest, text)
    [problem] = await diagnostics(client, uri)
    assert problem.code == "string-default"
    assert problem.range == types.Range(at(6, 13), at(6, 16))  # `"0"`, quotes and all
    assert problem.message.split("\n") == [
        "variable 'trust' is text: its default \"0\" is quoted, but 2 uses need a number",
        "hint: write the default without quotes (default: 0) to make it a number",
    ]
    related = problem.related_information or []
    a_uri = (story / "nodes" / "a.yaml").as_uri()
    assert [(r.location.uri, r.location.range, r.message) for r in related] == [
        (a_uri, types.Range(at(10, 25), at(10, 30)), "'trust' used as a number here"),
        (a_uri, types.Range(at(12, 17), at(12, 22)), "'trust' used as a number here"),
    ]


async def test_lint_warnings_are_underlined_like_errors(
    client: LanguageClient, story: Path
) -> None:
    manifest = story / "story.yaml"
    text = manifest.read_text(encoding="utf-8").replace(
        "  has_pass: false\n", "  has_pass: false\n  spare: 3\n"
    )
    uri = open_file(client, manifest, text)
    [warning] = await until_published(client, uri, bool)  # the lint publishes after the check
    assert (warning.code, warning.severity) == ("unused-variable", types.DiagnosticSeverity.Warning)
    assert warning.range == types.Range(at(9, 2), at(9, 7))
