"""The six registers' demo records, each built as its service's ``clean`` would return it.

Mixes follow an inspector's work: family conflicts and noise lead the appeals, recent appeals
are still in progress (a few old ones overdue), protocols use the catalogue's articles with
a penalty the article allows and fines from the МРП of the offence's year, survey ratings
lean to 4-5 with about 60% trust.
"""

from __future__ import annotations

import random
from bisect import bisect
from datetime import date, datetime, timedelta
from decimal import Decimal
from itertools import accumulate

from inspector_app.demo import texts
from inspector_app.demo.world import DemoPerson, record_id, short_name
from inspector_app.domain.sanctions import AMOUNT_FIELDS, CONSIDERED, COURT_REFERRAL, PartSanctions
from inspector_app.domain.text import search_text
from inspector_app.services.appeals import FORWARDED, appeal_search_parts
from inspector_app.services.crime_reports import crime_report_search_parts, stage
from inspector_app.services.numbering import format_number
from inspector_app.services.offences import fine_in_tenge, offence_search_parts
from inspector_app.services.registrations import (
    BREACHED_CATEGORIES,
    next_due,
    registration_search_parts,
)
from inspector_app.services.visits import visit_search_parts
from inspector_app.storage.models import (
    Appeal,
    CrimeReport,
    Feedback,
    Meeting,
    Offence,
    PreventiveVisit,
    Registration,
)

CHANNELS = (("personal_reception", 35), ("phone", 20), ("messenger", 15), ("online", 10),
            ("written", 8), ("field_reception", 7), ("report_meeting", 5))
TOPICS = (("family_conflict", 20), ("noise", 16), ("neighbour_dispute", 10),
          ("petty_hooliganism", 7), ("alcohol", 6), ("minors", 6), ("animals_grazing", 6),
          ("waste_improvement", 5), ("registration_migration", 4), ("theft_fraud", 7),
          ("certificate_consultation", 8), ("complaint_against_officer", 1.5),
          ("crime_report", 3.5))
_EXPLAIN = {"explained": 40, "satisfied": 20, "partially_satisfied": 5}
DECISIONS = {
    "family_conflict": {"explained": 35, "protocol_drawn_up": 35, "satisfied": 15,
                        "registered_erdr": 5, "forwarded": 5, "refused": 5},
    "noise": {"explained": 45, "protocol_drawn_up": 35, "satisfied": 15, "refused": 5},
    "neighbour_dispute": {"explained": 50, "forwarded": 20, "satisfied": 15, "refused": 10,
                          "protocol_drawn_up": 5},
    "petty_hooliganism": {"protocol_drawn_up": 40, "explained": 25, "registered_erdr": 10,
                          "satisfied": 25},
    "alcohol": {"protocol_drawn_up": 45, "explained": 30, "forwarded": 15, "satisfied": 10},
    "minors": {"explained": 40, "protocol_drawn_up": 30, "forwarded": 20, "satisfied": 10},
    "animals_grazing": {"protocol_drawn_up": 30, "forwarded": 40, "explained": 30},
    "waste_improvement": {"forwarded": 60, "explained": 30, "satisfied": 10},
    "registration_migration": {"explained": 60, "satisfied": 25, "protocol_drawn_up": 15},
    "theft_fraud": {"registered_erdr": 70, "forwarded": 15, "explained": 15},
    "certificate_consultation": {"satisfied": 60, "explained": 40},
    "complaint_against_officer": {"explained": 50, "refused": 30, "partially_satisfied": 20},
    "crime_report": {"registered_erdr": 65, "forwarded": 25, "explained": 10},
}
LINKED_ARTICLE = {"family_conflict": "73-1", "noise": "437-1", "neighbour_dispute": "434-1",
                  "petty_hooliganism": "434-1", "alcohol": "440-1", "minors": "442-2",
                  "animals_grazing": "408-1", "registration_migration": "492-1"}
ARTICLES = (("434-1", 18), ("440-1", 15), ("440-2", 5), ("73-1", 14), ("437-1", 8),
            ("442-2", 5), ("442-1", 1), ("127-1", 4), ("408-1", 3), ("407-2-1", 3),
            ("434-2-1", 4), ("443-1", 3), ("449-1", 2), ("461-1", 3), ("492-1", 3),
            ("493-1", 2), ("435-1", 2), ("438-1", 1), ("436-2", 1), ("73-3-1", 1))
REPEATED = {"73-1": "73-2", "434-1": "434-2", "437-1": "437-2",
            "442-1": "442-3", "461-1": "461-2", "127-1": "127-2"}
FALLBACK_ARTICLE = "443-1"
PENALTY_WEIGHTS = {"warning": 25, "fine": 55, "public_works": 12, "arrest": 8}
PUBLIC_WORKS_FROM = date(2025, 9, 1)
TYPICAL_FINES = (2, 3, 5, 5, 7, 10, 10, 15, 20)
RATINGS = ((5, 45, 0.80), (4, 30, 0.62), (3, 13, 0.30), (2, 7, 0.12), (1, 5, 0.05))
CONCERNS = (("theft", 14), ("hooliganism", 10), ("domestic_violence", 8), ("alcohol", 10),
            ("drugs", 6), ("road_accidents", 9), ("fraud", 14), ("stray_animals", 11),
            ("street_lighting", 12))


class Weighted:
    """A weighted choice among codes, its cumulative weights computed once."""

    def __init__(self, pairs):
        self.codes, weights = zip(*pairs, strict=True)
        self.cumulative = list(accumulate(weights))
        self.total = self.cumulative[-1]

    def pick(self, rng: random.Random):
        return self.codes[bisect(self.cumulative, rng.random() * self.total)]


def weighted(rng: random.Random, pairs) -> str:
    """A one-off weighted choice (hot paths keep a :class:`Weighted`)."""
    return Weighted(pairs).pick(rng)


_TOPICS = Weighted(TOPICS)
_DECISIONS = {topic: Weighted(table.items()) for topic, table in DECISIONS.items()}
_DEFAULT_DECISION = Weighted(_EXPLAIN.items())
_ARTICLES = Weighted(ARTICLES)
_RATING = Weighted((index, weight) for index, (_, weight, _) in enumerate(RATINGS))
_CONCERNS = Weighted(CONCERNS)
_FINDINGS = Weighted(texts.FINDING_WEIGHTS)
CHANNEL_CHOICE = Weighted(CHANNELS)
FORWARDED_TO = ("Акимат города Атырау", "Отдел образования города Атырау",
                "Управление жилищной инспекции", "Отдел ветеринарии",
                "Департамент санитарно-эпидемиологического контроля")
KUI_SOURCES = Weighted((("written_statement", 40), ("oral_statement", 15), ("phone_102", 30),
                        ("official_report", 10), ("from_appeal", 5)))
KUI_DECISIONS = Weighted((("erdr_registered", 55), ("by_jurisdiction", 15),
                          ("administrative", 15), ("attached", 5), ("no_offence", 10)))
KUI_CHECK_DAYS = 10
"""The check's last day the demo records (no source gives a term: the officer enters it)."""


class RegisterMaker:
    """Builds and queues register records; the calendar and people come from a subclass."""


    def __init__(self, services, writer, rng: random.Random, period, staff, point_code: str,
                 talons: dict[int, int], protocols: dict[int, int]):
        self.services = services
        self.catalogues = services.catalogues
        self.writer = writer
        self.rng = rng
        self.period = period
        self.staff = staff
        self.officers = [s for s in staff if s.role in ("inspector", "senior_inspector")] or staff
        self.point_code = point_code
        self.talons = talons
        self.protocols = protocols
        self.last_offence: dict[tuple[str, str], date] = {}
        self.registration_ids: dict[int, tuple[str, DemoPerson]] = {}
        self.orders: list[tuple[object, str, DemoPerson]] = []
        """Protective orders and special requirements made so far: what art. 461 breaches."""
        self.meeting_ids: dict[int, str] = {}
        self.counts: dict[str, int] = {}
        self.due_dates: dict[date, date] = {}

    # -- helpers --------------------------------------------------------------------------
    def add(self, model, rid: str, values: dict, parts: list, actor, moment: datetime) -> None:
        """Queue a record entered by ``actor`` at local ``moment``."""
        self.writer.add(model, rid, values, search_text(*parts), actor.login,
                        moment - self.period.utc_offset, self.point_code)
        table = model._meta.table_name
        self.counts[table] = self.counts.get(table, 0) + 1

    def anyone(self):
        return self.staff[0] if self.rng.random() < 0.5 else self.rng.choice(self.staff)

    def officer(self):
        return self.officers[0] if self.rng.random() < 0.6 else self.rng.choice(self.officers)

    def mark_troubled(self, person: DemoPerson) -> None:
        """Remember a person with offences or on registration: they come back more often."""
        if not person.troubled:
            person.troubled = True
            self.troubled.append(person)

    def new_id(self, moment: datetime) -> str:
        return record_id(self.rng, moment)

    @staticmethod
    def appeal_hours(channel: str, day: date) -> tuple[float, float]:
        if channel == "personal_reception":
            return (17, 20) if day.weekday() < 5 else (10, 13)
        if channel in ("phone", "messenger"):
            return 8, 23
        if channel == "field_reception":
            return 10, 17
        if channel == "report_meeting":
            return 18, 20
        return 9, 18

    @staticmethod
    def offence_hours(article: str) -> tuple[float, float]:
        base = article.split("-")[0]
        if base in ("437", "442"):
            return 22, 23.9
        if base in ("73", "440", "461"):
            return 18, 23.9
        return 9, 22

    # -- appeals --------------------------------------------------------------------------
    def appeal(self, moment: datetime, channel: str) -> None:
        rng = self.rng
        self.appeals_left -= 1
        topic = _TOPICS.pick(rng)
        anonymous = topic == "crime_report" and rng.random() < 0.4
        applicant = None if anonymous else self.pick(moment)
        officer = self.anyone()
        executor = officer if officer in self.officers else self.officer()
        received_on = moment.date()
        due = self.due_dates.get(received_on)
        if due is None:
            due = self.due_dates[received_on] = self.services.appeals.due_date(received_on)
        decision, resolved_on = self.decide(topic, moment, due)
        forwarded_to = ""
        if decision == FORWARDED:  # outside competence: its own 3 working days
            due = self.services.appeals.due_date(received_on, True)
            forwarded_to = rng.choice(FORWARDED_TO)
            if resolved_on is not None and resolved_on > due and rng.random() < 0.8:
                resolved_on = due
        offence_id, erdr = None, ""
        if decision == "protocol_drawn_up":
            offence_id = self.linked_offence(topic, moment, applicant)
            if offence_id is None:
                decision = "explained"
        elif decision == "registered_erdr":
            erdr = f"{moment:%y}{rng.randrange(10 ** 12, 10 ** 13)}"
        item = self.catalogues.get("appeal_decisions", decision) if decision else None
        if item is not None and item.extra.get("resolved"):
            status = "resolved"
        else:
            resolved_on = None
            status = "in_progress" if decision else "registered"
        year = moment.year
        self.talons[year] = self.talons.get(year, 0) + 1
        building = self.rng.choice(self.buildings) if self.buildings else None
        substance = rng.choice(texts.APPEAL_SUBSTANCE[topic]).format(
            flat=rng.randint(1, 80), street=building.street if building else "ул. Абая")
        values = {
            "received_at": moment, "channel": channel, "topic": topic, "substance": substance,
            "anonymous": anonymous, "applicant": applicant.id if applicant else None,
            "decision": decision, "officer": officer.id,
            "executor": executor.id if decision else None, "due_date": due,
            "resolved_on": resolved_on, "offence": offence_id, "erdr_number": erdr,
            "status": status, "outside_competence": decision == FORWARDED,
            "forwarded_to": forwarded_to,
            "registered_on": self.services.appeals.registration_day(received_on),
            "eotinish_number": f"ЖТ-{year}-{rng.randrange(10 ** 6, 10 ** 7)}"
            if channel == "online" else "",
            "talon_number": format_number(self.point_code, "talon", year, self.talons[year]),
        }
        self.add(Appeal, self.new_id(moment), values,
                 appeal_search_parts(values, applicant, self.catalogues), officer, moment)

    def decide(self, topic: str, moment: datetime, due: date) -> tuple[str | None, date | None]:
        """Decision and resolution date by the appeal's age: recent ones are still open."""
        rng = self.rng
        today = self.period.today
        received_on = moment.date()
        age = (today - received_on).days
        if age <= 2:
            open_share = 1.0
        elif today <= due:
            open_share = 0.5
        else:
            # a forgotten appeal happens, but not one left open for half a year
            open_share = 0.15 if age < 60 else (0.01 if age < 180 else 0.0)
        if rng.random() < open_share:
            return ("in_progress" if rng.random() < 0.7 else None), None
        decision = _DECISIONS.get(topic, _DEFAULT_DECISION).pick(rng)
        if decision == "protocol_drawn_up":
            gate = self.linked_left / max(1.0, self.appeals_left * 0.2)
            if rng.random() >= gate:
                decision = "explained"
        limit = max(0, min((due - received_on).days, age))
        days = rng.randint(0, limit)
        if rng.random() < 0.12:
            days = min(age, (due - received_on).days + rng.randint(1, 10))
        return decision, received_on + timedelta(days=days)

    # -- the book of information (КУИ) ----------------------------------------------------
    def crime_report(self, moment: datetime, _plan=None) -> None:
        """A report of a crime: registered within a day, checked, decided when old enough."""
        rng = self.rng
        today = self.period.today
        source = KUI_SOURCES.pick(rng)
        needs_person = self.catalogues.get("crime_report_sources", source).extra.get(
            "needs_person")
        reporter = self.pick(moment) if needs_person or rng.random() < 0.3 else None
        officer = self.anyone()
        due = self.services.crime_reports.registration_due(moment)
        registered = moment + timedelta(minutes=rng.randint(30, 1200))
        age = (today - moment.date()).days
        if registered.date() > today or (age < 1 and rng.random() < 0.5):
            registered = None
        check_due = registered.date() + timedelta(days=KUI_CHECK_DAYS) if registered else None
        decision = decided_on = None
        if registered is not None and (age > KUI_CHECK_DAYS or rng.random() < age / 12):
            decision = KUI_DECISIONS.pick(rng)
            decided_on = min(today, registered.date() + timedelta(days=rng.randint(0, 9)))
        erdr = (f"{moment:%y}{rng.randrange(10 ** 12, 10 ** 13)}"
                if decision == "erdr_registered" else "")
        status, due_at = stage(due, registered, check_due, decision is not None)
        substance = rng.choice(texts.APPEAL_SUBSTANCE["theft_fraud"]
                               + texts.APPEAL_SUBSTANCE["crime_report"]).format(
            flat=rng.randint(1, 80), street="ул. Абая")
        values = {
            "received_at": moment, "source": source,
            "reporter": reporter.id if reporter else None, "substance": substance,
            "officer": officer.id, "registration_due": due, "registered_at": registered,
            "kui_number": f"{moment:%y}{rng.randrange(10 ** 12, 10 ** 13)}" if registered
            else "", "check_due": check_due, "check_extended_until": None,
            "extension_reason": "", "decision": decision, "decided_on": decided_on,
            "erdr_number": erdr,
            "handed_to": "СО УП г. Атырау" if decision in ("erdr_registered", "by_jurisdiction")
            else "", "handed_on": decided_on if decision == "erdr_registered" else None,
            "status": status, "due_at": due_at,
        }
        self.add(CrimeReport, self.new_id(moment), values,
                 crime_report_search_parts(values, reporter), officer, moment)

    # -- offences -------------------------------------------------------------------------
    def standalone_article(self) -> str:
        return _ARTICLES.pick(self.rng)

    def linked_offence(self, topic: str, moment: datetime,
                       applicant: DemoPerson | None) -> str | None:
        """The protocol drawn up on an appeal: the offender, the applicant as the victim."""
        if self.linked_left <= 0:
            return None
        article = LINKED_ARTICLE.get(topic)
        if article is None:
            return None
        offender, victim = None, None
        if article == "73-1" and applicant is not None:
            offender = self.relative(applicant, moment, "M" if applicant.sex == "F" else "F")
            victim = applicant
        committed = max(datetime.combine(moment.date(), datetime.min.time()),
                        moment - timedelta(minutes=self.rng.randint(20, 600)))
        rid = self.offence(committed, article, offender=offender, victim=victim,
                           entered=moment)
        if rid is not None:
            self.linked_left -= 1
        return rid

    def offence(self, moment: datetime, article: str, *, offender: DemoPerson | None = None,
                victim: DemoPerson | None = None, entered: datetime | None = None) -> str | None:
        rng = self.rng
        day = moment.date()
        if article == "435-1":
            offender = offender or self.minor(moment, 14, 15)
            if offender is None:
                article = "434-1"
        breached = None
        if article.startswith("461-"):  # a breach names a running order of its offender
            running = [(rid, person) for plan, rid, person in self.orders
                       if plan.start <= day <= (plan.closed_on or plan.end or day)
                       and (offender is None or person is offender)]
            if running:
                breached, offender = rng.choice(running)
            else:
                article = "73-1"
        if offender is None:
            offender = self.pick(moment, troubled=0.5)
        if victim is None and article in ("73-1", "461-1"):
            victim = self.relative(offender, moment, "F" if offender.sex == "M" else "M")
        if victim is offender:
            victim = None
        previous = self.last_offence.get((offender.id, article))
        if previous is not None and (day - previous).days <= 365 and article in REPEATED:
            article = REPEATED[article]
        self.last_offence[(offender.id, article)] = day
        mrp = self.catalogues.mrp(moment.year)
        item, allowed = self.penalties(article, day, mrp)
        if not allowed:  # no МРП for the year and a fine-only article: arrest is always open
            article = FALLBACK_ARTICLE
            item, allowed = self.penalties(article, day, mrp)
        penalty = weighted(rng, [(p, PENALTY_WEIGHTS[p]) for p in allowed])
        sanctions = PartSanctions.of(item)
        amount = None
        if penalty in AMOUNT_FIELDS:
            typical = {"fine": TYPICAL_FINES, "public_works": (20, 40, 50, 60, 80, 100),
                       "arrest": (3, 5, 7, 10, 15)}[penalty]
            low, high = sanctions.limits(penalty).bounds(penalty)
            amount = min(max(Decimal(rng.choice(typical)), low), high)
        status, erap = self.offence_status(day, penalty in sanctions.court_only)
        if penalty in sanctions.court_only and status != CONSIDERED:
            penalty, amount = COURT_REFERRAL, None
        fine = amount if penalty == "fine" else None
        hours = int(amount) if penalty == "public_works" else None
        arrest = int(amount) if penalty == "arrest" else None
        consent = ""  # public works only with consent; some referred offenders refuse
        if sanctions.asks_consent(penalty):
            consent = "given" if penalty == "public_works" or rng.random() < 0.8 else "refused"
        self.mark_troubled(offender)
        building, address = self.home_of(offender)
        if article.startswith(("73", "461", "127", "493")) or building is None:
            place = offender.household.address
        else:
            place = f"{address} (у дома)"
        year = moment.year
        self.protocols[year] = self.protocols.get(year, 0) + 1
        inspector = self.officer()
        base = item.extra.get("article", article)
        description = texts.OFFENCE_DESCRIPTIONS.get(base, item.title()).format(
            victim=f"{victim.first_name}" if victim else "членов семьи")
        values = {
            "committed_at": moment, "place": place, "offender": offender.id,
            "victim": victim.id if victim else None, "article": article,
            "description": description, "penalty": penalty, "fine_mrp": fine,
            "public_works_hours": hours, "arrest_days": arrest,
            "fine_tenge": fine_in_tenge(fine, mrp) if fine is not None else None,
            "status": status, "erap_number": erap, "inspector": inspector.id,
            "works_consent": consent, "works_consent_on": day if consent else None,
            "breached_registration": breached,
            "protocol_number": format_number(self.point_code, "protocol", year,
                                             self.protocols[year]),
        }
        rid = self.new_id(moment)
        self.add(Offence, rid, values, offence_search_parts(values, offender), inspector,
                 entered or moment)
        return rid

    def penalties(self, article: str, day: date, mrp: int | None):
        """The article's catalogue item and the penalties usable on ``day``."""
        item = self.catalogues.get("offence_articles", article)
        allowed = [p for p in PartSanctions.of(item).provided() if p in PENALTY_WEIGHTS
                   and (p != "fine" or mrp is not None)
                   and (p != "public_works" or day >= PUBLIC_WORKS_FROM)]
        return item, allowed

    def offence_status(self, day: date, by_court: bool) -> tuple[str, str]:
        """A warning or a fine is decided by the police within days; a court-only sanction
        goes to court first. A few cases end terminated."""
        rng = self.rng
        age = (self.period.today - day).days
        if age > 30 and rng.random() < 0.05:
            status = "terminated"
        elif age < (20 if by_court else 7):
            # a referral is "sent to court" from the day it is drawn up (the offence rules)
            status = "sent_to_court" if by_court else "drawn_up"
        else:
            status = "considered"
        erap = "" if status == "drawn_up" else f"{day:%y}{rng.randrange(10 ** 12, 10 ** 13)}"
        return status, erap

    # -- preventive visits and registration -----------------------------------------------
    def visit(self, moment: datetime, kind: str) -> None:
        rng = self.rng
        person = None
        building = None
        flat = ""
        if kind == "apartment_round" and not self.blocks:
            kind = "household_round"
        if kind == "household_round" and not self.houses:
            kind = "conversation"
        if kind in ("household_round", "apartment_round"):
            building = rng.choice(self.houses if kind == "household_round" else self.blocks)
            flat = str(rng.randint(1, building.flats)) if building.flats else ""
            home = building.homes.get(flat)
            met = home.members if home is not None else []
            if not met and self.persons_left > 0 and rng.random() < 0.5:
                self.use_slot()
                person = self.new_person(moment,
                                         home=self.people.household(building=building, flat=flat))
                met = [person]
            elif met:
                person = met[0]
            persons_met = ", ".join(short_name(p) for p in met) or rng.choice(
                ("Собственник квартиры", "Квартиросъемщик", "Жильцы дома", ""))
            address_text = building.text
        elif kind == "conversation":
            person = self.pick(moment, troubled=0.5, min_age=14)
            building, address_text = self.home_of(person)
            flat = person.household.flat
            persons_met = short_name(person)
        else:
            street = rng.choice(self.buildings).street if self.buildings else "ул. Абая"
            address_text, persons_met = f"{street}, территория участка", ""
        findings = ""
        if rng.random() < 0.2:
            codes = {_FINDINGS.pick(rng) for _ in range(1 + (rng.random() < 0.4))}
            findings = ",".join(sorted(codes))
        self.put_visit(moment, kind, building, address_text, flat, person, None, persons_met,
                       findings, rng.choice(texts.VISIT_NOTES[kind]))

    def put_visit(self, moment, kind, building, address_text, flat, person, registration_id,
                  persons_met, findings, notes) -> None:
        actor = self.anyone() if kind != "registration_check" else self.officer()
        dwelling = building.dwelling_kind if building else (
            "flat" if flat else "private_house")
        values = {"visited_at": moment, "kind": kind, "dwelling_kind": dwelling,
                  "address": building.id if building else None, "address_text": address_text,
                  "flat": flat, "person": person.id if person else None,
                  "registration": registration_id, "persons_met": persons_met,
                  "findings": findings, "notes": notes, "inspector": actor.id}
        self.add(PreventiveVisit, self.new_id(moment), values,
                 visit_search_parts(values, person), actor, moment)

    def registration(self, moment: datetime, plan) -> None:
        rng = self.rng
        person = self.pick(moment, troubled=0.6, sex="M" if rng.random() < 0.85 else None)
        self.mark_troubled(person)
        tags = []
        if plan.category in ("protective_order", "special_requirements"):
            tags.append("domestic_brawler")
        if rng.random() < 0.3:
            tags.append("alcohol_abuser")
        basis_day = plan.start - timedelta(days=rng.randint(0, 10))
        basis = texts.REGISTRATION_BASIS[plan.category].format(
            number=f"{rng.randint(1, 9)}-{rng.randint(100, 9999)}/{basis_day:%Y}"
            if plan.category != "protective_order" else rng.randint(1, 999),
            date=basis_day.strftime("%d.%m.%Y"))
        last = plan.checks[-1] if plan.checks else None
        actor = self.officer()
        values = {
            "person": person.id, "category": plan.category, "tags": ",".join(tags),
            "basis_document": basis, "start_date": plan.start, "end_date": plan.end,
            "check_interval_days": plan.interval, "closed_on": plan.closed_on,
            "close_reason": texts.CLOSE_REASONS[plan.close_reason_index]
            if plan.closed_on else "",
            "notes": "", "inspector": actor.id, "last_check_on": last,
            "next_check_due": next_due(plan.start, last, plan.interval),
            "reports_per_month": plan.reports_per_month, "extended_until": None,
            "extension_basis": "",
        }
        rid = self.new_id(moment)
        self.registration_ids[id(plan)] = (rid, person)
        if plan.category in BREACHED_CATEGORIES:
            self.orders.append((plan, rid, person))
        self.add(Registration, rid, values,
                 registration_search_parts(values, person, self.catalogues), actor, moment)
        for day in plan.checks:
            self.checks_by_day.setdefault(day, []).append(plan)

    def check(self, moment: datetime, plan) -> None:
        rid, person = self.registration_ids[id(plan)]
        building, address_text = self.home_of(person)
        self.put_visit(moment, "registration_check", building, address_text,
                       person.household.flat, person, rid, short_name(person), "",
                       self.rng.choice(texts.VISIT_NOTES["registration_check"]))

    # -- meetings and feedback ------------------------------------------------------------
    def meeting(self, moment: datetime, plan) -> None:
        rng = self.rng
        building = rng.choice(self.buildings) if self.buildings else None
        organisation = rng.choice(self.organisations)["name"] if self.organisations else ""
        place = rng.choice(texts.MEETING_PLACES[plan.kind]).format(
            street=building.street if building else "ул. Абая",
            house=building.house if building else "1", organisation=organisation)
        questions = "; ".join(rng.sample(texts.MEETING_QUESTIONS, rng.randint(2, 4)))
        decisions = " ".join(rng.sample(texts.MEETING_DECISIONS, rng.randint(1, 2)))
        actor = self.officer()
        values = {"held_at": moment, "kind": plan.kind, "place": place,
                  "attendance": plan.attendance, "questions": questions,
                  "decisions": decisions, "inspector": actor.id}
        rid = self.new_id(moment)
        self.meeting_ids[id(plan)] = rid
        self.add(Meeting, rid, values, self.services.meetings.search_parts(values), actor,
                 moment)

    def feedback(self, moment: datetime, plan) -> None:
        rng = self.rng
        rating, _, trust = RATINGS[_RATING.pick(rng)]
        concerns = sorted({_CONCERNS.pick(rng) for _ in range(1 + int(rng.random() * 3))})
        if plan is not None:
            channel = "report_meeting" if plan.kind == "report_meeting" else "field_reception"
        else:
            channel = rng.choice(("personal_reception", "personal_reception", "online"))
        actor = self.anyone()
        values = {"collected_at": moment,
                  "meeting": self.meeting_ids[id(plan)] if plan is not None else None,
                  "channel": channel, "rating": rating,
                  "trusts_police": rng.random() < trust, "concerns": ",".join(concerns),
                  "comment": rng.choice(texts.FEEDBACK_COMMENTS) if rng.random() < 0.3 else "",
                  "inspector": actor.id}
        self.add(Feedback, self.new_id(moment), values,
                 self.services.feedback.search_parts(values), actor, moment)
