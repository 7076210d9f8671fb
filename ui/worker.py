"""The one way the client runs slow work off the GUI thread.

:func:`run_job` runs ``fn(progress)`` on a pool thread. ``progress(done, total) -> bool`` is the
callback the core's long operations accept: it reports how far the work got and returns False
once the user pressed Cancel (the core then stops). A progress dialog appears only when the
work takes longer than about half a second. The result, or a friendly error, is delivered on
the GUI thread. Each run closes the database connection its thread opened (peewee keeps one
SQLite connection per thread), so no connection outlives its job.
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QElapsedTimer,
    QEventLoop,
    QObject,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QProgressDialog, QWidget

from ui.errors import show_error

log = logging.getLogger(__name__)

PROGRESS_DELAY_MS = 500
Progress = Callable[[int, int], bool]

_running: set[Job] = set()


class _Shared:
    """What the worker thread may touch: plain Python, no Qt object.

    The worker reaches the :class:`Job` (a QObject living on the GUI thread) only through a
    weak reference, for the moment of an ``emit``; the GUI thread alone owns the Job and lets
    it go only after the worker said it is done. So no Qt object is ever destroyed on the
    worker thread or inside one of its own slots (PySide crashes on both).
    """

    def __init__(self, fn: Callable[[Progress], Any], db):
        self.fn = fn
        self.db = db
        self.cancelled = False
        self.silenced = False  # its window closed: deliver nothing
        self.done = threading.Event()
        self.job: weakref.ref | None = None


def _work(shared: _Shared) -> None:
    """The body of a pool thread: run, close the thread's connection, report."""
    def progress(done: int, total: int) -> bool:
        job = shared.job()
        if job is not None:
            job.sig_progress.emit(int(done), int(total))
        del job
        return not shared.cancelled

    try:
        outcome: tuple[bool, Any] = (True, shared.fn(progress))
    except BaseException as exc:  # delivered to the GUI thread, shown there
        outcome = (False, exc)
    finally:
        db = shared.db
        if db is not None and not db.is_closed():
            try:
                db.close()
            except Exception:  # a transaction left open by a failed fn
                log.exception("Could not close the worker's database connection")
    job = shared.job()
    if job is not None:
        job.sig_result.emit(outcome)
    del job, outcome
    shared.done.set()


def _release(job: Job) -> None:
    """Forget a delivered job once its worker has let go of it (GUI thread, outside slots)."""
    if job.shared.done.is_set():
        _running.discard(job)
    else:
        QTimer.singleShot(5, partial(_release, job))


class Job(QObject):
    """One piece of work on a pool thread; signals arrive on the GUI thread."""

    sig_progress = Signal(int, int)
    sig_done = Signal(object)
    sig_failed = Signal(object)
    sig_finished = Signal()
    # From the worker thread: (ok, result or exception) as one object. A queued Python bool
    # argument upsets PySide's reference counting, so none crosses threads.
    sig_result = Signal(object)

    def __init__(self, fn: Callable[[Progress], Any], db=None, parent: QObject | None = None):
        super().__init__(parent)
        self.shared = _Shared(fn, db)
        self.shared.job = weakref.ref(self)
        self.finished = False
        self.result: Any = None
        self.error: BaseException | None = None
        self.sig_result.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def cancelled(self) -> bool:
        return self.shared.cancelled

    def cancel(self) -> None:
        """Ask the work to stop at its next progress report."""
        self.shared.cancelled = True

    @Slot(object)
    def _deliver(self, outcome: tuple[bool, Any]) -> None:
        ok, value = outcome
        self.finished = True
        if ok:
            self.result = value
        else:
            self.error = value
        if not self.shared.silenced:
            (self.sig_done if ok else self.sig_failed).emit(value)
        self.sig_finished.emit()
        QTimer.singleShot(0, partial(_release, self))

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Run the event loop until the job finished (tests, benchmarks); False on timeout."""
        timer = QElapsedTimer()
        timer.start()
        while not self.finished and timer.elapsed() < timeout_ms:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            QThreadPool.globalInstance().waitForDone(5)
        return self.finished


class _ProgressUi(QObject):
    """The delayed progress dialog with its Cancel button, for one job."""

    def __init__(self, job: Job, parent: QWidget | None, title: str, delay_ms: int,
                 cancellable: bool):
        super().__init__(job)
        self.job, self.parent_widget, self.title = job, parent, title
        self.cancellable = cancellable
        self.dialog: QProgressDialog | None = None
        self.last = (0, 0)
        job.sig_progress.connect(self._on_progress)
        job.sig_finished.connect(self._close)
        QTimer.singleShot(delay_ms, self._show)

    @Slot()
    def _show(self) -> None:
        if self.job.finished or self.dialog is not None:
            return
        cancel_text = QCoreApplication.translate("Worker", "Cancel") if self.cancellable else ""
        dialog = QProgressDialog(self.title, cancel_text, 0, 0, self.parent_widget)
        dialog.setWindowTitle(QCoreApplication.translate("Worker", "Please wait"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if not self.cancellable:
            dialog.setCancelButton(None)
        dialog.canceled.connect(self._on_cancel)
        self.dialog = dialog
        self._on_progress(*self.last)
        dialog.show()

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.last = (done, total)
        if self.dialog is not None and not self.job.cancelled:
            self.dialog.setMaximum(max(total, 0))
            self.dialog.setValue(min(done, total) if total > 0 else 0)

    @Slot()
    def _on_cancel(self) -> None:
        self.job.cancel()
        if self.dialog is not None:
            self.dialog.setLabelText(QCoreApplication.translate("Worker", "Cancelling…"))
            self.dialog.show()

    @Slot()
    def _close(self) -> None:
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self._on_cancel)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None


def run_job(fn: Callable[[Progress], Any], *, db=None, parent: QWidget | None = None,
            title: str = "", on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None,
            lang: Callable[[], str] | str = "ru", show_progress: bool = True,
            cancellable: bool = True, delay_ms: int = PROGRESS_DELAY_MS,
            pool: QThreadPool | None = None) -> Job:
    """Run ``fn(progress)`` off the GUI thread and hand back its result on the GUI thread.

    ``db`` is the peewee database ``fn`` uses (its worker-thread connection is closed at the
    end). Without ``on_error`` an error is shown in a message box in ``lang``. A job cancelled
    by the user that ends in an error reports nothing.
    """
    job = Job(fn, db)
    _running.add(job)
    if on_done is not None:
        job.sig_done.connect(on_done)

    def failed(exc: BaseException) -> None:
        if job.cancelled:
            return
        if on_error is not None:
            on_error(exc)
        else:
            show_error(parent, exc, lang() if callable(lang) else lang)

    job.sig_failed.connect(failed)
    if show_progress:
        _ProgressUi(job, parent, title, delay_ms, cancellable)
    shared = job.shared
    (pool or QThreadPool.globalInstance()).start(lambda: _work(shared))
    return job


def stop_all_jobs(timeout_ms: int = 10_000) -> bool:
    """Cancel every running job, silence what it would still deliver and wait (up to
    ``timeout_ms``) for the pool threads: called when the window closes, so no result or error
    of a closed window's work reaches a widget or a message box, and no thread still reads the
    database the window used. False if some work did not stop in time."""
    for job in list(_running):
        job.shared.cancelled = True
        job.shared.silenced = True
    return QThreadPool.globalInstance().waitForDone(timeout_ms)


def wait_for(job: Job) -> None:
    """Keep the event loop running (dialogs respond) until ``job`` finished."""
    loop = QEventLoop()
    job.sig_finished.connect(loop.quit)
    if not job.finished:
        loop.exec()
