"""Keep Python's garbage collector off the big loaded data (100k rows).

A full collection walks every tracked object; with a 100k-task plan loaded in several views
that takes most of a second, on whichever thread allocates, holding the GIL: the GUI stops.
Once a big load is in place, ``keep()`` moves what exists now out of the collector's sight
(``gc.freeze``): later collections walk only newer objects. Reference counting still frees
frozen data when it is replaced; only cycles among frozen objects wait for ``release()``,
called when the window lets everything go (another database or person).
"""

from __future__ import annotations

import gc


def keep() -> None:
    """What is loaded now stays: later collections do not walk it."""
    gc.freeze()


def release() -> None:
    """Everything is collectable again (the views were let go)."""
    gc.unfreeze()
