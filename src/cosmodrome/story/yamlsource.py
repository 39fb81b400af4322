"""YAML files and text to position-carrying values, with a safe loader only.

PyYAML keeps the last of two duplicate keys without a word and builds
aliases without limit, so the story loader builds its own values from the
parser's event stream (`yamltree`): every value with its line and column,
duplicate keys and alias bombs reported as diagnostics. This module turns
files, bytes and text into such a tree, and every problem into a diagnostic.
"""

from __future__ import annotations

from collections.abc import Callable

import yaml

from cosmodrome.regular_files import RefusedPath, UnreadableFile, describe, read_regular
from cosmodrome.story.collector import collector_paused
from cosmodrome.story.diagnostic_codes import Code
from cosmodrome.story.diagnostics import Diagnostic, Severity
from cosmodrome.story.spans import token_end
from cosmodrome.story.yamlerrors import Marks, explain
from cosmodrome.story.yamltree import MAX_ALIAS_EXPANSION, MAX_DEPTH, Y, build_tree

try:  # the C parser when libyaml is there, else the pure-Python one; both are safe
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 16 * 1024 * 1024

__all__ = [
    "MAX_ALIAS_EXPANSION",
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "Y",
    "parse_yaml",
    "parse_yaml_bytes",
    "read_yaml_file",
    "unreadable",
]


def parse_yaml(text: str, path: str) -> tuple[Y | None, list[Diagnostic]]:
    """Parse one YAML document into a `Y` tree; problems come back as diagnostics."""
    problems: list[Diagnostic] = []

    def error(line: int, col: int, message: str) -> None:
        lines = text.splitlines()  # only when there is a problem: rare, and then cheap enough
        end = token_end(lines[line - 1], col) if 0 < line <= len(lines) else col + 1
        code = Code.DUPLICATE if message.startswith("duplicate key") else Code.YAML
        problems.append(Diagnostic(path, line, col, Severity.ERROR, message, code, line, end))

    def syntax(marks: Marks) -> None:
        problems.append(explain(text, path, marks))

    with collector_paused():  # the builder allocates many small objects, no cycles
        return _parsed(text, error, syntax), problems


def _parsed(
    text: str, error: Callable[[int, int, str], None], syntax: Callable[[Marks], None]
) -> Y | None:
    """The tree of `text`, or None after reporting through `error` why there is none."""
    loader = _Loader(text)
    try:
        return build_tree(loader.get_event, error)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        context = exc.context_mark
        marks = Marks(
            exc.problem or exc.context or "malformed YAML",
            mark.line + 1 if mark else 1,
            mark.column + 1 if mark else 1,
            exc.context or "",
            context.line + 1 if context else 0,
            context.column + 1 if context else 0,
        )
        syntax(marks)
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        char = exc.character
        code = char if isinstance(char, int) else ord(char[:1] or "\0")
        error(line, col, f"character U+{code:04X} is not allowed in YAML")
    except yaml.YAMLError as exc:
        error(1, 1, "YAML error: " + " ".join(str(exc).split()))
    finally:
        loader.dispose()
    return None


def read_yaml_file(path: str, display: str) -> tuple[Y | None, list[Diagnostic]]:
    """Read and parse a file, turning size, encoding and I/O problems into diagnostics."""
    try:
        data = read_regular(path, MAX_FILE_BYTES)
    except OSError as exc:
        return None, unreadable(display, exc)
    return parse_yaml_bytes(data, display)


def unreadable(display: str, exc: OSError) -> list[Diagnostic]:
    """The diagnostic for a file that could not be read (or is not a regular file, or is
    over the size cap)."""
    if isinstance(exc, RefusedPath):
        message = exc.reason
    elif isinstance(exc, UnreadableFile) and exc.too_large:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        message = f"the file is larger than {limit} MB; split it into smaller files"
    else:
        message = f"cannot read the file: {describe(exc)}"
    return [Diagnostic(display, 1, 1, Severity.ERROR, message, Code.FILE)]


def parse_yaml_bytes(data: bytes, display: str) -> tuple[Y | None, list[Diagnostic]]:
    """Parse a file's bytes, turning size and encoding problems into diagnostics."""

    def fail(line: int, col: int, message: str) -> tuple[None, list[Diagnostic]]:
        return None, [Diagnostic(display, line, col, Severity.ERROR, message, Code.FILE)]

    if len(data) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        return fail(1, 1, f"the file is larger than {limit} MB; split it into smaller files")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return fail(line, col, "the file is not UTF-8 text")
    if text.startswith("\ufeff"):
        text = text[1:]
    return parse_yaml(text, display)
