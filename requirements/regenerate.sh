#!/usr/bin/env bash
# Regenerates the lock files that CI installs from (see README, "Test"):
#   lock.txt    every dependency and test tool, pinned: CI's main run
#   lowest.txt  the lowest versions pyproject.toml allows: CI's second run proves the floors
# Needs uv (`pip install uv`). Pins already in the files are kept; pass --upgrade to
# move everything to the newest allowed versions, or --upgrade-package NAME for one.
set -euo pipefail
cd "$(dirname "$0")/.."
uv="${UV:-uv}"
common=(pyproject.toml --extra test --extra web --extra lsp --universal --python-version 3.11
  --custom-compile-command "bash requirements/regenerate.sh" --quiet)
"$uv" pip compile "${common[@]}" -o requirements/lock.txt "$@"
"$uv" pip compile "${common[@]}" --resolution lowest-direct -o requirements/lowest.txt "$@"
