"""The frozen app's lists (packaging/bundle.py, read by packaging/opsdesk.spec) still cover
what OpsDesk loads by name at run time and the files it reads: a refactor that moves a data
folder or adds a module imported by name fails here, before ``make dist-test`` would."""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
from pathlib import Path, PureWindowsPath

import pytest

import opsdesk
from opsdesk import paths

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "opsdesk.spec"


@pytest.fixture(scope="module")
def bundle():
    spec = importlib.util.spec_from_file_location("opsdesk_packaging_bundle",
                                                  ROOT / "packaging" / "bundle.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def data_sources(bundle) -> list[Path]:
    found: list[Path] = []
    for pattern, _dest in bundle.DATA:
        found += sorted(ROOT.glob(pattern)) if "*" in pattern else [ROOT / pattern]
    return found


def bundled(bundle, relative: str) -> bool:
    """Is the repository file ``relative`` copied into the bundle at the same place?"""
    target = ROOT / relative
    for pattern, dest in bundle.DATA:
        for source in sorted(ROOT.glob(pattern)) if "*" in pattern else [ROOT / pattern]:
            if source.is_dir() and target.is_relative_to(source):
                inside = Path(dest) / target.relative_to(source)
            elif source == target:
                inside = Path(dest) / source.name
            else:
                continue
            if inside.as_posix().lstrip("./") == relative:
                return True
    return False


def test_every_data_source_exists(bundle):
    missing = [str(p) for p in data_sources(bundle) if not p.exists()]
    assert not missing
    assert all(dest for _src, dest in bundle.DATA)


@pytest.mark.parametrize("relative", [
    "resources/i18n/opsdesk_zh_CN.qm",
    "resources/i18n/opsdesk_en.qm",
    "resources/templates/ecommerce_launch.toml",
    "resources/styles/app.qss",
    "resources/icons/opsdesk.png",
    "opsdesk.db.sample",
    "opsdesk/store/migrations/env.py",
    "opsdesk/store/migrations/script.py.mako",
])
def test_files_read_at_run_time_are_bundled_where_the_code_looks(bundle, relative):
    assert (ROOT / relative).exists()
    assert bundled(bundle, relative), f"{relative} is not in packaging/bundle.py DATA"


def test_every_migration_and_template_is_bundled(bundle):
    from opsdesk.store import migrate
    from opsdesk.templates import loader

    versions = sorted(migrate.MIGRATIONS_DIR.glob("versions/*.py"))
    assert versions
    for path in versions:
        assert bundled(bundle, path.relative_to(ROOT).as_posix()), path
    for path in loader.TEMPLATE_DIR.iterdir():
        assert bundled(bundle, path.relative_to(ROOT).as_posix()), path
    # the code finds them relative to paths.ROOT, which the frozen app points at its bundle
    assert loader.TEMPLATE_DIR == paths.RESOURCES / "templates"
    assert migrate.MIGRATIONS_DIR == ROOT / "opsdesk" / "store" / "migrations"


def test_qt_translations_for_chinese_are_bundled(bundle):
    assert {"qt_zh_CN.qm", "qtbase_zh_CN.qm"} <= set(bundle.QT_TRANSLATIONS)
    assert bundle.dropped("PySide6/Qt/translations/qtbase_de.qm")  # the others are left out


def test_views_and_services_loaded_by_name_are_hidden_imports(bundle):
    from opsdesk.services import Services, _OnFirstUse
    from opsdesk.ui.views import VIEWS

    hidden = set(bundle.hidden_imports())
    lazy_services = [v.module for v in vars(Services).values() if isinstance(v, _OnFirstUse)]
    assert len(lazy_services) >= 10
    for module in lazy_services + [v.module for v in VIEWS]:
        assert module in hidden, f"{module} is imported by name but not declared"


def test_every_opsdesk_module_is_declared_but_not_the_migrations(bundle):
    modules = set(bundle.opsdesk_modules())
    on_disk = {".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
               for p in (ROOT / "opsdesk").rglob("*.py") if "migrations" not in p.parts}
    assert on_disk <= modules
    assert not any(".migrations" in m for m in modules)  # data files, loaded by Alembic


@pytest.mark.parametrize("module", [
    "pyqtgraph", "pyqtgraph.exporters", "psycopg", "psycopg_binary", "sqlalchemy.dialects.sqlite",
    "sqlalchemy.dialects.postgresql.psycopg", "alembic", "keyring.backends", "argon2", "lxml.etree",
    "python_calamine",
])
def test_third_party_modules_loaded_late_are_declared(bundle, module):
    assert module in bundle.THIRD_PARTY_HIDDEN


def test_no_qt_module_opsdesk_imports_is_excluded(bundle):
    used = set()
    for path in (ROOT / "opsdesk").rglob("*.py"):
        used |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    assert used, "the app imports Qt modules"
    assert used <= set(bundle.QT_MODULES_USED), f"new Qt modules: {used - set(bundle.QT_MODULES_USED)}"
    excluded = {e.removeprefix("PySide6.") for e in bundle.EXCLUDES if e.startswith("PySide6.")}
    assert not used & excluded
    for module in used | set(bundle.QT_MODULES_FOR_PYQTGRAPH):
        assert f"PySide6.{module}" not in bundle.EXCLUDES
        assert not bundle.dropped(f"PySide6/Qt/lib/libQt6{module.removeprefix('Qt')}.so.6")
    for module in bundle.QT_MODULES_FOR_PYQTGRAPH:
        assert f"PySide6.{module}" in bundle.THIRD_PARTY_HIDDEN
    # the platform plugins a desktop and CI need stay
    for plugin in ("platforms/libqxcb.so", "platforms/libqoffscreen.so",
                   "printsupport/libcupsprintersupport.so", "imageformats/libqsvg.so",
                   "imageformats/libqjpeg.so", "platforms/qwindows.dll", "platforms/libqcocoa.dylib"):
        assert not bundle.dropped(f"PySide6/Qt/plugins/{plugin}"), plugin


def test_the_spec_builds_from_the_lists_and_the_pyproject_version(bundle):
    text = SPEC.read_text(encoding="utf-8")
    ast.parse(text)  # (a spec is Python)
    for name in ("bundle.DATA", "bundle.QT_TRANSLATIONS", "bundle.hidden_imports()",
                 "bundle.EXCLUDES", "bundle.dropped", "bundle.version()", "entry.py"):
        assert name in text, name
    assert bundle.version() == opsdesk.__version__


def test_the_entry_point_runs_the_cli_main():
    tree = ast.parse((ROOT / "packaging" / "entry.py").read_text(encoding="utf-8"))
    imported = {(n.module, a.name) for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)
                for a in n.names}
    assert ("opsdesk.cli", "main") in imported and ("opsdesk", "preload") in imported


def test_paths_point_at_the_bundle_when_frozen(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths._root() == tmp_path
    monkeypatch.delattr(sys, "frozen")
    assert paths._root() == ROOT


# ---- the Windows guards (run here with Windows' answers faked)

def test_a_mapped_network_drive_is_a_network_share_on_windows(monkeypatch, tmp_path):
    import ctypes
    import types

    from opsdesk.store import netfs

    asked = []

    def drive_type(root):
        asked.append(root)
        return netfs.DRIVE_REMOTE if root.upper().startswith("Z:") else 3  # 3: a fixed disk

    fake = types.SimpleNamespace(kernel32=types.SimpleNamespace(GetDriveTypeW=drive_type))
    monkeypatch.setattr(ctypes, "windll", fake, raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.delenv(netfs.FORCE_ENV, raising=False)
    assert netfs.is_network_share(PureWindowsPath("Z:/plans/shop.db"))
    assert not netfs.is_network_share(PureWindowsPath("C:/Users/a/shop.db"))
    assert asked == ["Z:\\", "C:\\"]
    assert netfs.is_network_share(PureWindowsPath("//server/share/shop.db"))  # UNC: not asked
    assert len(asked) == 2


def test_chinese_font_prefers_yahei_on_windows_and_noto_here(qapp, monkeypatch):
    from PySide6.QtGui import QFont, QFontDatabase

    from opsdesk.ui import fonts

    assert fonts.preferred_cjk("win32")[:2] == ["Microsoft YaHei UI", "Microsoft YaHei"]
    monkeypatch.setattr(QFontDatabase, "families",
                        staticmethod(lambda *a: ["SimSun", "Microsoft YaHei", "Noto Sans CJK SC"]))
    assert fonts.cjk_family("win32") == "Microsoft YaHei"
    assert fonts.cjk_family("linux") == "Noto Sans CJK SC"
    font = fonts.add_cjk_fallback(QFont("Segoe UI"), "win32")
    assert font.families() == ["Segoe UI", "Microsoft YaHei"]
    monkeypatch.setattr(QFontDatabase, "families", staticmethod(lambda *a: []))
    assert fonts.cjk_family("win32") is None
    assert fonts.add_cjk_fallback(QFont("Segoe UI"), "win32").families() == ["Segoe UI"]
