"""Answers to the modal dialogs a clicked button opens, for GUI tests.

The static ``QFileDialog`` functions and ``QPrintDialog.exec`` are replaced on the classes
themselves, so every module that opens them (whatever it imported) gets the test's answer:
:class:`DialogAnswers` records what was asked and answers with a path in a temporary folder,
and the print dialog "prints" to a PDF file there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog


@dataclass
class DialogAnswers:
    """What the patched dialogs answer, and a log of what they were asked."""

    folder: Path
    save_name: str | None = None  # None: the name the program suggested
    open_files: list[str] = field(default_factory=list)
    cancel: bool = False  # answer every dialog with Cancel
    asked: list[str] = field(default_factory=list)
    printed: list[Path] = field(default_factory=list)

    def install(self, monkeypatch) -> DialogAnswers:
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self._save)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", self._open_one)
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", self._open_many)
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", self._directory)
        monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: self._print(dialog))
        return self

    def _save(self, parent=None, caption="", directory="", filter="", *args, **kwargs):
        self.asked.append(f"save: {caption}")
        if self.cancel:
            return "", ""
        name = self.save_name or Path(directory or "file").name
        return str(self.folder / name), filter.split(";;")[0] if filter else ""

    def _open_one(self, parent=None, caption="", *args, **kwargs):
        self.asked.append(f"open: {caption}")
        return (self.open_files[0], "") if self.open_files and not self.cancel else ("", "")

    def _open_many(self, parent=None, caption="", *args, **kwargs):
        self.asked.append(f"open: {caption}")
        return ([] if self.cancel else list(self.open_files)), ""

    def _directory(self, parent=None, caption="", *args, **kwargs):
        self.asked.append(f"folder: {caption}")
        return "" if self.cancel else str(self.folder)

    def _print(self, dialog: QPrintDialog) -> int:
        self.asked.append(f"print: {dialog.windowTitle()}")
        if self.cancel:
            return QDialog.DialogCode.Rejected
        path = self.folder / f"printed-{len(self.printed) + 1}.pdf"
        printer: QPrinter = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        self.printed.append(path)
        return QDialog.DialogCode.Accepted
