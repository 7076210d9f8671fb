"""Destroying records past their retention period while another process writes, and killed in
the middle: every write of both succeeds; a kill leaves all of the register's records or none.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest
from core_factories import feedback_data
from writers import REPO, finish_writer, persons_written, start_writer, wait_ready

from inspector_app.protection.integrity import check_database
from inspector_app.services.destruction import destroy_records
from inspector_app.storage.database import open_database

OLD = 300  # survey answers of 2024: past their one year


def _old_answers(services, count: int = OLD) -> None:
    for n in range(count):
        services.feedback.create(feedback_data(collected_at=f"2024-0{1 + n % 9}-1{n % 10} 19:00",
                                               comment=f"Ответ {n}"))


def _state(db_path) -> tuple[int, int, int]:
    """(survey answers, destroyed records, destroy entries), after a sound check."""
    db = open_database(db_path)
    try:
        assert check_database(db) == []
        return tuple(db.execute_sql(sql).fetchone()[0] for sql in (
            'SELECT COUNT(*) FROM "feedback"', 'SELECT COUNT(*) FROM "destroyed_record"',
            """SELECT COUNT(*) FROM "audit_entry" WHERE action = 'destroy'"""))
    finally:
        db.close()


def test_a_writer_writing_meanwhile_loses_nothing(services, db_path, tmp_path):
    _old_answers(services)
    stop = tmp_path / "stop"
    writer = start_writer(db_path, "d", stop_file=stop)
    wait_ready(writer)
    time.sleep(0.3)  # it is writing
    done = destroy_records(services, "feedback")
    stop.touch()
    result = finish_writer(writer)  # exit 0, no stderr, every attempt succeeded
    assert len(done.plan.ids) == OLD and result.ok > 0
    assert persons_written(db_path, "d") == result.ok
    services.db.close()
    assert _state(db_path) == (0, OLD, OLD)


DESTROYER = r"""
import sys, time
from inspector_app.services.destruction import destroy_records
from inspector_app.services.setup import open_services

services = open_services(sys.argv[1])
pause_at = int(sys.argv[2])

def progress(done, total):
    if done == pause_at:
        print("MIDDLE", flush=True)
        time.sleep(60)

print("READY", flush=True)
destroy_records(services, "feedback", progress=progress)
print("DONE", flush=True)
"""


def _destroyer(db_path, pause_at: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", DESTROYER, str(db_path), str(pause_at)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=str(REPO), env=dict(os.environ, PYTHONPATH=str(REPO)))


@pytest.mark.slow
def test_a_kill_in_the_middle_leaves_every_record(services, db_path):
    _old_answers(services)
    services.db.close()
    process = _destroyer(db_path, OLD // 2)
    assert process.stdout.readline().strip() == "READY"
    assert process.stdout.readline().strip() == "MIDDLE", process.stderr.read()
    process.send_signal(signal.SIGKILL)  # half the rows deleted, half the entries erased
    process.wait(timeout=30)
    assert _state(db_path) == (OLD, 0, 0)


@pytest.mark.slow
def test_kills_at_any_moment_leave_all_or_nothing(services, db_path):
    _old_answers(services)
    services.db.close()
    rng = random.Random(17)
    outcomes = set()
    for _ in range(4):
        process = _destroyer(db_path, 0)
        assert process.stdout.readline().strip() == "READY"
        time.sleep(rng.uniform(0.0, 0.6))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        state = _state(db_path)
        assert state in ((OLD, 0, 0), (0, OLD, OLD)), state
        outcomes.add(state)
        if state[0] == 0:
            break
    if (0, OLD, OLD) not in outcomes:  # every kill came in time: the last run completes
        process = _destroyer(db_path, 0)
        out, err = process.communicate(timeout=120)
        assert "DONE" in out, err
        assert _state(db_path) == (0, OLD, OLD)


RESTORER = r"""
import sys, time
from inspector_app.services.redestruction import restore_keeping_erasure

pause_at = int(sys.argv[3])

def progress(done, total):
    if done == pause_at:
        print("MIDDLE", flush=True)
        time.sleep(60)

print("READY", flush=True)
restore_keeping_erasure(sys.argv[1], sys.argv[2], progress=progress)
print("DONE", flush=True)
"""


@pytest.mark.slow
def test_a_restore_killed_while_destroying_again_leaves_all_or_nothing(services, db_path,
                                                                      tmp_path):
    """Killed half-way through destroying again: the restored file holds every record (its
    chain sound); the next open destroys them all."""
    from inspector_app.protection.backup import create_backup
    from inspector_app.services.setup import open_services

    _old_answers(services)
    taken = create_backup(db_path, tmp_path / "backups", clock=services.clock)
    destroy_records(services, "feedback")
    services.db.close()
    process = subprocess.Popen(
        [sys.executable, "-c", RESTORER, str(taken.path), str(db_path), str(OLD // 2)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=str(REPO),
        env=dict(os.environ, PYTHONPATH=str(REPO)))
    assert process.stdout.readline().strip() == "READY"
    assert process.stdout.readline().strip() == "MIDDLE", process.stderr.read()
    process.send_signal(signal.SIGKILL)  # half the rows deleted, half the entries erased
    process.wait(timeout=30)
    assert _state(db_path) == (OLD, 0, 0)  # the backup as it was, nothing half-done
    reopened = open_services(db_path)
    assert reopened.reapplied is not None and len(reopened.reapplied.ids) == OLD
    reopened.db.close()
    assert _state(db_path) == (0, OLD, OLD)
