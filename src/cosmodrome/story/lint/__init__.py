"""Warnings about a story that loads but would disappoint a player or an author.

Each rule lives in its own module and yields `Finding`s; `lint_story` drops the
ones a node's `ignore:` (or the story's, in story.yaml) silences. Every code is
listed, with what it means, in `diagnostic_codes.LINT_CODES`.
"""

from __future__ import annotations

from cosmodrome.story.diagnostic_codes import LINT_CODES
from cosmodrome.story.diagnostics import Diagnostic, Severity
from cosmodrome.story.lint.flow import Flow, analyse, reachable_nodes
from cosmodrome.story.lint.identity import save_identity_findings
from cosmodrome.story.lint.reach import never_true_findings, reach_findings, way_out_findings
from cosmodrome.story.lint.returns import same_on_return_findings
from cosmodrome.story.lint.softlock import softlock_findings
from cosmodrome.story.lint.usage import usage_findings
from cosmodrome.story.model import Story


def lint_story(story: Story, flow: Flow | None = None) -> list[Diagnostic]:
    """Every warning for a loaded story that no `ignore:` silences."""
    flow = flow if flow is not None else analyse(story)
    findings = [
        *reach_findings(flow),
        *never_true_findings(flow),
        *softlock_findings(flow),
        *way_out_findings(flow),
        *usage_findings(flow),
        *same_on_return_findings(flow),
        *save_identity_findings(flow),
    ]
    out: list[Diagnostic] = []
    for found in findings:
        if found.code in story.lint_ignore:
            continue
        if found.node is not None and found.code in found.node.lint_ignore:
            continue
        pos = found.position
        out.append(
            Diagnostic(
                pos.path,
                pos.line,
                pos.col,
                Severity.WARNING,
                found.message,
                found.code,
                hint=found.hint,
                fix=found.fix,
            )
        )
    return out


__all__ = ["LINT_CODES", "Flow", "analyse", "lint_story", "reachable_nodes"]
