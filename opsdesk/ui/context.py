"""What every view is handed: services, the signed-in actor, the language, settings, today."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the window paints before SQLAlchemy is imported
    from opsdesk.services import Actor, Services
    from opsdesk.services.session import Store
    from opsdesk.ui.settings import Settings


@dataclass
class AppContext:
    store: Store
    services: Services
    actor: Actor
    settings: Settings
    lang: str = "zh_CN"
    plan_id: int | None = None
    fixed_today: dt.date | None = field(default=None)

    def today(self) -> dt.date:
        return self.fixed_today or dt.date.today()

    @property
    def db_key(self) -> str:
        return self.store.display_name
