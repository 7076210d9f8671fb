"""Encrypting a plain database in place: a use case (log in, check the right, rekey) over the
low-level key handling of :mod:`inspector_app.protection.encryption`."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from inspector_app.domain.clock import Clock
from inspector_app.domain.permissions import Action
from inspector_app.errors import DatabaseError
from inspector_app.protection.encryption import (
    PENDING_SUFFIX,
    Keyring,
    connect_file,
    export_encrypted,
    is_encrypted,
    is_plain_file,
    key_file_path,
    new_keyring,
    table_counts,
)
from inspector_app.protection.private_files import private_files
from inspector_app.services.setup import login_services
from inspector_app.sync.keys import protect_keys


@private_files()
def encrypt_database(db_path: str | Path, login: str, password: str, *,
                     clock: Clock | None = None) -> tuple[Keyring, list[str]]:
    """Encrypt an existing plain database in place: copy, verify, swap.

    ``login`` must be an active account of the database allowed to edit the point's profile
    (an inspector or the administrator); its password unlocks the result. Returns the key
    ring (``recovery_key`` set, for the sheet) and the other active logins, which get a key
    when the administrator resets their password. The plain migration copies beside the file
    are removed. The app must not have the database open.
    """
    db_path = Path(db_path)
    if is_encrypted(db_path):
        raise DatabaseError("error.db_already_encrypted", path=str(db_path))
    services = login_services(db_path, login, password, clock=clock)
    try:
        services.require(Action.EDIT_PROFILE)
        others = [staff.login for staff in services.staff.officers()
                  if staff.login != services.session.login]
        services.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        services.db.close()
    with contextlib.closing(sqlite3.connect(str(db_path))) as plain:
        expected = table_counts(plain)
        version = plain.execute("PRAGMA user_version").fetchone()[0]
    keyring = new_keyring(db_path)
    converted = db_path.with_name(db_path.name + ".encrypting")
    pending = key_file_path(db_path).with_name(key_file_path(db_path).name + PENDING_SUFFIX)
    try:
        export_encrypted(db_path, converted, keyring.key)
        with contextlib.closing(connect_file(converted, keyring.key, readonly=True)) as check:
            if check.execute("PRAGMA quick_check").fetchone()[0] != "ok" \
                    or table_counts(check) != expected \
                    or check.execute("PRAGMA user_version").fetchone()[0] != version:
                raise DatabaseError("error.encryption_verify_failed", path=str(db_path))
        keyring.add_account(services.session.login, password, save_to=pending)
        keyring.new_recovery_key_into(pending)  # the key file waits beside until the swap
        for extra in ("-wal", "-shm"):
            db_path.with_name(db_path.name + extra).unlink(missing_ok=True)
        os.replace(converted, db_path)
        os.replace(pending, key_file_path(db_path))
        protect_keys(db_path, keyring.key)  # the sync keys are wrapped from now on
    except BaseException:
        converted.unlink(missing_ok=True)
        if is_plain_file(db_path):
            pending.unlink(missing_ok=True)
            key_file_path(db_path).unlink(missing_ok=True)
        raise
    for plain_copy in db_path.parent.glob(db_path.name + ".v*.bak"):
        plain_copy.unlink()
    return keyring, others
