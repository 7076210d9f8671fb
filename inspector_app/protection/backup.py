"""Backups and recovery: consistent copies in rotation, verified, restorable, and a start check.

- :func:`create_backup` copies the database with SQLite's online backup API (a consistent
  snapshot even while the app writes), verifies the copy (opens it, ``quick_check``, counts the
  records) and only then gives it its final name beside a small manifest (date, counts) and,
  for an encrypted database, a copy of its key file, and merges the database's erasure ledger
  into the one beside the backups (:mod:`~.erasure_ledger`). Then :func:`rotate` keeps every backup
  of the latest day and 7 daily, 4 weekly and 12 monthly backups. One backup at a time per
  folder (:func:`folder_lock`); what a killed backup left (``*.db.part``) is removed by the
  next one. A full disk is reported with the folder and the space a copy needs.
- :func:`backup_if_due` is what the GUI calls daily and on exit.
- :func:`restore_backup` verifies the chosen backup, keeps a copy of the current database and
  swaps the file in; :func:`require_restore_right` is the rule every front end asks first
  (the administrator, or the file's owner without a session: ``docs/roles.md``).
- :func:`health_check` and :func:`latest_good_backup` let the app explain damage at start and
  offer the newest backup that is sound instead of crashing.
- :func:`plain_backups` finds the backups made before the database was encrypted;
  :func:`secure_plain_backups` encrypts (or deletes) them.

Long work reports ``progress(done, total) -> bool``; returning False cancels.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from inspector_app.domain.clock import Clock
from inspector_app.domain.permissions import Action
from inspector_app.errors import (
    DatabaseDamaged,
    DatabaseError,
    DiskFull,
    FaultError,
    FileMissing,
    InspectorError,
    NotWritable,
)
from inspector_app.faults import (
    PARTIAL_SUFFIX,
    classify,
    clear_damage,
    fsync_file,
    partial_path,
    record_damage,
    reported,
)
from inspector_app.kinds import KINDS
from inspector_app.paths import user_data_dir
from inspector_app.protection.encryption import (
    connect_file,
    export_encrypted,
    is_encrypted,
    is_plain_file,
    key_file_path,
)
from inspector_app.protection.erasure_ledger import copy_beside_backups
from inspector_app.protection.instance_lock import InstanceLock
from inspector_app.protection.private_files import private_files
from inspector_app.sync.keys import keys_dir, protect_keys
from inspector_app.sync.restored import mark_restored

Progress = Callable[[int, int], bool]
PREFIX = "inspector-"
SUFFIX = ".db"
DUMP_SUFFIX = ".pgdump"
"""A server database's backups (:mod:`inspector_app.protection.server_backup`)."""
COUNTED_TABLES = (*(k.table for k in KINDS.values() if k.counted), "audit_entry")
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
LOCK_WAIT_SECONDS = 120
FOLDER_LOCK_NAME = ".backups"  # the lock file: .backups.lock (kept; it names the holder)
PAGES_PER_STEP = 256


class BackupCancelled(InspectorError):
    code = "backup.cancelled"


@dataclass(frozen=True)
class BackupInfo:
    """One backup file and what its manifest (or the file itself) says about it."""

    path: Path
    created_at: datetime  # local time
    point_code: str = ""
    reason: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    change_seq: int = 0
    size: int = 0
    encrypted: bool = False

    @property
    def records(self) -> int:
        """Records of every kind (the audit entries not included)."""
        return sum(n for table, n in self.counts.items() if table != "audit_entry")


@dataclass(frozen=True)
class HealthReport:
    """The outcome of the start check: ``ok``, or a message code and SQLite's detail."""

    ok: bool
    code: str = ""
    detail: str = ""


def default_backup_folder() -> Path:
    return user_data_dir() / "backups"


def manifest_path(backup: Path) -> Path:
    return backup.with_name(backup.name + ".json")


def _backup_name(point_code: str, moment: datetime) -> str:
    return f"{PREFIX}{point_code or 'db'}-{moment:%Y%m%d-%H%M%S}{SUFFIX}"


def _counts(connection) -> dict[str, int]:
    counts = {}
    for table in COUNTED_TABLES:
        with contextlib.suppress(Exception):
            counts[table] = connection.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
    return counts


def _meta(connection, key: str) -> str:
    try:
        row = connection.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    except Exception:  # noqa: BLE001 - a damaged or foreign file has no meta
        return ""
    return row[0] if row else ""


def inspect_file(path: str | Path, key: bytes | None = None) -> tuple[str, dict[str, int], int]:
    """``quick_check`` a database file; returns (point code, record counts, change seq).

    Raises :class:`DatabaseError` (``backup.damaged``) when the file is unreadable or damaged,
    :class:`FileMissing` when there is no such file.
    """
    if not Path(path).is_file():
        raise FileMissing(path=str(path))
    try:
        connection = connect_file(path, key, readonly=True)
    except Exception as exc:  # noqa: BLE001
        raise DatabaseError("backup.damaged", path=str(path), detail=str(exc)) from exc
    try:
        result = [row[0] for row in connection.execute("PRAGMA quick_check").fetchall()]
        if result != ["ok"]:
            raise DatabaseError("backup.damaged", path=str(path), detail="; ".join(result[:3]))
        counts = _counts(connection)
        seq = _meta(connection, "change_seq")
        return _meta(connection, "point_code"), counts, int(seq) if seq else 0
    except DatabaseError:
        raise
    except Exception as exc:  # noqa: BLE001 - sqlite3/sqlcipher errors: not a database...
        raise DatabaseError("backup.damaged", path=str(path), detail=str(exc)) from exc
    finally:
        connection.close()


def copy_consistent(source: str | Path, target: str | Path, key: bytes | None = None,
                    progress: Progress | None = None) -> None:
    """Copy ``source`` to ``target`` with SQLite's online backup API (one snapshot), leaving
    ``target`` a self-contained file (rollback journal, not WAL)."""
    src = connect_file(source, key, readonly=True)
    dst = connect_file(target, key)
    try:
        def step(_status: int, remaining: int, total: int) -> None:
            if progress is not None and not progress(total - remaining, total):
                raise BackupCancelled()

        # An open read transaction pins one WAL snapshot for every step of the copy, so
        # writers go on (WAL readers never block them) and the copy never has to restart.
        src.isolation_level = None
        src.execute("BEGIN")
        src.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        try:
            src.backup(dst, pages=PAGES_PER_STEP, progress=step)
        finally:
            src.execute("COMMIT")
        dst.execute("PRAGMA journal_mode=DELETE")
        dst.commit()
    finally:
        dst.close()
        src.close()


@private_files()
def create_backup(db_path: str | Path, folder: str | Path, *, clock: Clock | None = None,
                  key: bytes | None = None, reason: str = "manual",
                  progress: Progress | None = None, rotate_after: bool = True) -> BackupInfo:
    """Back up ``db_path`` into ``folder`` now; verified before it gets its final name."""
    clock = clock or Clock()
    db_path, folder = Path(db_path), Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        if isinstance(classify(exc, path=folder), NotWritable):
            raise classify(exc, path=folder) from exc
        raise DatabaseError("backup.folder_unusable", folder=str(folder), detail=str(exc)) from exc
    with folder_lock(folder):
        remove_leftovers(folder)
        info = _copy_verified(db_path, folder, clock, key, reason, progress)
        with contextlib.suppress(DatabaseError):  # a damaged ledger: named where it is needed
            copy_beside_backups(db_path, folder, info.point_code)
        _log(db_path, key, info, clock)
        if rotate_after:
            rotate(folder, info.point_code)
    return info


def _copy_verified(db_path: Path, folder: Path, clock: Clock, key: bytes | None, reason: str,
                   progress: Progress | None) -> BackupInfo:
    moment = clock.now_local().replace(microsecond=0)
    with contextlib.closing(connect_file(db_path, key, readonly=True)) as probe:
        point_code = _meta(probe, "point_code")
    target = folder / _backup_name(point_code, moment)
    partial = partial_path(target)
    needed = sum(p.stat().st_size for p in (db_path, *_sidecars(db_path)) if p.exists())
    try:
        with reported(partial, needed):
            copy_consistent(db_path, partial, key, progress)
            fsync_file(partial)
        try:
            code, counts, seq = inspect_file(partial, key)
        except DatabaseError as exc:  # a sound copy of a damaged file is damaged too
            if health_check(db_path, key).ok:
                raise
            record_damage(db_path, str(exc.params.get("detail", "")))
            raise DatabaseDamaged(path=str(db_path), detail=exc.params.get("detail", "")) \
                from exc
        if code != point_code:
            raise DatabaseError("backup.damaged", path=str(partial), detail="point code")
        info = BackupInfo(target, moment, point_code, reason, counts, seq,
                          partial.stat().st_size, key is not None)
        with reported(target, needed):
            if key is not None:
                shutil.copyfile(key_file_path(db_path), key_file_path(target))
            _copy_sync_keys(db_path, target)
            _write_manifest(info, clock)
            os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        if not target.exists():
            for sidecar in _backup_sidecars(target):
                sidecar.unlink(missing_ok=True)
            shutil.rmtree(keys_dir(target), ignore_errors=True)
        raise
    return info


def _backup_sidecars(backup: Path) -> tuple[Path, Path]:
    return manifest_path(backup), key_file_path(backup)


@contextlib.contextmanager
def folder_lock(folder: Path, wait_seconds: float = LOCK_WAIT_SECONDS):
    """One backup at a time in ``folder`` (the GUI's and a CLI's): the second waits.

    Holding it also means that every ``.part`` file in the folder is a leftover of a backup
    that was killed, safe to remove."""
    lock = InstanceLock(folder / FOLDER_LOCK_NAME)
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            with reported(folder):
                lock.acquire()
            break
        except FaultError:
            raise
        except DatabaseError:
            if time.monotonic() >= deadline:
                raise DatabaseError("backup.busy", folder=str(folder)) from None
            time.sleep(0.2)
    try:
        yield
    finally:
        lock.release()


def remove_leftovers(folder: Path) -> list[Path]:
    """Delete what killed backups left in ``folder`` (``*.db.part`` copies); call it holding
    :func:`folder_lock`. Returns the files removed."""
    leftovers = list(folder.glob(f"{PREFIX}*{SUFFIX}{PARTIAL_SUFFIX}"))
    for backup in folder.glob(f"{PREFIX}*{SUFFIX}.*"):  # a manifest or key file alone
        owner = backup.with_name(backup.name[:backup.name.rindex(SUFFIX) + len(SUFFIX)])
        if backup in _backup_sidecars(owner) and not owner.exists():
            leftovers.append(backup)
    removed = []
    for leftover in leftovers:
        with contextlib.suppress(OSError):
            leftover.unlink()
            removed.append(leftover)
    return removed


def _write_manifest(info: BackupInfo, clock: Clock) -> None:
    data = {"format": 1, "created_at": info.created_at.isoformat(sep=" "),
            "created_utc": clock.now_utc().replace(microsecond=0).isoformat(sep=" "),
            "point_code": info.point_code, "reason": info.reason, "counts": info.counts,
            "change_seq": info.change_seq, "size": info.size, "encrypted": info.encrypted}
    path = manifest_path(info.path)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def _log(db_path: Path, key: bytes | None, info: BackupInfo, clock: Clock) -> None:
    """A line in the database's own backup log (best effort: the backup itself is done)."""
    with contextlib.suppress(Exception):
        connection = connect_file(db_path, key)
        try:
            connection.execute("PRAGMA busy_timeout = 5000")
            connection.execute(
                "INSERT INTO backup_log (at, reason, path, size, verified, detail) "
                "VALUES (?, ?, ?, ?, 1, ?)",
                (clock.now_utc().replace(microsecond=0).isoformat(sep=" "), info.reason,
                 str(info.path), info.size, json.dumps(info.counts)))
            connection.commit()
        finally:
            connection.close()


def read_backup(path: str | Path) -> BackupInfo | None:
    """What a backup's manifest says, or None for a file that is not one of our backups."""
    path = Path(path)
    try:
        data = json.loads(manifest_path(path).read_text(encoding="utf-8"))
        return BackupInfo(path, datetime.fromisoformat(data["created_at"]),
                          data.get("point_code", ""), data.get("reason", ""),
                          dict(data.get("counts", {})), int(data.get("change_seq", 0)),
                          int(data.get("size", 0)), bool(data.get("encrypted")))
    except (OSError, ValueError, KeyError, TypeError):
        pass
    suffix = DUMP_SUFFIX if path.name.endswith(DUMP_SUFFIX) else SUFFIX
    stem = path.name[len(PREFIX):-len(suffix)] if path.name.startswith(PREFIX) else ""
    try:
        moment = datetime.strptime(stem[-15:], "%Y%m%d-%H%M%S")
    except ValueError:
        return None
    return BackupInfo(path, moment, stem[:-16], size=path.stat().st_size,
                      encrypted=key_file_path(path).exists())


def list_backups(folder: str | Path, point_code: str | None = None) -> list[BackupInfo]:
    """The backups in ``folder`` (of one point, if given), newest first."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    found = []
    for path in (*folder.glob(f"{PREFIX}*{SUFFIX}"), *folder.glob(f"{PREFIX}*{DUMP_SUFFIX}")):
        info = read_backup(path)
        if info is not None and (point_code is None or info.point_code == point_code):
            found.append(info)
    return sorted(found, key=lambda i: (i.created_at, i.path.name), reverse=True)


def rotate(folder: str | Path, point_code: str | None = None, *, daily: int = KEEP_DAILY,
           weekly: int = KEEP_WEEKLY, monthly: int = KEEP_MONTHLY) -> list[Path]:
    """Keep every backup of the latest day that has backups (a manual backup made an hour
    after the morning's stays), and the newest backup of each of the last ``daily`` days,
    ``weekly`` ISO weeks and ``monthly`` months that have backups; delete the rest.
    Returns the deleted files."""
    backups = list_backups(folder, point_code)
    latest_day = backups[0].created_at.date() if backups else None
    keep = {info.path for info in backups if info.created_at.date() == latest_day}
    for limit, period in ((daily, lambda d: d.date()),
                          (weekly, lambda d: d.isocalendar()[:2]),
                          (monthly, lambda d: (d.year, d.month))):
        seen: list = []
        for info in backups:  # newest first: the first of each period is its newest
            bucket = period(info.created_at)
            if bucket not in seen:
                seen.append(bucket)
                if len(seen) <= limit:
                    keep.add(info.path)
    removed = []
    for info in backups:
        if info.path not in keep:
            for path in (info.path, *_backup_sidecars(info.path)):
                path.unlink(missing_ok=True)
            shutil.rmtree(keys_dir(info.path), ignore_errors=True)
            removed.append(info.path)
    return removed


def backup_if_due(db_path: str | Path, folder: str | Path, *, clock: Clock | None = None,
                  key: bytes | None = None, reason: str = "daily",
                  progress: Progress | None = None) -> BackupInfo | None:
    """The automatic backup: ``reason="daily"`` backs up when the newest backup is not from
    today; ``reason="exit"`` when anything changed since the newest backup. None: not due."""
    clock = clock or Clock()
    folder = Path(folder)
    if folder.is_dir():  # the start of the day: what a killed backup left goes now
        with folder_lock(folder):
            remove_leftovers(folder)
    with contextlib.closing(connect_file(db_path, key, readonly=True)) as probe:
        point_code = _meta(probe, "point_code")
        seq_text = _meta(probe, "change_seq")
    newest = next(iter(list_backups(folder, point_code)), None)
    if newest is not None:
        if reason == "daily" and newest.created_at.date() >= clock.today():
            return None
        if reason == "exit" and newest.change_seq == int(seq_text or 0) and newest.counts:
            return None
    return create_backup(db_path, folder, clock=clock, key=key, reason=reason,
                         progress=progress)


def describe_backup(path: str | Path, key: bytes | None = None) -> BackupInfo:
    """A backup checked now: its manifest's date and the counts read from the file itself."""
    path = Path(path)
    code, counts, seq = inspect_file(path, key)
    listed = read_backup(path)
    created = listed.created_at if listed else datetime.fromtimestamp(path.stat().st_mtime)
    return BackupInfo(path, created, code, listed.reason if listed else "", counts, seq,
                      path.stat().st_size, key is not None)


def _sidecars(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def require_restore_right(services) -> None:
    """Refuse (and audit) a restore unless the session is the administrator's; without a
    session the caller is the file's owner, who may replace the file anyway."""
    services.require(Action.RESTORE)


@private_files()
def restore_backup(backup: str | Path, db_path: str | Path, *, clock: Clock | None = None,
                   key: bytes | None = None) -> Path | None:
    """Replace the database with ``backup`` (the app must have closed it first).

    The backup is verified first; the current database is kept as
    ``<name>.before-restore-<date>.db`` (returned; None when there was none). The sync keys
    the backup carries come back with it (the current ones go beside the kept copy), and a
    point is marked restored so that it resumes where its district stands
    (:mod:`inspector_app.sync.restored`).
    """
    clock = clock or Clock()
    backup, db_path = Path(backup), Path(db_path)
    inspect_file(backup, key)
    needed = backup.stat().st_size + (db_path.stat().st_size if db_path.exists() else 0)
    with reported(db_path, needed):
        kept = _swap_in(backup, db_path, clock, key)
    clear_damage(db_path)
    return kept


def _swap_in(backup: Path, db_path: Path, clock: Clock, key: bytes | None) -> Path | None:
    kept = None
    if db_path.exists():
        kept = _unused(db_path.with_name(
            f"{db_path.stem}.before-restore-{clock.now_local():%Y%m%d-%H%M%S}{db_path.suffix}"))
        try:
            _keep_current(db_path, kept, key)
        except BaseException:  # no space for the kept copy: the database stays as it was
            for leftover in (kept, *_sidecars(kept), key_file_path(kept)):
                leftover.unlink(missing_ok=True)
            raise
    incoming = db_path.with_name(db_path.name + ".restoring")
    new_key_file = False
    try:
        if key is not None and is_plain_file(backup):
            export_encrypted(backup, incoming, key)  # an old plain backup comes back encrypted
        else:
            copy_consistent(backup, incoming, key)
        fsync_file(incoming)
        carried = keys_dir(backup).is_dir()
        if carried:
            _copy_sync_keys(backup, incoming)
        for extra in _sidecars(db_path):
            extra.unlink(missing_ok=True)  # a stale WAL must never be applied to the new file
        new_key_file = key is not None and not key_file_path(db_path).exists()
        if new_key_file:  # a new PC: the accounts of the backup unlock the restored file
            shutil.copyfile(key_file_path(backup), key_file_path(db_path))
        os.replace(incoming, db_path)
    except BaseException:
        incoming.unlink(missing_ok=True)
        if new_key_file and not db_path.exists():
            key_file_path(db_path).unlink(missing_ok=True)
        shutil.rmtree(keys_dir(incoming), ignore_errors=True)
        raise
    if carried:
        current = keys_dir(db_path)
        if current.exists():
            aside = kept or _unused(db_path.with_name(
                f"{db_path.name}.before-restore-{clock.now_local():%Y%m%d-%H%M%S}"))
            os.replace(current, keys_dir(aside))
        os.replace(keys_dir(incoming), current)
    with contextlib.closing(connect_file(db_path, key)) as connection:
        mark_restored(connection, clock.now_utc().replace(microsecond=0), backup.name)
    return kept


def plain_backups(folder: str | Path, point_code: str) -> list[BackupInfo]:
    """The point's backups in ``folder`` that are not encrypted (made before ``encrypt``)."""
    return [info for info in list_backups(folder, point_code) if is_plain_file(info.path)]


@private_files()
def secure_plain_backups(db_path: str | Path, folder: str | Path, point_code: str, key: bytes,
                         *, delete: bool = False) -> list[Path]:
    """Encrypt every plain backup of the point in ``folder`` with the (encrypted) database's
    ``key``, verified like a new backup; or, with ``delete``, remove them. Returns the files."""
    done = []
    for info in plain_backups(folder, point_code):
        if delete:
            for path in (info.path, manifest_path(info.path)):
                path.unlink(missing_ok=True)
            shutil.rmtree(keys_dir(info.path), ignore_errors=True)
        else:
            _encrypt_backup(Path(db_path), info, key)
        done.append(info.path)
    return done


def _encrypt_backup(db_path: Path, info: BackupInfo, key: bytes) -> None:
    expected = inspect_file(info.path)
    partial = info.path.with_name(info.path.name + ".part")
    try:
        export_encrypted(info.path, partial, key)
        fsync_file(partial)
        if inspect_file(partial, key) != expected:
            raise DatabaseError("backup.damaged", path=str(partial), detail="counts")
        shutil.copyfile(key_file_path(db_path), key_file_path(info.path))
        protect_keys(info.path, key)  # the sync keys it carries are wrapped like the database's
        manifest = manifest_path(info.path)
        if manifest.exists():
            data = json.loads(manifest.read_text(encoding="utf-8"))
            data.update(encrypted=True, size=partial.stat().st_size)
            manifest.write_text(json.dumps(data, ensure_ascii=False, indent=1),
                                encoding="utf-8")
        os.replace(partial, info.path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _keep_current(db_path: Path, kept: Path, key: bytes | None) -> None:
    try:
        copy_consistent(db_path, kept, key)
    except Exception as exc:  # a damaged current file is kept byte for byte
        if isinstance(classify(exc, path=kept), DiskFull):
            raise
        kept.unlink(missing_ok=True)
        shutil.copyfile(db_path, kept)
        for extra, kept_extra in zip(_sidecars(db_path), _sidecars(kept), strict=True):
            if extra.exists():
                shutil.copyfile(extra, kept_extra)
    if key is not None:
        shutil.copyfile(key_file_path(db_path), key_file_path(kept))


def _unused(path: Path) -> Path:
    """``path``, or ``<stem>-1<suffix>``, ``-2``… when a copy kept in the same second (with
    its keys beside it) already has that name: a kept copy is never overwritten."""
    candidate, n = path, 0
    while candidate.exists() or keys_dir(candidate).exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def _copy_sync_keys(db_path: Path, target: Path) -> None:
    """The database's sync key files, byte for byte as stored, into ``<target>.sync-keys/``."""
    source = keys_dir(db_path)
    if not source.is_dir():
        return
    folder = keys_dir(target)
    folder.mkdir(mode=0o700, exist_ok=True)
    os.chmod(folder, 0o700)
    for path in sorted(source.iterdir()):
        if path.is_file():
            shutil.copyfile(path, folder / path.name)
            os.chmod(folder / path.name, 0o600)


def health_check(path: str | Path, key: bytes | None = None) -> HealthReport:
    """The start check: is the database file there and sound (``quick_check``)?

    An encrypted database cannot be read before it is unlocked: without ``key`` it reports
    ok with code ``backup.check_after_unlock``; check it again with the key after the login.
    """
    path = Path(path)
    if not path.exists():
        return HealthReport(False, "error.db_missing", str(path))
    if key is None and is_encrypted(path) and not is_plain_file(path):
        # Unreadable until unlocked: call again with the key right after the login.
        return HealthReport(True, "backup.check_after_unlock")
    try:
        inspect_file(path, key)
    except DatabaseError as exc:
        return HealthReport(False, "backup.db_damaged", str(exc.params.get("detail", "")))
    return HealthReport(True)


def latest_good_backup(folder: str | Path, point_code: str | None = None,
                       key: bytes | None = None) -> BackupInfo | None:
    """The newest backup in ``folder`` that opens and passes ``quick_check``."""
    for info in list_backups(folder, point_code):
        try:
            return describe_backup(info.path, key if info.encrypted else None)
        except (DatabaseError, sqlite3.Error, OSError):
            continue
    return None


def with_latest_backup(damage: DatabaseDamaged, folder: str | Path | None = None,
                       key: bytes | None = None) -> DatabaseDamaged:
    """The damage report naming the newest good backup in ``folder`` (default: the usual
    backup folder), so the message says what to restore."""
    if damage.params.get("backup"):
        return damage
    good = latest_good_backup(folder or default_backup_folder(), key=key)
    named = f"{good.path} ({good.created_at:%d.%m.%Y %H:%M})" if good is not None else ""
    return DatabaseDamaged(**{**damage.params, "backup": named})
