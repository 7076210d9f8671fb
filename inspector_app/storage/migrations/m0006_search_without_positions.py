"""Search tables that keep which rows hold a term, not where in the row (``detail=none``).

Every search is a conjunction of word prefixes (``"ерж"* AND "701"*``, see
``text.fts_query``): it never asks for a phrase or for words near each other, so FTS5's
position lists were never read. Without them the search tables take 2.5 times less room
(some 110 MB less at 1.5M records) and filling them costs a fifth less, which a district
importing every point's records pays on every row. Prefix indexes stay as migration 0005
made them.

Each table is recreated with the same name, columns, tokenizer and prefixes and rebuilt from
its content table; the triggers keeping it current name it by name and are untouched.
Frozen SQL.
"""

from __future__ import annotations

from inspector_app.storage.dialect import is_server

TABLES = ("person", "organisation", "address", "appeal", "preventive_visit", "registration",
          "offence", "meeting", "feedback")


def up(db) -> None:
    """Recreate and refill each search table without positions (seconds at 1.5M records)."""
    if is_server(db):
        return  # the server's trigram index has no prefix lists nor positions to change
    for table in TABLES:
        fts = f"{table}_fts"
        db.execute_sql(f'DROP TABLE "{fts}"')
        db.execute_sql(
            f"""CREATE VIRTUAL TABLE "{fts}" USING fts5(search_text, content='{table}',
                content_rowid='rowid', tokenize='unicode61 remove_diacritics 2',
                prefix='1 2', detail=none)""")
        db.execute_sql(f"""INSERT INTO "{fts}"("{fts}") VALUES ('rebuild')""")
