"""Registers to XLSX and CSV: typed cells, the screen's filters, Cyrillic intact, the CLI."""

from __future__ import annotations

import csv
import io
import sys
from datetime import date, datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from inspector_app.cli import main
from inspector_app.errors import InspectorError
from inspector_app.queries.export_table import export_register
from inspector_app.queries.registers import REGISTERS, Filters
from inspector_app.reports import ReportCancelled

OCTOBER = Filters(date_from=date(2026, 10, 1), date_to=date(2026, 10, 31))


@pytest.fixture
def offences(services, person):
    """Three protocols in October 2026 (one deleted) and one in September."""
    def offence(at, penalty, **extra):
        return services.offences.create({
            "committed_at": at, "place": "г. Атырау, ул. Абая, 12; двор", "offender": person.id,
            "article": "434-1", "description": "Нецензурная брань; \"шум\"\nв подъезде",
            "penalty": penalty, "status": "considered", **extra})

    offence("2026-09-30 23:00", "arrest", arrest_days=5)
    offence("2026-10-02 21:15", "fine", fine_mrp="20")
    offence("2026-10-03 22:40", "public_works", public_works_hours=40, works_consent="given",
            works_consent_on="2026-10-10")
    services.offences.delete(offence("2026-10-04 20:00", "fine", fine_mrp=20).id)
    return services


def test_xlsx_has_typed_cells_title_and_frozen_heading(offences, tmp_path):
    out = tmp_path / "offences.xlsx"
    assert export_register(offences, REGISTERS["offences"], OCTOBER, out) == 2
    sheet = load_workbook(out).active
    assert sheet.title == "Административные правонарушения"
    assert sheet["A1"].value == ("Административные правонарушения. "
                                 "Период: 01.10.2026 – 31.10.2026")
    assert sheet.freeze_panes == "A3"
    heading = [c.value for c in sheet[2]]
    assert heading[:5] == ["Номер протокола", "Дата и время", "Правонарушитель", "ИИН",
                           "Статья КоАП"]
    first = {h: c for h, c in zip(heading, sheet[3], strict=True)}
    assert first["Дата и время"].value == datetime(2026, 10, 2, 21, 15)
    assert first["Дата и время"].number_format == "dd.mm.yyyy hh:mm"
    assert first["Штраф, ₸"].value == round(Decimal("20") * 4325)
    assert isinstance(first["Штраф, ₸"].value, int)
    assert first["Штраф, МРП"].value == 20
    assert first["Взыскание"].value == "Штраф"
    assert first["ИИН"].value == "900215400102" and first["ИИН"].data_type == "s"
    assert first["Правонарушитель"].value == "Сейтқалиева Әйгерім Нұрланқызы"
    second = {h: c.value for h, c in zip(heading, sheet[4], strict=True)}
    assert second["Штраф, ₸"] is None and second["Взыскание"] == "Общественные работы"
    assert sheet.max_row == 4
    assert sheet.column_dimensions["A"].width == REGISTERS["offences"].columns[0].width + 2


def test_xlsx_dates_are_dates(services, person, tmp_path):
    services.registrations.create({"person": person.id, "category": "parole",
                                   "start_date": "2026-10-01", "end_date": "2027-10-01",
                                   "basis_document": "Постановление суда № 2-345"})
    out = tmp_path / "registrations.xlsx"
    export_register(services, REGISTERS["registrations"], Filters(), out, title=False,
                    lang="kk")
    sheet = load_workbook(out).active
    assert sheet.freeze_panes == "A2"
    heading = [c.value for c in sheet[1]]
    row = {h: c for h, c in zip(heading, sheet[2], strict=True)}
    start = row["Есепке қойылды"]
    assert start.value == datetime(2026, 10, 1) and start.number_format == "dd.mm.yyyy"
    assert "Шартты түрде мерзімінен бұрын босату" in [c.value for c in sheet[2]]


def test_csv_has_bom_semicolons_and_cyrillic(offences, tmp_path):
    out = tmp_path / "offences.csv"
    assert export_register(offences, REGISTERS["offences"], OCTOBER, out) == 2
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Номер протокола", "Дата и время", "Правонарушитель"]
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["Дата и время"] == "02.10.2026 21:15"
    assert first["Штраф, МРП"] == "20"
    assert first["Штраф, ₸"] == str(round(Decimal("20") * 4325))
    assert first["Место"] == "г. Атырау, ул. Абая, 12; двор"
    assert first["Фабула"] == "Нецензурная брань; \"шум\"\nв подъезде"
    assert first["Правонарушитель"] == "Сейтқалиева Әйгерім Нұрланқызы"
    assert len(rows) == 3


def test_export_follows_the_screen_filters(offences, tmp_path):
    register = REGISTERS["offences"]
    staff = offences.staff.by_login("erzhanov")
    for filters in (OCTOBER, Filters(text="подъезде"), Filters(status="drawn_up"),
                    Filters(inspector_id=staff.id, date_to=date(2026, 9, 30))):
        out = tmp_path / "f.csv"
        count = export_register(offences, register, filters, out)
        rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig")),
                               delimiter=";"))
        expected = [r["protocol_number"] for r in register.iter_rows(filters)]
        assert count == len(expected) == len(rows) - 1
        assert [r[0] for r in rows[1:]] == expected


def test_unknown_format_and_cancel_leave_nothing(offences, tmp_path):
    with pytest.raises(InspectorError):
        export_register(offences, REGISTERS["offences"], OCTOBER, tmp_path / "x.ods")
    with pytest.raises(ReportCancelled):
        export_register(offences, REGISTERS["offences"], OCTOBER, tmp_path / "x.xlsx",
                        progress=lambda done, total: False)
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(("x.", ".export-"))]


def test_cli_export_table(offences, db_path, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    out = tmp_path / "out.xlsx"
    code = main(["--db", str(db_path), "export-table", "offences", "--from", "01.10.2026",
                 "--to", "2026-10-31", "--out", str(out), "--lang", "kk"])
    captured = capsys.readouterr()
    assert (code, captured.err) == (0, "")
    assert "2" in captured.out and str(out) in captured.out
    sheet = load_workbook(out).active
    assert sheet.max_row == 4 and sheet["A2"].value == "Хаттама нөмірі"
    code = main(["--db", str(db_path), "export-table", "offences", "--out",
                 str(tmp_path / "all.csv")])
    assert code == 0
    assert len((tmp_path / "all.csv").read_text(encoding="utf-8-sig").splitlines()) >= 4
    code = main(["--db", str(db_path), "export-table", "offences", "--out",
                 str(tmp_path / "x.txt")])
    assert code == 1 and ".xlsx" in capsys.readouterr().err
