"""A guard against a reference-counting bug of PySide6 6.12.0 on Python 3.11.

Measured here: every call of a wrapped Qt method returning ``void`` (``setText``,
``processEvents``, ``QTimer.start``...) gives back one reference to ``None`` it never took,
and every signal ``emit`` does the same with ``True``. On Python 3.12+ those singletons are
immortal and nothing happens; on 3.11 their reference counts fall by one per call until the
interpreter aborts with "Fatal Python error: none_dealloc" (or "bool_dealloc") — after some
tens of thousands of calls, i.e. within minutes of normal use or a long test run.

:func:`protect_singletons` raises the counts of ``None``, ``True`` and ``False`` by 2**40 once,
which makes them as good as immortal (a trillion leaked references would be needed). It is
applied when the :mod:`ui` package is imported, so the program, its tools and its tests are all
covered. Remove this module once the project requires a PySide6 without the bug or Python 3.12.
"""

from __future__ import annotations

import ctypes
import sys

RESERVE = 1 << 40


def protect_singletons() -> bool:
    """Make None/True/False effectively immortal on Python < 3.12; True if it did so."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    for singleton in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt, the first field
        if count.value < RESERVE:
            count.value += RESERVE
    return True
