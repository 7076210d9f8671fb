"""A backup made before a destruction does not bring the destroyed records back: the erasure
ledger beside the database (and beside the backups) lists them, and a restore destroys them
again, audited, with the chain still verifying; a damaged ledger is named and changes nothing.
The clock stands at 25.11.2026: appeals are kept 5 years."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import PASSWORD
from core_factories import appeal_data
from sync_fixtures import file_holds
from test_destruction import _cli

from inspector_app.domain.permissions import Role
from inspector_app.errors import DatabaseError
from inspector_app.protection import backup
from inspector_app.protection.erasure_ledger import (
    folder_ledger_path,
    ledger_path,
    read_ledger,
)
from inspector_app.protection.integrity import check_database
from inspector_app.queries.audit_log import changed_labels, field_changes
from inspector_app.services.destruction import destroy_records
from inspector_app.services.redestruction import restore_keeping_erasure
from inspector_app.services.setup import open_services
from inspector_app.storage.models import Appeal, AuditEntry

SURNAME = "Қуанышбекова"
ADMIN, ADMIN_PASSWORD = "admin", "Boss-Key-2026"


@pytest.fixture
def folder(tmp_path):
    return tmp_path / "usb" / "backups"


@pytest.fixture
def destroyed(services, person, folder, clock):
    """Two old appeals and a recent one; a backup; then the old ones destroyed."""
    old = [services.appeals.create(appeal_data(
        person, received_at=day, substance=f"Жалоба на {SURNAME}")).id
        for day in ("2019-04-01 10:00", "2020-03-02 10:00")]
    recent = services.appeals.create(appeal_data(person)).id
    taken = backup.create_backup(services.db.database, folder, clock=clock)
    destroy_records(services, "appeal")
    return {"old": old, "recent": recent, "backup": taken.path}


def _appeals(services) -> set[str]:
    return {row[0] for row in services.db.execute_sql('SELECT id FROM "appeal"')}


def test_the_ledger_lists_the_destroyed_records_and_nothing_personal(services, db_path,
                                                                     destroyed):
    listed = read_ledger(ledger_path(db_path))
    assert [(r.owner_point, r.table, r.record_id, r.destroyed_by) for r in listed] == [
        ("ATY-017", "appeal", record_id, "system") for record_id in destroyed["old"]]
    text = ledger_path(db_path).read_text(encoding="utf-8")
    assert SURNAME not in text and "Сейтқалиева" not in text
    assert not list(db_path.parent.glob("*.part"))  # written through a temporary file
    assert ledger_path(db_path).stat().st_mode & 0o077 == 0  # the owner's only


def test_a_restore_of_an_earlier_backup_destroys_them_again(services, db_path, destroyed,
                                                            clock):
    services.db.close()
    kept, again = restore_keeping_erasure(destroyed["backup"], db_path, clock=clock)
    assert kept is not None and again is not None
    assert set(again.ids) == set(destroyed["old"]) and again.ledger == ledger_path(db_path)
    restored = open_services(db_path, clock=clock)
    assert _appeals(restored) == {destroyed["recent"]}
    assert restored.reapplied is None  # nothing left for the open to do
    assert check_database(restored.db) == []
    entry = AuditEntry.get_by_id(again.audit_entry)
    values = json.loads(entry.new_values)
    assert entry.action == "erased_again" and values["reason"] == "restore"
    assert values["backup"] == destroyed["backup"].name and values["count"] == 2
    assert sorted(values["ids"]["appeal"]) == sorted(destroyed["old"])
    assert changed_labels(entry, "ru") == (
        f"уничтожено повторно 2 зап., уничтоженных ранее (копия: {destroyed['backup'].name})")
    assert field_changes(entry, "ru") == []
    restored.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    assert file_holds(restored, SURNAME) == [False]
    restored.db.close()


def test_the_command_line_restore_says_what_it_destroyed_again(services, db_path, destroyed,
                                                               monkeypatch, capsys):
    services.staff.create({"login": ADMIN, "full_name": "Абенов Серик",
                           "password": ADMIN_PASSWORD, "role": Role.ADMINISTRATOR})
    services.db.close()
    code, out, err = _cli(monkeypatch, capsys, db_path, "--user", ADMIN,
                          "--user-password-stdin", "restore", str(destroyed["backup"]), "--yes",
                          stdin=ADMIN_PASSWORD + "\n")
    assert code == 0, err
    assert "Уничтожено повторно 2 зап." in out and str(ledger_path(db_path)) in out
    code, out, err = _cli(monkeypatch, capsys, db_path, "check")
    assert code == 0, out + err
    reopened = open_services(db_path)
    assert _appeals(reopened) == {destroyed["recent"]}
    reopened.db.close()


def test_a_new_pc_finds_the_ledger_beside_the_backups(services, db_path, destroyed, folder,
                                                      clock, tmp_path):
    clock.advance(hours=8)
    backup.create_backup(db_path, folder, clock=clock)  # the next backup carries the ledger
    assert read_ledger(folder_ledger_path(folder, "ATY-017")) == read_ledger(
        ledger_path(db_path))
    services.db.close()
    target = tmp_path / "pc2" / "point.db"
    target.parent.mkdir()
    _kept, again = restore_keeping_erasure(destroyed["backup"], target, clock=clock)
    assert again is not None and set(again.ids) == set(destroyed["old"])
    assert read_ledger(ledger_path(target)) == read_ledger(ledger_path(db_path))
    restored = open_services(target, clock=clock)
    assert _appeals(restored) == {destroyed["recent"]}
    assert check_database(restored.db) == []
    restored.db.close()


def test_every_open_destroys_again_what_a_file_copied_back_holds(services, db_path,
                                                                 destroyed, clock):
    """A backup put in place by hand (or a restore killed before it destroyed again)."""
    services.db.close()
    for extra in ("-wal", "-shm"):
        db_path.with_name(db_path.name + extra).unlink(missing_ok=True)
    shutil.copyfile(destroyed["backup"], db_path)
    reopened = open_services(db_path, clock=clock)
    assert reopened.reapplied is not None and len(reopened.reapplied.ids) == 2
    assert _appeals(reopened) == {destroyed["recent"]}
    assert check_database(reopened.db) == []
    assert json.loads(AuditEntry.get_by_id(reopened.reapplied.audit_entry).new_values)[
        "reason"] == "open"
    reopened.db.close()


@pytest.mark.parametrize("content", [b"", b'{"format": 1, "records": [{"owner_point": "AT'])
def test_a_damaged_ledger_is_named_and_nothing_is_lost(services, db_path, destroyed, clock,
                                                       content, person):
    ledger = ledger_path(db_path)
    ledger.write_bytes(content)
    more = services.appeals.create(appeal_data(person, received_at="2018-02-01 10:00"))
    with pytest.raises(DatabaseError) as refused:  # a destruction would overwrite it
        destroy_records(services, "appeal")
    assert refused.value.code == "erasure_ledger.damaged"
    assert str(ledger) in refused.value.message("ru") and "поврежден или пуст" in \
        refused.value.message("ru")
    assert more.id in _appeals(services) and ledger.read_bytes() == content
    services.db.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseError) as refused:
        restore_keeping_erasure(destroyed["backup"], db_path, clock=clock)
    assert str(ledger) in refused.value.message("kk")
    assert db_path.read_bytes() == before and ledger.read_bytes() == content
    assert not list(db_path.parent.glob("point.before-restore-*"))  # nothing was swapped
    reopened = open_services(db_path, clock=clock)  # the open goes on and says why later
    assert reopened.erasure_problem is not None and reopened.reapplied is None
    reopened.db.close()


def test_a_missing_backup_is_named_and_changes_nothing(services, db_path, destroyed, clock,
                                                     tmp_path):
    from inspector_app.errors import FileMissing

    services.db.close()
    before = db_path.read_bytes()
    with pytest.raises(FileMissing):
        restore_keeping_erasure(tmp_path / "inspector-ATY-017-20261101-090000.db", db_path,
                                clock=clock)
    assert db_path.read_bytes() == before


def test_the_cli_names_a_damaged_ledger(services, db_path, destroyed, monkeypatch, capsys):
    ledger_path(db_path).write_text("", encoding="utf-8")
    services.db.close()
    code, _, err = _cli(monkeypatch, capsys, db_path, "restore", str(destroyed["backup"]),
                        "--yes")
    assert code == 1 and str(ledger_path(db_path)) in err and "Ничего не изменено" in err


def test_an_inspector_cannot_restore_past_a_destruction(services, db_path, destroyed,
                                                        monkeypatch, capsys):
    services.db.close()
    code, _, err = _cli(monkeypatch, capsys, db_path, "--user", "erzhanov",
                        "--user-password-stdin", "restore", str(destroyed["backup"]), "--yes",
                        stdin=PASSWORD + "\n")
    assert code == 1 and err.strip()
    reopened = open_services(db_path)
    assert _appeals(reopened) == {destroyed["recent"]}
    assert not Appeal.select().where(Appeal.id.in_(destroyed["old"])).exists()
    reopened.db.close()


def test_an_encrypted_point_on_a_new_pc_destroys_again_with_the_backups_key(tmp_path):
    """The usual point: encrypted. Its backup made before the destruction, restored on a new
    PC with the key the backup's accounts unlock, comes back without the destroyed appeal."""
    from test_sync_restore import DAY, encrypted_point

    from inspector_app.domain.clock import FixedClock
    from inspector_app.services.setup import login_services

    point = encrypted_point(tmp_path / "pc1")
    person = point.persons.create({"surname": "Иванова", "first_name": "Мария"})
    old = point.appeals.create(appeal_data(person, received_at="2019-04-01 10:00",
                                           substance=f"Жалоба на {SURNAME}")).id
    key, folder, clock = point.keyring.key, tmp_path / "backups", FixedClock(DAY)
    taken = backup.create_backup(point.db.database, folder, clock=clock, key=key)
    destroy_records(point, "appeal")
    clock.advance(hours=1)
    backup.create_backup(point.db.database, folder, clock=clock, key=key)  # carries the list
    point.db.close()
    shutil.rmtree(tmp_path / "pc1")
    (tmp_path / "pc2").mkdir()
    target = tmp_path / "pc2" / "ATY-017.db"
    _kept, again = restore_keeping_erasure(taken.path, target, clock=clock, key=key)
    assert again is not None and again.ids == (old,)
    restored = login_services(target, "erzhanov", PASSWORD, clock=clock)
    try:
        assert old not in _appeals(restored) and check_database(restored.db) == []
    finally:
        restored.db.close()


def test_the_command_line_on_a_new_pc_destroys_again(services, db_path, destroyed, folder,
                                                     clock, tmp_path, monkeypatch, capsys):
    clock.advance(hours=8)
    backup.create_backup(db_path, folder, clock=clock)  # carries the list beside the backups
    services.db.close()
    target = tmp_path / "pc2" / "point.db"
    target.parent.mkdir()
    code, out, err = _cli(monkeypatch, capsys, target, "restore", str(destroyed["backup"]),
                          "--yes")
    assert code == 0, err
    assert "Уничтожено повторно 2 зап." in out and str(ledger_path(target)) in out
    code, out, err = _cli(monkeypatch, capsys, target, "check")
    assert code == 0, out + err


def test_a_destruction_lists_its_records_beside_the_backups_at_once(services, db_path, person,
                                                                    folder, clock, tmp_path):
    """No backup between the destruction and the loss of the PC: the folder's list, written
    in the destruction's step, still keeps the record destroyed on the new PC."""
    old = services.appeals.create(appeal_data(person, received_at="2019-04-01 10:00",
                                              substance=f"Жалоба на {SURNAME}")).id
    taken = backup.create_backup(db_path, folder, clock=clock)
    assert not folder_ledger_path(folder, "ATY-017").exists()  # nothing destroyed yet
    done = destroy_records(services, "appeal", backup_folder=folder)
    assert done.beside_backups is not None and done.beside_backups.missed is None
    assert done.beside_backups.path == folder_ledger_path(folder, "ATY-017")
    assert [r.record_id for r in read_ledger(done.beside_backups.path)] == [old]
    services.db.close()
    for lost in db_path.parent.glob(db_path.name + "*"):  # the PC is lost, with its ledger
        shutil.rmtree(lost) if lost.is_dir() else lost.unlink()
    target = tmp_path / "pc2" / "point.db"
    target.parent.mkdir()
    _kept, again = restore_keeping_erasure(taken.path, target, clock=clock)
    assert again is not None and again.ids == (old,)
    restored = open_services(target, clock=clock)
    try:
        assert old not in _appeals(restored) and check_database(restored.db) == []
    finally:
        restored.db.close()


def test_an_unreachable_backup_folder_does_not_stop_the_destruction(services, db_path, person,
                                                                    tmp_path, monkeypatch,
                                                                    capsys):
    old = services.appeals.create(appeal_data(person, received_at="2019-04-01 10:00")).id
    services.staff.create({"login": ADMIN, "full_name": "Абенов Серик",
                           "password": ADMIN_PASSWORD, "role": Role.ADMINISTRATOR})
    services.db.close()
    absent = tmp_path / "usb-not-plugged" / "backups"
    code, out, err = _cli(monkeypatch, capsys, db_path, "--user", ADMIN,
                          "--user-password-stdin", "retention", "destroy", "--kind", "appeal",
                          "--yes", "--folder", str(absent), stdin=ADMIN_PASSWORD + "\n")
    assert code == 0, err
    assert "уничтожено" in out and "рядом с резервными копиями не обновлен" in out
    assert f"папка резервных копий {absent} недоступна" in out
    assert "следующая резервная копия" in out and not absent.exists()
    assert [r.record_id for r in read_ledger(ledger_path(db_path))] == [old]
    reopened = open_services(db_path)
    try:
        assert old not in _appeals(reopened)
    finally:
        reopened.db.close()


def test_the_command_line_destruction_names_the_list_beside_the_backups(
        services, db_path, person, folder, monkeypatch, capsys):
    old = services.appeals.create(appeal_data(person, received_at="2019-04-01 10:00")).id
    services.staff.create({"login": ADMIN, "full_name": "Абенов Серик",
                           "password": ADMIN_PASSWORD, "role": Role.ADMINISTRATOR})
    services.db.close()
    folder.mkdir(parents=True)
    code, out, err = _cli(monkeypatch, capsys, db_path, "--user", ADMIN,
                          "--user-password-stdin", "retention", "destroy", "--kind", "appeal",
                          "--yes", "--folder", str(folder), stdin=ADMIN_PASSWORD + "\n")
    assert code == 0, err
    listed = folder_ledger_path(folder, "ATY-017")
    assert f"рядом с резервными копиями обновлен: {listed}" in out
    assert [r.record_id for r in read_ledger(listed)] == [old]
