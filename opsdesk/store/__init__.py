"""Storage: engines from a path or URL, migrations, backups and checks. No Qt.

``Store`` and ``open_store`` are loaded on first use, so ``opsdesk.store.inspect`` can be
imported without SQLAlchemy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from opsdesk.store.engine import Store, open_store

__all__ = ["Store", "open_store"]


def __getattr__(name: str):
    if name in __all__:
        from opsdesk.store import engine

        return getattr(engine, name)
    raise AttributeError(name)
