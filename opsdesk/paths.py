"""Where OpsDesk keeps its files: data, logs, resources. No Qt."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "OpsDesk"


def _root() -> Path:
    """The folder holding ``resources/`` and the sample: the repository (or the installed
    package's parent), or, in the frozen app (PyInstaller, ``make dist``), the bundle's own
    folder (``sys._MEIPASS``: ``_internal`` next to the executable)."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).resolve().parent))
    return Path(__file__).resolve().parent.parent


FROZEN = bool(getattr(sys, "frozen", False))
ROOT = _root()
RESOURCES = ROOT / "resources"
SAMPLE_DB = ROOT / "opsdesk.db.sample"


def data_dir() -> Path:
    if chosen := os.environ.get("OPSDESK_DATA_DIR"):
        return Path(chosen)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, False))


def log_dir() -> Path:
    if chosen := os.environ.get("OPSDESK_LOG_DIR"):
        return Path(chosen)
    from platformdirs import user_log_dir

    return Path(user_log_dir(APP_NAME, False))


def default_db() -> Path:
    return data_dir() / "opsdesk.db"


def resolve_db(arg: str | None) -> str | Path:
    """``--db`` (a path or an SQLAlchemy URL), then ``$OPSDESK_DB``, then the default file."""
    value = arg or os.environ.get("OPSDESK_DB")
    if not value:
        return default_db()
    return value if "://" in value else Path(value).expanduser()
