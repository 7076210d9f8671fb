"""Several real processes writing one database at once: every write succeeds, none is lost.

Before writing transactions took the write lock up front (``BEGIN IMMEDIATE``), two writers
failed about half their writes with "database is locked" within 15 ms.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from sync_fixtures import PASSWORD, export_each, region, use
from writers import REPO, finish_writer, persons_written, start_writer, wait_ready

from inspector_app.protection.integrity import check_database
from inspector_app.storage.database import open_database

SECONDS = 4


def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "inspector_app", *args], input=stdin,
                          capture_output=True, text=True, cwd=str(REPO), timeout=300,
                          env=dict(os.environ, PYTHONPATH=str(REPO)))


def _assert_sound(db_path, credentials=None) -> None:
    db = open_database(db_path, credentials=credentials)
    try:
        assert check_database(db) == []
    finally:
        db.close()


@pytest.mark.parametrize("count", [2, 3])
def test_writers_at_once_all_succeed(services, db_path, count):
    services.db.close()
    writers = [start_writer(db_path, f"w{n}", seconds=SECONDS) for n in range(count)]
    results = [finish_writer(w) for w in writers]  # exit 0, no stderr, ok == attempts
    for result in results:
        assert persons_written(db_path, result.prefix) == result.ok  # nothing lost
    assert sum(r.ok for r in results) > 20 * count
    _assert_sound(db_path)


def test_two_writers_on_an_encrypted_database(tmp_path, clock):
    from inspector_app.protection.encryption import Credentials
    from inspector_app.services.setup import FirstAccount, PointProfile, create_database

    db_path = tmp_path / "secret.db"
    create_database(db_path, PointProfile(code="ATY-017", name="УПП №17", district="Атырау"),
                    FirstAccount(login="erzhanov", full_name="Ержанов Асхат", password=PASSWORD),
                    clock=clock, encrypt=True).db.close()
    writers = [start_writer(db_path, f"e{n}", seconds=SECONDS, login="erzhanov",
                            password=PASSWORD) for n in range(2)]
    results = [finish_writer(w) for w in writers]
    db = open_database(db_path, credentials=Credentials("erzhanov", PASSWORD))
    key = db.keyring.key
    db.close()
    for result in results:
        assert persons_written(db_path, result.prefix, key) == result.ok
    _assert_sound(db_path, Credentials("erzhanov", PASSWORD))


def test_a_cli_import_beside_two_writers(tmp_path):
    with region(tmp_path, ("ATY-017", "ATY-018", "ATY-019")) as (district, points, out):
        for point in points:
            use(point)  # the models follow one database at a time
            for n in range(30):
                point.persons.create({"surname": f"Житель{n}", "first_name": "Тест",
                                      "address": "г. Атырау, ул. Абая, 1"})
        packages = export_each(points, out)
        db_path = district.db.database
    writers = [start_writer(db_path, f"d{n}", stop_file=tmp_path / "stop") for n in range(2)]
    for writer in writers:
        wait_ready(writer)
    try:
        imported = cli("--db", str(db_path), "import", *map(str, packages), "--trust-new")
    finally:
        (tmp_path / "stop").touch()
    results = [finish_writer(w) for w in writers]
    assert imported.returncode == 0, imported.stderr
    for result in results:
        assert persons_written(db_path, result.prefix) == result.ok
    db = open_database(db_path)
    try:
        from inspector_app.storage.models import Person

        assert Person.select().where(Person.surname.startswith("Житель")).count() == 90
        assert check_database(db) == []
    finally:
        db.close()


def test_backups_and_exports_beside_a_writer(tmp_path):
    with region(tmp_path, ("ATY-017",)) as (_district, points, out):
        db_path = points[0].db.database
    stop = tmp_path / "stop"
    writer = start_writer(db_path, "p", stop_file=stop)
    wait_ready(writer)
    done = []
    try:
        for _ in range(3):
            backed_up = cli("--db", str(db_path), "backup", "--folder", str(tmp_path / "bk"))
            exported = cli("--db", str(db_path), "export", "--out", str(out))
            done.append((backed_up.returncode, backed_up.stderr, exported.returncode,
                         exported.stderr))
            time.sleep(0.2)
    finally:
        stop.touch()
    result = finish_writer(writer)
    assert done == [(0, "", 0, "")] * 3
    assert persons_written(db_path, "p") == result.ok
    assert len(list(out.glob("*.isync"))) == 3
    assert len(list((tmp_path / "bk").glob("inspector-*.db"))) >= 1
    _assert_sound(db_path)


def test_writing_commands_run_beside_an_open_desktop_client(services, db_path, tmp_path):
    from inspector_app.protection.instance_lock import InstanceLock

    services.db.close()
    with InstanceLock(db_path):  # what the desktop client holds while it is open
        writer = start_writer(db_path, "cli", seconds=1)
        added = cli("--db", str(db_path), "users", "add", "--login", "novak", "--name",
                    "Новак Иван", "--role", "assistant", "--password-stdin",
                    stdin="Kz-Sever-2026!\nKz-Sever-2026!\n")
        backed_up = cli("--db", str(db_path), "backup", "--folder", str(tmp_path / "bk"))
        demo = cli("--db", str(db_path), "--lang", "en", "demo", "--records", "10")
        finish_writer(writer)
    assert added.returncode == 0, added.stderr
    assert backed_up.returncode == 0, backed_up.stderr
    assert demo.returncode == 1 and "already open" in demo.stderr
