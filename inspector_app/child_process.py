"""Child processes that put the second core to work (the sync import, the demo fill).

Both split one job into Python work in a child process and SQLite work in this one, which
owns the transaction. Children are started with ``spawn`` (a fork would copy the open
database connection). A frozen (PyInstaller) program can start them only when its entry
point called :func:`allow_in_frozen_program` first; otherwise the work stays in one process.
"""

from __future__ import annotations

import multiprocessing
import sys
from multiprocessing.context import SpawnContext

_frozen_ok = False


def allow_in_frozen_program() -> None:
    """Call first thing in a frozen program's entry point to let work use child processes."""
    global _frozen_ok
    multiprocessing.freeze_support()
    _frozen_ok = True


def children_available() -> bool:
    """Whether this program may start child processes."""
    return not getattr(sys, "frozen", False) or _frozen_ok


def spawn_context() -> SpawnContext:
    return multiprocessing.get_context("spawn")
