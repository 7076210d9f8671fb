"""The person form: a citizen entered once and reused by every register.

A valid ИИН fills the birth date and sex as it is typed; the phone is put into the one stored
form (+7 7xx xxx xx xx) when the user leaves the field.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QFontMetrics, QRegularExpressionValidator

from inspector_app.domain.iin import IinError, parse_iin
from inspector_app.domain.phone import PhoneError, normalize_phone
from ui.forms.base_form import RecordForm
from ui.forms.choices import ChoiceCombo
from ui.forms.fields import DateField, LineField, PlaceField, TextArea


class PersonForm(RecordForm):
    """A citizen: names (Kazakh or Russian), ИИН, birth date, sex, address, phone."""

    kind = "person"
    icon_name = "person"

    def build(self) -> None:
        self.surname = self.add_field("surname", self.tr("Surname"), LineField())
        self.first_name = self.add_field("first_name", self.tr("Name"), LineField())
        self.patronymic = self.add_field("patronymic", self.tr("Patronymic"), LineField())
        for edit in (self.surname, self.first_name, self.patronymic):
            edit.setMaxLength(100)
        self.iin = LineField()
        self.iin.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9 ]{0,14}")))
        self.iin.setMaximumWidth(QFontMetrics(self.iin.font()).horizontalAdvance("0" * 16) + 12)
        self.iin.setPlaceholderText(self.tr("12 digits"))
        self.add_field("iin", self.tr("IIN"), self.iin)
        self.iin.textChanged.connect(self._iin_typed)
        self.birth_date = self.add_field("birth_date", self.tr("Birth date"), DateField())
        self.sex = ChoiceCombo(blank=True)
        self.sex.setMinimumContentsLength(10)
        self.sex.set_choices([("M", self.tr("male")), ("F", self.tr("female"))])
        self.add_field("sex", self.tr("Sex"), self.sex)
        self.phone = self.add_field("phone", self.tr("Phone"), LineField())
        self.phone.setPlaceholderText("+7 700 000 00 00")
        self.phone.editingFinished.connect(self._normalise_phone)
        self.address = self.add_field("address", self.tr("Address"),
                                      PlaceField(self.place_prefix()))
        self.notes = self.add_field("notes", self.tr("Notes"), TextArea(3))
        self.body.setMinimumWidth(460)

    def defaults(self) -> dict[str, Any]:
        return {"address": self.place_prefix()}

    def title(self) -> str:
        if self.record is None:
            return self.tr("New person")
        name = " ".join(p for p in (self.record.surname, self.record.first_name,
                                    self.record.patronymic) if p)
        return self.tr("Person: {name}").format(name=name)

    def _iin_typed(self, text: str) -> None:
        """A complete, valid ИИН tells the birth date and sex."""
        if self.read_only:
            return
        try:
            info = parse_iin(text)
        except IinError:
            return
        self.birth_date.set_value(info.birth_date)
        self.sex.set_value(info.sex)

    def _normalise_phone(self) -> None:
        if self.read_only:
            return
        try:
            self.phone.setText(normalize_phone(self.phone.text()))
        except PhoneError:
            pass  # left as typed; the core reports why when the field is checked
