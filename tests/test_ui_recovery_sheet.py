"""The recovery key of a new encrypted database: explained, saved on request, confirmed.

Everything is clicked: the wizard's Finish, the dialog's Save button, Qt's own file dialog
(typing the name and Enter), the confirmation box and Done.
"""

from __future__ import annotations

import errno
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QWizard,
)
from test_ui_start import fill_wizard

from inspector_app.protection.encryption import is_encrypted
from inspector_app.services.setup import login_services
from ui.first_run import FirstRunWizard
from ui.i18n import install_language
from ui.recovery_dialog import RecoverySheetDialog

LATIN = re.compile(r"[A-Za-z]{2,}")


def when_modal(kind: type, action: Callable[[QDialog], None], tries: int = 100) -> None:
    """Run ``action`` on the modal dialog of ``kind`` as soon as it is open."""
    def poll(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            action(dialog)
        elif left:
            QTimer.singleShot(50, lambda: poll(left - 1))
    QTimer.singleShot(50, lambda: poll(tries))


def type_file_name(qtbot, path: Path, seen: dict) -> None:
    """Answer Qt's file dialog as a user: the file name typed in, then Enter."""
    def answer(dialog: QFileDialog) -> None:
        seen["file_dialog_labels"] = [label.text() for label in dialog.findChildren(QLabel)
                                      if label.isVisible() and label.text()]
        edit = dialog.findChild(QLineEdit, "fileNameEdit")
        edit.clear()
        qtbot.keyClicks(edit, str(path))
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    when_modal(QFileDialog, answer)


@pytest.fixture
def russian(qapp):
    install_language("ru")
    yield
    install_language("ru")


def test_the_wizard_explains_the_key_then_saves_the_sheet_and_asks_for_confirmation(
        qtbot, tmp_path, russian):
    path, sheet = tmp_path / "new.db", tmp_path / "sheet.pdf"
    wizard = FirstRunWizard(path, "ru")
    qtbot.addWidget(wizard)
    assert wizard.account_page.encrypt.isChecked()
    fill_wizard(wizard, repeat="Kz-Secret-2027", encrypt=True)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.account_page.message.text() == "Пароли не совпадают."
    wizard.account_page.repeat.setText("Kz-Secret-2026")
    seen: dict = {}

    def hand_over(dialog: RecoverySheetDialog) -> None:
        seen["file_dialog_first"] = any(isinstance(w, QFileDialog) and w.isVisible()
                                        for w in QApplication.topLevelWidgets())
        seen["stale_message"] = wizard.account_page.message.text()
        seen["texts"] = [label.text() for label in dialog.findChildren(QLabel)]
        seen["key_shown"] = dialog.key_view.text()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # not yet: the key is not on paper
        seen["still_open"] = dialog.isVisible()
        seen["hint"] = dialog.status.text()
        seen["done_enabled_before"] = dialog.done_button.isEnabled()
        type_file_name(qtbot, sheet, seen)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        seen["saved"] = dialog.status.text()
        qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)

    when_modal(RecoverySheetDialog, hand_over)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.result() == QDialog.DialogCode.Accepted
    key = wizard.services.keyring.recovery_key
    wizard.services.db.close()

    assert seen["file_dialog_first"] is False and seen["stale_message"] == ""
    assert any("только этот ключ восстановления" in text for text in seen["texts"])
    assert seen["key_shown"] == key
    assert seen["still_open"] and "Поставьте отметку" in seen["hint"]
    assert seen["done_enabled_before"] is False
    assert [t for t in seen["file_dialog_labels"] if LATIN.search(t.replace("PDF", ""))] == []
    assert sheet.stat().st_size > 1000 and str(sheet) in seen["saved"]
    assert is_encrypted(path)
    assert "Индербор".encode() not in path.read_bytes()  # the address is not readable
    reopened = login_services(path, "kasymov", "Kz-Secret-2026")
    assert reopened.point_code == "ATY-021"
    reopened.db.close()


def sheet_dialog(qtbot, lang: str = "ru") -> RecoverySheetDialog:
    from datetime import datetime

    dialog = RecoverySheetDialog("ABCD-EFGH-2345-6789", point_code="ATY-021",
                                 point_name="УПП №21", database_file="new.db",
                                 created_at=datetime(2026, 11, 25, 10, 30), lang=lang)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_sheet_that_cannot_be_written_is_said_in_the_dialog(qtbot, tmp_path, russian,
                                                               monkeypatch):
    def disk_full(path, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr("ui.recovery_dialog.write_recovery_sheet", disk_full)
    dialog = sheet_dialog(qtbot)
    target = tmp_path / "sheet.pdf"
    type_file_name(qtbot, target, {})
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.saved_path is None
    assert dialog.status.text() == (f"Не удалось сохранить лист в {target}: No space left on "
                                    "device. Выберите другую папку или перепишите ключ.")
    assert dialog.key_view.text() == "ABCD-EFGH-2345-6789"  # it can still be written down


def test_cancelling_the_file_dialog_leaves_the_key_on_screen(qtbot, russian):
    dialog = sheet_dialog(qtbot)
    when_modal(QFileDialog, lambda fd: qtbot.keyClick(fd, Qt.Key.Key_Escape))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.saved_path is None and dialog.status.isHidden()
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # once confirmed, Esc closes
    assert not dialog.isVisible()


def test_the_dialog_speaks_kazakh(qtbot, qapp):
    install_language("kk")
    try:
        dialog = sheet_dialog(qtbot, "kk")
        texts = [dialog.windowTitle(), dialog.confirm.text(), dialog.save_button.text(),
                 dialog.done_button.text(), *(label.text() for label in
                                              dialog.findChildren(QLabel) if label.text())]
    finally:
        install_language("ru")
    assert [t for t in texts if LATIN.search(t.replace("PDF", ""))] == []


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_qts_own_file_dialog_speaks_the_language(qtbot, qapp, lang):
    install_language(lang)
    seen: dict = {}

    def look(dialog: QFileDialog) -> None:
        seen["labels"] = [label.text() for label in dialog.findChildren(QLabel)
                          if label.isVisible() and label.text()]
        seen["buttons"] = [button.text() for button in dialog.findChildren(QPushButton)
                           if button.isVisible()]
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    try:
        dialog = sheet_dialog(qtbot, lang)
        when_modal(QFileDialog, look)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    finally:
        install_language("ru")
    assert len(seen["labels"]) >= 3 and len(seen["buttons"]) >= 2
    assert [t for t in seen["labels"] + seen["buttons"]
            if LATIN.search(t.replace("PDF", ""))] == []
