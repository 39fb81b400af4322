"""The story model as JSON values and back: one codec per dataclass, from its type hints.

A dataclass becomes a list of its fields in order; positions become
`[path index, line, col]` into a table of paths; templates and compiled
expressions become their source (and type), and are parsed and type-checked
again on the way back, against the names the decoding context allows.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any

from cosmodrome.story import model
from cosmodrome.story.diagnostic_codes import Code
from cosmodrome.story.diagnostics import Severity
from cosmodrome.story.expr import Compiled, ExprError, ExprType, Scope, compile_expr
from cosmodrome.story.template import Template, TemplateError, parse_template

Codec = Callable[[Any], Any]


class BadModel(Exception):
    """The JSON does not decode into a consistent model."""


class CodecContext:
    """What the codecs share while one payload is written or read."""

    def __init__(self, paths: list[str] | None = None) -> None:
        self.paths: list[str] = paths or []
        self.index: dict[str, int] = {}
        self.scope = Scope({}, (), ())
        self.compiled: dict[tuple[str, str], Compiled] = {}

    def path_index(self, path: str) -> int:
        """The index of `path` in the table of paths (added on first sight)."""
        found = self.index.get(path)
        if found is None:
            found = self.index[path] = len(self.paths)
            self.paths.append(path)
        return found

    def compile(self, raw: Any) -> Compiled:
        """`[source, type]` compiled again against the scope (once per source and type)."""
        source, kind = raw
        found = self.compiled.get((source, kind))
        if found is None:
            try:
                found = compile_expr(source, self.scope, ExprType(kind))
            except ExprError as exc:
                raise BadModel(exc.message) from exc
            self.compiled[source, kind] = found
        return found

    def template(self, source: str) -> Template:
        """`source` parsed again; every `{name}` in it must be a variable of the scope."""
        try:
            template, names = parse_template(source, self._inline_condition)
        except TemplateError as exc:
            raise BadModel(exc.message) from exc
        for _, name in names:
            if name not in self.scope.variables:
                raise BadModel(f"{{{name}}} names no variable")
        return template

    def _inline_condition(self, source: str, offset: int) -> Compiled:
        """An inline `{if}`'s condition, compiled again as a boolean."""
        return self.compile((source, ExprType.BOOL.value))


# --- codecs built from the model's type hints ----------------------------------

_PLAIN = (str, int, bool, float, type(None))


def _codecs(tp: Any, ctx: CodecContext) -> tuple[Codec | None, Codec | None]:
    """(encode, decode) for values of type `tp`; None means the value is kept as it is."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if tp in _PLAIN or (origin in (typing.Union, types.UnionType) and set(args) <= set(_PLAIN)):
        return None, _exactly(frozenset(args) if args else frozenset({tp}))
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        if len(inner) != 1:
            raise TypeError(f"the cache cannot hold a field of type {tp}")
        enc, dec = _codecs(inner[0], ctx)
        return _optional(enc), _optional(dec)
    if tp in (ExprType, Severity, Code):
        return (lambda v: v.value), tp
    if tp is model.Position:
        return (
            lambda p: (ctx.path_index(p.path), p.line, p.col),
            lambda r: model.Position(ctx.paths[_count(r[0])], _count(r[1]), _count(r[2])),
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
        return sorted, _each(dec, frozenset) if dec is not None else frozenset
    if origin in (Mapping, dict) and args[0] is str:
        enc, dec = _codecs(args[1], ctx)
        return (dict if enc is None else _values(enc)), (dict if dec is None else _values(dec))
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return dataclass_codecs(tp, ctx)
    raise TypeError(f"the cache cannot hold a field of type {tp}")


def _exactly(kinds: frozenset[Any]) -> Codec:
    """A decoder that lets a value through only when its type is one of `kinds` (a
    cache entry may have been edited: a `str` field must not hold a number)."""

    if float in kinds:  # a YAML `45` in a float field stays a whole number
        kinds = kinds | {int}

    def check(value: Any) -> Any:
        if type(value) not in kinds:
            raise BadModel(f"a value of type {type(value).__name__} where {kinds} belongs")
        return value

    return check


def _count(value: Any) -> int:
    if type(value) is not int or value < 0:
        raise BadModel("a position is not a count")
    return value


def _each(codec: Codec, into: Callable[[list[Any]], Any]) -> Codec:
    return lambda items: into([codec(item) for item in items])


def _values(codec: Codec) -> Codec:
    def decode(mapping: Any) -> dict[str, Any]:
        if type(mapping) is not dict:
            raise BadModel("a mapping is not a mapping")
        return {key: codec(value) for key, value in mapping.items()}

    return decode


def _optional(codec: Codec | None) -> Codec | None:
    if codec is None:
        return None
    return lambda v: None if v is None else codec(v)


@functools.cache
def model_fields(cls: type) -> tuple[tuple[str, Any], ...]:
    """The (name, type) of each field of dataclass `cls`, in order."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls) if f.init)


def dataclass_codecs(cls: type, ctx: CodecContext) -> tuple[Codec, Codec]:
    """(encode, decode) between dataclass `cls` and the list of its fields' JSON values;
    decoding raises `BadModel` (or a ValueError, TypeError, KeyError) on anything else."""
    fields = model_fields(cls)
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
            raise BadModel(f"a {cls.__name__} has the wrong shape")
        return cls(*[v if dec is None else dec(v) for dec, v in zip(decoders, raw, strict=True)])

    return encode, decode


@functools.cache
def field_index(cls: type, name: str) -> int:
    """Where field `name` sits in the JSON list of a `cls`."""
    return [field for field, _ in model_fields(cls)].index(name)
