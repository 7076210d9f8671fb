"""The PySide6 desktop client: windows, dialogs and Qt models over the core's services.

Connecting signals: a signal's arguments must never land in an optional parameter.
``clicked(bool)`` passes ``checked`` and ``sectionResized(int, int, int)`` passes indexes, so
``button.clicked.connect(self.save_as)`` with ``save_as(self, path=None)`` gets
``path=False``, and ``header.sectionResized.connect(timer.start)`` restarts the timer with
an index as its interval. Connect to a slot without optional parameters, or to a lambda that
drops the arguments and keeps captured values keyword-only
(``lambda *_args, kind=kind: self.new_record_of(kind)``). ``tests/test_ui_connections.py``
checks every ``.connect(`` in this package; the GUI tests click the widgets rather than
call the slots, which is where such bugs show.
"""

from ui.qt_compat import protect_singletons

protect_singletons()  # before any Qt call: see ui/qt_compat.py (PySide6 6.12.0 on Python 3.11)
