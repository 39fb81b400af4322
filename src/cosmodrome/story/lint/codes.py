"""Reading the `ignore:` lists that silence lint codes (listed in `diagnostic_codes`)."""

from __future__ import annotations

from cosmodrome.story.diagnostic_codes import LINT_CODES, Code
from cosmodrome.story.diagnostics import Diagnostic, Severity
from cosmodrome.story.schema import ID_PATTERN
from cosmodrome.story.suggest import did_you_mean
from cosmodrome.story.yamlfields import FileReader
from cosmodrome.story.yamltree import Y


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
                    Code.UNKNOWN_CODE,
                )
            )
        codes.append(code)
    return tuple(codes)
