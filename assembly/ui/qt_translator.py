"""Qt's own widgets in the app's language: the file dialogs, the message-box and button-box
buttons, the text fields' context menu (Undo, Cut, Copy, Paste, Select All) and the calendar.

Qt ships no Indonesian catalogue, so Kuorum carries one for the texts it shows: the gettext
catalogue ``assembly/i18n/locale/qt-id.po``, whose msgctxt is Qt's translation context
("QLineEdit", "QPlatformTheme", "QFileDialog", ...), compiled to ``qt-id.qm`` by
``python -m assembly.i18n.compile`` (PySide6's lrelease). :func:`use_language` installs it on
the application (English needs none: Qt's texts are English) and sets the default QLocale,
which names the months and days in date pickers.

(A QTranslator subclass reading the gettext catalogue directly is not used: PySide 6.12 drops
a reference to None on every ``translate`` call from Qt, and the program aborts.)
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from assembly.i18n import LOCALE, set_language

# The locale of dates and numbers Qt formats itself, per app language.
QT_LOCALES: dict[str, tuple[QLocale.Language, QLocale.Country]] = {
    "id": (QLocale.Language.Indonesian, QLocale.Country.Indonesia),
    "en": (QLocale.Language.English, QLocale.Country.UnitedKingdom),
}

_log = logging.getLogger(__name__)
_installed: QTranslator | None = None


def install_qt_translator(language: str) -> QTranslator | None:
    """Install Qt's texts in ``language`` on the running application (replacing the one
    installed before); the translator, or None for English (Qt's own language)."""
    global _installed
    app = QCoreApplication.instance()
    if _installed is not None:
        QCoreApplication.removeTranslator(_installed)
        _installed = None
    lang, country = QT_LOCALES.get(language, QT_LOCALES["id"])
    QLocale.setDefault(QLocale(lang, country))
    if language == "en" or app is None:
        return None
    translator = QTranslator(app)
    if not translator.load(f"qt-{language}", str(LOCALE), "", ".qm"):
        _log.warning(
            "no Qt catalogue qt-%s.qm in %s: run python -m assembly.i18n.compile", language, LOCALE
        )
        return None
    QCoreApplication.installTranslator(translator)
    _installed = translator
    return translator


def use_language(language: str) -> None:
    """Make ``language`` the language of Kuorum's texts and of Qt's own widgets."""
    set_language(language)
    install_qt_translator(language)
