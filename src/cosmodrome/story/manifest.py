"""Reading `story.yaml` and `facts.yaml` into model objects."""

from __future__ import annotations

from dataclasses import dataclass, field

from cosmodrome.story import limits
from cosmodrome.story.diagnostic_codes import Code
from cosmodrome.story.expr import type_of
from cosmodrome.story.lint.codes import read_lint_codes
from cosmodrome.story.model import Era, Fact, Place, Position, Variable
from cosmodrome.story.schema import (
    ID_PATTERN,
    RESERVED_NAMES,
    STORY_ID_PATTERN,
)
from cosmodrome.story.yamlfields import FileReader, describe
from cosmodrome.story.yamltree import Y

FORMAT_VERSION = 1


@dataclass
class Manifest:
    id: str = ""
    title: str = ""
    author: str | None = None
    start: str | None = None
    start_position: Position | None = None
    default_spans: dict[str, tuple[int, int]] = field(default_factory=dict)  # line, col
    variables: dict[str, Variable] = field(default_factory=dict)
    eras: list[Era] = field(default_factory=list)
    places: dict[str, Place] = field(default_factory=dict)
    lint_ignore: tuple[str, ...] = ()


def read_manifest(reader: FileReader, root: Y | None) -> Manifest:
    manifest = Manifest()
    if root is None:
        reader.error((1, 1), "story.yaml is empty; it needs format, id, title and start", Code.TYPE)
        return manifest
    entries = reader.mapping(root, "manifest", "story.yaml")
    if entries is None:
        return manifest
    fmt = reader.integer(entries.get("format"), "format")
    if fmt is not None and fmt != FORMAT_VERSION:
        reader.error(
            entries["format"],
            f"unsupported format version {fmt} (this engine reads format {FORMAT_VERSION})",
            Code.FORMAT,
        )
    manifest.id = reader.ident(entries.get("id"), "story id", STORY_ID_PATTERN) or ""
    manifest.title = reader.string(entries.get("title"), "title") or ""
    manifest.author = reader.string(entries.get("author"), "author")
    start = entries.get("start")
    manifest.start = reader.ident(start, "start", ID_PATTERN)
    if start is not None:
        manifest.start_position = reader.position(start)
    if "variables" in entries:
        _read_variables(reader, entries["variables"], manifest)
    for index, era_y in enumerate(reader.sequence(entries.get("eras"), "eras")):
        _read_era(reader, era_y, index, manifest)
    places = entries.get("places")
    if places is not None:
        if not isinstance(places.value, dict):
            reader.error(
                places, f"places must be a mapping, not {describe(places.value)}", Code.TYPE
            )
        else:
            for key, place_y in places.value.items():
                _read_place(reader, places, key, place_y, manifest)
    manifest.lint_ignore = read_lint_codes(reader, entries.get("ignore"))
    return manifest


def _read_variables(reader: FileReader, y: Y, manifest: Manifest) -> None:
    if not isinstance(y.value, dict):
        reader.error(y, f"variables must be a mapping, not {describe(y.value)}", Code.TYPE)
        return

    for name, var_y in y.value.items():
        key_pos = reader.key_position(y, name)
        if not limits.is_id(name, limits.VARIABLE) or name in RESERVED_NAMES:
            reader.error(key_pos, f"'{name}' cannot be a variable name", Code.BAD_ID)
            continue
        label: str | None = None
        was: tuple[str, ...] = ()
        default_y = var_y
        if isinstance(var_y.value, dict):
            entries = reader.mapping(var_y, "variable", f"variable '{name}'")
            if entries is None or "default" not in entries:
                continue
            default_y = entries["default"]
            label = reader.string(entries.get("label"), "label")
            was = _old_names(reader, entries.get("was"))
        kind = type_of(default_y.value)
        if kind is None:
            reader.error(
                default_y,
                f"variable '{name}' needs a default that is a whole number, true/false or "
                f"a string, not {describe(default_y.value)}",
                Code.TYPE,
            )
            continue
        manifest.default_spans[name] = (default_y.line, default_y.col)
        manifest.variables[name] = Variable(
            name, default_y.value, kind, label, Position(reader.path, *key_pos), was
        )
    _check_old_names(reader, y, manifest.variables)


def _old_names(reader: FileReader, y: Y | None) -> tuple[str, ...]:
    """A variable's `was:` list: the names it had in earlier versions of the story."""
    out: list[str] = []
    for item in reader.sequence(y, "was"):
        if not isinstance(item.value, str) or not limits.is_id(item.value, limits.VARIABLE):
            reader.error(
                item, f"'was' must list variable names, not {describe(item.value)}", Code.BAD_ID
            )
            continue
        out.append(item.value)
    return tuple(out)


def _check_old_names(reader: FileReader, y: Y, variables: dict[str, Variable]) -> None:
    """Report a `was:` name that is still declared, or that two variables claim, where the
    old name is written."""
    claimed: dict[str, str] = {}
    for variable in variables.values():
        if not variable.was:
            continue
        written = {item.value: item for item in y.value[variable.name].value["was"].value}
        for old in variable.was:
            clash = None
            if old in variables:
                clash = (
                    f"'was: {old}' of variable '{variable.name}' names a variable that still exists"
                )
            elif old in claimed:
                clash = f"'was: {old}' is claimed by variable '{claimed[old]}' too"
            if clash is not None:
                reader.error(written[old], clash, Code.WAS)
            else:
                claimed[old] = variable.name


def _read_era(reader: FileReader, y: Y, index: int, manifest: Manifest) -> None:
    entries = reader.mapping(y, "era", "an era")
    if entries is None:
        return
    era_id = reader.ident(entries.get("id"), "era id", ID_PATTERN)
    label = reader.string(entries.get("label"), "era label")
    if era_id is None or label is None:
        return
    if any(era.id == era_id for era in manifest.eras):
        reader.error(entries["id"], f"duplicate era id '{era_id}'", Code.DUPLICATE)
        return
    manifest.eras.append(Era(era_id, label, len(manifest.eras), reader.position(y)))


def _read_place(reader: FileReader, owner: Y, key: str, y: Y, manifest: Manifest) -> None:

    if not limits.is_id(key):
        reader.error(
            reader.key_position(owner, key), f"place id '{key}' is not a valid id", Code.BAD_ID
        )
        return
    entries = reader.mapping(y, "place", f"place '{key}'")
    if entries is None:
        return
    name = reader.string(entries.get("name"), "place name")
    lat = reader.number(entries.get("lat"), "lat")
    lon = reader.number(entries.get("lon"), "lon")
    if lat is not None and not -90 <= lat <= 90:
        reader.error(entries["lat"], f"lat {lat} is not between -90 and 90", Code.RANGE)
    if lon is not None and not -180 <= lon <= 180:
        reader.error(entries["lon"], f"lon {lon} is not between -180 and 180", Code.RANGE)
    if name is None:
        return
    region = reader.string(entries.get("region"), "region")
    where = Position(reader.path, *reader.key_position(owner, key))  # where its id is written
    manifest.places[key] = Place(key, name, region, lat, lon, where)


def read_facts(reader: FileReader, root: Y | None, facts: dict[str, Fact]) -> None:
    if root is None:
        return
    entries = reader.mapping(root, "facts_file", "facts.yaml")
    if entries is None or "facts" not in entries:
        return
    table = entries["facts"]
    if not isinstance(table.value, dict):
        reader.error(table, f"facts must be a mapping, not {describe(table.value)}", Code.TYPE)
        return

    for key, fact_y in table.value.items():
        if not limits.is_id(key):
            pos = reader.key_position(table, key)
            reader.error(pos, f"fact id '{key}' is not a valid id", Code.BAD_ID)
            continue
        fields = reader.mapping(fact_y, "fact", f"fact '{key}'")
        if fields is None:
            continue
        year = reader.integer(fields.get("year"), "year")
        title = reader.string(fields.get("title"), "fact title")
        text = reader.string(fields.get("text"), "fact text")
        if year is None or title is None or text is None:
            continue
        where = Position(reader.path, *reader.key_position(table, key))  # where its id is written
        facts[key] = Fact(key, year, title, text, where)


__all__ = ["FORMAT_VERSION", "Manifest", "read_facts", "read_manifest"]
