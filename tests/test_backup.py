"""Backups: consistent copies, verification, rotation, restore, the start check, one app."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta

import pytest
from core_factories import make_person
from writers import REPO, finish_writer, persons_written, start_writer, wait_ready

from inspector_app.errors import DatabaseError
from inspector_app.protection import backup
from inspector_app.protection.instance_lock import InstanceLock
from inspector_app.protection.integrity import check_database
from inspector_app.storage.database import open_database
from inspector_app.storage.models import Person


@pytest.fixture
def folder(tmp_path):
    return tmp_path / "usb" / "backups"


def count(path, table="person") -> int:
    con = sqlite3.connect(str(path))
    try:
        return con.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    finally:
        con.close()


def test_a_backup_is_a_verified_self_contained_copy(services, db_path, folder, clock, person):
    info = backup.create_backup(db_path, folder, clock=clock, reason="manual")
    assert info.path.name == "inspector-ATY-017-20261125-103000.db"
    assert info.counts["person"] == 1 and info.counts["staff"] == 1
    assert info.records == sum(v for k, v in info.counts.items() if k != "audit_entry")
    assert not info.path.with_name(info.path.name + "-wal").exists()
    assert not list(folder.glob("*.part"))
    con = sqlite3.connect(str(info.path))
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert con.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    con.close()
    manifest = json.loads(backup.manifest_path(info.path).read_text(encoding="utf-8"))
    assert manifest["created_at"] == "2026-11-25 10:30:00" and manifest["reason"] == "manual"
    listed = backup.list_backups(folder)
    assert [i.path for i in listed] == [info.path] and listed[0].counts == info.counts
    logged = services.db.execute_sql("SELECT reason, verified FROM backup_log").fetchall()
    assert logged == [("manual", 1)]


def test_a_cancelled_backup_leaves_nothing(services, db_path, folder, clock):
    for n in range(300):
        make_person(services, f"Иванов{n}", "Иван", notes="Примечание " * 40)
    with pytest.raises(backup.BackupCancelled):
        backup.create_backup(db_path, folder, clock=clock, progress=lambda done, total: False)
    assert [p.name for p in folder.iterdir()] == [".backups.lock"]  # the folder's lock only


def test_progress_is_reported(services, db_path, folder, clock):
    for n in range(300):
        make_person(services, f"Иванов{n}", "Иван", notes="Примечание " * 40)
    steps = []
    backup.create_backup(db_path, folder, clock=clock,
                         progress=lambda done, total: steps.append((done, total)) or True)
    assert len(steps) > 1 and steps[-1][0] == steps[-1][1]


def _fake_backup(folder, moment: datetime) -> None:
    path = folder / f"inspector-ATY-017-{moment:%Y%m%d-%H%M%S}.db"
    path.write_bytes(b"")
    backup.manifest_path(path).write_text(json.dumps(
        {"created_at": moment.isoformat(sep=" "), "point_code": "ATY-017", "counts": {}}))


def test_rotation_keeps_7_daily_4_weekly_12_monthly(folder):
    folder.mkdir(parents=True)
    start = datetime(2025, 1, 1, 18, 0)
    for day in range(500):  # two backups a day (exit and daily) for 500 days
        _fake_backup(folder, start + timedelta(days=day))
        _fake_backup(folder, start + timedelta(days=day, hours=3))
    backup.rotate(folder, "ATY-017")
    kept = [i.created_at for i in backup.list_backups(folder)]
    last = start + timedelta(days=499, hours=3)
    daily = [last - timedelta(days=n) for n in range(7)]
    # every backup of the latest day, then the newest of each of the 6 days before
    assert kept[:8] == [last, last - timedelta(hours=3), *daily[1:]]
    weeks = {d.isocalendar()[:2] for d in kept}
    months = {(d.year, d.month) for d in kept}
    assert months == {(2025, m) for m in range(6, 13)} | {(2026, m) for m in range(1, 6)}
    assert len(weeks) >= 4 and len(kept) <= 1 + 7 + 4 + 12
    assert min(kept) == datetime(2025, 6, 30, 21, 0)  # the oldest month keeps its newest
    assert len(list(folder.glob("*.json"))) == len(kept)


def test_daily_and_exit_backups_when_due(services, db_path, folder, clock, person):
    first = backup.backup_if_due(db_path, folder, clock=clock, reason="daily")
    assert first is not None
    clock.advance(hours=2)
    assert backup.backup_if_due(db_path, folder, clock=clock, reason="daily") is None
    assert backup.backup_if_due(db_path, folder, clock=clock, reason="exit") is None
    services.persons.update(person.id, {"phone": "87017654321"})
    on_exit = backup.backup_if_due(db_path, folder, clock=clock, reason="exit")
    assert on_exit is not None and on_exit.reason == "exit"
    clock.advance(days=1)
    assert backup.backup_if_due(db_path, folder, clock=clock, reason="daily") is not None
    # the rotation keeps the newest backup of each day
    assert [i.reason for i in backup.list_backups(folder)] == ["daily", "exit"]


def test_restore_shows_counts_and_keeps_the_current_database(services, db_path, folder,
                                                             clock, person):
    taken = backup.create_backup(db_path, folder, clock=clock)
    described = backup.describe_backup(taken.path)
    assert described.created_at == datetime(2026, 11, 25, 10, 30)
    assert described.counts["person"] == 1
    make_person(services, "Позднее", "Добавлен")
    services.db.close()
    clock.advance(minutes=5)
    kept = backup.restore_backup(taken.path, db_path, clock=clock)
    assert kept.name == "point.before-restore-20261125-103500.db"
    assert count(kept) == 2 and count(db_path) == 1
    db = open_database(db_path)
    try:
        assert check_database(db) == []
        assert [p.surname for p in Person.select()] == ["Сейтқалиева"]
    finally:
        db.close()


def test_a_damaged_backup_is_refused_and_skipped(services, db_path, folder, clock, person):
    good = backup.create_backup(db_path, folder, clock=clock)
    clock.advance(days=1)
    bad = backup.create_backup(db_path, folder, clock=clock)
    _damage(bad.path)
    services.db.close()
    with pytest.raises(DatabaseError) as caught:
        backup.restore_backup(bad.path, db_path, clock=clock)
    assert caught.value.code == "backup.damaged"
    assert count(db_path) == 1  # untouched
    assert backup.latest_good_backup(folder).path == good.path


def _damage(path) -> None:
    """Overwrite the middle of a database file (a bad sector, a half-written copy)."""
    size = os.path.getsize(path)
    with open(path, "r+b") as f:
        f.seek(4096)
        f.write(b"\xde\xad\xbe\xef" * ((size - 4096) // 8))


def test_health_check_explains_damage_and_offers_the_latest_good_backup(services, db_path,
                                                                        folder, clock, person):
    good = backup.create_backup(db_path, folder, clock=clock)
    assert backup.health_check(db_path).ok
    services.db.close()
    for extra in ("-wal", "-shm"):
        db_path.with_name(db_path.name + extra).unlink(missing_ok=True)
    _damage(db_path)
    report = backup.health_check(db_path)
    assert not report.ok and report.code == "backup.db_damaged"
    from inspector_app.messages import translate

    assert "резервной копии" in translate(report.code, "ru", detail=report.detail)
    offered = backup.latest_good_backup(folder, "ATY-017")
    assert offered.path == good.path and offered.counts["person"] == 1
    kept = backup.restore_backup(offered.path, db_path, clock=clock)
    assert kept.exists() and backup.health_check(db_path).ok
    assert not backup.health_check(db_path.with_name("missing.db")).ok


def test_an_unusable_folder_says_so(services, db_path, tmp_path, clock):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(DatabaseError) as caught:
        backup.create_backup(db_path, blocker / "sub", clock=clock)
    assert caught.value.code == "backup.folder_unusable"


@pytest.mark.slow
def test_a_backup_during_writes_restores_to_a_consistent_database(services, db_path, folder,
                                                                  clock, tmp_path):
    for n in range(200):  # enough pages that the copy takes several steps
        make_person(services, f"Иванов{n}", "Иван", notes="Примечание " * 40)
    services.db.close()
    stop = tmp_path / "stop-writing"
    writer = start_writer(db_path, "w", stop_file=stop)
    wait_ready(writer)
    infos = []
    try:  # three backups or more, each taking several steps while the writer goes on
        started = time.monotonic()
        while len(infos) < 3 or time.monotonic() - started < 1.5:
            clock.advance(minutes=1)
            infos.append(backup.create_backup(
                db_path, folder, clock=clock, rotate_after=False,
                progress=lambda done, total: time.sleep(0.01) or True))
            time.sleep(0.2)
    finally:
        stop.touch()
    result = finish_writer(writer)  # exit 0, nothing on stderr, every write succeeded
    assert result.ok > 5  # writes really ran alongside
    assert persons_written(db_path, "w") == result.ok
    seen = set()
    for info in infos:
        target = tmp_path / f"restored-{info.path.name}"
        backup.restore_backup(info.path, target, clock=clock)
        db = open_database(target)
        try:
            assert check_database(db) == []
            seen.add(Person.select().count())
        finally:
            db.close()
    assert len(seen) > 1  # the backups caught different moments


def test_one_app_per_database(db_path):
    first = InstanceLock(db_path).acquire()
    with pytest.raises(DatabaseError) as caught:
        InstanceLock(db_path).acquire()
    assert caught.value.code == "error.db_in_use"
    assert "pid" in caught.value.params["holder"]
    first.release()
    with InstanceLock(db_path) as again:
        assert again.held


def test_a_crashed_app_does_not_leave_the_lock_stuck(db_path):
    code = ("import sys, time; from inspector_app.protection.instance_lock import InstanceLock; "
            "lock = InstanceLock(sys.argv[1]).acquire(); print('LOCKED', flush=True); "
            "time.sleep(60)")
    holder = subprocess.Popen([sys.executable, "-c", code, str(db_path)], cwd=str(REPO),
                              env=dict(os.environ, PYTHONPATH=str(REPO)),
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "LOCKED"
    with pytest.raises(DatabaseError):
        InstanceLock(db_path).acquire()
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=10)
    with InstanceLock(db_path) as lock:
        assert lock.held


def test_cli_backup_list_and_restore(services, db_path, folder, person, monkeypatch, capsys):
    from test_lockout import cli

    services.db.close()
    code, out, err = cli(monkeypatch, capsys, db_path, "backup", "--folder", str(folder))
    assert code == 0, err
    assert "verified" in out and "records: 2" in out  # the first account and the person
    code, out, _ = cli(monkeypatch, capsys, db_path, "backup", "--folder", str(folder),
                       "--if-due", "daily")
    assert code == 0 and "No backup needed" in out
    code, out, _ = cli(monkeypatch, capsys, db_path, "backup", "--folder", str(folder),
                       "--list")
    taken = out.split("\t")[0]
    assert "persons: 1" in out
    db = open_database(db_path)
    Person.update(surname="Испорчено").execute()  # changed after the backup
    db.close()
    with InstanceLock(db_path):  # the GUI is open: restore must wait
        code, _, err = cli(monkeypatch, capsys, db_path, "restore", taken, "--yes")
        assert code == 1 and "already open" in err
    code, out, err = cli(monkeypatch, capsys, db_path, "restore", taken, "--yes")
    assert code == 0, err
    assert "persons: 1" in out and "kept" in out
    db = open_database(db_path)
    assert [p.surname for p in Person.select()] == ["Сейтқалиева"]
    db.close()
