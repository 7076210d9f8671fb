"""The staff account form: account managers only; a new account's password typed twice."""

from __future__ import annotations

import pytest
from conftest import PASSWORD
from qt_helpers import type_text
from test_ui_forms_support import make_ctx, show

from inspector_app.services.accounts import authenticate
from ui.forms.staff_form import StaffForm


@pytest.fixture
def ctx(services, tmp_path, qapp):
    return make_ctx(services, tmp_path)


def fill_account(form: StaffForm, password: str, again: str) -> None:
    type_text(form.full_name, "Тұрсынов Бауыржан Ерланұлы")
    form.role.set_value("assistant")
    form.rank.set_value("senior_lieutenant")
    type_text(form.login, "tursynov")
    type_text(form.password, password)
    type_text(form.repeat, again)


def test_create_account_then_log_in_with_it(qtbot, ctx, services):
    form = show(qtbot, StaffForm(ctx))  # no session: the database owner acts
    assert not form.read_only
    fill_account(form, "Steppe-Wind-2026", "Steppe-Wind-2026")
    with qtbot.waitSignal(ctx.sig_data_changed):
        staff_id = form.save()
    staff = services.staff.get(staff_id)
    assert (staff.role, staff.rank, staff.login) == ("assistant", "senior_lieutenant", "tursynov")
    assert authenticate("ATY-017", "tursynov", "Steppe-Wind-2026").staff_id == staff_id


def test_passwords_that_differ_are_refused_at_the_second_field(qtbot, ctx, services):
    before = services.staff.count()
    form = show(qtbot, StaffForm(ctx))
    fill_account(form, "Steppe-Wind-2026", "Steppe-Wind-2025")
    assert form.save() is None
    assert form.field_errors("password_repeat") == "Пароли не совпадают"
    assert services.staff.count() == before
    form.repeat.clear()
    type_text(form.repeat, "Steppe-Wind-2026")
    assert form.save() is not None


def test_weak_password_reported_by_the_core(qtbot, ctx, services):
    form = show(qtbot, StaffForm(ctx))
    fill_account(form, "123", "123")
    assert form.save() is None
    assert form.field_errors("password")


def test_edit_changes_the_account_and_keeps_the_password(qtbot, ctx, services):
    """No password field when editing: a reset is the Accounts page's own button."""
    staff = services.staff.by_login("erzhanov")
    form = show(qtbot, StaffForm(ctx, staff.id))
    assert not hasattr(form, "password")
    type_text(form.badge, "АТ-00317")
    form.save()
    assert services.staff.get(staff.id).badge_number == "АТ-00317"
    assert authenticate("ATY-017", "erzhanov", PASSWORD).login == "erzhanov"


def test_an_inspector_sees_accounts_read_only(qtbot, ctx, services):
    services.login("erzhanov", PASSWORD)
    staff = services.staff.by_login("erzhanov")
    form = show(qtbot, StaffForm(ctx, staff.id))
    assert form.read_only and form.save_button.isHidden()
    assert form.full_name.isReadOnly() and not form.role.isEnabled()
    assert form.save() is None
    assert services.staff.get(staff.id).row_version == 1
