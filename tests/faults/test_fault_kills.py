"""Kills (SIGKILL) during the long operations this branch made restartable: ``demo --create``
and a backup. The next run cleans up after the killed one and succeeds.

Before: a killed ``demo --create`` left a half-made point that 7 of 8 re-runs refused; a
killed backup left a full-size ``.db.part`` that nothing removed.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

from core_factories import make_person
from writers import REPO

from faults.test_fault_writers import cli
from inspector_app.protection import backup
from inspector_app.protection.integrity import check_database
from inspector_app.storage.database import open_database

KILL_AFTER = (0.3, 0.6, 0.9, 1.2, 1.6, 2.0)  # seconds into a demo --create


def _start(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, cwd=str(REPO),
                            env=dict(os.environ, PYTHONPATH=str(REPO)))


def _kill(process: subprocess.Popen) -> bool:
    """SIGKILL; True when the process was still running (a real kill, not a late one)."""
    alive = process.poll() is None
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    return alive


def _remove_files_of(db_path) -> None:
    for leftover in db_path.parent.glob(db_path.name + "*"):
        if leftover.is_dir():
            shutil.rmtree(leftover)
        else:
            leftover.unlink()


def test_a_killed_demo_create_is_redone_by_the_next_one(tmp_path):
    db_path = tmp_path / "demo.db"
    marker = db_path.with_name("demo.db.demo-creating")
    half_made = 0
    for delay in KILL_AFTER:
        demo = _start("-m", "inspector_app", "--db", str(db_path), "demo", "--records",
                      "20000", "--create", "--quiet")
        time.sleep(delay)
        _kill(demo)
        was_half_made = marker.exists() or not db_path.exists()
        half_made += was_half_made
        again = cli("--db", str(db_path), "--lang", "en", "demo", "--records", "300",
                    "--create", "--quiet")
        if was_half_made:  # killed while making the point: the re-run makes it anew
            assert again.returncode == 0, (delay, again.stderr)
            assert not marker.exists()
        else:  # killed after the point was complete: a whole point is never replaced
            assert again.returncode == 1 and "already" in again.stderr, again.stderr
        db = open_database(db_path)
        try:
            assert check_database(db) == []
        finally:
            db.close()
        _remove_files_of(db_path)
    assert half_made >= 3  # most kills hit a demo that was still being made


BACKUP_SLOWLY = r"""
import sys, time
from inspector_app.protection import backup
backup.create_backup(sys.argv[1], sys.argv[2],
                     progress=lambda done, total: print(done, flush=True) or time.sleep(0.05)
                     or True)
"""


def test_a_killed_backup_leaves_nothing_the_next_one_keeps(services, tmp_path):
    for n in range(400):
        make_person(services, f"Иванов{n}", "Иван", notes="Примечание " * 40)
    services.db.close()
    db_path, folder = services.db.database, tmp_path / "backups"
    slow = subprocess.Popen([sys.executable, "-c", BACKUP_SLOWLY, db_path, str(folder)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=str(REPO), env=dict(os.environ, PYTHONPATH=str(REPO)))
    slow.stdout.readline()
    slow.stdout.readline()  # copying: the .part file exists and grows
    assert list(folder.glob("*.part"))
    assert _kill(slow)
    info = backup.create_backup(db_path, folder)
    assert list(folder.glob("*.part")) == []
    assert [i.path for i in backup.list_backups(folder)] == [info.path]
    assert backup.describe_backup(info.path).counts["person"] == 400


def test_the_daily_check_removes_a_killed_backup_even_when_none_is_due(services, tmp_path,
                                                                        clock):
    services.db.close()
    folder = tmp_path / "backups"
    backup.create_backup(services.db.database, folder, clock=clock)
    leftover = folder / "inspector-ATY-017-20261125-103100.db.part"
    leftover.write_bytes(b"\0" * 4096)  # what a backup killed a minute later left
    assert backup.backup_if_due(services.db.database, folder, clock=clock) is None  # not due
    assert not leftover.exists()
