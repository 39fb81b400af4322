"""A text variable used as a number: one error at its quoted default, not one per use."""

from __future__ import annotations

import dataclasses

from cosmodrome.story.diagnostic_codes import Code
from cosmodrome.story.diagnostics import Diagnostic, Fix, Related, TextEdit
from cosmodrome.story.manifest import Manifest
from cosmodrome.story.nodes import StoryScope
from cosmodrome.story.yamlfields import FileReader


def string_defaults(manifest: Manifest, scope: StoryScope, reader: FileReader) -> list[Diagnostic]:
    """For each variable whose default `"0"` (or `"true"`) made it text while its uses
    need a number (or true/false): the error at the default, the uses as related places,
    and the fix that takes the quotes away."""
    out: list[Diagnostic] = []
    for name, uses in sorted(scope.misused.items()):
        variable = manifest.variables[name]
        default = str(variable.default).strip()
        kind = "true/false" if default in ("true", "false") else "a number"
        related = tuple(
            Related(path, line, col, line, col + len(name), f"'{name}' used as {kind} here")
            for path, line, col in uses
        )
        where = manifest.default_spans.get(name, (variable.position.line, variable.position.col))
        reader.error(
            where,
            f"variable '{name}' is text: its default \"{variable.default}\" is quoted, "
            f"but {len(uses)} {'use needs' if len(uses) == 1 else 'uses need'} {kind}",
            Code.STRING_DEFAULT,
            hint=f"write the default without quotes (default: {default}) to make it {kind}",
            related=related,
        )
        found = reader.problems.pop()
        edit = TextEdit(reader.path, found.line, found.col, found.end_line, found.end_col, default)
        out.append(dataclasses.replace(found, fix=Fix(f"write {default} without quotes", (edit,))))
    return out
