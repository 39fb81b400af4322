"""Checking a story again with the nodes of unchanged files kept (the language server's
way): the same diagnostics as a check from scratch, and a changed scope re-reads all."""

from __future__ import annotations

from pathlib import Path

from cosmodrome.story.checker import check_sources, parse_source
from cosmodrome.story.diagnostics import Diagnostic
from cosmodrome.story.nodememo import NodeMemo
from cosmodrome.story.sources import SourceFile, read_sources
from cosmodrome.story.yamltree import Y
from tests.conftest import FIXTURES


class KeptTrees:
    """Each file's tree, parsed again only when its bytes change."""

    def __init__(self) -> None:
        self.trees: dict[str, tuple[bytes | None, tuple[Y | None, list[Diagnostic]]]] = {}

    def __call__(self, source: SourceFile) -> tuple[Y | None, list[Diagnostic]]:
        kept = self.trees.get(source.relative)
        if kept is None or kept[0] != source.data:
            kept = self.trees[source.relative] = (source.data, parse_source(source))
        return kept[1]


def _replaced(sources: list[SourceFile], relative: str, old: bytes, new: bytes) -> list[SourceFile]:
    return [
        SourceFile(s.relative, s.display, (s.data or b"").replace(old, new), None)
        if s.relative == relative
        else s
        for s in sources
    ]


def test_a_second_check_with_the_memo_matches_a_check_from_scratch() -> None:
    directory = Path(FIXTURES / "lsp")
    sources, fingerprint = read_sources(directory)
    memo, trees = NodeMemo(), KeptTrees()
    first = check_sources(directory, sources, fingerprint, trees, memo)
    assert first.story is not None and not first.diagnostics
    edited = _replaced(sources, "nodes/b.yaml", b"goto: home", b"goto: hom")
    again = check_sources(directory, edited, fingerprint, trees, memo)
    scratch = check_sources(directory, edited, fingerprint)
    assert again.diagnostics == scratch.diagnostics
    assert [d.message for d in again.diagnostics] == [
        "choice goes to unknown node 'hom' (did you mean 'home'?)"
    ]
    # a.yaml's nodes came from the memo: the very same objects as in the first check
    assert (
        again.story is None
        and first.story.nodes["gate"] is memo.files[str(directory / "nodes/a.yaml")].nodes["gate"]
    )


def test_a_changed_scope_reads_every_file_again() -> None:
    directory = Path(FIXTURES / "lsp")
    sources, fingerprint = read_sources(directory)
    memo, trees = NodeMemo(), KeptTrees()
    check_sources(directory, sources, fingerprint, trees, memo)
    edited = _replaced(sources, "story.yaml", b"  has_pass: false\n", b"")
    again = check_sources(directory, edited, fingerprint, trees, memo)
    assert again.diagnostics == check_sources(directory, edited, fingerprint).diagnostics
    assert any("has_pass" in d.message and "a.yaml" in d.path for d in again.diagnostics)
