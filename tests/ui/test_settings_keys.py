"""Per-database settings keys."""

from __future__ import annotations


def test_settings_keys_stay_what_they_were():
    """A database's settings (its last plan, column widths…) are filed under the SHA-1 of its
    name, now computed by CPython's own module: the same keys, so nothing saved is lost."""
    import hashlib

    from opsdesk.ui.settings import _key, without_password

    for db in ("/home/a/opsdesk.db", "postgresql+psycopg://ops:secret@db/ops", "D:/店铺/计划.db"):
        shown = str(without_password(db))
        assert _key(db) == hashlib.sha1(shown.encode()).hexdigest()[:12]
    assert _key("postgresql+psycopg://ops:secret@db/ops") == _key("postgresql+psycopg://ops:other@db/ops")
