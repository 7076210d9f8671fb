"""The notice (талон-уведомление) with its stub for the person who reported a criminal
offence (issue 17): printable once the report is registered in the КУИ, from the CLI and by
clicking Print notice on the КУИ form."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
import ui_fixtures
from pypdf import PdfReader
from PySide6.QtCore import Qt
from test_cli import cli, point_db  # noqa: F401
from test_ui_documents import click_print, click_save, printed, save_to  # noqa: F401
from test_ui_forms_support import show

from inspector_app.domain.clock import FixedClock
from inspector_app.errors import InspectorError
from inspector_app.reports import ReportRequest, generate
from inspector_app.services.setup import open_services

seeded, settings, ctx = ui_fixtures.seeded, ui_fixtures.settings, ui_fixtures.ctx


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def registered(services, person):
    return services.crime_reports.create({
        "received_at": "2026-11-24 22:10", "source": "written_statement",
        "reporter": person.id, "substance": "Украден велосипед от подъезда дома 12",
        "registered_at": "2026-11-25 09:00", "kui_number": "264000031000123"})


@pytest.mark.parametrize(("lang", "words"), [
    ("ru", ["ТАЛОН-УВЕДОМЛЕНИЕ", "КОРЕШОК ТАЛОНА-УВЕДОМЛЕНИЯ", "Номер КУИ 264000031000123",
            "о принятии и регистрации заявления (сообщения) об уголовном правонарушении",
            "Письменное заявление", "25.11.2026 09:00", "Талон-уведомление получил(а)"]),
    ("kk", ["ХАБАРЛАМА-ТАЛОН", "264000031000123"]),
])
def test_the_notice_and_its_stub_on_one_sheet(services, person, tmp_path, lang, words):
    report = registered(services, person)
    out = tmp_path / "notice.pdf"
    assert generate(services, ReportRequest("kui_notice", record_id=report.id, lang=lang),
                    out) == 1
    pages = PdfReader(str(out)).pages
    width, height = (float(v) for v in pages[0].mediabox.upper_right)
    assert len(pages) == 1 and width > height
    text = norm(pages[0].extract_text())
    for word in words:
        assert word in text
    assert text.count("264000031000123") == 2  # the stub and the notice


def test_no_notice_before_registration(services, person, tmp_path):
    report = services.crime_reports.create({
        "received_at": "2026-11-25 09:00", "source": "phone_102", "reporter": person.id,
        "substance": "Драка во дворе"})
    with pytest.raises(InspectorError) as caught:
        generate(services, ReportRequest("kui_notice", record_id=report.id), tmp_path / "x.pdf")
    assert caught.value.message("ru").startswith("Заявление еще не зарегистрировано в КУИ")
    assert not (tmp_path / "x.pdf").exists()


def test_the_cli_prints_the_notice(point_db, cli, tmp_path):  # noqa: F811
    services = open_services(point_db, clock=FixedClock(datetime(2026, 11, 25, 10, 30)))
    try:
        person = services.persons.create({"surname": "Ёлкина", "first_name": "Әлия"})
        report = registered(services, person)
    finally:
        services.db.close()
    out = tmp_path / "cli.pdf"
    code, printed_out, err = cli(["--db", point_db, "report", "kui_notice", "--record",
                                  report.id, "--out", out])
    assert code == 0, err
    assert "ТАЛОН-УВЕДОМЛЕНИЕ" in norm(PdfReader(str(out)).pages[0].extract_text())


def test_the_form_prints_the_notice(qtbot, ctx, printed, save_to, tmp_path):  # noqa: F811
    from ui.forms.crime_report_form import CrimeReportForm

    report = registered(ctx.services, ctx.services.persons.live().first())
    form = show(qtbot, CrimeReportForm(ctx, report.id))
    assert form.print_button.text().endswith("талона-уведомления")
    preview = click_print(qtbot, form)
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert len(printed) == 1
    text = click_save(qtbot, preview, save_to, tmp_path)
    assert save_to[0].endswith("kui_264000031000123.pdf")
    assert "ТАЛОН-УВЕДОМЛЕНИЕ" in text
