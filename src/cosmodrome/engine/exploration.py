"""What the exhaustive explorer found, and whether it is a proof."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from cosmodrome.engine.problems import Problem
from cosmodrome.engine.state import Step


class Stop(Enum):
    """Why a search ended before it had explored every state."""

    STATES = "states"  # the bound on distinct states
    MEMORY = "memory"  # the bound on memory


@dataclass
class Exploration:
    """What exploring found. `complete` is True only when every reachable state was
    explored and every finding of the abstraction replayed concretely: then the
    report is a proof. Otherwise nothing can be called unreachable, only "not reached".
    """

    states: int
    max_states: int
    complete: bool
    stopped: Stop | None = None
    frontier: int = 0  # states found but not explored when the search stopped
    approximate: bool = False  # some class of values had successors its numbers do not share
    max_memory_mb: int | None = None
    reached: set[str] = field(default_factory=set)
    endings: dict[str, tuple[Step, ...]] = field(default_factory=dict)  # shortest route each
    taken: set[tuple[str, str]] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)
    not_reached: list[str] = field(default_factory=list)  # when incomplete
    unconfirmed: list[str] = field(default_factory=list)  # findings no concrete route repeats

    @property
    def failed(self) -> bool:
        """Whether a problem was found (and confirmed by a concrete replay)."""
        return bool(self.problems)

    def to_json(self) -> dict[str, object]:
        """The findings as JSON-ready data."""
        return {
            "states": self.states,
            "max_states": self.max_states,
            "max_memory_mb": self.max_memory_mb,
            "complete": self.complete,
            "stopped_by": self.stopped.value if self.stopped is not None else None,
            "frontier": self.frontier,
            "approximate": self.approximate,
            "ok": not self.failed and self.complete,
            "problems": [p.to_json() for p in self.problems],
            "unconfirmed": self.unconfirmed,
            "nodes_reached": len(self.reached),
            "endings": {
                node: [{"node": s.node, "choice": s.choice, "text": s.text} for s in route]
                for node, route in sorted(self.endings.items())
            },
            "not_reached": self.not_reached,
        }
