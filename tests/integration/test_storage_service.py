"""The storage service (issue #12): who may back up, restore and copy the database."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from opsdesk.errors import AuthError, PermissionDenied
from opsdesk.services import Services, permissions
from opsdesk.services.storage import restore_damaged_file
from opsdesk.store import backup as bk
from tests.conftest import MANAGER_PASSWORD

pytestmark = pytest.mark.sqlite_only


def _titles(store) -> list[str]:
    with store.engine.connect() as conn:
        return list(conn.execute(text("SELECT title FROM tasks ORDER BY id")).scalars())


def test_staff_may_only_make_rolling_backups(services: Services, world, tmp_path):
    staff = world.actors["cs"]
    out = tmp_path / "elsewhere" / "copy.db"
    with pytest.raises(PermissionDenied) as info:
        services.storage.backup(staff, out)
    assert info.value.params["right"] == permissions.COPY_DATABASE
    assert "Cs may not copy the whole database" in info.value.message
    assert not out.exists()
    with pytest.raises(PermissionDenied) as info:
        services.storage.migrate_to(staff, "postgresql+psycopg://x@127.0.0.1:9/none")
    assert info.value.params["right"] == permissions.COPY_DATABASE
    made = services.storage.rolling_backup(staff, "manual", keep=3)
    assert made.parent == bk.backup_dir_for(services.store.path) and made.exists()
    with pytest.raises(PermissionDenied):
        services.storage.rolling_backup(None, "manual")  # type: ignore[arg-type]


def test_manager_backs_up_anywhere_and_restores(services: Services, world, tmp_path):
    out = services.storage.backup(world.manager, tmp_path / "elsewhere" / "copy.db")
    before = _titles(services.store)
    services.tasks.update(world.manager, world.tasks["tmall_ready"], title="changed")
    with pytest.raises(PermissionDenied) as info:
        services.storage.restore(world.actors["cs"], out)
    assert info.value.params["right"] == permissions.RESTORE
    assert "changed" in _titles(services.store)
    safety = services.storage.restore(world.manager, out)
    assert _titles(services.store) == before and safety.exists()
    # the restore is in the restored change log, by the manager
    with services.store.engine.connect() as conn:
        row = conn.execute(text("SELECT user_id, entity, action FROM changes "
                                "ORDER BY id DESC LIMIT 1")).one()
    assert tuple(row) == (world.users["manager"], "database", "restore")


def test_restore_onto_a_damaged_file(services: Services, world, tmp_path):
    good = services.storage.backup(world.manager, tmp_path / "good.db")
    services.store.close()
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(good.read_bytes()[:20000])
    data = damaged.read_bytes()
    for login, password, error in [("cs", None, PermissionDenied),
                                   ("manager", "wrong", AuthError),
                                   ("manager", None, AuthError),
                                   ("nobody", None, AuthError)]:
        with pytest.raises(error):
            restore_damaged_file(damaged, good, login, password)
        assert damaged.read_bytes() == data
    good_bytes = good.read_bytes()
    aside = restore_damaged_file(damaged, good, "manager", MANAGER_PASSWORD)
    assert aside.read_bytes() == data and aside.name.startswith("damaged.db.damaged-")
    assert good.read_bytes() == good_bytes  # the backup was only read
    from opsdesk.store import open_store

    restored = open_store(damaged)
    try:
        assert Services(restored).people.authenticate("manager", MANAGER_PASSWORD).is_manager
    finally:
        restored.close()
