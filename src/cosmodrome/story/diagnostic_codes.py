"""Every diagnostic code, with what it means: the one registry the checker, the lint rules,
the JSON output and the guide's list of codes are held to.

A code is a `Code` member, so a call site cannot invent one: mypy refuses a plain string.
"""

from __future__ import annotations

from enum import StrEnum


class Code(StrEnum):
    """The name of a kind of problem, as authors see it in `[...]` and in JSON."""

    # errors: the story does not load
    YAML = "yaml"
    YAML_TAB = "yaml-tab"
    YAML_MISSING_COLON = "yaml-missing-colon"
    YAML_UNCLOSED_QUOTE = "yaml-unclosed-quote"
    YAML_QUOTED_START = "yaml-quoted-start"
    FILE = "file"
    CACHE = "cache"
    FORMAT = "format"
    TYPE = "type"
    STRING_DEFAULT = "string-default"
    RANGE = "range"
    BAD_ID = "bad-id"
    UNKNOWN_KEY = "unknown-key"
    MISSING_KEY = "missing-key"
    DUPLICATE = "duplicate"
    REFERENCE = "reference"
    EXPR = "expr"
    TEXT = "text"
    ENDING = "ending"
    LOCKED = "locked"
    WAS = "was"
    EMPTY = "empty"
    SAVE_LIMIT = "save-limit"
    STORY_CHANGED = "story-changed"
    # warnings: the lint rules (silenced by `ignore:`)
    UNREACHABLE = "unreachable"
    UNREACHABLE_ENDING = "unreachable-ending"
    NEVER_TRUE = "never-true"
    SOFT_LOCK = "soft-lock"
    NO_WAY_OUT = "no-way-out"
    UNUSED_VARIABLE = "unused-variable"
    NEVER_SET = "never-set"
    UNREVEALED_FACT = "unrevealed-fact"
    UNUSED_ERA = "unused-era"
    UNUSED_PLACE = "unused-place"
    UNKNOWN_CODE = "unknown-code"
    SAME_ON_RETURN = "same-on-return"
    SAVE_IDENTITY = "save-identity"


ERROR_CODES: dict[Code, str] = {
    Code.YAML: "the file is not valid YAML (a cause not recognised more precisely)",
    Code.YAML_TAB: "a tab in the indentation: YAML indents with spaces only",
    Code.YAML_MISSING_COLON: "a line inside a mapping without the ':' after its key",
    Code.YAML_UNCLOSED_QUOTE: "a quoted value whose closing quote is missing",
    Code.YAML_QUOTED_START: "a value that starts with a quoted part and goes on after it",
    Code.FILE: "a file that cannot be read, is not UTF-8 or is too large",
    Code.CACHE: "the compiled-story cache is damaged",
    Code.FORMAT: "a `format:` version this engine does not read",
    Code.TYPE: "a value of the wrong kind (a list where a mapping belongs, text for a number)",
    Code.STRING_DEFAULT: "a variable whose quoted default makes it text, used as a number",
    Code.RANGE: "a number outside its allowed range (a latitude past 90)",
    Code.BAD_ID: "an id or name that breaks the id rules",
    Code.UNKNOWN_KEY: "a key the format does not have (often a typo)",
    Code.MISSING_KEY: "a required key left out",
    Code.DUPLICATE: "an id or key defined twice",
    Code.REFERENCE: "a name of a node, era, place or fact that the story does not define",
    Code.EXPR: "an expression (`if:`, `set:`) that does not parse or has the wrong type",
    Code.TEXT: "a text with a bad `{variable}` or an unclosed brace",
    Code.ENDING: "a node that is not clearly either an ending or a node with choices",
    Code.LOCKED: "a `locked:` text on a choice without an `if:`",
    Code.WAS: "a `was:` (old id) that clashes with a node or another `was:`",
    Code.EMPTY: "a story with no nodes",
    Code.SAVE_LIMIT: "something a save could not hold (a number past 64 bits, a growing string)",
    Code.STORY_CHANGED: "the story's files changed while it was played and a node is gone",
}

LINT_CODES: dict[Code, str] = {
    Code.UNREACHABLE: "a node that no play-through can reach from `start`",
    Code.UNREACHABLE_ENDING: "an ending that no play-through can reach",
    Code.NEVER_TRUE: "a condition (of a choice or a text block) that can never hold",
    Code.SOFT_LOCK: "a node that may leave the player with no choice to take",
    Code.NO_WAY_OUT: "a node from which no ending can ever be reached",
    Code.UNUSED_VARIABLE: "a variable that nothing reads (hidden variables only)",
    Code.NEVER_SET: "a variable that is read but never changed, so it is a constant",
    Code.UNREVEALED_FACT: "a fact that no reachable node reveals",
    Code.UNUSED_ERA: "an era that no node is set in",
    Code.UNUSED_PLACE: "a place that no node is set in",
    Code.UNKNOWN_CODE: "an `ignore:` entry that names no lint code",
    Code.SAVE_IDENTITY: "a choice that saves know only by its position among its siblings",
    Code.SAME_ON_RETURN: "a node the player can enter again whose text never changes on return",
}

CODES: dict[Code, str] = {**ERROR_CODES, **LINT_CODES}
