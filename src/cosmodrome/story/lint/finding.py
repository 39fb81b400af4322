"""One thing a lint rule noticed, before `ignore:` lists have their say."""

from __future__ import annotations

from dataclasses import dataclass

from cosmodrome.story.diagnostic_codes import Code
from cosmodrome.story.diagnostics import Fix
from cosmodrome.story.model import Node, Position


@dataclass(frozen=True, slots=True)
class Finding:
    """A warning with its code, where it points, the node whose `ignore:` can silence it
    and a hint."""

    code: Code
    message: str
    position: Position
    node: Node | None = None
    hint: str = ""  # what to do about it, shown under the warning
    fix: Fix | None = None  # a mechanical repair; an inserted line is indented by the checker
