"""A cheaper form of PySide6's check on every import that follows it.

Importing ``PySide6.QtCore`` replaces ``builtins.__import__``: after each later import,
``PySide6.support.feature.feature_imported`` asks ``_mod_uses_pyside(module)`` whether the
module's source mentions "PySide6" (to support ``from __feature__ import snake_case``).
That function calls ``inspect.getsource``, which looks the module up among every loaded
module each time: about 0.5 ms per import, over 100 ms for SQLAlchemy and the services
that load after the window is up (see https://github.com/napari/napari/issues/8584).

``install()`` swaps in a function with the same answer for plain ``.py`` modules (the
file's bytes contain ``PySide6``) and defers to PySide's own for anything else. If a
PySide6 release renames these internals, nothing is changed.
"""

from __future__ import annotations

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

    def mod_uses_pyside(module) -> bool:
        path = getattr(module, "__file__", None)
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
