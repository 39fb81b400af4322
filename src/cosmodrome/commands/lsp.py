"""`cosmodrome lsp`: the language server for story files, over standard input and output."""

from __future__ import annotations

import argparse
import sys


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "lsp",
        help="run the language server for story files (for editors; needs cosmodrome[lsp])",
        description="Speak the Language Server Protocol on standard input and output: "
        "diagnostics as you type, go to definition, references, completion, hover, "
        "rename, symbols and quick fixes for the story folders your editor opens. "
        "Editors start it themselves; see story/README.md.",
    )
    parser.add_argument(
        "--stdio", action="store_true", help="accepted for editors that pass it (the default)"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from cosmodrome.exitcodes import Exit

    try:
        from cosmodrome.lsp.handlers import serve
    except ModuleNotFoundError as exc:
        if (exc.name or "").partition(".")[0] not in ("pygls", "lsprotocol"):
            raise  # the extra is there but broken: the traceback says more than we could
        print(
            "cosmodrome lsp: the language server needs pygls; install it with "
            "pip install 'cosmodrome[lsp]'",
            file=sys.stderr,
        )
        return Exit.USAGE
    serve()
    return Exit.OK
