"""The organisation form: a КСК/ОСИ or another organisation of the area."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator

from inspector_app.domain.phone import PhoneError, normalize_phone
from ui.forms.base_form import RecordForm
from ui.forms.choices import CodeCombo
from ui.forms.fields import LineField


class OrganisationForm(RecordForm):
    """Kind, name, БИН, chair, phone, chat link (WhatsApp/Telegram) and address."""

    kind = "organisation"
    icon_name = "area"

    def build(self) -> None:
        cats, lang = self.services.catalogues, self.lang
        self.kind_combo = self.add_field("kind", self.tr("Kind"),
                                         CodeCombo(cats, "organisation_kinds", lang))
        self.name = self.add_field("name", self.tr("Name"), LineField())
        self.name.setMaxLength(200)
        self.bin = self.add_field("bin", self.tr("BIN"), LineField())
        self.bin.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9]{0,12}")))
        self.bin.setMaximumWidth(160)
        self.chair = self.add_field("chair", self.tr("Chair"), LineField())
        self.phone = self.add_field("phone", self.tr("Phone"), LineField())
        self.phone.setPlaceholderText("+7 700 000 00 00")
        self.phone.editingFinished.connect(self._normalise_phone)
        self.chat_link = self.add_field("chat_link", self.tr("Chat link"), LineField())
        self.chat_link.setPlaceholderText(self.tr("a link such as https://chat.whatsapp.com/…"))
        self.address = self.add_field("address", self.tr("Address"), LineField())
        self.body.setMinimumWidth(480)
        self.first_focus = self.name

    def defaults(self) -> dict[str, Any]:
        return {"kind": "ksk"}

    def title(self) -> str:
        if self.record is None:
            return self.tr("New organisation")
        return self.tr("Organisation: {name}").format(name=self.record.name)

    def _normalise_phone(self) -> None:
        if self.read_only:
            return
        try:
            self.phone.setText(normalize_phone(self.phone.text()))
        except PhoneError:
            pass
