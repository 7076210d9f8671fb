"""What a database holds of one point: an order-independent checksum of (id, version) pairs.

The checksum is the sum, modulo 2^256, of SHA-256("<id>:<row_version>") over every record the
point owns (tombstones included). A sum does not depend on order, and the district can keep it
current while importing: add the new pair, subtract the replaced one.
"""

from __future__ import annotations

import hashlib
import threading

from peewee import SqliteDatabase

from inspector_app.storage.models import SYNCED_MODELS

MODULUS = 1 << 256


def pair_value(record_id: str, version: int) -> int:
    digest = hashlib.sha256(f"{record_id}:{version}".encode("ascii")).digest()
    return int.from_bytes(digest, "big")


def as_hex(total: int) -> str:
    return f"{total % MODULUS:064x}"


def from_hex(text: str) -> int:
    return int(text, 16) if text else 0


def without(checksum: str, part: str) -> str:
    """A checksum less the checksum of a part of its records (both hex)."""
    return as_hex(from_hex(checksum) - from_hex(part))


def holdings(db: SqliteDatabase, owner: str) -> tuple[str, int]:
    """(checksum, number of records) of every record owned by ``owner`` in ``db``."""
    total = 0
    count = 0
    for model in SYNCED_MODELS:
        table = model._meta.table_name
        cursor = db.execute_sql(f'SELECT id, row_version FROM "{table}" WHERE owner_point = ?',
                                (owner,))
        for record_id, version in cursor:
            total += pair_value(record_id, version)
            count += 1
    return as_hex(total), count


class BackgroundHoldings:
    """:func:`holdings` of several points, computed on a thread with a connection of its own
    while the caller goes on (the importer meanwhile checkpoints, in SQLite, without the GIL).
    """

    def __init__(self, db: SqliteDatabase, points: list[str]):
        self._result: dict[str, tuple[str, int]] = {}
        self._error: BaseException | None = None
        self._connected = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(db, list(points)),
                                        name="holdings", daemon=True)
        self._thread.start()
        self._connected.wait()  # its connection's pragmas must not meet the checkpoint

    def _run(self, db: SqliteDatabase, points: list[str]) -> None:
        try:
            try:
                db.connect(reuse_if_open=True)
            finally:
                self._connected.set()
            self._result = {point: holdings(db, point) for point in points}
        except BaseException as exc:  # noqa: BLE001 - raised again by result()
            self._error = exc
        finally:
            db.close()  # this thread's connection only

    def result(self) -> dict[str, tuple[str, int]]:
        """Every point's (checksum, number of records); waits for the thread."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._result
