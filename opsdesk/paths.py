"""Where OpsDesk keeps its files: data, logs, resources. No Qt."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "OpsDesk"
ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
SAMPLE_DB = ROOT / "opsdesk.db.sample"


def data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(os.environ.get("OPSDESK_DATA_DIR") or user_data_dir(APP_NAME, False))


def log_dir() -> Path:
    from platformdirs import user_log_dir

    return Path(os.environ.get("OPSDESK_LOG_DIR") or user_log_dir(APP_NAME, False))


def default_db() -> Path:
    return data_dir() / "opsdesk.db"


def resolve_db(arg: str | None) -> str | Path:
    """``--db`` (a path or an SQLAlchemy URL), then ``$OPSDESK_DB``, then the default file."""
    value = arg or os.environ.get("OPSDESK_DB")
    if not value:
        return default_db()
    return value if "://" in value else Path(value).expanduser()
