"""Faults of the environment told apart from bugs, in one place for the GUI, the CLI and jobs.

:func:`classify` turns an ``OSError`` or a SQLite error (sqlite3, SQLCipher or peewee's
wrapper) into a translated :class:`~inspector_app.errors.FaultError` when it is a fault of
the machine rather than of the program: a full disk (``ENOSPC``, ``SQLITE_FULL``), a folder
or file that cannot be written (read-only mount, permissions), a database busy beyond the
busy timeout, a damaged database page, a missing file. Anything else stays what it was (an
"unexpected error" with a log).

:func:`atomic_output` writes a file the user asked for (report, table, package, sheet) under
a temporary name beside it and renames it only when complete: a full disk or a crash never
leaves a half-written file under the final name.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from inspector_app.errors import (
    DatabaseBusy,
    DatabaseDamaged,
    DiskFull,
    FaultError,
    FileMissing,
    InspectorError,
    NotWritable,
)

MIN_FREE = 64 * 2**20
"""Free space asked for when an operation cannot tell how much it needs."""

PARTIAL_SUFFIX = ".part"

_FULL = ("database or disk is full", "no space left")
_READONLY = ("attempt to write a readonly database", "readonly database")
_CANNOT_OPEN = ("unable to open database file",)
_BUSY = ("database is locked", "database table is locked", "database is busy")
_DAMAGED = ("database disk image is malformed", "file is not a database", "malformed")
_NO_SPACE_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_NOT_WRITABLE_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}


def existing_folder(path: str | Path | None) -> Path:
    """The nearest existing folder of ``path`` (itself when it is one)."""
    folder = Path(path) if path is not None else Path.cwd()
    if not folder.is_dir():
        folder = folder.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


def free_space(path: str | Path | None) -> int:
    try:
        return shutil.disk_usage(existing_folder(path)).free
    except OSError:
        return 0


def disk_full(path: str | Path | None, needed: int | None = None) -> DiskFull:
    """The "disk full" error for the folder of ``path``, with its free and the needed space."""
    folder = existing_folder(path)
    free = free_space(folder)
    return DiskFull(folder=str(folder), free=free, needed=max(needed or 0, MIN_FREE))


def not_writable(path: str | Path | None) -> NotWritable:
    """"Not writable": names the folder when the folder is the reason, else the file."""
    path = Path(path) if path is not None else Path.cwd()
    folder = existing_folder(path)
    blocked = folder if (path.is_dir() or not os.access(folder, os.W_OK)) else path
    return NotWritable(path=str(blocked))


def _is_sqlite_error(exc: BaseException) -> bool:
    import peewee

    module = type(exc).__module__ or ""
    return (isinstance(exc, (sqlite3.Error, peewee.DatabaseError, peewee.InterfaceError))
            or module.startswith("sqlcipher3"))


def classify(exc: BaseException, *, path: str | Path | None = None,
             needed: int | None = None) -> FaultError | None:
    """The fault ``exc`` stands for, or None for anything that is not a fault of the machine.

    ``path`` is the file the operation wrote or read (the database for SQLite errors, which
    name no file); ``needed`` the bytes it needed, when known.
    """
    if isinstance(exc, FaultError):
        return exc
    if isinstance(exc, InspectorError):
        return None
    if isinstance(exc, OSError):
        target = Path(os.fsdecode(exc.filename)) if exc.filename else path
        if exc.errno in _NO_SPACE_ERRNOS:
            return disk_full(target, needed)
        if exc.errno in _NOT_WRITABLE_ERRNOS:
            return not_writable(target)
        if exc.errno == errno.ENOENT and target is not None:
            return FileMissing(path=str(target))
        return None
    if not _is_sqlite_error(exc):
        return None
    text = str(exc).lower()
    if any(marker in text for marker in _FULL):
        return disk_full(path, needed)
    if any(marker in text for marker in _BUSY):
        return DatabaseBusy(path=str(path or ""))
    if any(marker in text for marker in _DAMAGED):
        return DatabaseDamaged(path=str(path or ""), detail=str(exc))
    if any(marker in text for marker in _READONLY):
        return not_writable(path)
    if any(marker in text for marker in _CANNOT_OPEN):
        if path is not None and not Path(path).exists():
            return FileMissing(path=str(path))
        return not_writable(path)
    return None


@contextmanager
def reported(path: str | Path | None, needed: int | None = None) -> Iterator[None]:
    """Re-raise a fault of the block as its :class:`FaultError` (others pass unchanged)."""
    try:
        yield
    except Exception as exc:
        fault = classify(exc, path=path, needed=needed)
        if fault is None or fault is exc:
            raise
        raise fault from exc


def partial_path(target: str | Path) -> Path:
    target = Path(target)
    return target.with_name(target.name + PARTIAL_SUFFIX)


def fsync_file(path: Path) -> None:
    with contextlib.suppress(OSError), open(path, "rb") as f:
        os.fsync(f.fileno())


@contextmanager
def atomic_output(target: str | Path, needed: int | None = None) -> Iterator[Path]:
    """Yield a temporary path beside ``target`` to write; renamed to ``target`` when the
    block ends well, removed when it fails (a fault re-raised as its :class:`FaultError`)."""
    target = Path(target)
    partial = partial_path(target)
    try:
        with reported(target, needed):
            yield partial
            fsync_file(partial)
            os.replace(partial, target)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise


# -- damage seen once is remembered until the file is restored ------------------------------

DAMAGE_SUFFIX = ".damaged"


def damage_marker(db_path: str | Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + DAMAGE_SUFFIX)


def record_damage(db_path: str | Path, detail: str) -> None:
    """Remember beside the database that it is damaged (best effort: the disk may be the
    reason). Every later open refuses writes until a restore or a clean ``check``."""
    import json
    from datetime import datetime

    with contextlib.suppress(OSError):
        damage_marker(db_path).write_text(
            json.dumps({"detail": detail, "seen_at": datetime.now().isoformat(sep=" ",
                                                                           timespec="seconds")},
                       ensure_ascii=False), encoding="utf-8")


def recorded_damage(db_path: str | Path) -> DatabaseDamaged | None:
    import json

    marker = damage_marker(db_path)
    if not marker.exists():
        return None
    try:
        detail = str(json.loads(marker.read_text(encoding="utf-8")).get("detail", ""))
    except (OSError, ValueError, AttributeError):
        detail = ""
    return DatabaseDamaged(path=str(db_path), detail=detail)


def clear_damage(db_path: str | Path) -> None:
    with contextlib.suppress(OSError):
        damage_marker(db_path).unlink(missing_ok=True)
