"""Choices whose identity in saves is their position: inserting a choice above one moves it.

A choice without an `id:` is known to saves as its `goto` and its place among the
choices with that `goto`. When saves remember it (a `once` choice's "already taken"
mark, a choice with effects in the history) and a sibling shares its `goto`, an
edit that inserts or reorders choices hands its identity to another choice. The fix
gives it an `id:`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from cosmodrome.story.diagnostic_codes import Code
from cosmodrome.story.diagnostics import Fix, TextEdit
from cosmodrome.story.lint.finding import Finding
from cosmodrome.story.lint.flow import Flow
from cosmodrome.story.model import Choice, Node

MAX_WORDS = 4
HINT = "give it an `id:` so that saves keep knowing it when choices are added or moved"


def _has_id(choice: Choice) -> bool:
    """Whether the author gave the choice an `id:` (a positional key is `goto.N`)."""
    return "." not in choice.key


def suggested_id(choice: Choice, taken: set[str]) -> str:
    """An id from the choice's first words, not in `taken` (which it joins)."""
    words = re.findall(r"[a-z0-9]+", choice.text.source.lower())[:MAX_WORDS]
    base = "-".join(words) or f"to-{choice.goto}"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def _fix(choice: Choice, ident: str) -> Fix:
    pos = choice.position
    edit = TextEdit(pos.path, pos.line, pos.col, pos.line, pos.col, f"id: {ident}\n")
    return Fix(f"add 'id: {ident}'", (edit,))


def _node_findings(node: Node) -> Iterator[Finding]:
    shared = Counter(choice.goto for choice in node.choices)
    taken = {choice.key for choice in node.choices}
    for choice in node.choices:
        if _has_id(choice) or shared[choice.goto] < 2 or not (choice.once or choice.effects):
            continue
        why = "'once'" if choice.once else "effects"
        ident = suggested_id(choice, taken)
        yield Finding(
            Code.SAVE_IDENTITY,
            f"this choice has {why} and shares its goto '{choice.goto}' with another choice: "
            "without an id, saves know it only by its position",
            choice.position,
            node,
            HINT,
            _fix(choice, ident),
        )


def save_identity_findings(flow: Flow) -> Iterator[Finding]:
    """A warning, with an `id:` to add, for each choice whose identity in saves is its
    position among siblings with the same `goto`, when saves remember it."""
    for node in flow.story.nodes.values():
        if len(node.choices) > 1:
            yield from _node_findings(node)
