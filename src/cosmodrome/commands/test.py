"""`cosmodrome test [DIR]`: random playtesting, exhaustive exploration, golden transcripts.

cosmodrome test [DIR] [--runs N] [--seed S] [--max-steps M] [--format text|json]
cosmodrome test [DIR] --exhaustive [--max-states N] [--max-memory MB] [--format text|json]
cosmodrome test [DIR] --record FILE [--seed S]
cosmodrome test [DIR] --replay FILE
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    from cosmodrome.engine.game import Game

DEFAULT_RUNS = 1000  # the engine's defaults, repeated so parsing imports nothing heavy
DEFAULT_MAX_STEPS = 1000
DEFAULT_MAX_STATES = 2_000_000
MAX_TRANSCRIPT_BYTES = 64 * 1024 * 1024  # a golden transcript of a very long play


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not a positive number")
    return value


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "test",
        help="playtest a story: random runs, exhaustive search, golden transcripts",
        description="Play a story many times to find soft-locks, errors, endless loops "
        "and unreachable endings. Exits 1 when a problem is found, and 3 when an exhaustive "
        "search stopped on a bound with none found (no proof either way).",
    )
    from cosmodrome.commands.storyarg import add_story_argument

    add_story_argument(parser)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--exhaustive", action="store_true", help="explore every reachable state, breadth-first"
    )
    mode.add_argument("--record", metavar="FILE", help="save one random play-through as JSON")
    mode.add_argument("--replay", metavar="FILE", help="replay a saved play-through")
    parser.add_argument(
        "--runs", type=_positive, default=DEFAULT_RUNS, help="random runs (default: %(default)s)"
    )
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument(
        "--max-steps",
        type=_positive,
        default=DEFAULT_MAX_STEPS,
        help="choices before a run counts as an endless loop (default: %(default)s)",
    )
    parser.add_argument(
        "--max-states",
        type=_positive,
        default=DEFAULT_MAX_STATES,
        help="the exhaustive search's bound on distinct states (default: %(default)s)",
    )
    parser.add_argument(
        "--max-memory",
        type=_positive,
        metavar="MB",
        help="the exhaustive search's bound on peak memory, in MB (default: none)",
    )
    parser.add_argument(
        "--no-render", action="store_true", help="do not render passages (faster, fewer checks)"
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="the report as text for people or JSON for tools (default: text)",
    )
    parser.add_argument(
        "--json",
        dest="format",
        action="store_const",
        const="json",
        help="the same as --format json",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from cosmodrome.commands.storyarg import load_or_report
    from cosmodrome.engine.game import Game
    from cosmodrome.exitcodes import Exit

    story = load_or_report(args.directory, "cosmodrome test")
    if isinstance(story, Exit):
        return story
    game = Game(story)
    if args.record:
        return _record(game, args)
    if args.replay:
        return _replay(game, args)
    if args.exhaustive:
        return _exhaustive(game, args)
    return _random(game, args)


class _Findings(Protocol):
    """What a playtesting robot returns: a verdict and a JSON form."""

    @property
    def failed(self) -> bool: ...
    def to_json(self) -> dict[str, object]: ...


_F = TypeVar("_F", bound=_Findings)


def _run_robot(
    args: argparse.Namespace,
    total: int,
    unit: str,
    work: Callable[[Callable[[int], None]], _F],
    lines: Callable[[_F], list[str]],
) -> _F:
    """Run a robot under a progress bar, print its findings (JSON or text), return them."""
    from cosmodrome.commands.progressbar import progress_bar

    with progress_bar(total, unit) as update:
        findings = work(update)
    if args.format == "json":
        print(json.dumps(findings.to_json(), indent=2, ensure_ascii=False))
    else:
        print("\n".join(lines(findings)))
    return findings


def _random(game: Game, args: argparse.Namespace) -> int:
    from cosmodrome.commands.report import random_lines
    from cosmodrome.engine.randomplay import random_test

    report = _run_robot(
        args,
        args.runs,
        "runs",
        lambda update: random_test(
            game,
            args.runs,
            args.seed,
            args.max_steps,
            render=not args.no_render,
            on_run=update,
        ),
        lambda report: random_lines(report, game.story),
    )
    return 1 if report.failed else 0


def _exhaustive(game: Game, args: argparse.Namespace) -> int:
    from cosmodrome.commands.report import exploration_lines
    from cosmodrome.engine.explore import explore
    from cosmodrome.exitcodes import Exit

    result = _run_robot(
        args,
        args.max_states,
        "states",
        lambda update: explore(game.story, args.max_states, update, args.max_memory),
        lambda result: exploration_lines(result, game.story),
    )
    if result.failed:
        return Exit.FAILURE
    return Exit.OK if result.complete else Exit.INCOMPLETE


def _record(game: Game, args: argparse.Namespace) -> int:
    import random
    from pathlib import Path

    from cosmodrome.engine.golden import record
    from cosmodrome.engine.randomplay import play_randomly
    from cosmodrome.saves.atomic import write_atomic

    run = play_randomly(game, random.Random(args.seed), args.max_steps)
    data = record(game, run.state, seed=args.seed)
    path = Path(args.record)
    try:
        write_atomic(path, (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode())
    except OSError as exc:
        print(f"cosmodrome test: cannot write {path}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    steps = len(data["steps"])
    print(
        f"recorded {steps} choices ({run.outcome.value} at node '{run.state.node}') "
        f"with seed {args.seed} to {path}",
        file=sys.stderr,
    )
    return 0


def _replay(game: Game, args: argparse.Namespace) -> int:
    from pathlib import Path

    from cosmodrome.engine.golden import TranscriptError, load_transcript, replay
    from cosmodrome.exitcodes import Exit
    from cosmodrome.regular_files import describe, read_regular

    path = Path(args.replay)
    try:
        data = load_transcript(read_regular(path, MAX_TRANSCRIPT_BYTES).decode("utf-8"))
    except OSError as exc:
        print(f"cosmodrome test: cannot read {path}: {describe(exc)}", file=sys.stderr)
        return Exit.USAGE
    except (TranscriptError, UnicodeDecodeError) as exc:
        print(f"cosmodrome test: {path}: {exc}", file=sys.stderr)
        return Exit.USAGE
    result = replay(game, data)
    diff = result.difference
    if args.format == "json":
        out: dict[str, object] = {"ok": diff is None, "steps": result.steps}
        if diff is not None:
            out["difference"] = {
                "step": diff.step,
                "node": diff.node,
                "message": diff.message,
                "choice": diff.choice_text,
            }
        print(json.dumps(out, indent=2, ensure_ascii=False))
    elif diff is None:
        print(f"{path}: replayed {result.steps} choices, no differences")
    else:
        choice = f' (choice: "{diff.choice_text}")' if diff.choice_text else ""
        print(f"{path}: step {diff.step}: {diff.message}{choice}")
        print(f"  {result.steps} choices replayed identically before it")
    return 0 if diff is None else 1
