"""Errors as users see them: a translated message box, never a traceback.

Errors of the core (:class:`InspectorError`) carry a message code and are shown in the user's
language, and so are faults of the machine (a full disk, a read-only folder, a damaged file:
:func:`inspector_app.faults.classify`). Anything else is a bug: its traceback goes to
``<user data>/logs/inspector-app.log`` and the user reads a short message saying where the
details were written.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from inspector_app.errors import InspectorError
from inspector_app.faults import classify
from inspector_app.messages import translate
from inspector_app.paths import user_data_dir
from inspector_app.protection.private_files import make_private, private_files

LOG_NAME = "inspector-app.log"
log = logging.getLogger("inspector_app.ui")


def log_path() -> Path:
    """The client's log file (its folder is created on demand)."""
    return user_data_dir() / "logs" / LOG_NAME


class _PrivateLogHandler(RotatingFileHandler):
    """A rotating log whose files (the rotated ones too) only their owner reads: a traceback
    may quote a citizen's data."""

    def _open(self):
        with private_files():
            return super()._open()


def setup_logging() -> Path:
    """Send the client's log records to a rotating file in the user's data folder."""
    path = log_path()
    root = logging.getLogger()
    if not any(getattr(h, "baseFilename", None) == str(path) for h in root.handlers):
        try:
            with private_files():
                path.parent.mkdir(parents=True, exist_ok=True)
            make_private(path.parent, path)
            handler = _PrivateLogHandler(path, maxBytes=2_000_000, backupCount=3,
                                         encoding="utf-8")
        except OSError:
            return path
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        root.setLevel(logging.INFO)
    return path


def log_exception(exc: BaseException) -> Path:
    """Write ``exc`` with its traceback to the log; returns the log file's path."""
    setup_logging()
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    log.error("Unexpected error:\n%s", text)
    return log_path()


def user_error(exc: BaseException, path: str | Path | None = None) -> BaseException:
    """``exc`` as the fault it stands for (full disk, read-only folder, damaged or busy
    database at ``path``...), or itself (see :mod:`inspector_app.faults`)."""
    return classify(exc, path=path) or exc


def error_text(exc: BaseException, lang: str) -> str:
    """What the user reads about ``exc`` in ``lang`` (bugs are logged first)."""
    exc = user_error(exc)
    if isinstance(exc, InspectorError):
        return exc.message(lang)
    return translate("error.unexpected", lang, log=str(log_exception(exc)))


def show_error(parent: QWidget | None, exc: BaseException, lang: str) -> None:
    """A message box telling the user about ``exc``, in ``lang``."""
    title = QCoreApplication.translate("ErrorMessage", "Error")
    icon = QMessageBox.Icon.Warning if isinstance(user_error(exc), InspectorError) \
        else QMessageBox.Icon.Critical
    box = QMessageBox(icon, title, error_text(exc, lang), QMessageBox.StandardButton.Ok, parent)
    box.exec()


def install_excepthook(current_lang: Callable[[], str]) -> None:
    """Show uncaught exceptions (from Qt slots too) as a friendly message and log them."""
    def hook(exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        if QApplication.instance() is None:
            log_exception(exc)
            sys.__excepthook__(exc_type, exc, tb)
            return
        try:
            show_error(QApplication.activeWindow(), exc, current_lang())
        except Exception:  # never let the hook itself fail loudly
            log_exception(exc)
    sys.excepthook = hook
