"""YAML text to position-carrying values, with a safe loader only.

PyYAML keeps the last of two duplicate keys without a word and builds
aliases without limit, so the story loader builds its own values from the
parser's event stream: one pass, no recursion, every value with its line and
column, duplicate keys and alias bombs reported as diagnostics.
"""

from __future__ import annotations

import gc
from typing import Any

import yaml

from cosmodrome.story.diagnostics import Diagnostic, Severity

try:  # the C parser when libyaml is there, else the pure-Python one; both are safe
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 64
MAX_ALIAS_EXPANSION = 100_000

_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_CORE_TAGS = {
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:timestamp",
}
_RESOLVER = yaml.resolver.Resolver()
_CONSTRUCTOR = yaml.constructor.SafeConstructor()


class Y:
    """A YAML value with its 1-based position; mappings also keep their keys' positions."""

    __slots__ = ("col", "keys", "line", "size", "style", "value")

    def __init__(self, value: Any, line: int, col: int, style: str | None = None) -> None:
        self.value = value
        self.line = line
        self.col = col
        self.style = style
        self.keys: dict[str, tuple[int, int]] | None = None
        self.size = 1

    def __repr__(self) -> str:
        return f"Y({self.value!r}@{self.line}:{self.col})"

    def plain(self) -> Any:
        """The value without positions (lists and dicts rebuilt)."""
        if isinstance(self.value, dict):
            return {k: v.plain() for k, v in self.value.items()}
        if isinstance(self.value, list):
            return [v.plain() for v in self.value]
        return self.value


def _implicit_resolvers() -> dict[str, tuple[tuple[str, Any], ...]]:
    table = yaml.resolver.Resolver.yaml_implicit_resolvers
    wildcard = tuple(table.get(None, ()))
    return {str(k): (*v, *wildcard) for k, v in table.items() if k is not None}


_IMPLICIT = _implicit_resolvers()
_NO_RESOLVERS: tuple[tuple[str, Any], ...] = tuple(
    yaml.resolver.Resolver.yaml_implicit_resolvers.get(None, ())
)


class _AnyStart:
    def __contains__(self, item: object) -> bool:
        return True


# the first characters of plain scalars that a resolver may read as something else than a
# string: any, when a resolver is registered for every first character
_RESOLVED_STARTS: frozenset[str] | _AnyStart = (
    _AnyStart() if _NO_RESOLVERS else frozenset(_IMPLICIT)
)
_METHODS = {
    "tag:yaml.org,2002:null": _CONSTRUCTOR.construct_yaml_null,
    "tag:yaml.org,2002:bool": _CONSTRUCTOR.construct_yaml_bool,
    "tag:yaml.org,2002:int": _CONSTRUCTOR.construct_yaml_int,
    "tag:yaml.org,2002:float": _CONSTRUCTOR.construct_yaml_float,
}


def _resolve(value: str) -> str:
    """The tag of a plain scalar: what `Resolver.resolve` gives, without its overhead."""
    for tag, regexp in _IMPLICIT.get(value[:1], _NO_RESOLVERS):
        if regexp.match(value):
            return str(tag)
    return _STR


def _scalar_value(event: yaml.ScalarEvent) -> Any:
    tag = event.tag
    if tag is None or tag == "!":
        if event.style or not event.implicit[0]:
            return event.value
        tag = _resolve(event.value)
    if tag == _STR:
        return event.value
    if tag not in _CORE_TAGS:
        raise _BadTag(tag or "?")
    if tag == "tag:yaml.org,2002:timestamp":
        return event.value  # dates stay as written: no field of the format is a date
    try:
        return _METHODS[tag](yaml.ScalarNode(tag, event.value))
    except (ValueError, KeyError, yaml.YAMLError):  # `!!bool maybe` raises a KeyError
        return event.value


class _BadTag(Exception):
    def __init__(self, tag: str) -> None:
        self.tag = tag


# a frame of the builder's stack: [node, anchor, pending key, its position, items]
_Frame = list[Any]
_COMPLEX_KEY = "\0complex"


def parse_yaml(text: str, path: str) -> tuple[Y | None, list[Diagnostic]]:
    """Parse one YAML document into a `Y` tree; problems come back as diagnostics."""
    problems: list[Diagnostic] = []

    def error(line: int, col: int, message: str) -> None:
        problems.append(Diagnostic(path, line, col, Severity.ERROR, message, "yaml"))

    stack: list[_Frame] = []
    anchors: dict[str, Y] = {}
    root: Y | None = None
    documents = 0
    expanded = 0
    scalar_event, mapping_start, sequence_start = (
        yaml.ScalarEvent,
        yaml.MappingStartEvent,
        yaml.SequenceStartEvent,
    )
    ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    was_enabled = gc.isenabled()
    gc.disable()  # the builder allocates many small objects and frees none of them
    loader = _Loader(text)
    next_event = loader.get_event
    try:
        while True:
            event: Any = next_event()  # dispatched on its exact type below
            if event is None:
                break
            kind = type(event)
            mark = event.start_mark
            line = mark.line + 1 if mark else 1
            col = mark.column + 1 if mark else 1
            value: Y
            if kind is scalar_event:
                style = event.style
                # the common case inline: an untagged quoted, block or resolver-free scalar
                if event.tag is None and (
                    style or not event.implicit[0] or event.value[:1] not in _RESOLVED_STARTS
                ):
                    value = Y(event.value, line, col, style)
                else:
                    try:
                        value = Y(_scalar_value(event), line, col, style)
                    except _BadTag as bad:
                        error(line, col, f"unsupported YAML tag '{bad.tag}'")
                        value = Y(event.value, line, col, style)
                if event.anchor is not None:
                    anchors[event.anchor] = value
            elif kind is mapping_start or kind is sequence_start:
                if len(stack) >= MAX_DEPTH:
                    error(line, col, f"values are nested more than {MAX_DEPTH} levels deep")
                    break
                is_map = kind is mapping_start
                if event.tag is not None and event.tag not in ("!", _MAP if is_map else _SEQ):
                    error(line, col, f"unsupported YAML tag '{event.tag}'")
                node = Y(None, line, col)
                if is_map:
                    node.keys = {}
                    stack.append([node, event.anchor, None, (0, 0), {}])
                else:
                    stack.append([node, event.anchor, None, (0, 0), []])
                continue
            elif kind in ends:
                frame = stack.pop()
                value = frame[0]
                value.value = frame[4]
                if frame[1] is not None:
                    anchors[frame[1]] = value
            elif kind is yaml.AliasEvent:
                target = anchors.get(event.anchor or "")
                if target is None:
                    error(line, col, f"alias '*{event.anchor}' refers to no finished anchor")
                    value = Y(None, line, col)
                else:
                    expanded += target.size
                    if expanded > MAX_ALIAS_EXPANSION:
                        error(line, col, "aliases expand to too many values (an alias bomb?)")
                        break
                    value = target
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    error(line, col, "a story file holds one YAML document, found another here")
                    break
                continue
            else:
                continue
            if not stack:
                root = value
                continue
            parent = stack[-1]
            parent_node: Y = parent[0]
            parent_node.size += value.size
            items = parent[4]
            if parent_node.keys is None:
                items.append(value)
            elif parent[2] is None:
                raw = value.value
                if isinstance(raw, dict | list):
                    error(value.line, value.col, "a mapping key must be a plain value")
                    parent[2] = _COMPLEX_KEY
                else:
                    parent[2] = raw if isinstance(raw, str) else _key_text(raw)
                parent[3] = (value.line, value.col)
            else:
                key = parent[2]
                keys = parent_node.keys
                if key in items and key != _COMPLEX_KEY:
                    first = keys[key][0]
                    kl, kc = parent[3]
                    error(kl, kc, f"duplicate key '{key}' (first defined at line {first})")
                else:
                    items[key] = value
                    keys[key] = parent[3]
                parent[2] = None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        col = mark.column + 1 if mark else 1
        what = exc.problem or exc.context or "malformed YAML"
        error(line, col, f"YAML syntax error: {what}")
        return None, problems
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        char = exc.character
        code = char if isinstance(char, int) else ord(char[:1] or "\0")
        error(line, col, f"character U+{code:04X} is not allowed in YAML")
        return None, problems
    except yaml.YAMLError as exc:
        error(1, 1, "YAML error: " + " ".join(str(exc).split()))
        return None, problems
    finally:
        loader.dispose()
        if was_enabled:
            gc.enable()
    return root, problems


def _key_text(raw: Any) -> str:
    if raw is None:
        return "null"
    if isinstance(raw, bool):
        return "true" if raw else "false"
    return str(raw)


def read_yaml_file(path: str, display: str) -> tuple[Y | None, list[Diagnostic]]:
    """Read and parse a file, turning size, encoding and I/O problems into diagnostics."""
    try:
        with open(path, "rb") as handle:  # noqa: PTH123 - a plain read, bounded below
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return None, unreadable(display, exc)
    return parse_yaml_bytes(data, display)


def unreadable(display: str, exc: OSError) -> list[Diagnostic]:
    """The diagnostic for a file that could not be read."""
    message = f"cannot read the file: {exc.strerror or exc}"
    return [Diagnostic(display, 1, 1, Severity.ERROR, message, "file")]


def parse_yaml_bytes(data: bytes, display: str) -> tuple[Y | None, list[Diagnostic]]:
    """Parse a file's bytes, turning size and encoding problems into diagnostics."""

    def fail(line: int, col: int, message: str) -> tuple[None, list[Diagnostic]]:
        return None, [Diagnostic(display, line, col, Severity.ERROR, message, "file")]

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
