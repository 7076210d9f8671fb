"""The one error type of sync: a message code and its parameters, like every core error."""

from __future__ import annotations

from inspector_app.errors import InspectorError


class SyncError(InspectorError):
    """A package cannot be written or read: damaged, hostile, unexpected or not trusted."""

    code = "error.sync"


class OutsideTerritory(SyncError):
    """A point's package that the logged-in account may not import: the point is not of its
    territory (:mod:`inspector_app.services.territory`). The file is sound, so it is not kept
    aside as refused: another operator imports it."""


FILE_FAULTS = (ArithmeticError, LookupError, ValueError, TypeError, AttributeError,
               RecursionError)
"""Errors a file's content can cause in code no check foresaw (a number too large for a date
sum...): they refuse that file alone. Environment errors (a full disk, a dead worker process)
are not among them: they stop the batch, which rolls back."""


def unexpected(exc: BaseException) -> SyncError:
    """The refusal of a file whose handling failed in a way no check foresaw."""
    return SyncError("sync.unexpected", reason=f"{type(exc).__name__}: {exc}"[:300])
