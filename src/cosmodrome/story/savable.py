"""The checker's errors for a story past the limits: one a save could not hold, or one
whose size would cost the player (a 10 MB title is drawn on every screen).

Every limit comes from `limits`, the one set the save writer and loader use too:
a default past the save's range of whole numbers, a string default or a string
variable that can grow past the longest string a save holds, more variables,
nodes or facts than a state may record, a title, label, choice or passage past its
length. Each error has the code `save-limit` and says the limit.
"""

from __future__ import annotations

from collections.abc import Iterator

from cosmodrome.story.diagnostic_codes import Code
from cosmodrome.story.diagnostics import Diagnostic, Severity
from cosmodrome.story.expr import Binary, Expr, Literal, Name
from cosmodrome.story.limits import (
    INT_MAX,
    INT_MIN,
    MAX_CHOICE_TEXT,
    MAX_ENTRIES,
    MAX_TEXT_LENGTH,
    MAX_TITLE,
)
from cosmodrome.story.lint.bounds import repeatable_effects
from cosmodrome.story.model import Position, Story

_CODE = Code.SAVE_LIMIT


def _error(pos: Position, message: str) -> Diagnostic:
    return Diagnostic(pos.path, pos.line, pos.col, Severity.ERROR, message, _CODE)


def unsavable(story: Story, manifest_path: str) -> list[Diagnostic]:
    """An error, at its place, for everything in `story` a save could not hold."""
    problems: list[Diagnostic] = []
    for var in story.variables.values():
        value = var.default
        if type(value) is int and not INT_MIN <= value <= INT_MAX:
            problems.append(
                _error(
                    var.position,
                    f"variable '{var.name}' starts at {value}, outside the "
                    f"whole numbers a save holds ({INT_MIN} to {INT_MAX})",
                )
            )
        elif isinstance(value, str) and len(value) > MAX_TEXT_LENGTH:
            problems.append(
                _error(
                    var.position,
                    f"variable '{var.name}' starts with {len(value)} characters; "
                    f"a save holds strings of at most {MAX_TEXT_LENGTH}",
                )
            )
    counts = {
        "variables": len(story.variables),
        "nodes": len(story.nodes),
        "facts": len(story.facts),
    }
    for what, count in counts.items():
        if count > MAX_ENTRIES:
            problems.append(
                _error(
                    Position(manifest_path, 1, 1),
                    f"the story has {count} {what}; a save holds at most {MAX_ENTRIES}",
                )
            )
    problems.extend(_sizes(story, manifest_path))
    problems.extend(_string_growth(story))
    return problems


def _sizes(story: Story, manifest_path: str) -> Iterator[Diagnostic]:
    """An error for each text past its limit: a 10 MB title would cost every screen."""
    top = Position(manifest_path, 1, 1)
    texts: list[tuple[Position, str, str, int]] = [
        (top, "the story's title", story.title, MAX_TITLE),
        (top, "the story's author", story.author or "", MAX_TITLE),
    ]
    texts += [(e.position, f"era '{e.id}'s label", e.label, MAX_TITLE) for e in story.eras]
    for place in story.places.values():
        texts.append((place.position, f"place '{place.id}'s name", place.name, MAX_TITLE))
        texts.append((place.position, f"place '{place.id}'s region", place.region or "", MAX_TITLE))
    for fact in story.facts.values():
        texts.append((fact.position, f"fact '{fact.id}'s title", fact.title, MAX_TITLE))
        texts.append((fact.position, f"fact '{fact.id}'s text", fact.text, MAX_TEXT_LENGTH))
    for node in story.nodes.values():
        where = node.position
        title = node.title.source if node.title else ""
        texts.append((where, f"node '{node.id}'s title", title, MAX_TITLE))
        texts.append((where, f"node '{node.id}'s ending", node.ending or "", MAX_TITLE))
        texts += [
            (b.position, "a text block", b.template.source, MAX_TEXT_LENGTH) for b in node.blocks
        ]
        texts += [
            (c.position, "a choice's text", c.text.source, MAX_CHOICE_TEXT) for c in node.choices
        ]
    for pos, what, text, limit in texts:
        if len(text) > limit:
            yield _error(pos, f"{what} is {len(text):,} characters long; at most {limit:,}")


def _longest(tree: Expr, longest: dict[str, int]) -> int:
    """The most characters a string expression can give, with variables at `longest`."""
    if isinstance(tree, Literal):
        return len(str(tree.value))
    if isinstance(tree, Name):
        return longest.get(tree.name, 0)
    if isinstance(tree, Binary) and tree.op == "+":
        return min(
            _longest(tree.left, longest) + _longest(tree.right, longest), MAX_TEXT_LENGTH + 1
        )
    return 0


def _reads(tree: Expr, names: set[str]) -> int:
    """How many times `tree` reads any of `names`."""
    if isinstance(tree, Name):
        return int(tree.name in names)
    if isinstance(tree, Binary):
        return _reads(tree.left, names) + _reads(tree.right, names)
    return 0


def _string_growth(story: Story) -> list[Diagnostic]:
    """Errors for string variables that can grow past `MAX_TEXT_LENGTH`. A concatenation
    that can repeat and reads its own past value twice (doubling) passes it in a few
    dozen turns; one that appends (once per turn) would take a hundred thousand, and the
    engine cuts it at the limit, so it is allowed. The others are followed to their
    longest by applying every assignment once per round, as many rounds as assignments."""
    from cosmodrome.story.lint.successors import cyclic_nodes, story_edges

    longest = {n: len(v.default) for n, v in story.variables.items() if isinstance(v.default, str)}
    if not longest:
        return []
    cyclic = cyclic_nodes(story_edges(story))
    assigns = [
        (e, again) for e, again in repeatable_effects(story, cyclic) if e.variable in longest
    ]
    feeds: dict[str, set[str]] = {name: set() for name in longest}
    for effect, _ in assigns:
        feeds[effect.variable].update(r for r in effect.value.reads if r in longest)
    problems: list[Diagnostic] = []
    flagged: set[str] = set()
    followed = []
    for effect, again in assigns:
        name = effect.variable
        loop = _fed_by(name, feeds)
        if not (again and name in loop):
            followed.append(effect)
        elif _reads(effect.value.tree, loop) > 1 and name not in flagged:
            flagged.add(name)
            problems.append(
                _error(
                    effect.position,
                    f"'{name}' can double again and again here; a save holds "
                    f"strings of at most {MAX_TEXT_LENGTH} characters",
                )
            )
    for _ in range(len(followed) + 1):
        grew = False
        for effect in followed:
            name = effect.variable
            size = _longest(effect.value.tree, longest)
            if size > longest[name]:
                longest[name], grew = size, True
                if size > MAX_TEXT_LENGTH and name not in flagged:
                    flagged.add(name)
                    problems.append(
                        _error(
                            effect.position,
                            f"'{name}' can grow past {MAX_TEXT_LENGTH} characters "
                            "here, the longest string a save holds",
                        )
                    )
        if not grew:
            break
    return problems


def _fed_by(name: str, feeds: dict[str, set[str]]) -> set[str]:
    """Every variable whose value can flow into `name`'s assignments."""
    seen: set[str] = set()
    todo = list(feeds[name])
    while todo:
        found = todo.pop()
        if found not in seen:
            seen.add(found)
            todo.extend(feeds.get(found, ()))
    return seen
