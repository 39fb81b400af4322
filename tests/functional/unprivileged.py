"""Running the real `cosmodrome` command as an unprivileged user, so that permission
cases are tested where the suite runs as root (as CI does) and `chmod` denies nothing."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path

import pytest

from tests.functional.cli_runner import cosmodrome_command

USER = "nobody"


@cache
def _drop() -> tuple[str, ...] | None:
    """The command prefix that runs a program as `USER` (nothing when the suite is not
    root), or None when this system has no tool for it."""
    if os.geteuid() != 0:
        return ()
    if setpriv := shutil.which("setpriv"):
        return (setpriv, f"--reuid={USER}", f"--regid={_group()}", "--clear-groups")
    if runuser := shutil.which("runuser"):
        return (runuser, "-u", USER, "--")
    return None


def _group() -> int:
    import pwd

    return pwd.getpwnam(USER).pw_gid


def hand_over(path: Path) -> None:
    """Give `path` (and everything below it) to the unprivileged user."""
    if os.geteuid() != 0:
        return
    import pwd

    user = pwd.getpwnam(USER)
    for root, dirs, files in os.walk(path):
        for name in [root, *(os.path.join(root, n) for n in dirs + files)]:  # noqa: PTH118
            os.chown(name, user.pw_uid, user.pw_gid, follow_symlinks=False)


def as_unprivileged(command: Sequence[str]) -> list[str]:
    """`command` run as a user `chmod` applies to; skips the test only where the system
    has no `setpriv` or `runuser`."""
    prefix = _drop()
    if prefix is None:
        pytest.skip("neither setpriv nor runuser is installed: cannot drop root's privileges")
    if (cannot := _cannot_start(prefix)) is not None:
        pytest.skip(
            f"{USER} cannot run this checkout's cosmodrome (a private folder above it?): {cannot}"
        )
    return [*prefix, *command]


@cache
def _cannot_start(prefix: tuple[str, ...]) -> str | None:
    """Why `USER` cannot start the command at all (its folders private to root), or None."""
    if not prefix:
        return None
    probe = subprocess.run(
        [*prefix, *cosmodrome_command(), "--version"],
        capture_output=True,
        text=True,
        cwd="/",
        env={"PATH": os.environ.get("PATH", ""), "HOME": "/", "LANG": "C.UTF-8"},
        timeout=60,
        check=False,
    )
    return None if probe.returncode == 0 else (probe.stderr.strip().splitlines() or ["?"])[-1]


def run_unprivileged(
    args: Sequence[str],
    *,
    cwd: Path,
    env: dict[str, str] | None = None,
    stdin: str = "",
    timeout: float = 60,
) -> subprocess.CompletedProcess[str]:
    """The real `cosmodrome` run in `cwd` as a user `chmod` applies to; skips the test
    only where the system has no `setpriv` or `runuser`."""
    full_env = {"PATH": os.environ.get("PATH", ""), "HOME": str(cwd), "LANG": "C.UTF-8"}
    full_env.update(env or {})
    return subprocess.run(
        as_unprivileged([*cosmodrome_command(), *args]),
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=full_env,
        timeout=timeout,
        check=False,
    )


@pytest.fixture
def home() -> Iterator[Path]:
    """A folder the unprivileged user owns, reachable by it (pytest's own temporary
    folders are root's and private), removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="cosmodrome-unprivileged-", dir="/tmp"))
    folder.chmod(0o755)
    hand_over(folder)
    try:
        yield folder
    finally:
        for root, dirs, _files in os.walk(folder):  # chmod 0 folders would stop rmtree
            for name in dirs:
                os.chmod(os.path.join(root, name), 0o700)  # noqa: PTH101, PTH118
        shutil.rmtree(folder, ignore_errors=True)
