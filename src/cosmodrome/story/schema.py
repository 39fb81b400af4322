"""The keys of every mapping in the format: one definition for the loader and the JSON Schema."""

from __future__ import annotations

from dataclasses import dataclass

from cosmodrome.story import limits


@dataclass(frozen=True, slots=True)
class Key:
    """A key of a mapping: its name, the kind of value it takes and whether it is required.

    Kinds: `int`, `str`, `bool`, `number`, `id`, `ids` (a list of ids), `names` (a list
    of variable names), `codes` (a list
    of lint codes), `expr` (an
    expression, or a YAML literal), `condition` (a boolean expression), `scalar`
    (int, bool or str), `effects` (a mapping of variable to expression), `text`
    (a string or a list of text blocks), and `object:NAME` / `list:NAME` /
    `map:NAME` for the mappings named in `OBJECTS`.
    """

    name: str
    kind: str
    required: bool = False
    doc: str = ""
    pattern: str = ""  # a `str` that must match this
    values: tuple[int | str, ...] = ()  # the only values allowed, when given
    bounds: tuple[float, float] | None = None  # a `number`'s inclusive range
    min_items: int = 0  # a `list:` that may not be shorter
    requires: tuple[str, ...] = ()  # keys that must be present alongside this one


# For the JSON Schema, where `$` is the end of the text; the loader matches `limits`' whole.
ID_PATTERN = f"^{limits.ID.pattern}$"
STORY_ID_PATTERN = f"^{limits.STORY_ID.pattern}$"
VARIABLE_PATTERN = f"^{limits.VARIABLE.pattern}$"
RESERVED_NAMES = frozenset({"and", "or", "not", "true", "false", "visited", "known"})


OBJECTS: dict[str, tuple[Key, ...]] = {
    "manifest": (
        Key("format", "int", True, "The format version: 1.", values=(1,)),
        Key(
            "id",
            "str",
            True,
            "The story's id, [a-z0-9-]+; it names the story in saves.",
            pattern=STORY_ID_PATTERN,
        ),
        Key("title", "str", True, "The story's title."),
        Key("author", "str", False, "Who wrote it."),
        Key("start", "id", True, "The id of the node a new game enters."),
        Key("variables", "map:variable", False, "Every variable, with its default."),
        Key("eras", "list:era", False, "The timeline, in order."),
        Key("places", "map:place", False, "The places nodes can be set in."),
        Key("ignore", "codes", False, "Lint codes silenced for the whole story."),
    ),
    "variable": (
        Key("default", "scalar", True, "The starting value; its type (int, bool, str) is fixed."),
        Key("label", "str", False, "Shown to the player in the status line."),
        Key("was", "names", False, "Names it had before: saves made then keep its value."),
    ),
    "era": (
        Key("id", "id", True, "The era's id, used by nodes' `era`."),
        Key("label", "str", True, "The era's name on the timeline."),
    ),
    "place": (
        Key("name", "str", True, "The place's name."),
        Key("region", "str", False, "The region it lies in."),
        Key("lat", "number", False, "Degrees north.", bounds=(-90, 90)),
        Key("lon", "number", False, "Degrees east.", bounds=(-180, 180)),
    ),
    "node_file": (Key("nodes", "map:node", True, "Node ids mapped to nodes."),),
    "node": (
        Key("title", "str", False, "A heading; may interpolate {variables}."),
        Key("era", "id", False, "An era id from story.yaml."),
        Key("place", "id", False, "A place id from story.yaml."),
        Key("was", "ids", False, "Ids this node had before: saves made there resume here."),
        Key(
            "memory",
            "bool",
            False,
            "A remembered scene: the map's 'you are here' stays where the player is.",
        ),
        Key("facts", "ids", False, "Fact ids revealed when the node is entered."),
        Key("on_enter", "object:on_enter", False, "Effects applied on every entry."),
        Key("text", "text", True, "Markdown with {variable} interpolation, or a list of blocks."),
        Key("choices", "list:choice", False, "Required unless `ending` is given.", min_items=1),
        Key("ending", "str", False, "Makes this an ending with this title; no choices."),
        Key("ignore", "codes", False, "Lint codes silenced for this node."),
    ),
    "on_enter": (Key("set", "effects", True, "Variables assigned on entry."),),
    "block": (
        Key("text", "str", True, "Markdown with {variable} interpolation."),
        Key("if", "condition", False, "The block shows only when this holds."),
        Key("first", "bool", False, "The block shows only on the first entry to the node."),
        Key("again", "bool", False, "The block shows only on later entries to the node."),
    ),
    "choice": (
        Key("text", "str", True, "What the player reads."),
        Key("goto", "id", True, "The node this choice leads to."),
        Key("id", "id", False, "A stable id, unique within the node, for saves."),
        Key("if", "condition", False, "The choice is offered only when this holds."),
        Key(
            "locked",
            "str",
            False,
            "Show the choice disabled, with this reason, when `if` fails.",
            requires=("if",),
        ),
        Key("once", "bool", False, "The choice disappears after it is taken."),
        Key("set", "effects", False, "Variables assigned when the choice is taken."),
    ),
    "facts_file": (Key("facts", "map:fact", True, "Fact ids mapped to facts."),),
    "fact": (
        Key("year", "int", True, "The year the fact belongs to."),
        Key("title", "str", True, "A short title."),
        Key("text", "str", True, "One line, in our own words."),
    ),
}

# The keys of each `map:NAME`: what its keys must look like.
MAP_KEYS: dict[str, str] = {
    "variable": VARIABLE_PATTERN,
    "place": ID_PATTERN,
    "node": ID_PATTERN,
    "fact": ID_PATTERN,
}
# Objects that may also be written as just one value of this kind (`has_pass: false`).
SHORT_FORMS: dict[str, str] = {"variable": "scalar"}
# Objects that need exactly one of these keys.
EXACTLY_ONE: dict[str, tuple[str, ...]] = {"node": ("choices", "ending")}
