"""The book of information (КУИ): reports and information on criminal offences.

A report of a crime is not an appeal with a 15-day term: it is registered in the КУИ within
the ``kui_registration`` deadline (24 hours: *unverified* reference data, see the ``deadlines``
catalogue), checked within the procedural deadline the officer records (and its extension),
and closed by a decision: registered in the ЕРДР (with its number), handed over by
jurisdiction, joined to an earlier record... The record keeps to whom it was handed.

Its next deadline (``due_at``) and status are derived on every save: the registration
deadline until it is registered, then the check's (extended) last day, none once decided.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from peewee import fn

from inspector_app.services.people import full_name
from inspector_app.services.records import RecordService
from inspector_app.storage.models import CrimeReport, Person

REGISTRATION = "kui_registration"
"""The ``deadlines`` item: hours from receipt to registration in the КУИ."""


def end_of(day: date) -> datetime:
    """The last moment of ``day`` (a deadline given as a date runs to its end)."""
    return datetime.combine(day, time(23, 59, 59))


def stage(registration_due: datetime | None, registered_at: datetime | None,
          check_last_day: date | None, decided: bool) -> tuple[str, datetime | None]:
    """A record's status and next deadline: the registration's until it is registered, then
    the end of the check's (extended) last day, none once decided."""
    if decided:
        return "decided", None
    if registered_at is None:
        return "received", registration_due
    return "in_check", end_of(check_last_day) if check_last_day else None


def crime_report_search_parts(values: dict[str, Any], reporter: Person | None) -> list[Any]:
    """What a КУИ record is found by."""
    return [values.get("kui_number"), values.get("erdr_number"), full_name(reporter),
            reporter.iin if reporter else None, values.get("substance"),
            values.get("handed_to")]


class CrimeReportService(RecordService):
    model = CrimeReport
    kind = "crime_report"

    def registration_due(self, received_at: datetime) -> datetime:
        """When a report received at ``received_at`` must be registered in the КУИ."""
        return received_at + timedelta(hours=self.services.catalogues.deadline(REGISTRATION))

    def clean(self, data: dict[str, Any], existing: CrimeReport | None) -> dict[str, Any]:
        services = self.services
        cats = services.catalogues
        check = self.checker(data)
        now, today = services.clock.now_local(), services.clock.today()
        received = check.moment("received_at", now=now)
        source = check.choice("source", cats, "crime_report_sources")
        reporter = check.reference("reporter", Person, required=False)
        item = cats.get("crime_report_sources", source) if source else None
        if (item is not None and item.extra.get("needs_person") and reporter is None
                and not check.has_error("reporter")):
            check.fail("reporter", "v.required")
        check.text("substance", 4000, required=True, multiline=True)
        self.staff_or_current(check, "officer")
        if received is not None:
            check.values["registration_due"] = self.registration_due(received)
        registered = check.moment("registered_at", required=False, now=now)
        check.order("received_at", "registered_at")
        number = check.text("kui_number", 40)
        if registered is not None and not number:
            check.fail("kui_number", "v.required")
        check_due = check.date("check_due")
        check.order("received_at", "check_due")
        extended = check.date("check_extended_until")
        reason = check.text("extension_reason", 2000, multiline=True)
        if extended is not None:
            if check_due is None and not check.has_error("check_due"):
                check.fail("check_due", "v.required")
            check.order("check_due", "check_extended_until")
            if not reason:
                check.fail("extension_reason", "v.required")
        decision = check.choice("decision", cats, "crime_report_decisions", required=False)
        decided_on = check.date("decided_on", today=today)
        check.order("received_at", "decided_on")
        erdr = check.text("erdr_number", 32)
        outcome = cats.get("crime_report_decisions", decision) if decision else None
        if outcome is not None and outcome.extra.get("needs_erdr") and not erdr:
            check.fail("erdr_number", "v.required")
        check.text("handed_to", 200)
        check.date("handed_on", today=today)
        check.order("received_at", "handed_on")
        decided = outcome is not None and bool(outcome.extra.get("resolved"))
        if decided:
            if decided_on is None and not check.has_error("decided_on"):
                check.values["decided_on"] = today
        else:
            check.values["decided_on"] = None
        status, due = stage(check.values.get("registration_due"), registered,
                            extended or check_due, decided)
        check.values["status"], check.values["due_at"] = status, due
        check.finish()
        return check.values

    def search_parts(self, values: dict[str, Any]) -> list[Any]:
        reporter = self.services.resolver.by_id(Person, values.get("reporter"))
        return crime_report_search_parts(values, reporter)

    def deadlines(self):
        """Open КУИ records with a deadline, the earliest (the overdue ones) first."""
        return (self.live().where((CrimeReport.status != "decided")
                                  & CrimeReport.due_at.is_null(False))
                .order_by(CrimeReport.due_at))

    def deadline_counts(self, now: datetime | None = None) -> tuple[int, int]:
        """(open records with a deadline, of which overdue), in one query."""
        now = now or self.services.clock.now_local()
        total, overdue = (self.deadlines().order_by()
                          .select(fn.COUNT(CrimeReport.id), fn.SUM(CrimeReport.due_at < now))
                          .tuples().get())
        return total, overdue or 0

    def overdue(self, now: datetime | None = None):
        """Open КУИ records whose deadline has passed, the longest overdue first."""
        now = now or self.services.clock.now_local()
        return self.deadlines().where(CrimeReport.due_at < now)
