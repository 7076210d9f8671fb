"""Case-insensitive search that treats ё as е and Kazakh letters as the Russian ones typed for
them (``text.normalize``), over persons and every register.

Each searchable table keeps a normalised ``search_text`` indexed by an FTS5 table
(``<table>_fts``); queries are normalised the same way and every word is a prefix match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from peewee import SQL, Column, SqliteDatabase

from inspector_app.kinds import searchable
from inspector_app.storage.models import Person
from inspector_app.text import fts_query

SEARCHABLE = {k.slug: k.model for k in searchable()}
"""The model of each kind with a ``search_text`` and an FTS5 table (from the kind description)."""


@dataclass(frozen=True)
class Hit:
    kind: str
    record_id: str


_PHONE_SEPARATORS = re.compile(r"[\s()\-.]")
_TRUNK_PREFIX = re.compile(r"^\s*8[\s(\-.]")


def phone_digits(text: str) -> str | None:
    """The digits after the country code when ``text`` is a phone number (or its beginning)
    typed with a trunk prefix: "87011234567", "+7 701 123", "8 (701) 123-45" -> "701123..."."""
    compact = _PHONE_SEPARATORS.sub("", text)
    if not re.fullmatch(r"\+?\d+", compact):
        return None
    if compact.startswith("+7"):
        rest = compact[2:]
    elif len(compact) == 11 and compact[0] in "78":
        rest = compact[1:]
    elif _TRUNK_PREFIX.match(text):
        rest = compact[1:]
    else:
        return None
    return rest or None


def match_expression(text: str) -> str | None:
    """The FTS5 expression for ``text``: every word as a prefix, or a phone typed as usual.

    Records index a phone's 10 digits after +7, so "8 701 123 45 67" or "+77011234567" is
    also looked up by those digits.
    """
    query = fts_query(text)
    digits = phone_digits(text)
    if query is not None and digits is not None:
        return f'({query}) OR "{digits}"*'
    return query


def match_condition(model, text: str, *, walk: bool = False):
    """A WHERE term limiting ``model`` to rows whose text matches ``text`` (None: no filter).

    By default SQLite drives the query from the matches (best when they are few). With
    ``walk`` the row id is only tested (``rowid + 0 IN ...``), so a query ordered by an
    indexed column walks that index and stops after one page (best when matches are many).
    """
    query = match_expression(text)
    if query is None:
        return None
    fts = f'"{model._meta.table_name}_fts"'
    rowid = Column(model._meta.table, "rowid")
    target = rowid + 0 if walk else rowid
    return target.in_(SQL(f"(SELECT rowid FROM {fts} WHERE {fts} MATCH ?)", (query,)))


def match_count(model, text: str) -> int:
    """How many rows of ``model`` (tombstones included) match ``text``: a quick estimate."""
    query = match_expression(text)
    if query is None:
        return 0
    fts = f'"{model._meta.table_name}_fts"'
    cursor = model._meta.database.execute_sql(
        f"SELECT count(*) FROM {fts} WHERE {fts} MATCH ?", (query,))
    return cursor.fetchone()[0]


class Search:
    """Full-text lookups; the register models use :func:`match_condition` for filtering."""

    def __init__(self, db: SqliteDatabase):
        self.db = db

    def persons(self, text: str, limit: int = 50) -> list[Person]:
        """Live persons matching every word of ``text``, in alphabetical order."""
        condition = match_condition(Person, text)
        if condition is None:
            return []
        return list(Person.select().where(condition, Person.not_deleted())
                    .order_by(Person.sort_name).limit(limit))

    def records(self, text: str, kinds: tuple[str, ...] | None = None,
                limit: int = 50) -> list[Hit]:
        """Live records of the given kinds (all by default) matching ``text``."""
        hits: list[Hit] = []
        for kind in kinds or tuple(SEARCHABLE):
            model = SEARCHABLE[kind]
            condition = match_condition(model, text)
            if condition is None:
                return []
            rows = (model.select(model.id).where(condition, model.not_deleted())
                    .limit(limit - len(hits)).tuples())
            hits.extend(Hit(kind, row[0]) for row in rows)
            if len(hits) >= limit:
                break
        return hits
