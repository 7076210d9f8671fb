"""Files that hold personal data or key material: 0600, their folders 0700 (on POSIX).

One helper for every writer of such files: inside ``with private_files():`` everything the
process creates is private (a umask of 077; counted, so nested and concurrent uses from worker
threads are safe); :func:`make_private` tightens files made before this rule (an older
database, its WAL, keys, migration copies). On Windows the mode bits mean nothing: the files
live in the user's own profile folder (``%LOCALAPPDATA%``), which other users cannot read.
"""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PRIVATE_FILE_MODE = 0o600
PRIVATE_FOLDER_MODE = 0o700
_PRIVATE_UMASK = 0o077
_POSIX = os.name == "posix"

_lock = threading.Lock()
_depth = 0
_saved_umask = 0


@contextmanager
def private_files() -> Iterator[None]:
    """Create files 0600 and folders 0700 while inside."""
    global _depth, _saved_umask
    with _lock:
        if _depth == 0:
            _saved_umask = os.umask(_PRIVATE_UMASK)
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                os.umask(_saved_umask)


def make_private(*paths: str | Path) -> None:
    """Make existing files 0600 and folders 0700 (missing ones are skipped)."""
    if not _POSIX:
        return
    for path in paths:
        try:
            mode = os.stat(path).st_mode
        except FileNotFoundError:
            continue
        wanted = PRIVATE_FOLDER_MODE if stat.S_ISDIR(mode) else PRIVATE_FILE_MODE
        if stat.S_IMODE(mode) != wanted:
            os.chmod(path, wanted)

