"""Accounts from the first day, by clicking: the wizard makes the head of the point, whose
Accounts page adds the second inspector and the assistant, changes a role, resets a password,
deactivates and reactivates; a refused set-up leaves no file behind."""

from __future__ import annotations

import time
from contextlib import contextmanager

import pytest
from conftest import NOW
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWizard
from qt_helpers import choose, click, type_text
from test_ui_forms_support import on_modal

import ui.accounts_page as accounts_module
from inspector_app.domain.clock import FixedClock
from inspector_app.errors import AuthenticationFailed
from inspector_app.services.setup import login_services
from inspector_app.storage.database import bind_models
from ui.accounts_page import AccountsPage, TemporaryPasswordDialog
from ui.context import UiContext
from ui.first_run import FirstRunWizard
from ui.forms.staff_form import StaffForm
from ui.i18n import install_language
from ui.main_window import MainWindow

HEAD_PASSWORD = "Kz-Secret-2026"


@pytest.fixture
def clock():
    return FixedClock(NOW)


@contextmanager
def log_in(window, path, clock, login: str, password: str):
    """A second login to the wizard's file, as the program opens it for another officer.

    Here in the window's process: the models are bound to one database per process, so the
    window's own database is bound again afterwards (or its next use case is refused, see the
    last test).
    """
    clock.advance(seconds=10)  # past any pause after a wrong password
    try:
        services = login_services(path, login, password, clock=clock)
        try:
            yield services
        finally:
            services.db.close()
    finally:
        bind_models(window.ctx.services.db)


def run_wizard(qtbot, path, password: str, clock=None, *,
               encrypt: bool = False) -> FirstRunWizard:
    """The first-run wizard filled and finished as a person does (without encryption unless
    asked: the recovery sheet is another flow)."""
    install_language("ru")
    wizard = FirstRunWizard(path, "ru", clock=clock)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    profile = wizard.profile_page
    type_text(profile.code, "ATY-021")
    type_text(profile.name, "УПП №21")
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    account = wizard.account_page
    assert "руководитель пункта" in account.subTitle().lower()
    type_text(account.full_name, "Қасымов Ерлан Бекұлы")
    type_text(account.login, "kasymov")
    type_text(account.password, password)
    type_text(account.repeat, password)
    if not encrypt:
        click(qtbot, account.encrypt)
    assert account.encrypt.isChecked() == encrypt
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    return wizard


@pytest.mark.parametrize("encrypt", [True, False])
def test_a_refused_wizard_leaves_no_file_and_can_be_corrected(qtbot, tmp_path, encrypt):
    path = tmp_path / "data" / "point.db"
    wizard = run_wizard(qtbot, path, "Kasymov-2026!", encrypt=encrypt)  # contains the login
    assert wizard.isVisible() and wizard.services is None
    assert wizard.account_page.message.text() == "Пароль: пароль не должен содержать логин"
    assert list(tmp_path.rglob("*")) == []
    if encrypt:
        return  # (finishing an encrypted set-up hands over the recovery sheet: another test)
    account = wizard.account_page
    for edit in (account.password, account.repeat):
        edit.clear()
        type_text(edit, HEAD_PASSWORD)
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    assert wizard.services is not None and path.exists()
    wizard.services.db.close()


@pytest.fixture
def head_window(qtbot, tmp_path, clock):
    """The main window of a point just set up by the wizard, its head logged in."""
    path = tmp_path / "point.db"
    wizard = run_wizard(qtbot, path, HEAD_PASSWORD, clock)
    services = wizard.services
    assert services.session.role == "senior_inspector"
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(UiContext(services, settings, "ru"))
    qtbot.addWidget(window)
    window.resize(1200, 700)
    window.show()
    qtbot.waitExposed(window)
    yield window, path
    services.db.close()


def open_accounts(qtbot, window) -> AccountsPage:
    nav = window.nav
    row = next(i for i, page in enumerate(window.pages) if page.key == "accounts")
    assert nav.item(row).text() == "Учетные записи"
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton,
                     pos=nav.visualItemRect(nav.item(row)).center())
    assert window.current_page() is window.accounts
    return window.accounts


def rows(page: AccountsPage) -> dict[str, list[str]]:
    """Cells by login."""
    model = page.proxy
    table = {}
    for row in range(model.rowCount()):
        cells = [model.index(row, column).data() for column in range(model.columnCount())]
        table[cells[1]] = cells
    return table


def click_row(qtbot, page: AccountsPage, login: str) -> None:
    model = page.proxy
    row = next(r for r in range(model.rowCount()) if model.index(r, 1).data() == login)
    rect = page.view.visualRect(model.index(row, 0))
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.current_id() == model.index(row, 0).data(accounts_module.ID_ROLE)


def add_account(qtbot, page: AccountsPage, name: str, login: str, role: str,
                password: str) -> None:
    def fill(form: StaffForm) -> None:
        type_text(form.full_name, name)
        choose(qtbot, form.role, role)
        type_text(form.login, login)
        type_text(form.password, password)
        type_text(form.repeat, password)
        click(qtbot, form.save_button)

    seen = on_modal(StaffForm, fill)
    click(qtbot, page.new_button)
    assert seen and not seen[0].isVisible()


def temporary_password(qtbot, button, password: str, again: str | None = None) -> list:
    """Click ``button``, type the password twice in the dialog it opens and click OK."""
    said: list[str] = []

    def fill(dialog: TemporaryPasswordDialog) -> None:
        type_text(dialog.password, password)
        type_text(dialog.repeat, password if again is None else again)
        click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
        if dialog.isVisible():  # refused: say why, then cancel
            said.append(dialog.message.text())
            click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel))

    seen = on_modal(TemporaryPasswordDialog, fill)
    click(qtbot, button)
    assert seen
    return said


def test_the_wizard_made_point_gives_its_officers_accounts_by_clicking(
        qtbot, head_window, clock, monkeypatch):
    window, path = head_window
    page = open_accounts(qtbot, window)
    assert list(rows(page)) == ["kasymov"]
    assert rows(page)["kasymov"][2] == "Старший УИП"

    add_account(qtbot, page, "Тұрсынов Бауыржан", "tursynov", "Участковый инспектор полиции (УИП)",
                "Steppe-Wind-2026")
    add_account(qtbot, page, "Нұрланова Динара", "nurlanova", "Помощник УИП", "Helper-2026!")
    table = rows(page)
    assert [table[login][2] for login in ("tursynov", "nurlanova")] == [
        "Участковый инспектор полиции (УИП)", "Помощник УИП"]
    # both log in with the temporary password, which they must change
    for login, password in (("tursynov", "Steppe-Wind-2026"), ("nurlanova", "Helper-2026!")):
        with log_in(window, path, clock, login, password) as other:
            assert other.session.must_change_password
            other.staff.change_own_password(password, f"Own-{password}")
        with log_in(window, path, clock, login, f"Own-{password}") as again:
            assert not again.session.must_change_password

    # change a role: select the row, Open, pick the role, Save
    click_row(qtbot, page, "nurlanova")

    def promote(form: StaffForm) -> None:
        choose(qtbot, form.role, "Участковый инспектор полиции (УИП)")
        click(qtbot, form.save_button)

    seen = on_modal(StaffForm, promote)
    click(qtbot, page.open_button)
    assert seen and rows(page)["nurlanova"][2] == "Участковый инспектор полиции (УИП)"

    # reset a password: refused ones are explained in the dialog, then a good one
    click_row(qtbot, page, "tursynov")
    assert temporary_password(qtbot, page.reset_button, "Reset-2026!", "Reset-2027!") == [
        "Пароли не совпадают."]
    assert temporary_password(qtbot, page.reset_button, "Tursynov-77") == [
        "Пароль: пароль не должен содержать логин"]
    assert temporary_password(qtbot, page.reset_button, "Reset-2026!") == []
    with log_in(window, path, clock, "tursynov", "Reset-2026!") as reset:
        assert reset.session.must_change_password

    # deactivate (after a question answered Yes), then reactivate with a temporary password
    asked: list[str] = []
    monkeypatch.setattr(accounts_module.QMessageBox, "question",
                        lambda *args: asked.append(args[2]) or QMessageBox.StandardButton.Yes)
    click_row(qtbot, page, "tursynov")
    assert page.active_button.text() == "Отключить…"
    click(qtbot, page.active_button)
    assert "Тұрсынов Бауыржан (tursynov)" in asked[0]
    assert rows(page)["tursynov"][5] == "нет"
    assert not page.reset_button.isEnabled() and page.active_button.text() == "Включить…"
    with pytest.raises(AuthenticationFailed), log_in(window, path, clock, "tursynov",
                                                    "Reset-2026!"):
        pass
    assert temporary_password(qtbot, page.active_button, "Again-2026!") == []
    assert rows(page)["tursynov"][5] == "да"
    with log_in(window, path, clock, "tursynov", "Again-2026!") as back:
        assert back.session.must_change_password

    # the head cannot close their own account: the button says why instead of offering it
    click_row(qtbot, page, "kasymov")
    assert not page.active_button.isEnabled()
    assert page.active_button.toolTip() == "Нельзя отключить собственную учетную запись"
    assert rows(page)["kasymov"][5] == "да"
    assert list(rows(page)) == ["kasymov", "nurlanova", "tursynov"]  # Қ after К, before Н
    page.grab().save(str(path.with_name("accounts.png")))


def test_a_second_login_in_the_windows_process_is_refused_at_once_not_after_a_hang(
        qtbot, head_window, clock):
    """Another officer's login opened beside the window (and not bound back) takes the models'
    binding: the window's next save says so at once, writes nothing, and works once the
    window's database is bound again."""
    window, path = head_window
    page = open_accounts(qtbot, window)
    # the home page's figures load on a pool thread: once the other login holds the binding,
    # that job would fail too (a second message box) on a loaded machine
    qtbot.waitUntil(lambda: not window.home.is_loading(), timeout=30_000)
    clock.advance(seconds=10)
    other = login_services(path, "kasymov", HEAD_PASSWORD, clock=clock)
    said: list[str] = []

    def answer(box: QMessageBox) -> None:
        said.append(box.text())
        click(qtbot, box.button(QMessageBox.StandardButton.Ok))

    def discard(box: QMessageBox) -> None:
        click(qtbot, next(button for button in box.buttons()
                          if button.text() == "Не сохранять"))

    def fill(form: StaffForm) -> None:
        type_text(form.full_name, "Тұрсынов Бауыржан")
        type_text(form.login, "tursynov")
        type_text(form.password, "Steppe-Wind-2026")
        type_text(form.repeat, "Steppe-Wind-2026")
        on_modal(QMessageBox, answer)
        started = time.monotonic()
        click(qtbot, form.save_button)
        said.append(f"{time.monotonic() - started:.1f}")
        on_modal(QMessageBox, discard)
        click(qtbot, form.cancel_button)

    seen = on_modal(StaffForm, fill)
    try:
        click(qtbot, page.new_button)
    finally:
        other.db.close()
    assert seen and not seen[0].isVisible()
    message, seconds = said
    assert message.startswith("Внутренняя ошибка: записи программы привязаны к базе")
    assert str(path) in message
    assert float(seconds) < 3  # the busy timeout is 10 s
    assert list(rows(page)) == ["kasymov"]

    bind_models(window.ctx.services.db)
    add_account(qtbot, page, "Тұрсынов Бауыржан", "tursynov",
                "Участковый инспектор полиции (УИП)", "Steppe-Wind-2026")
    assert list(rows(page)) == ["kasymov", "tursynov"]
