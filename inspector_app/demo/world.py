"""The demo's population: the area's buildings and KSK/OSI, households and their members.

Everything is drawn from one seeded :class:`random.Random`, so the same seed gives the same
people. Persons are made on demand by :class:`People` (a household at a time, with matching
surnames, correct sex, a valid ИИН consistent with the birth date, a phone, an address).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from inspector_app.demo import texts
from inspector_app.domain.iin import age_on, check_digit, make_iin

_KAZAKH_LETTERS = set("әғқңөұүһі")
_EPOCH = datetime(1970, 1, 1)


def record_id(rng: random.Random, moment: datetime) -> str:
    """A UUID (version 7 layout: creation time first) drawn from the seeded generator.

    Time-ordered keys keep the primary-key indexes append-mostly, which bulk inserts love.
    """
    millis = int((moment - _EPOCH).total_seconds() * 1000) & ((1 << 48) - 1)
    value = ((millis << 80) | (0x7 << 76) | (rng.getrandbits(12) << 64) | (0b10 << 62)
             | rng.getrandbits(62))
    return f"{value:032x}"


def female_surname(surname: str) -> str:
    return surname + "а" if surname.endswith(("ов", "ев", "ёв", "ин")) else surname


def short_name(person: DemoPerson) -> str:
    """``Сейтқалиев Н. Е.``: how an inspector lists the persons met."""
    initials = " ".join(f"{p[0]}." for p in (person.first_name, person.patronymic) if p)
    return f"{person.surname} {initials}"


@dataclass(frozen=True)
class Area:
    """Where a point's administrative area lies: its town and the streets of its buildings."""

    town: str
    flat_streets: tuple[str, ...]
    house_streets: tuple[str, ...]


ATYRAU_AREA = Area(texts.AREA_TOWN, texts.AREA_STREETS_FLATS, texts.AREA_STREETS_HOUSES)


@dataclass(eq=False)
class Household:
    address: str
    address_id: str | None
    flat: str
    surname: str
    kazakh: bool
    members: list[DemoPerson] = field(default_factory=list)


@dataclass(eq=False)
class DemoPerson:
    """What the generator needs of a person (attribute names match the Person model)."""

    id: str
    surname: str
    first_name: str
    patronymic: str
    iin: str
    birth_date: date
    sex: str
    household: Household
    troubled: bool = False

    def age_on(self, day: date) -> int:
        return age_on(self.birth_date, day)


@dataclass(eq=False)
class Building:
    id: str
    street: str
    house: str
    dwelling_kind: str
    flats: int | None
    residents: int
    organisation_id: str | None
    homes: dict[str, Household] = field(default_factory=dict)  # by flat ("" for a house)

    @property
    def text(self) -> str:
        return f"{self.street}, {self.house}"


def make_bin(rng: random.Random, registered: date) -> str:
    """A valid БИН of a legal entity registered in ``registered``'s month."""
    while True:
        first = f"{registered:%y%m}4{rng.randrange(0, 4)}{rng.randrange(0, 100000):05d}"
        digit = check_digit(first)
        if digit is not None:
            return first + str(digit)


def make_phone(rng: random.Random) -> str:
    operator = rng.choice(texts.PHONE_OPERATORS)
    n = rng.randrange(0, 10_000_000)
    return f"+7 {operator} {n // 10000:03d} {n // 100 % 100:02d} {n % 100:02d}"


class People:
    """Creates households and persons; tracks the used ИИН so every one is unique."""

    def __init__(self, rng: random.Random, buildings: list[Building], used_iins: set[str],
                 area: Area = ATYRAU_AREA):
        self.rng = rng
        self.area = area
        self.buildings = buildings
        self.used_iins = used_iins
        self.russian_fathers = [n for n, _, _ in texts.RUSSIAN_MALE]
        self.kazakh_ovich = [n for n in texts.KAZAKH_MALE
                             if not set(n.lower()) & _KAZAKH_LETTERS and n[-1] not in "аиыйу"]

    def household(self, local: bool = True, building: Building | None = None,
                  flat: str | None = None) -> Household:
        """A new household in ``building`` (by default a random one of the area, or with
        ``local`` false an address elsewhere in the region)."""
        rng = self.rng
        kazakh = rng.random() < 0.75
        surname = rng.choice(texts.KAZAKH_SURNAMES if kazakh else texts.RUSSIAN_SURNAMES)
        if building is not None or (local and self.buildings):
            building = building or rng.choice(self.buildings)
            if flat is None:
                flat = str(rng.randint(1, building.flats)) if building.flats else ""
            address = f"{self.area.town}, {building.text}" + (f", кв. {flat}" if flat else "")
            home = Household(address, building.id, flat, surname, kazakh)
            building.homes.setdefault(flat, home)
        else:
            town, streets = rng.choice(texts.REGION_PLACES)
            address = f"{town}, {rng.choice(streets)}, {rng.randint(1, 120)}"
            if rng.random() < 0.5:
                address += f", кв. {rng.randint(1, 80)}"
            home = Household(address, None, "", surname, kazakh)
        return home

    def person(self, day: date, moment: datetime, *, home: Household | None = None,
               sex: str | None = None, min_age: int = 18, max_age: int = 75) -> DemoPerson:
        """A new person living in ``home`` (a new household when None)."""
        rng = self.rng
        home = home or self.household(local=rng.random() < 0.9)
        sex = sex or rng.choice("MF")
        born = self._birth_date(day, min_age, max_age)
        if home.kazakh:
            first = rng.choice(texts.KAZAKH_MALE if sex == "M" else texts.KAZAKH_FEMALE)
            father = rng.choice(texts.KAZAKH_MALE)
            if rng.random() < 0.35 and born.year < 1990:
                father = rng.choice(self.kazakh_ovich)
                patronymic = father + ("ович" if sex == "M" else "овна")
            else:
                patronymic = father + ("ұлы" if sex == "M" else "қызы")
        else:
            names = texts.RUSSIAN_MALE
            first = rng.choice(names)[0] if sex == "M" else rng.choice(texts.RUSSIAN_FEMALE)
            _, male_form, female_form = rng.choice(names)
            patronymic = male_form if sex == "M" else female_form
        surname = home.surname if sex == "M" else female_surname(home.surname)
        person = DemoPerson(record_id(rng, moment), surname, first, patronymic,
                            self._iin(born, sex), born, sex, home)
        home.members.append(person)
        return person

    def _birth_date(self, day: date, min_age: int, max_age: int) -> date:
        latest = day.replace(year=day.year - min_age) if not (day.month == 2 and day.day == 29) \
            else date(day.year - min_age, 2, 28)
        span = (max_age - min_age) * 365
        return latest - timedelta(days=self.rng.randrange(30, span))

    def _iin(self, born: date, sex: str) -> str:
        while True:
            iin = make_iin(born, sex, self.rng.randrange(0, 10000))
            if iin is not None and iin not in self.used_iins:
                self.used_iins.add(iin)
                return iin


def organisations_for(buildings: int) -> int:
    """How many KSK/OSI manage the blocks of flats among ``buildings``."""
    blocks = buildings // 3 if buildings >= 3 else 0
    return max(1, blocks // 3) if blocks else 0


def plan_area(rng: random.Random, buildings: int, moment: datetime,
              area: Area = ATYRAU_AREA) -> tuple[list[dict], list[Building]]:
    """The area passport: KSK/OSI (as field values) and the buildings they manage.

    About a third of the buildings are blocks of flats, grouped under KSK/OSI; the rest are
    private houses. Returns (organisations, buildings); organisations come first.
    """
    blocks = buildings // 3 if buildings >= 3 else 0
    organisations: list[dict] = []
    result: list[Building] = []
    used: set[tuple[str, str]] = set()
    titles = list(texts.ORGANISATION_TITLES)
    rng.shuffle(titles)
    org_ids: list[str] = []
    for index in range(organisations_for(buildings)):
        title = titles[index % len(titles)] + ("" if index < len(titles) else f"-{index}")
        name = rng.choice(texts.ORGANISATION_NAMES).format(name=title)
        oid = record_id(rng, moment)
        org_ids.append(oid)
        street = rng.choice(area.flat_streets)
        organisations.append({
            "id": oid, "kind": "ksk" if name.startswith("КСК") else "osi", "name": name,
            "bin": make_bin(rng, moment.date() - timedelta(days=rng.randrange(400, 6000))),
            "chair": "", "phone": make_phone(rng),
            "chat_link": f"https://chat.whatsapp.com/{rng.getrandbits(64):016X}",
            "address": f"{area.town}, {street}, {rng.randint(1, 60)}",
        })
    for index in range(buildings):
        is_block = index < blocks
        streets = area.flat_streets if is_block else area.house_streets
        while True:
            street = rng.choice(streets)
            house = str(rng.randint(1, 90 if is_block else 160))
            if rng.random() < 0.1:
                house += rng.choice("АБВ")
            if (street, house) not in used:
                used.add((street, house))
                break
        flats = rng.choice((16, 20, 24, 36, 40, 45, 60, 72, 90)) if is_block else None
        residents = flats * rng.randint(2, 3) if flats else rng.randint(2, 9)
        org = org_ids[index % len(org_ids)] if is_block and org_ids else None
        result.append(Building(record_id(rng, moment), street, house,
                               "flat" if is_block else "private_house", flats, residents, org))
    return organisations, result
