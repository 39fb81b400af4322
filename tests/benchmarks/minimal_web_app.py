"""The baseline of the served-game row: a minimal Textual app (a line of text and the
footer), served by the same textual-serve server and page as `cosmodrome serve`.

`python -m tests.benchmarks.minimal_web_app serve PORT` serves it on 127.0.0.1:PORT;
`python -m tests.benchmarks.minimal_web_app` is the app each page runs."""

from __future__ import annotations

import shlex
import sys

from textual.app import App, ComposeResult
from textual.widgets import Footer, Static

READY = "Minimal app ready"


class MinimalApp(App[None]):
    BINDINGS = [("ctrl+q", "quit", "Quit")]  # noqa: RUF012  (Textual's own idiom)

    def compose(self) -> ComposeResult:
        yield Static(READY)
        yield Footer()


def serve(port: int) -> None:
    from cosmodrome.web.server import make_server

    command = shlex.join([sys.executable, "-m", "tests.benchmarks.minimal_web_app"])
    url = f"http://127.0.0.1:{port}"
    make_server(
        command, title="Minimal", host="127.0.0.1", port=port, public_url=url, out=sys.stdout
    ).serve()


if __name__ == "__main__":
    if sys.argv[1:2] == ["serve"]:
        serve(int(sys.argv[2]))
    else:
        MinimalApp().run()
