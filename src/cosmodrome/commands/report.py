"""The playtesting robots' findings as lines for people (the JSON form lives with the data)."""

from __future__ import annotations

from cosmodrome.engine.exploration import Exploration, Stop
from cosmodrome.engine.problems import Problem, format_route
from cosmodrome.engine.randomplay import RandomReport
from cosmodrome.engine.replays import SHOWN
from cosmodrome.story.model import Story

MAX_LISTED = 12  # names listed before "and N more"


def _names(items: list[str]) -> str:
    shown = ", ".join(items[:MAX_LISTED])
    more = len(items) - MAX_LISTED
    return shown + (f" and {more} more" if more > 0 else "")


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} ({part / whole:.0%})" if whole else "0/0"


def problem_lines(problem: Problem) -> list[str]:
    """A problem's headline and, when there is one, its route."""
    where = f" (run seed {problem.seed})" if problem.seed is not None else ""
    times = f", {problem.count} times" if problem.count > 1 else ""
    lines = [f"{problem.code} at node '{problem.node}'{where}{times}: {problem.message}"]
    if problem.code == "loop":
        lines.append(f"  its last {len(problem.route)} choices:")
        lines.extend(format_route(problem.route))
    elif problem.route or problem.code in ("soft-lock", "error", "no-way-out"):
        lines.append("  route:")
        lines.extend(format_route(problem.route))
    return lines


def random_lines(report: RandomReport, story: Story) -> list[str]:
    """The random test's report: problems, coverage, endings, lengths, verdict."""
    lines = [
        f"Random test of '{story.title}': {report.runs} runs "
        f"(seed {report.seed}, at most {report.max_steps} choices each)"
    ]
    for problem in report.problems.values():
        lines.extend(problem_lines(problem))
    lines.append(
        f"Coverage: nodes {_share(len(report.nodes_seen), report.nodes_total)}, "
        f"choices {_share(len(report.choices_taken), report.choices_total)}"
    )
    unseen = [n for n in story.nodes if n not in report.nodes_seen]
    if unseen:
        lines.append(f"  nodes never seen: {_names(unseen)}")
    lines.append("Endings:")
    endings = [n.id for n in story.nodes.values() if n.is_ending]
    width = max((len(e) for e in endings), default=0)
    for ending in endings:
        count = report.endings.get(ending, 0)
        share = count / report.runs if report.runs else 0.0
        lines.append(f"  {ending:<{width}}  {count:>7}  {share:6.1%}")
    lines.append(
        f"Length: mean {report.mean_length:.1f} choices, longest {_choices(report.longest)}"
    )
    lines.extend(replay_lines(report))
    lines.append(_verdict(len(report.problems)))
    return lines


def replay_lines(report: RandomReport) -> list[str]:
    """The replayed conversations the runs met (not failures): the first few with their
    routes, the rest counted."""
    found = sorted(report.replays.found.values(), key=lambda p: (len(p.route), p.node))
    if not found:
        return []
    lines = [f"Replayed conversations (the same choice, the same text again): {len(found)}"]
    for problem in found[:SHOWN]:
        lines.extend(problem_lines(problem))
    if len(found) > SHOWN:
        lines.append(f"  and {len(found) - SHOWN} more (all of them with --json)")
    return lines


def exploration_lines(result: Exploration, story: Story) -> list[str]:
    """The exhaustive test's report, saying plainly when it is no proof and why."""
    state = "complete" if result.complete else "INCOMPLETE"
    lines = [f"Exhaustive test of '{story.title}': {result.states} states explored ({state})"]
    if result.stopped is Stop.STATES:
        bound = f"the bound of {result.max_states} states"
        advice = "raise --max-states"
    elif result.stopped is Stop.MEMORY:
        bound = f"the bound of {result.max_memory_mb} MB of memory"
        advice = "raise --max-memory"
    if result.stopped is not None:
        lines.append(
            f"  the search stopped at {bound} with {_states(result.frontier)} found and not "
            f"yet explored: nodes not reached may still be reachable ({advice} to search further)"
        )
    if result.unconfirmed:
        lines.append(
            f"  {len(result.unconfirmed)} findings of the search did not replay on the real "
            "rules, so it proves nothing about them:"
        )
        lines.extend(f"    {item}" for item in result.unconfirmed[:MAX_LISTED])
        if len(result.unconfirmed) > MAX_LISTED:
            lines.append(f"    and {len(result.unconfirmed) - MAX_LISTED} more")
    for problem in result.problems:
        lines.extend(problem_lines(problem))
    lines.append(f"Nodes reached: {_share(len(result.reached), len(story.nodes))}")
    if result.not_reached:
        lines.append(f"  not reached within the bound: {_names(result.not_reached)}")
    endings = [n.id for n in story.nodes.values() if n.is_ending]
    lines.append("Endings reached, each by a shortest route:")
    for ending in endings:
        route = result.endings.get(ending)
        if route is not None:
            lines.append(f"  {ending}: {_choices(len(route))}")
            lines.extend(format_route(route, "      "))
    if not result.endings:
        lines.append("  none")
    if result.problems:
        lines.append(_verdict(len(result.problems)))
    elif not result.complete:
        lines.append("INCOMPLETE: no problem found in the states explored, but this is no proof")
    else:
        lines.append("OK: no problems found in any reachable state")
    return lines


def _states(count: int) -> str:
    return f"{count} state{'s' if count != 1 else ''}"


def _choices(count: int) -> str:
    return f"{count} choice{'s' if count != 1 else ''}"


def _verdict(problems: int) -> str:
    if not problems:
        return "OK: no problems found"
    return f"FAILED: {problems} problem{'s' if problems != 1 else ''}"
