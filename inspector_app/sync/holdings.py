"""What a database holds of one point: an order-independent checksum of (id, version) pairs.

The checksum is the sum, modulo 2^256, of SHA-256("<id>:<row_version>") over every record the
point owns (tombstones included). A sum does not depend on order, and the district can keep it
current while importing: add the new pair, subtract the replaced one.
"""

from __future__ import annotations

import hashlib

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
