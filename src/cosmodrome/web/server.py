"""Serving the game to browsers through textual-serve: one game process per open page."""

from __future__ import annotations

import asyncio
import errno
import ipaddress
import logging
import shlex
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from aiohttp import web
    from textual_serve.server import Server

TEMPLATES = Path(__file__).resolve().parent / "templates"
WEB_EXTRA_MODULES = frozenset({"textual_serve", "aiohttp", "aiohttp_jinja2", "jinja2"})
MISSING_EXTRA = "cosmodrome serve needs the web extra: pip install 'cosmodrome[web]'"


def game_command(story: Path, saves: Path) -> str:
    """The shell command textual-serve runs for each page (it runs it through a shell):
    this interpreter's web entry, every path quoted."""
    return shlex.join(
        [sys.executable, "-m", "cosmodrome.web.game", "--story", str(story), "--saves", str(saves)]
    )


def is_loopback(host: str) -> bool:
    """Whether `host` names this machine only (`localhost`, 127.0.0.0/8, ::1)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def port_problem(host: str, port: int) -> str | None:
    """Why the server could not listen on `host`:`port` (in use, not an address of this
    machine...), or None. Asked before serving, since textual-serve announces its
    address before it binds."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
        family, kind, proto, _, address = infos[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as aiohttp binds
            probe.bind(address)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            return f"port {port} of {host} is in use; choose another with --port"
        return f"cannot listen on {host}:{port}: {exc.strerror or exc}"
    return None


def page_url(host: str, port: int) -> str:
    """The address a browser opens for a server bound to `host`: a wildcard bind is
    reached through this machine's name, never through 0.0.0.0."""
    if host in ("0.0.0.0", "::", ""):
        host = socket.getfqdn()
    elif ":" in host:
        host = f"[{host}]"  # an IPv6 address in a URL
    return f"http://{host}:{port}"


def make_server(
    command: str, *, title: str, host: str, port: int, public_url: str, out: TextIO
) -> Server:
    """A textual-serve server that runs the shell `command` (`game_command`) for every
    page, with the offline page; it prints its URL on `out` when it listens. Raises
    ModuleNotFoundError when the web extra is not installed."""
    from textual_serve.server import Server

    class GameServer(Server):
        def __init__(self, command: str, **options: Any) -> None:
            super().__init__(command, **options)
            self.pages: set[asyncio.Task[Any]] = set()

        async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
            # each open page is a task that stopping the server ends (aiohttp would
            # wait a minute for every open page); its game then quits and autosaves
            page = asyncio.current_task()
            assert page is not None
            self.pages.add(page)
            try:
                return await super().handle_websocket(request)
            finally:
                self.pages.discard(page)

        async def on_shutdown(self, app: web.Application) -> None:
            for page in list(self.pages):
                page.cancel()
            await asyncio.gather(*self.pages, return_exceptions=True)

        def initialize_logging(self) -> None:
            super().initialize_logging()
            # a game that fails to start is still told; a line per request is not
            logging.getLogger("aiohttp.access").setLevel(logging.WARNING)

        async def on_startup(self, app: web.Application) -> None:
            # one line instead of textual-serve's banner: where to point the browser
            print(f"Serving {title} on {self.public_url} (Ctrl+C to stop)", file=out, flush=True)

    return GameServer(
        command,
        host=host,
        port=port,
        title=title,
        public_url=public_url,
        templates_path=TEMPLATES,
    )
