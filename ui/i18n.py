"""Interface language: Chinese is built in; other languages come from resources/i18n/*.qm."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from reviewer.resources import resource_path
from ui.labels import set_language


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the program's and Qt's own translations for ``language``; keep the result alive."""
    set_language(language)
    if language.startswith("zh"):
        out = []
        qt = QTranslator(app)
        if qt.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_",
                   QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            out.append(qt)
        gaps = QTranslator(app)  # what qtbase_zh_CN leaves in English (the file dialog's labels)
        if gaps.load(str(resource_path("i18n", "reviewer_zh_CN.qm"))):
            app.installTranslator(gaps)
            out.append(gaps)
        return out
    ours = QTranslator(app)
    if not ours.load(str(resource_path("i18n", f"reviewer_{language}.qm"))):
        return []
    app.installTranslator(ours)
    return [ours]
