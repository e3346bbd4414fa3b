"""What the GUI benchmarks share: a signed-in view context on a database, and the RSS."""

from __future__ import annotations

import datetime as dt
from pathlib import Path


def rss_mb() -> float:
    """This process's resident memory in MB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def view_context(db, plan_id: int, as_of: str, login: str, tmp: Path, lang: str = "zh_CN"):
    """An ``AppContext`` for ``login`` on ``db``, with settings in ``tmp`` (never the user's)."""
    from PySide6.QtCore import QSettings

    from benchmarks.generate import sign_in
    from opsdesk.services import Services
    from opsdesk.store import open_store
    from opsdesk.ui.context import AppContext
    from opsdesk.ui.settings import Settings

    store = open_store(db)
    services = Services(store)
    actor = sign_in(services.people, login)
    settings = Settings(QSettings(str(Path(tmp) / "b.ini"), QSettings.Format.IniFormat))
    return AppContext(store=store, services=services, actor=actor, settings=settings, lang=lang,
                      plan_id=plan_id, fixed_today=dt.date.fromisoformat(as_of))
