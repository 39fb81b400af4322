"""Every lint code, what it means, and reading the `ignore:` lists that silence them."""

from __future__ import annotations

from cosmodrome.story.diagnostics import Diagnostic, Severity
from cosmodrome.story.schema import ID_PATTERN
from cosmodrome.story.suggest import did_you_mean
from cosmodrome.story.yamlfields import FileReader
from cosmodrome.story.yamltree import Y

LINT_CODES: dict[str, str] = {
    "unreachable": "a node that no play-through can reach from `start`",
    "unreachable-ending": "an ending that no play-through can reach",
    "never-true": "a condition (of a choice or a text block) that can never hold",
    "soft-lock": "a node that may leave the player with no choice to take",
    "no-way-out": "a node from which no ending can ever be reached",
    "unused-variable": "a variable that nothing reads (hidden variables only)",
    "never-set": "a variable that is read but never changed, so it is a constant",
    "unrevealed-fact": "a fact that no reachable node reveals",
    "unused-era": "an era that no node is set in",
    "unused-place": "a place that no node is set in",
    "unknown-code": "an `ignore:` entry that names no lint code",
}


def read_lint_codes(reader: FileReader, y: Y | None) -> tuple[str, ...]:
    """The codes of an `ignore:` list; an unknown code is warned about where it is written."""
    codes: list[str] = []
    for item in reader.sequence(y, "ignore"):
        code = reader.ident(item, "lint code", ID_PATTERN)
        if code is None:
            continue
        if code not in LINT_CODES:
            hint = did_you_mean(code, LINT_CODES)
            reader.problems.append(
                Diagnostic(
                    reader.path,
                    item.line,
                    item.col,
                    Severity.WARNING,
                    f"'{code}' is not a lint code{hint}",
                    "unknown-code",
                )
            )
        codes.append(code)
    return tuple(codes)
