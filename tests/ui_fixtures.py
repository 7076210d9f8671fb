"""Fixtures of the GUI tests: a small point with records of every register, and a UiContext.

The clock stands at 2026-11-25 10:30 (conftest). The seed holds, among others: two appeals
received today, one appeal past its due date, a registration whose check is overdue and one
due within the week, an address not visited this year and a КУИ statement not registered in
its 24 hours.
"""

from __future__ import annotations

from datetime import date

import pytest
from conftest import PASSWORD
from db_templates import filled
from PySide6.QtCore import QSettings

from inspector_app.queries.registers import REGISTERS, Filters
from ui.context import UiContext
from ui.i18n import install_language

PERSONS = (
    ("Сейтқалиева", "Әйгерім", "Нұрланқызы", "900215400102"),
    ("Ёлкин", "Пётр", "Ильич", ""),
    ("Жумабаев", "Данияр", "Серикович", ""),
    ("Иванова", "Мария", "Петровна", ""),
)


def seed(services) -> dict[str, str]:
    """Records of every kind; returns the ids tests refer to."""
    ids: dict[str, str] = {}
    people = []
    for surname, first, patronymic, iin in PERSONS:
        data = {"surname": surname, "first_name": first, "patronymic": patronymic,
                "address": "г. Атырау, ул. Абая, 12"}
        if iin:
            data["iin"] = iin
        people.append(services.persons.create(data))
    ids["person"] = people[0].id
    appeals = services.appeals
    old = appeals.create({"received_at": "2026-10-01 10:00", "channel": "phone",
                          "topic": "neighbour_dispute", "substance": "Спор о парковке во дворе",
                          "applicant": people[2].id})
    ids["overdue_appeal"] = old.id
    appeals.create({"received_at": "2026-11-03 11:00", "channel": "written",
                    "topic": "waste_improvement", "substance": "Мусор у подъезда",
                    "applicant": people[3].id, "decision": "explained"})
    for hour, (topic, text) in enumerate((("noise", "Соседи шумят по ночам"),
                                          ("family_conflict", "Ссора в семье Ёлкиных"))):
        record = appeals.create({"received_at": f"2026-11-25 0{8 + hour}:30",
                                 "channel": "personal_reception", "topic": topic,
                                 "substance": text, "applicant": people[hour].id})
        ids[f"appeal_today_{hour}"] = record.id
    organisation = services.organisations.create({
        "kind": "ksk", "name": "КСК «Нурсая»", "chair": "Оспанова Гульнар",
        "phone": "87011234567", "chat_link": "https://chat.whatsapp.com/nursaya"})
    ids["organisation"] = organisation.id
    visited = services.addresses.create({"street": "Абая", "house": "12",
                                         "dwelling_kind": "flat", "flats": 48,
                                         "organisation": organisation.id})
    ids["address_visited"] = visited.id
    ids["address_not_visited"] = services.addresses.create(
        {"street": "Сатпаева", "house": "5", "dwelling_kind": "private_house"}).id
    services.visits.create({"visited_at": "2026-11-24 11:00", "kind": "apartment_round",
                            "dwelling_kind": "flat", "address": visited.id,
                            "address_text": "ул. Абая, 12", "flat": "14",
                            "notes": "Беседа о пожарной безопасности"})
    services.visits.create({"visited_at": "2026-11-25 09:40", "kind": "conversation",
                            "dwelling_kind": "flat", "address_text": "ул. Абая, 12",
                            "flat": "3", "person": people[1].id})
    overdue = services.registrations.create({
        "person": people[1].id, "category": "parole", "start_date": "2026-09-01",
        "check_interval_days": 30, "basis_document": "Постановление суда № 2-345",
        "end_date": "2027-09-01"})
    ids["registration_overdue"] = overdue.id
    ids["registration_due"] = services.registrations.create({
        "person": people[2].id, "category": "protective_order", "start_date": "2026-11-01",
        "check_interval_days": 28, "basis_document": "Защитное предписание № 17",
        "end_date": "2027-11-01"}).id
    ids["offence"] = services.offences.create({
        "committed_at": "2026-11-20 23:40", "place": "ул. Абая, 12, двор",
        "offender": people[2].id, "article": "437-1", "description": "Громкая музыка ночью",
        "penalty": "fine", "fine_mrp": "5"}).id
    services.meetings.create({"held_at": "2026-11-18 18:00", "kind": "report_meeting",
                              "place": "Школа № 12, актовый зал", "attendance": 45,
                              "questions": "Освещение улиц"})
    services.feedback.create({"collected_at": "2026-11-18 19:00", "rating": 4,
                              "trusts_police": True, "concerns": ["theft"],
                              "comment": "Участковый приходит редко"})
    ids["crime_report_overdue"] = services.crime_reports.create({
        "received_at": "2026-11-23 21:15", "source": "written_statement",
        "reporter": people[3].id, "substance": "Украден велосипед из подъезда"}).id
    return ids


@pytest.fixture
def seeded(services, db_path):
    """The conftest point with the seed above (made in its template, see conftest's
    ``template_fill``); gives (services, ids)."""
    return services, dict(filled(db_path))


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def ctx(seeded, settings, qapp):
    """A logged-in inspector's context, in Russian."""
    services, _ids = seeded
    services.login("erzhanov", PASSWORD)
    install_language("ru")  # the program's default language, whatever a test before did
    context = UiContext(services, settings, "ru")
    yield context
    if context.lang != "ru":
        install_language("ru")


def count(name: str, **filters) -> int:
    """What the core counts for register ``name`` (the expected figure in a test)."""
    return REGISTERS[name].count(Filters(today=date(2026, 11, 25), **filters))
