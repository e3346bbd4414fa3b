"""What the frozen OpsDesk carries: the lists ``packaging/opsdesk.spec`` builds from.

Kept apart from the spec (and free of PyInstaller imports) so that
``tests/unit/test_packaging.py`` checks them in ``make test``: a refactor that moves a data
folder or adds a module loaded by name fails there, not only in ``make dist-test``.
"""

from __future__ import annotations

import pkgutil
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "OpsDesk"  # the folder in dist/ and the window's name
EXE = "opsdesk"  # the executable (on Windows also opsdesk-cli.exe, with a console)
ICON_PNG = "resources/icons/opsdesk.png"
ICON_ICO = "resources/icons/opsdesk.ico"
ICON_ICNS = "resources/icons/opsdesk.icns"  # macOS: made by packaging/make_icon.py on a Mac

# (source, relative to the repository; its folder inside the bundle, relative to the root
# that opsdesk.paths.ROOT points at when frozen). Globs are allowed.
DATA: list[tuple[str, str]] = [
    ("resources/i18n/*.qm", "resources/i18n"),  # OpsDesk's translations (not the .ts sources)
    ("resources/templates", "resources/templates"),  # plan templates (TOML)
    ("resources/styles", "resources/styles"),  # app.qss
    ("resources/icons", "resources/icons"),  # the window / executable icon
    ("resources/postgres", "resources/postgres"),  # grants.sql for a server's administrator
    # Alembic reads env.py and the revisions as files from script_location.
    ("opsdesk/store/migrations/env.py", "opsdesk/store/migrations"),
    ("opsdesk/store/migrations/script.py.mako", "opsdesk/store/migrations"),
    ("opsdesk/store/migrations/versions/*.py", "opsdesk/store/migrations/versions"),
    ("opsdesk.db.sample", "."),  # the sample plan ("Open the sample")
    ("LICENSE", "."),
]

# Qt's own translations for the interface languages (QDialogButtonBox, QFileDialog, …):
# qt_zh_CN is the catalogue that pulls in qtbase_zh_CN. Everything else in PySide6's
# translations folder (other languages, Designer, Assistant) is left out.
QT_TRANSLATIONS = ["qt_zh_CN.qm", "qtbase_zh_CN.qm", "qt_help_zh_CN.qm"]

# Third-party modules imported by name at run time, or only inside functions that
# PyInstaller's analysis may not follow.
THIRD_PARTY_HIDDEN = [
    "pyqtgraph",  # the KPI charts, imported when the KPI view opens
    "pyqtgraph.exporters",  # chart export to PNG / SVG
    "PySide6.QtOpenGL",  # pyqtgraph's curves import these by name
    "PySide6.QtOpenGLWidgets",
    "pyqtgraph.graphicsItems.ViewBox.axisCtrlTemplate_generic",  # loaded by Qt binding name
    "pyqtgraph.graphicsItems.PlotItem.plotConfigTemplate_generic",
    "pyqtgraph.imageview.ImageViewTemplate_generic",
    "psycopg",  # PostgreSQL, only when a server URL is opened
    "psycopg_binary",
    "psycopg_binary.pq",
    "psycopg_binary._psycopg",
    "sqlalchemy.dialects.sqlite",
    "sqlalchemy.dialects.sqlite.pysqlite",
    "sqlalchemy.dialects.postgresql",
    "sqlalchemy.dialects.postgresql.psycopg",
    "alembic",
    "alembic.context",
    "alembic.op",
    "alembic.runtime.migration",
    "alembic.ddl.sqlite",
    "alembic.ddl.postgresql",
    "keyring",  # remembered server passwords; backends are found by entry point
    "keyring.backends",
    "keyring.backends.fail",
    "keyring.backends.chainer",
    "keyring.backends.SecretService",
    "keyring.backends.kwallet",
    "keyring.backends.Windows",
    "keyring.backends.macOS",
    "argon2",  # password hashes
    "argon2._password_hasher",
    "_cffi_backend",
    "lxml",  # openpyxl writes large XLSX files with it
    "lxml.etree",
    "openpyxl",
    "python_calamine",  # spreadsheet imports (interchange/xlsx_read.py)
    "defusedxml.ElementTree",
    "icalendar",
    "dateutil.rrule",
    "platformdirs",
    "tomllib",
]

# Never used by OpsDesk; some are optional imports of its libraries (pyqtgraph tries
# matplotlib, numpy tries its tests). Qt modules not used: OpsDesk imports only QtCore,
# QtGui, QtWidgets, QtPrintSupport and QtSvg, pyqtgraph also QtOpenGL and QtOpenGLWidgets.
EXCLUDES = [
    "tkinter", "_tkinter", "matplotlib", "scipy", "pandas", "IPython", "jupyter_client",
    "pytest", "_pytest", "pytestqt", "mypy", "ruff", "importlinter",
    "PyQt5", "PyQt6", "PySide2",
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtQuickControls2",
    "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtWebChannel",
    "PySide6.Qt3DCore", "PySide6.Qt3DRender", "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets", "PySide6.QtCharts", "PySide6.QtDataVisualization",
    "PySide6.QtDesigner", "PySide6.QtHelp", "PySide6.QtUiTools", "PySide6.QtTest",
    "PySide6.QtSql", "PySide6.QtNetwork", "PySide6.QtDBus", "PySide6.QtConcurrent",
    "PySide6.QtXml", "PySide6.QtSvgWidgets",
    "pyqtgraph.opengl", "pyqtgraph.examples", "pyqtgraph.jupyter", "pyqtgraph.canvas",
    "pyqtgraph.flowchart", "pyqtgraph.console", "numpy.tests", "numpy.f2py", "numpy.distutils",
    "psycopg_pool", "sqlalchemy.testing",
    "lxml.objectify", "lxml.html", "lxml.isoschematron", "lxml.cssselect",  # only lxml.etree
]

# Qt modules OpsDesk imports (grep PySide6.Qt in opsdesk/); none of them may be excluded.
QT_MODULES_USED = ["QtCore", "QtGui", "QtWidgets", "QtPrintSupport", "QtSvg"]
# ...and the ones pyqtgraph imports by name when a chart draws a curve
# (pyqtgraph/Qt/OpenGLHelpers.py: importlib.import_module("PySide6.QtOpenGL")).
QT_MODULES_FOR_PYQTGRAPH = ["QtOpenGL", "QtOpenGLWidgets"]

# Files dropped from what PyInstaller collected (path fragments, '/'-separated): other
# platforms' Qt plugins and the Qt Quick / QML side that OpsDesk does not use.
DROP_FRAGMENTS = [
    "/translations/",  # all of Qt's translations; QT_TRANSLATIONS adds back the ones used
    "/qml/", "/qmltooling/", "/qmllint/", "/designer/",
    "/plugins/sqldrivers/", "/plugins/networkinformation/", "/plugins/tls/",
    "/plugins/wayland-", "/plugins/egldeviceintegrations/", "/plugins/platforminputcontexts/",
    "/plugins/vectorimageformats/", "/plugins/generic/",
    # platforms: xcb (X11 and XWayland desktops), offscreen and minimal (headless, CI) stay;
    # framebuffer, EGLFS, VNC and native Wayland go (Qt uses xcb through XWayland there).
    "/plugins/platforms/libqeglfs", "/plugins/platforms/libqlinuxfb",
    "/plugins/platforms/libqminimalegl", "/plugins/platforms/libqvkkhrdisplay",
    "/plugins/platforms/libqvnc", "/plugins/platforms/libqwayland",
    "/plugins/platformthemes/libqgtk3",  # needs GTK 3 (xdgdesktopportal stays)
    "/plugins/imageformats/libqicns", "/plugins/imageformats/libqtga",
    "/plugins/imageformats/libqtiff", "/plugins/imageformats/libqwbmp",
    "/plugins/imageformats/libqwebp",
    "libQt6EglFS", "libQt6EglFs", "libQt6Wayland", "libQt6WlShell",
    "libQt6Quick", "libQt6Qml", "libQt6Pdf", "libQt6VirtualKeyboard", "libQt6WebEngine",
    "libQt6Designer", "libQt6Network", "libQt6Sql",
    "Qt6Quick", "Qt6Qml", "Qt6Pdf", "Qt6VirtualKeyboard", "Qt6WebEngine", "Qt6Network",
    "/pyqtgraph/examples/", "/pyqtgraph/opengl/", "/numpy/tests/", "/numpy/_core/tests/",
    "/numpy/f2py/", "/numpy/typing/tests/", "/tests/",
]
# Kept even if a fragment above matches them (the platform plugins this build needs).
KEEP_FRAGMENTS: list[str] = []


def version() -> str:
    """The version in pyproject.toml (the one truth; opsdesk.__version__ must match it)."""
    with (ROOT / "pyproject.toml").open("rb") as fh:
        return str(tomllib.load(fh)["project"]["version"])


def opsdesk_modules() -> list[str]:
    """Every module of the opsdesk package: views (opsdesk.ui.views.VIEWS) and services
    (opsdesk.services.Services) are imported by name when first shown / used, so the
    analysis cannot see them. The migrations are data (Alembic loads them as files)."""
    found = ["opsdesk"]
    for info in pkgutil.walk_packages([str(ROOT / "opsdesk")], prefix="opsdesk."):
        if ".migrations" not in info.name:
            found.append(info.name)
    return sorted(found)


def hidden_imports() -> list[str]:
    return opsdesk_modules() + THIRD_PARTY_HIDDEN


def dropped(dest: str) -> bool:
    """Is a collected file (its path inside the bundle) left out of the dist folder?"""
    path = "/" + dest.replace("\\", "/")
    if any(k in path for k in KEEP_FRAGMENTS):
        return False
    return any(f in path for f in DROP_FRAGMENTS)


def platform_name() -> str:
    return {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")
