"""One point's demo history, day by day: who came, what was decided, who was visited.

:class:`PointHistory` walks the days of the period in order and writes each day's records in
time order through a :class:`~inspector_app.demo.writer.BulkWriter`, so change sequence,
audit trail and talon numbers follow the calendar as if typed in by the point's staff.
Registers' own rules are reused: working-day due dates, the next-check formula, fines in
tenge from the МРП table, each service's search parts.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from inspector_app.demo import texts
from inspector_app.demo.makers import CHANNEL_CHOICE, RegisterMaker, Weighted
from inspector_app.demo.schedule import (
    Budget,
    day_weights,
    plan_meetings,
    plan_registrations,
    spread,
)
from inspector_app.demo.world import (
    ATYRAU_AREA,
    Area,
    Building,
    DemoPerson,
    Household,
    People,
    make_phone,
    plan_area,
)
from inspector_app.demo.writer import BulkWriter
from inspector_app.services.area import address_sort_key
from inspector_app.services.people import sort_name
from inspector_app.storage.models import Address, Organisation, Person

VISIT_KINDS = Weighted((("household_round", 35), ("apartment_round", 30),
                        ("conversation", 25), ("raid", 10)))


@dataclass(frozen=True)
class DemoStaff:
    id: str
    login: str
    role: str
    full_name: str


@dataclass(frozen=True)
class Period:
    """The demo's days (oldest first, today last), the local 'now' and the UTC offset."""

    days: list[date]
    now: datetime
    utc_offset: timedelta

    @property
    def today(self) -> date:
        return self.days[-1]


class PointHistory(RegisterMaker):
    """Generates the records of one point; call :meth:`start`, :meth:`day` per day, :meth:`end`.

    Register records themselves are made by :class:`RegisterMaker`; this class owns the
    calendar, the people and the area.
    """

    def __init__(self, services, writer: BulkWriter, rng: random.Random, budget: Budget,
                 period: Period, staff: list[DemoStaff], point_code: str,
                 used_iins: set[str], talons: dict[int, int], protocols: dict[int, int],
                 area: Area = ATYRAU_AREA):
        super().__init__(services, writer, rng, period, staff, point_code, talons, protocols)
        self.budget = budget
        counts = budget.counts
        self.organisations, self.buildings = plan_area(rng, budget.buildings, self.opening(),
                                                       area)
        self.people = People(rng, self.buildings, used_iins, area)
        self.building_by_id = {b.id: b for b in self.buildings}
        self.blocks = [b for b in self.buildings if b.flats]
        self.houses = [b for b in self.buildings if not b.flats]
        self.pool: list[DemoPerson] = []
        self.troubled: list[DemoPerson] = []
        self.persons_left = counts["person"]
        intervals = {item.code: item.extra.get("default_check_interval_days", 30)
                     for item in services.catalogues.items("registration_categories")}
        self.registrations = plan_registrations(counts["registration"], period.days, intervals,
                                                rng)
        checks = sum(len(p.checks) for p in self.registrations)
        while self.registrations and checks > 0.6 * counts["visit"]:
            dropped = self.registrations.pop(rng.randrange(len(self.registrations)))
            checks -= len(dropped.checks)
            counts["visit"] += 1
        counts["registration"] = len(self.registrations)
        self.meetings = plan_meetings(counts["meeting"], int(counts["feedback"] * 0.6),
                                      period.days, bool(self.organisations), rng)
        at_meetings = sum(p.feedback for p in self.meetings)
        self.linked_left = int(counts["offence"] * 0.4)
        today_share = self.today_share()
        days = period.days
        self.per_day = {
            "appeal": spread(counts["appeal"], day_weights(days, "appeal", rng, today_share),
                             rng),
            "visit": spread(counts["visit"] - checks,
                            day_weights(days, "visit", rng, today_share), rng),
            "offence": spread(counts["offence"] - self.linked_left,
                              day_weights(days, "offence", rng, today_share), rng),
            "feedback": spread(counts["feedback"] - at_meetings,
                               day_weights(days, "feedback", rng, today_share), rng),
            "crime_report": spread(counts["crime_report"],
                                   day_weights(days, "crime_report", rng, today_share), rng),
        }
        self.appeals_left = counts["appeal"]
        # Occasions to meet a person (first guess; re-estimated from the pace as days pass).
        self.slots_left = (counts["appeal"] + counts["offence"] + counts["registration"]
                           + int((counts["visit"] - checks) * 0.4))
        self.slots_used = 0
        self.registration_index = 0
        self.meeting_index = 0
        self.checks_by_day: dict[date, list] = {}

    # -- calendar -------------------------------------------------------------------------
    def opening(self) -> datetime:
        return datetime.combine(self.period.days[0], time(9, 0))

    def today_share(self) -> float:
        now = self.period.now
        return max(0.0, (now.hour * 60 + now.minute - 8 * 60) / (14 * 60)) * 0.7

    def moment(self, day: date, start_hour: float, end_hour: float) -> datetime:
        """A minute of ``day`` between the hours given, never after 'now'."""
        low, high = int(start_hour * 60), int(end_hour * 60)
        result = datetime.combine(day, time()) + timedelta(minutes=self.rng.randrange(low, high))
        now = self.period.now
        if result > now:
            minutes = now.hour * 60 + now.minute
            result = datetime.combine(day, time()) + timedelta(
                minutes=self.rng.randrange(0, minutes + 1))
        return result

    # -- the area -------------------------------------------------------------------------
    def start(self) -> None:
        """The area passport, entered on the first morning: KSK/OSI, then the buildings."""
        at = self.opening()
        actor = self.officers[0]
        for values in self.organisations:
            values = dict(values)
            oid = values.pop("id")
            values["chair"] = self.chair_name()
            self.add(Organisation, oid, values,
                     self.services.organisations.search_parts(values), actor, at)
        for building in self.buildings:
            values = {"street": building.street, "house": building.house,
                      "dwelling_kind": building.dwelling_kind, "flats": building.flats,
                      "residents": building.residents, "organisation": building.organisation_id,
                      "notes": "", "sort_key": address_sort_key(building.street, building.house)}
            self.add(Address, building.id, values,
                     self.services.addresses.search_parts(values), actor, at)

    def chair_name(self) -> str:
        rng = self.rng
        sex = rng.choice("MF")
        first = rng.choice(texts.KAZAKH_MALE if sex == "M" else texts.KAZAKH_FEMALE)
        surname = rng.choice(texts.KAZAKH_SURNAMES)
        if sex == "F":
            surname = surname + "а" if surname.endswith(("ов", "ев", "ин")) else surname
        suffix = "ұлы" if sex == "M" else "қызы"
        return f"{surname} {first} {rng.choice(texts.KAZAKH_MALE)}{suffix}"

    # -- people ---------------------------------------------------------------------------
    def new_person(self, moment: datetime, *, home: Household | None = None,
                   sex: str | None = None, min_age: int = 18, max_age: int = 75) -> DemoPerson:
        person = self.people.person(moment.date(), moment, home=home, sex=sex,
                                    min_age=min_age, max_age=max_age)
        self.persons_left -= 1
        phone = make_phone(self.rng) if self.rng.random() < 0.9 else ""
        values = {"surname": person.surname, "first_name": person.first_name,
                  "patronymic": person.patronymic, "address": person.household.address,
                  "notes": "", "phone": phone, "iin": person.iin,
                  "birth_date": person.birth_date, "sex": person.sex,
                  "sort_name": sort_name(person.surname, person.first_name, person.patronymic)}
        self.add(Person, person.id, values, self.services.persons.search_parts(values),
                 self.anyone(), moment - timedelta(minutes=2))
        self.pool.append(person)
        return person

    def use_slot(self) -> None:
        """Count an occasion that may bring a new person (see :meth:`pick`)."""
        self.slots_left = max(0, self.slots_left - 1)
        self.slots_used += 1

    def pick(self, moment: datetime, *, sex: str | None = None, troubled: float = 0.0,
             min_age: int = 18, max_age: int = 90) -> DemoPerson:
        """A person for a record: now and then a new one, mostly someone already known."""
        rng = self.rng
        self.use_slot()
        if self.persons_left > 0 and (not self.pool or rng.random() * max(
                1, self.slots_left + 1) < self.persons_left):
            return self.new_person(moment, sex=sex, min_age=min_age,
                                   max_age=min(max_age, 75))
        day = moment.date()
        source = self.troubled if self.troubled and rng.random() < troubled else self.pool
        for _ in range(12):
            person = source[rng.randrange(len(source))]
            if (sex is None or person.sex == sex) and min_age <= person.age_on(day) <= max_age:
                return person
        if self.persons_left > 0:
            return self.new_person(moment, sex=sex, min_age=min_age, max_age=min(max_age, 75))
        adults = [p for p in self.pool[-200:] if min_age <= p.age_on(day) <= max_age]
        return rng.choice(adults or self.pool)

    def relative(self, person: DemoPerson, moment: datetime, sex: str) -> DemoPerson | None:
        """An adult of ``sex`` in the person's household (a new one if budget allows)."""
        day = moment.date()
        for member in person.household.members:
            if member is not person and member.sex == sex and member.age_on(day) >= 18:
                return member
        if self.persons_left > 0:
            self.use_slot()
            return self.new_person(moment, home=person.household, sex=sex, min_age=20)
        return None

    def minor(self, moment: datetime, low: int, high: int) -> DemoPerson | None:
        """A child aged ``low``..``high`` of a household already known (or a new one)."""
        day = moment.date()
        for _ in range(20):
            person = self.pool[self.rng.randrange(len(self.pool))] if self.pool else None
            if person is not None and low <= person.age_on(day) <= high:
                return person
        if self.persons_left > 0:
            self.use_slot()
            home = self.troubled[-1].household if self.troubled else None
            return self.new_person(moment, home=home, min_age=low, max_age=high)
        return None

    def home_of(self, person: DemoPerson) -> tuple[Building | None, str]:
        """The area building a person lives in (or None) and their address text."""
        address_id = person.household.address_id
        if address_id is None:
            return None, person.household.address
        building = self.building_by_id[address_id]
        return building, building.text

    # -- one day --------------------------------------------------------------------------
    def day(self, index: int, day: date) -> None:
        """Write every record of ``day`` in time order."""
        rng = self.rng
        if index >= 30:  # the occasions still to come, at the pace seen so far
            self.slots_left = self.slots_used * (len(self.period.days) - index) // index
        events: list[tuple[datetime, int, object, object]] = []

        def at(moment: datetime, action, arg=None) -> None:
            events.append((moment, len(events), action, arg))

        for _ in range(self.per_day["appeal"][index]):
            channel = CHANNEL_CHOICE.pick(rng)
            at(self.moment(day, *self.appeal_hours(channel, day)), self.appeal, channel)
        for _ in range(self.per_day["offence"][index]):
            article = self.standalone_article()
            at(self.moment(day, *self.offence_hours(article)), self.offence, article)
        for _ in range(self.per_day["visit"][index]):
            kind = VISIT_KINDS.pick(rng)
            hours = (20, 23.9) if kind == "raid" else (10, 20)
            at(self.moment(day, *hours), self.visit, kind)
        for _ in range(self.per_day["feedback"][index]):
            at(self.moment(day, 17, 20), self.feedback, None)
        for _ in range(self.per_day["crime_report"][index]):
            at(self.moment(day, 8, 23.5), self.crime_report, None)
        while (self.registration_index < len(self.registrations)
               and self.registrations[self.registration_index].created <= day):
            plan = self.registrations[self.registration_index]
            self.registration_index += 1
            at(self.moment(day, 9, 18), self.registration, plan)
        for plan in self.checks_by_day.pop(day, ()):
            at(self.moment(day, 10, 20), self.check, plan)
        while (self.meeting_index < len(self.meetings)
               and self.meetings[self.meeting_index].day <= day):
            plan = self.meetings[self.meeting_index]
            self.meeting_index += 1
            held = self.moment(day, 11, 11.5) if day.weekday() == 5 else self.moment(day, 18, 19)
            at(held, self.meeting, plan)
            for _ in range(plan.feedback):
                at(min(self.period.now, held + timedelta(minutes=rng.randint(60, 100))),
                   self.feedback, plan)
        if day == self.period.today:
            self.end_of_history(day, at)
        events.sort(key=lambda e: (e[0], e[1]))
        for moment, _, action, arg in events:
            action(moment, arg)

    def end_of_history(self, day: date, at) -> None:
        """Today: protocols the appeals did not use and persons not yet met are entered too."""
        for _ in range(max(0, self.linked_left)):
            article = self.standalone_article()
            at(self.moment(day, 0, 24), self.offence, article)
        self.linked_left = 0

    def end(self) -> None:
        """Persons of the budget not met by any record: residents noted in a last round."""
        moment = self.period.now
        while self.persons_left > 0:
            self.new_person(moment)

    def run(self) -> None:
        """The whole history: :meth:`start`, every day in order, :meth:`end`."""
        self.start()
        for index, day in enumerate(self.period.days):
            self.day(index, day)
        self.end()
