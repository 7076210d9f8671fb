"""Structured errors the core raises and every front end translates.

An error names the record kind, the field, a message code and its parameters; the text a user
reads comes from :mod:`inspector_app.messages` (or Qt's translations in the GUI), never from a
traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class FieldError:
    """One problem with one field: ``record`` kind, ``field`` name, message ``code``, params."""

    record: str
    field: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str = "ru") -> str:
        from inspector_app.messages import field_label, translate

        label = field_label(self.record, self.field, lang)
        return f"{label}: {translate(self.code, lang, **self.params)}"


class InspectorError(Exception):
    """Base of every error a user may see; carries a message code and parameters."""

    code = "error.unknown"

    def __init__(self, code: str | None = None, **params: Any):
        self.code = code or self.code
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "ru") -> str:
        from inspector_app.messages import translate

        return translate(self.message_code(), lang, **self.shown_params(lang))

    def message_code(self) -> str:
        return self.code

    def shown_params(self, lang: str) -> dict[str, Any]:
        """The parameters as the message shows them in ``lang``."""
        return self.params


class ValidationError(InspectorError):
    """Input that breaks one or more rules; ``errors`` lists them field by field."""

    code = "error.validation"

    def __init__(self, errors: list[FieldError]):
        self.errors = list(errors)
        super().__init__(self.code, count=len(self.errors))

    def message(self, lang: str = "ru") -> str:
        return "\n".join(e.message(lang) for e in self.errors)

    def for_field(self, name: str) -> list[FieldError]:
        return [e for e in self.errors if e.field == name]


class NotFound(InspectorError):
    code = "error.not_found"


class PermissionDenied(InspectorError):
    code = "error.permission_denied"


class PasswordChangeRequired(PermissionDenied):
    """A temporary password (set by an administrator) must be changed before anything else."""

    code = "error.password_change_required"


class StaleRecord(InspectorError):
    """The record was changed by someone else since it was opened."""

    code = "error.stale_record"


class AuthenticationFailed(InspectorError):
    code = "error.auth_failed"


class DatabaseError(InspectorError):
    """The database cannot be used: missing, too new, damaged, locked."""

    code = "error.database"


class DatabaseNotBound(DatabaseError):
    """A use case was given a database the models are not bound to (a programming error:
    see :mod:`inspector_app.storage.database`)."""

    code = "error.db_not_bound"


class FaultError(DatabaseError):
    """A fault of the environment, not of the program: a full disk, a folder that cannot be
    written, a busy or damaged database, a missing file (see :mod:`inspector_app.faults`)."""


class DiskFull(FaultError):
    """No space left: ``folder``, the ``free`` and the ``needed`` bytes (sizes shown in MB)."""

    code = "error.fault.disk_full"

    def shown_params(self, lang: str) -> dict[str, Any]:
        from inspector_app.messages import format_size

        return {**self.params, **{name: format_size(int(self.params.get(name) or 0), lang)
                                  for name in ("free", "needed")}}


class NotWritable(FaultError):
    code = "error.fault.not_writable"


class FileMissing(FaultError):
    code = "error.fault.file_missing"


class DatabaseBusy(FaultError):
    code = "error.fault.db_busy"


class DatabaseDamaged(FaultError):
    """SQLite found a damaged page in ``path``; ``backup`` names the latest good backup
    (see :func:`inspector_app.protection.backup.with_latest_backup`), empty when none was found."""

    code = "error.fault.db_damaged"

    def message_code(self) -> str:
        return self.code if self.params.get("backup") else "error.fault.db_damaged_no_backup"
