"""Languages of the client: Qt's translators for our widgets and Qt's own dialogs.

Widgets take their texts from ``self.tr("English source")``; the compiled catalogues are
``resources/translations/inspector_<lang>.qm`` (built by ``tools/translations.py``). Qt's own
``qtbase_<lang>.qm`` from PySide6 is loaded too, so standard dialogs and buttons speak the same
language. Texts that come from the core (column headers, errors, catalogue titles) are
translated by the core's message catalogue in the current ``UiContext.lang``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QGuiApplication

from inspector_app.messages import DEFAULT_LANGUAGE, LANGUAGES, translate
from inspector_app.paths import resource

LANGUAGE_NAMES = {"ru": "Русский", "kk": "Қазақша", "en": "English"}
"""Each language named in itself, as language pickers show it."""

SETTINGS_KEY = "ui/language"

_installed: list[QTranslator] = []


class QtGaps(QTranslator):
    """Texts of Qt's own dialogs that its ``qtbase_<lang>.qm`` leaves untranslated.

    Qt 6.12's Russian catalogue lacks two labels of the (non-native) file dialog, the one
    Linux shows; the Kazakh one has them all (checked by ``tests/test_ui_recovery_sheet.py``).
    """

    TEXTS = {"ru": {("QFileDialog", "&Look in:"): "&Папка:",
                    ("QFileDialog", "Files of &type:"): "&Тип файлов:"}}

    def __init__(self, lang: str, parent=None):
        super().__init__(parent)
        self.texts = self.TEXTS.get(lang, {})

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return not self.texts

    def translate(self, context, source_text, disambiguation=None, n=-1):  # Qt override
        return self.texts.get((context, source_text))  # None: not ours, the next one asked


def normalise_language(lang: str | None) -> str:
    """``lang`` if the program speaks it, otherwise the default (Russian)."""
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def qt_locale(lang: str) -> QLocale:
    return {"ru": QLocale(QLocale.Language.Russian, QLocale.Country.Russia),
            "kk": QLocale(QLocale.Language.Kazakh, QLocale.Country.Kazakhstan),
            "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)}[lang]


def application_name() -> str:
    """The program's name in the installed language."""
    return QCoreApplication.translate("App", "Precinct inspector")


def install_language(lang: str) -> list[str]:
    """Replace the application's translators with those of ``lang``; returns files loaded.

    Installing a translator sends ``QEvent.LanguageChange`` to every widget, which then
    re-reads its texts (see ``changeEvent`` in the windows and pages). The application's
    display name follows: Qt appends it to every window title that does not end with it.
    """
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    loaded = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((f"qtbase_{lang}", qt_dir),
                         (f"inspector_{lang}", str(resource("translations")))):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded.append(name)
    gaps = QtGaps(lang, app)
    if not gaps.isEmpty():
        app.installTranslator(gaps)
        _installed.append(gaps)
    QLocale.setDefault(qt_locale(lang))
    if isinstance(app, QGuiApplication):
        app.setApplicationDisplayName(application_name())
    return loaded


def core_text(code: str, lang: str, **params) -> str:
    """A text of the core's message catalogue (field labels, errors, register titles)."""
    return translate(code, lang, **params)
