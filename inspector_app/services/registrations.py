"""Preventive registration: persons the inspector watches, and the schedule of their checks."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from peewee import fn

from inspector_app.services.appeals import add_months
from inspector_app.services.people import full_name
from inspector_app.services.records import RecordService, json_value
from inspector_app.services.validation import Checker, parse_date
from inspector_app.storage.models import Offence, Person, PreventiveVisit, Registration

PROTECTIVE_ORDER = "protective_order"
SPECIAL_REQUIREMENTS = "special_requirements"
"""The categories of domestic violence with rules of their own; their terms are items of the
``deadlines`` catalogue (reference data with their sources and status)."""
ORDER_TERM = "protective_order_term"
REQUIREMENTS_TERM = "special_requirements_term"
REQUIREMENTS_REPORTING = "special_requirements_reporting"
BREACH_ARTICLE = "461"
"""КоАП art. 461: breach of a protective order or of special requirements."""
BREACHED_CATEGORIES = (PROTECTIVE_ORDER, SPECIAL_REQUIREMENTS)
"""The registrations a protocol under art. 461 refers to (``offence.breached_registration``)."""
DAYS_A_MONTH = 30


def interval_for_reports(reports_per_month: int) -> int:
    """The check interval that meets a person reporting ``reports_per_month`` times a month."""
    return DAYS_A_MONTH // reports_per_month


def next_due(start: date, last_check: date | None, interval_days: int) -> date:
    return (last_check or start) + timedelta(days=interval_days)


def is_breach_article(code: str | None) -> bool:
    """Whether the offence catalogue item ``code`` is a part of КоАП art. 461."""
    return bool(code) and (code == BREACH_ARTICLE or code.startswith(f"{BREACH_ARTICLE}-"))


def last_day(registration: Registration) -> date | None:
    """The day a registration ended: closed, or its (extended) last day; None: open-ended."""
    return registration.closed_on or registration.end_date


def runs_on(registration: Registration, day: date) -> bool:
    end = last_day(registration)
    return registration.start_date <= day and (end is None or day <= end)


def registration_title(registration: Registration, catalogues, lang: str) -> str:
    """«Защитное предписание, 02.11.2026–01.12.2026, basis»: how a breach names it."""
    start, end = registration.start_date, last_day(registration)
    period = f"{start:%d.%m.%Y}–{end:%d.%m.%Y}" if end else f"{start:%d.%m.%Y}–"
    return ", ".join(x for x in (
        catalogues.title("registration_categories", registration.category, lang), period,
        registration.basis_document) if x)


def registration_search_parts(values: dict[str, Any], person: Person | None,
                              catalogues) -> list[Any]:
    """What a registration is found by; ``person`` is the registered person (or its names)."""
    return [full_name(person), person.iin if person else None, values.get("basis_document"),
            catalogues.title("registration_categories", values.get("category")),
            values.get("notes")]


class RegistrationService(RecordService):
    model = Registration
    kind = "registration"

    def clean(self, data: dict[str, Any], existing: Registration | None) -> dict[str, Any]:
        services = self.services
        cats = services.catalogues
        today = services.clock.today()
        check = self.checker(data)
        check.reference("person", Person)
        category = check.choice("category", cats, "registration_categories")
        check.choices("tags", cats, "registration_tags")
        check.text("basis_document", 300, required=check.policy.entry_rules)
        if category == PROTECTIVE_ORDER and not data.get("end_date") and data.get("start_date"):
            try:
                issued = parse_date(data["start_date"])
            except ValueError:
                issued = None  # the start date's own check says so
            if issued is not None:
                data["end_date"] = issued + timedelta(days=cats.deadline(ORDER_TERM))
        start = check.date("start_date", required=True, today=today)
        check.date("end_date", required=check.policy.entry_rules)
        check.order("start_date", "end_date")
        self._check_domestic_violence(check, category, data)
        interval = data.get("check_interval_days")
        if interval in (None, "") and category and cats.get("registration_categories", category):
            data["check_interval_days"] = cats.get("registration_categories", category).extra.get(
                "default_check_interval_days", 30)
        interval = check.integer("check_interval_days", 1, 365, required=True)
        closed = check.date("closed_on", today=today)
        check.order("start_date", "closed_on")
        check.text("close_reason", 300)
        if closed is not None and not check.values["close_reason"]:
            check.fail("close_reason", "v.required")
        check.text("notes", 4000, multiline=True)
        self.staff_or_current(check)
        last = existing.last_check_on if existing is not None else None
        if last is not None and last > today:  # checks are done, not planned: a sign of a forgery
            check.fail("last_check_on", "v.future_date", value=last.strftime("%d.%m.%Y"))
        check.finish()
        check.values["last_check_on"] = last
        check.values["next_check_due"] = next_due(start, last, interval)
        return check.values

    def _check_domestic_violence(self, check: Checker, category: str | None,
                                 data: dict[str, Any]) -> None:
        """Special requirements last 3 months to a year and set how often the person reports
        (1–4 times a month), which sets the check interval; a protective order's extension
        names its basis and becomes the registration's last day."""
        cats = self.services.catalogues
        reports = check.integer("reports_per_month", 1, 31)
        extended = check.date("extended_until")
        basis = check.text("extension_basis", 300)
        start, end = check.values.get("start_date"), check.values.get("end_date")
        if category == SPECIAL_REQUIREMENTS and check.policy.entry_rules:
            reporting = cats.get("deadlines", REQUIREMENTS_REPORTING).extra
            if reports is None and not check.has_error("reports_per_month"):
                check.fail("reports_per_month", "v.required")
            elif reports is not None and not reporting["min"] <= reports <= reporting["max"]:
                check.fail("reports_per_month", "v.out_of_range", low=reporting["min"],
                           high=reporting["max"], value=reports)
            elif reports is not None:
                data["check_interval_days"] = interval_for_reports(reports)
            term = cats.get("deadlines", REQUIREMENTS_TERM).extra
            if start is not None and end is not None and not check.has_error("end_date"):
                low, high = add_months(start, term["min"]), add_months(start, term["max"])
                if not low <= end <= high:
                    check.fail("end_date", "v.special_requirements_term",
                               low=low.strftime("%d.%m.%Y"), high=high.strftime("%d.%m.%Y"))
        elif reports is not None and check.policy.entry_rules:
            check.values["reports_per_month"] = None  # only special requirements set it
        if extended is None:
            if basis:
                check.fail("extended_until", "v.required")
            return
        if category != PROTECTIVE_ORDER:
            check.fail("extended_until", "v.extension_protective_order_only")
            return
        if not basis:
            check.fail("extension_basis", "v.required")
        check.order("start_date", "extended_until")
        if check.policy.entry_rules and not check.has_error("extended_until"):
            check.values["end_date"] = extended  # the order runs until its new last day

    def breaches(self, registration: Registration):
        """The live protocols under КоАП art. 461 that name ``registration`` as the protective
        order or special requirements they breach, oldest first."""
        return (Offence.select()
                .where((Offence.breached_registration == registration.id)
                       & (Offence.deleted == False))  # noqa: E712
                .order_by(Offence.committed_at))

    def breachable(self, person_id: str | None, day: date | None) -> list[Registration]:
        """The person's live protective orders and special requirements a protocol under
        art. 461 may name: those running on ``day`` (every one when ``day`` is None)."""
        if not person_id:
            return []
        found = (Registration.select()
                 .where((Registration.person == person_id)
                        & Registration.category.in_(BREACHED_CATEGORIES)
                        & (Registration.deleted == False))  # noqa: E712
                 .order_by(Registration.start_date.desc()))
        return [r for r in found if day is None or runs_on(r, day)]

    def search_parts(self, values: dict[str, Any]) -> list[Any]:
        person = self.services.resolver.by_id(Person, values.get("person"))
        return registration_search_parts(values, person, self.services.catalogues)

    def refresh_schedule(self, registration_id: str) -> None:
        """Recompute last check and next due date from the checks done (same transaction)."""
        record = Registration.get_by_id(registration_id)
        last = (PreventiveVisit.select(fn.MAX(PreventiveVisit.visited_at))
                .where((PreventiveVisit.registration == registration_id)
                       & (PreventiveVisit.deleted == False))  # noqa: E712
                .scalar())
        last_date = last.date() if last else None
        due = next_due(record.start_date, last_date, record.check_interval_days)
        if (record.last_check_on, record.next_check_due) == (last_date, due):
            return
        old = {"last_check_on": json_value(record.last_check_on),
               "next_check_due": json_value(record.next_check_due)}
        record.last_check_on, record.next_check_due = last_date, due
        self.store(record, "update", old, {"last_check_on": json_value(last_date),
                                           "next_check_due": json_value(due)})

    def active(self, on: date | None = None):
        """Registrations open on ``on`` (today by default)."""
        on = on or self.services.clock.today()
        return self.live().where(
            (Registration.start_date <= on) & Registration.closed_on.is_null()
            & (Registration.end_date.is_null() | (Registration.end_date >= on))
        )

    def due(self, within_days: int = 7, on: date | None = None):
        """Open registrations whose next check is due within ``within_days`` or overdue."""
        on = on or self.services.clock.today()
        return (self.active(on).where(Registration.next_check_due <= on + timedelta(within_days))
                .order_by(Registration.next_check_due))
