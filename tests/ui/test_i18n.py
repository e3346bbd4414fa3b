"""Every user-visible string is translated, and the shipped .qm files match the sources."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from opsdesk.ui.i18n import I18N_DIR, translators

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "opsdesk").rglob("*.py"))


def _messages(ts: Path):
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_no_unfinished_translation(lang):
    unfinished = []
    for context, message in _messages(I18N_DIR / f"opsdesk_{lang}.ts"):
        translation = message.find("translation")
        if translation.get("type") in ("vanished", "obsolete"):
            continue
        forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
        if translation.get("type") == "unfinished" or not all(forms):
            unfinished.append(f"{context}: {message.findtext('source')}")
    assert not unfinished, "untranslated strings (run make i18n and translate):\n" + "\n".join(unfinished)


def test_ts_files_are_up_to_date(tmp_path):
    """lupdate over the sources finds no string the committed .ts lacks."""
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    assert lupdate, "pyside6-lupdate is installed with PySide6"
    fresh = tmp_path / "fresh.ts"
    shutil.copy(I18N_DIR / "opsdesk_zh_CN.ts", fresh)
    subprocess.run([lupdate, *SOURCES, "-ts", str(fresh)], cwd=ROOT, check=True,
                   capture_output=True)
    committed = {(c, m.findtext("source")) for c, m in _messages(I18N_DIR / "opsdesk_zh_CN.ts")
                 if m.find("translation").get("type") not in ("vanished", "obsolete")}
    current = {(c, m.findtext("source")) for c, m in _messages(fresh)
               if m.find("translation").get("type") not in ("vanished", "obsolete")}
    assert current <= committed, f"new strings not in the .ts (run make i18n): {current - committed}"


def test_qm_is_compiled_from_the_ts():
    for lang in ("zh_CN", "en"):
        qm, ts = I18N_DIR / f"opsdesk_{lang}.qm", I18N_DIR / f"opsdesk_{lang}.ts"
        assert qm.exists() and qm.stat().st_size > 0
        assert qm.stat().st_mtime >= ts.stat().st_mtime - 1 or _same_after_lrelease(ts, qm)


def _same_after_lrelease(ts: Path, qm: Path) -> bool:
    import tempfile

    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "x.qm"
        subprocess.run([lrelease, str(ts), "-qm", str(out)], check=True, capture_output=True)
        return out.read_bytes() == qm.read_bytes()


def test_chinese_is_loaded_with_plurals(qapp):
    t = translators()
    try:
        assert t.install("zh_CN")
        assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
        assert "天" in QCoreApplication.translate("OverviewView", "%n day(s)", "", 3)
        assert "3" in QCoreApplication.translate("OverviewView", "%n day(s)", "", 3)
        # Core error templates are translated through the "Errors" context.
        assert QCoreApplication.translate("Errors", "You are not allowed to do this.") != \
            "You are not allowed to do this."
        assert t.install("en")
        assert QCoreApplication.translate("OverviewView", "%n day(s)", "", 1) == "1 day"
        assert QCoreApplication.translate("OverviewView", "%n day(s)", "", 4) == "4 days"
    finally:
        t.install("en")
