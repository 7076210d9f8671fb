"""Case-insensitive search that treats ё as е and Kazakh letters as the Russian ones typed for
them (``text.normalize``), over persons and every register.

Each searchable table keeps a normalised ``search_text`` indexed by an FTS5 table
(``<table>_fts``); queries are normalised the same way and every word is a prefix match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from peewee import SQL, CharField, Column, SqliteDatabase, TextField

from inspector_app.domain.text import fts_query, search_words
from inspector_app.kinds import searchable
from inspector_app.storage.dialect import is_server
from inspector_app.storage.models import Person
from inspector_app.storage.territory import listed_clause

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


def matching_rowids(table: str, db, text: str) -> tuple[str, tuple] | None:
    """``(SELECT rowid ...)`` SQL and its parameters: the rows of ``table`` (tombstones
    included) whose text matches ``text``; None when ``text`` holds no word.

    On SQLite the table's FTS5 index answers :func:`match_expression`. A server database has
    a trigram index over the same folded ``search_text`` instead, and each word becomes a
    regular expression "a word starting with it": the same words (cut by FTS5's own
    tokenizer, :func:`~inspector_app.domain.text.search_words`), the same prefix rule.
    """
    if not is_server(db):
        query = match_expression(text)
        if query is None:
            return None
        fts = f'"{table}_fts"'
        matches = _PERSON_MATCHES if table == "person" else \
            f"SELECT rowid FROM {fts} WHERE {fts} MATCH ?"
        visible = listed_clause(db)  # the session's territory
        if visible is not None:
            matches = f'SELECT rowid FROM "{table}" WHERE rowid IN ({matches}) AND {visible}'
        return matches, (query,)
    words = list(dict.fromkeys(search_words(text)))
    if not words:
        return None
    condition = " AND ".join("search_text ~ ?" for _ in words)
    params = tuple(_word_start(w) for w in words)
    digits = phone_digits(text)
    if digits is not None:
        condition = f"({condition}) OR search_text ~ ?"
        params += (_word_start(digits),)
    visible = listed_clause(db)  # the session's territory (row-level security holds it too)
    if visible is not None:
        condition = f"({condition}) AND {visible}"
    return f'SELECT rowid FROM "{table}" WHERE {condition}', params


def _word_start(word: str) -> str:
    """A PostgreSQL regular expression: a word of the text beginning with ``word``."""
    return "(^|[^[:alnum:]])" + re.sub(r"([^\w])", r"\\\1", word)


def match_condition(model, text: str, *, walk: bool = False):
    """A WHERE term limiting ``model`` to rows whose text matches ``text`` (None: no filter).

    By default SQLite drives the query from the matches (best when they are few). With
    ``walk`` the row id is only tested (``rowid + 0 IN ...``), so a query ordered by an
    indexed column walks that index and stops after one page (best when matches are many).
    """
    matching = matching_rowids(model._meta.table_name, model._meta.database, text)
    if matching is None:
        return None
    rowid = Column(model._meta.table, "rowid")
    target = rowid + 0 if walk else rowid
    return target.in_(SQL(f"({matching[0]})", matching[1]))


def match_count(model, text: str) -> int:
    """How many rows of ``model`` (tombstones included) match ``text``: a quick estimate."""
    db = model._meta.database
    matching = matching_rowids(model._meta.table_name, db, text)
    if matching is None:
        return 0
    return db.execute_sql(f"SELECT count(*) FROM ({matching[0]}) AS m", matching[1]).fetchone()[0]


_PERSON_FIELDS = tuple(Person._meta.sorted_fields)
_PERSON_COLUMNS = ", ".join(f'"{field.column_name}"' for field in _PERSON_FIELDS)
_MAX_PERSON_ROWID = "SELECT max(rowid) FROM person"
_COUNT_MATCHES = "SELECT count(*) FROM ({matches} LIMIT ?) AS m"
_SORT_MATCHES = ("SELECT rowid FROM person WHERE rowid IN ({matches}) "
                 "AND deleted = 0 ORDER BY sort_name, rowid LIMIT ?")
_WALK_SORT_INDEX = ("SELECT rowid FROM person WHERE deleted = 0 "
                    "AND rowid + 0 IN ({matches}) ORDER BY sort_name, rowid LIMIT ?")
_PERSON_MATCHES = "SELECT rowid FROM person_fts WHERE person_fts MATCH ?"
_COUNT_PERSON_MATCHES = _COUNT_MATCHES.format(matches=_PERSON_MATCHES)
_SORT_PERSON_MATCHES = _SORT_MATCHES.format(matches=_PERSON_MATCHES)
_WALK_PERSON_SORT_INDEX = _WALK_SORT_INDEX.format(matches=_PERSON_MATCHES)
"""The statements as SQLite runs them (the same with a server's matching rows)."""


# Text columns come from SQLite as they are stored; only the others need peewee's conversion.
_PERSON_CONVERTERS = tuple(
    (field.name, None if isinstance(field, CharField | TextField) else field.python_value)
    for field in _PERSON_FIELDS)


def _person(row: tuple) -> Person:
    """A :class:`Person` from a row of ``_PERSON_COLUMNS``, holding what a peewee query's
    would (about a fifth of the cost of peewee making it)."""
    person = Person(__no_default__=1)
    person.__data__.update(
        (name, value if convert is None or value is None else convert(value))
        for (name, convert), value in zip(_PERSON_CONVERTERS, row, strict=True))
    return person


class Search:
    """Full-text lookups; the register models use :func:`match_condition` for filtering."""

    def __init__(self, db: SqliteDatabase):
        self.db = db

    def persons(self, text: str, limit: int = 50) -> list[Person]:
        """Live persons matching every word of ``text``, in alphabetical order (ties by row).

        Only row ids are looked up until the page is known (:meth:`_person_rowids`); the
        page's rows are then read with one prepared statement and made into persons
        directly, without peewee's query building.
        """
        matching = matching_rowids("person", self.db, text)
        if matching is None or limit <= 0:
            return []
        rowids = self._person_rowids(matching, limit)
        if not rowids:
            return []
        marks = ", ".join("?" * len(rowids))
        rows = self.db.execute_sql(
            f"SELECT rowid, {_PERSON_COLUMNS} FROM person WHERE rowid IN ({marks})", rowids)
        by_rowid = {row[0]: row[1:] for row in rows}
        return [_person(by_rowid[rowid]) for rowid in rowids if rowid in by_rowid]

    def _person_rowids(self, matching: tuple[str, tuple], limit: int) -> list[int]:
        """The first ``limit`` live persons' row ids among ``matching`` (:func:`matching_rowids`),
        by sort name.

        Usually each match's sort key is read and the matches are sorted (3–10 µs a match).
        With very many, the live sort-name index is walked instead, index only, testing each
        entry against the matches (about 1 µs a row) until ``limit`` turned up. The walk's
        length is not ``limit * persons / matches``: a name prefix matches persons who stand
        together in alphabetical order, wherever that is (a walk to «Х» reads nearly the
        whole index), so walking is chosen only where sorting would cost more than the whole
        walk: more matches than a quarter of the persons. The matches are counted only that
        far.
        """
        persons = self.db.execute_sql(_MAX_PERSON_ROWID).fetchone()[0] or 0
        threshold = persons // 4
        matches, params = matching
        counted = self.db.execute_sql(_COUNT_MATCHES.format(matches=matches),
                                      (*params, threshold + 1)).fetchone()[0]
        sql = _WALK_SORT_INDEX if counted > threshold else _SORT_MATCHES
        return [row[0] for row in self.db.execute_sql(sql.format(matches=matches),
                                                      (*params, limit))]

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
