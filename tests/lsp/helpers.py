"""Talking to the server in a test: opening and editing files, waiting for diagnostics."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

T = TypeVar("T")

TIMEOUT = 20.0  # seconds: a loaded machine runs the whole suite beside the server


class StoryClient(LanguageClient):
    """pytest-lsp's client, keeping every diagnostics notification (with its version), and
    accepting the server's registrations (of file watchers), as editors do."""

    published: list[types.PublishDiagnosticsParams]
    registered: list[types.Registration]


def make_client() -> StoryClient:
    client = StoryClient(converter_factory=default_converter)
    client.published = []
    client.registered = []

    def publish(client: StoryClient, params: types.PublishDiagnosticsParams) -> None:
        client.diagnostics[params.uri] = params.diagnostics
        client.published.append(params)

    def register(client: StoryClient, params: types.RegistrationParams) -> None:
        client.registered.extend(params.registrations)

    features = dict(DEFAULT_CLIENT_FEATURES)
    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = publish
    features[types.CLIENT_REGISTER_CAPABILITY] = register
    register_lsp_features(client, features)
    return client


def open_file(client: LanguageClient, path: Path, text: str | None = None) -> str:
    """Open `path` in the client, as version 1 (with `text` in place of what is on disk);
    its uri."""
    uri = path.as_uri()
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


async def diagnostics(
    client: LanguageClient, uri: str, version: int = 1
) -> Sequence[types.Diagnostic]:
    """The diagnostics of the first check of the open `uri` at `version`."""

    def found() -> types.PublishDiagnosticsParams | None:
        assert isinstance(client, StoryClient)
        return next((p for p in client.published if p.uri == uri and p.version == version), None)

    return (await eventually(found)).diagnostics


async def until_published(
    client: LanguageClient, uri: str, wanted: Callable[[Sequence[types.Diagnostic]], bool]
) -> Sequence[types.Diagnostic]:
    """The latest diagnostics of `uri` (open or not) once they are what `wanted` says."""

    def found() -> Sequence[types.Diagnostic] | None:
        assert isinstance(client, StoryClient)
        mine = [p for p in client.published if p.uri == uri]
        return mine[-1].diagnostics if mine and wanted(mine[-1].diagnostics) else None

    return await eventually(found)


async def eventually(found: Callable[[], T | None]) -> T:
    """What `found` gives once it gives something other than None (or a timeout)."""

    async def poll() -> T:
        while (result := found()) is None:
            await asyncio.sleep(0.01)
        return result

    return await asyncio.wait_for(poll(), TIMEOUT)


def at(line: int, character: int) -> types.Position:
    return types.Position(line=line, character=character)


def doc(uri: str) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(uri=uri)


def column(path: Path, line: int, needle: str, after: int = 0) -> int:
    """The code-point column (0-based) of `needle` on 0-based `line` of a file, plus `after`."""
    text = path.read_text(encoding="utf-8").split("\n")[line]
    return text.index(needle) + after


def apply_edits(text: str, edits: Sequence[types.TextEdit]) -> str:
    """`text` with `edits` made, last first (positions in UTF-16 code units, as the
    `client` fixture negotiates them)."""
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)

    def offset(position: types.Position) -> int:
        line = lines[position.line] if position.line < len(lines) else ""
        units = points = 0
        while units < position.character and points < len(line):
            units += 2 if ord(line[points]) > 0xFFFF else 1
            points += 1
        return offsets[position.line] + points

    ordered = sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character))
    for edit in reversed(ordered):
        start, end = offset(edit.range.start), offset(edit.range.end)
        text = text[:start] + edit.new_text + text[end:]
    return text
