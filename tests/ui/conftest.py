"""UI fixtures: a real database in tmp_path, isolated QSettings, an AppContext harness."""

from __future__ import annotations

import datetime as dt
import sys

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from opsdesk.services import Actor, Services
from opsdesk.store import open_store
from opsdesk.templates import load_template

LAUNCH = dt.date(2026, 9, 1)
TODAY = dt.date(2026, 9, 20)


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch, qapp):
    QCoreApplication.setOrganizationName("OpsDeskTests")
    QCoreApplication.setApplicationName("OpsDeskTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    monkeypatch.setenv("OPSDESK_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.setenv("OPSDESK_DATA_DIR", str(tmp_path / "data"))
    from opsdesk.ui.i18n import translators

    translators().install("en")
    hook = sys.excepthook
    yield
    sys.excepthook = hook
    translators().install("en")


@pytest.fixture
def db_path(tmp_path):
    """A plan from the template with a manager (password) and staff (no password)."""
    path = tmp_path / "plan.db"
    store = open_store(path, create=True)
    services = Services(store)
    system = Actor.system()
    plan = services.plans.create_from_template(system, load_template("ecommerce-launch"), LAUNCH,
                                               lang="zh_CN")
    services.people.create_user(system, "王经理", "manager", "operations", is_manager=True,
                                password="secret")
    services.people.create_user(system, "李客服", "kefu", "customer_service")
    services.people.create_user(system, "赵美工", "meigong", "designer")
    kefu = services.people.authenticate("kefu")
    tasks = services.tasks.list(plan.plan_id)
    # Some work done, one blocked, so the overview has something to show.
    for t in tasks[:5]:
        services.tasks.tick_off(system, t.id)
    services.tasks.update(system, tasks[6].id, status="blocked")
    cs_task = next(t for t in tasks if t.role_id in kefu.role_ids and t.status == "todo")
    services.tasks.update(system, cs_task.id, assignee_id=kefu.user_id)
    store.close()
    return path


@pytest.fixture
def ctx(db_path):
    from opsdesk.ui.context import AppContext
    from opsdesk.ui.settings import Settings

    store = open_store(db_path)
    services = Services(store)
    actor = services.people.authenticate("manager", "secret")
    context = AppContext(store=store, services=services, actor=actor, settings=Settings(),
                         lang="en", fixed_today=TODAY)
    yield context
    store.close()
