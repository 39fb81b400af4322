"""Seeded synthetic stories in the contract's format, for timing the loader and engine.

A story of N nodes has about 60 words a node, 2-4 choices each (the first always
open, so there are no dead ends), about 30% of choices conditioned on a variable,
about 30% with an effect, a few endings, and every node reachable from `start`.
The same seed and size always write the same files, and the same `BareStory`: the
story as plain dicts and lambdas, drawn alongside the text, for the engine's floor.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from tests.benchmarks import bare
from tests.benchmarks.bare import (
    Assignments,
    BareChoice,
    BareNode,
    BareStory,
    Condition,
    Evaluate,
    Value,
)

NODES_PER_FILE = 100
FILES_PER_FOLDER = 10
WORDS_PER_NODE = 60
CONDITIONED_SHARE = 0.30
EFFECT_SHARE = 0.30

_VOCABULARY = (
    "rocket launch pad taiga crane concrete engineer cosmonaut winter river road "
    "signal tower fuel tank gantry morning night frost bus checkpoint archive "
    "photograph soldier worker dormitory canteen telegram deadline minister budget "
    "report satellite orbit countdown smoke thunder silence crowd flag steppe forest "
    "railway platform ticket passport stamp guard barrier window corridor stairs "
    "office desk map compass letter promise rumour delay contract salary strike"
)
_WORDS = tuple(_VOCABULARY.split())
_INT_VARIABLES = ("credibility", "morale", "money", "fatigue", "trust", "rumours")
_BOOL_VARIABLES = ("has_pass", "met_engineer", "saw_launch", "missed_bus")
_STR_VARIABLES = ("alias", "companion")
_NAMES = ("Sasha", "Misha", "Olga", "Pavel", "Irina")
_ERAS = ("1957", "1961", "1993", "2007", "2011", "2016", "2019", "2023")
_PLACES = ("vostochny", "tsiolkovsky", "svobodny", "blagoveshchensk", "uglegorsk", "amur")
_FACTS = 40


@dataclass(frozen=True)
class StoryShape:
    """What a generated story holds, for the caller's checks."""

    nodes: int
    endings: int
    choices: int
    conditioned: int
    with_effects: int
    files: int
    bare: BareStory = field(compare=False, repr=False)  # the same graph, for the floor


def _quote(text: str) -> str:
    return json.dumps(text)  # a JSON string is a valid YAML double-quoted scalar


def _sentence(rng: random.Random, words: int) -> str:
    picked = [rng.choice(_WORDS) for _ in range(words)]
    picked[0] = picked[0].capitalize()
    return " ".join(picked) + "."


def _paragraph(rng: random.Random, words: int) -> str:
    parts: list[str] = []
    left = words
    while left > 0:
        size = min(left, rng.randint(6, 14))
        parts.append(_sentence(rng, size))
        left -= size
    return " ".join(parts)


def _condition(rng: random.Random, node_ids: list[str]) -> tuple[str, Condition]:
    """A condition as the story writes it, and the same as a lambda."""
    kind = rng.random()
    if kind < 0.45:
        op = rng.choice((">=", ">", "<", "<=", "==", "!="))
        name, number = rng.choice(_INT_VARIABLES), rng.randint(0, 5)
        return f"{name} {op} {number}", bare.compare(name, op, number)
    if kind < 0.70:
        name = rng.choice(_BOOL_VARIABLES)
        negated = rng.random() >= 0.5
        return (f"not {name}" if negated else name), bare.flag(name, negated=negated)
    if kind < 0.85:
        flag, name, number = (
            rng.choice(_BOOL_VARIABLES),
            rng.choice(_INT_VARIABLES),
            rng.randint(1, 3),
        )
        return f"{flag} and {name} >= {number}", bare.flag_and_at_least(flag, name, number)
    if kind < 0.95:
        node_id = rng.choice(node_ids)
        return f'visited("{node_id}") > 0', bare.visited(node_id)
    fact = f"fact-{rng.randrange(_FACTS):02d}"
    return f'known("{fact}")', bare.known(fact)


def _effects(rng: random.Random) -> tuple[list[tuple[str, str]], Assignments]:
    """Effects as the story writes them (variable, expression), and the same as lambdas."""
    out: dict[str, tuple[str, Evaluate]] = {}
    for _ in range(rng.randint(1, 2)):
        kind = rng.random()
        if kind < 0.6:
            name, sign, number = rng.choice(_INT_VARIABLES), rng.choice("+-"), rng.randint(1, 3)
            out[name] = (
                f"{name} {sign} {number}",
                bare.add(name, -number if sign == "-" else number),
            )
        elif kind < 0.9:
            word = rng.choice(("true", "false"))
            out[rng.choice(_BOOL_VARIABLES)] = (word, bare.constant(word == "true"))
        else:
            who = rng.choice(_NAMES)
            out[rng.choice(_STR_VARIABLES)] = ("'" + _quote(who) + "'", bare.constant(who))
    written = [(name, source) for name, (source, _) in out.items()]
    return written, tuple((name, evaluate) for name, (_, evaluate) in out.items())


def _manifest(start: str) -> str:
    lines = ["format: 1", "id: synthetic", 'title: "A synthetic cosmodrome"']
    lines += ['author: "tests.benchmarks.generate"', f"start: {start}", "variables:"]
    for name in _INT_VARIABLES:
        lines += [f"  {name}:", "    default: 0", f"    label: {_quote(name.title())}"]
    lines += [f"  {name}: false" for name in _BOOL_VARIABLES]
    lines += [f'  {name}: ""' for name in _STR_VARIABLES]
    lines.append("eras:")
    for era in _ERAS:
        lines += [f'  - id: "{era}"', f'    label: "The year {era}"']
    lines.append("places:")
    for place in _PLACES:
        lines += [f"  {place}:", f"    name: {_quote(place.title())}"]
    lines.append(
        "ignore: [same-on-return, save-identity]  # random text and choices, not for saves"
    )
    return "\n".join(lines) + "\n"


def _facts(rng: random.Random) -> str:
    lines = ["facts:"]
    for n in range(_FACTS):
        lines += [
            f"  fact-{n:02d}:",
            f"    year: {rng.randint(1957, 2024)}",
            f"    title: {_quote(_sentence(rng, 3))}",
            f"    text: {_quote(_sentence(rng, 12))}",
        ]
    return "\n".join(lines) + "\n"


class _Writer:
    """Builds the node text of one story, and the same nodes as a `BareStory`; keeps the
    counts for `StoryShape`."""

    def __init__(
        self, rng: random.Random, node_ids: list[str], endings: set[str], reveals: dict[str, str]
    ) -> None:
        self.rng = rng
        self.ids = node_ids
        self.endings = endings
        self.reveals = reveals  # node id -> the fact it reveals, so every fact is found
        self.choices = self.conditioned = self.with_effects = 0
        self.bare: dict[str, BareNode] = {}

    def node(self, index: int, way_on: str, extra_goto: str | None) -> list[str]:
        rng, node_id = self.rng, self.ids[index]
        out = [f"  {node_id}:"]
        title = None
        if rng.random() < 0.5:
            title = _sentence(rng, 3)[:-1]
            out.append(f"    title: {_quote(title)}")
        if rng.random() < 0.6:
            out.append(f'    era: "{rng.choice(_ERAS)}"')
        if rng.random() < 0.6:
            out.append(f"    place: {rng.choice(_PLACES)}")
        facts: tuple[str, ...] = ()
        if node_id in self.reveals:
            facts = (self.reveals[node_id],)
            out.append(f"    facts: [{self.reveals[node_id]}]")
        on_enter: Assignments = ()
        if rng.random() < 0.05:
            name = rng.choice(_INT_VARIABLES)
            out += ["    on_enter:", "      set:", f"        {name}: {name} + 1"]
            on_enter = ((name, bare.add(name, 1)),)
        text, blocks = self.text(rng.randint(WORDS_PER_NODE - 10, WORDS_PER_NODE + 10))
        out += text
        choices: list[BareChoice] = []
        ending = node_id in self.endings
        if ending:
            out.append(f"    ending: {_quote('The end at ' + node_id)}")
        else:
            out.append("    choices:")
            targets = [way_on]  # always open, so there are no dead ends
            targets += [rng.choice(self.ids) for _ in range(rng.randint(1, 3))]
            if extra_goto is not None:
                targets[-1] = extra_goto
            for number, goto in enumerate(targets):
                lines, choice = self.choice(goto, open_way=number == 0)
                out += lines
                choices.append(choice)
        self.bare[node_id] = BareNode(title, blocks, tuple(choices), ending, facts, on_enter)
        return out

    def text(self, words: int) -> tuple[list[str], tuple[tuple[Condition | None, str], ...]]:
        """The lines of a node's text, and its blocks as (condition, format string)."""
        rng = self.rng
        if rng.random() < 0.15:  # text blocks, one of them conditioned
            first = words // 2
            opening, rest = _paragraph(rng, first), _paragraph(rng, words - first)
            source, condition = _condition(rng, self.ids)
            lines = [
                "    text:",
                "      - text: |",
                f"          {opening}",
                f"      - text: {_quote(rest)}",
                f"        if: '{source}'",
            ]
            return lines, ((None, opening), (condition, rest))
        body = _paragraph(rng, words)
        if rng.random() < 0.2:
            # `{{` and `}}` are literal braces in a story's text and in `str.format` alike
            body += (
                f" Credibility: {{credibility}}, morale {{morale}}, with {{alias}} and"
                f" {{companion}}; {{{{{rng.choice(_WORDS)}}}}}."
            )
        return ["    text: |", f"      {body}"], ((None, body),)

    def choice(self, goto: str, *, open_way: bool) -> tuple[list[str], BareChoice]:
        """The lines of one choice, and the same choice for the floor."""
        rng = self.rng
        self.choices += 1
        text = _sentence(rng, rng.randint(3, 7))
        out = [f"      - text: {_quote(text)}", f"        goto: {goto}"]
        condition: Condition | None = None
        locked: str | None = None
        once = False
        # the open way is never conditioned, so the others carry the whole 30%
        if not open_way and rng.random() < CONDITIONED_SHARE * 3 / 2:
            self.conditioned += 1
            source, condition = _condition(rng, self.ids)
            out.append(f"        if: '{source}'")
            if rng.random() < 0.3:
                locked = _sentence(rng, 4)
                out.append(f"        locked: {_quote(locked)}")
        elif not open_way and rng.random() < 0.05:
            once = True
            out.append("        once: true")
        effects: Assignments = ()
        if rng.random() < EFFECT_SHARE:
            self.with_effects += 1
            written, effects = _effects(rng)
            out.append("        set:")
            out += [f"          {name}: {value}" for name, value in written]
        return out, BareChoice(text, goto, condition, locked, once, effects)


def _defaults() -> dict[str, Value]:
    """The variables' starting values, as `_manifest` declares them."""
    defaults: dict[str, Value] = dict.fromkeys(_INT_VARIABLES, 0)
    defaults.update(dict.fromkeys(_BOOL_VARIABLES, False))
    defaults.update(dict.fromkeys(_STR_VARIABLES, ""))
    return defaults


def generate_story(directory: Path, nodes: int, seed: int = 1957) -> StoryShape:
    """Write a story of `nodes` nodes into `directory` (created); returns its shape, with
    the same story as plain dicts and lambdas (`StoryShape.bare`)."""
    if nodes < 10:
        raise ValueError("a synthetic story needs at least 10 nodes")
    rng = random.Random(f"{seed}:{nodes}")
    node_ids = [f"n{i:05d}" for i in range(nodes)]
    ending_count = max(3, min(8, nodes // 1000 + 3))
    # the other nodes form a chain from `start` to the last ending; each of the
    # other endings is entered from a node of its own
    endings = {node_ids[-1], *rng.sample(node_ids[1:-1], ending_count - 1)}
    chain = [node_id for node_id in node_ids if node_id not in endings]
    way_on = dict(zip(chain, [*chain[1:], node_ids[-1]], strict=True))
    others = sorted(endings - {node_ids[-1]})
    ways_in = dict(zip(rng.sample(chain, len(others)), others, strict=True))
    reveals = {chain[k * len(chain) // _FACTS]: f"fact-{k:02d}" for k in range(_FACTS)}
    writer = _Writer(rng, node_ids, endings, reveals)
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "story.yaml").write_text(_manifest(node_ids[0]), encoding="utf-8")
    (directory / "facts.yaml").write_text(_facts(rng), encoding="utf-8")
    files = 0
    for first in range(0, nodes, NODES_PER_FILE):
        lines = ["nodes:"]
        for index in range(first, min(first + NODES_PER_FILE, nodes)):
            node_id = node_ids[index]
            lines += writer.node(index, way_on.get(node_id, ""), ways_in.get(node_id))
        folder = directory / "nodes" / f"part-{files // FILES_PER_FOLDER:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"nodes-{files:04d}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        files += 1
    return StoryShape(
        nodes,
        len(endings),
        writer.choices,
        writer.conditioned,
        writer.with_effects,
        files + 2,
        BareStory(node_ids[0], _defaults(), writer.bare),
    )
