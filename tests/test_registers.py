"""Registers as tables: counting, paging, every filter and every sortable column."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from conftest import NOW, PASSWORD
from core_factories import (
    appeal_data,
    feedback_data,
    make_person,
    meeting_data,
    offence_data,
    registration_data,
    visit_data,
)

from inspector_app.domain.clock import FixedClock
from inspector_app.domain.text import collation_key
from inspector_app.queries.registers import REGISTERS, Filters, register
from inspector_app.services.setup import FirstAccount, PointProfile, create_database
from inspector_app.storage.database import bind_models

TODAY = date(2026, 11, 25)


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """One database for the whole module (the tests only read it): services and record ids."""
    services = create_database(
        tmp_path_factory.mktemp("registers") / "point.db",
        PointProfile(code="ATY-017", name="УПП №17", district="Атырау"),
        FirstAccount(login="erzhanov", full_name="Ержанов Асхат", password=PASSWORD),
        clock=FixedClock(NOW))
    data = fill(services)
    yield services, data
    services.db.close()


@pytest.fixture
def services(world):
    services, _ = world
    bind_models(services.db)
    return services


@pytest.fixture
def data(world):
    return world[1]


def fill(services):
    """Three records in every register: two by erzhanov, one by a second inspector."""
    services.staff.create({"login": "bekov", "full_name": "Беков Руслан", "role": "inspector",
                           "password": "Strong-Pass-91"})
    first = services.staff.by_login("erzhanov").id
    second = services.staff.by_login("bekov").id
    yolkina = make_person(services, "Ёлкина", "Алёна", iin="900215400102",
                          address="ул. Абая, 12")
    aliev = make_person(services, "Әлиев", "Марат", address="ул. Сатпаева, 3")
    bekova = make_person(services, "Бекова", "Айгүл", address="мкр. Нурсая, 40")
    ids: dict[str, list[str]] = {}
    ids["appeals"] = [
        services.appeals.create(appeal_data(yolkina, received_at="2026-10-01 09:00",
                                            topic="noise")).id,
        services.appeals.create(appeal_data(aliev, received_at="2026-11-10 12:00",
                                            topic="theft_fraud", decision="in_progress",
                                            channel="phone", substance="Украли велосипед",
                                            officer=second)).id,
        services.appeals.create(appeal_data(bekova, received_at="2026-11-20 18:59",
                                            topic="noise", decision="explained")).id,
    ]
    ids["preventive-visits"] = [
        services.visits.create(visit_data(visited_at="2026-10-05 10:00", kind="household_round",
                                          address_text="ул. Абая, 12")).id,
        services.visits.create(visit_data(visited_at="2026-11-11 10:00", kind="conversation",
                                          address_text="ул. Сатпаева, 3", person=aliev.id,
                                          inspector=second)).id,
        services.visits.create(visit_data(visited_at="2026-11-21 10:00", kind="raid",
                                          address_text="мкр. Нурсая, 40")).id,
    ]
    ids["registrations"] = [
        services.registrations.create(registration_data(
            yolkina, start_date="2026-09-01", check_interval_days=30)).id,  # overdue
        services.registrations.create(registration_data(
            aliev, category="protective_order", start_date="2026-11-20",
            inspector=second)).id,  # due 27.11
        services.registrations.create(registration_data(
            bekova, start_date="2026-06-01", closed_on="2026-11-01",
            close_reason="Снята с учета")).id,
    ]
    ids["offences"] = [
        services.offences.create(offence_data(yolkina, committed_at="2026-10-02 23:00",
                                              penalty="fine", fine_mrp="5")).id,
        services.offences.create(offence_data(aliev, committed_at="2026-11-12 01:00",
                                              article="440-1", penalty="fine", fine_mrp="2",
                                              status="considered", inspector=second)).id,
        services.offences.create(offence_data(bekova, committed_at="2026-11-22 22:30",
                                              article="434-1", penalty="arrest",
                                              arrest_days=5, status="considered",
                                              victim=yolkina.id)).id,
    ]
    ids["meetings"] = [
        services.meetings.create(meeting_data(held_at="2026-10-03 18:00", attendance=30)).id,
        services.meetings.create(meeting_data(held_at="2026-11-13 18:00", kind="assembly",
                                              attendance=120, place="Дом культуры",
                                              inspector=second)).id,
        services.meetings.create(meeting_data(held_at="2026-11-23 18:00", kind="ksk_meeting",
                                              attendance=8, place="КСК «Нур»")).id,
    ]
    ids["feedback"] = [
        services.feedback.create(feedback_data(collected_at="2026-10-03 19:00", rating=2,
                                               trusts_police=False)).id,
        services.feedback.create(feedback_data(collected_at="2026-11-13 19:00", rating=5,
                                               inspector=second, comment="Спасибо")).id,
        services.feedback.create(feedback_data(collected_at="2026-11-23 19:00", rating=4)).id,
    ]
    ids["crime-reports"] = [
        services.crime_reports.create({
            "received_at": "2026-10-04 21:00", "source": "written_statement",
            "reporter": yolkina.id, "substance": "Украден телефон"}).id,
        services.crime_reports.create({
            "received_at": "2026-11-12 08:00", "source": "official_report",
            "substance": "Драка у магазина", "officer": second,
            "registered_at": "2026-11-12 10:00", "kui_number": "264000031000002",
            "check_due": "2026-11-20"}).id,
        services.crime_reports.create({
            "received_at": "2026-11-22 14:00", "source": "phone_102",
            "substance": "Повреждён автомобиль", "decision": "no_offence"}).id,
    ]
    ids["persons"] = [yolkina.id, aliev.id, bekova.id]
    return {"ids": ids, "second": second, "first": first}


def ids_of(name: str, filters: Filters, **kw) -> list[str]:
    return [row["id"] for row in register(name).page(filters, **kw)]


def test_every_register_counts_and_pages_its_live_rows(services, data):
    for name, reg in REGISTERS.items():
        expected = set(data["ids"][name])
        assert reg.count(Filters()) == 3, name
        assert set(ids_of(name, Filters())) == expected, name
        first, rest = reg.page(Filters(), offset=0, limit=1), reg.page(Filters(), offset=1)
        assert len(first) == 1 and len(rest) == 2
        assert {first[0]["id"], *(r["id"] for r in rest)} == expected
        assert [r["id"] for r in reg.iter_rows(Filters(), chunk=2)] == ids_of(
            name, Filters(), descending=False)


def test_deleted_rows_leave_the_registers(services, data):
    with services.db.atomic() as transaction:
        services.appeals.delete(data["ids"]["appeals"][0])
        services.meetings.delete(data["ids"]["meetings"][0])
        assert REGISTERS["appeals"].count(Filters()) == 2
        assert REGISTERS["meetings"].count(Filters()) == 2
        assert data["ids"]["appeals"][0] not in ids_of("appeals", Filters())
        transaction.rollback()
    assert REGISTERS["appeals"].count(Filters()) == 3


@pytest.mark.parametrize("name", [n for n in REGISTERS if n != "persons"])
def test_date_range_is_inclusive(services, data, name):
    ids = data["ids"][name]
    if name == "registrations":  # by start date: 01.09, 20.11, 01.06
        assert set(ids_of(name, Filters(date_from=date(2026, 9, 1),
                                        date_to=date(2026, 11, 20)))) == {ids[0], ids[1]}
        assert ids_of(name, Filters(date_to=date(2026, 8, 31))) == [ids[2]]
        return
    # the records fall in October, mid-November and late November
    assert set(ids_of(name, Filters(date_from=date(2026, 11, 1)))) == {ids[1], ids[2]}
    assert ids_of(name, Filters(date_to=date(2026, 10, 31))) == [ids[0]]
    middle = REGISTERS[name].page(Filters(date_from=date(2026, 11, 10),
                                          date_to=date(2026, 11, 13)))
    assert [r["id"] for r in middle] == [ids[1]]
    assert REGISTERS[name].count(Filters(date_from=date(2026, 12, 1))) == 0


def test_late_evening_is_inside_the_last_day(services, data):
    ids = data["ids"]["appeals"]
    assert ids_of("appeals", Filters(date_from=date(2026, 11, 20),
                                     date_to=date(2026, 11, 20))) == [ids[2]]


@pytest.mark.parametrize("name", [n for n in REGISTERS if n != "persons"])
def test_inspector_filter(services, data, name):
    ids = data["ids"][name]
    assert ids_of(name, Filters(inspector_id=data["second"])) == [ids[1]]
    assert set(ids_of(name, Filters(inspector_id=data["first"]))) == {ids[0], ids[2]}


@pytest.mark.parametrize(("name", "code", "expected"), [
    ("appeals", "noise", [0, 2]), ("appeals", "theft_fraud", [1]),
    ("preventive-visits", "raid", [2]), ("registrations", "protective_order", [1]),
    ("registrations", "parole", [0, 2]), ("offences", "437-1", [0]),
    ("offences", "434-1", [2]), ("meetings", "assembly", [1]), ("appeals", "alcohol", []),
])
def test_code_filter(services, data, name, code, expected):
    ids = data["ids"][name]
    assert set(ids_of(name, Filters(code=code))) == {ids[i] for i in expected}


@pytest.mark.parametrize(("name", "status", "expected"), [
    ("appeals", "registered", [0]), ("appeals", "in_progress", [1]),
    ("appeals", "resolved", [2]), ("appeals", "overdue", [0]),
    ("registrations", "active", [0, 1]), ("registrations", "overdue", [0]),
    ("registrations", "closed", [2]),
    ("offences", "drawn_up", [0]), ("offences", "considered", [1, 2]),
    ("offences", "terminated", []),
    ("crime-reports", "received", [0]), ("crime-reports", "in_check", [1]),
    ("crime-reports", "decided", [2]), ("crime-reports", "overdue", [0, 1]),
])
def test_status_filter(services, data, name, status, expected):
    ids = data["ids"][name]
    assert set(ids_of(name, Filters(status=status, today=TODAY))) == {ids[i] for i in expected}
    assert name in REGISTERS and status in REGISTERS[name].statuses


def test_overdue_follows_the_day_given(services, data):
    ids = data["ids"]["appeals"]
    # the appeal of 01.10 is due 22.10; the one of 10.11 (in progress) is due 01.12
    assert set(ids_of("appeals", Filters(status="overdue", today=date(2026, 12, 2)))) == {
        ids[0], ids[1]}
    assert ids_of("appeals", Filters(status="overdue", today=date(2026, 10, 22))) == []


@pytest.mark.parametrize(("name", "text", "expected"), [
    ("appeals", "велосипед", [1]), ("appeals", "ЁЛКИНА", [0]), ("appeals", "900215", [0]),
    ("offences", "әлиев", [1]), ("preventive-visits", "нурсая", [2]),
    ("registrations", "бекова", [2]), ("meetings", "дом культуры", [1]),
    ("feedback", "спасибо", [1]), ("persons", "сатпаева", [1]), ("persons", "алена", [0]),
    ("appeals", "ничего такого", []),
])
def test_text_filter(services, data, name, text, expected):
    ids = data["ids"][name]
    assert set(ids_of(name, Filters(text=text))) == {ids[i] for i in expected}


def test_filters_combine_and_point_code(services, data):
    ids = data["ids"]["appeals"]
    both = Filters(date_from=date(2026, 11, 1), code="noise", text="соседи")
    assert ids_of("appeals", both) == [ids[2]]
    assert REGISTERS["appeals"].count(Filters(point_code="ATY-017")) == 3
    assert REGISTERS["appeals"].count(Filters(point_code="ATY-099")) == 0


def _sortable(value, key: str):
    if value is None:
        return (0,)
    if key == "full_name":
        return (1, collation_key(value))
    if isinstance(value, Decimal):
        return (1, float(value))
    return (1, value)


SORTABLE = [(name, column.key) for name, reg in REGISTERS.items() for column in reg.columns
            if column.sort is not None]


@pytest.mark.parametrize(("name", "key"), SORTABLE)
def test_sorting_by_each_sortable_column(services, data, name, key):
    reg = REGISTERS[name]
    ascending = reg.page(Filters(), sort=key, descending=False)
    descending = reg.page(Filters(), sort=key, descending=True)
    up = [_sortable(r[key], key) for r in ascending]
    down = [_sortable(r[key], key) for r in descending]
    assert up == sorted(up), (name, key)
    assert down == sorted(down, reverse=True), (name, key)
    assert {r["id"] for r in ascending} == set(data["ids"][name])
    if len(set(up)) == len(up):  # no ties: descending is the exact reverse
        assert [r["id"] for r in descending] == [r["id"] for r in reversed(ascending)]


def test_sorting_spreads_values(services, data):
    """The fixture gives most sortable columns distinct values, so sorting is really tested."""
    distinct = 0
    for name, key in SORTABLE:
        values = [r[key] for r in REGISTERS[name].page(Filters())]
        distinct += len(set(map(str, values))) > 1
    assert distinct >= len(SORTABLE) - 3


def test_the_default_order_is_newest_first(services, data):
    ids = data["ids"]["appeals"]
    assert ids_of("appeals", Filters()) == [ids[2], ids[1], ids[0]]
    persons = data["ids"]["persons"]
    assert ids_of("persons", Filters(), descending=False) == [persons[1], persons[2],
                                                              persons[0]]


def test_persons_sort_in_kazakh_alphabet_order(services, data):
    rows = REGISTERS["persons"].page(Filters(), sort="full_name", descending=False)
    assert [r["full_name"] for r in rows] == ["Әлиев Марат", "Бекова Айгүл", "Ёлкина Алёна"]


def test_display_formats_cells(services, data):
    reg = REGISTERS["offences"]
    row = next(r for r in reg.page(Filters()) if r["fine_tenge"] == 21625)
    cats = services.catalogues
    cell = {c.key: reg.display(row, c, cats) for c in reg.columns}
    assert cell["committed_at"] == "02.10.2026 23:00"
    assert cell["article"].startswith("Ст. 437 ч. 1")
    assert cell["penalty"] == "Штраф"
    assert cell["fine_tenge"] == "21\u00a0625"
    assert cell["victim"] == ""
    feedback = REGISTERS["feedback"]
    rows = feedback.page(Filters(), sort="rating", descending=False)
    trust = feedback.column("trusts_police")
    assert feedback.display(rows[0], trust, cats, "ru") == "нет"
    assert feedback.display(rows[-1], trust, cats, "en") == "yes"
    concerns = feedback.display(rows[0], feedback.column("concerns"), cats)
    assert concerns == "Кражи, Освещение улиц"
    appeals = REGISTERS["appeals"]
    first = appeals.page(Filters(), sort="received_at", descending=False)[0]
    assert appeals.display(first, appeals.column("due_date"), cats) == "22.10.2026"
    assert isinstance(first["received_at"], datetime)
