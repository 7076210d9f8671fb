"""The preview of one record's printed document: the talon, the offence protocol, the visit record.

Opened from the record's form (Print talon / Print protocol / Print record, Ctrl+P). The
document is made by the core (:func:`inspector_app.reports.generate`, a one-page PDF in a
fraction of a second) into a temporary folder that lives as long as the dialog, and shown
with Print…, Save as… and a language choice, since a citizen may want the talon in Kazakh
while the program speaks Russian. Buttons are connected through lambdas, so ``clicked(bool)``
never lands in a parameter.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTemporaryDir
from PySide6.QtGui import QPageSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.reports import (
    REPORT_LANGUAGES,
    ReportRequest,
    document_file_name,
    document_request,
    generate,
)
from ui.context import UiContext
from ui.errors import show_error
from ui.icons import icon
from ui.reports_page import LANGUAGES, print_pdf
from ui.settings import REPORTS_FOLDER


def choose_printer(parent: QWidget, page_size: QPageSize, pages: int) -> QPrinter | None:
    """The printer the user picks in the system print dialog (None when cancelled)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(page_size)
    dialog = QPrintDialog(printer, parent)
    dialog.setMinMax(1, max(pages, 1))
    return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None


class DocumentPreview(QDialog):
    """The pages of one document, with Print…, Save as…, the language and Close."""

    def __init__(self, ctx: UiContext, request: ReportRequest, file_name: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.request = request
        self.file_name = file_name
        self.current_file: str | None = None
        self._temp = QTemporaryDir()
        self._serial = 0
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowIcon(icon("print"))

        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.language_label = QLabel(self)
        self.language = QComboBox(self)
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(request.lang), 0))
        self.language_label.setBuddy(self.language)
        self.print_button = QPushButton(icon("print"), "", self)
        self.print_button.setDefault(True)
        self.save_button = QPushButton(icon("save"), "", self)
        self.close_button = QPushButton("", self)
        self.close_button.setAutoDefault(False)

        tools = QHBoxLayout()
        tools.addWidget(self.language_label)
        tools.addWidget(self.language)
        tools.addStretch(1)
        tools.addWidget(self.print_button)
        tools.addWidget(self.save_button)
        tools.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(tools)

        self.print_button.clicked.connect(lambda: self.print_document())
        self.save_button.clicked.connect(lambda: self.save_document())
        self.close_button.clicked.connect(lambda: self.accept())
        self.language.currentIndexChanged.connect(lambda _index: self._language_chosen())
        self.retranslate()
        self.resize(760, 820)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Print preview"))
        self.language_label.setText(self.tr("&Language:"))
        self.print_button.setText(self.tr("&Print…"))
        self.save_button.setText(self.tr("&Save as…"))
        self.close_button.setText(self.tr("Close"))

    # -- making -----------------------------------------------------------------------------
    def render(self) -> bool:
        """Make the document in the chosen language and show it; False (and a message) when
        the core refuses."""
        self._serial += 1
        path = str(Path(self._temp.path()) / f"document-{self._serial}.pdf")
        try:
            generate(self.ctx.services, self.request, path)
        except Exception as exc:  # noqa: BLE001 - shown in the user's language, never a trace
            show_error(self, exc, self.ctx.lang)
            return False
        previous = self.current_file
        self.document.close()
        self.document.load(path)
        self.current_file = path
        if previous:
            Path(previous).unlink(missing_ok=True)
        return True

    def _language_chosen(self) -> None:
        lang = self.language.currentData()
        if lang != self.request.lang:
            self.request = replace(self.request, lang=lang)
            self.render()

    # -- print and save ---------------------------------------------------------------------
    def page_size(self) -> QPageSize:
        points = self.document.pagePointSize(0).toSize()
        return QPageSize(points, "", QPageSize.SizeMatchPolicy.FuzzyOrientationMatch)

    def print_document(self) -> int:
        """Print through the system dialog; returns the pages printed (0 when cancelled)."""
        printer = choose_printer(self, self.page_size(), self.document.pageCount())
        if printer is None:
            return 0
        return print_pdf(self.document, printer)

    def save_document(self) -> str | None:
        """Copy the document to a file the user picks; returns the path (None if cancelled)."""
        return save_pdf_copy(self, self.ctx, self.current_file, self.file_name,
                             self.tr("Save the document"))


def save_pdf_copy(parent: QWidget, ctx: UiContext, source: str, file_name: str,
                  caption: str) -> str | None:
    """Ask where to save ``source`` (a PDF), offering ``file_name`` in the last folder used,
    and copy it there; returns the path written, None when cancelled or refused (said)."""
    folder = REPORTS_FOLDER.read(ctx.settings) or str(Path.home())
    target, _ = QFileDialog.getSaveFileName(
        parent, caption, str(Path(folder) / file_name),
        QCoreApplication.translate("DocumentPreview", "PDF documents (*.pdf)"))
    if not target:
        return None
    if not target.lower().endswith(".pdf"):
        target += ".pdf"
    try:
        shutil.copyfile(source, target)
    except OSError as exc:
        show_error(parent, exc, ctx.lang)
        return None
    REPORTS_FOLDER.write(ctx.settings, str(Path(target).parent))
    return target


def preview_document(ctx: UiContext, kind: str, record_id: str,
                     parent: QWidget | None = None) -> DocumentPreview | None:
    """Open the preview of the document ``kind`` (talon, protocol, visit) of a record.

    The dialog is window-modal over ``parent`` and returned at once (None when the document
    could not be made; the user was told why).
    """
    lang = ctx.lang if ctx.lang in REPORT_LANGUAGES else "ru"
    try:
        file_name = document_file_name(ctx.services, kind, record_id)
    except Exception as exc:  # noqa: BLE001 - the record is gone: said in the user's language
        show_error(parent, exc, ctx.lang)
        return None
    dialog = DocumentPreview(ctx, document_request(kind, record_id, lang), file_name, parent)
    if not dialog.render():
        dialog.deleteLater()
        return None
    dialog.open()
    return dialog
