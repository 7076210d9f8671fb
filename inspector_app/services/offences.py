"""Administrative offence protocols (КоАП РК): article and part, penalty, fine in МРП and ₸."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from inspector_app.services.people import full_name
from inspector_app.services.records import RecordService
from inspector_app.services.validation import Checker
from inspector_app.storage.models import Offence, Person

MAX_FINE_MRP = Decimal(2000)


def fine_in_tenge(fine_mrp: Decimal | None, mrp: int | None) -> int | None:
    """The fine in tenge: МРП count times the МРП of the offence's year, rounded."""
    if fine_mrp is None or mrp is None:
        return None
    return int((fine_mrp * mrp).to_integral_value(rounding=ROUND_HALF_UP))


def offence_search_parts(values: dict[str, Any], offender: Person | None) -> list[Any]:
    """What a protocol is found by; ``offender`` is the person (or an object with its names)."""
    return [values.get("protocol_number"), full_name(offender),
            offender.iin if offender else None, values.get("article"),
            values.get("place"), values.get("description"), values.get("erap_number")]


class OffenceService(RecordService):
    model = Offence
    kind = "offence"

    def clean(self, data: dict[str, Any], existing: Offence | None) -> dict[str, Any]:
        services = self.services
        cats = services.catalogues
        check = Checker(self.kind, data)
        committed = check.moment("committed_at", now=services.clock.now_local())
        if (existing is not None and committed is not None
                and committed.year != existing.committed_at.year):
            # the protocol number carries the year: a protocol stays dated in it
            check.fail("committed_at", "v.protocol_year_fixed",
                       number=existing.protocol_number, year=existing.committed_at.year)
        check.place("place", 300, cats, required=True)
        check.reference("offender", Person)
        check.reference("victim", Person, required=False)
        if check.values["victim"] and check.values["victim"] == check.values["offender"]:
            check.fail("victim", "v.victim_is_offender")
        article = check.choice("article", cats, "offence_articles")
        check.text("description", 4000, required=True, multiline=True)
        penalty = check.choice("penalty", cats, "penalties")
        item = cats.get("offence_articles", article) if article else None
        allowed = item.extra.get("penalties") if item else None
        if penalty and allowed and penalty not in allowed and not check.has_error("penalty"):
            check.fail("penalty", "v.penalty_not_for_article", article=item.title())
        fine_cap = MAX_FINE_MRP
        if item is not None and "fine_mrp_max" in item.extra:
            fine_cap = Decimal(str(item.extra["fine_mrp_max"]))
        fine = check.decimal("fine_mrp", Decimal("0.01"), fine_cap, required=penalty == "fine")
        hours = check.integer("public_works_hours", 1, 240, required=penalty == "public_works")
        days = check.integer("arrest_days", 1, 45, required=penalty == "arrest")
        if penalty != "fine":
            check.values["fine_mrp"] = fine = None
        if penalty != "public_works" and hours is not None:
            check.values["public_works_hours"] = None
        if penalty != "arrest" and days is not None:
            check.values["arrest_days"] = None
        check.values["fine_tenge"] = None
        if fine is not None and committed is not None:
            mrp = cats.mrp(committed.year)
            if mrp is None:
                check.fail("fine_mrp", "v.no_mrp_for_year", year=committed.year)
            check.values["fine_tenge"] = fine_in_tenge(fine, mrp)
        check.choice("status", cats, "offence_statuses", required=False)
        check.values["status"] = check.values["status"] or "drawn_up"
        check.text("erap_number", 32)
        self.staff_or_current(check)
        check.raise_if_errors()
        return check.values

    def owned_by_actor(self, record: Offence) -> bool:
        return record.inspector_id == self.services.current_staff_id()

    def before_insert(self, values: dict[str, Any]) -> None:
        values["protocol_number"] = self.services.next_number(
            "protocol", values["committed_at"].year)

    def search_parts(self, values: dict[str, Any]) -> list[Any]:
        offender = Person.by_id(values.get("offender"))
        return offence_search_parts(values, offender)
