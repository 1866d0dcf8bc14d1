"""Interface language: Chinese is built in; other languages come from resources/i18n/*.qm."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from reviewer.resources import resource_path
from ui.labels import set_language


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the program's and Qt's own translations for ``language``; keep the result alive."""
    set_language(language)
    if language.startswith("zh"):
        qt = QTranslator(app)
        if qt.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_",
                   QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            return [qt]
        return []
    ours = QTranslator(app)
    if not ours.load(str(resource_path("i18n", f"reviewer_{language}.qm"))):
        return []
    app.installTranslator(ours)
    return [ours]
