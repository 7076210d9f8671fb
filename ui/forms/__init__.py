"""Record forms of the desktop client: one modal dialog per record kind.

The main window, the registers and the home page open every record through
:func:`open_record_form`; :data:`ui.kinds.FORM_KINDS` maps a record kind to its dialog class.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from inspector_app.errors import PermissionDenied
from ui.context import UiContext
from ui.errors import show_error
from ui.forms.base_form import RecordForm

__all__ = ["RecordForm", "open_record_form"]


def open_record_form(ctx: UiContext, kind: str, record_id: str | None = None,
                     parent: QWidget | None = None, *,
                     initial: dict[str, Any] | None = None) -> str | None:
    """Open the modal form of a new (``record_id`` None) or existing record of ``kind``.

    Returns the saved record's id, or None when nothing was saved. After a save the form passes
    what the core says the save changed to ``ctx.notify_changed``; a record the current user may not
    change opens read-only. ``initial`` pre-fills a new record (e.g. the registration a check
    visit is for). Problems (a record deleted meanwhile, no right to create) are shown as a
    message, never a traceback.
    """
    from ui.kinds import FORM_KINDS  # the table imports every form module of this package

    form_class = FORM_KINDS[kind]
    try:
        form = form_class(ctx, record_id, parent, initial=initial)
    except Exception as exc:  # NotFound and the like: a message; anything else is logged too
        show_error(parent, exc, ctx.lang)
        return None
    if record_id is None and form.read_only:
        form.deleteLater()
        show_error(parent, PermissionDenied("error.permission_denied"), ctx.lang)
        return None
    form.exec()
    saved = form.saved_id
    form.deleteLater()
    return saved
