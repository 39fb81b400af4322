"""Write the fingerprints of the source article's own sentences, for `test_own_words.py`.

    python -m tests.story.make_shingles PATH/TO/article.md

The test must not need the article (it lives outside the repository, and its
sentences are not ours to copy), so this keeps only a hash of every run of
`RUN` words of its prose. What the article quotes (a public figure's words) is
left out: a short attributed quotation is allowed in the story.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tests.story.own_words import RUN, fingerprints, outside_quotes

OUT = Path(__file__).resolve().parent / "article_runs.txt"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m tests.story.make_shingles ARTICLE.md", file=sys.stderr)
        return 2
    text = Path(argv[0]).read_text(encoding="utf-8")
    body = "\n".join(line for line in text.splitlines()[3:])  # below its heading and note
    prints = sorted(fingerprints(outside_quotes(body)))
    header = f"# {len(prints)} runs of {RUN} words of the source article's prose, hashed\n"
    OUT.write_text(header + "".join(f"{p}\n" for p in prints), encoding="utf-8")
    print(f"{OUT.name}: {len(prints)} runs")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
