"""A district (or region) office database holding many points' demo histories.

At a district office the points' records arrive by sync: copies keep their owner point and
that point's own change sequence, get no audit entry here (the trail is the point's) and staff
copies carry the locked password hash. :func:`fill_demo_district` writes such copies for
``points`` points of Atyrau region (27 in the city, the rest in the seven districts), each
with its own area, staff and history, the days of all points interleaved in time order.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from datetime import datetime
from datetime import time as day_time
from pathlib import Path

from inspector_app.demo import texts
from inspector_app.demo.common import (
    Cancelled,
    DemoCancelled,
    DemoResult,
    discard_database,
    make_period,
    refuse_used_database,
)
from inspector_app.demo.generator import DemoStaff, PointHistory
from inspector_app.demo.schedule import split_budget
from inspector_app.demo.world import ATYRAU_AREA, Area, organisations_for, record_id
from inspector_app.demo.writer import BulkWriter
from inspector_app.domain.clock import Clock
from inspector_app.domain.permissions import Action, Role
from inspector_app.domain.text import search_text
from inspector_app.services.context import Services
from inspector_app.services.setup import DISTRICT, FirstAccount, PointProfile, create_database
from inspector_app.storage.models import Point, Staff
from inspector_app.sync.codec import LOCKED_PASSWORD

DISTRICT_PROFILE = PointProfile(code="ATY-DP", name="Департамент полиции Атырауской области",
                                district="Атырау", department="ДП Атырауской области",
                                address="г. Атырау, ул. Айтеке би, 47")
DISTRICT_LOGIN = "operator"
DISTRICT_PASSWORD = "demo-district"
CITY_POINTS = 27
CITY_AREAS = ("Жилгородок", "Нурсая", "Авангард", "Балыкшы", "Химпоселок", "Привокзальный",
              "Геолог", "Самал", "Жулдыз", "Береке", "Курсай", "Алмалы", "Сарыкамыс", "Мирный")
# district code: share of the region's points outside the city (Жылыойский is the largest)
DISTRICT_SHARES = {"zhylyoi": 14, "kurmangazy": 12, "inder": 8, "kyzylkoga": 8, "makat": 8,
                   "makhambet": 8, "isatay": 7}
VILLAGE_STREETS = ("ул. Абая", "ул. Жамбыла", "ул. Тауелсиздик", "ул. Бейбитшилик",
                   "ул. Курмангазы", "ул. Махамбета", "ул. Сейфуллина", "ул. Мира",
                   "ул. Школьная", "ул. Набережная", "ул. Степная", "ул. Молодежная")


def region_points(count: int, catalogues) -> list[tuple[dict, Area]]:
    """``count`` points (Point field values and their area), city points first."""
    districts = {item.code: item for item in catalogues.items("districts")}
    plan = [("atyrau_city", n) for n in range(1, min(count, CITY_POINTS) + 1)]
    codes = [c for c, share in DISTRICT_SHARES.items() for _ in range(share)]
    while len(plan) < count:
        plan.append((codes[(len(plan) - CITY_POINTS) % len(codes)], len(plan) + 1))
    result = []
    for district, number in plan:
        item = districts.get(district)
        centre = item.extra.get("centre_ru", "Атырау") if item else "Атырау"
        if district == "atyrau_city":
            name = f"УПП №{number} «{CITY_AREAS[(number - 1) % len(CITY_AREAS)]}»"
            area, department = ATYRAU_AREA, "УП г. Атырау"
        else:
            town = ("г. " if centre == "Кульсары" else "с. ") + centre
            places = dict(texts.REGION_PLACES)
            streets = tuple(places.get(town, ())) + VILLAGE_STREETS
            area = Area(town, streets[:4], streets)
            name = f"УПП №{number} {town}"
            department = f"{item.title().replace(' район', '')} РОП" if item else "РОП"
        values = {"code": f"ATY-{number:03d}", "name": name,
                  "address": f"{area.town}, {area.house_streets[number % len(area.house_streets)]}"
                             f", {number}",
                  "region": "Атырауская область", "district": centre, "department": department,
                  "reception_hours": "Пн–Пт 17:00–20:00", "shares_housing": number % 4 == 0,
                  "area_number": str(number), "population": None, "is_district_office": False}
        result.append((values, area))
    return result


def fill_demo_district(services: Services, records: int, points: int = 92, seed: int = 1,
                       years: int = 10,
                       progress: Callable[[int, int], bool] | None = None) -> DemoResult:
    """Write ``records`` records of ``points`` points (as received by sync) into a district
    office database, in one transaction; ``progress`` as for :func:`fill_demo`.

    ``records`` counts everything written: the points, their staff and their histories.
    """
    services.require(Action.IMPORT, None)
    if points < 1 or records < points * 4:
        raise ValueError("need at least 4 records per point")
    refuse_used_database()
    started = time.perf_counter()
    period = make_period(services.clock, years)
    catalogues = services.catalogues
    catalogues.mrp_table()
    opening = datetime.combine(period.days[0], day_time(8, 0)) - period.utc_offset
    share, extra = divmod(records - points * 4, points)
    used_iins: set[str] = set()
    result = DemoResult(first_day=period.days[0], last_day=period.days[-1])
    report = None
    if progress is not None:
        def report(done: int) -> bool:
            return progress(min(done, records), records)
    try:
        with services.db.atomic():
            writer = BulkWriter(services.db, services.point_code)
            histories = []
            for index, (values, area) in enumerate(region_points(points, catalogues)):
                rng = random.Random(f"{seed}:{values['code']}")
                staff = _point_and_staff(writer, rng, values, opening)
                budget = split_budget(share + (index < extra), organisations_for)
                histories.append(PointHistory(services, writer, rng, budget, period, staff,
                                              values["code"], used_iins, {}, {}, area))

            def produce() -> None:
                for history in histories:
                    history.start()
                for index, day in enumerate(period.days):
                    for history in histories:
                        history.day(index, day)
                for history in histories:
                    history.end()

            if not writer.run(produce, report):
                raise Cancelled
    except Cancelled:
        result.cancelled = True
        result.seconds = time.perf_counter() - started
        return result
    counts = {"point": points, "staff": points * 3}
    for history in histories:
        for table, count in history.counts.items():
            counts[table] = counts.get(table, 0) + count
    result.counts = dict(sorted(counts.items()))
    result.seconds = time.perf_counter() - started
    return result


def _point_and_staff(writer: BulkWriter, rng: random.Random, values: dict,
                     at: datetime) -> list[DemoStaff]:
    """Queue a point's profile and its three officers (copies); returns the officers."""
    code = values["code"]
    writer.add(Point, record_id(rng, at), values, "", "system", at, code)
    staff = []
    for number, (role, rank) in enumerate(((Role.INSPECTOR, "captain"),
                                           (Role.SENIOR_INSPECTOR, "major"),
                                           (Role.ASSISTANT, "sergeant")), start=1):
        kazakh = rng.random() < 0.8
        surname = rng.choice(texts.KAZAKH_SURNAMES if kazakh else texts.RUSSIAN_SURNAMES)
        first = rng.choice(texts.KAZAKH_MALE) if kazakh else rng.choice(texts.RUSSIAN_MALE)[0]
        father = rng.choice(texts.KAZAKH_MALE)
        full_name = f"{surname} {first} {father}ұлы" if kazakh else \
            f"{surname} {first} {rng.choice(texts.RUSSIAN_MALE)[1]}"
        login = f"{code.lower()}-{number}"
        sid = record_id(rng, at)
        writer.add(Staff, sid, {
            "full_name": full_name, "rank": rank,
            "badge_number": f"АТ-{rng.randint(100, 99999):05d}", "position": "",
            "role": str(role), "login": login, "active": True,
            "password_hash": LOCKED_PASSWORD}, search_text(), "system", at, code)
        staff.append(DemoStaff(sid, login, str(role), full_name))
    return staff


def create_demo_district(path: str | Path, records: int, points: int = 92, seed: int = 1, *,
                         years: int = 10, clock: Clock | None = None,
                         progress: Callable[[int, int], bool] | None = None) -> Services:
    """A new district office database at ``path`` filled by :func:`fill_demo_district`.

    Its own account is ``operator`` / ``demo-district`` (district operator). On cancel
    (:class:`~inspector_app.demo.common.DemoCancelled`) or failure the file is removed.
    """
    services = create_database(path, DISTRICT_PROFILE,
                               FirstAccount(DISTRICT_LOGIN, "Оператор Демо", DISTRICT_PASSWORD),
                               kind=DISTRICT, clock=clock)
    try:
        result = fill_demo_district(services, records, points, seed, years, progress)
        if result.cancelled:
            raise DemoCancelled()
    except BaseException:
        discard_database(services, path)
        raise
    return services
