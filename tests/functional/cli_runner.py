"""Running the real `cosmodrome` command in a subprocess, as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path


def cosmodrome_command() -> list[str]:
    """The installed console script next to this interpreter, else `python -m cosmodrome`."""
    script = Path(sys.executable).parent / "cosmodrome"
    return [str(script)] if script.exists() else [sys.executable, "-m", "cosmodrome"]


def run_cosmodrome(
    args: Sequence[str],
    *,
    stdin: str = "",
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 60,
) -> subprocess.CompletedProcess[str]:
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run(
        [*cosmodrome_command(), *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=full_env,
        timeout=timeout,
        check=False,
    )
