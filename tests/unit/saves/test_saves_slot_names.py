"""Slot names: a safe character set, a normal form, and no way out of the folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from cosmodrome.saves.errors import SaveError
from cosmodrome.saves.slots import AUTOSAVE, QUICKSAVE, check_slot_name, slot_name_of
from cosmodrome.saves.store import SaveStore
from tests.unit.saves.saves_helpers import play, sample_story


@pytest.mark.parametrize(
    ("typed", "normal"),
    [
        ("gate", "gate"),
        ("Before Launch", "before launch"),
        ("  spaced   out  ", "spaced out"),
        ("run_2-b", "run_2-b"),
        ("x" * 40, "x" * 40),
        (AUTOSAVE, "autosave"),
        (QUICKSAVE, "quicksave"),
        ("-dash", "-dash"),
    ],
)
def test_valid_names_are_normalised(typed: str, normal: str) -> None:
    assert check_slot_name(typed) == normal


ATTACKS = [
    "",
    "   ",
    "../x",
    "..",
    ".",
    ".hidden",
    "a/b",
    "a\\b",
    "/etc/passwd",
    "C:x",
    "x" * 41,
    "nul",
    "CON",
    "com1",
    "a\x00b",
    "a\nb",
    "a\tb",
    "caf\u00e9",
    "\uff41",  # a fullwidth 'a'
    "x.save.json",
    "x*",
    "a\x1b[31m",
]


@pytest.mark.parametrize("name", ATTACKS)
def test_unsafe_names_are_refused_with_one_line(name: str) -> None:
    with pytest.raises(SaveError) as raised:
        check_slot_name(name)
    assert "\n" not in str(raised.value)
    assert str(raised.value)


@pytest.mark.parametrize("name", ATTACKS)
def test_store_never_touches_a_file_for_an_unsafe_name(tmp_path: Path, name: str) -> None:
    saves = tmp_path / "saves"
    store = SaveStore(saves)
    story = sample_story()
    state = play(story, ["take-pass"])
    with pytest.raises(SaveError):
        store.save(name, story, state, 1.0)
    with pytest.raises(SaveError):
        store.load(name, story)
    with pytest.raises(SaveError):
        store.delete(name)
    assert store.exists(name) is False
    assert sorted(p.name for p in tmp_path.rglob("*")) == []


def test_saving_with_a_traversal_name_leaves_neighbours_alone(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    victim = tmp_path / "x.save.json"
    victim.write_text("keep me", encoding="utf-8")
    store = SaveStore(saves)
    with pytest.raises(SaveError):
        store.save("../x", sample_story(), play(sample_story(), []), 0.0)
    assert victim.read_text(encoding="utf-8") == "keep me"


@pytest.mark.parametrize(
    ("filename", "slot"),
    [
        ("gate.save.json", "gate"),
        ("gate.save.json.bak", "gate"),
        ("two words.save.json", "two words"),
        ("settings.json", None),
        ("endings.json", None),
        ("endings.json.damaged", None),
        (".gate.save.json.123.abcd.tmp", None),
        ("Gate.save.json", None),  # not in normal form: no slot name maps to it
        ("..save.json", None),
        ("notes.txt", None),
    ],
)
def test_only_slot_files_are_taken_for_slots(filename: str, slot: str | None) -> None:
    assert slot_name_of(filename) == slot
