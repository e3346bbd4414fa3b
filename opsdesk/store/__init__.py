"""Storage: engines from a path or URL, migrations, backups and checks. No Qt."""

from opsdesk.store.engine import Store, open_store

__all__ = ["Store", "open_store"]
