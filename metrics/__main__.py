"""``python -m metrics summary ...``: see :mod:`metrics.cli`."""

from metrics.cli import main

raise SystemExit(main())
