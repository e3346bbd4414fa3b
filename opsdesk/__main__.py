"""``python -m opsdesk``: the command line (GUI when no subcommand is given)."""

from opsdesk.cli import main

raise SystemExit(main())
