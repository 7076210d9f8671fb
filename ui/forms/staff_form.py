"""The staff account form (account managers only): name, rank, role, login; a new account's
temporary password twice. Resetting a password and (de)activating are the Accounts page's
buttons, which call the core's own use cases for them."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit

from inspector_app.domain.permissions import Action
from inspector_app.errors import FieldError
from ui.forms.base_form import RecordForm
from ui.forms.binding import LocalFieldError
from ui.forms.choices import CodeCombo
from ui.forms.fields import LineField


class StaffForm(RecordForm):
    """An officer's or assistant's account; only an account manager may change accounts."""

    kind = "staff"
    icon_name = "lock"

    def may_edit(self) -> bool:
        return self.services.can(Action.MANAGE_ACCOUNTS, self.kind)

    def build(self) -> None:
        cats, lang = self.services.catalogues, self.lang
        self.full_name = self.add_field("full_name", self.tr("Full name"), LineField())
        self.full_name.setMaxLength(200)
        self.rank = self.add_field("rank", self.tr("Rank"),
                                   CodeCombo(cats, "ranks", lang, blank=True))
        self.badge = self.add_field("badge_number", self.tr("Badge number"), LineField())
        self.badge.setMaximumWidth(160)
        self.personal_number = self.add_field("personal_number", self.tr("Personal number"),
                                              LineField())
        self.personal_number.setMaxLength(32)
        self.personal_number.setMaximumWidth(160)
        self.position = self.add_field("position", self.tr("Position"), LineField())
        self.role = self.add_field("role", self.tr("Role"), CodeCombo(cats, "staff_roles", lang))
        self.login = self.add_field("login", self.tr("Login"), LineField())
        self.login.setMaxLength(32)
        self.login.setMaximumWidth(220)
        if self.record is None:  # an account's password is reset from the Accounts page
            self.password = LineField()
            self.password.setEchoMode(QLineEdit.EchoMode.Password)
            self.password.setMaximumWidth(260)
            self.repeat = LineField()
            self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
            self.repeat.setMaximumWidth(260)
            self.add_field("password", self.tr("Temporary password"), self.password,
                           read=lambda: {"password": self.password.text()},
                           write=lambda values: self.password.clear())
            self.add_field("password_repeat", self.tr("Password again"), self.repeat,
                           read=lambda: {}, write=lambda values: self.repeat.clear())
        self.body.setMinimumWidth(480)

    def is_dirty(self) -> bool:
        return super().is_dirty() or (self.record is None and bool(self.repeat.text()))

    def local_errors(self, data: dict[str, Any]) -> list[FieldError]:
        if self.record is not None:
            return []
        typed, again = self.password.text(), self.repeat.text()
        if (typed or again) and typed != again:
            return [LocalFieldError("staff", "password_repeat", "ui.passwords_differ",
                                    text=self.tr("The two passwords differ"))]
        return []

    def defaults(self) -> dict[str, Any]:
        return {"role": "inspector"}

    def title(self) -> str:
        if self.record is None:
            return self.tr("New account")
        return self.tr("Account: {name} ({login})").format(name=self.record.full_name,
                                                           login=self.record.login)
