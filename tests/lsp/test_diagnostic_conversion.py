"""A story diagnostic as the protocol's, without a client: a fix over two files and a
related place past a character outside the BMP, in both encodings."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec

from cosmodrome.lsp.diagnostics import code_actions, to_lsp
from cosmodrome.story.diagnostics import Code, Diagnostic, Fix, Related, Severity, TextEdit

HERE, THERE = "/story/nodes/a.yaml", "/story/story.yaml"
LINES = {HERE: ["nodes:", '  gate: "🚀 {trusty}"'], THERE: ["variables:", "  🚀🚀trusty: 1"]}
UTF16, UTF32 = types.PositionEncodingKind.Utf16, types.PositionEncodingKind.Utf32


def _diagnostic() -> Diagnostic:
    """`trusty` after a rocket, declared after two; the fix renames it in both files."""
    return Diagnostic(
        HERE,
        2,
        13,
        Severity.ERROR,
        "unknown variable 'trusty'",
        Code.TEXT,
        2,
        19,
        hint="declare it under variables",
        related=(Related(THERE, 2, 5, 2, 11, "declared here"),),
        fix=Fix(
            "rename it",
            (TextEdit(HERE, 2, 13, 2, 19, "trust"), TextEdit(THERE, 2, 5, 2, 11, "trust")),
        ),
    )


def _range(line: int, start: int, end: int) -> types.Range:
    return types.Range(
        start=types.Position(line=line, character=start),
        end=types.Position(line=line, character=end),
    )


def test_spans_related_places_and_fixes_count_utf16_units() -> None:
    found = to_lsp(_diagnostic(), LINES.__getitem__, PositionCodec(UTF16))
    assert found.range == _range(1, 13, 19)  # the rocket is two units before the name
    assert found.message == "unknown variable 'trusty'\nhint: declare it under variables"
    assert found.code == "text" and found.severity == types.DiagnosticSeverity.Error
    [related] = found.related_information or []
    assert related.location == types.Location(uri=Path(THERE).as_uri(), range=_range(1, 6, 12))
    [action] = code_actions([found])
    assert action.title == "Rename it" and action.is_preferred
    assert action.edit is not None and action.edit.changes is not None
    assert {uri: list(edits) for uri, edits in action.edit.changes.items()} == {
        Path(HERE).as_uri(): [types.TextEdit(range=_range(1, 13, 19), new_text="trust")],
        Path(THERE).as_uri(): [types.TextEdit(range=_range(1, 6, 12), new_text="trust")],
    }


def test_utf32_counts_code_points() -> None:
    found = to_lsp(_diagnostic(), LINES.__getitem__, PositionCodec(UTF32))
    assert found.range == _range(1, 12, 18)
    [action] = code_actions([found])
    assert action.edit is not None and action.edit.changes is not None
    [edit] = action.edit.changes[Path(THERE).as_uri()]
    assert edit.range == _range(1, 4, 10)


def test_a_diagnostic_of_another_server_or_with_altered_data_gets_no_action() -> None:
    found = to_lsp(_diagnostic(), LINES.__getitem__, PositionCodec(UTF16))
    foreign = types.Diagnostic(range=found.range, message="x", source="yaml", data=found.data)
    altered = types.Diagnostic(
        range=found.range, message="x", source=found.source, data={"fix": {"title": "t", "edit": 3}}
    )
    assert code_actions([foreign, altered]) == []
