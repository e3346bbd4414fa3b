"""Changes made by other processes reach the views: a timer polls the store's
``ChangeWatcher`` and hands what it finds to ``window.apply`` like any write's ``Changes``,
marked as made by another process (``initiator=REMOTE``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from opsdesk.errors import OpsDeskError

if TYPE_CHECKING:
    from opsdesk.services.session import ChangeWatcher


class ChangeSync(QObject):
    """Polls every ``POLL_INTERVAL_MS`` while a database is open; ignores this window's own
    writes (they were applied already)."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.watcher: ChangeWatcher | None = None
        self.timer = QTimer(self)
        self.timer.setObjectName("changeSyncTimer")
        self.timer.timeout.connect(self.poll)
        window.changes_applied.connect(self._own)

    def attach(self, store) -> None:
        # Imported here, not at start-up: the window paints before SQLAlchemy is loaded.
        from opsdesk.services.session import POLL_INTERVAL_MS, watch

        self.timer.setInterval(POLL_INTERVAL_MS)
        self.detach()
        try:
            self.watcher = watch(store)
        except Exception:  # noqa: BLE001 - no live updates is better than no window
            self.watcher = None
            return
        self.timer.start()

    def detach(self) -> None:
        self.timer.stop()
        if self.watcher is not None:
            self.watcher.close()
            self.watcher = None

    def _own(self, changes) -> None:
        if not changes.remote and self.watcher is not None:
            self.watcher.ignore(changes.change_id)

    def poll(self):
        if self.watcher is None:
            return None
        try:
            changes = self.watcher.poll()
        except (OpsDeskError, Exception):  # noqa: BLE001 - busy or gone: try again next tick
            return None
        if changes is not None:
            from opsdesk.services.changes import REMOTE

            changes = changes.by(REMOTE)
            self.window.apply(changes)
        return changes
