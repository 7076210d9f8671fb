"""One app per database: an operating-system lock on ``<database>.lock`` beside the file.

The lock is held by the open file (``fcntl.flock`` on POSIX, ``msvcrt.locking`` on Windows),
so the system releases it when the process ends in any way, a crash included: a stale lock
file never blocks the next start. The file also names who holds it (host, process, time) for
the message a second start shows.
"""

from __future__ import annotations

import os
import socket
import sys
from datetime import datetime
from pathlib import Path

from inspector_app.errors import DatabaseError


def lock_path(db_path: str | Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".lock")


class InstanceLock:
    """Exclusive use of one database file by this process (a context manager too)."""

    def __init__(self, db_path: str | Path):
        self.db_path = Path(db_path)
        self.path = lock_path(db_path)
        self._file = None

    @property
    def held(self) -> bool:
        return self._file is not None

    def acquire(self) -> InstanceLock:
        """Take the lock or raise :class:`DatabaseError` (``error.db_in_use``)."""
        if self._file is not None:
            return self
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held while locked
        try:
            _lock(handle)
        except OSError:
            try:
                handle.seek(0)
                holder = handle.read(200).strip() or "?"
            except OSError:
                holder = "?"
            handle.close()
            raise DatabaseError("error.db_in_use", path=str(self.db_path), holder=holder) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{socket.gethostname()} pid {os.getpid()} "
                     f"{datetime.now():%d.%m.%Y %H:%M}")
        handle.flush()
        self._file = handle
        return self

    def release(self) -> None:
        if self._file is None:
            return
        try:
            _unlock(self._file)
        finally:
            self._file.close()
            self._file = None

    def __enter__(self) -> InstanceLock:
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    _LOCKED_BYTE = 4096  # past the holder text, so a second start can still read it

    def _lock(handle) -> None:
        handle.seek(_LOCKED_BYTE)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle) -> None:
        handle.seek(_LOCKED_BYTE)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock(handle) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
