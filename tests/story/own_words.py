"""Runs of words, normalised and hashed: how the story's text is compared with the
source article's without keeping the article's sentences in the repository."""

from __future__ import annotations

import hashlib
import re

RUN = 6  # the measure of a copied run
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")
_QUOTED = re.compile(r"[“\"][^“”\"]*[”\"]")


def words(text: str) -> list[str]:
    """The words of `text`, lower-cased, curly apostrophes made straight."""
    return _WORD.findall(text.lower().replace("’", "'"))


def outside_quotes(text: str) -> str:
    """`text` with every quotation (straight or curly double quotes) taken out."""
    return _QUOTED.sub(" | ", text)


def runs(text: str) -> dict[str, str]:
    """Each run of RUN consecutive words of `text`, by its fingerprint."""
    found: dict[str, str] = {}
    for part in text.split("|"):  # a quotation taken out breaks a run
        w = words(part)
        for i in range(len(w) - RUN + 1):
            run = " ".join(w[i : i + RUN])
            found[hashlib.sha256(run.encode()).hexdigest()[:16]] = run
    return found


def fingerprints(text: str) -> set[str]:
    """The fingerprints of every run of RUN words in `text`."""
    return set(runs(text))
