"""The compiled-story cache: a checked story and its diagnostics as JSON, reused unchanged.

A slot holds one story directory's last result. Its header names the key it
was written for (a hash of the story's sources, of this package's code and of
the cache format) and a hash of its payload; a slot whose key or hash does not
match, or whose payload does not decode into a consistent story, is ignored
and rewritten. The payload is plain JSON: no pickle, and expressions are
recompiled from their source against the story's names, never trusted.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import tempfile
import types
import typing
from collections.abc import Callable, Collection, Iterator, Mapping
from pathlib import Path
from typing import Any

from cosmodrome.story import model
from cosmodrome.story.diagnostics import Diagnostic, Severity, StoryError
from cosmodrome.story.expr import Compiled, ExprError, ExprType, Scope, compile_expr
from cosmodrome.story.template import Template, TemplateError, parse_template

CACHE_FORMAT = 1
_PACKAGE = Path(__file__).resolve().parent

Codec = Callable[[Any], Any]


class _BadCache(Exception):
    """The payload does not decode into a consistent story."""


class _Context:
    """What the codecs share while one payload is written or read."""

    def __init__(self, paths: list[str] | None = None) -> None:
        self.paths: list[str] = paths or []
        self.index: dict[str, int] = {}
        self.scope = Scope({}, (), ())
        self.compiled: dict[tuple[str, str], Compiled] = {}

    def path_index(self, path: str) -> int:
        found = self.index.get(path)
        if found is None:
            found = self.index[path] = len(self.paths)
            self.paths.append(path)
        return found

    def compile(self, raw: Any) -> Compiled:
        source, kind = raw
        found = self.compiled.get((source, kind))
        if found is None:
            try:
                found = compile_expr(source, self.scope, ExprType(kind))
            except ExprError as exc:
                raise _BadCache(exc.message) from exc
            self.compiled[source, kind] = found
        return found

    def template(self, source: str) -> Template:
        try:
            template, names = parse_template(source)
        except TemplateError as exc:
            raise _BadCache(exc.message) from exc
        for _, name in names:
            if name not in self.scope.variables:
                raise _BadCache(f"{{{name}}} names no variable")
        return template


# --- codecs built from the model's type hints ----------------------------------

_PLAIN = (str, int, bool, float, type(None))


def _codecs(tp: Any, ctx: _Context) -> tuple[Codec | None, Codec | None]:
    """(encode, decode) for values of type `tp`; None means the value is kept as it is."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if tp in _PLAIN or (origin in (typing.Union, types.UnionType) and set(args) <= set(_PLAIN)):
        return None, None
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        if len(inner) != 1:
            raise TypeError(f"the cache cannot hold a field of type {tp}")
        enc, dec = _codecs(inner[0], ctx)
        return _optional(enc), _optional(dec)
    if tp in (ExprType, Severity):
        return (lambda v: v.value), tp
    if tp is model.Position:
        return (
            lambda p: (ctx.path_index(p.path), p.line, p.col),
            lambda r: model.Position(ctx.paths[r[0]], r[1], r[2]),
        )
    if tp is Template:
        return (lambda t: t.source), ctx.template
    if tp is Compiled:
        return (lambda c: (c.source, c.type.value)), ctx.compile
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        enc, dec = _codecs(args[0], ctx)
        return (list if enc is None else _each(enc, list)), (
            tuple if dec is None else _each(dec, tuple)
        )
    if origin is frozenset:
        enc, dec = _codecs(args[0], ctx)
        if enc is not None:
            raise TypeError(f"the cache cannot hold a field of type {tp}")
        return sorted, frozenset
    if origin in (Mapping, dict) and args[0] is str:
        enc, dec = _codecs(args[1], ctx)
        return (dict if enc is None else _values(enc)), (dict if dec is None else _values(dec))
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return _dataclass_codecs(tp, ctx)
    raise TypeError(f"the cache cannot hold a field of type {tp}")


def _each(codec: Codec, into: Callable[[list[Any]], Any]) -> Codec:
    return lambda items: into([codec(item) for item in items])


def _values(codec: Codec) -> Codec:
    return lambda mapping: {key: codec(value) for key, value in mapping.items()}


def _optional(codec: Codec | None) -> Codec | None:
    if codec is None:
        return None
    return lambda v: None if v is None else codec(v)


@functools.cache
def _fields(cls: type) -> tuple[tuple[str, Any], ...]:
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls) if f.init)


def _dataclass_codecs(cls: type, ctx: _Context) -> tuple[Codec, Codec]:
    fields = _fields(cls)
    pairs = [_codecs(tp, ctx) for _, tp in fields]
    names = [name for name, _ in fields]
    encoders = list(zip(names, [enc for enc, _ in pairs], strict=True))
    decoders = [dec for _, dec in pairs]
    count = len(fields)

    def encode(obj: Any) -> list[Any]:
        return [
            getattr(obj, name) if enc is None else enc(getattr(obj, name)) for name, enc in encoders
        ]

    def decode(raw: Any) -> Any:
        if type(raw) is not list or len(raw) != count:
            raise _BadCache(f"a {cls.__name__} has the wrong shape")
        return cls(*[v if dec is None else dec(v) for dec, v in zip(decoders, raw, strict=True)])

    return encode, decode


# --- the payload ---------------------------------------------------------------


def _encode(story: model.Story | None, diagnostics: list[Diagnostic]) -> dict[str, Any]:
    ctx = _Context()
    encode_story, _ = _dataclass_codecs(model.Story, ctx)
    encode_diagnostic, _ = _dataclass_codecs(Diagnostic, ctx)
    return {
        "story": None if story is None else encode_story(story),
        "diagnostics": [encode_diagnostic(d) for d in diagnostics],
        "paths": ctx.paths,
    }


def _decode(
    payload: Any, root: str, fingerprint: str, where: Path
) -> tuple[model.Story | None, list[Diagnostic]]:
    ctx = _Context(list(payload["paths"]))
    _, decode_diagnostic = _dataclass_codecs(Diagnostic, ctx)
    diagnostics = [decode_diagnostic(d) for d in payload["diagnostics"]]
    raw = payload["story"]
    if raw is None:
        return None, diagnostics
    fields = list(raw)
    at = {name: _index(model.Story, name) for name in ("variables", "facts", "nodes")}
    kind = _index(model.Variable, "type")
    variables = {name: ExprType(var[kind]) for name, var in fields[at["variables"]].items()}
    nodes = fields[at["nodes"]]
    ctx.scope = Scope(variables, frozenset(nodes), frozenset(fields[at["facts"]]))
    _verify_nodes(nodes, ctx.scope)
    fields[at["nodes"]] = {}
    _, decode_story = _dataclass_codecs(model.Story, ctx)
    _, decode_node = _dataclass_codecs(model.Node, ctx)
    story: model.Story = decode_story(fields)
    if story.start not in nodes or not set(story.renamed.values()) <= nodes.keys():
        raise _BadCache("the start or a renamed node is missing")
    if story.fingerprint != fingerprint:
        raise _BadCache("the story's fingerprint does not match its sources")
    lazy = LazyNodes(nodes, decode_node, where)
    return dataclasses.replace(story, nodes=lazy, root=root), diagnostics


@functools.cache
def _index(cls: type, name: str) -> int:
    return [field for field, _ in _fields(cls)].index(name)


def _verify_nodes(nodes: Any, scope: Scope) -> None:
    """Check the references the engine follows without looking, before any node is built."""
    if type(nodes) is not dict:
        raise _BadCache("the nodes are not a mapping")
    node_size, choice_size = len(_fields(model.Node)), len(_fields(model.Choice))
    at_id, at_facts = _index(model.Node, "id"), _index(model.Node, "facts")
    at_choices, at_goto = _index(model.Node, "choices"), _index(model.Choice, "goto")
    known: Collection[str] = scope.nodes
    facts: Collection[str] = scope.facts
    for node_id, node in nodes.items():
        if type(node) is not list or len(node) != node_size or node[at_id] != node_id:
            raise _BadCache(f"node '{node_id}' has the wrong shape")
        if not all(fact in facts for fact in node[at_facts]):
            raise _BadCache(f"node '{node_id}' reveals an unknown fact")
        for choice in node[at_choices]:
            if type(choice) is not list or len(choice) != choice_size:
                raise _BadCache(f"a choice of '{node_id}' has the wrong shape")
            if choice[at_goto] not in known:
                raise _BadCache(f"a choice of '{node_id}' goes nowhere")


class LazyNodes(Mapping[str, model.Node]):
    """A cached story's nodes, each built the first time it is asked for.

    The whole payload was verified by hash and its references checked before
    this mapping was made; building a node only recompiles its expressions.
    """

    __slots__ = ("_built", "_decode", "_raw", "_where")

    def __init__(self, raw: dict[str, Any], decode: Codec, where: Path) -> None:
        self._raw = raw
        self._decode = decode
        self._where = where
        self._built: dict[str, model.Node] = {}

    def __getitem__(self, node_id: str) -> model.Node:
        node = self._built.get(node_id)
        if node is None:
            raw = self._raw[node_id]
            try:
                node = self._decode(raw)
            except (_BadCache, ValueError, TypeError, KeyError, IndexError) as exc:
                message = "the compiled-story cache is damaged: delete it and start again"
                problem = Diagnostic(str(self._where), 1, 1, Severity.ERROR, message, "cache")
                raise StoryError([problem]) from exc
            self._built[node_id] = node
        return node

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def __contains__(self, node_id: object) -> bool:
        return node_id in self._raw

    def __repr__(self) -> str:
        return f"LazyNodes({len(self._raw)} nodes, {len(self._built)} built)"


@functools.cache
def _code_hash() -> str:
    """A hash of this package's code: a changed loader or lint rule invalidates the cache."""
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*.py")):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


class CacheSlot:
    """Where one story directory's compiled result is kept, and the key it must match."""

    def __init__(self, path: Path, key: str) -> None:
        self.path = path
        self.key = key

    @classmethod
    def for_story(cls, directory: str, fingerprint: str, cache_dir: Path) -> CacheSlot:
        """The slot of `directory` (one per directory, so old results are replaced)."""
        where = hashlib.sha256(str(Path(directory).resolve()).encode()).hexdigest()[:32]
        key = f"{CACHE_FORMAT}:{_code_hash()}:{fingerprint}"
        return cls(cache_dir / "stories" / f"{where}.json", key)

    def read(
        self, root: str, fingerprint: str
    ) -> tuple[model.Story | None, list[Diagnostic]] | None:
        """The cached story and diagnostics, or None when the slot is missing, stale or bad."""
        try:
            data = self.path.read_bytes()
        except OSError:
            return None
        try:
            head, _, body = data.partition(b"\n")
            header = json.loads(head)
            if header.get("key") != self.key:
                return None
            if header.get("sha256") != hashlib.sha256(body).hexdigest():
                return None
            return _decode(json.loads(body), root, fingerprint, self.path)
        except (_BadCache, ValueError, TypeError, KeyError, IndexError, AttributeError):
            return None  # a damaged or foreign slot: check the story again

    def write(self, story: model.Story | None, diagnostics: list[Diagnostic]) -> None:
        """Keep the result; a cache that cannot be written is no error."""
        body = json.dumps(
            _encode(story, diagnostics), ensure_ascii=False, separators=(",", ":")
        ).encode()
        header = json.dumps({"key": self.key, "sha256": hashlib.sha256(body).hexdigest()})
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(header.encode() + b"\n" + body)
                Path(temp).replace(self.path)
            except BaseException:
                Path(temp).unlink(missing_ok=True)
                raise
        except OSError:
            return


def default_cache_dir() -> Path:
    """`locations.cache_dir()`: the user's cache, or `COSMODROME_CACHE`."""
    from cosmodrome.locations import cache_dir

    return cache_dir()
