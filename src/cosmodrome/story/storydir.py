"""What a story directory is made of, and what checking one gives back.

Shared by the loader (the way in), the checker (validation) and the scaffold
(new nodes), so none of them imports another for these names.
"""

from __future__ import annotations

from dataclasses import dataclass

from cosmodrome.story.diagnostics import Diagnostic
from cosmodrome.story.model import Story

MANIFEST = "story.yaml"
FACTS = "facts.yaml"


class StoryNotFound(Exception):
    """The path is not a story directory: a usage problem, not a story problem."""


@dataclass
class CheckResult:
    """What `check_story` found: the story when it loaded, and every diagnostic."""

    story: Story | None
    diagnostics: list[Diagnostic]

    @property
    def errors(self) -> list[Diagnostic]:
        """The diagnostics that stop the story from loading."""
        return [d for d in self.diagnostics if d.is_error]

    @property
    def warnings(self) -> list[Diagnostic]:
        """The diagnostics that let the story load (errors with `--strict`)."""
        return [d for d in self.diagnostics if not d.is_error]
