"""`cosmodrome schema [--file story|nodes|facts] [--write DIR | --check DIR]`."""

from __future__ import annotations

import argparse
import sys


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "schema",
        help="print or write the JSON Schema of the story format, for editors",
        description="Print a JSON Schema that accepts any story file, or write the three "
        "schemas (story.schema.json, nodes.schema.json, facts.schema.json) that the story's "
        "files name in their `# yaml-language-server: $schema=...` first line.",
    )
    parser.add_argument(
        "--file", choices=("story", "nodes", "facts"), help="print only this file's schema"
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--write", metavar="DIR", help="write the three schema files into DIR")
    where.add_argument(
        "--check", metavar="DIR", help="exit 1 unless DIR holds the schemas as generated now"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from cosmodrome.exitcodes import Exit
    from cosmodrome.story.json_schema import DOCUMENTS, combined, document, dumps

    if args.write is None and args.check is None:
        if args.file is None:
            sys.stdout.write(dumps(combined()))
        else:
            sys.stdout.write(dumps(document(f"{args.file}.schema.json")))
        return Exit.OK
    names = [f"{args.file}.schema.json"] if args.file else list(DOCUMENTS)
    if args.check is not None:
        stale = []
        for name in names:
            path = Path(args.check) / name
            try:
                current = path.read_text(encoding="utf-8")
            except OSError:
                current = None
            if current != dumps(document(name)):
                stale.append(str(path))
        for path_text in stale:
            print(f"{path_text}: out of date (run: cosmodrome schema --write {args.check})")
        return Exit.FAILURE if stale else Exit.OK
    from cosmodrome.saves.atomic import write_atomic

    target = Path(args.write)
    try:
        target.mkdir(parents=True, exist_ok=True)
        for name in names:
            write_atomic(target / name, dumps(document(name)).encode("utf-8"))
            print(f"wrote {target / name}", file=sys.stderr)
    except OSError as exc:
        print(f"cosmodrome schema: cannot write to {target}: {exc.strerror}", file=sys.stderr)
        return Exit.FAILURE
    return Exit.OK
