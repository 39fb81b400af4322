"""Talking to the server in a test: opening and editing files, waiting for diagnostics."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path

from lsprotocol import types
from pytest_lsp import LanguageClient

TIMEOUT = 20.0  # seconds: a loaded machine runs the whole suite beside the server


def open_file(client: LanguageClient, path: Path, text: str | None = None) -> str:
    """Open `path` in the client (with `text` in place of what is on disk); its uri."""
    uri = path.as_uri()
    client.diagnostics.pop(uri, None)
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri,
                language_id="yaml",
                version=1,
                text=path.read_text(encoding="utf-8") if text is None else text,
            )
        )
    )
    return uri


def replace_text(client: LanguageClient, uri: str, text: str, version: int = 2) -> None:
    """Replace the whole unsaved buffer of `uri` (an edit that is not saved)."""
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


async def diagnostics(client: LanguageClient, uri: str) -> Sequence[types.Diagnostic]:
    """The next diagnostics published for `uri` after its entry was cleared."""

    async def published() -> Sequence[types.Diagnostic]:
        while uri not in client.diagnostics:
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        return client.diagnostics[uri]

    return await asyncio.wait_for(published(), TIMEOUT)


async def settle(client: LanguageClient, uri: str) -> Sequence[types.Diagnostic]:
    """The diagnostics of `uri` from the first check after now."""
    client.diagnostics.pop(uri, None)
    return await diagnostics(client, uri)


def at(line: int, character: int) -> types.Position:
    return types.Position(line=line, character=character)


def doc(uri: str) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(uri=uri)


def column(path: Path, line: int, needle: str, after: int = 0) -> int:
    """The code-point column (0-based) of `needle` on 0-based `line` of a file, plus `after`."""
    text = path.read_text(encoding="utf-8").split("\n")[line]
    return text.index(needle) + after


def apply_edits(text: str, edits: Sequence[types.TextEdit]) -> str:
    """`text` with `edits` made, last first (positions counted in code points: the
    lines these tests edit hold no character outside the BMP)."""
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    ordered = sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character))
    for edit in reversed(ordered):
        start = offsets[edit.range.start.line] + edit.range.start.character
        end = offsets[edit.range.end.line] + edit.range.end.character
        text = text[:start] + edit.new_text + text[end:]
    return text
