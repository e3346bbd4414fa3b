"""File dialogs never read file contents, so they never drop SQLite's locks (issue #12)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QFileSystemModel
from sqlalchemy import text

from opsdesk.store import open_store
from opsdesk.ui.widgets import file_dialog

OPSDESK = Path(__file__).resolve().parents[2] / "opsdesk"

# Run in another process: can it take a write lock on the bytes SQLite's readers hold a
# shared lock on (SHARED_FIRST = PENDING_BYTE + 2, 510 bytes)? POSIX locks of one process
# never conflict with each other, so the question has to come from outside.
PROBE = """
import fcntl, os, sys
fd = os.open(sys.argv[1], os.O_RDWR)
try:
    fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 510, 0x40000002)
except OSError:
    print("held")
else:
    print("free")
"""


def sqlite_locks(path: Path) -> str:
    result = subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_no_module_calls_qfiledialog_statics_directly():
    offenders = []
    for module in OPSDESK.rglob("*.py"):
        if module == OPSDESK / "ui" / "widgets" / "file_dialog.py":
            continue
        for n, line in enumerate(module.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"QFileDialog\s*\.\s*get", line):
                offenders.append(f"{module.relative_to(OPSDESK.parent)}:{n}: {line.strip()}")
    assert not offenders, "use opsdesk.ui.widgets.file_dialog instead:\n" + "\n".join(offenders)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX advisory locks")
@pytest.mark.parametrize("save", [False, True], ids=["open", "save"])
def test_dialog_on_the_database_folder_keeps_sqlite_locks(qtbot, seeded_copy, save):
    db = seeded_copy("live.db")  # no suffix Qt's mime database knows: sniffed by content
    (db.parent / "notes.csv").write_text("a,b\n", encoding="utf-8")
    store = open_store(db)
    try:
        with store.read() as s:
            s.execute(text("SELECT count(*) FROM tasks")).scalar()
        assert sqlite_locks(db) == "held"

        dialog = file_dialog.build_file_dialog(None, "Pick", str(db.parent), "All files (*)",
                                               save=save)
        qtbot.addWidget(dialog)
        assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
        model = dialog.findChild(QFileSystemModel)
        loaded: list[str] = []
        model.directoryLoaded.connect(loaded.append)
        dialog.show()
        qtbot.waitUntil(lambda: str(db.parent) in loaded, timeout=10000)
        index = model.index(str(db))
        # the gatherer has described the file (type and icon: what would have sniffed it)
        qtbot.waitUntil(lambda: model.type(index) == "DB file", timeout=10000)
        assert not model.fileIcon(index).isNull()
        assert model.type(model.index(str(db.parent / "notes.csv"))) == "CSV file"

        assert sqlite_locks(db) == "held"
        dialog.reject()
    finally:
        store.close()


def test_get_file_name_returns_like_qfiledialog(qtbot, tmp_path, monkeypatch):
    target = tmp_path / "out.png"
    seen = {}

    def answer(dialog: QFileDialog) -> int:
        seen["native"] = not dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
        seen["provider"] = dialog.iconProvider()
        dialog.selectFile(str(target))
        dialog.accept()
        return int(QFileDialog.DialogCode.Accepted)

    monkeypatch.setattr(QFileDialog, "exec", answer)
    path, chosen = file_dialog.get_save_file_name(None, "Save", str(tmp_path / "x.png"),
                                                  "PNG (*.png);;All files (*)")
    assert (Path(path), chosen) == (target, "PNG (*.png)")
    assert seen["native"] is False and seen["provider"] is file_dialog.icon_provider()

    monkeypatch.setattr(QFileDialog, "exec", lambda dialog: int(QFileDialog.DialogCode.Rejected))
    assert file_dialog.get_open_file_name(None, "Open", str(tmp_path), "") == ("", "")
