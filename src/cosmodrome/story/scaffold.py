"""Adding a node skeleton to a story as text, so the author's comments and layout survive.

`plan_node` reads the story's files (never executes or re-dumps them), checks
that the new id is valid and free, and returns the file's new text with the
skeleton appended in the file's own indentation; the caller writes it.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from cosmodrome.story.limits import is_id
from cosmodrome.story.sources import story_files
from cosmodrome.story.storydir import FACTS, MANIFEST, StoryNotFound
from cosmodrome.story.yamlsource import parse_yaml, read_yaml_file
from cosmodrome.story.yamltree import Y

DEFAULT_FILE = "nodes/new.yaml"
SCHEMA = "schema/nodes.schema.json"


class ScaffoldError(Exception):
    """The node cannot be added: a one-line reason for the author."""


@dataclass(frozen=True)
class NodePlan:
    """Where the node goes and the file's complete new text."""

    path: Path
    text: str
    line: int  # where the node's id is written in the new text
    created: bool  # the file is new


@dataclass(frozen=True)
class _Story:
    start: str | None
    eras: set[str]
    places: set[str]
    taken: dict[str, str]  # id (or old `was` id) -> "path:line:col" where it is written


def _scan(base: Path) -> _Story:
    if not (base / MANIFEST).is_file():
        raise StoryNotFound(f"{base}: not a story (it has no {MANIFEST})")
    taken: dict[str, str] = {}
    manifest: Y | None = None
    for path in story_files(base):
        rel = path.relative_to(base).as_posix()
        root, problems = read_yaml_file(str(path), rel)
        if any(d.is_error for d in problems):
            raise ScaffoldError(f"{problems[0].format()} (fix it first: cosmodrome check)")
        if rel == MANIFEST:
            manifest = root
        elif rel != FACTS and root is not None and isinstance(root.value, dict):
            _collect(root.value.get("nodes"), rel, taken)
    entries = manifest.value if manifest is not None and isinstance(manifest.value, dict) else {}
    start = entries.get("start")
    eras = entries.get("eras")
    places = entries.get("places")
    return _Story(
        str(start.value) if start is not None else None,
        {
            str(e.value["id"].value)
            for e in _items(eras)
            if isinstance(e.value, dict) and "id" in e.value
        },
        set(places.value) if places is not None and isinstance(places.value, dict) else set(),
        taken,
    )


def _items(y: Y | None) -> list[Y]:
    return list(y.value) if y is not None and isinstance(y.value, list) else []


def _collect(table: Y | None, rel: str, taken: dict[str, str]) -> None:
    if table is None or not isinstance(table.value, dict) or table.keys is None:
        return
    for node_id, node in table.value.items():
        line, col = table.keys[node_id]
        taken.setdefault(node_id, f"{rel}:{line}:{col}")
        if isinstance(node.value, dict):
            for old in _items(node.value.get("was")):
                taken.setdefault(str(old.value), f"{rel}:{old.line}:{old.col} (as an old id)")


def _title(node_id: str) -> str:
    words = re.split(r"[-_]+", node_id)
    return " ".join(words).strip().capitalize() or node_id


def skeleton(
    node_id: str,
    *,
    goto: str,
    indent: int = 2,
    step: int = 2,
    ending: str | None = None,
    era: str | None = None,
    place: str | None = None,
) -> str:
    """The YAML text of a new node, ids and keys indented as asked."""
    pad, inner = " " * indent, " " * (indent + step)
    lines = [f"{pad}{node_id}:", f"{inner}title: {json.dumps(_title(node_id))}"]
    if era is not None:
        lines.append(f"{inner}era: {json.dumps(era)}")
    if place is not None:
        lines.append(f"{inner}place: {place}")
    lines += [f"{inner}text: |", f"{inner}{' ' * step}Write what the player reads here."]
    if ending is not None:
        lines.append(f"{inner}ending: {json.dumps(ending, ensure_ascii=False)}")
    else:
        deeper = " " * (indent + 2 * step)
        lines += [f"{inner}choices:", f'{deeper}- text: "Continue"', f"{deeper}  goto: {goto}"]
    return "\n".join(lines) + "\n"


def _target(base: Path, file: str) -> Path:
    rel = PurePosixPath(file.replace(os.sep, "/"))
    if rel.is_absolute() or ".." in rel.parts or not rel.parts:
        raise ScaffoldError(f"'{file}' must be a path inside the story directory")
    if rel.suffix != ".yaml":
        raise ScaffoldError(f"'{file}' must end in .yaml to be read as a node file")
    if rel.as_posix() in (MANIFEST, FACTS) or any(p.startswith(".") for p in rel.parts):
        raise ScaffoldError(f"'{file}' is not a node file")
    return base.joinpath(*rel.parts)


def _layout(text: str, path: Path) -> tuple[int, int, str]:
    """The indentation of node ids and of their keys in an existing node file, and what
    comes before the new node: "header" (the file needs its `nodes:` line), "first" (an
    empty `nodes:`) or "append" (after the last node)."""
    root, problems = parse_yaml(text, str(path))
    if problems:
        raise ScaffoldError(f"{problems[0].format()} (fix it first: cosmodrome check)")
    if root is None:
        return 2, 2, "header"
    if not isinstance(root.value, dict) or "nodes" not in root.value:
        raise ScaffoldError(f"{path}: not a node file (it has no 'nodes' mapping)")
    table = root.value["nodes"]
    if table.value is None:
        return 2, 2, "first"
    lines = text.splitlines()
    if not isinstance(table.value, dict) or lines[table.line - 1][table.col - 1] == "{":
        raise ScaffoldError(f"{path}: 'nodes' is not a block mapping; add the node by hand")
    if not table.keys:
        return 2, 2, "first"
    first_id = next(iter(table.keys))
    indent = table.keys[first_id][1] - 1
    first = table.value[first_id]
    step = first.col - 1 - indent if isinstance(first.value, dict) and first.keys else 2
    return indent, max(step, 1), "append"


def plan_node(
    story_dir: str | os.PathLike[str],
    node_id: str,
    file: str = DEFAULT_FILE,
    *,
    ending: str | None = None,
    era: str | None = None,
    place: str | None = None,
) -> NodePlan:
    """Plan adding node `node_id` to `file` (relative to the story); raises `ScaffoldError`."""
    if not is_id(node_id):
        raise ScaffoldError(
            f"'{node_id}' is not a valid node id (use lowercase letters, digits, '-' and '_', "
            "starting with a letter or digit)"
        )
    base = Path(story_dir)
    if not base.is_dir():
        raise StoryNotFound(f"{story_dir}: no such directory")
    story = _scan(base)
    if node_id in story.taken:
        raise ScaffoldError(f"node '{node_id}' already exists at {story.taken[node_id]}")
    if era is not None and era not in story.eras:
        raise ScaffoldError(f"unknown era '{era}' (story.yaml declares: {sorted(story.eras)})")
    if place is not None and place not in story.places:
        raise ScaffoldError(
            f"unknown place '{place}' (story.yaml declares: {sorted(story.places)})"
        )
    path = _target(base, file)
    goto = story.start if story.start in story.taken else node_id
    if not path.exists():
        header = "nodes:\n"
        if (base / SCHEMA).is_file():
            schema = os.path.relpath(base / SCHEMA, path.parent).replace(os.sep, "/")
            header = f"# yaml-language-server: $schema={schema}\n" + header
        text = header + skeleton(node_id, goto=goto, ending=ending, era=era, place=place)
        return NodePlan(path, text, header.count("\n") + 1, True)
    try:
        old = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ScaffoldError(f"cannot read {path}: {exc}") from None
    indent, step, where = _layout(old, path)
    prefix = old if old.endswith("\n") or not old else old + "\n"
    if where == "header":
        prefix += "nodes:\n"
    elif where == "append":
        prefix += "\n"  # a blank line between nodes, as authors write them
    node = skeleton(
        node_id, goto=goto, indent=indent, step=step, ending=ending, era=era, place=place
    )
    text = prefix + node
    return NodePlan(path, text, prefix.count("\n") + 1, False)
