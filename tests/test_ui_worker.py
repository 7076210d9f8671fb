"""Background jobs: results on the GUI thread, a late progress dialog, Cancel, friendly errors."""

from __future__ import annotations

import threading
import time

from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton

from inspector_app.errors import NotFound
from ui import errors as errors_module
from ui.worker import run_job, stop_all_jobs


def progress_dialogs() -> list[QProgressDialog]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QProgressDialog) and w.isVisible()]


def test_result_arrives_on_the_gui_thread(qtbot):
    seen = {}

    def work(progress):
        seen["worker"] = threading.current_thread()
        return 42

    job = run_job(work, on_done=lambda value: seen.update(value=value,
                                                          gui=threading.current_thread()))
    assert job.wait(5000)
    assert seen["value"] == 42
    assert seen["gui"] is threading.main_thread() is not seen["worker"]


def test_quick_work_shows_no_progress_dialog(qtbot):
    job = run_job(lambda progress: progress(1, 1), title="Quick", delay_ms=500)
    assert job.wait(5000)
    qtbot.wait(50)
    assert progress_dialogs() == []


def test_slow_work_shows_progress_and_cancel_stops_it(qtbot):
    steps = []

    def slow(progress):
        for step in range(200):
            if not progress(step, 200):
                return "stopped"
            steps.append(step)
            time.sleep(0.01)
        return "finished"

    job = run_job(slow, title="Slow", delay_ms=100)
    qtbot.waitUntil(lambda: progress_dialogs() != [], timeout=5000)
    dialog = progress_dialogs()[0]
    assert dialog.labelText() == "Slow" and dialog.maximum() == 200
    dialog.findChild(QPushButton).click()
    assert job.wait(5000)
    assert job.cancelled and job.result == "stopped" and len(steps) < 200
    qtbot.waitUntil(lambda: progress_dialogs() == [], timeout=5000)


def test_a_core_error_is_delivered_to_the_handler(qtbot):
    failures = []
    job = run_job(lambda progress: (_ for _ in ()).throw(NotFound("error.not_found")),
                  on_error=failures.append)
    assert job.wait(5000)
    assert isinstance(failures[0], NotFound)


def test_without_a_handler_the_user_reads_a_translated_message(qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(errors_module.QMessageBox, "exec",
                        lambda box: shown.append(box.text()) or QMessageBox.StandardButton.Ok)
    job = run_job(lambda progress: (_ for _ in ()).throw(NotFound("error.not_found")),
                  lang="ru")
    assert job.wait(5000)
    assert shown == ["Запись не найдена (возможно, удалена)"]


def test_a_bug_is_logged_and_shown_without_a_traceback(qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(errors_module.QMessageBox, "exec",
                        lambda box: shown.append(box.text()) or QMessageBox.StandardButton.Ok)
    job = run_job(lambda progress: 1 / 0, lang="ru")
    assert job.wait(5000)
    assert "Traceback" not in shown[0] and "logs" in shown[0]
    log = errors_module.log_path().read_text(encoding="utf-8")
    assert "ZeroDivisionError" in log


def test_the_worker_closes_its_database_connection(qtbot, services, monkeypatch):
    db = services.db
    events = []
    real_connect, real_close = db._connect, db._close
    monkeypatch.setattr(db, "_connect", lambda: events.append(
        ("open", threading.get_ident())) or real_connect())
    monkeypatch.setattr(db, "_close", lambda connection: events.append(
        ("close", threading.get_ident())) or real_close(connection))
    job = run_job(lambda progress: services.persons.count(), db=db)
    assert job.wait(5000) and job.result == 0
    worker = next(ident for kind, ident in events if kind == "open")
    assert worker != threading.main_thread().ident
    assert events == [("open", worker), ("close", worker)]


def test_a_closed_windows_jobs_are_stopped_and_deliver_nothing(qtbot):
    """Closing the window cancels its work and waits for it; an error the work still raises
    reaches no widget and no message box (it would name a database the window let go)."""

    delivered = []

    def work(progress):
        time.sleep(0.2)
        raise RuntimeError("the database of a closed window")

    job = run_job(work, show_progress=False, on_done=delivered.append,
                  on_error=delivered.append)
    assert stop_all_jobs()
    qtbot.waitUntil(lambda: job.finished)
    assert delivered == []
    assert isinstance(job.error, RuntimeError)
