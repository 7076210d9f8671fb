"""Encryption at rest: the file, its backups and copies hold no readable personal data; each
account's password and the recovery key open it; nothing else does."""

from __future__ import annotations

import json

import pytest
from conftest import NOW, PASSWORD
from core_factories import appeal_data

from inspector_app.errors import AuthenticationFailed, DatabaseError, PermissionDenied
from inspector_app.protection import backup
from inspector_app.protection.encryption import (
    Credentials,
    RecoveryKey,
    is_encrypted,
    key_file_path,
)
from inspector_app.protection.integrity import check_database
from inspector_app.services.context import Services
from inspector_app.services.encryption import encrypt_database
from inspector_app.services.setup import (
    FirstAccount,
    PointProfile,
    create_database,
    login_services,
    open_services,
)
from inspector_app.storage.models import Person

SURNAME = "Сейтқалиева"
IIN = "900215400102"


def personal_data_in(path) -> list[str]:
    """The personal data (surname, ИИН, address) found as bytes in a file."""
    data = path.read_bytes()
    found = []
    for text in (SURNAME, IIN, "ул. Абая"):
        for encoding in ("utf-8", "utf-16-le"):
            if text.encode(encoding) in data:
                found.append(text)
    return found


def add_person(services):
    return services.persons.create({"surname": SURNAME, "first_name": "Әйгерім",
                                    "patronymic": "Нұрланқызы", "iin": IIN,
                                    "address": "г. Атырау, ул. Абая, 12"})


@pytest.fixture
def encrypted(tmp_path, clock):
    """A new encrypted point database with one person; yields (path, recovery key)."""
    path = tmp_path / "secret.db"
    services = create_database(
        path, PointProfile(code="ATY-017", name="УПП №17", district="Атырау"),
        FirstAccount(login="erzhanov", full_name="Ержанов Асхат Серікұлы", password=PASSWORD),
        clock=clock, encrypt=True)
    recovery = services.keyring.recovery_key
    add_person(services)
    services.db.close()
    return path, recovery


def test_the_file_holds_no_readable_personal_data(encrypted):
    path, _ = encrypted
    assert is_encrypted(path)
    assert personal_data_in(path) == []
    assert not path.read_bytes().startswith(b"SQLite format 3")
    wal = path.with_name(path.name + "-wal")
    assert not wal.exists() or personal_data_in(wal) == []
    keys = json.loads(key_file_path(path).read_text())
    assert set(keys["accounts"]) == {"erzhanov"} and keys["recovery"]
    assert SURNAME not in key_file_path(path).read_text()


def test_it_opens_with_the_password_and_not_without(encrypted, clock):
    path, _ = encrypted
    services = login_services(path, "erzhanov", PASSWORD, clock=clock)
    try:
        assert services.session.login == "erzhanov"
        assert [p.iin for p in Person.select()] == [IIN]
        assert services.search.persons("сейтқали", 5)[0].iin == IIN  # FTS works inside
        assert check_database(services.db) == []
    finally:
        services.db.close()
    with pytest.raises(DatabaseError) as caught:
        open_services(path, clock=clock)
    assert caught.value.code == "error.db_encrypted"
    with pytest.raises(AuthenticationFailed):
        open_services(path, clock=clock, credentials=Credentials("erzhanov", "Wrong-Pass-1",
                                                                 clock))
    import sqlite3

    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(str(path)).execute("SELECT * FROM person").fetchall()


def test_wrong_unlock_passwords_are_throttled(encrypted, clock):
    path, _ = encrypted
    for _ in range(4):
        with pytest.raises(AuthenticationFailed) as caught:
            open_services(path, credentials=Credentials("erzhanov", "Wrong-Pass-1", clock))
        clock.advance(seconds=caught.value.params["retry_after"])
    with pytest.raises(AuthenticationFailed) as caught:
        open_services(path, credentials=Credentials("erzhanov", "Wrong-Pass-1", clock))
    assert caught.value.code == "error.account_locked"
    with pytest.raises(AuthenticationFailed):
        open_services(path, credentials=Credentials("erzhanov", PASSWORD, clock))


def test_each_account_unlocks_with_its_own_password(encrypted, clock):
    path, recovery = encrypted
    owner = open_services(path, clock=clock, credentials=RecoveryKey(recovery))
    owner.staff.create({"login": "admin", "full_name": "Абенов Серик",
                        "role": "administrator", "password": "Boss-Key-2026"})
    owner.db.close()
    admin = login_services(path, "admin", "Boss-Key-2026", clock=clock)
    made = admin.staff.create({"login": "assist", "full_name": "Нурланова Динара",
                               "role": "assistant", "password": "Temp-Pass-001"})
    admin.db.close()
    helper = login_services(path, "assist", "Temp-Pass-001", clock=clock)
    assert helper.session.must_change_password
    helper.staff.change_own_password("Temp-Pass-001", "Own-Pass-2027")
    helper.db.close()
    with pytest.raises(AuthenticationFailed):
        open_services(path, credentials=Credentials("assist", "Temp-Pass-001", clock))
    clock.advance(seconds=5)
    login_services(path, "assist", "Own-Pass-2027", clock=clock).db.close()

    admin = login_services(path, "admin", "Boss-Key-2026", clock=clock)
    admin.staff.deactivate(made.id)  # a closed account no longer unlocks the file
    admin.db.close()
    assert "assist" not in json.loads(key_file_path(path).read_text())["accounts"]
    clock.advance(seconds=5)
    with pytest.raises(AuthenticationFailed):
        open_services(path, credentials=Credentials("assist", "Own-Pass-2027", clock))


def test_a_password_change_never_reencrypts_the_data(encrypted, clock):
    path, _ = encrypted
    services = login_services(path, "erzhanov", PASSWORD, clock=clock)
    key = services.keyring.key
    services.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    services.staff.change_own_password(PASSWORD, "New-Secret-2027")
    services.db.close()
    after = open_services(path, credentials=Credentials("erzhanov", "New-Secret-2027", clock))
    assert after.keyring.key == key  # the same database key, only re-wrapped
    after.db.close()


def test_the_recovery_key_opens_it(encrypted, clock):
    path, recovery = encrypted
    assert len(recovery.replace("-", "")) == 32
    services = open_services(path, clock=clock, credentials=RecoveryKey(recovery.lower()))
    try:  # acting as the file's owner: reset a forgotten password
        staff = services.staff.by_login("erzhanov")
        services.staff.reset_password(staff.id, "After-Loss-2027")
    finally:
        services.db.close()
    login_services(path, "erzhanov", "After-Loss-2027", clock=clock).db.close()
    with pytest.raises(AuthenticationFailed) as caught:
        open_services(path, credentials=RecoveryKey("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH"))
    assert caught.value.code == "error.recovery_key_wrong"


def test_backups_of_an_encrypted_database_stay_encrypted(encrypted, clock, tmp_path):
    path, recovery = encrypted
    services = login_services(path, "erzhanov", PASSWORD, clock=clock)
    key = services.keyring.key
    services.db.close()
    folder = tmp_path / "usb"
    info = backup.create_backup(path, folder, clock=clock, key=key)
    assert info.encrypted and info.counts["person"] == 1
    assert personal_data_in(info.path) == []
    assert key_file_path(info.path).exists()  # the backup opens with the same passwords
    restored = tmp_path / "restored.db"
    backup.restore_backup(info.path, restored, key=key)
    import shutil

    shutil.copyfile(key_file_path(info.path), key_file_path(restored))
    again = open_services(restored, credentials=RecoveryKey(recovery))
    assert [p.surname for p in Person.select()] == [SURNAME]
    again.db.close()
    assert backup.latest_good_backup(folder, key=key).path == info.path


def test_a_plain_database_is_converted_in_place_keeping_every_record(services, db_path,
                                                                       clock, person):
    from core_factories import snapshot

    for n in range(30):
        services.appeals.create(appeal_data(person, substance=f"Обращение {n}"))
    services.staff.create({"login": "assist", "full_name": "Нурланова Динара",
                           "role": "assistant", "password": "Strong-Pass-2026"})
    before = snapshot()
    services.db.close()
    assert personal_data_in(db_path) != []

    keyring, others = encrypt_database(db_path, "erzhanov", PASSWORD, clock=clock)
    assert others == ["assist"] and keyring.recovery_key
    assert personal_data_in(db_path) == []
    assert list(db_path.parent.glob("*.encrypting")) == []
    converted = login_services(db_path, "erzhanov", PASSWORD, clock=clock)
    try:
        assert snapshot() == before
        assert check_database(converted.db) == []
        assert converted.search.persons(IIN, 5)[0].surname == SURNAME
        converted.appeals.create(appeal_data(person, substance="После шифрования"))
    finally:
        converted.db.close()
    with pytest.raises(DatabaseError):
        encrypt_database(db_path, "erzhanov", PASSWORD, clock=clock)


def test_conversion_needs_an_officer_or_the_administrator(services, db_path, clock):
    services.staff.create({"login": "assist", "full_name": "Нурланова Динара",
                           "role": "assistant", "password": "Strong-Pass-2026"})
    services.db.close()
    with pytest.raises(PermissionDenied):
        encrypt_database(db_path, "assist", "Strong-Pass-2026", clock=clock)
    assert not is_encrypted(db_path) and not key_file_path(db_path).exists()
    plain = open_services(db_path)
    assert plain.keyring is None and plain.staff.by_login("assist") is not None
    plain.db.close()


def test_a_conversion_stopped_between_its_renames_is_finished(services, db_path, clock,
                                                              person, monkeypatch):
    import os

    from inspector_app.protection import encryption

    services.db.close()
    real_replace = os.replace
    calls = []

    def crash_on_key_file(src, dst):
        calls.append(dst)
        if str(dst).endswith(".keys"):
            raise KeyboardInterrupt  # the power went off right after the data swap
        return real_replace(src, dst)

    monkeypatch.setattr(encryption.os, "replace", crash_on_key_file)
    with pytest.raises(KeyboardInterrupt):
        encrypt_database(db_path, "erzhanov", PASSWORD, clock=clock)
    monkeypatch.setattr(encryption.os, "replace", real_replace)
    assert not key_file_path(db_path).exists()  # the data is encrypted, its key aside
    reopened = login_services(db_path, "erzhanov", PASSWORD, clock=clock)
    assert reopened.persons.get(person.id).iin == IIN
    reopened.db.close()


def test_the_recovery_sheet_prints_the_key(encrypted, tmp_path):
    from pypdf import PdfReader

    from inspector_app.protection.recovery_sheet import write_recovery_sheet

    path, recovery = encrypted
    sheet = write_recovery_sheet(tmp_path / "sheet.pdf", recovery, point_code="ATY-017",
                                 point_name="УПП №17", database_file=str(path),
                                 created_at=NOW)
    text = PdfReader(str(sheet)).pages[0].extract_text()
    assert "Ключ восстановления" in text and "УПП №17" in text
    for group in recovery.split("-"):
        assert group in text


def test_plain_databases_are_untouched_by_all_this(services, db_path):
    assert not is_encrypted(db_path) and services.keyring is None
    assert Services(services.db).keyring is None


def test_the_copy_before_a_migration_stays_encrypted(encrypted, clock, monkeypatch):
    from inspector_app.storage import migrations

    path, recovery = encrypted
    number = migrations.LATEST_VERSION + 1
    monkeypatch.setattr(migrations, "MIGRATIONS", (*migrations.MIGRATIONS, migrations.Migration(
        number, "test_only", lambda db: db.execute_sql('CREATE TABLE "extra" ("x" INTEGER)'))))
    monkeypatch.setattr(migrations, "LATEST_VERSION", number)
    open_services(path, credentials=RecoveryKey(recovery)).db.close()
    copy = migrations.backup_path(path, number - 1)
    assert copy.exists() and key_file_path(copy).exists()
    assert personal_data_in(copy) == []
    assert backup.describe_backup(copy, login_key(path, clock)).counts["person"] == 1


def login_key(path, clock) -> bytes:
    services = login_services(path, "erzhanov", PASSWORD, clock=clock)
    services.db.close()
    return services.keyring.key


def test_the_command_line_encrypts_and_unlocks_the_same_way(services, db_path, person,
                                                            tmp_path, monkeypatch, capsys):
    from test_lockout import cli

    services.db.close()
    sheet = tmp_path / "sheet.pdf"
    user = ["--user", "erzhanov", "--user-password-stdin"]
    code, out, err = cli(monkeypatch, capsys, db_path, *user, "encrypt", "--sheet", str(sheet),
                         stdin=PASSWORD + "\n")
    assert code == 0, err
    assert "encrypted" in out and sheet.exists() and personal_data_in(db_path) == []
    from pypdf import PdfReader

    recovery = PdfReader(str(sheet)).pages[0].extract_text()
    code, out, err = cli(monkeypatch, capsys, db_path, "search", "Сейтқалиева")
    assert code == 1 and "--user" in err
    code, out, err = cli(monkeypatch, capsys, db_path, *user, "search", "Сейтқалиева",
                         stdin=PASSWORD + "\n")
    assert code == 0 and IIN in out
    code, out, err = cli(monkeypatch, capsys, db_path, *user, "check", stdin=PASSWORD + "\n")
    assert code == 0, err
    key_text = next(line for line in recovery.splitlines() if line.count(" - ") == 3)
    key_text += "-" + next(line for line in recovery.splitlines()
                           if line.count(" - ") == 3 and line not in key_text)
    code, out, err = cli(monkeypatch, capsys, db_path, "--recovery-key-stdin", "users",
                         "reset", "--login", "erzhanov", "--password-stdin",
                         stdin=key_text.replace(" ", "") + "\nAfter-Loss-2027\n")
    assert code == 0, err
    backup_as_erzhanov = ["--user", "erzhanov", "--user-password-stdin", "backup", "--folder",
                          str(tmp_path / "usb")]
    # the reset password is a temporary one: it opens the file, but only to be changed
    code, out, err = cli(monkeypatch, capsys, db_path, *backup_as_erzhanov,
                         stdin="After-Loss-2027\n")
    assert code == 1 and "passwd --login erzhanov" in err
    code, out, err = cli(monkeypatch, capsys, db_path, "passwd", "--login", "erzhanov",
                         "--password-stdin",
                         stdin="After-Loss-2027\nMy-Own-Key-2028\nMy-Own-Key-2028\n")
    assert code == 0, err
    code, out, err = cli(monkeypatch, capsys, db_path, *backup_as_erzhanov,
                         stdin="My-Own-Key-2028\n")
    assert code == 0, err
    backup_file = next((tmp_path / "usb").glob("*.db"))
    assert personal_data_in(backup_file) == []


@pytest.mark.slow
def test_an_old_plain_backup_is_restored_encrypted(services, db_path, clock, tmp_path, person):
    folder = tmp_path / "usb"
    old = backup.create_backup(db_path, folder, clock=clock)  # made before encrypting
    services.db.close()
    keyring, _ = encrypt_database(db_path, "erzhanov", PASSWORD, clock=clock)
    assert backup.health_check(db_path).code == "backup.check_after_unlock"
    assert backup.health_check(db_path, keyring.key).ok
    kept = backup.restore_backup(old.path, db_path, clock=clock, key=keyring.key)
    assert personal_data_in(db_path) == [] and personal_data_in(kept) == []
    restored = login_services(db_path, "erzhanov", PASSWORD, clock=clock)
    assert restored.persons.get(person.id).iin == IIN
    restored.db.close()
