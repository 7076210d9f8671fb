"""The address form: a building of the administrative area (the unit of the round)."""

from __future__ import annotations

from typing import Any

from ui.forms.base_form import RecordForm
from ui.forms.choices import ChoiceCombo, CodeCombo
from ui.forms.fields import LineField, NumberField, TextArea


class AddressForm(RecordForm):
    """Street and house, flat block or private house, flats, residents, its КСК/ОСИ."""

    kind = "address"
    icon_name = "area"

    def build(self) -> None:
        cats, lang = self.services.catalogues, self.lang
        self.street = self.add_field("street", self.tr("Street"), LineField())
        self.street.setMaxLength(200)
        self.house = self.add_field("house", self.tr("House"), LineField())
        self.house.setMaxLength(32)
        self.house.setMaximumWidth(120)
        self.dwelling_kind = self.add_field("dwelling_kind", self.tr("Building"),
                                            CodeCombo(cats, "dwelling_kinds", lang))
        self.flats = self.add_field("flats", self.tr("Flats"), NumberField(5))
        self.residents = self.add_field("residents", self.tr("Residents"), NumberField(6))
        self.organisation = ChoiceCombo(blank=True)
        self.organisation.set_choices(
            (o.id, o.name) for o in sorted(self.services.organisations.live(),
                                           key=lambda o: o.name.casefold()))
        self.add_field("organisation", self.tr("Housing cooperative"), self.organisation)
        self.notes = self.add_field("notes", self.tr("Notes"), TextArea(3))
        self.body.setMinimumWidth(480)

    def defaults(self) -> dict[str, Any]:
        return {"dwelling_kind": "flat"}

    def title(self) -> str:
        if self.record is None:
            return self.tr("New address")
        return self.tr("Address: {street}, {house}").format(street=self.record.street,
                                                             house=self.record.house)
