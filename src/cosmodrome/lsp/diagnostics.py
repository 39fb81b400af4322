"""The story's diagnostics as the protocol's, and their fixes as code actions.

The one place that knows how a project `Diagnostic` maps onto an LSP one: its span,
code, related places and hint as the protocol has them, and its mechanical fix as a
quick fix. The fix is converted when the diagnostic is published, against the very
texts that were checked (the unsaved buffers where open), and travels in the
diagnostic's `data` until the editor asks for code actions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from cattrs.errors import CattrsError
from lsprotocol import types
from lsprotocol.converters import get_converter
from pygls.uris import from_fs_path
from pygls.workspace.position_codec import PositionCodec

from cosmodrome.lsp.positions import between
from cosmodrome.story.diagnostics import Diagnostic, Fix, Severity

SOURCE = "cosmodrome"
LinesOf = Callable[[str], Sequence[str]]  # a story file's current lines, by its path

_CONVERTER = get_converter()  # the protocol's types to JSON and back, as pygls does


def file_uri(path: str) -> str:
    """The `file:` URI of a path as the checker spells it."""
    return from_fs_path(path) or Path(path).as_uri()


def to_lsp(diagnostic: Diagnostic, lines_of: LinesOf, codec: PositionCodec) -> types.Diagnostic:
    """The protocol's diagnostic: its exact span, the project's code, the related places
    (with their files' URIs), the hint on a line of its own under the message (as
    rust-analyzer shows its help), and the fix, ready for `code_actions`, in `data`."""
    d = diagnostic
    message = f"{d.message}\nhint: {d.hint}" if d.hint else d.message
    related = [
        types.DiagnosticRelatedInformation(
            location=types.Location(
                uri=file_uri(r.path),
                range=between(codec, lines_of(r.path), (r.line, r.col), (r.end_line, r.end_col)),
            ),
            message=r.message,
        )
        for r in d.related
    ]
    fix = None if d.fix is None else _fix_data(d.fix, lines_of, codec)
    return types.Diagnostic(
        range=between(codec, lines_of(d.path), (d.line, d.col), (d.end_line, d.end_col)),
        message=message,
        severity=(
            types.DiagnosticSeverity.Error
            if d.severity is Severity.ERROR
            else types.DiagnosticSeverity.Warning
        ),
        code=d.code.value,
        source=SOURCE,
        related_information=related or None,
        data={"fix": fix} if fix is not None else None,
    )


def _fix_data(fix: Fix, lines_of: LinesOf, codec: PositionCodec) -> dict[str, object]:
    """`fix` as plain JSON: its title and its edits as a workspace edit, each file's
    positions converted with that file's lines."""
    changes: dict[str, list[types.TextEdit]] = {}
    for e in fix.edits:
        where = between(codec, lines_of(e.path), (e.line, e.col), (e.end_line, e.end_col))
        changes.setdefault(file_uri(e.path), []).append(
            types.TextEdit(range=where, new_text=e.new_text)
        )
    edit = _CONVERTER.unstructure(types.WorkspaceEdit(changes=changes), types.WorkspaceEdit)
    return {"title": fix.title, "edit": edit}


def code_actions(diagnostics: Sequence[types.Diagnostic]) -> list[types.CodeAction]:
    """A quick fix for each of `diagnostics` that carries one of our fixes; each is
    preferred, since a diagnostic has at most one mechanical fix."""
    actions: list[types.CodeAction] = []
    for diagnostic in diagnostics:
        data = diagnostic.data
        if diagnostic.source != SOURCE or not isinstance(data, dict):
            continue
        fix = data.get("fix")
        if not isinstance(fix, dict) or not isinstance(fix.get("title"), str):
            continue
        try:
            edit = _CONVERTER.structure(fix.get("edit"), types.WorkspaceEdit)
        except (CattrsError, TypeError, ValueError, KeyError):
            continue  # not what we published (a client that rewrote `data`): no action
        title: str = fix["title"]
        actions.append(
            types.CodeAction(
                title=title[:1].upper() + title[1:],
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic],
                is_preferred=True,
                edit=edit,
            )
        )
    return actions
