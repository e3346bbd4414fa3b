"""A store that opens when first needed (#17: the first screen shows before SQLAlchemy loads).

``DeferredStore`` stands for the SQLite file at ``path``: its name and whether it can be
written are known at once; anything else (``read()``, ``write()``, ``engine``, …) waits for
the real ``Store``. The real store is opened by ``start()`` on a plain thread (importing
SQLAlchemy and opening the engine there, off the GUI thread), or by the first use, which
waits for that thread or opens it itself. Errors of the open reach whoever waits for it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, Any

from opsdesk.store.plain import _writable

if TYPE_CHECKING:
    from opsdesk.store.engine import Store


class DeferredStore:
    """Stands for the store of the SQLite file ``path`` until it is open (see the module)."""

    is_sqlite = True
    network_share = False
    readonly_reason: str | None = None
    migrated_from: str | None = None

    def __init__(self, path: str | Path, opener: Callable[[], Store]) -> None:
        self.path = Path(path).expanduser().absolute()
        self.url = f"sqlite:///{self.path}"
        self._opener = opener
        self._future: Future[Store] | None = None
        self._lock = threading.Lock()

    @property
    def display_name(self) -> str:
        return str(self.path)

    @property
    def readonly(self) -> bool:
        if self.is_open:
            return self.real().readonly
        return not _writable(self.path)

    @property
    def is_open(self) -> bool:
        future = self._future
        return future is not None and future.done() and future.exception() is None

    def start(self) -> Future[Store]:
        """Open the real store on a plain thread (once); the future gives it."""
        with self._lock:
            if self._future is None:
                future: Future[Store] = Future()
                self._future = future

                def run() -> None:
                    try:
                        future.set_result(self._opener())
                    except BaseException as exc:  # noqa: BLE001 - handed to whoever waits
                        future.set_exception(exc)

                threading.Thread(target=run, name="opsdesk-open", daemon=True).start()
            return self._future

    def real(self) -> Store:
        """The open store (opening it now, and waiting for it, if it is not yet)."""
        return self.start().result()

    def close(self) -> None:
        future = self._future
        if future is not None and future.done() and future.exception() is None:
            future.result().close()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.real(), name)
