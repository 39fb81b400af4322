"""`python -m cosmodrome` runs the same command as `cosmodrome`."""

from cosmodrome.cli import main

raise SystemExit(main())
