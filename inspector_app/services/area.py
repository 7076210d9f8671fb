"""The administrative area's passport: its addresses and organisations (КСК/ОСИ)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from peewee import JOIN, fn

from inspector_app.domain.iin import IinError, parse_bin
from inspector_app.domain.text import collation_hex
from inspector_app.services.people import clean_phone
from inspector_app.services.records import RecordService
from inspector_app.storage.models import Address, Organisation, PreventiveVisit

_HOUSE = re.compile(r"\D*(\d{1,6})\d*(.*)", re.DOTALL)


def address_sort_key(street: str, house: str) -> str:
    """An ASCII-sortable key: street in alphabet order (Kazakh letters placed), then the house
    by its number (2 before 12), then the rest of it ("12" before "12А" before "12Б")."""
    match = _HOUSE.match(house or "")
    number, rest = (int(match.group(1)), match.group(2)) if match else (0, house or "")

    return (collation_hex(street, 1) + "000" + f"{number // 4096:03x}{number % 4096:03x}"
            + collation_hex(rest, 1))[:250]


class OrganisationService(RecordService):
    model = Organisation
    kind = "organisation"

    def clean(self, data: dict[str, Any], existing: Organisation | None) -> dict[str, Any]:
        check = self.checker(data)
        check.choice("kind", self.services.catalogues, "organisation_kinds")
        check.text("name", 200, required=True)
        bin_ = check.text("bin", 12)
        if bin_:
            try:
                parse_bin(bin_)
            except IinError as exc:
                check.fail("bin", "v." + exc.code, value=bin_)
        check.text("chair", 200)
        clean_phone(check)
        check.url("chat_link", 300)
        check.place("address", 300, self.services.catalogues)
        check.finish()
        return check.values

    def search_parts(self, values: dict[str, Any]) -> list[Any]:
        return [values.get("name"), values.get("bin"), values.get("chair"), values.get("address")]


class AddressService(RecordService):
    model = Address
    kind = "address"

    def clean(self, data: dict[str, Any], existing: Address | None) -> dict[str, Any]:
        check = self.checker(data)
        street = check.text("street", 200, required=True)
        house = check.text("house", 32, required=True)
        check.choice("dwelling_kind", self.services.catalogues, "dwelling_kinds")
        check.integer("flats", 1, 2000)
        check.integer("residents", 0, 20_000)
        check.reference("organisation", Organisation, required=False)
        check.text("notes", 2000, multiline=True)
        check.finish()
        check.values["sort_key"] = address_sort_key(street, house)
        return check.values

    def search_parts(self, values: dict[str, Any]) -> list[Any]:
        return [values.get("street"), values.get("house"), values.get("notes")]

    def passport(self, year_start: date):
        """Every address with its last visit date and visits since ``year_start``.

        Rows: (address, last_visit datetime or None, visits this period).
        """
        visit = PreventiveVisit.alias()
        last = fn.MAX(visit.visited_at)
        recent = fn.SUM(visit.visited_at >= year_start)
        query = (Address.select(Address, last.alias("last_visit"), recent.alias("recent_visits"))
                 .join(visit, JOIN.LEFT_OUTER,
                       on=((visit.address == Address.id) & (visit.deleted == False)))  # noqa: E712
                 .where(Address.deleted == False)  # noqa: E712
                 .group_by(Address.id).order_by(Address.sort_key))
        return [(row, row.last_visit, int(row.recent_visits or 0)) for row in query]
