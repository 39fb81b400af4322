"""The files of a new story: small, checking clean under `--strict`, and playable to an
ending, so an author starts from something that works and shows the format's parts."""

from __future__ import annotations

import re
from pathlib import Path

from cosmodrome.story.json_schema import DOCUMENTS, document, dumps
from cosmodrome.story.sources import story_files

STORY_YAML = """\
# yaml-language-server: $schema=schema/story.schema.json
format: 1
id: {id}
title: "{title}"
start: start

variables:
  courage:
    default: 0
    label: "Courage"
"""

FACTS_YAML = """\
# yaml-language-server: $schema=schema/facts.schema.json
facts: {}
"""

NODES_YAML = """\
# yaml-language-server: $schema=../schema/nodes.schema.json
nodes:
  start:
    title: "The beginning"
    text: |
      Your story starts here. Edit nodes/main.yaml, then run
      `cosmodrome check` and `cosmodrome play --watch` in this folder.
    choices:
      - text: "Take heart"
        id: take-heart
        set: {courage: courage + 1}
        goto: crossroads
      - text: "Stay where you are"
        goto: crossroads

  crossroads:
    text: "Courage: {courage}. Two ways lead on."
    choices:
      - text: "The bold way"
        if: courage >= 1
        locked: "You need more courage."
        goto: bold-ending
      - text: "The quiet way"
        goto: quiet-ending

  bold-ending:
    text: "You went the bold way."
    ending: "Bold"

  quiet-ending:
    text: "You went the quiet way."
    ending: "Quiet"
"""


def story_id_for(folder: Path) -> str:
    """A story id made from the folder's name (lowercase letters, digits and '-')."""
    words = re.findall(r"[a-z0-9]+", folder.resolve().name.lower())
    return "-".join(words) or "my-story"


def new_story_files(folder: Path, title: str | None = None) -> dict[str, str]:
    """The new story's files, by path inside the story, as text."""
    story_id = story_id_for(folder)
    shown = title or story_id.replace("-", " ").capitalize()
    files = {
        "story.yaml": STORY_YAML.format(id=story_id, title=shown.replace('"', "'")),
        "facts.yaml": FACTS_YAML,
        "nodes/main.yaml": NODES_YAML,
    }
    files.update({f"schema/{name}": dumps(document(name)) for name in DOCUMENTS})
    return files


def seeded_files(source: Path) -> dict[str, bytes]:
    """A copy of the story in `source` (its YAML files, schemas and guide), to extend."""
    found = {p.relative_to(source).as_posix(): p for p in story_files(source)}
    for extra in [source / "README.md", *sorted((source / "schema").glob("*.json"))]:
        if extra.is_file():
            found[extra.relative_to(source).as_posix()] = extra
    return {relative: path.read_bytes() for relative, path in sorted(found.items())}
