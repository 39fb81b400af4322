"""A problem a playtesting robot found, with the route that leads to it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from cosmodrome.engine.state import GameState, Step
from cosmodrome.story.limits import MAX_TEXT_LENGTH
from cosmodrome.story.model import Story


@dataclass(frozen=True, slots=True)
class Problem:
    """What went wrong (`code`, as the lint codes), where, and how to get there.

    `route` is the shortest known sequence of choices from the start; `seed`
    is the seed of the random run that found it, when one did.
    """

    code: str
    node: str
    message: str
    route: tuple[Step, ...] = ()
    seed: int | None = None
    count: int = 1  # how many runs or states showed it

    def met_again(self, other: Problem) -> Problem:
        """This problem met once more, as `other`: the shorter route of the two is
        kept, and the count goes up by one."""
        best = other if len(other.route) < len(self.route) else self
        return replace(best, count=self.count + 1)

    def to_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "node": self.node,
            "message": self.message,
            "route": [{"node": s.node, "choice": s.choice, "text": s.text} for s in self.route],
            "seed": self.seed,
            "count": self.count,
        }


def string_at_limit(state: GameState) -> str | None:
    """A message naming a string variable the engine had to cut at the save's limit
    (a story that passed `check` never gets there), or None."""
    for name, value in state.variables.items():
        if isinstance(value, str) and len(value) >= MAX_TEXT_LENGTH:
            return (
                f"string '{name}' reached {MAX_TEXT_LENGTH} characters, the most a save "
                "holds; the game cuts it there"
            )
    return None


def silenced(story: Story, code: str, node_id: str) -> bool:
    """Whether the story's or the node's `ignore:` list silences `code`."""
    if code in story.lint_ignore:
        return True
    node = story.nodes.get(node_id)
    return node is not None and code in node.lint_ignore


def format_route(route: Sequence[Step], indent: str = "    ") -> list[str]:
    """The route as numbered lines a person can replay: the choice text and where it was."""
    if not route:
        return [f"{indent}(at the start)"]
    return [f"{indent}{n}. {step.text}  [{step.node}]" for n, step in enumerate(route, 1)]
