"""Damaged and wrong files of each kind: each is named for what it is, and nothing is written
into a file the user named.

Before: a damaged page gave "unexpected error" in ``check`` and "nothing found" (exit 0) in
``search``; ``check`` wrote a new schema into a zero-byte file; a key-less encrypted file, a
read-only folder and a missing backup were all "damaged".
"""

from __future__ import annotations

import os
import sqlite3

from core_factories import make_person
from sync_fixtures import PASSWORD

from faults.test_fault_writers import cli
from inspector_app.protection import backup
from inspector_app.protection.encryption import key_file_path
from inspector_app.services.setup import FirstAccount, PointProfile, create_database

PAGE = 4096


def _damage_pages(db_path, first: int, count: int = 3) -> None:
    connection = sqlite3.connect(db_path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    with open(db_path, "r+b") as f:
        for page in range(first, first + count):
            f.seek(page * PAGE)
            f.write(os.urandom(PAGE))


def _filled(services, count: int = 300):
    for n in range(count):
        make_person(services, f"Иванов{n}", "Иван", notes="Примечание " * 30)
    services.db.close()
    return services.db.database


def test_a_damaged_page_is_reported_and_stops_writes_until_restored(services, tmp_path):
    db_path = _filled(services)
    folder = tmp_path / "backups"
    made = cli("--db", str(db_path), "backup", "--folder", str(folder))
    assert made.returncode == 0, made.stderr
    good = next(folder.glob("inspector-*.db"))
    _damage_pages(db_path, os.path.getsize(db_path) // PAGE // 2)

    checked = cli("--db", str(db_path), "--lang", "en", "check")
    assert checked.returncode == 1
    assert "is damaged" in checked.stderr and "unexpected" not in checked.stderr.lower()
    searched = cli("--db", str(db_path), "--lang", "en", "search", "zzz-nobody")
    assert searched.returncode == 1 and "is damaged" in searched.stderr
    assert "Nothing found" not in searched.stdout
    added = cli("--db", str(db_path), "--lang", "en", "users", "add", "--login", "novak",
                "--name", "Новак Иван", "--role", "inspector", "--password-stdin",
                stdin="Kz-Another-2026\nKz-Another-2026\n")
    assert added.returncode == 1 and "is damaged" in added.stderr

    restored = cli("--db", str(db_path), "restore", str(good), "--yes")
    assert restored.returncode == 0, restored.stderr
    assert cli("--db", str(db_path), "check").returncode == 0
    assert cli("--db", str(db_path), "search", "Иванов1").returncode == 0


def test_the_damage_message_names_the_latest_good_backup(services, tmp_path, monkeypatch):
    db_path = _filled(services, 200)
    folder = backup.default_backup_folder()
    made = cli("--db", str(db_path), "backup")
    assert made.returncode == 0, made.stderr
    _damage_pages(db_path, os.path.getsize(db_path) // PAGE // 2)
    checked = cli("--db", str(db_path), "--lang", "en", "check")
    assert checked.returncode == 1
    assert str(next(folder.glob("inspector-*.db"))) in checked.stderr


def test_a_zero_byte_file_is_never_given_a_schema(tmp_path):
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    for command in (("check",), ("search", "x"), ("users", "list"),
                    ("stats", "--from", "01.01.2026", "--to", "31.12.2026")):
        result = cli("--db", str(empty), "--lang", "en", *command)
        assert result.returncode == 1, command
        assert "empty" in result.stderr, result.stderr
        assert empty.read_bytes() == b""  # still zero bytes
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.db"]


def test_an_encrypted_database_without_its_key_file(tmp_path, clock):
    db_path = tmp_path / "secret.db"
    create_database(db_path, PointProfile(code="ATY-017", name="УПП №17", district="Атырау"),
                    FirstAccount(login="erzhanov", full_name="Ержанов Асхат", password=PASSWORD),
                    clock=clock, encrypt=True).db.close()
    keys = key_file_path(db_path)
    keys.rename(tmp_path / "elsewhere.keys")
    result = cli("--db", str(db_path), "--lang", "en", "check")
    assert result.returncode == 1
    assert "key file" in result.stderr and str(keys) in result.stderr


def test_a_read_only_folder_is_named(services, read_only_folder):
    folder, make_read_only = read_only_folder
    target = folder / "point.db"
    backup.copy_consistent(services.db.database, target)
    services.db.close()
    make_read_only()
    result = cli("--db", str(target), "--lang", "en", "users", "list")
    assert result.returncode == 1
    assert "Not writable" in result.stderr and str(folder) in result.stderr, result.stderr
    result = cli("--db", str(services.db.database), "--lang", "en", "backup", "--folder",
                 str(folder / "backups"))
    assert result.returncode == 1 and "Not writable" in result.stderr, result.stderr


def test_a_missing_backup_file_is_not_found(services, tmp_path):
    services.db.close()
    result = cli("--db", str(services.db.database), "--lang", "en", "restore",
                 str(tmp_path / "gone.db"), "--yes")
    assert result.returncode == 1
    assert "File not found" in result.stderr and "gone.db" in result.stderr
