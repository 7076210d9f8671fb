"""Working days: weekends, public holidays, the days they move, and the yearly exceptions."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from inspector_app.domain.catalogues import Item, apply_catalogue
from inspector_app.domain.work_calendar import DAYS_OFF, WorkCalendar


def item(code: str, **extra) -> Item:
    return Item(code, {"ru": code}, extra)


KAZAKHSTAN_LIKE = WorkCalendar([
    item("01-01", moves=True), item("01-02", moves=True), item("01-07"),
    item("03-21", moves=True), item("03-22", moves=True), item("03-23", moves=True),
    item("05-09", moves=True), item("2026-05-27"), item("2026-01-03", working=True),
])


def test_weekends_alone_without_a_catalogue():
    calendar = WorkCalendar()
    assert calendar.add_working_days(date(2026, 11, 20), 1) == date(2026, 11, 23)  # Fri -> Mon
    assert calendar.add_working_days(date(2026, 11, 21), 1) == date(2026, 11, 23)  # Sat -> Mon
    assert calendar.add_working_days(date(2026, 11, 23), 5) == date(2026, 11, 30)
    assert calendar.add_working_days(date(2026, 11, 23), 0) == date(2026, 11, 23)


def test_codes_that_are_not_dates_of_every_year_are_no_days_off():
    calendar = WorkCalendar([item("02-29"), item("13-01"), item("2026-02-30"), item("holiday"),
                             item("2026-12-31")])
    assert calendar.days_off(2028) == WorkCalendar().days_off(2028)
    assert calendar.days_off(2026) == WorkCalendar().days_off(2026) | {date(2026, 12, 31)}


def test_a_holiday_on_a_weekend_moves_to_the_next_working_day():
    off = KAZAKHSTAN_LIKE.days_off(2026)
    # Nauryz 2026 is Saturday to Monday: Tuesday and Wednesday are off instead
    assert {date(2026, 3, d) for d in (21, 22, 23, 24, 25)} <= off
    assert date(2026, 3, 26) not in off
    # 9 May 2026 is a Saturday: Monday the 11th is off
    assert date(2026, 5, 11) in off and date(2026, 5, 12) not in off


def test_religious_holidays_do_not_move_and_dated_exceptions_apply_that_year_only():
    off_2026, off_2027 = KAZAKHSTAN_LIKE.days_off(2026), KAZAKHSTAN_LIKE.days_off(2027)
    assert date(2026, 5, 27) in off_2026 and date(2027, 5, 27) not in off_2027
    # 7 January 2024 was a Sunday: Orthodox Christmas gives no day in its place
    assert date(2024, 1, 8) not in KAZAKHSTAN_LIKE.days_off(2024)
    # 3 January 2026, a Saturday, made a working day
    assert KAZAKHSTAN_LIKE.is_working_day(date(2026, 1, 3))
    assert not KAZAKHSTAN_LIKE.is_working_day(date(2027, 1, 3))  # a Sunday


@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)),
       st.integers(min_value=0, max_value=60))
def test_adding_working_days_counts_exactly_that_many_working_days(start, days):
    due = KAZAKHSTAN_LIKE.add_working_days(start, days)
    between = [start + timedelta(days=n) for n in range(1, (due - start).days + 1)]
    assert sum(KAZAKHSTAN_LIKE.is_working_day(day) for day in between) == days
    assert days == 0 or KAZAKHSTAN_LIKE.is_working_day(due)


def test_the_shipped_catalogue_is_the_calendar_of_a_new_database(services):
    calendar = services.catalogues.work_calendar
    assert not calendar.is_working_day(date(2026, 3, 24))  # Nauryz moved
    assert not calendar.is_working_day(date(2026, 12, 16))
    assert calendar.is_working_day(date(2026, 12, 17))


def test_a_newer_catalogue_from_the_district_changes_the_days(services, clock):
    assert services.catalogues.work_calendar.is_working_day(date(2026, 12, 31))
    items = [{"code": "2026-12-31", "ru": "Перенос", "kk": "Ауыстыру", "en": "Moved"}]
    with services.db.atomic():
        apply_catalogue(DAYS_OFF, 99, items, clock.now_utc())
    services.catalogues.reload()
    assert not services.catalogues.work_calendar.is_working_day(date(2026, 12, 31))
    assert services.catalogues.work_calendar.is_working_day(date(2026, 3, 24))  # replaced
