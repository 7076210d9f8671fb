"""Citizen visits and appeals: registered the day they arrive, with a talon for the citizen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from inspector_app.services.people import full_name
from inspector_app.services.records import RecordService
from inspector_app.services.validation import Checker
from inspector_app.storage.models import Appeal, Offence, Person, Staff

TERM = "appeal_term"
"""The ``deadlines`` items of АППК art. 76: the term (working days from registration), its
longest extension (months from receipt), the notice of an extension (working days from the
decision) and the forwarding of an appeal outside the body's competence (working days)."""
EXTENSION_MAX = "appeal_extension_max"
EXTENSION_NOTICE = "appeal_extension_notice"
FORWARDING = "appeal_forwarding"
FORWARDED = "forwarded"
"""The decision of an appeal forwarded to the competent body."""
EXTENSION_FIELDS = ("extended_on", "extension_reason", "extended_until")


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (the month's last day when it is shorter)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError(day)


@dataclass(frozen=True)
class LateNotice:
    """An extended appeal whose citizen has not been told in time."""

    appeal: Appeal
    notice_due: date


def appeal_search_parts(values: dict[str, Any], applicant: Person | None,
                        catalogues) -> list[Any]:
    """What an appeal is found by; ``applicant`` is the person (or any object with its names)."""
    return [values.get("talon_number"), full_name(applicant),
            applicant.iin if applicant else None, values.get("substance"),
            values.get("erdr_number"), catalogues.title("appeal_topics", values.get("topic")),
            values.get("eotinish_number")]


class AppealService(RecordService):
    model = Appeal
    kind = "appeal"

    def registration_day(self, received_on: date) -> date:
        """The day an appeal received on ``received_on`` is registered and its term counts
        from: that day, or the next working day for one received on a day off."""
        calendar = self.services.catalogues.work_calendar
        day = received_on
        while not calendar.is_working_day(day):
            day = calendar.add_working_days(day, 1)
        return day

    def due_date(self, received_on: date, outside_competence: bool = False) -> date:
        """When an appeal received on ``received_on`` is due: 15 working days after its
        registration day, or 3 to forward one outside the body's competence (АППК art. 76;
        working days skip weekends, public holidays and the days moved off)."""
        cats = self.services.catalogues
        days = cats.deadline(FORWARDING if outside_competence else TERM)
        return cats.work_calendar.add_working_days(self.registration_day(received_on), days)

    def longest_extension(self, received_on: date) -> date:
        """The latest day an extension may set: two months after receipt (АППК art. 76 p.2)."""
        return add_months(received_on, self.services.catalogues.deadline(EXTENSION_MAX))

    def notice_due(self, extended_on: date) -> date:
        """The day by which the citizen is told of an extension decided on ``extended_on``."""
        cats = self.services.catalogues
        return cats.work_calendar.add_working_days(extended_on, cats.deadline(EXTENSION_NOTICE))

    def clean(self, data: dict[str, Any], existing: Appeal | None) -> dict[str, Any]:
        services = self.services
        cats = services.catalogues
        check = self.checker(data)
        today = services.clock.today()
        received = check.moment("received_at", now=services.clock.now_local())
        check.choice("channel", cats, "channels")
        topic = check.choice("topic", cats, "appeal_topics")
        check.text("substance", 4000, required=True, multiline=True)
        anonymous = check.flag("anonymous")
        applicant = check.reference("applicant", Person, required=False)
        if not check.values["applicant"] and not check.has_error("applicant"):
            item = cats.get("appeal_topics", topic) if topic else None
            if not anonymous:
                check.fail("applicant", "v.required")
            elif item is not None and not item.extra.get("allows_anonymous"):
                check.fail("anonymous", "v.anonymous_not_allowed")
        if applicant is not None:
            check.values["anonymous"] = False
        decision = check.choice("decision", cats, "appeal_decisions", required=False)
        self.staff_or_current(check, "officer")
        check.reference("executor", Staff, required=False)
        check.text("eotinish_number", 32)
        outside = check.flag("outside_competence") or decision == FORWARDED
        check.values["outside_competence"] = outside
        forwarded_to = check.text("forwarded_to", 300)
        if decision == FORWARDED and not forwarded_to:
            check.fail("forwarded_to", "v.required")
        elif outside and decision and decision != FORWARDED:
            check.fail("decision", "v.outside_competence_forwarded")
        own_rules = check.policy.entry_rules  # a point's own save, not a package's record
        check.date("registered_on")
        if own_rules and received is not None:
            check.values["registered_on"] = self.registration_day(received.date())
        check.order("received_at", "registered_on")
        due = check.date("due_date")
        if received is not None and (due is None or (own_rules and outside)):
            check.values["due_date"] = self.due_date(received.date(), outside)
        check.order("received_at", "due_date")
        self._check_extension(check, received, outside, today)
        if own_rules and check.values.get("extended_until") and not check.has_error(
                "extended_until"):
            check.values["due_date"] = check.values["extended_until"]
        resolved_on = check.date("resolved_on", today=today)
        check.order("received_at", "resolved_on")
        check.reference("offence", Offence, required=False)
        check.text("erdr_number", 32)
        item = cats.get("appeal_decisions", decision) if decision else None
        if item is not None and item.extra.get("resolved"):
            if resolved_on is None and not check.has_error("resolved_on"):
                check.values["resolved_on"] = today
            status = "resolved"
        else:
            check.values["resolved_on"] = None
            status = "in_progress" if decision else "registered"
        check.values["status"] = status
        if (services.policy.compare_with_other_records and received is not None
                and (existing is None or received != existing.received_at)):
            self._check_talon_order(check, received, existing)
        check.finish()
        return check.values

    def _check_extension(self, check: Checker, received: datetime | None, outside: bool,
                         today: date) -> None:
        """The head's extension: decision day, reasons and new term all given or none; the new
        term later than the term it extends and at most two months after receipt; never for
        an appeal to forward; the citizen told on or after the decision."""
        extended_on = check.date("extended_on", today=today)
        reason = check.text("extension_reason", 2000, multiline=True)
        until = check.date("extended_until")
        notified = check.date("extension_notified_on", today=today)
        if not (extended_on or reason or until or notified):
            return
        if outside:
            check.fail("extended_until", "v.forwarding_not_extended")
            return
        for name in EXTENSION_FIELDS:
            if not check.values.get(name) and not check.has_error(name):
                check.fail(name, "v.required")
        check.order("received_at", "extended_on")
        check.order("extended_on", "extension_notified_on")
        if received is None or until is None or check.has_error("extended_until"):
            return
        if not check.policy.entry_rules:
            return
        term = self.due_date(received.date())
        latest = self.longest_extension(received.date())
        if until <= term:
            check.fail("extended_until", "v.extension_not_later", term=term.strftime("%d.%m.%Y"))
        elif until > latest:
            check.fail("extended_until", "v.extension_too_long",
                       latest=latest.strftime("%d.%m.%Y"))

    def _check_talon_order(self, check: Checker, received: datetime,
                           existing: Appeal | None) -> None:
        """Talon dates follow their numbers within the talon's year (the paper journal's order).

        A new talon may not be dated before the last talon of its year; an edited one stays in
        its number's year, between the talons numbered before and after it.
        """
        if existing is not None and received.year != existing.received_at.year:
            check.fail("received_at", "v.talon_year_fixed", number=existing.talon_number,
                       year=existing.received_at.year)
            return
        year_start = datetime(received.year, 1, 1)
        same_year = self.live().where(
            (Appeal.owner_point == self.services.point_code)
            & (Appeal.received_at >= year_start)
            & (Appeal.received_at < year_start.replace(year=received.year + 1)))
        earlier = same_year
        if existing is not None:
            earlier = same_year.where(Appeal.talon_number < existing.talon_number)
        last = earlier.order_by(Appeal.received_at.desc()).first()
        if last is not None and last.received_at.date() > received.date():
            check.fail("received_at", "v.talon_out_of_order", number=last.talon_number,
                       date=last.received_at.strftime("%d.%m.%Y"))
        if existing is None:
            return
        following = (same_year.where(Appeal.talon_number > existing.talon_number)
                     .order_by(Appeal.received_at).first())
        if following is not None and following.received_at.date() < received.date():
            check.fail("received_at", "v.talon_after_next", number=following.talon_number,
                       date=following.received_at.strftime("%d.%m.%Y"))

    def before_insert(self, values: dict[str, Any]) -> None:
        values["talon_number"] = self.services.next_number("talon", values["received_at"].year)

    def search_parts(self, values: dict[str, Any]) -> list[Any]:
        applicant = self.services.resolver.by_id(Person, values.get("applicant"))
        return appeal_search_parts(values, applicant, self.services.catalogues)

    def overdue(self, today: date | None = None):
        """Appeals not yet resolved whose due date has passed, oldest first."""
        today = today or self.services.clock.today()
        return self.live().where(Appeal.past_due(today)).order_by(Appeal.due_date)

    def forwarding_overdue(self, today: date | None = None):
        """Appeals outside the body's competence not forwarded within their 3 working days,
        oldest first."""
        return self.overdue(today).where(Appeal.outside_competence == True)  # noqa: E712

    def forwarded_late(self):
        """Appeals forwarded after their forwarding term: forwarded, not on time."""
        return (self.live().where((Appeal.outside_competence == True)  # noqa: E712
                                  & (Appeal.status == "resolved")
                                  & (Appeal.resolved_on > Appeal.due_date))
                .order_by(Appeal.due_date))

    def late_notices(self, today: date | None = None) -> list[LateNotice]:
        """Extended appeals whose citizen was not told within 3 working days of the decision
        (told late, or not yet told and the notice term has passed), oldest decision first."""
        today = today or self.services.clock.today()
        found = []
        for appeal in (self.live().where(Appeal.extended_on.is_null(False))
                       .order_by(Appeal.extended_on)):
            due = self.notice_due(appeal.extended_on)
            told = appeal.extension_notified_on
            if (told is None and due < today) or (told is not None and told > due):
                found.append(LateNotice(appeal, due))
        return found
