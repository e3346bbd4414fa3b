"""The frozen executable's entry point (PyInstaller runs this as ``__main__``).

The same as ``python -m opsdesk``: the desktop app without a command, the CLI with one.
"""

import sys

from opsdesk import preload

preload.start_from_argv(sys.argv[1:])  # see opsdesk/preload.py

from opsdesk.cli import main  # noqa: E402

raise SystemExit(main())
