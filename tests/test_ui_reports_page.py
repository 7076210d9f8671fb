"""The Reports page: generate in the background, preview the pages, print, save; the talon."""

from __future__ import annotations

from datetime import date

import pytest
import ui_fixtures
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from ui_dialogs import DialogAnswers

from inspector_app.reports import periods
from inspector_app.storage.models import Appeal
from ui.reports_page import ReportsPage

seeded, settings, ctx = ui_fixtures.seeded, ui_fixtures.settings, ui_fixtures.ctx


@pytest.fixture
def page(qtbot, ctx):
    widget = ReportsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    return widget


def generate(qtbot, page) -> int:
    with qtbot.waitSignal(page.sig_generated, timeout=30_000) as blocker:
        qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    return blocker.args[0]


def pdf_printer(path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_activity_report_opens_in_the_preview(qtbot, page, tmp_path, monkeypatch):
    answers = DialogAnswers(tmp_path, save_name="copy").install(monkeypatch)
    page.set_kind("activity")
    page.set_preset(periods.YEAR)
    assert (page.date_from.date().toString("dd.MM.yyyy"),
            page.date_to.date().toString("dd.MM.yyyy")) == ("01.01.2026", "31.12.2026")
    assert not page.print_button.isEnabled()
    pages = generate(qtbot, page)
    assert pages == page.document.pageCount() >= 2
    assert page.view.document() is page.document
    assert page.pages_label.text().endswith(f": {pages}")
    assert page.print_button.isEnabled() and page.generate_button.isEnabled()
    qtbot.wait(200)  # QPdfView renders in the background
    page.grab().save(str(tmp_path / "reports_page.png"))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert answers.asked == ["save: Сохранить отчет"]
    saved = tmp_path / "copy.pdf"
    assert len(PdfReader(saved).pages) == pages
    assert str(saved) in page.status.text()
    assert ctx_folder(page) == str(tmp_path)


def ctx_folder(page) -> str:
    return page.ctx.settings.value("reports/last_folder")


def test_print_renders_every_page(qtbot, page, tmp_path, monkeypatch):
    answers = DialogAnswers(tmp_path).install(monkeypatch)
    page.set_kind("register")
    page.register.setCurrentIndex(page.register.findData("appeals"))
    page.set_dates(date(2026, 1, 1), date(2026, 12, 31))
    pages = generate(qtbot, page)
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    assert len(answers.printed) == 1
    reader = PdfReader(str(answers.printed[0]))
    assert len(reader.pages) == pages
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert width > height  # journals are landscape


def test_inspector_and_language_reach_the_report(qtbot, page, tmp_path):
    page.set_kind("activity")
    page.set_preset(periods.MONTH)
    page.inspector.setCurrentIndex(1)
    page.language.setCurrentIndex(page.language.findData("kk"))
    request = page.request()
    assert request.inspector_id == page.inspector.itemData(1) and request.lang == "kk"
    generate(qtbot, page)
    text = PdfReader(page.current_file).pages[0].extract_text()
    assert "Учаскелік полиция инспекторының жұмысы туралы ЕСЕП" in text
    assert "Ержанов Асхат Серікұлы" in text


def test_rows_follow_the_kind(page):
    page.set_kind("talon")
    assert page.talon.isVisibleTo(page) and not page.period.isVisibleTo(page)
    page.set_kind("district")
    assert not page.inspector.isVisibleTo(page) and page.period.isVisibleTo(page)
    page.set_kind("register")
    assert page.register.isVisibleTo(page) and page.inspector.isVisibleTo(page)


def test_unknown_talon_is_refused_without_a_job(qtbot, page, monkeypatch):
    shown = []
    monkeypatch.setattr("ui.reports_page.show_error",
                        lambda parent, exc, lang: shown.append(exc.message(lang)))
    page.set_kind("talon")
    page.talon.setText("ATY-017-T-2026-09999")
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    assert page.job is None
    assert shown == ["Талон № ATY-017-T-2026-09999 не найден"]


def test_talon_from_the_page(qtbot, page, ctx, tmp_path):
    appeal = Appeal.select().order_by(Appeal.received_at.desc()).first()
    page.set_kind("talon")
    page.talon.setText(appeal.talon_number.lower())
    assert generate(qtbot, page) == 1
    text = PdfReader(page.current_file).pages[0].extract_text()
    assert "КОРЕШОК ТАЛОНА" in text and text.count(appeal.talon_number) == 2
