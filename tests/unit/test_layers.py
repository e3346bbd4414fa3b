"""Layering rules that keep start-up fast and the core testable without a display:
the core never imports Qt or pyqtgraph, and opening an up-to-date database never imports
Alembic. Each check runs in a fresh interpreter so earlier imports cannot hide a violation."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import opsdesk

ROOT = Path(opsdesk.__file__).resolve().parents[1]
PACKAGE = ROOT / "opsdesk"


def _run(code: str) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _core_modules() -> list[str]:
    """Every module of the core packages, plus the non-GUI top-level modules that exist."""
    names = ["opsdesk", "opsdesk.errors"]
    for package in ("model", "store", "services", "templates"):
        names.append(f"opsdesk.{package}")
        for path in sorted((PACKAGE / package).glob("*.py")):
            if path.stem != "__init__":
                names.append(f"opsdesk.{package}.{path.stem}")
    for top in ("cli", "paths", "sample"):
        if (PACKAGE / f"{top}.py").exists():
            names.append(f"opsdesk.{top}")
    return names


def test_core_modules_are_listed():
    names = _core_modules()
    for expected in ("opsdesk.services", "opsdesk.store", "opsdesk.model", "opsdesk.templates",
                     "opsdesk.store.engine", "opsdesk.services.tasks", "opsdesk.model.dates"):
        assert expected in names
    assert (PACKAGE / "cli.py").exists() == ("opsdesk.cli" in names)


def test_core_never_imports_qt():
    result = _run(f"""
        import importlib, json, sys
        for name in {_core_modules()!r}:
            importlib.import_module(name)
        bad = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "pyqtgraph",
                                                                  "shiboken6"))
        print(json.dumps({{"bad": bad, "loaded": "opsdesk.services.tasks" in sys.modules}}))
    """)
    assert result["loaded"]
    assert result["bad"] == []


def test_detection_works():
    """The check above would notice Qt if it were imported (guards against a vacuous pass)."""
    result = _run("""
        import json, sys
        import PySide6.QtCore  # noqa: F401
        print(json.dumps(sorted(m for m in sys.modules if m.startswith("PySide6"))))
    """)
    assert "PySide6.QtCore" in result


def test_opening_an_up_to_date_database_does_not_import_alembic(seeded_copy, world):
    path = seeded_copy("head.db")
    result = _run(f"""
        import json, sys
        from opsdesk.services import Services
        from opsdesk.store import open_store
        from opsdesk.store.check import check_store
        store = open_store({str(path)!r})
        services = Services(store)
        tasks = len(services.tasks.list({world.plan_id}))
        ok = check_store(store).ok
        services.tasks.comment(services.people.authenticate("ops"), 1, "no migration needed")
        store.close()
        print(json.dumps({{"tasks": tasks, "ok": ok,
                           "alembic": sorted(m for m in sys.modules if m.startswith("alembic")),
                           "qt": sorted(m for m in sys.modules if m.startswith("PySide6"))}}))
    """)
    assert result["tasks"] == len(world.template.tasks) and result["ok"]
    assert result["alembic"] == []
    assert result["qt"] == []


def test_creating_a_database_does_import_alembic(tmp_path):
    """The positive control: a new database is made by Alembic's migrations."""
    result = _run(f"""
        import json, sys
        from opsdesk.store import open_store
        open_store({str(tmp_path / "new.db")!r}, create=True).close()
        print(json.dumps("alembic" in sys.modules))
    """)
    assert result is True
