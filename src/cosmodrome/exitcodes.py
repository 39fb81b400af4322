"""The `cosmodrome` command's exit codes."""

from enum import IntEnum


class Exit(IntEnum):
    OK = 0
    FAILURE = 1  # story errors, failed checks, a refused save
    USAGE = 2  # bad arguments, a missing directory, not a story
    INCOMPLETE = 3  # an exhaustive test stopped on a bound: no problem found, and no proof
    INTERRUPTED = 130
