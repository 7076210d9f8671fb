"""Floors: what the benchmarks' work costs written directly against SQLite, Qt and reportlab.

Each headline figure is printed beside its floor, measured in the same run, and their ratio
(:attr:`bench.common.Figure.ratio`). The floors use the app's schema, indexes and pragmas
(``inspector_app.storage.database.PRAGMAS``) but none of its layers.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from bench.common import timed

ROOT = Path(__file__).resolve().parents[1]

# The register tables with their date column and a category column to group by.
REGISTER_GROUPS = (("appeal", "received_at", "channel"), ("preventive_visit", "visited_at", "kind"),
                   ("offence", "committed_at", "article"), ("meeting", "held_at", "kind"),
                   ("feedback", "collected_at", "rating"),
                   ("registration", "start_date", "category"))


def connect(path: str | Path) -> sqlite3.Connection:
    """A plain connection with the app's pragmas."""
    from inspector_app.storage.database import PRAGMAS

    db = sqlite3.connect(path)
    for name, value in PRAGMAS.items():
        db.execute(f"PRAGMA {name} = {value}")
    return db


# -- SQLite ------------------------------------------------------------------------------------
def group_by_floor(path: str | Path, year: int, by_point: bool) -> float:
    """Seconds for one GROUP BY per register over ``year`` and the year before (the АППГ the
    statistics also read), on the registers' live date indexes; per point with ``by_point``."""
    db = connect(path)
    params = (f"{year - 1}-01-01", f"{year + 1}-01-01")
    point = "owner_point, " if by_point else ""

    def run() -> None:
        for table, column, group in REGISTER_GROUPS:
            db.execute(f"SELECT {point}{column} >= '{year}', {group}, count(*) FROM {table} "
                       f"WHERE deleted = 0 AND {column} >= ? AND {column} < ? "
                       f"GROUP BY {point}{column} >= '{year}', {group}", params).fetchall()

    run()  # the same warm page cache as the app's measurement
    seconds, _ = timed(run)
    db.close()
    return seconds


class PrefixFloor:
    """Person lookup as a bare B-tree prefix range on normalised name, ИИН and phone keys
    (a temporary table built once, not timed), LIMIT 50, then the 50 rows read."""

    def __init__(self, path: str | Path):
        from inspector_app.domain.text import normalize

        self.db = connect(path)
        self.db.create_function("norm", 1, normalize, deterministic=True)
        self.db.executescript("""
            CREATE TEMP TABLE person_key (key TEXT, person INTEGER);
            INSERT INTO person_key SELECT norm(surname || ' ' || first_name || ' ' ||
                patronymic), rowid FROM person WHERE deleted = 0;
            INSERT INTO person_key SELECT norm(first_name || ' ' || surname), rowid
                FROM person WHERE deleted = 0;
            INSERT INTO person_key SELECT iin, rowid FROM person
                WHERE deleted = 0 AND iin IS NOT NULL;
            INSERT INTO person_key SELECT substr(replace(replace(phone, ' ', ''), '+7', ''),
                1, 10), rowid FROM person WHERE deleted = 0 AND phone <> '';
            CREATE INDEX temp.person_key_key ON person_key (key);
        """)
        self.normalize = normalize

    def lookup(self, text: str, limit: int = 50) -> list[tuple]:
        key = self.normalize(text)
        ids = [row[0] for row in self.db.execute(
            "SELECT person FROM person_key WHERE key >= ? AND key < ? LIMIT ?",
            (key, key + "\U0010ffff", limit))]
        marks = ", ".join("?" * len(ids))
        return self.db.execute(f"SELECT * FROM person WHERE rowid IN ({marks})", ids).fetchall()

    def close(self) -> None:
        self.db.close()


def executemany_copy(source: str | Path, target: str | Path, owner: str | None
                     ) -> tuple[int, float]:
    """Rows copied and seconds of a tuned ``executemany`` copy of ``source``'s travelling rows
    (of ``owner``, or of every point) into ``target``, an empty database of the app's schema:
    one transaction, the app's pragmas, a 256 MB page cache, rows streamed."""
    from inspector_app.storage.models import SYNCED_MODELS

    db = connect(target)
    db.execute("PRAGMA cache_size = -262144")
    src = sqlite3.connect(source)
    where = ("owner_point = ?" if owner else
             "owner_point IN (SELECT code FROM point WHERE is_district_office = 0)")
    before = _rows(db, SYNCED_MODELS)

    def copy() -> None:
        with db:
            for model in SYNCED_MODELS:
                table = model._meta.table_name
                cursor = src.execute(f'SELECT * FROM "{table}" WHERE {where}',
                                     (owner,) if owner else ())
                names = ", ".join(f'"{d[0]}"' for d in cursor.description)
                marks = ", ".join("?" for _ in cursor.description)
                db.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', cursor)

    seconds, _ = timed(copy)
    rows = _rows(db, SYNCED_MODELS) - before
    db.close()
    src.close()
    return rows, seconds


def _rows(db: sqlite3.Connection, models) -> int:
    return sum(db.execute(f'SELECT count(*) FROM "{m._meta.table_name}"').fetchone()[0]
               for m in models)


# -- Qt ----------------------------------------------------------------------------------------
BARE_WINDOW = r"""
import os, sys, time
t0 = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication([sys.argv[0]])
window = QMainWindow()
view = QTableView(window)
view.setModel(QStandardItemModel(50, 8, view))
window.setCentralWidget(view)
window.resize(1366, 768)
window.show()
QCoreApplication.processEvents()
print("TIMES", time.perf_counter() - t0, time.process_time(), flush=True)
"""


def bare_window_seconds() -> tuple[float, float]:
    """A fresh process's time from its first line to a shown QMainWindow with a QTableView
    (timed as the app's start-up: from the script's start, without interpreter start), and
    the process's CPU time by then (interpreter start included, as in the app's figure)."""
    out = subprocess.run([sys.executable, "-c", BARE_WINDOW], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout
    wall, cpu = next(x for x in out.splitlines() if x.startswith("TIMES")).split()[1:]
    return float(wall), float(cpu)


# -- reportlab ---------------------------------------------------------------------------------
def canvas_floor(db: str, first: str, last: str, out: str) -> dict:
    """In a fresh process: the same appeals as the journal printout, read with plain SQL and
    drawn cell by cell on a reportlab canvas (the app's font, landscape A4, 30 rows a page)."""
    argv = [sys.executable, "-m", "bench.floors", "canvas", db, first, last, out]
    result = subprocess.run(argv, capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(result.stdout.strip().splitlines()[-1])


def _canvas_main(db: str, first: str, last: str, out: str) -> None:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    from bench.bench_reports import _peak_mb
    from inspector_app.reports.fonts import CONDENSED, register_fonts

    start, cpu = time.perf_counter(), time.process_time()
    register_fonts()
    font = CONDENSED
    con = connect(db)
    rows = con.execute(
        "SELECT a.received_at, a.talon_number, p.surname || ' ' || p.first_name, a.channel, "
        "a.topic, a.substance, a.due_date, a.status FROM appeal a "
        "LEFT JOIN person p ON p.id = a.applicant_id WHERE a.deleted = 0 "
        "AND a.received_at >= ? AND a.received_at < date(?, '+1 day') ORDER BY a.received_at",
        (first, last))
    width, height = landscape(A4)
    canvas = Canvas(out, pagesize=(width, height))
    lefts = (20, 110, 190, 330, 400, 520, 700, 760)
    count, pages = 0, 1
    canvas.setFont(font, 7)
    for row in rows:
        line = count % 30
        if count and line == 0:
            canvas.showPage()
            canvas.setFont(font, 7)
            pages += 1
        y = height - 40 - line * 17
        for left, value in zip(lefts, row, strict=True):
            canvas.drawString(left, y, str(value or "")[:40])
        canvas.line(20, y - 4, width - 20, y - 4)
        count += 1
    canvas.save()
    con.close()
    print(json.dumps({"seconds": time.perf_counter() - start,
                      "cpu": time.process_time() - cpu, "rows": count, "pages": pages,
                      "mb": _peak_mb()}))


if __name__ == "__main__":
    if sys.argv[1] == "canvas":
        _canvas_main(*sys.argv[2:6])
