"""Child processes that put the second core to work (the sync import, the demo fill).

Both split one job into Python work in a child process and SQLite work in this one, which
owns the transaction. Children are started with ``spawn`` (a fork would copy the open
database connection). A frozen (PyInstaller) program can start them only when its entry
point called :func:`allow_in_frozen_program` first; otherwise the work stays in one process.
"""

from __future__ import annotations

import multiprocessing
import pickle
import queue
import sys
import threading
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


def receive(connection) -> object:
    """The next message from a child process; EOFError once the child has ended, also when it
    ended in the middle of a message (``recv`` raises OSError then)."""
    try:
        return connection.recv()
    except OSError as exc:
        raise EOFError(str(exc)) from exc


class QueuedSender:
    """Sends messages down a pipe from a thread of their own.

    A pipe holds 64 KB: a process sending larger messages straight away waits at every one
    until the other side has read it, so the two sides take turns instead of working at the
    same time. Here the sender goes on working while a thread does the sending; at most
    ``depth`` messages wait, so memory stays flat when the receiver falls behind.
    """

    def __init__(self, connection, depth: int = 4):
        self._connection = connection
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=depth)
        self._broken = False
        self._thread = threading.Thread(target=self._send_all, name="pipe-send", daemon=True)
        self._thread.start()

    def send(self, message: object) -> None:
        """Queue ``message`` (pickled now); BrokenPipeError once the receiver is gone."""
        data = pickle.dumps(message, pickle.HIGHEST_PROTOCOL)
        if self._broken:
            raise BrokenPipeError("the receiving process is gone")
        self._queue.put(data)
        if self._broken:  # it went while this message waited: stop at once
            raise BrokenPipeError("the receiving process is gone")

    def close(self) -> None:
        """Wait until every queued message has been sent (or the receiver is gone)."""
        self._queue.put(None)
        self._thread.join()

    def _send_all(self) -> None:
        try:
            while (data := self._queue.get()) is not None:
                self._connection.send_bytes(data)
        except OSError:  # the receiving process is gone (BrokenPipeError among them)
            self._broken = True
            while self._queue.get() is not None:  # a waiting send() gets through and raises
                pass
