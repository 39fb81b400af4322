"""The story's diagnostics as the protocol's, and the fixes they suggest as code actions.

The one place that knows how a project `Diagnostic` maps onto an LSP one. Today a
diagnostic has a start and a "did you mean" in its message; the range runs over the
word written there, and the suggestion becomes a quick fix that replaces that word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec

from cosmodrome.lsp.positions import span
from cosmodrome.story.diagnostics import Diagnostic, Severity

SOURCE = "cosmodrome"
_SUGGESTION = re.compile(r"\(did you mean '([^']+)'\?\)")
_WORD = re.compile(r"[\w-]+|[^\s\w]")
_QUOTED = re.compile(r"""'(?:[^'\n]|'')*'?|"(?:[^"\\\n]|\\.)*"?""")


def to_lsp(diagnostic: Diagnostic, lines: Sequence[str], codec: PositionCodec) -> types.Diagnostic:
    """The protocol's diagnostic: its range the word (or quoted string) where it starts,
    its code the project's, a suggested replacement in `data` for `code_actions`."""
    row = lines[diagnostic.line - 1] if 0 < diagnostic.line <= len(lines) else ""
    start = diagnostic.col - 1
    found = _QUOTED.match(row, start) or _WORD.match(row, start)
    length = found.end() - start if found else 0
    if length == 0:  # nothing to underline there: the rest of the line, or one character
        length = max(len(row.rstrip()) - start, 1)
    suggestion = _SUGGESTION.search(diagnostic.message)
    quoted = found is not None and found.group()[:1] in ("'", '"') and length > 1
    return types.Diagnostic(
        range=span(codec, lines, diagnostic.line, diagnostic.col, length),
        message=diagnostic.message,
        severity=(
            types.DiagnosticSeverity.Error
            if diagnostic.severity is Severity.ERROR
            else types.DiagnosticSeverity.Warning
        ),
        code=diagnostic.code or None,
        source=SOURCE,
        data={"replace": suggestion.group(1), "quoted": quoted} if suggestion else None,
    )


def code_actions(uri: str, diagnostics: Sequence[types.Diagnostic]) -> list[types.CodeAction]:
    """A quick fix for each of `diagnostics` that suggests a replacement: the word the
    diagnostic underlines replaced by the suggestion (quotes kept when it had them)."""
    actions: list[types.CodeAction] = []
    for diagnostic in diagnostics:
        data = diagnostic.data
        if diagnostic.source != SOURCE or not isinstance(data, dict):
            continue
        replacement = data.get("replace")
        if not isinstance(replacement, str):
            continue
        edit_range = _inside_quotes(diagnostic.range) if data.get("quoted") else diagnostic.range
        actions.append(
            types.CodeAction(
                title=f"Change to '{replacement}'",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic],
                is_preferred=True,
                edit=types.WorkspaceEdit(
                    changes={uri: [types.TextEdit(range=edit_range, new_text=replacement)]}
                ),
            )
        )
    return actions


def _inside_quotes(whole: types.Range) -> types.Range:
    """`whole` without its quotes (one code unit each in every encoding)."""
    return types.Range(
        start=types.Position(line=whole.start.line, character=whole.start.character + 1),
        end=types.Position(line=whole.end.line, character=max(whole.end.character - 1, 0)),
    )
