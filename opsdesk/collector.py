"""Pausing Python's cyclic garbage collector around bulk work.

Reading or importing a big plan makes hundreds of thousands of small objects (one record a
task, its tuples and dicts) that hold no reference cycles: reference counting frees them.
Every 700 allocations the collector would still walk the young ones and, as the heap grows,
ever more of the old ones: about a second of a 300,000-task import doing nothing. ``paused``
turns it off for the work and back on after (only if it was on, and only once the last of
several overlapping pauses, from any thread, has ended)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_resume = False


@contextmanager
def paused() -> Iterator[None]:
    global _depth, _resume
    with _lock:
        if _depth == 0:
            _resume = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _resume:
                gc.enable()
