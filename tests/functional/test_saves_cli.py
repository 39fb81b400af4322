"""The save store through the real `cosmodrome` command: `saves`, `saves delete`,
and `play --plain` with `save`, `load`, `--load`, `--continue` and the autosave."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import FIXTURES
from tests.functional.cli_runner import run_cosmodrome

SAMPLE = str(FIXTURES / "sample")


def plain(saves: Path, stdin: str, *extra: str) -> tuple[int, str, str]:
    result = run_cosmodrome(
        ["play", "--plain", "--story", SAMPLE, *extra],
        stdin=stdin,
        env={"COSMODROME_SAVES": str(saves)},
    )
    return result.returncode, result.stdout, result.stderr


def saves_command(saves: Path, *args: str) -> tuple[int, str, str]:
    result = run_cosmodrome(["saves", *args], env={"COSMODROME_SAVES": str(saves)})
    return result.returncode, result.stdout, result.stderr


def test_save_in_one_run_and_load_in_the_next(tmp_path: Path) -> None:
    code, out, _ = plain(tmp_path, "1\nsave Before Gate\nquit\n")
    assert code == 0
    assert "Saved as 'before gate'." in out
    code, out, err = plain(tmp_path, "look\nquit\n", "--load", "before gate")
    assert (code, err) == (0, "")
    assert "Credibility: 1" in out
    assert "Pick up the press pass" not in out  # a `once` choice, already taken


def test_undo_reaches_back_past_a_reload(tmp_path: Path) -> None:
    plain(tmp_path, "1\n1\nsave deep\nquit\n")
    _, out, _ = plain(tmp_path, "undo 2\nquit\n", "--load", "deep")
    passages = out.split("## ")[1:]
    assert passages[0].startswith("The checkpoint, Sasha")  # where the save was
    assert passages[-1].startswith("Arrival")  # two choices back, before the pass
    assert "Pick up the press pass" in passages[-1]


def test_continue_resumes_the_autosave(tmp_path: Path) -> None:
    plain(tmp_path, "1\n1\nquit\n")  # two choices, no explicit save
    code, out, _ = plain(tmp_path, "quit\n", "--continue")
    assert code == 0
    assert "## The checkpoint, Sasha" in out


def test_continue_without_an_autosave_starts_a_new_game(tmp_path: Path) -> None:
    code, out, err = plain(tmp_path, "quit\n", "--continue")
    assert code == 0
    assert "no autosave" in err
    assert "## Arrival" in out


def test_loading_a_missing_or_bad_slot_fails_in_one_line(tmp_path: Path) -> None:
    for name in ("nothing", "../etc/passwd"):
        code, out, err = plain(tmp_path, "", "--load", name)
        assert code == 1
        assert out == ""
        assert len(err.strip().splitlines()) == 1
        assert err.startswith("cosmodrome: ")


def test_a_damaged_autosave_is_refused_not_overwritten(tmp_path: Path) -> None:
    (tmp_path / "autosave.save.json").write_text('{"format": "cosmo', encoding="utf-8")
    code, _, err = plain(tmp_path, "", "--continue")
    assert code == 1
    assert "cannot load 'autosave'" in err
    assert (tmp_path / "autosave.save.json").read_text(encoding="utf-8") == '{"format": "cosmo'


def test_plain_commands_save_load_and_list(tmp_path: Path) -> None:
    code, out, _ = plain(tmp_path, "1\nsave one\n1\nsaves\nload one\nload ../x\nquit\n")
    assert code == 0
    assert "  one: The Checkpoint, Arrival (Summit); 1 choice" in out
    assert "  auto-1: The Checkpoint, The checkpoint, Sasha (Summit); 2 choices" in out
    assert "Loaded 'one'." in out
    assert "A save name is 1 to 40 letters" in out


def test_an_unwritable_saves_folder_warns_once_and_play_goes_on(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    code, out, err = plain(tmp_path, "1\n1\nquit\n", "--saves", str(blocker / "saves"))
    assert code == 0
    assert "## The checkpoint, Sasha" in out
    assert len(err.strip().splitlines()) == 1
    assert "play goes on" in err


def test_reaching_an_ending_records_it(tmp_path: Path) -> None:
    code, out, _ = plain(tmp_path, "2\n3\n")
    assert "The end: The road home" in out
    assert code == 0
    assert '"road-end"' in (tmp_path / "endings.json").read_text(encoding="utf-8")


def test_the_plain_saves_list_names_the_ending_a_finished_game_reached(tmp_path: Path) -> None:
    plain(tmp_path, "2\n3\n")  # to the road home; the autosave keeps the finished game
    code, out, _ = plain(tmp_path, "saves\nquit\n")
    assert code == 0
    assert "  auto-1: The Checkpoint, The end: The road home; 2 choices" in out


def test_saves_lists_a_table(tmp_path: Path) -> None:
    plain(tmp_path, "1\nsave gate\nquit\n")
    (tmp_path / "broken.save.json").write_text("{", encoding="utf-8")
    code, out, _ = saves_command(tmp_path)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["SLOT", "STORY", "WHERE", "CHOICES", "PLAYED", "SAVED"]
    names = [line.split()[0] for line in lines[1:]]
    assert sorted(names) == ["auto-1", "broken", "gate"]
    assert any(line.startswith("broken") and "damaged" in line for line in lines)


def test_saves_with_no_saves_says_so(tmp_path: Path) -> None:
    code, out, err = saves_command(tmp_path / "empty")
    assert (code, out) == (0, "")
    assert "no saves" in err
    assert not (tmp_path / "empty").exists()


def test_saves_delete(tmp_path: Path) -> None:
    plain(tmp_path, "1\nsave gate\nsave gate\nquit\n")
    assert (tmp_path / "gate.save.json.bak").exists()
    code, _, _ = saves_command(tmp_path, "delete", "gate")
    assert code == 0
    assert not (tmp_path / "gate.save.json").exists()
    assert not (tmp_path / "gate.save.json.bak").exists()


def test_saves_delete_missing_or_bad_name_exits_1(tmp_path: Path) -> None:
    for name in ("gate", "../gate"):
        code, out, err = saves_command(tmp_path, "delete", name)
        assert (code, out) == (1, "")
        assert len(err.strip().splitlines()) == 1


def test_saves_option_overrides_the_environment(tmp_path: Path) -> None:
    chosen = tmp_path / "chosen"
    plain(chosen, "1\nsave here\nquit\n")
    result = run_cosmodrome(
        ["saves", "--saves", str(chosen)], env={"COSMODROME_SAVES": str(tmp_path / "other")}
    )
    assert "here" in result.stdout
    after = run_cosmodrome(
        ["saves", "delete", "here", "--saves", str(chosen)],
        env={"COSMODROME_SAVES": str(tmp_path / "other")},
    )
    assert after.returncode == 0
    assert not (chosen / "here.save.json").exists()


def test_an_older_versions_single_autosave_is_listed_and_continued(tmp_path: Path) -> None:
    # the upgrade: a saves folder of an older version, whose one autosave is a golden save
    golden = Path(__file__).resolve().parents[1] / "golden" / "sample" / "route-2.save.json"
    (tmp_path / "autosave.save.json").write_bytes(golden.read_bytes())
    code, out, _ = saves_command(tmp_path, "--format", "json")
    assert code == 0
    [entry] = json.loads(out)["saves"]
    assert (entry["name"], entry["autosave"], entry["in_use"]) == ("autosave", True, False)
    code, out, err = plain(tmp_path, "quit\n", "--continue")
    assert (code, err) == (0, "")
    assert "A guard studies your papers." in out  # at the checkpoint, where it was left
    plain(tmp_path, "1\nquit\n")  # a new game: its own autosave, the old one kept
    code, out, _ = saves_command(tmp_path, "list", "--format", "json")
    names = {s["name"]: s["choices"] for s in json.loads(out)["saves"]}
    assert names == {"autosave": entry["choices"], "auto-1": 1}
