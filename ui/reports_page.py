"""The Reports page: choose a report, its period, inspector and language; preview, print, save.

Reports are built by :func:`inspector_app.reports.generate` on a worker thread (with progress
and Cancel after half a second, see :mod:`ui.worker`) into a temporary file, then shown in an
in-app preview (QtPdf). Print renders the pages through the system print dialog; Save as copies
the file. The preview follows the language: choosing another one for the report, or switching
the program's language in Settings, makes the report shown again in that language. A record's
own document (talon, protocol, visit record) is printed from its form, see
:mod:`ui.document_preview`.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QDate,
    QEvent,
    QPointF,
    QRectF,
    QSize,
    QTemporaryDir,
    Signal,
)
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from inspector_app.changes import Changes
from inspector_app.messages import translate
from inspector_app.queries.registers import REGISTERS
from inspector_app.reports import ReportRequest, generate, periods
from ui.context import UiContext
from ui.errors import show_error
from ui.icons import icon
from ui.settings import REPORTS_FOLDER
from ui.worker import Job, run_job

PRINT_DPI = 300
LANGUAGES = (("ru", "Русский"), ("kk", "Қазақша"), ("en", "English"))
FORM_WIDTH = 330


def print_pdf(document: QPdfDocument, printer: QPrinter, dpi: int = PRINT_DPI) -> int:
    """Print ``document`` on ``printer`` (its page range if one was chosen); returns pages.

    Each page is rendered at ``dpi`` and fitted into the printable area, keeping its shape.
    """
    count = document.pageCount()
    first = max(printer.fromPage(), 1) if printer.fromPage() else 1
    last = min(printer.toPage(), count) if printer.toPage() else count
    if count == 0 or first > last:
        return 0
    size = document.pagePointSize(first - 1)
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if size.width() > size.height()
                               else QPageLayout.Orientation.Portrait)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        for index in range(first - 1, last):
            if index > first - 1:
                printer.newPage()
            points = document.pagePointSize(index)
            image = document.render(index, QSize(round(points.width() * dpi / 72),
                                                 round(points.height() * dpi / 72)))
            area = QRectF(painter.viewport())
            scale = min(area.width() / image.width(), area.height() / image.height())
            target = QRectF(QPointF(0, 0), image.size().toSizeF() * scale)
            painter.drawImage(target, image)
    finally:
        painter.end()
    return last - first + 1


def _report_lang(lang: str) -> str:
    return lang if lang in dict(LANGUAGES) else "ru"


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class ReportsPage(QWidget):
    """The sidebar page that makes, previews, prints and saves the PDF reports."""

    sig_status = Signal(str)
    sig_generated = Signal(int)  # pages of the report now shown

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.job: Job | None = None
        self.pages = 0
        self.current_file: str | None = None
        self.shown_request: ReportRequest | None = None  # what the preview shows
        self._temp = QTemporaryDir()
        self._serial = 0

        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)

        self.kind = QComboBox(self)
        self.register = QComboBox(self)
        for name, register in REGISTERS.items():
            self.register.addItem(ctx.t(register.title), name)
        self.talon = QLineEdit(self)
        self.talon.setPlaceholderText("ATY-017-T-2026-00001")
        self.period = QComboBox(self)
        self.date_from, self.date_to = QDateEdit(self), QDateEdit(self)
        for edit in (self.date_from, self.date_to):
            edit.setDisplayFormat("dd.MM.yyyy")
            edit.setCalendarPopup(True)
        self.inspector = QComboBox(self)
        self.language = QComboBox(self)
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(_report_lang(ctx.lang)))
        self.generate_button = QPushButton(icon("report"), "", self)
        self.generate_button.setDefault(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        form_box = QWidget(self)
        form_box.setFixedWidth(FORM_WIDTH)
        self.form = QFormLayout(form_box)
        self.form.setContentsMargins(0, 0, 0, 0)
        dates = QHBoxLayout()
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel("–", self))
        dates.addWidget(self.date_to)
        self.labels = {key: QLabel(self) for key in ("kind", "register", "talon", "period",
                                                      "dates", "inspector", "language")}
        self.form.addRow(self.labels["kind"], self.kind)
        self.form.addRow(self.labels["register"], self.register)
        self.form.addRow(self.labels["talon"], self.talon)
        self.form.addRow(self.labels["period"], self.period)
        self.form.addRow(self.labels["dates"], dates)
        self.form.addRow(self.labels["inspector"], self.inspector)
        self.form.addRow(self.labels["language"], self.language)
        self.form.addRow(self.generate_button)
        self.form.addRow(self.status)

        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.pages_label = QLabel(self)
        self.print_button = QPushButton(icon("print"), "", self)
        self.save_button = QPushButton(icon("save"), "", self)
        tools = QHBoxLayout()
        tools.addWidget(self.pages_label, 1)
        tools.addWidget(self.print_button)
        tools.addWidget(self.save_button)
        preview = QVBoxLayout()
        preview.addLayout(tools)
        preview.addWidget(self.view, 1)

        body = QHBoxLayout()
        body.addWidget(form_box)
        body.addLayout(preview, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(body, 1)

        self.kind.currentIndexChanged.connect(self._on_kind)
        self.period.currentIndexChanged.connect(self._on_period)
        self.language.currentIndexChanged.connect(lambda _index: self._on_report_language())
        self.generate_button.clicked.connect(self.generate)
        self.print_button.clicked.connect(self.print_report)
        self.save_button.clicked.connect(self.save_report)
        ctx.sig_language_changed.connect(self._on_language)
        ctx.sig_data_changed.connect(self._on_data_changed)
        self.retranslate()
        self.set_preset(periods.PREVIOUS_MONTH)
        self._fill_inspectors()
        self._on_kind()
        self._update_buttons()

    # -- texts ----------------------------------------------------------------------------
    def page_title(self) -> str:
        return self.tr("Reports")

    def kind_titles(self) -> dict[str, str]:
        return {"activity": self.tr("Activity report"),
                "register": self.tr("Register printout (journal)"),
                "talon": self.tr("Talon of an appeal"),
                "district": self.tr("District summary")}

    def preset_titles(self) -> dict[str, str]:
        return {periods.MONTH: self.tr("This month"),
                periods.PREVIOUS_MONTH: self.tr("Last month"),
                periods.QUARTER: self.tr("This quarter"),
                periods.PREVIOUS_QUARTER: self.tr("Last quarter"),
                periods.HALF_YEAR: self.tr("This half-year"),
                periods.PREVIOUS_HALF_YEAR: self.tr("Last half-year"),
                periods.YEAR: self.tr("This year"),
                periods.PREVIOUS_YEAR: self.tr("Last year"),
                periods.OPERATION: self.tr("Operation «Uchastok» (1 Sep – 1 Nov)"),
                periods.CUSTOM: self.tr("Custom period")}

    def retranslate(self) -> None:
        self.title.setText(self.page_title())
        for key, text in (("kind", self.tr("Report:")), ("register", self.tr("Register:")),
                          ("talon", self.tr("Talon number:")), ("period", self.tr("Period:")),
                          ("dates", self.tr("Dates:")), ("inspector", self.tr("Inspector:")),
                          ("language", self.tr("Language:"))):
            self.labels[key].setText(text)
        _refill(self.kind, self.kind_titles())
        _refill(self.period, self.preset_titles())
        for index in range(self.register.count()):
            name = self.register.itemData(index)
            self.register.setItemText(index, self.ctx.t(REGISTERS[name].title))
        if self.inspector.count():
            self.inspector.setItemText(0, self.tr("Whole point"))
        self.generate_button.setText(self.tr("Generate"))
        self.print_button.setText(self.tr("Print…"))
        self.save_button.setText(self.tr("Save as…"))
        self._show_pages()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_language(self, lang: str) -> None:
        self.retranslate()
        self.language.setCurrentIndex(self.language.findData(_report_lang(lang)))

    def _on_report_language(self) -> None:
        """Show the report on screen again in the language just chosen."""
        shown = self.shown_request
        lang = self.language.currentData()
        if shown is not None and shown.lang != lang:
            self.run(replace(shown, lang=lang))

    # -- choices --------------------------------------------------------------------------
    def _fill_inspectors(self) -> None:
        current = self.inspector.currentData()
        self.inspector.blockSignals(True)
        self.inspector.clear()
        self.inspector.addItem(self.tr("Whole point"), None)
        for staff in self.ctx.services.staff.officers():
            self.inspector.addItem(staff.full_name, staff.id)
        index = self.inspector.findData(current)
        self.inspector.setCurrentIndex(max(index, 0))
        self.inspector.blockSignals(False)

    def _on_data_changed(self, changes: Changes) -> None:
        if "staff" in changes.kinds:
            self._fill_inspectors()

    def set_kind(self, kind: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))

    def set_preset(self, preset: str) -> None:
        self.period.setCurrentIndex(self.period.findData(preset))
        self._on_period()

    def set_dates(self, start: date, end: date) -> None:
        """Choose a custom period."""
        self.set_preset(periods.CUSTOM)
        self.date_from.setDate(_qdate(start))
        self.date_to.setDate(_qdate(end))

    def _on_kind(self) -> None:
        kind = self.kind.currentData()
        visible = {"register": kind == "register", "talon": kind == "talon",
                   "period": kind != "talon", "dates": kind != "talon",
                   "inspector": kind in ("activity", "register")}
        widgets = {"register": self.register, "talon": self.talon, "period": self.period,
                   "dates": self.date_from, "inspector": self.inspector}
        for key, shown in visible.items():
            self.form.setRowVisible(self.labels[key], shown)
            widgets[key].setVisible(shown)

    def _on_period(self) -> None:
        preset = self.period.currentData()
        span = periods.period_range(preset, self.ctx.services.clock.today())
        custom = span is None
        for edit in (self.date_from, self.date_to):
            edit.setEnabled(custom)
        if span is not None:
            self.date_from.setDate(_qdate(span[0]))
            self.date_to.setDate(_qdate(span[1]))

    def request(self) -> ReportRequest:
        """The report the form describes (the talon number is looked up here)."""
        kind = self.kind.currentData()
        lang = self.language.currentData()
        if kind == "talon":
            from inspector_app.reports.talon import find_appeal  # reportlab: not at start-up

            appeal = find_appeal(self.ctx.services, talon_number=self.talon.text())
            return ReportRequest("talon", appeal_id=appeal.id, lang=lang)
        inspector = self.inspector.currentData() if kind in ("activity", "register") else None
        return ReportRequest(kind, _pydate(self.date_from.date()), _pydate(self.date_to.date()),
                             inspector_id=inspector, register=self.register.currentData(),
                             lang=lang)

    # -- generating -----------------------------------------------------------------------
    def generate(self) -> Job | None:
        """Build the chosen report off the GUI thread; the preview shows it when done."""
        if self.job is not None and not self.job.finished:
            return self.job
        try:
            request = self.request()
            if request.kind in ("activity", "district"):
                request.scope()  # refuses a period that ends before it starts
        except Exception as exc:  # noqa: BLE001 - an InspectorError shown in the user's language
            show_error(self, exc, self.ctx.lang)
            return None
        return self.run(request)

    def run(self, request: ReportRequest) -> Job | None:
        """Build ``request`` off the GUI thread; the preview shows it when done."""
        if self.job is not None and not self.job.finished:
            self.job.sig_finished.connect(lambda: self._on_report_language())
            return self.job
        self._serial += 1
        path = str(Path(self._temp.path()) / f"report-{self._serial}.pdf")
        services = self.ctx.services
        self.generate_button.setEnabled(False)
        self._set_status(self.tr("Generating the report…"))
        self.job = run_job(lambda progress: generate(services, request, path, progress),
                           db=services.db, parent=self, title=self.tr("Generating the report…"),
                           on_done=lambda pages: self._show_report(path, request),
                           lang=lambda: self.ctx.lang)
        self.job.sig_finished.connect(self._on_finished)
        return self.job

    def _on_finished(self) -> None:
        self.generate_button.setEnabled(True)
        if self.job is not None and self.job.cancelled:
            self._set_status(self.tr("Cancelled."))
        elif self.job is not None and self.job.error is not None:
            self._set_status(self.tr("The report could not be made."))

    def _show_report(self, path: str, request: ReportRequest) -> None:
        previous = self.current_file
        self.shown_request = request
        self.document.close()
        self.document.load(path)
        self.current_file = path
        self.pages = self.document.pageCount()
        if previous and previous != path:
            Path(previous).unlink(missing_ok=True)
        self._show_pages()
        self._update_buttons()
        self._set_status(self.tr("Ready: %n page(s).", "", self.pages))
        self.sig_generated.emit(self.pages)

    def _show_pages(self) -> None:
        self.pages_label.setText(self.tr("Pages: %1").replace("%1", str(self.pages))
                                 if self.current_file else self.tr("No report yet."))

    def _update_buttons(self) -> None:
        ready = self.current_file is not None
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)

    def _set_status(self, text: str) -> None:
        self.status.setText(text)
        self.sig_status.emit(text)

    # -- print and save -------------------------------------------------------------------
    def print_report(self) -> int:
        """Print the report shown through the system print dialog; returns pages printed."""
        if self.current_file is None:
            return 0
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.pages)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return 0
        return print_pdf(self.document, printer)

    def suggested_name(self) -> str:
        request = self.request() if self.kind.currentData() != "talon" else None
        if request is None:
            return f"{translate('report.talon.title', self.language.currentData())}.pdf"
        return (f"{self.kind.currentData()}_{request.date_from:%Y-%m-%d}_"
                f"{request.date_to:%Y-%m-%d}.pdf")

    def save_report(self) -> str | None:
        """Copy the report shown to a file the user picks; returns the path written."""
        if self.current_file is None:
            return None
        folder = REPORTS_FOLDER.read(self.ctx.settings) or str(Path.home())
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the report"), str(Path(folder) / self.suggested_name()),
            self.tr("PDF documents (*.pdf)"))
        if not target:
            return None
        if not target.lower().endswith(".pdf"):
            target += ".pdf"
        try:
            shutil.copyfile(self.current_file, target)
        except OSError as exc:
            show_error(self, exc, self.ctx.lang)
            return None
        REPORTS_FOLDER.write(self.ctx.settings, str(Path(target).parent))
        self._set_status(self.tr("Saved: %1").replace("%1", target))
        return target


def _refill(combo: QComboBox, titles: dict[str, str]) -> None:
    """Fill ``combo`` with ``code -> title`` keeping the chosen code (no change signal)."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for code, title in titles.items():
        combo.addItem(title, code)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    combo.blockSignals(False)
