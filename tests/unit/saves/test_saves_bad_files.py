"""Bad saves: damaged, truncated, edited, hostile or foreign files are refused in one
line, listed as damaged, never crash, never run anything and never write elsewhere."""

from __future__ import annotations

import json
import os
import pickle
from collections.abc import Callable
from pathlib import Path

import pytest

from cosmodrome.saves.codec import MAX_FILE_BYTES, checksum
from cosmodrome.saves.errors import SaveError
from cosmodrome.saves.history import MAX_STATES
from cosmodrome.saves.store import SaveStore
from tests.unit.saves.saves_helpers import Doc, history_move, history_start, play, sample_story


def good_save(tmp_path: Path, name: str = "slot") -> SaveStore:
    story = sample_story()
    store = SaveStore(tmp_path)
    store.save(name, story, play(story, ["take-pass", "checkpoint.1", "archive.1"]), 30)
    return store


def slot_file(tmp_path: Path, name: str = "slot") -> Path:
    return tmp_path / f"{name}.save.json"


def refused(store: SaveStore, name: str = "slot") -> str:
    """The one-line reason the slot is refused, checked against its listing too."""
    with pytest.raises(SaveError) as raised:
        store.load(name, sample_story())
    message = str(raised.value)
    assert "\n" not in message
    [info] = [s for s in store.slots() if s.name == name]
    assert info.status == "corrupt"
    assert info.problem
    assert "\n" not in info.problem
    return message


def sealed(tmp_path: Path, change: Callable[[Doc], None], name: str = "slot") -> None:
    """Rewrite the slot with `change` applied and a correct checksum: a hostile edit."""
    path = slot_file(tmp_path, name)
    document = json.loads(path.read_text(encoding="utf-8"))
    change(document)
    document["checksum"] = checksum({k: v for k, v in document.items() if k != "checksum"})
    path.write_text(json.dumps(document), encoding="utf-8")


# --- damaged files ------------------------------------------------------------

DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "empty": lambda data: b"",
    "whitespace": lambda data: b" \n\t ",
    "truncated": lambda data: data[: len(data) // 2],
    "last byte lost": lambda data: data[:-3],
    "garbage": lambda data: os.urandom(300),
    "not utf-8": lambda data: b"\xff\xfe" + data,
    "a JSON list": lambda data: b"[1, 2, 3]",
    "a JSON string": lambda data: b'"save"',
    "nested deep": lambda data: b"[" * 200_000 + b"]" * 200_000,
    "nested objects": lambda data: b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
    "huge integer": lambda data: b'{"format": 1' + b"9" * 20_000 + b"}",
    "NaN": lambda data: data.replace(b'"choices": 3', b'"choices": NaN'),
    "pickle": lambda data: pickle.dumps({"node": "prologue"}),
}


@pytest.mark.parametrize("damage", DAMAGE, ids=list(DAMAGE))
def test_a_damaged_file_is_refused(tmp_path: Path, damage: str) -> None:
    store = good_save(tmp_path)
    path = slot_file(tmp_path)
    path.write_bytes(DAMAGE[damage](path.read_bytes()))
    refused(store)


def test_an_edited_value_breaks_the_checksum(tmp_path: Path) -> None:
    store = good_save(tmp_path)
    path = slot_file(tmp_path)
    path.write_text(
        path.read_text(encoding="utf-8").replace('"credibility": 1', '"credibility": 99'),
        encoding="utf-8",
    )
    assert "checksum does not match" in refused(store)


def test_reformatting_a_save_counts_as_editing_it(tmp_path: Path) -> None:
    """The checksum covers the bytes as written, so even a change of layout is caught."""
    store = good_save(tmp_path)
    path = slot_file(tmp_path)
    path.write_text(json.dumps(json.loads(path.read_bytes()), indent=8), encoding="utf-8")
    assert "checksum does not match" in refused(store)


def test_a_save_sealed_by_hand_with_the_canonical_checksum_loads(tmp_path: Path) -> None:
    store = good_save(tmp_path)
    sealed(tmp_path, lambda d: None)  # rewritten in another layout, canonical checksum
    assert store.load("slot", sample_story()).state.node == "archive"


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    store = good_save(tmp_path)
    with slot_file(tmp_path).open("r+b") as handle:
        handle.truncate(MAX_FILE_BYTES * 50)  # sparse: costs no disk
    assert "too large" in refused(store)


def test_a_pickle_is_never_unpickled(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"

    class Payload:
        def __reduce__(self) -> tuple[Callable[[str], None], tuple[str]]:
            return (os.mkdir, (str(marker),))

    store = good_save(tmp_path)
    slot_file(tmp_path).write_bytes(pickle.dumps(Payload()))
    refused(store)
    assert not marker.exists()


def test_a_newer_format_asks_for_an_update(tmp_path: Path) -> None:
    store = good_save(tmp_path)
    sealed(tmp_path, lambda d: d.update(version=7))
    assert "newer Cosmodrome" in refused(store)


def test_another_program_s_json_is_not_a_save(tmp_path: Path) -> None:
    store = good_save(tmp_path)
    slot_file(tmp_path).write_text('{"format": "something-else"}', encoding="utf-8")
    assert "not a Cosmodrome save" in refused(store)


def test_duplicate_keys_are_refused(tmp_path: Path) -> None:
    store = good_save(tmp_path)
    path = slot_file(tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"version": 1,', '"version": 1, "version": 1,'), "utf-8")
    assert "duplicate key" in refused(store)


# --- hostile files with a correct checksum -----------------------------------


def _too_much_history(d: Doc) -> None:
    """Each state under every limit, but too many entries over the whole history."""
    history_start(d)["vars"].update({f"v{i}": 0 for i in range(4990)})
    d["history"]["moves"].extend({"node": "archive", "vars": {"v1": n}} for n in range(500))
    d["header"].update(choices=503)


HOSTILE: dict[str, Callable[[Doc], None]] = {
    "variable is a list": lambda d: history_start(d)["vars"].update(credibility=[1]),
    "variable is a float": lambda d: history_start(d)["vars"].update(credibility=1.5),
    "variable is an object": lambda d: history_move(d)["vars"].update(alias={"x": 1}),
    "integer out of range": lambda d: history_move(d)["vars"].update(credibility=2**70),
    "path-like node": lambda d: history_move(d, 2).update(node="../../etc/passwd"),
    "node id with a newline": lambda d: history_move(d, 2).update(node="archive\n"),
    "node is a number": lambda d: history_start(d).update(node=7),
    "negative visits": lambda d: history_start(d)["visits"].update(prologue=-1),
    "visits is a bool": lambda d: history_start(d)["visits"].update(prologue=True),
    "negative steps": lambda d: history_start(d).update(steps=-5),
    "moves not a list": lambda d: d["history"].update(moves={"0": {}}),
    "move not an object": lambda d: d["history"]["moves"].append("north"),
    "unknown field": lambda d: history_move(d).update(exec="rm -rf /"),
    "missing field": lambda d: history_start(d).pop("ended"),
    "took too short": lambda d: history_move(d).update(took=["prologue"]),
    "choice key with a slash": lambda d: history_move(d).update(took=["prologue", "a/b", "x"]),
    "huge text": lambda d: history_move(d)["vars"].update(alias="x" * 200_000),
    "lone surrogate": lambda d: history_move(d)["vars"].update(alias="\ud800"),
    "control characters in the title": lambda d: d["header"].update(story_title="\x1b[2J"),
    "multi-line node title": lambda d: d["header"].update(node_title="a\nb"),
    "title is a list": lambda d: d["header"].update(story_title=["x"]),
    "bad time": lambda d: d["header"].update(saved_at="yesterday"),
    "year 1 with an offset": lambda d: d["header"].update(saved_at="0001-01-01T00:00:00+05:00"),
    "year 9999 with an offset": lambda d: d["header"].update(saved_at="9999-12-31T23:59:59-05:00"),
    "year 9999 in UTC": lambda d: d["header"].update(saved_at="9999-12-31T23:59:59+00:00"),
    "year 1 in UTC": lambda d: d["header"].update(saved_at="0001-01-01T00:00:00"),
    "offset of a day": lambda d: d["header"].update(saved_at="2025-01-01T00:00:00+24:00"),
    "infinite play time": lambda d: d["header"].update(play_seconds=1e999),
    "negative play time": lambda d: d["header"].update(play_seconds=-1),
    "play time is a bool": lambda d: d["header"].update(play_seconds=True),
    "story id path-like": lambda d: d["header"].update(story_id="../x"),
    "header lies about the node": lambda d: d["header"].update(node="prologue"),
    "header lies about the choices": lambda d: d["header"].update(choices=1),
    "too many variables": lambda d: history_start(d)["vars"].update(
        {f"v{i}": 0 for i in range(20_001)}  # limits.MAX_ENTRIES + 1
    ),
    "too many moves": lambda d: d["history"].update(moves=[{"node": "prologue"}] * MAX_STATES),
    "too much history in total": _too_much_history,
    "nested inside a value": lambda d: history_start(d)["vars"].update(
        alias=[[[[[[[[[["x"]]]]]]]]]]
    ),
    "extra top-level field": lambda d: d.update(code="print(1)"),
}


@pytest.mark.parametrize("attack", HOSTILE, ids=list(HOSTILE))
def test_a_hostile_file_with_a_good_checksum_is_refused(tmp_path: Path, attack: str) -> None:
    store = good_save(tmp_path)
    sealed(tmp_path, HOSTILE[attack])
    refused(store)


def test_a_save_of_another_story_is_refused_by_name(tmp_path: Path) -> None:
    store = good_save(tmp_path)
    sealed(tmp_path, lambda d: d["header"].update(story_id="vostochny"))
    with pytest.raises(SaveError, match=r"another story \('vostochny'\), not of 'sample'"):
        store.load("slot", sample_story())
    [info] = store.slots()
    assert (info.status, info.story_id) == ("ok", "vostochny")  # listed: it is sound


# --- the backup ---------------------------------------------------------------


def test_a_damaged_slot_falls_back_to_its_backup(tmp_path: Path) -> None:
    story = sample_story()
    store = SaveStore(tmp_path)
    store.save("slot", story, play(story, ["take-pass"]), 0)
    store.save("slot", story, play(story, ["take-pass", "checkpoint.1"]), 0)
    path = slot_file(tmp_path)
    path.write_bytes(path.read_bytes()[:100])
    loaded = store.load("slot", story)
    assert loaded.state.node == "prologue"
    assert loaded.state.steps == 1
    assert "loaded its backup" in loaded.summary
    [info] = store.slots()
    assert info.status == "ok"


def test_a_missing_slot_file_with_a_backup_loads_the_backup(tmp_path: Path) -> None:
    story = sample_story()
    store = SaveStore(tmp_path)
    store.save("slot", story, play(story, []), 0)
    store.save("slot", story, play(story, ["take-pass"]), 0)
    slot_file(tmp_path).unlink()
    assert store.exists("slot")
    loaded = store.load("slot", story)
    assert loaded.state.steps == 0
    assert "was missing" in loaded.summary


def test_a_damaged_slot_never_overwrites_a_good_backup(tmp_path: Path) -> None:
    story = sample_story()
    store = SaveStore(tmp_path)
    store.save("slot", story, play(story, []), 0)
    store.save("slot", story, play(story, ["take-pass"]), 0)
    good_backup = (tmp_path / "slot.save.json.bak").read_bytes()
    slot_file(tmp_path).write_bytes(b"{ damaged")
    store.save("slot", story, play(story, ["take-pass", "checkpoint.1"]), 0)
    assert (tmp_path / "slot.save.json.bak").read_bytes() == good_backup


def test_both_damaged_says_so(tmp_path: Path) -> None:
    story = sample_story()
    store = SaveStore(tmp_path)
    store.save("slot", story, play(story, []), 0)
    store.save("slot", story, play(story, []), 0)
    slot_file(tmp_path).write_bytes(b"")
    (tmp_path / "slot.save.json.bak").write_bytes(b"")
    assert "backup is damaged too" in refused(store)


# --- files that are not files ------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_planted_as_a_slot_is_refused_without_hanging(tmp_path: Path) -> None:
    os.mkfifo(slot_file(tmp_path, "pipe"))
    store = SaveStore(tmp_path)
    assert "not a regular file" in refused(store, "pipe")


def test_a_folder_named_like_a_slot_is_refused(tmp_path: Path) -> None:
    slot_file(tmp_path, "folder").mkdir()
    refused(SaveStore(tmp_path), "folder")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_saving_over_a_symlinked_slot_never_writes_outside(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("precious", encoding="utf-8")
    saves = tmp_path / "saves"
    saves.mkdir()
    slot_file(saves, "link").symlink_to(outside)
    story = sample_story()
    store = SaveStore(saves)
    refused(store, "link")
    for _ in range(3):
        store.save("link", story, play(story, []), 0)
    assert outside.read_text(encoding="utf-8") == "precious"
    assert store.load("link", story).state.steps == 0
