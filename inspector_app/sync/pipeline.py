"""Where an import's prepared rows go: written at once, or sent from a worker process.

Preparing rows (decrypting, decoding, the services' rules) is Python work; writing them is
SQLite work. For a large package, :class:`Worker` prepares it in a second process while this
one, which owns the import's transaction, writes what the worker sends: the two halves run on
two cores. (Threads would not do: the writer needs the interpreter lock for every row it binds,
and a busy preparing thread holds it.) The pipe between them is bounded, so memory stays flat;
any error on either side ends the package and the importer rolls it back. A worker killed with
its parent dies of the broken pipe.
"""

from __future__ import annotations

import contextlib
import gc
import traceback
from collections.abc import Callable
from typing import Any

from peewee import SqliteDatabase

from inspector_app.child_process import (
    QueuedSender,
    children_available,
    receive,
    spawn_context,
)
from inspector_app.errors import FieldError, InspectorError
from inspector_app.storage.database import database_target
from inspector_app.storage.dialect import is_integrity_error, is_server
from inspector_app.sync import search_index
from inspector_app.sync.apply import InvalidRecord, held_rows
from inspector_app.sync.codec import BY_MEMBER, KindCodec
from inspector_app.sync.errors import FILE_FAULTS, SyncError, unexpected
from inspector_app.sync.prepare import Job, Prepared, prepare_records

POINT_TRAIL_SQL = (
    'INSERT INTO "point_audit_entry" ("point_code", "database_id", "entry_id", "at", "actor", '
    '"action", "table_name", "record_id", "change_seq", "old_values", "new_values", '
    '"prev_hash", "entry_hash") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
_BY_TABLE = {codec.table: codec for codec in BY_MEMBER.values()}
RECORD_TABLES = tuple(_BY_TABLE)
WRITTEN_TABLES = (*RECORD_TABLES, "point_audit_entry")
"""Every table an import of records packages writes rows into."""


class DirectWriter:
    """Writes on the transaction's own connection, in the calling thread.

    Search indexing of inserted rows is deferred per table until :meth:`finish`, which the
    owner of the transaction calls before committing (:meth:`forget` after a rollback, which
    undid the deferral too); the importer calls it after each file, while the worker prepares
    the next one.
    """

    def __init__(self, db: SqliteDatabase):
        self.db = db
        self._deferred: dict[str, search_index.Deferred | None] = {}

    def begin(self, table: str) -> None:
        if table not in self._deferred:
            self._deferred[table] = search_index.defer(self.db, table)

    def end(self, table: str) -> None:
        """A member is done (its rows are indexed at :meth:`finish`)."""

    def finish(self) -> None:
        """Index every row inserted since the tables were deferred; triggers back."""
        for deferred in self._deferred.values():
            search_index.finish(self.db, deferred)
        self._deferred.clear()

    def forget(self) -> None:
        self._deferred.clear()

    def rows(self, codec: KindCodec, inserts: list, updates: list) -> None:
        """Insert and update rows; a row that breaks a unique index refuses the package."""
        try:
            with self._statement_rollback():
                if inserts:
                    self.db.execute_many(codec.insert_sql, inserts)
                if updates:
                    cursor = self.db.execute_many(codec.update_sql, updates)
        except Exception as exc:
            if not is_integrity_error(exc):
                raise
            raise self._taken(codec, inserts) or SyncError(
                "sync.conflict", reason=str(exc)) from None
        if updates and cursor.rowcount != len(updates):
            raise SyncError("sync.changed_while_reading", path=codec.table)

    def _statement_rollback(self):
        """SQLite undoes a refused statement alone; on a server a savepoint does, so the
        transaction can still look up why (:meth:`_taken`)."""
        return self.db.savepoint() if is_server(self.db) else contextlib.nullcontext()

    def trail(self, rows: list) -> None:
        if rows:
            self.db.execute_many(POINT_TRAIL_SQL, rows)

    def _taken(self, codec: KindCodec, inserts: list) -> SyncError | None:
        """Why new rows could not be inserted: an id another point's record holds (a package
        of a point the district held nothing of is written without looking its ids up)."""
        if not inserts:
            return None
        columns = codec.insert_columns
        at_id, at_owner = columns.index("id"), columns.index("owner_point")
        owners = {row[at_id]: row[at_owner] for row in inserts}
        for record_id, (owner, *_) in held_rows(self.db, codec.table, list(owners)).items():
            if owner != owners[record_id]:
                return SyncError("sync.foreign_record", kind=codec.table, id=record_id,
                                 point=owner)
        return None


class _PipeWriter:
    """The worker's writer: every write becomes a message to the importing process."""

    def __init__(self, sender: QueuedSender):
        self.sender = sender

    def begin(self, table: str) -> None:
        self.sender.send(("begin", table))

    def end(self, table: str) -> None:
        self.sender.send(("end", table))

    def rows(self, codec: KindCodec, inserts: list, updates: list) -> None:
        self.sender.send(("rows", codec.table, inserts, updates))

    def _statement_rollback(self):
        """SQLite undoes a refused statement alone; on a server a savepoint does, so the
        transaction can still look up why (:meth:`_taken`)."""
        return self.db.savepoint() if is_server(self.db) else contextlib.nullcontext()

    def trail(self, rows: list) -> None:
        self.sender.send(("trail", rows))


def _error_data(exc: BaseException) -> dict[str, Any]:
    if isinstance(exc, InspectorError):
        return {"class": type(exc).__name__, "code": exc.code,
                "params": {k: str(v) for k, v in exc.params.items()},
                "errors": [(e.record, e.field, e.code, dict(e.params))
                           for e in getattr(exc, "errors", [])]}
    return {"class": "crash", "trace": "".join(traceback.format_exception(exc))}


def _rebuilt(data: dict[str, Any]) -> BaseException:
    if data["class"] == "crash":
        return RuntimeError("sync worker failed:\n" + data["trace"])
    if data["class"] == "InvalidRecord":
        errors = [FieldError(*error) for error in data["errors"]]
        return InvalidRecord(data["params"]["kind"], data["params"]["id"], errors)
    return SyncError(data["code"], **data["params"])


def _worker_main(connection, db_path: str, key: bytes | None) -> None:
    """The worker process: prepare each job it is sent, until told to stop."""
    from inspector_app.domain.catalogues import Catalogues
    from inspector_app.storage.database import open_database
    from inspector_app.sync.keys import keys_of
    from inspector_app.sync.package import PackageReader

    gc.disable()  # a package makes millions of short-lived objects: collect between packages
    db = open_database(db_path, credentials=key)
    keys = keys_of(db)
    catalogues = Catalogues()  # read once, again only after a catalogue load
    sender = QueuedSender(connection, depth=32)  # a message holds up to BATCH records
    try:
        while True:
            job = connection.recv()
            if job is None:
                return
            try:
                reader = PackageReader.verified_before(job.path, keys, job.trailer,
                                                       job.file_sha256, job.forward)

                def progress(kind: str, done: int) -> None:
                    sender.send(("progress", kind, done))

                catalogues.reload_if_changed()
                prepared = prepare_records(db, reader, job, _PipeWriter(sender), progress,
                                           catalogues)
                sender.send(("done", prepared))
            except BrokenPipeError:
                raise
            except Exception as exc:  # noqa: BLE001 - reported to the importing process
                if isinstance(exc, SyncError) and PackageReader.file_changed(job.path,
                                                                           job.file_sha256):
                    exc = SyncError("sync.changed_while_reading", path=job.path)
                elif isinstance(exc, FILE_FAULTS):
                    exc = unexpected(exc)
                sender.send(("error", _error_data(exc)))
            gc.collect()
    except (EOFError, BrokenPipeError, KeyboardInterrupt):
        return
    finally:
        sender.close()
        db.close()


class Worker:
    """One preparing process for a batch of imports, started on first use.

    The importer may name the job likely to come next (:meth:`expect_next`): it is sent right
    after the current one, so the worker prepares it while this process finishes the current
    package (its search index, its bookkeeping, a commit). Only a package of a point with
    nothing uncommitted in the transaction may be named: the worker reads what is committed.

    Not :attr:`available` in a frozen (PyInstaller) program unless its entry point calls
    :func:`~inspector_app.child_process.allow_in_frozen_program`: a spawned child would start
    the program again. Packages are then prepared in the importing process.
    """

    def __init__(self, db: SqliteDatabase):
        self.db = db
        self._process = None
        self._connection = None
        self._next: Job | None = None
        self._ahead: Job | None = None  # sent, not yet followed

    @property
    def available(self) -> bool:
        return children_available()

    def __enter__(self) -> Worker:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def _start(self) -> None:
        context = spawn_context()
        parent, child = context.Pipe()
        process = context.Process(
            target=_worker_main, name="sync-prepare", daemon=True,
            args=(child, database_target(self.db), getattr(self.db, "database_key", None)))
        try:
            process.start()
        except BaseException:
            parent.close()
            raise
        finally:
            child.close()
        self._process, self._connection = process, parent  # only a started worker counts

    def expect_next(self, job: Job | None) -> None:
        """Name the job to send right after the next :meth:`run`'s (None: nothing known)."""
        self._next = job if self.available else None

    def run(self, job: Job, writer: DirectWriter,
            progress: Callable[[str, int], None] | None = None) -> Prepared:
        """Have the worker prepare ``job``; perform its writes here. Raises its errors."""
        if self._ahead is not None and self._ahead != job:
            self._abort()  # it prepares a package that is not coming now
        if self._process is None:
            self._start()
        try:
            if self._ahead == job:
                self._ahead = None
            else:
                self._connection.send(job)
            if self._next is not None and self._next != job:
                self._connection.send(self._next)
                self._ahead = self._next
            self._next = None
            return self._follow(job, writer, progress)
        except BaseException:
            self._abort()  # its state is unknown now: a new worker serves the next job
            raise

    def _follow(self, job: Job, writer: DirectWriter, progress) -> Prepared:
        while True:
            try:
                message = receive(self._connection)
            except EOFError:
                raise RuntimeError("sync worker ended unexpectedly") from None
            kind = message[0]
            if kind == "rows":
                writer.rows(_BY_TABLE[message[1]], message[2], message[3])
            elif kind == "trail":
                writer.trail(message[1])
            elif kind == "begin":
                writer.begin(message[1])
            elif kind == "end":
                writer.end(message[1])
            elif kind == "progress":
                if progress is not None:
                    progress(message[1], message[2])
            elif kind == "done":
                return message[1]
            else:
                raise _rebuilt(message[1])

    def _abort(self) -> None:
        self._ahead = None
        if self._process is not None:
            self._process.kill()
            self._process.join(timeout=5)
            self._connection.close()
            self._process = None

    def close(self) -> None:
        if self._ahead is not None:  # preparing a package nobody will follow
            self._abort()
        if self._process is None:
            return
        try:
            self._connection.send(None)
        except (BrokenPipeError, OSError):
            pass
        self._process.join(timeout=5)
        if self._process.is_alive():
            self._process.kill()
        self._connection.close()
        self._process = None
