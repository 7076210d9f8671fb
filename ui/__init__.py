"""The PySide6 desktop client: windows, dialogs and Qt models over the core's services."""

from ui.qt_compat import protect_singletons

protect_singletons()  # before any Qt call: see ui/qt_compat.py (PySide6 6.12.0 on Python 3.11)
