"""Typed accessors over ``QSettings``: no call site reads a raw key."""

from __future__ import annotations

import os
from typing import cast

from PySide6.QtCore import QByteArray, QSettings

from opsdesk.secrets import without_password

SCHEMA_VERSION = 1
MAX_RECENT = 8


class Settings:
    """One place for every remembered setting, grouped and versioned."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._s = qsettings or QSettings()
        if int(cast("int | str", self._s.value("meta/schema", 0)) or 0) < SCHEMA_VERSION:
            self._s.setValue("meta/schema", SCHEMA_VERSION)
        self._scrub_passwords()

    def sync(self) -> None:
        self._s.sync()

    # ---- reminders (the tray icon and the morning notification)
    def reminder_time(self) -> str | None:
        """"HH:MM" of the morning notification of due work; None: no morning notice."""
        value = self._s.value("reminders/time", "09:00")
        return str(value) if value else None

    def set_reminder_time(self, value: str | None) -> None:
        self._s.setValue("reminders/time", value or "")

    def keep_in_tray(self) -> bool:
        """Closing the window keeps OpsDesk running in the tray (with its reminders)."""
        return str(self._s.value("reminders/keep_in_tray", "false")).lower() in ("true", "1")

    def set_keep_in_tray(self, on: bool) -> None:
        self._s.setValue("reminders/keep_in_tray", "true" if on else "false")

    def reminded_on(self, who: str) -> str | None:
        """The ISO date ``who`` (a database's login) last got the morning notice."""
        value = self._s.value(f"reminders/last/{_key(who)}")
        return str(value) if value else None

    def set_reminded_on(self, who: str, day: str) -> None:
        self._s.setValue(f"reminders/last/{_key(who)}", day)

    # ---- general
    def language(self) -> str | None:
        value = self._s.value("general/language")
        return str(value) if value else None

    def set_language(self, lang: str) -> None:
        self._s.setValue("general/language", lang)

    def cjk_font_warned(self) -> bool:
        return cast(bool, self._s.value("general/cjk_font_warned", False, type=bool))

    def set_cjk_font_warned(self) -> None:
        self._s.setValue("general/cjk_font_warned", True)

    # ---- backups and sharing (ui/dialogs/backup.py)
    def backup_keep(self) -> int:
        """How many backups to keep in the backups folder (rolling)."""
        return max(1, int(cast("int | str", self._s.value("backup/keep", 10)) or 10))

    def set_backup_keep(self, keep: int) -> None:
        self._s.setValue("backup/keep", max(1, int(keep)))

    def daily_backup(self) -> bool:
        """Make the daily backup when a database opens (off only for throwaway copies, such
        as the one ``opsdesk shot`` renders from)."""
        return cast(bool, self._s.value("backup/daily", True, type=bool))

    def set_daily_backup(self, on: bool) -> None:
        self._s.setValue("backup/daily", bool(on))

    def network_share_noticed(self) -> bool:
        return cast(bool, self._s.value("backup/network_share_noticed", False, type=bool))

    def set_network_share_noticed(self) -> None:
        self._s.setValue("backup/network_share_noticed", True)

    # ---- databases (server URLs without their passwords: see opsdesk/secrets.py)
    def last_db(self) -> str | None:
        value = self._s.value("db/last")
        if not value:
            return None
        target = str(without_password(str(value)))
        if target != str(value):
            self._s.setValue("db/last", target)
        return target

    def recent_dbs(self) -> list[str]:
        value = self._s.value("db/recent", [])
        if isinstance(value, str):
            value = [value]
        stored = [str(v) for v in cast(list, value or [])]
        recent = _unique(str(without_password(v)) for v in stored)
        if recent != stored:
            self._s.setValue("db/recent", recent)
        return recent

    def remember_db(self, target: str) -> None:
        """Remember ``target`` as the last and most recent database, never with a password;
        a file by its absolute path (``run/opsdesk.db`` would not open from another folder)."""
        target = str(without_password(str(target)))
        if "://" not in target:
            target = os.path.abspath(os.path.expanduser(target))
        recent = [target] + [r for r in self.recent_dbs() if r != target]
        self._s.setValue("db/recent", recent[:MAX_RECENT])
        self._s.setValue("db/last", target)

    def _scrub_passwords(self) -> None:
        """Rewrite database URLs an older OpsDesk stored with their passwords."""
        self.last_db()
        self.recent_dbs()

    def last_login(self, db: str) -> str | None:
        value = self._s.value(f"login/{_key(db)}")
        return str(value) if value else None

    def set_last_login(self, db: str, login: str) -> None:
        self._s.setValue(f"login/{_key(db)}", login)

    def last_plan(self, db: str) -> int | None:
        value = self._s.value(f"plan/{_key(db)}")
        return int(value) if value else None

    def set_last_plan(self, db: str, plan_id: int) -> None:
        self._s.setValue(f"plan/{_key(db)}", plan_id)

    # ---- main window
    def window_geometry(self) -> QByteArray | None:
        value = self._s.value("main_window/geometry")
        return value if isinstance(value, QByteArray) else None

    def window_state(self) -> QByteArray | None:
        value = self._s.value("main_window/state")
        return value if isinstance(value, QByteArray) else None

    def set_window_layout(self, geometry: QByteArray, state: QByteArray) -> None:
        self._s.setValue("main_window/geometry", geometry)
        self._s.setValue("main_window/state", state)

    # ---- tasks view
    def tasks_filters(self) -> dict:
        return _json(self._s.value("tasks/filters"), {})

    def set_tasks_filters(self, filters: dict) -> None:
        self._s.setValue("tasks/filters", _dumps(filters))

    def tasks_saved_filters(self) -> dict[str, dict]:
        return _json(self._s.value("tasks/saved_filters"), {})

    def set_tasks_saved_filters(self, saved: dict[str, dict]) -> None:
        self._s.setValue("tasks/saved_filters", _dumps(saved))

    def tasks_grouped(self) -> bool:
        return cast(bool, self._s.value("tasks/grouped", True, type=bool))

    def set_tasks_grouped(self, grouped: bool) -> None:
        self._s.setValue("tasks/grouped", grouped)

    def tasks_header(self) -> QByteArray | None:
        value = self._s.value("tasks/header")
        return value if isinstance(value, QByteArray) else None

    def set_tasks_header(self, state: QByteArray) -> None:
        self._s.setValue("tasks/header", state)

    # ---- timeline view
    def timeline_group(self) -> str:
        value = str(self._s.value("timeline/group", "phase") or "phase")
        return value if value in ("phase", "role", "person") else "phase"

    def set_timeline_group(self, mode: str) -> None:
        self._s.setValue("timeline/group", mode)

    def working_days(self) -> bool:
        """Count durations and shifts in China's working days (holidays, 调休) instead of
        calendar days: an app setting, like the other views' options."""
        return cast(bool, self._s.value("schedule/working_days", False, type=bool))

    def set_working_days(self, on: bool) -> None:
        self._s.setValue("schedule/working_days", bool(on))


def _json(value, default):
    import json

    try:
        data = json.loads(value) if isinstance(value, str) and value else default
    except ValueError:
        return default
    return data if isinstance(data, type(default)) else default


def _dumps(value) -> str:
    import json

    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _key(db: str) -> str:
    try:  # (CPython's own SHA-1: importing hashlib loads OpenSSL, ~6 ms of every start)
        from _sha1 import sha1
    except ImportError:
        from hashlib import sha1

    db = str(without_password(db))  # a display name shows a password as ***: the same key
    return sha1(db.encode()).hexdigest()[:12]


def _unique(values) -> list[str]:
    return list(dict.fromkeys(values))
