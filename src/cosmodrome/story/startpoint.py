"""The story started somewhere else, for authors: `play --at NODE --set VAR=VALUE` ("test
from here"). The story itself is not changed: a copy starts at that node, with those
values as its variables' defaults, so both players and every restart begin there."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from cosmodrome.story.expr import INT_MAX, INT_MIN, Value
from cosmodrome.story.exprtree import ExprType
from cosmodrome.story.model import Story
from cosmodrome.story.suggest import did_you_mean


class StartPointError(ValueError):
    """An `--at` or `--set` the story cannot take, with the reason for people."""


def parse_value(story: Story, setting: str) -> tuple[str, Value]:
    """`VAR=VALUE` as the variable's name and a value of its type; raises
    `StartPointError` for an unknown variable or a value of the wrong type."""
    name, equals, text = setting.partition("=")
    name, text = name.strip(), text.strip()
    if not equals or not name:
        raise StartPointError(f"'{setting}' is not VAR=VALUE, e.g. --set trust=2")
    variable = story.variables.get(name)
    if variable is None:
        hint = did_you_mean(name, story.variables)
        raise StartPointError(f"the story has no variable '{name}'{hint}")
    if variable.type is ExprType.BOOL:
        if text.lower() not in ("true", "false"):
            raise StartPointError(f"'{name}' is true or false, not '{text}'")
        return name, text.lower() == "true"
    if variable.type is ExprType.INT:
        try:
            number = int(text)
        except ValueError:
            raise StartPointError(f"'{name}' is a whole number, not '{text}'") from None
        if not INT_MIN <= number <= INT_MAX:
            raise StartPointError(f"{number} is too large for '{name}'")
        return name, number
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        text = text[1:-1]  # a quoted string, as a shell user may write it
    return name, text


def start_at(story: Story, node: str | None, settings: Iterable[str]) -> Story:
    """The story starting at `node` (None: its own start) with each `VAR=VALUE` of
    `settings` as that variable's default; raises `StartPointError`."""
    start = story.start
    if node is not None:
        found = story.resolve_node(node)
        if found is None:
            hint = did_you_mean(node, story.nodes)
            raise StartPointError(f"the story has no node '{node}'{hint}")
        start = found
    variables = dict(story.variables)
    for setting in settings:
        name, value = parse_value(story, setting)
        variables[name] = replace(variables[name], default=value)
    return replace(story, start=start, variables=variables)
