"""Rules about declarations: variables never read or never set, facts never revealed,
eras and places no node uses."""

from __future__ import annotations

from collections.abc import Iterator

from cosmodrome.story.diagnostic_codes import Code
from cosmodrome.story.lint.finding import Finding
from cosmodrome.story.lint.flow import Flow
from cosmodrome.story.model import Story
from cosmodrome.story.template import format_value


def variable_reads(story: Story) -> set[str]:
    """Variables some text, condition or effect reads; a variable's own update
    (`x: x + 1`) does not count as reading it."""
    return reads_and_writes(story)[0]


def variable_writes(story: Story) -> set[str]:
    """Variables some effect assigns."""
    return reads_and_writes(story)[1]


def reads_and_writes(story: Story) -> tuple[set[str], set[str]]:
    """`variable_reads` and `variable_writes`, in one walk over the story."""
    reads: set[str] = set()
    writes: set[str] = set()
    done: set[int] = set()  # conditions and effects are shared: each is looked at once
    for node in story.nodes.values():
        if node.title is not None and len(node.title.parts) > 1:
            reads.update(node.title.names)
        for block in node.blocks:
            if len(block.template.parts) > 1:  # most texts name no variable
                reads.update(block.template.names)
            if block.condition is not None:
                reads.update(block.condition.reads)
        effects = list(node.on_enter)
        for choice in node.choices:
            if len(choice.text.parts) > 1:
                reads.update(choice.text.names)
            condition = choice.condition
            if condition is not None and id(condition) not in done:
                done.add(id(condition))
                reads.update(condition.reads)
            effects.extend(choice.effects)
        for effect in effects:
            writes.add(effect.variable)
            if effect.value.reads:
                reads.update(effect.value.reads - {effect.variable})
    return reads, writes


def usage_findings(flow: Flow) -> Iterator[Finding]:
    """`unused-variable`, `never-set`, `unrevealed-fact`, `unused-era`, `unused-place`."""
    story = flow.story
    reads, writes = reads_and_writes(story)
    for name, var in story.variables.items():
        if not var.visible and name not in reads:
            what = "is set but never read" if name in writes else "is never used"
            yield Finding(Code.UNUSED_VARIABLE, f"variable '{name}' {what}", var.position)
        elif name not in writes:
            value = format_value(var.default) if not isinstance(var.default, str) else None
            shown = value if value is not None else f'"{var.default}"'
            message = f"variable '{name}' is never set, so it is always {shown}"
            yield Finding(Code.NEVER_SET, message, var.position)
    listed = {f for node in story.nodes.values() if node.facts for f in node.facts}
    for fact in story.facts.values():
        if fact.id not in listed:
            yield Finding(
                Code.UNREVEALED_FACT, f"fact '{fact.id}' is never revealed", fact.position
            )
        elif fact.id not in flow.revealed:
            message = f"fact '{fact.id}' is revealed only by nodes that cannot be reached"
            yield Finding(Code.UNREVEALED_FACT, message, fact.position)
    eras = {node.era for node in story.nodes.values()}
    for era in story.eras:
        if era.id not in eras:
            yield Finding(Code.UNUSED_ERA, f"era '{era.id}' is not used by any node", era.position)
    places = {node.place for node in story.nodes.values()}
    for place in story.places.values():
        if place.id not in places:
            message = f"place '{place.id}' is not used by any node"
            yield Finding(Code.UNUSED_PLACE, message, place.position)
