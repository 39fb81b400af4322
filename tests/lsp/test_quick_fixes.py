"""Code actions: each diagnostic's mechanical fix offered as a quick fix that, applied,
leaves the story clean (for the language server, and for `cosmodrome check`)."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types
from pytest_lsp import LanguageClient

from cosmodrome.story.loader import check_story
from tests.lsp.helpers import apply_edits, at, diagnostics, doc, open_file, replace_text


async def _quick_fix(
    client: LanguageClient, uri: str, problem: types.Diagnostic
) -> types.CodeAction:
    """The one code action the server offers for `problem`."""
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=doc(uri),
            range=problem.range,
            context=types.CodeActionContext(diagnostics=[problem]),
        )
    )
    assert actions is not None
    [action] = actions
    assert isinstance(action, types.CodeAction)
    assert action.kind == types.CodeActionKind.QuickFix and action.is_preferred
    assert list(action.diagnostics or []) == [problem]
    return action


async def _applied_cleanly(
    client: LanguageClient, path: Path, text: str, fix: types.CodeAction
) -> None:
    """Apply `fix` to the unsaved `text` of `path`, and see the story check clean: in the
    editor, and saved, for `cosmodrome check`."""
    uri = path.as_uri()
    assert fix.edit is not None and fix.edit.changes is not None
    assert list(fix.edit.changes) == [uri]  # these fixes touch the diagnostic's file only
    fixed = apply_edits(text, fix.edit.changes[uri])
    replace_text(client, uri, fixed)
    assert list(await diagnostics(client, uri, version=2)) == []
    path.write_text(fixed, encoding="utf-8")
    assert (
        check_story(
            path.parent if path.name == "story.yaml" else path.parents[1], use_cache=False
        ).diagnostics
        == []
    )


async def test_a_misspelt_goto_is_fixed_to_the_node_meant(
    client: LanguageClient, story: Path
) -> None:
    a = story / "nodes" / "a.yaml"
    text = a.read_text(encoding="utf-8").replace(
        "goto: apron\n        if", "goto: apronn\n        if"
    )
    uri = open_file(client, a, text)
    [problem] = await diagnostics(client, uri)
    assert problem.message == "choice goes to unknown node 'apronn' (did you mean 'apron'?)"
    fix = await _quick_fix(client, uri, problem)
    assert fix.title == "Replace with 'apron'"
    assert fix.edit is not None and fix.edit.changes is not None
    assert list(fix.edit.changes[uri]) == [
        types.TextEdit(range=types.Range(start=at(9, 14), end=at(9, 20)), new_text="apron")
    ]
    await _applied_cleanly(client, a, text, fix)


async def test_a_misspelt_key_is_fixed_to_the_key_meant(
    client: LanguageClient, story: Path
) -> None:
    b = story / "nodes" / "b.yaml"
    text = b.read_text(encoding="utf-8").replace("title:", "titel:")
    uri = open_file(client, b, text)
    [problem] = await diagnostics(client, uri)
    assert problem.code == "unknown-key"
    fix = await _quick_fix(client, uri, problem)
    assert fix.title == "Replace with 'title'"
    await _applied_cleanly(client, b, text, fix)


async def test_a_key_without_its_colon_gets_one(client: LanguageClient, story: Path) -> None:
    b = story / "nodes" / "b.yaml"
    text = b.read_text(encoding="utf-8").replace('ending: "Home"', 'ending "Home"')
    uri = open_file(client, b, text)
    [problem] = await diagnostics(client, uri)
    assert problem.code == "yaml-missing-colon"
    assert problem.range == types.Range(at(14, 4), at(14, 17))
    fix = await _quick_fix(client, uri, problem)
    assert fix.title == "Write 'ending:'"
    assert fix.edit is not None and fix.edit.changes is not None
    assert list(fix.edit.changes[uri]) == [
        types.TextEdit(range=types.Range(start=at(14, 10), end=at(14, 10)), new_text=":")
    ]
    await _applied_cleanly(client, b, text, fix)


async def test_a_quoted_default_loses_its_quotes(client: LanguageClient, story: Path) -> None:
    manifest = story / "story.yaml"
    text = manifest.read_text(encoding="utf-8").replace("default: 0", 'default: "0"')
    uri = open_file(client, manifest, text)
    [problem] = await diagnostics(client, uri)
    fix = await _quick_fix(client, uri, problem)
    assert fix.title == "Write 0 without quotes"
    await _applied_cleanly(client, manifest, text, fix)


async def test_a_diagnostic_without_a_fix_offers_no_action(
    client: LanguageClient, story: Path
) -> None:
    b = story / "nodes" / "b.yaml"
    again = '  gate:\n    text: "Again."\n    ending: "Again"\n'
    uri = open_file(client, b, b.read_text(encoding="utf-8") + again)
    [problem] = await diagnostics(client, uri)
    assert problem.code == "duplicate" and problem.data is None
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=doc(uri),
            range=problem.range,
            context=types.CodeActionContext(diagnostics=[problem]),
        )
    )
    assert not actions
