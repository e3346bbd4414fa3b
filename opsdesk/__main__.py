"""``python -m opsdesk``: the command line (GUI when no subcommand is given)."""

import sys

from opsdesk import preload

preload.start_from_argv(sys.argv[1:])  # the collector waits until the data shows: see opsdesk/preload.py

from opsdesk.cli import main  # noqa: E402

raise SystemExit(main())
