"""Keep Python's garbage collector off the big loaded data (100k rows), and give back memory
that only the loading needed.

A full collection walks every tracked object; with a 100k-task plan loaded in several views
that takes most of a second, on whichever thread allocates, holding the GIL: the GUI stops.
Once a big load is in place, ``keep()`` moves what exists now out of the collector's sight
(``gc.freeze``): later collections walk only newer objects. Reference counting still frees
frozen data when it is replaced; only cycles among frozen objects wait for ``release()``,
called when the window lets everything go (another database or person).

``keep()`` also calls ``trim()`` (issue #17, memory at 100k tasks):

- PySide's import hook reads the source of every module imported after it (to see whether
  the module uses ``__feature__``) through ``linecache``, which keeps every line: 25 MB once
  the Tasks and Timeline views are imported, 5 MB more with pyqtgraph. The lines are only
  needed again for a traceback, and ``linecache`` reads them again then.
- glibc's allocator keeps memory a thread freed (a reload's old rows, the texts a load was
  split from) for that thread's next allocations; ``malloc_trim`` hands it back.
"""

from __future__ import annotations

import gc
import linecache
from collections.abc import Callable

_malloc_trim: Callable[[int], int] | None = None
_looked_up = False


def _trimmer() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim`` (looked up on first use, not at start-up)."""
    global _malloc_trim, _looked_up
    if not _looked_up:
        from opsdesk.preload import glibc

        _looked_up = True
        _malloc_trim = glibc("malloc_trim")
    return _malloc_trim


def keep() -> None:
    """What is loaded now stays: later collections do not walk it (after ``trim()``).
    (While the app starts the collector is paused and everything made is frozen once the
    first view shows its data, ``preload.resume_gc``: nothing to do here then.)"""
    from opsdesk import preload

    if preload.starting():
        return
    trim()
    gc.freeze()


def trim() -> None:
    """Let go of the source lines imports cached and of memory the allocator kept."""
    linecache.clearcache()
    trimmer = _trimmer()
    if trimmer is not None:
        trimmer(0)


def release() -> None:
    """Everything is collectable again (the views were let go)."""
    gc.unfreeze()
