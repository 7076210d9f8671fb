"""The one error type of sync: a message code and its parameters, like every core error."""

from __future__ import annotations

from inspector_app.errors import InspectorError


class SyncError(InspectorError):
    """A package cannot be written or read: damaged, hostile, unexpected or not trusted."""

    code = "error.sync"
