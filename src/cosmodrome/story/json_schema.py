"""JSON Schemas of the story format for editors, generated from `schema.OBJECTS`.

The loader checks keys against the same definitions, so the schemas cannot
drift from what `cosmodrome check` accepts. An editor with the YAML language
server validates and completes a file whose first line names its schema:
`# yaml-language-server: $schema=schema/story.schema.json`.
"""

from __future__ import annotations

import json
from typing import Any

from cosmodrome.story.diagnostic_codes import LINT_CODES
from cosmodrome.story.schema import (
    EXACTLY_ONE,
    ID_PATTERN,
    MAP_KEYS,
    OBJECTS,
    SHORT_FORMS,
    VARIABLE_PATTERN,
    Key,
)

DIALECT = "https://json-schema.org/draft/2020-12/schema"
Schema = dict[str, Any]

# file name -> (root object, title)
DOCUMENTS: dict[str, tuple[str, str]] = {
    "story.schema.json": ("manifest", "Cosmodrome story manifest (story.yaml)"),
    "nodes.schema.json": ("node_file", "Cosmodrome node file (nodes/*.yaml)"),
    "facts.schema.json": ("facts_file", "Cosmodrome facts file (facts.yaml)"),
}

_ID: Schema = {
    "anyOf": [
        {"type": "string", "pattern": ID_PATTERN},
        {"type": "integer", "minimum": 0},  # an unquoted year
    ]
}
_SIMPLE: dict[str, Schema] = {
    "int": {"type": "integer"},
    "str": {"type": "string", "minLength": 1},
    "bool": {"type": "boolean"},
    "number": {"type": "number"},
    "id": _ID,
    "ids": {"type": "array", "items": _ID},
    "names": {"type": "array", "items": {"type": "string", "pattern": VARIABLE_PATTERN}},
    "codes": {"type": "array", "items": {"enum": sorted(LINT_CODES)}},
    "expr": {"type": ["string", "integer", "boolean"]},
    "condition": {"type": ["string", "boolean"]},
    "scalar": {"type": ["integer", "boolean", "string"]},
    "effects": {
        "type": "object",
        "propertyNames": {"pattern": VARIABLE_PATTERN},
        "additionalProperties": {"type": ["string", "integer", "boolean"]},
    },
}


def _ref(name: str, wanted: set[str]) -> Schema:
    wanted.add(name)
    return {"$ref": f"#/$defs/{name}"}


def _kind(kind: str, wanted: set[str]) -> Schema:
    if kind in _SIMPLE:
        return dict(_SIMPLE[kind])
    if kind == "text":
        return {
            "anyOf": [
                {"type": "string", "minLength": 1},
                {"type": "array", "items": _ref("block", wanted)},
            ]
        }
    shape, _, name = kind.partition(":")
    if shape == "object":
        return _ref(name, wanted)
    if shape == "list":
        return {"type": "array", "items": _ref(name, wanted)}
    if shape == "map":
        return {
            "type": "object",
            "propertyNames": {"pattern": MAP_KEYS[name]},
            "additionalProperties": _ref(name, wanted),
        }
    raise ValueError(f"unknown kind {kind!r}")


def _property(key: Key, wanted: set[str]) -> Schema:
    schema = _kind(key.kind, wanted)
    if key.doc:
        schema["description"] = key.doc
    if key.pattern:
        schema["pattern"] = key.pattern
    if key.values:
        schema["enum"] = list(key.values)
    if key.bounds is not None:
        schema["minimum"], schema["maximum"] = key.bounds
    if key.min_items:
        schema["minItems"] = key.min_items
    return schema


def object_schema(name: str, wanted: set[str]) -> Schema:
    """The schema of object `name`; names of the objects it refers to are added to `wanted`."""
    keys = OBJECTS[name]
    schema: Schema = {
        "type": "object",
        "properties": {key.name: _property(key, wanted) for key in keys},
        "additionalProperties": False,
    }
    required = [key.name for key in keys if key.required]
    if required:
        schema["required"] = required
    dependent = {key.name: list(key.requires) for key in keys if key.requires}
    if dependent:
        schema["dependentRequired"] = dependent
    if name in EXACTLY_ONE:
        schema["oneOf"] = [{"required": [k]} for k in EXACTLY_ONE[name]]
    if name in SHORT_FORMS:
        return {"anyOf": [_kind(SHORT_FORMS[name], wanted), schema]}
    return schema


def document(file_name: str) -> Schema:
    """The complete schema document written to `file_name` (see `DOCUMENTS`)."""
    root, title = DOCUMENTS[file_name]
    wanted: set[str] = set()
    body = object_schema(root, wanted)
    defs: dict[str, Schema] = {}
    while wanted - defs.keys():
        name = sorted(wanted - defs.keys())[0]
        defs[name] = object_schema(name, wanted)
    out: Schema = {"$schema": DIALECT, "title": title}
    out.update(body)
    if defs:
        out["$defs"] = dict(sorted(defs.items()))
    return out


def combined() -> Schema:
    """One schema that accepts any file of a story: manifest, node file or facts file."""
    wanted: set[str] = set()
    roots = [_ref(root, wanted) for root, _ in DOCUMENTS.values()]
    defs: dict[str, Schema] = {}
    while wanted - defs.keys():
        name = sorted(wanted - defs.keys())[0]
        defs[name] = object_schema(name, wanted)
    return {
        "$schema": DIALECT,
        "title": "Cosmodrome story file",
        "anyOf": roots,
        "$defs": dict(sorted(defs.items())),
    }


def dumps(schema: Schema) -> str:
    """The schema as the text written to disk: stable, indented, ending in a newline."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
