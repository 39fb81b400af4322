"""The language server's answer after an edit: from `didChange` to `publishDiagnostics`
(its pause for more typing included), over stdio, for the shipped story and a story of
10,000 nodes, against a stock pygls server that publishes nothing.

The server publishes twice per edit: the story's errors first, then again with the
lint's warnings. The row is the first (what an author waits for to see a typo); its
note gives the second."""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

from tests.benchmarks.harness import Budget, Row, ms

SHIPPED_ROW = "edit -> diagnostics (language server), shipped story"
SHIPPED_TARGET = 0.100
LARGE_ROW = "edit -> diagnostics (language server), 10,000 nodes"
LARGE_TARGET = 1.0
BUDGET = Budget(1.0)  # the ratio is against the target time, not the baseline
OURS = [sys.executable, "-m", "cosmodrome", "lsp"]
STOCK = [sys.executable, "-m", "tests.benchmarks.stock_lsp"]
TIMEOUT = 120.0


async def _latencies(
    command: list[str], path: Path, runs: int, publishes: int
) -> list[tuple[float, float]]:
    """Seconds from each edit of `path` (unsaved) to the first and to the last of the
    `publishes` diagnostics published for that version of it."""
    client = LanguageClient("bench", "1")
    uri = path.as_uri()
    arrived: list[tuple[int | None, float]] = []

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)  # type: ignore[untyped-decorator]
    def on_publish(params: types.PublishDiagnosticsParams) -> None:
        if params.uri == uri:
            arrived.append((params.version, time.perf_counter()))

    async def times_of(version: int) -> list[float]:
        async def poll() -> list[float]:
            while len(found := [t for v, t in arrived if v == version]) < publishes:
                await asyncio.sleep(0.001)
            return found

        return await asyncio.wait_for(poll(), TIMEOUT)

    await client.start_io(*command)
    try:
        await client.initialize_async(
            types.InitializeParams(
                capabilities=types.ClientCapabilities(), root_uri=path.parent.as_uri()
            )
        )
        client.initialized(types.InitializedParams())
        text = path.read_text(encoding="utf-8")
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(
                    uri=uri, language_id="yaml", version=1, text=text
                )
            )
        )
        await times_of(1)  # the first check reads every file
        result: list[tuple[float, float]] = []
        for version in range(2, runs + 2):
            start = time.perf_counter()
            client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                    content_changes=[
                        types.TextDocumentContentChangeWholeDocument(
                            text=f"# edit {version}\n{text}"
                        )
                    ],
                )
            )
            found = await times_of(version)
            result.append((found[0] - start, found[-1] - start))
        await client.shutdown_async(None)
        client.exit(None)
    finally:
        await client.stop()  # type: ignore[no-untyped-call]
    return result


def _row(name: str, target: float, path: Path, runs: int) -> Row:
    ours = asyncio.run(_latencies(OURS, path, runs, publishes=2))
    stock = asyncio.run(_latencies(STOCK, path, runs, publishes=1))
    first = statistics.median(t for t, _ in ours)
    complete = statistics.median(t for _, t in ours)
    return Row(
        name,
        ms(first),
        f"{ms(statistics.median(t for t, _ in stock))} stock pygls, no diagnostics",
        first / target,
        BUDGET,
        f"the ratio is against the target of {ms(target)}; "
        f"the lint's warnings follow at {ms(complete)}",
    )


def latency_rows(shipped: Path, large: Path, runs: int) -> list[Row]:
    """The edit-to-diagnostics time of one node file of each story."""
    return [
        _row(SHIPPED_ROW, SHIPPED_TARGET, _first_node_file(shipped), runs),
        _row(LARGE_ROW, LARGE_TARGET, _first_node_file(large), runs),
    ]


def _first_node_file(story: Path) -> Path:
    return sorted((story.resolve() / "nodes").rglob("*.yaml"))[0]
