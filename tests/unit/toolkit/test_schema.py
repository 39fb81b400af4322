"""The editor schemas: generated from the loader's own key definitions, committed with the
story, and in agreement with the loader about what a valid story file is."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from cosmodrome.locations import default_story_dir
from cosmodrome.story.json_schema import DOCUMENTS, combined, document, dumps
from cosmodrome.story.schema import OBJECTS
from tests.conftest import FIXTURES

STORY = default_story_dir()
SCHEMA_DIR = STORY / "schema"
ROOT_OF = {"story.yaml": "story.schema.json", "facts.yaml": "facts.schema.json"}


def _schema_for(path: Path) -> str:
    return ROOT_OF.get(path.name, "nodes.schema.json")


def _validator(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(document(name))


def _errors(name: str, data: Any) -> list[str]:
    return [e.message for e in _validator(name).iter_errors(data)]


def _story_files(base: Path) -> list[Path]:
    return sorted(p for p in base.rglob("*.yaml") if not p.name.startswith("."))


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_the_committed_schema_is_the_generated_one(name: str) -> None:
    assert (SCHEMA_DIR / name).read_text(encoding="utf-8") == dumps(document(name))


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_the_schemas_are_valid_draft_2020_12(name: str) -> None:
    jsonschema.Draft202012Validator.check_schema(document(name))
    jsonschema.Draft202012Validator.check_schema(combined())


@pytest.mark.parametrize("path", _story_files(STORY), ids=lambda p: p.name)
def test_the_shipped_story_validates(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert _errors(_schema_for(path), data) == []


@pytest.mark.parametrize("path", _story_files(STORY), ids=lambda p: p.name)
def test_the_shipped_story_names_its_schema_on_the_first_line(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    prefix = "# yaml-language-server: $schema="
    assert first.startswith(prefix)
    assert (path.parent / first[len(prefix) :]).resolve() == SCHEMA_DIR / _schema_for(path)


# the loader's errors are the schema's errors; the one warning it also flags is an
# unknown lint code in `ignore:`, which lint-unknown-code holds on purpose
_VALID_FIXTURES = [
    path
    for d in sorted(FIXTURES.iterdir())
    if d.is_dir()
    and d.name not in ("invalid", "lint-unknown-code")
    and (d / "story.yaml").is_file()
    for path in _story_files(d)
]


@pytest.mark.parametrize("path", _VALID_FIXTURES, ids=lambda p: p.relative_to(FIXTURES).as_posix())
def test_every_valid_fixture_validates(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert _errors(_schema_for(path), data) == []


GOOD_NODE: dict[str, Any] = {"text": "Hi.", "choices": [{"text": "On", "goto": "b"}]}


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"ending": "End"}, "both choices and an ending"),
        ({"choices": None, "ending": None}, "neither choices nor an ending"),
        ({"titel": "x"}, "an unknown key"),
        ({"choices": []}, "an empty list of choices"),
        ({"choices": [{"text": "On", "goto": "b", "locked": "Shut."}]}, "locked without if"),
        ({"choices": [{"text": "On", "goto": "B"}]}, "an invalid id"),
        ({"ignore": ["unreachble"]}, "an unknown lint code"),
        ({"on_enter": {"set": {"2x": 1}}}, "an invalid variable name"),
    ],
)
def test_the_node_schema_rejects(change: dict[str, Any], why: str) -> None:
    node = {k: v for k, v in {**GOOD_NODE, **change}.items() if v is not None}
    assert _errors("nodes.schema.json", {"nodes": {"a": GOOD_NODE}}) == []
    assert _errors("nodes.schema.json", {"nodes": {"a": node}}) != [], why


def test_the_manifest_schema_knows_the_short_and_long_variable_forms() -> None:
    manifest = {
        "format": 1,
        "id": "s",
        "title": "S",
        "start": "a",
        "variables": {"score": {"default": 0, "label": "Score"}, "flag": False},
        "eras": [{"id": 1957, "label": "Sputnik"}],
    }
    assert _errors("story.schema.json", manifest) == []
    assert _errors("story.schema.json", {**manifest, "format": 2}) != []
    assert _errors("story.schema.json", {**manifest, "id": "Has Spaces"}) != []
    bad_variable = {**manifest, "variables": {"score": {"label": "no default"}}}
    assert _errors("story.schema.json", bad_variable) != []


def test_every_key_of_the_format_is_in_the_schemas() -> None:
    text = json.dumps(combined())
    for keys in OBJECTS.values():
        for key in keys:
            assert f'"{key.name}"' in text, key.name
