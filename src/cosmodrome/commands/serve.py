"""`cosmodrome serve`: the game in a web browser (the optional extra `cosmodrome[web]`)."""

from __future__ import annotations

import argparse
import sys


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "serve",
        help="serve the game to web browsers (needs: pip install 'cosmodrome[web]')",
        description="Serve the game on a web page: every open page (or tab) plays its own "
        "game, in a process of its own, with the saves folder shared.",
    )
    parser.add_argument("--story", help="the story directory (default: the shipped story)")
    parser.add_argument(
        "--saves", metavar="DIR", help="the saves folder (default: $COSMODROME_SAVES, else saves/)"
    )
    parser.add_argument(
        "--host",
        default=None,
        help="the address to listen on (default: 127.0.0.1, this machine only; "
        "0.0.0.0 with --public)",
    )
    parser.add_argument("--port", type=int, default=8000, help="the port (default: 8000)")
    parser.add_argument(
        "--public",
        action="store_true",
        help="allow listening beyond this machine: anyone who can reach the port can play "
        "and write to the saves folder",
    )
    parser.add_argument(
        "--public-url",
        metavar="URL",
        help="the address browsers use to reach the server, when it is not "
        "http://HOST:PORT (behind a proxy, for example)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from cosmodrome.commands.storyarg import load_or_report
    from cosmodrome.exitcodes import Exit
    from cosmodrome.locations import default_story_dir, saves_dir
    from cosmodrome.safetext import printable
    from cosmodrome.web.server import (
        MISSING_EXTRA,
        WEB_EXTRA_MODULES,
        game_command,
        is_loopback,
        make_server,
        page_url,
        port_problem,
    )

    host = args.host or ("0.0.0.0" if args.public else "127.0.0.1")
    if not is_loopback(host) and not args.public:
        print(
            f"cosmodrome serve: listening on {host} lets other machines play; "
            "add --public if that is what you want",
            file=sys.stderr,
        )
        return Exit.USAGE
    if not 0 < args.port < 65536:
        print(f"cosmodrome serve: no port {args.port}; give one from 1 to 65535", file=sys.stderr)
        return Exit.USAGE
    problem = port_problem(host, args.port)
    if problem is not None:
        print(f"cosmodrome serve: {problem}", file=sys.stderr)
        return Exit.FAILURE
    story_dir = Path(args.story or default_story_dir()).resolve()
    story = load_or_report(str(story_dir), "cosmodrome serve")  # errors now, not per page
    if isinstance(story, Exit):
        return story
    saves = saves_dir(args.saves).resolve()
    saves.mkdir(parents=True, exist_ok=True)
    try:
        server = make_server(
            game_command(story_dir, saves),
            title=printable(story.title),
            host=host,
            port=args.port,
            public_url=args.public_url or page_url(host, args.port),
            out=sys.stdout,
        )
    except ModuleNotFoundError as exc:
        if (exc.name or "").partition(".")[0] not in WEB_EXTRA_MODULES:
            raise
        print(f"cosmodrome: {MISSING_EXTRA}", file=sys.stderr)
        return Exit.FAILURE
    if not is_loopback(host):
        print(
            f"cosmodrome serve: warning: anyone who can reach port {args.port} of this "
            f"machine can play and write to the saves folder {saves}",
            file=sys.stderr,
        )
    server.serve()
    return Exit.OK
