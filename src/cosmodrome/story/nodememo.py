"""The nodes each file gave in the last check, kept for a checker that runs again and
again on a story of which one file changed (the language server, as the author types).

A file's nodes and their problems depend on its tree, on which of its ids won over
duplicates elsewhere, and on the story's scope (variables and their types, node, fact,
era and place ids); while all of these are the same, reading the file again would give
the same nodes and the same problems.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field

from cosmodrome.story.diagnostics import Diagnostic
from cosmodrome.story.model import Node
from cosmodrome.story.yamltree import Y


@dataclass
class _FileNodes:
    root: Y  # the very tree they were read from
    owned: frozenset[str]  # the node ids of this file that count
    nodes: dict[str, Node]
    problems: list[Diagnostic]


@dataclass
class NodeMemo:
    """The last check's nodes, file by file, valid while the scope stays the same."""

    scope: Hashable = None
    files: dict[str, _FileNodes] = field(default_factory=dict)

    def begin(self, scope: Hashable) -> None:
        """Start a check against `scope`; a different scope forgets every file."""
        if scope != self.scope:
            self.files.clear()
            self.scope = scope

    def get(
        self, path: str, root: Y, owned: frozenset[str]
    ) -> tuple[dict[str, Node], list[Diagnostic]] | None:
        """The nodes and problems of file `path` when its tree and ids are unchanged."""
        found = self.files.get(path)
        if found is None or found.root is not root or found.owned != owned:
            return None
        return found.nodes, found.problems

    def put(
        self,
        path: str,
        root: Y,
        owned: frozenset[str],
        nodes: dict[str, Node],
        problems: list[Diagnostic],
    ) -> None:
        self.files[path] = _FileNodes(root, owned, nodes, problems)
