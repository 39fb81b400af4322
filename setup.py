"""Ships the repository's `story/` inside the wheel as `cosmodrome/data/story`.

The story lives at the top of the repository for authors; a built wheel has no
repository around it, so the build copies the story into the package. The sdist
carries `story/` (MANIFEST.in), so a wheel built from the sdist has it too.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithStory(build_py):
    def run(self) -> None:
        super().run()
        source = Path(__file__).parent / "story"
        if not (source / "story.yaml").is_file():  # a wheel without its story cannot play
            raise SystemExit(f"cannot build cosmodrome: no story at {source} (see MANIFEST.in)")
        target = Path(self.build_lib) / "cosmodrome" / "data" / "story"
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", ".*"))


setup(cmdclass={"build_py": BuildWithStory})
