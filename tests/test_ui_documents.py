"""Printing a record's document from its form, by clicking: the talon with its stub, the
offence protocol, the visit record; and the Reports preview following the language."""

from __future__ import annotations

import re

import pytest
import test_ui_registers
import test_ui_reports_page
import ui_fixtures
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog
from qt_helpers import choose, type_text
from test_ui_forms_support import show

from inspector_app.reports import periods
from inspector_app.storage.models import PreventiveVisit
from ui.document_preview import DocumentPreview
from ui.forms.appeal_form import AppealForm
from ui.forms.offence_form import OffenceForm
from ui.forms.visit_form import VisitForm

seeded, settings, ctx = ui_fixtures.seeded, ui_fixtures.settings, ui_fixtures.ctx
page = test_ui_reports_page.page


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture
def printed(monkeypatch, tmp_path):
    """The print dialog answered with a printer writing PDF files; yields the files."""
    files = []

    def choose(parent, page_size, pages):
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setPageSize(page_size)
        files.append(tmp_path / f"printed-{len(files)}.pdf")
        printer.setOutputFileName(str(files[-1]))
        return printer

    monkeypatch.setattr("ui.document_preview.choose_printer", choose)
    return files


@pytest.fixture
def save_to(monkeypatch, tmp_path):
    """The save dialog answered with a path in the test's folder; records what it offered."""
    offered = []

    def answer(parent, caption, suggested, filters):
        offered.append(suggested)
        return str(tmp_path / f"saved-{len(offered)}"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    return offered


def open_form(qtbot, form):
    return show(qtbot, form)


def click_print(qtbot, form) -> DocumentPreview:
    assert form.print_button.isEnabled()
    qtbot.mouseClick(form.print_button, Qt.MouseButton.LeftButton)
    preview = form.findChild(DocumentPreview)
    assert preview is not None and preview.isVisible()
    qtbot.waitUntil(lambda: preview.document.pageCount() == 1)
    return preview


def click_save(qtbot, preview, offered: list[str], folder) -> str:
    """Click Save as…; returns the text of the file written."""
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    saved = folder / f"saved-{len(offered)}.pdf"  # the dialog's answer, ".pdf" added
    assert preview.ctx.settings.value("reports/last_folder") == str(folder)
    return norm(" ".join(sheet.extract_text() for sheet in PdfReader(str(saved)).pages))


def choose_language(qtbot, preview, code: str) -> None:
    combo = preview.language
    combo.setFocus()
    while combo.currentData() != code:
        qtbot.keyClick(combo, Qt.Key.Key_Down)


def test_new_appeal_prints_its_talon_with_the_stub(qtbot, ctx, printed, save_to, tmp_path):
    form = open_form(qtbot, AppealForm(ctx))
    assert not form.print_button.isEnabled()  # no talon before the appeal is stored
    form.topic.set_value("noise")
    form.applicant.set_value(ctx.services.persons.live().first().id)
    type_text(form.substance, "Соседи шумят по ночам")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    number = form.record.talon_number
    preview = click_print(qtbot, form)
    assert (preview.windowTitle(), preview.language_label.text(), preview.print_button.text(),
            preview.save_button.text(), preview.close_button.text()) == (
        "Предпросмотр печати", "&Язык:", "&Печать…", "&Сохранить как…", "Закрыть")
    qtbot.wait(100)
    preview.grab().save(str(tmp_path / "talon-preview.png"))
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert len(printed) == 1
    pages = PdfReader(str(printed[0])).pages
    width, height = (float(v) for v in pages[0].mediabox.upper_right)
    assert len(pages) == 1 and width > height  # the A5 sheet, landscape: stub | talon
    text = click_save(qtbot, preview, save_to, tmp_path)
    assert save_to[0].endswith(f"talon_{number}.pdf")
    assert "КОРЕШОК ТАЛОНА" in text and "выдается заявителю" in text
    assert text.replace(" ", "").count(number) == 2
    choose_language(qtbot, preview, "kk")
    text = click_save(qtbot, preview, save_to, tmp_path)
    assert "ТАЛОН ТҮБІРТЕГІ" in text and "өтініш берушіге беріледі" in text
    qtbot.mouseClick(preview.close_button, Qt.MouseButton.LeftButton)
    assert not preview.isVisible() and form.isVisible()


def test_offence_form_prints_the_protocol(qtbot, ctx, seeded, printed, save_to, tmp_path):
    _services, ids = seeded
    form = open_form(qtbot, OffenceForm(ctx, ids["offence"]))
    preview = click_print(qtbot, form)
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert len(PdfReader(str(printed[0])).pages) == 1
    text = click_save(qtbot, preview, save_to, tmp_path)
    assert f"ПРОТОКОЛ № {form.record.protocol_number}" in text
    assert "Жумабаев Данияр Серикович" in text and "статьей 744 КоАП РК" in text
    assert save_to[0].endswith(f"protocol_{form.record.protocol_number}.pdf")


def test_visit_form_prints_the_visit_record_after_saving_a_change(qtbot, ctx, printed,
                                                                  save_to, tmp_path):
    visit = PreventiveVisit.select().order_by(PreventiveVisit.visited_at).first()
    form = open_form(qtbot, VisitForm(ctx, visit.id))
    form.notes.clear()
    type_text(form.notes, "Проведена беседа о пожарной безопасности")
    preview = click_print(qtbot, form)  # the change is saved first, the form stays open
    assert form.isVisible() and not form.is_dirty()
    assert ctx.services.visits.get(visit.id).notes == "Проведена беседа о пожарной безопасности"
    text = click_save(qtbot, preview, save_to, tmp_path)
    assert "СПРАВКА о профилактическом посещении" in text
    assert "Проведена беседа о пожарной безопасности" in text
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert len(printed) == 1


def test_an_official_warning_is_entered_and_printed_as_its_document(qtbot, ctx, printed,
                                                                    save_to, tmp_path):
    form = open_form(qtbot, VisitForm(ctx))
    choose(qtbot, form.kind_combo, "Официальное предостережение")
    type_text(form.address.lineEdit(), "г. Атырау, ул. Абая, 12")
    type_text(form.notes, "Предостережён о недопустимости угроз соседям")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "ст. 50–51 Закона № 245-VIII" in form.field_errors("person")  # nobody named
    assert form.record is None and form.isVisible()
    form.person.set_value(ctx.services.persons.live().first().id)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record.kind == "official_warning"
    preview = click_print(qtbot, form)
    text = click_save(qtbot, preview, save_to, tmp_path)
    assert "ОФИЦИАЛЬНОЕ ПРЕДОСТЕРЕЖЕНИЕ" in text and "ст. 51 Закона РК" in text
    assert "Официальное предостережение мне объявлено" in text
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert len(printed) == 1


def test_ctrl_p_opens_the_preview(qtbot, ctx, seeded):
    _services, ids = seeded
    form = open_form(qtbot, OffenceForm(ctx, ids["offence"]))
    qtbot.keyClick(form.place, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert form.findChild(DocumentPreview) is not None


# -- the Reports page follows the language ---------------------------------------------------


def shown_text(page) -> str:
    return norm(PdfReader(page.current_file).pages[0].extract_text())


def test_report_preview_follows_the_report_language_and_the_program_language(qtbot, page,
                                                                             ctx, tmp_path):
    page.set_kind("activity")
    page.set_preset(periods.MONTH)
    with qtbot.waitSignal(page.sig_generated, timeout=30_000):
        qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    assert "Республика Казахстан" in shown_text(page)
    with qtbot.waitSignal(page.sig_generated, timeout=30_000):
        page.language.setFocus()
        qtbot.keyClick(page.language, Qt.Key.Key_Down)  # Русский -> Қазақша
    assert page.language.currentData() == "kk"
    assert "Қазақстан Республикасы" in shown_text(page)
    with qtbot.waitSignal(page.sig_generated, timeout=30_000):
        ctx.set_language("ru")  # what Settings → language does
    assert "Республика Казахстан" in shown_text(page)
    assert page.language.currentData() == "ru"
    with qtbot.waitSignal(page.sig_generated, timeout=30_000):
        ctx.set_language("kk")
    assert "Қазақстан Республикасы" in shown_text(page)
    qtbot.wait(200)  # QPdfView renders in the background
    page.grab().save(str(tmp_path / "reports-kk.png"))


# -- from the registers ----------------------------------------------------------------------


@pytest.mark.parametrize("register, title", [("appeals", "ТАЛОН"), ("offences", "ПРОТОКОЛ"),
                                             # the newest visit is a conversation (Law 245-VIII
                                             # art. 50): its own document
                                             ("preventive-visits", "ПРОФИЛАКТИЧЕСКАЯ БЕСЕДА")])
def test_a_register_prints_the_selected_records_document(qtbot, ctx, register, title,
                                                         save_to, tmp_path):
    page = test_ui_registers.open_page(qtbot, ctx, register)
    assert page.print_button.isVisible() and page.print_button.isEnabled()
    record_id = page.current_id()
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    preview = page.findChild(DocumentPreview)
    assert preview is not None and preview.request.kind in ("talon", "protocol", "visit")
    assert record_id in (preview.request.appeal_id, preview.request.record_id)
    assert title in click_save(qtbot, preview, save_to, tmp_path)


def test_registers_without_a_document_have_no_print_button(qtbot, ctx):
    page = test_ui_registers.open_page(qtbot, ctx, "meetings")
    assert not page.print_button.isVisibleTo(page)


def test_a_document_of_a_record_deleted_meanwhile_is_refused_in_words(qtbot, ctx, seeded,
                                                                     monkeypatch):
    _services, ids = seeded
    shown = []
    monkeypatch.setattr("ui.document_preview.show_error",
                        lambda parent, exc, lang: shown.append(exc.message(lang)))
    form = open_form(qtbot, OffenceForm(ctx, ids["offence"]))
    ctx.services.offences.delete(ids["offence"])  # someone else, a moment ago
    qtbot.mouseClick(form.print_button, Qt.MouseButton.LeftButton)
    assert form.findChild(DocumentPreview) is None
    assert len(shown) == 1 and shown[0]


def test_saving_into_a_folder_that_is_gone_says_so(qtbot, ctx, seeded, monkeypatch, tmp_path):
    _services, ids = seeded
    shown = []
    monkeypatch.setattr("ui.document_preview.show_error",
                        lambda parent, exc, lang: shown.append(str(exc)))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda *args: (str(tmp_path / "gone" / "protocol.pdf"), "")))
    form = open_form(qtbot, OffenceForm(ctx, ids["offence"]))
    preview = click_print(qtbot, form)
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    assert len(shown) == 1 and not (tmp_path / "gone").exists()
    assert preview.isVisible()  # nothing lost: the preview is still there to try again


# -- two at once ----------------------------------------------------------------------------

WRITER = r"""
import sys
from inspector_app.services.setup import open_services

services = open_services(sys.argv[1])
person = services.persons.live().first()
print("READY", flush=True)
numbers = []
for n in range(int(sys.argv[2])):
    appeal = services.appeals.create({"received_at": "2026-11-25 10:00", "channel": "phone",
                                      "topic": "noise", "substance": f"Шум {n}",
                                      "applicant": person.id})
    numbers.append(appeal.talon_number)
print("DONE", " ".join(numbers), flush=True)
"""


def test_talons_printed_while_another_process_registers_appeals(qtbot, ctx, db_path, save_to,
                                                                tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    repo = Path(__file__).resolve().parent.parent
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(db_path), "30"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env=dict(os.environ, PYTHONPATH=str(repo)), cwd=str(repo))
    assert writer.stdout.readline().strip() == "READY"
    printed_numbers = []
    for n in range(5):
        form = open_form(qtbot, AppealForm(ctx))
        form.topic.set_value("noise")
        form.applicant.set_value(ctx.services.persons.live().first().id)
        type_text(form.substance, f"Соседи шумят {n}")
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
        assert form.record is not None, form.banner.text()  # the save went through
        preview = click_print(qtbot, form)
        text = click_save(qtbot, preview, save_to, tmp_path).replace(" ", "")
        assert text.count(form.record.talon_number) == 2
        printed_numbers.append(form.record.talon_number)
        preview.accept()
        form.discard()
    out, err = writer.communicate(timeout=120)
    assert writer.returncode == 0, err
    written = out.split("DONE", 1)[1].split()
    assert len(written) == 30  # every write of the other process succeeded too
    assert len(set(written) | set(printed_numbers)) == 35  # no talon number twice


def test_in_kazakh_the_preview_and_the_document_speak_kazakh(qtbot, ctx, seeded, save_to,
                                                             tmp_path):
    _services, ids = seeded
    ctx.set_language("kk")
    form = open_form(qtbot, OffenceForm(ctx, ids["offence"]))
    assert form.print_button.text().replace("&", "") == "Хаттаманы басып шығару"
    preview = click_print(qtbot, form)
    assert (preview.windowTitle(), preview.print_button.text()) == (
        "Басып шығаруды алдын ала қарау", "&Басып шығару…")
    assert preview.language.currentData() == "kk"
    text = click_save(qtbot, preview, save_to, tmp_path)
    assert "ХАТТАМА" in text and "әкімшілік құқық бұзушылық туралы" in text
