"""Indexes set aside while an import brings a large share of a database's rows.

Keeping an index current costs a B-tree search and a page write for every row. At the district,
where 92 points' rows interleave in every date, person and change-number index, that upkeep
was two thirds of a large import's writing. SQLite builds an index from scratch by sorting, at
a fraction of that cost a row. So when a group of packages brings at least half as many rows
as the tables already hold (a district's first consolidation, a new district taking over its
points), the importer drops those indexes of the written tables inside its transaction and
builds them again from their stored SQL before it commits (:class:`SetAside`).

Unique indexes stay: they guard the data (ids, talon and protocol numbers, logins) and serve
the import's own lookups by id. So do indexes led by ``owner_point`` or by a reference to a
staff member (:data:`CLUSTERED`): a point has a handful of staff, so a package's rows land at
the ends of a few runs of them, which costs less than a rebuild. SQLite's DDL is
transactional: a refused file or a kill rolls the drop back with everything else, and other
connections never see the indexes missing.
"""

from __future__ import annotations

from collections.abc import Iterable

from peewee import ForeignKeyField, SqliteDatabase

from inspector_app.storage.dialect import is_server
from inspector_app.storage.models import SYNCED_MODELS, Staff

MIN_ROWS = 20_000
"""Below this many incoming rows a group keeps its indexes: they are cheap to keep current."""
SHARE = 0.5
"""Rows a group must bring, as a share of the rows held, for rebuilding to pay (measured: an
index built by sorting costs a third or less of keeping it current, per row)."""
CLUSTERED = frozenset({"owner_point"} | {
    field.column_name for model in SYNCED_MODELS for field in model._meta.sorted_fields
    if isinstance(field, ForeignKeyField) and field.rel_model is Staff})
"""Leading columns of the indexes kept current during a bulk import (see the module)."""


def rows_held(db: SqliteDatabase, tables: Iterable[str]) -> int:
    """About how many rows ``tables`` hold (their largest rowids: no table scan)."""
    return sum(db.execute_sql(f'SELECT COALESCE(MAX(rowid), 0) FROM "{table}"').fetchone()[0]
               for table in tables)


def worth_setting_aside(incoming: int, held: int) -> bool:
    """Whether ``incoming`` rows into tables holding ``held`` are cheaper with indexes rebuilt."""
    return incoming >= max(MIN_ROWS, held * SHARE)


def scattered_indexes(db: SqliteDatabase, tables: Iterable[str]) -> list[tuple[str, str]]:
    """``(name, sql)`` of the indexes on ``tables`` that an import writes all over: created
    (not a constraint's), not unique, not led by a :data:`CLUSTERED` column."""
    found = []
    if is_server(db):
        return found  # the server keeps its indexes current (no index list to read the same way)
    for table in tables:
        for _seq, name, unique, origin, _partial in db.execute_sql(
                f'PRAGMA index_list("{table}")').fetchall():
            if unique or origin != "c" or _leading_column(db, name) in CLUSTERED:
                continue
            (sql,) = db.execute_sql("SELECT sql FROM sqlite_master WHERE type = 'index' AND "
                                    "name = ?", (name,)).fetchone()
            found.append((name, sql))
    return sorted(found)


def _leading_column(db: SqliteDatabase, index: str) -> str | None:
    return db.execute_sql(f'PRAGMA index_info("{index}")').fetchone()[2]


class SetAside:
    """The :func:`scattered_indexes` of ``tables``, dropped inside the current transaction until
    :meth:`restore` builds them again (call it before committing)."""

    def __init__(self, db: SqliteDatabase, tables: Iterable[str]):
        self.db = db
        self.indexes = scattered_indexes(db, tables)
        for name, _sql in self.indexes:
            db.execute_sql(f'DROP INDEX "{name}"')

    def restore(self) -> None:
        """Build every dropped index again, as its stored SQL defined it."""
        for _name, sql in self.indexes:
            self.db.execute_sql(sql)
        self.indexes = []
