"""A cheaper form of PySide6's check on every import that follows it.

Importing ``PySide6.QtCore`` replaces ``builtins.__import__``: after each later import,
``PySide6.support.feature.feature_imported`` asks ``_mod_uses_pyside(module)`` whether the
module's source mentions "PySide6" (to support ``from __feature__ import snake_case``).
That function calls ``inspect.getsource``, which looks the module up among every loaded
module each time: about 0.5 ms per import, over 100 ms for SQLAlchemy and the services
that load after the window is up (see https://github.com/napari/napari/issues/8584).

``install()`` swaps in a function that answers without reading a file where the answer is
known, and with one plain read of the file's bytes (does it contain ``PySide6``?) where it is
not; PySide's own is asked for anything else. Reading the ~150 sources that load before
the first window was still ~8 ms of the open on the GUI thread (#17), so:

- the standard library never uses PySide6: no (-1, "ignored", PySide's own answer);
- OpsDesk's own modules are answered yes (0): the selection they all run under, with no
  ``__feature__`` (a module that imports ``__feature__`` is recorded by PySide's import
  hook itself, whatever this function says). PySide's own answer for a module without
  Qt in it is -1, which keeps whatever selection ran last: the same 0 while nothing selects
  a feature, and still 0 if some other package ever did.

If a PySide6 release renames these internals, nothing is changed.
"""

from __future__ import annotations

import os
import sys
from typing import Any

_installed = False


def install() -> bool:
    """Use the cheaper check; True when it is in place."""
    global _installed
    if _installed:
        return True
    feature: Any = sys.modules.get("PySide6.support.feature")  # (PySide's internals)
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None:
        return False

    frozen = bool(getattr(sys, "frozen", False))
    stdlib = os.path.dirname(os.__file__) + os.sep
    site = ("site-packages", "dist-packages")

    def mod_uses_pyside(module) -> bool:
        name = getattr(module, "__name__", "")
        if isinstance(name, str) and (name == "opsdesk" or name.startswith("opsdesk.")):
            return True
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.startswith(stdlib) \
                and not any(part in path for part in site):
            return False
        if not isinstance(path, str) or not path.endswith(".py"):
            # the frozen app (make dist) has no sources: PySide's check would fail, slowly
            # (about 0.4 ms an import), to the same answer
            return False if frozen else original(module)
        try:
            with open(path, "rb") as fh:
                return b"PySide6" in fh.read()
        except OSError:
            return False

    feature._mod_uses_pyside = mod_uses_pyside
    _installed = True
    return True
