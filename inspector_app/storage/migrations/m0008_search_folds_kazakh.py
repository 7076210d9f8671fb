"""Search copies with the Kazakh letters folded into the Russian ones typed for them.

``text.normalize`` now folds ә→а, ғ→г, қ→к, ң→н, ө→о, ұ→у, ү→у, һ→х, і→и (so «жумабеков»
typed on a Russian keyboard finds «Жұмабеков»). Each searchable table's ``search_text`` was
stored casefolded with ё as е, so folding those letters in the stored copy gives exactly what
the new ``normalize`` makes of the record; the columns shown and sorted (``surname``,
``sort_name``, ``sort_key``...) are untouched.

Per table: the update trigger is set aside (its stored SQL put back as it was, so the insert,
update and delete triggers stay the ones ``sync.search_index`` recognises), the copies are
folded in one UPDATE, and the search table is rebuilt from its content table; cheaper than
re-indexing changed rows one by one through the trigger. Frozen SQL and letters.
"""

from __future__ import annotations

from inspector_app.storage.dialect import dialect_of

TABLES = ("person", "organisation", "address", "appeal", "preventive_visit", "registration",
          "offence", "meeting", "feedback")
FOLDS = (("ә", "а"), ("ғ", "г"), ("қ", "к"), ("ң", "н"), ("ө", "о"), ("ұ", "у"), ("ү", "у"),
         ("һ", "х"), ("і", "и"))


def folded(column: str) -> str:
    """SQL for ``column`` with every Kazakh letter replaced."""
    expression = column
    for kazakh, russian in FOLDS:
        expression = f"replace({expression}, '{kazakh}', '{russian}')"
    return expression


def up(db) -> None:
    """Fold the stored search copies and rebuild the search tables (seconds at 1.5M records)."""
    dialect = dialect_of(db)
    for table in TABLES:
        trigger = f"{table}_fts_update"
        trigger_sql = dialect.trigger_sql(db, trigger)  # the server indexes without triggers
        if trigger_sql is not None:
            db.execute_sql(f'DROP TRIGGER "{trigger}"')
        db.execute_sql(f'UPDATE "{table}" SET search_text = {folded("search_text")} '
                       f'WHERE search_text <> {folded("search_text")}')
        if trigger_sql is not None:
            db.execute_sql(trigger_sql)
            db.execute_sql(f"""INSERT INTO "{table}_fts"("{table}_fts") VALUES ('rebuild')""")
