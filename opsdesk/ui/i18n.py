"""Interface language: OpsDesk's own translations plus Qt's, switchable at run time."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from opsdesk.paths import RESOURCES

LANGUAGES = ("zh_CN", "en")
I18N_DIR = RESOURCES / "i18n"


def system_language() -> str:
    """Chinese on a Chinese system, English elsewhere."""
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


class Translators:
    """Keeps the installed translators so the language can be switched while running."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.lang = "en"

    def install(self, lang: str) -> bool:
        """Switch to ``lang``; every widget then gets ``QEvent.LanguageChange``."""
        app = QCoreApplication.instance()
        assert app is not None, "translations need the application"
        for tr in self._installed:
            app.removeTranslator(tr)
        self._installed.clear()
        self.lang = lang if lang in LANGUAGES else "en"
        # English needs its .qm too: it holds the plural forms ("1 day", "5 days").
        ours = QTranslator(app)
        ok = ours.load(str(I18N_DIR / f"opsdesk_{self.lang}.qm"))
        candidates = [(ours, ok)]
        if self.lang != "en":
            qt = QTranslator(app)
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            candidates.append((qt, qt.load(f"qtbase_{self.lang}", qt_dir)))
        for tr, good in candidates:
            if good:
                app.installTranslator(tr)
                self._installed.append(tr)
        QLocale.setDefault(QLocale(self.lang if self.lang != "en" else "en_GB"))
        return ok


_translators: Translators | None = None


def translators() -> Translators:
    """The application's one set of translators (installing twice never stacks them)."""
    global _translators
    if _translators is None:
        _translators = Translators()
    return _translators
