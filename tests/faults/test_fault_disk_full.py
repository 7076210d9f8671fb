"""A full disk (a real 3 MB tmpfs, filled) in every operation that writes: the message names
the full disk's folder and the space needed, and nothing half-written is left looking valid.

Before: "unexpected error" in 9 of 9 operations; a writer saw "cannot rollback - no
transaction is active".
"""

from __future__ import annotations

import shutil

import pytest
from core_factories import make_person
from sync_fixtures import PASSWORD, region

from faults.fault_helpers import fill_disk
from faults.test_fault_writers import cli
from inspector_app.errors import DiskFull
from inspector_app.protection.integrity import check_database
from inspector_app.services.setup import FirstAccount, PointProfile, create_database
from inspector_app.storage.database import open_database
from inspector_app.storage.models import Person

FULL_RU = "Диск заполнен"


def _point_on(folder, clock):
    return create_database(folder / "point.db",
                           PointProfile(code="ATY-017", name="УПП №17", district="Атырау"),
                           FirstAccount(login="erzhanov", full_name="Ержанов Асхат",
                                        password=PASSWORD), clock=clock)


def test_writes_on_a_full_disk_are_refused_whole_and_resume_after(small_disk, clock):
    services = _point_on(small_disk, clock)
    made = 0
    ballast = fill_disk(small_disk, leave=48 * 1024)
    with pytest.raises(DiskFull) as caught:
        for n in range(5000):
            make_person(services, f"Заполнитель{n}", "Тест", notes="Длинная заметка " * 110)
            made += 1
    message = caught.value.message("ru")
    assert FULL_RU in message and str(small_disk) in message and "МБ" in message
    assert "rollback" not in repr(caught.value.__cause__)
    ballast.unlink()  # the user frees space: the next write works, nothing was half-kept
    make_person(services, "Послеочистки", "Тест")
    assert Person.select().where(Person.surname.startswith("Заполнитель")).count() == made
    assert check_database(services.db) == []
    services.db.close()


def _assert_full_refusal(result, folder):
    assert result.returncode == 1, result.stdout
    assert FULL_RU in result.stderr and str(folder) in result.stderr, result.stderr
    assert "Непредвиденная" not in result.stderr


@pytest.fixture
def point_db(tmp_path, services):
    for n in range(40):
        make_person(services, f"Иванов{n}", "Иван", notes="Примечание " * 20)
    services.db.close()
    return services.db.database


@pytest.mark.parametrize("command, output", [
    (("backup", "--folder", "{disk}"), "inspector-*"),
    (("report", "activity", "--from", "01.01.2026", "--to", "31.12.2026", "--out",
      "{disk}/act.pdf"), "act.pdf*"),
    (("report", "register", "--register", "persons", "--out", "{disk}/persons.pdf"),
     "persons.pdf*"),
    (("export-table", "persons", "--out", "{disk}/persons.xlsx"), "*persons*"),
    (("export-table", "persons", "--out", "{disk}/persons.csv"), "*persons*"),
], ids=["backup", "pdf-activity", "pdf-register", "xlsx", "csv"])
def test_outputs_to_a_full_disk(point_db, small_disk, command, output):
    fill_disk(small_disk)
    args = [part.replace("{disk}", str(small_disk)) for part in command]
    result = cli("--db", str(point_db), *args)
    _assert_full_refusal(result, small_disk)
    assert list(small_disk.glob(output)) == []  # no half-written file under any name


def test_a_package_export_to_a_full_stick(tmp_path, small_disk):
    with region(tmp_path, ("ATY-017",)) as (_district, points, _out):
        db_path = points[0].db.database
    fill_disk(small_disk)
    result = cli("--db", str(db_path), "export", "--out", str(small_disk))
    _assert_full_refusal(result, small_disk)
    assert [p.name for p in small_disk.iterdir()] == ["ballast.bin"]


def test_demo_create_on_a_full_disk_leaves_no_point(small_disk):
    fill_disk(small_disk, leave=256 * 1024)
    result = cli("--db", str(small_disk / "demo.db"), "demo", "--records", "3000", "--create",
                 "--quiet")
    _assert_full_refusal(result, small_disk)
    assert [p.name for p in small_disk.iterdir()] == ["ballast.bin"]


def test_restore_onto_a_full_disk_keeps_the_database(small_disk, tmp_path, clock):
    services = _point_on(small_disk, clock)
    make_person(services, "Сохранный", "Тест")
    services.db.close()
    made = cli("--db", str(small_disk / "point.db"), "backup", "--folder", str(tmp_path / "bk"))
    assert made.returncode == 0, made.stderr
    taken = next((tmp_path / "bk").glob("inspector-*.db"))
    fill_disk(small_disk)
    result = cli("--db", str(small_disk / "point.db"), "restore", str(taken), "--yes")
    _assert_full_refusal(result, small_disk)
    leftovers = sorted(p.name for p in small_disk.iterdir() if "restor" in p.name)
    assert leftovers == []
    (small_disk / "ballast.bin").unlink()
    db = open_database(small_disk / "point.db")
    try:
        assert check_database(db) == []
        assert Person.select().where(Person.surname == "Сохранный").count() == 1
    finally:
        db.close()
    shutil.rmtree(tmp_path / "bk")
