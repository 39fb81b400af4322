"""One module per `cosmodrome` subcommand: `add_parser(subparsers)` and `run(args)`.

Command modules import their heavy dependencies inside `run`, so that
building the argument parser costs nothing at start-up.
"""

COMMANDS = ("play", "check", "saves", "test", "graph", "schema", "new", "paths", "serve", "lsp")
