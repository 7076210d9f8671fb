"""The preventive visit form: a door-to-door round, a conversation, a check, a raid.

The address is picked from the area's addresses (typing narrows the list) or typed freely;
picking one fills in whether it is a flat or a private house. The link to a registration is
offered when the visit is a check of a registered person, and fills in the person. Print
record (Ctrl+P) previews the visit record (справка) to sign.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from inspector_app.errors import InspectorError
from inspector_app.queries.registers import REGISTER_OF_KIND, Filters
from inspector_app.services.visits import REGISTRATION_CHECK
from ui.forms.base_form import RecordForm
from ui.forms.choices import CheckList, ChoiceCombo, CodeCombo, StaffCombo
from ui.forms.fields import DateTimeField, LineField, TextArea
from ui.forms.person_picker import PersonPicker


class AddressCombo(QComboBox):
    """The area's addresses, or any address typed by hand."""

    def __init__(self, rows: list[tuple[str, str, str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMinimumContentsLength(20)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.kinds: dict[str, str] = {}
        self.addItem("", None)
        for address_id, text, kind, tooltip in rows:
            self.addItem(text, address_id)
            self.setItemData(self.count() - 1, tooltip, Qt.ItemDataRole.ToolTipRole)
            self.kinds[address_id] = kind
        completer = self.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.lineEdit().setPlaceholderText(self.tr("street, house — or type any address"))

    def address_id(self) -> str | None:
        text = self.currentText().strip()
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        return self.itemData(index) if index > 0 and text else None

    def set_address(self, address_id: str | None, text: str) -> None:
        index = self.findData(address_id) if address_id else -1
        if index > 0:
            self.setCurrentIndex(index)
        else:
            self.setCurrentIndex(0)
            self.setEditText(text or "")

    def set_read_only(self, flag: bool) -> None:
        self.lineEdit().setReadOnly(flag)
        self.setEnabled(not flag)


class VisitForm(RecordForm):
    """Date, kind, address and flat, person met, registration checked, findings, notes."""

    kind = "preventive_visit"
    icon_name = "preventive_visit"
    columns = 2

    def build(self) -> None:
        cats, lang = self.services.catalogues, self.lang
        self.visited_at = self.add_field("visited_at", self.tr("Date and time"), DateTimeField())
        self.kind_combo = self.add_field("kind", self.tr("Kind"),
                                         CodeCombo(cats, "visit_kinds", lang))
        self.address = AddressCombo(self._area_addresses())
        self.add_field("address", self.tr("Address"), self.address, aliases=("address_text",),
                       read=self._read_address, write=self._write_address)
        self.flat = self.add_field("flat", self.tr("Flat"), LineField())
        self.flat.setMaxLength(16)
        self.flat.setMaximumWidth(90)
        self.dwelling_kind = self.add_field("dwelling_kind", self.tr("Dwelling"),
                                            CodeCombo(cats, "dwelling_kinds", lang))
        self.registration = ChoiceCombo(blank=True)
        self.registration.set_choices(self._active_registrations())
        self.add_field("registration", self.tr("Registration checked"), self.registration,
                       read=self._read_registration)
        self.person = PersonPicker(self.ctx)
        self.add_field("person", self.tr("Person"), self.person)
        self.persons_met = self.add_field("persons_met", self.tr("Persons met"), TextArea(3),
                                          column=1)
        self.findings = self.add_field("findings", self.tr("Findings"),
                                       CheckList(cats, "visit_findings", lang), column=1)
        self.notes = self.add_field("notes", self.tr("Notes"), TextArea(3), column=1)
        self.inspector = self.add_field("inspector", self.tr("Inspector"),
                                        StaffCombo(self.services), column=1)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.address.activated.connect(self._address_picked)
        self.registration.currentIndexChanged.connect(self._registration_picked)
        self.body.setMinimumWidth(820)
        self.first_focus = self.kind_combo
        self.add_print_button(self.tr("Print record"),
                              self.tr("Preview and print the visit record (Ctrl+P)"))

    def defaults(self) -> dict[str, Any]:
        return {"visited_at": self.now(), "kind": "household_round", "dwelling_kind": "flat",
                "inspector": self.current_staff_id()}

    def load(self, values: dict[str, Any]) -> None:
        super().load(values)
        self._kind_changed()

    def title(self) -> str:
        if self.record is None:
            return self.tr("New preventive visit")
        return self.tr("Preventive visit of {date}, {address}").format(
            date=self.record.visited_at.strftime("%d.%m.%Y"), address=self.record.address_text)

    # -- lists ----------------------------------------------------------------------------
    def _area_addresses(self) -> list[tuple[str, str, str, str]]:
        year_start = date(self.services.clock.today().year, 1, 1)
        rows = []
        for address, last_visit, _visits in self.services.addresses.passport(year_start):
            visited = (self.tr("last visited {date}").format(date=f"{last_visit:%d.%m.%Y}")
                       if last_visit else self.tr("not visited yet"))
            rows.append((address.id, f"{address.street}, {address.house}",
                         address.dwelling_kind, visited))
        return rows

    def _active_registrations(self) -> list[tuple[str, str]]:
        register = REGISTER_OF_KIND["registration"]
        filters = Filters(status="active", today=self.services.clock.today())
        cats = self.services.catalogues
        return [(row["id"], f"{row['person']} — "
                 f"{cats.title('registration_categories', row['category'], self.lang)}")
                for row in register.page(filters, sort="person", descending=False, limit=2000)]

    # -- behaviour ------------------------------------------------------------------------
    def _read_address(self) -> dict[str, Any]:
        return {"address": self.address.address_id(),
                "address_text": self.address.currentText().strip()}

    def _write_address(self, values: dict[str, Any]) -> None:
        self.address.set_address(values.get("address"), values.get("address_text") or "")

    def _read_registration(self) -> dict[str, Any]:
        if self.kind_combo.value() != REGISTRATION_CHECK:
            return {"registration": None}
        return {"registration": self.registration.value()}

    def _kind_changed(self) -> None:
        checking = self.kind_combo.value() == REGISTRATION_CHECK
        self.registration.setEnabled(checking and not self.read_only)
        self.mark_required()

    def _address_picked(self, _index: int) -> None:
        kind = self.address.kinds.get(self.address.address_id() or "")
        if kind:
            self.dwelling_kind.set_value(kind)

    def _registration_picked(self) -> None:
        registration_id = self.registration.value()
        if not registration_id or self.person.value():
            return
        try:
            person_id = self.services.registrations.get(registration_id).person_id
        except InspectorError:
            return
        self.person.set_value(person_id)
