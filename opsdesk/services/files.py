"""The live-database file guard, for the UI: files a person names (exports, images, PDFs,
imports) are opened, written and replaced only through these, which refuse the database
this process has open or its ``-wal``/``-shm``/``-journal`` (``opsdesk.store.files`` says
why). The UI reaches the store only through the services, so it imports them from here.
No Qt."""

from __future__ import annotations

from opsdesk.store.files import (
    LiveDatabaseFile,
    is_live,
    read_user_bytes,
    refuse_live,
    replace_user_file,
    write_user_bytes,
)

__all__ = [
    "LiveDatabaseFile",
    "is_live",
    "read_user_bytes",
    "refuse_live",
    "replace_user_file",
    "write_user_bytes",
]
