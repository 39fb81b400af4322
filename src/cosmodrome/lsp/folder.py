"""One story folder as the editor sees it: the files on disk with the unsaved buffers
laid over them, each file parsed once per text and indexed, and the whole checked."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from cosmodrome.lsp.index import FileIndex, Occurrence, index_file
from cosmodrome.regular_files import read_regular
from cosmodrome.story.checker import check_sources, parse_source
from cosmodrome.story.diagnostics import Diagnostic
from cosmodrome.story.nodememo import NodeMemo
from cosmodrome.story.sources import SourceFile, story_files
from cosmodrome.story.spans import underlined
from cosmodrome.story.storydir import MANIFEST, CheckResult
from cosmodrome.story.yamlsource import MAX_FILE_BYTES
from cosmodrome.story.yamltree import Y


def story_root(path: Path) -> Path | None:
    """The story folder holding `path`: the nearest folder above it with a `story.yaml`."""
    for folder in (path, *path.parents) if path.is_dir() else path.parents:
        if (folder / MANIFEST).is_file():
            return folder
    return None


@dataclass
class _Parsed:
    data: bytes
    root: Y | None
    problems: list[Diagnostic]
    text: str
    digest: bytes  # of the relative path and the bytes, for the story's fingerprint


@dataclass
class StoryFolder:
    """A story folder: its files' current texts, trees, names, and the last check."""

    root: Path
    overlays: dict[str, str] = field(default_factory=dict)  # relative path -> unsaved text
    versions: dict[str, int] = field(default_factory=dict)  # relative path -> buffer version
    checked: dict[str, int] = field(default_factory=dict)  # the versions the last check read
    _disk: dict[str, tuple[tuple[int, int], bytes | None, OSError | None]] = field(
        default_factory=dict
    )
    _parsed: dict[str, _Parsed] = field(default_factory=dict)
    indexes: dict[str, FileIndex] = field(default_factory=dict)  # the last good parse of each
    texts: dict[str, str] = field(default_factory=dict)  # relative path -> current text
    sources: list[SourceFile] = field(default_factory=list)
    memo: NodeMemo = field(default_factory=NodeMemo)
    _warnings: list[tuple[Diagnostic, str]] = field(default_factory=list)  # and its file's text

    def relative(self, path: Path) -> str | None:
        """`path` inside this story, with `/`; None when it lies elsewhere."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return None

    def display(self, relative: str) -> str:
        """A file's path as the checker and its diagnostics spell it."""
        return os.path.join(str(self.root), relative)  # noqa: PTH118 - the loader's spelling

    def lines(self, path: str) -> list[str]:
        """The current lines of a file of this story, named as the checker names it."""
        relative = self.relative(Path(path))
        return self.texts.get(relative or "", "").split("\n")

    def refresh(self) -> None:
        """Read what changed on disk, lay the buffers over it, and re-parse and re-index
        only the files whose text changed."""
        sources: list[SourceFile] = []
        on_disk = [p.relative_to(self.root).as_posix() for p in story_files(self.root)]
        for relative in sorted(set(on_disk) | {r for r in self.overlays if _is_story_file(r)}):
            sources.append(self._source(relative))
        self.sources = sources
        self.checked = {r: v for r, v in self.versions.items() if r in self.overlays}
        seen = {s.relative for s in sources}
        for gone in set(self._parsed) - seen:
            del self._parsed[gone]
            self.indexes.pop(gone, None)
            self.texts.pop(gone, None)
        for source in sources:
            self._parse(source)

    def check(self) -> CheckResult:
        """The whole story checked as it stands now, buffers included, but not linted
        (`lint` does that, after): errors come first, while the author types."""
        self.refresh()
        digest = hashlib.sha256()
        for source in self.sources:
            digest.update(self._parse(source).digest)
        fingerprint = digest.hexdigest()
        return check_sources(
            str(self.root), self.sources, fingerprint, self._tree, self.memo, lint=False
        )

    def remember_warnings(self, warnings: list[Diagnostic]) -> list[Diagnostic]:
        """The lint's warnings of the story as it stands now, each underlined over the
        token where it starts (as `check` does) and kept with its file's text; the
        underlined warnings."""
        by_path = {self.display(relative): text for relative, text in self.texts.items()}
        paths = {w.path for w in warnings}  # split only the files that have warnings
        split = {path: by_path.get(path, "").split("\n") for path in paths}
        self._warnings = [(underlined(w, split[w.path]), by_path.get(w.path, "")) for w in warnings]
        return [w for w, _ in self._warnings]

    def kept_warnings(self) -> list[Diagnostic]:
        """The last lint's warnings in files unchanged since, shown until it runs again."""
        by_path = {self.display(relative): text for relative, text in self.texts.items()}
        return [w for w, text in self._warnings if by_path.get(w.path) == text]

    def occurrences(self) -> list[Occurrence]:
        """Every name of the story, declared or used, from each file's last good parse."""
        return [o for index in self.indexes.values() for o in index.occurrences]

    def _source(self, relative: str) -> SourceFile:
        display = self.display(relative)
        if relative in self.overlays:
            return SourceFile(relative, display, self.overlays[relative].encode("utf-8"), None)
        path = self.root / relative
        try:
            stat = path.stat()
            stamp = (stat.st_mtime_ns, stat.st_size)
        except OSError:
            stamp = (-1, -1)
        known = self._disk.get(relative)
        if known is None or known[0] != stamp:
            try:
                fresh = SourceFile(relative, display, read_regular(path, MAX_FILE_BYTES), None)
            except OSError as exc:
                fresh = SourceFile(relative, display, None, exc)
            known = self._disk[relative] = (stamp, fresh.data, fresh.error)
        return SourceFile(relative, display, known[1], known[2])

    def _parse(self, source: SourceFile) -> _Parsed:
        """The tree of `source`, parsed again only when its bytes changed."""
        data = source.data if source.data is not None else b""
        found = self._parsed.get(source.relative)
        if found is not None and found.data == data and source.error is None:
            return found
        root, problems = parse_source(source)
        text = source.text()
        digest = hashlib.sha256(source.relative.encode() + b"\0" + data).digest()
        found = self._parsed[source.relative] = _Parsed(data, root, problems, text, digest)
        self.texts[source.relative] = text
        if root is not None or not problems:
            self.indexes[source.relative] = index_file(source.relative, source.display, root, text)
        elif source.relative not in self.indexes:  # broken from the start: what is on disk
            self.indexes[source.relative] = self._index_on_disk(source)
        return found

    def _index_on_disk(self, source: SourceFile) -> FileIndex:
        """The names of a file as saved, for a buffer that was broken when it opened."""
        try:
            saved = SourceFile(
                source.relative,
                source.display,
                read_regular(self.root / source.relative, MAX_FILE_BYTES),
                None,
            )
        except OSError:
            return index_file(source.relative, source.display, None, "")
        root, _ = parse_source(saved)
        return index_file(source.relative, source.display, root, saved.text())

    def _tree(self, source: SourceFile) -> tuple[Y | None, list[Diagnostic]]:
        parsed = self._parse(source)
        return parsed.root, list(parsed.problems)


def _is_story_file(relative: str) -> bool:
    return relative.endswith(".yaml") and not any(
        part.startswith(".") for part in relative.split("/")[:-1]
    )
