"""Renaming a variable: every use in every file (open buffers too), and its old name in
the variable's `was:` so that saves keep its value."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from cosmodrome.story.loader import check_story
from tests.lsp.helpers import apply_edits, at, doc, open_file

SHORT = "  has_pass: false\n"
LONG = '  trust:\n    default: 0\n    label: "Trust"\n'
INLINE = '"The rocket stands on the apron{if has_pass: , and you may board it}."'


async def rename(
    client: LanguageClient, uri: str, position: types.Position, new: str
) -> Mapping[str, Sequence[types.TextEdit]]:
    edit = await client.text_document_rename_async(
        types.RenameParams(text_document=doc(uri), position=position, new_name=new)
    )
    assert edit is not None and edit.changes is not None
    return edit.changes


def apply_to_disk(
    story: Path, changes: Mapping[str, Sequence[types.TextEdit]], buffers: dict[Path, str]
) -> None:
    """Make the edits in the files (on the unsaved text of `buffers`), and save them."""
    for path in [story / "story.yaml", *sorted((story / "nodes").glob("*.yaml"))]:
        text = buffers.get(path, path.read_text(encoding="utf-8"))
        path.write_text(apply_edits(text, changes.get(path.as_uri(), [])), encoding="utf-8")


async def test_renaming_a_short_form_variable_used_in_two_files(
    client: LanguageClient, story: Path
) -> None:
    a, b = story / "nodes" / "a.yaml", story / "nodes" / "b.yaml"
    unsaved = b.read_text(encoding="utf-8").replace('"The rocket stands on the apron."', INLINE)
    open_file(client, b, unsaved)
    uri = open_file(client, a)
    ready = await client.text_document_prepare_rename_async(
        types.PrepareRenameParams(text_document=doc(uri), position=at(10, 14))
    )
    assert ready == types.Range(start=at(10, 12), end=at(10, 20))
    changes = await rename(client, uri, at(10, 14), "cleared_gate")
    assert set(changes) == {(story / "story.yaml").as_uri(), a.as_uri(), b.as_uri()}
    apply_to_disk(story, changes, {b: unsaved})
    manifest = (story / "story.yaml").read_text(encoding="utf-8")
    assert "  cleared_gate:\n    default: false\n    was: [has_pass]\n" in manifest
    assert "if: cleared_gate and trust >= 0" in a.read_text(encoding="utf-8")
    written = b.read_text(encoding="utf-8")
    assert "cleared_gate: true" in written and "{if cleared_gate: , and you" in written
    result = check_story(story, use_cache=False)
    assert result.story is not None and not result.diagnostics
    assert result.story.variables["cleared_gate"].was == ("has_pass",)  # saves keep its value


@pytest.mark.parametrize(
    ("declared", "wanted"),
    [
        (LONG, "  faith:\n    was: [trust]\n    default: 0\n"),
        (LONG + "    was: [belief]\n", '  label: "Trust"\n    was: [belief, trust]\n'),
        (LONG + "    was:\n      - belief\n", "    was:\n      - belief\n      - trust\n"),
        ("  trust: {default: 0}\n", "  faith: {was: [trust], default: 0}\n"),
    ],
    ids=["long", "flow-was", "block-was", "flow-mapping"],
)
async def test_renaming_a_long_form_variable_adds_to_its_was(
    client: LanguageClient, story: Path, *, declared: str, wanted: str
) -> None:
    manifest = story / "story.yaml"
    text = manifest.read_text(encoding="utf-8").replace(LONG, declared)
    manifest.write_text(text, encoding="utf-8")
    uri = open_file(client, story / "nodes" / "a.yaml")
    changes = await rename(client, uri, at(12, 11), "faith")  # `trust:` under set:
    apply_to_disk(story, changes, {})
    assert wanted in manifest.read_text(encoding="utf-8")
    assert (story / "nodes" / "a.yaml").read_text(encoding="utf-8").count("faith") == 4
    result = check_story(story, use_cache=False)
    assert result.story is not None and not result.diagnostics
    assert result.story.variables["faith"].was[-1] == "trust"


async def test_renaming_a_short_form_in_a_flow_mapping_of_variables(
    client: LanguageClient, story: Path
) -> None:
    manifest = story / "story.yaml"
    flow = "variables: {trust: {default: 0}, 'has_pass': false}\n"
    text = manifest.read_text(encoding="utf-8").replace("variables:\n" + LONG + SHORT, flow)
    uri = open_file(client, manifest, text)
    changes = await rename(client, uri, at(4, 35), "cleared")
    apply_to_disk(story, changes, {manifest: text})
    wanted = "{trust: {default: 0}, 'cleared': {default: false, was: [has_pass]}}\n"
    assert wanted in manifest.read_text(encoding="utf-8")
    result = check_story(story, use_cache=False)
    assert result.story is not None and not result.diagnostics


@pytest.mark.parametrize(
    ("new", "reason"),
    [
        ("trust", "already a variable"),
        ("belief", "in the was: of variable 'trust'"),
        ("2fast", "not a valid variable name"),
        ("visited", "not a valid variable name"),
    ],
)
async def test_a_variable_rename_to_a_taken_or_bad_name_is_refused(
    client: LanguageClient, story: Path, *, new: str, reason: str
) -> None:
    manifest = story / "story.yaml"
    text = manifest.read_text(encoding="utf-8").replace(LONG, LONG + "    was: [belief]\n")
    open_file(client, manifest, text)
    uri = open_file(client, story / "nodes" / "a.yaml")
    with pytest.raises(Exception, match=reason):
        await rename(client, uri, at(10, 14), new)


async def test_renaming_from_the_declaration_keeps_its_comment(
    client: LanguageClient, story: Path
) -> None:
    manifest = story / "story.yaml"
    text = manifest.read_text(encoding="utf-8").replace(SHORT, "  has_pass: false  # shown\n")
    uri = open_file(client, manifest, text)
    changes = await rename(client, uri, at(8, 4), "cleared")
    apply_to_disk(story, changes, {manifest: text})
    wanted = "  cleared:\n    default: false  # shown\n    was: [has_pass]\n"
    assert wanted in manifest.read_text(encoding="utf-8")
    result = check_story(story, use_cache=False)
    assert result.story is not None and not result.diagnostics
