"""The language server's state: the story folders of the open documents, checked as
they change and their diagnostics published.

Each edit re-checks the whole story it belongs to, after a short pause (an edit that
follows within it replaces the check); a check that a newer edit has overtaken is
dropped, never published over the newer one.
"""

from __future__ import annotations

import asyncio
import gc
from collections import defaultdict
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from cosmodrome import __version__
from cosmodrome.lsp.diagnostics import file_uri, to_lsp
from cosmodrome.lsp.folder import StoryFolder, story_root
from cosmodrome.lsp.index import Occurrence
from cosmodrome.lsp.navigation import StoryView
from cosmodrome.lsp.positions import from_client
from cosmodrome.story.collector import collector_paused
from cosmodrome.story.diagnostics import Diagnostic, sort_diagnostics
from cosmodrome.story.lint import lint_story

DEBOUNCE = 0.03  # seconds of quiet after an edit before the story is checked


class StoryServer(LanguageServer):
    """A language server for the story folders of the documents the editor opens."""

    def __init__(self) -> None:
        super().__init__("cosmodrome", __version__)
        self.folders: dict[Path, StoryFolder] = {}
        self.generation: dict[Path, int] = defaultdict(int)
        self.published: dict[Path, set[str]] = defaultdict(set)
        self.tasks: set[asyncio.Task[None]] = set()

    def folder_of(self, uri: str) -> tuple[StoryFolder, str] | None:
        """The story folder of a document and its path inside it, or None outside any."""
        path_text = to_fs_path(uri)
        if path_text is None:
            return None
        path = Path(path_text).absolute()
        root = story_root(path)
        if root is None:
            return None
        folder = self.folders.get(root)
        if folder is None:
            folder = self.folders[root] = StoryFolder(root)
        relative = folder.relative(path)
        return (folder, relative) if relative is not None else None

    def view(self, folder: StoryFolder) -> StoryView:
        return StoryView(folder, self.workspace.position_codec)

    def schedule_check(self, folder: StoryFolder) -> None:
        """Check `folder` once the edits pause; an earlier pending check is dropped."""
        self.generation[folder.root] += 1
        task = asyncio.ensure_future(self._check_later(folder, self.generation[folder.root]))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def _check_later(self, folder: StoryFolder, generation: int) -> None:
        """Errors first, then the lint's warnings: linting a large story takes longer
        than an author waits for a typo to show (it runs in a thread: the story is
        immutable, and requests are answered meanwhile)."""
        await asyncio.sleep(DEBOUNCE)
        if self.generation[folder.root] != generation:
            return  # a newer edit came: its check will publish
        with collector_paused():  # a check makes many objects and no cycles
            result = folder.check()
        gc.freeze()  # the trees and the story live on: later collections need not walk them
        if result.story is None:
            self.publish(folder, result.diagnostics)
            return
        self.publish(folder, [*result.diagnostics, *folder.kept_warnings()])
        warnings = await asyncio.to_thread(lint_story, result.story)
        if self.generation[folder.root] != generation:
            return  # overtaken while linting: never publish over a newer check
        self.publish(folder, [*result.diagnostics, *folder.remember_warnings(warnings)])

    def publish(self, folder: StoryFolder, diagnostics: list[Diagnostic]) -> None:
        """Every file's diagnostics, and empty lists for files that have none any more."""
        codec = self.workspace.position_codec
        split: dict[str, list[str]] = {}

        def lines_of(path: str) -> list[str]:
            found = split.get(path)
            if found is None:
                found = split[path] = folder.lines(path)
            return found

        by_path: dict[str, list[types.Diagnostic]] = defaultdict(list)
        for diagnostic in sort_diagnostics(diagnostics):
            by_path[diagnostic.path].append(to_lsp(diagnostic, lines_of, codec))
        for path in self.published[folder.root] | {folder.display(r) for r in folder.overlays}:
            by_path.setdefault(path, [])  # cleared, or an open file that is clean
        self.published[folder.root] = {p for p, found in by_path.items() if found}
        versions = {folder.display(r): v for r, v in folder.checked.items()}
        for path, found in sorted(by_path.items()):
            uri = file_uri(path)
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(
                    uri=uri, diagnostics=found, version=versions.get(path)
                )
            )

    def located(
        self, uri: str, position: types.Position
    ) -> tuple[StoryView, Occurrence | None, str, int, int] | None:
        """The story view of a document, the name at `position`, and that position."""
        found = self.folder_of(uri)
        if found is None:
            return None
        folder, relative = found
        folder.refresh()
        view = self.view(folder)
        lines = folder.texts.get(relative, "").split("\n")
        line, col = from_client(view.codec, lines, position)
        path = folder.display(relative)
        return view, view.at(path, line, col), relative, line, col
