"""Reading checked values out of `Y` trees: ids, and positions inside block texts."""

from __future__ import annotations

from cosmodrome.story.schema import ID_PATTERN
from cosmodrome.story.yamlfields import FileReader
from cosmodrome.story.yamlsource import parse_yaml
from cosmodrome.story.yamltree import Y

SOURCE = "a: plain\nb: |\n  first line\n  second {x\n"


class _Text:
    """The file's text, counting how often it is asked for."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.reads = 0

    def __call__(self) -> str:
        self.reads += 1
        return self.text


def _entries(text: str) -> dict[str, Y]:
    root, problems = parse_yaml(text, "f.yaml")
    assert root is not None and not problems
    assert isinstance(root.value, dict)
    return root.value


def test_a_reader_does_not_read_the_text_when_no_problem_needs_it() -> None:
    text = _Text(SOURCE)
    reader = FileReader("f.yaml", text)
    entries = _entries(SOURCE)
    assert reader.string(entries["a"], "a") == "plain"
    assert reader.inside(entries["a"], 2) == (1, 6)  # a plain scalar needs no source line
    assert text.reads == 0


def test_a_place_inside_a_block_text_is_found_in_the_file_read_once() -> None:
    text = _Text(SOURCE)
    reader = FileReader("f.yaml", text)
    block = _entries(SOURCE)["b"]
    offset = str(block.value).index("{")
    assert reader.inside(block, offset) == (4, 10)
    assert reader.inside(block, 0) == (3, 3)
    assert text.reads == 1


def test_ids_are_read_and_bad_ones_reported_with_the_rule() -> None:
    reader = FileReader("f.yaml", lambda: "")
    assert reader.ident(Y("dacha-2", 1, 1), "place", ID_PATTERN) == "dacha-2"
    assert reader.ident(Y(1957, 1, 1), "era id", ID_PATTERN) == "1957"
    assert reader.ident(Y("Bad Id", 2, 3), "place", ID_PATTERN) is None
    assert reader.ident(Y(["x"], 4, 5), "place", ID_PATTERN) is None
    assert [(d.line, d.col, d.message, d.code) for d in reader.problems] == [
        (
            2,
            3,
            "place 'Bad Id' is not a valid id (use lowercase letters, digits, '-' and '_', "
            "starting with a letter or digit)",
            "bad-id",
        ),
        (4, 5, "place must be an id, not a list", "type"),
    ]
