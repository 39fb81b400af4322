"""What a YAML scalar's text means under the safe loader's rules, without its overhead.

`yamltree` builds values from the parser's events; the few plain scalars
that may be something else than a string (`12`, `true`, `~`) go through the
safe loader's own resolvers and constructors here.
"""

from __future__ import annotations

from typing import Any

import yaml

STR_TAG = "tag:yaml.org,2002:str"
MAP_TAG = "tag:yaml.org,2002:map"
SEQ_TAG = "tag:yaml.org,2002:seq"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_METHODS = {
    "tag:yaml.org,2002:null": _CONSTRUCTOR.construct_yaml_null,
    "tag:yaml.org,2002:bool": _CONSTRUCTOR.construct_yaml_bool,
    "tag:yaml.org,2002:int": _CONSTRUCTOR.construct_yaml_int,
    "tag:yaml.org,2002:float": _CONSTRUCTOR.construct_yaml_float,
}
_CORE_TAGS = {*_METHODS, _TIMESTAMP}


class BadTag(Exception):
    """A scalar tagged (or resolved) as something no field of the format can hold."""

    def __init__(self, tag: str) -> None:
        super().__init__(tag)
        self.tag = tag


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
RESOLVED_STARTS: frozenset[str] | _AnyStart = _AnyStart() if _NO_RESOLVERS else frozenset(_IMPLICIT)


def _resolve(text: str) -> str:
    """The tag of a plain scalar: what `Resolver.resolve` gives, without its overhead."""
    for tag, regexp in _IMPLICIT.get(text[:1], _NO_RESOLVERS):
        if regexp.match(text):
            return str(tag)
    return STR_TAG


def tagged_value(tag: str, text: str) -> Any:
    """The value of a scalar with `tag`; raises `BadTag` for a tag outside the core schema."""
    if tag == STR_TAG:
        return text
    if tag not in _CORE_TAGS:
        raise BadTag(tag or "?")
    if tag == _TIMESTAMP:
        return text  # dates stay as written: no field of the format is a date
    try:
        return _METHODS[tag](yaml.ScalarNode(tag, text))
    except (ValueError, KeyError, yaml.YAMLError):  # `!!bool maybe` raises a KeyError
        return text


# short plain scalars already resolved -> their values: keys, ids and numbers repeat
RESOLVED: dict[str, Any] = {}
_RESOLVED_LIMIT = 50_000  # entries kept before starting afresh
_SHORT = 40


def plain_value(text: str) -> Any:
    """The value of an untagged plain scalar: a string, or what a resolver reads it as."""
    if text[:1] not in RESOLVED_STARTS:
        return text
    found = RESOLVED.get(text, RESOLVED)
    if found is RESOLVED:
        found = tagged_value(_resolve(text), text)  # a BadTag is raised again each time
        if len(text) <= _SHORT:
            if len(RESOLVED) >= _RESOLVED_LIMIT:
                RESOLVED.clear()
            RESOLVED[text] = found
    return found


def scalar_value(event: yaml.ScalarEvent) -> Any:
    """The value of any scalar event; raises `BadTag` for an unsupported tag."""
    tag = event.tag
    if tag is None or tag == "!":
        if event.style or not event.implicit[0]:
            return event.value
        return plain_value(event.value)
    return tagged_value(tag, event.value)
