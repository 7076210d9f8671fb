"""Backups of a server database: ``pg_dump`` in its custom format, verified, in rotation.

The dump is written aside (``.part``), then restored into a scratch database on the same
server (``pg_restore --exit-on-error``) whose point code and record counts must be the
server database's; only then does it get its final name, with the same JSON manifest and
copy of the district's sync keys as a file backup, and the same rotation
(:func:`inspector_app.protection.backup.rotate`). The scratch database is dropped afterwards.
An account without the right to create databases cannot verify so: the backup is then
refused, naming the reason (a dump never restored is not a backup one can count on).

Restoring (:func:`restore_server_backup`, ``inspector-cli --db URL restore BACKUP.pgdump``)
goes into an *empty* database (``createdb -O OWNER NAME`` first): never over a working one.
``pg_restore --exit-on-error --no-owner`` loads the dump, the restored database must hold the
point code and record counts the backup's manifest names, and the ``.sync-keys`` folder beside
the dump becomes that database's keys on this PC; a restore that fails that check is reported
and the keys are not installed.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import subprocess
import uuid
from pathlib import Path

from inspector_app.domain.clock import Clock
from inspector_app.errors import DatabaseError
from inspector_app.faults import partial_path, reported
from inspector_app.protection.backup import (
    COUNTED_TABLES,
    DUMP_SUFFIX,
    PREFIX,
    BackupInfo,
    _copy_sync_keys,
    _write_manifest,
    folder_lock,
    read_backup,
    remove_leftovers,
    rotate,
)
from inspector_app.storage.server import ServerDatabase, connect_params, describe, local_path


def server_tool(name: str) -> str:
    """The newest Debian PostgreSQL's ``pg_dump`` / ``pg_restore``, else the one on PATH."""
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
                   key=lambda p: int(Path(p).parent.parent.name))
    tool = found[-1] if found else shutil.which(name)
    if tool is None:
        raise DatabaseError("backup.server_tool_missing", tool=name)
    return tool


def _run(command: list[str], url: str) -> None:
    done = subprocess.run(command, capture_output=True, text=True, timeout=3600)
    if done.returncode != 0:
        raise DatabaseError("backup.server_failed", url=describe(url),
                            detail=(done.stderr or done.stdout).strip()[-500:])


def _facts(url: str) -> tuple[str, dict[str, int], int]:
    """Point code, record counts and change sequence of the database at ``url``."""
    db = ServerDatabase(url)
    db.connect()
    try:
        meta = dict(db.execute_sql('SELECT "key", "value" FROM "meta"', ()).fetchall())
        counts = {table: db.execute_sql(f'SELECT count(*) FROM "{table}"', ()).fetchone()[0]
                  for table in COUNTED_TABLES}
    finally:
        db.close()
    return meta.get("point_code", ""), counts, int(meta.get("change_seq", 0) or 0)


def _with_database(url: str, name: str) -> str:
    head, _, _ = url.rpartition("/")
    return f"{head}/{name}"


@contextlib.contextmanager
def _scratch_database(url: str):
    """A new, empty database on the server of ``url`` (dropped afterwards)."""
    import psycopg

    name = f"{connect_params(url)['dbname']}_verify_{uuid.uuid4().hex[:8]}"
    params = dict(connect_params(url), dbname="postgres")
    try:
        with psycopg.connect(**params, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error as exc:
        raise DatabaseError("backup.server_cannot_verify", url=describe(url),
                            detail=str(exc).strip()) from exc
    try:
        yield _with_database(url, name)
    finally:
        with psycopg.connect(**params, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def create_server_backup(url: str, folder: str | Path, *, clock: Clock | None = None,
                         reason: str = "manual") -> BackupInfo:
    """Dump the server database at ``url`` into ``folder``; verified before it is named."""
    clock = clock or Clock()
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    with folder_lock(folder):
        remove_leftovers(folder)
        moment = clock.now_local().replace(microsecond=0)
        point_code, counts, seq = _facts(url)
        target = folder / f"{PREFIX}{point_code or 'db'}-{moment:%Y%m%d-%H%M%S}{DUMP_SUFFIX}"
        partial = partial_path(target)
        try:
            with reported(partial):
                # the record tables' row-level security holds their owner too (migration
                # 0019): without this pg_dump would refuse them; unlimited, it reads all
                _run([server_tool("pg_dump"), "--format=custom", "--no-owner",
                      "--enable-row-security", f"--file={partial}", f"--dbname={url}"], url)
            with _scratch_database(url) as scratch:
                _run([server_tool("pg_restore"), "--exit-on-error", "--no-owner",
                      f"--dbname={scratch}", str(partial)], url)
                restored = _facts(scratch)
            if restored[:2] != (point_code, counts):
                raise DatabaseError("backup.damaged", path=str(partial),
                                    detail="the restored dump differs")
            info = BackupInfo(target, moment, point_code, reason, counts, seq,
                              partial.stat().st_size, False)
            _copy_sync_keys(local_path(url), target)
            _write_manifest(info, clock)
            os.replace(partial, target)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        rotate(folder, point_code)
    return info


def _is_empty(url: str) -> bool:
    """Whether the database at ``url`` holds no table of its own (a new ``createdb``)."""
    db = ServerDatabase(url)
    db.connect()
    try:
        (tables,) = db.execute_sql(
            "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN "
            "('pg_catalog', 'information_schema')", ()).fetchone()
    finally:
        db.close()
    return tables == 0


def restore_server_backup(backup: str | Path, url: str) -> BackupInfo:
    """Load the dump ``backup`` into the empty server database at ``url``, check it holds
    what the backup's manifest says, and install the backup's sync keys for it."""
    from inspector_app.storage.server import connection_refused
    from inspector_app.sync.keys import keys_dir

    backup = Path(backup)
    info = read_backup(backup)
    if info is None or not backup.name.endswith(DUMP_SUFFIX) or not info.counts:
        raise DatabaseError("restore.server_not_a_dump", path=str(backup))
    try:
        empty = _is_empty(url)
    except Exception as exc:  # psycopg / peewee: unreachable, wrong password, no database
        raise connection_refused(url, exc) from exc
    if not empty:
        raise DatabaseError("restore.server_not_empty", url=describe(url))
    keys = keys_dir(local_path(url))
    if keys.exists():
        raise DatabaseError("copy_to.keys_exist", path=str(keys))
    _run([server_tool("pg_restore"), "--exit-on-error", "--no-owner", f"--dbname={url}",
          str(backup)], url)
    point_code, counts, _ = _facts(url)
    if (point_code, counts) != (info.point_code, info.counts):
        raise DatabaseError("restore.server_differs", url=describe(url), path=str(backup))
    local_path(url).parent.mkdir(parents=True, exist_ok=True)
    _copy_sync_keys(backup, local_path(url))
    return info
