"""Activity figures against hand-counted data: both periods, tombstones, inspector, points."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest
from conftest import NOW

from inspector_app.queries.stats import StatsScope, compute, compute_summary, previous_year
from inspector_app.queries.stats_series import monthly_series, overdue_checks
from inspector_app.storage.models import Appeal, Point

H1_2026 = StatsScope(date(2026, 1, 1), date(2026, 6, 30))


@dataclass
class World:
    services: object
    second_inspector: str
    r1: object
    r3: object


def _appeal(services, person, at, channel, topic, **extra):
    return services.appeals.create({"received_at": at, "channel": channel, "topic": topic,
                                    "substance": "Обращение гражданина",
                                    "applicant": person.id, **extra})


def _visit(services, at, kind, dwelling="flat", address="ул. Сатпаева, 5", flat="", **extra):
    return services.visits.create({"visited_at": at, "kind": kind, "dwelling_kind": dwelling,
                                   "address_text": address, "flat": flat, **extra})


def _offence(services, person, at, article, penalty, **extra):
    return services.offences.create({"committed_at": at, "place": "ул. Абая, 12",
                                     "offender": person.id, "article": article,
                                     "description": "Нарушение", "penalty": penalty, **extra})


@pytest.fixture
def world(services, person) -> World:
    """A small point with known records in the first halves of 2025 and 2026.

    Expected figures (2026 H1 / 2025 H1) are spelled out in the tests below.
    """
    s = services
    other = s.staff.create({"login": "nurlanova", "full_name": "Нурланова Гульмира Болатовна",
                            "password": "Other-Secret-77", "role": "inspector"})
    teen = s.persons.create({"surname": "Жұмабаев", "first_name": "Нұрсұлтан"})
    # appeals: 2025 first (talons are dated in order within a year)
    _appeal(s, person, "2025-03-01 10:00", "phone", "noise", decision="explained",
            resolved_on="2025-03-03")
    _appeal(s, person, "2026-02-10 10:00", "personal_reception", "noise",
            decision="explained", resolved_on="2026-02-12")
    _appeal(s, person, "2026-03-05 11:00", "phone", "minors", officer=other.id)
    deleted = _appeal(s, person, "2026-04-01 12:00", "phone", "noise")
    s.appeals.delete(deleted.id)
    _appeal(s, person, "2026-06-30 23:00", "written", "registration_migration",
            decision="satisfied", resolved_on="2026-08-30")
    _appeal(s, person, "2026-07-01 00:00", "written", "noise")
    # registrations
    r1 = s.registrations.create({"person": person.id, "category": "protective_order",
                                 "start_date": "2026-03-01", "end_date": "2027-03-01",
                                 "basis_document": "ЗП № 7"})
    r2 = s.registrations.create({"person": person.id, "category": "parole",
                                 "start_date": "2025-05-01", "end_date": "2027-05-01",
                                 "basis_document": "Постановление суда № 2-17"})
    s.registrations.update(r2.id, {"closed_on": "2026-02-01", "close_reason": "Срок истек"})
    r3 = s.registrations.create({"person": teen.id, "category": "official_warning",
                                 "start_date": "2025-12-01", "end_date": "2026-12-31",
                                 "basis_document": "Предостережение № 3", "tags": ["minor_pdn"]})
    s.registrations.create({"person": teen.id, "category": "admin_supervision",
                            "start_date": "2024-01-01", "end_date": "2025-04-30",
                            "basis_document": "Постановление суда № 2-5"})
    # preventive visits
    _visit(s, "2026-01-20 11:00", "apartment_round", flat="14",
           findings=["unregistered_residents"])
    _visit(s, "2026-01-21 11:00", "apartment_round", flat="14")
    _visit(s, "2026-01-22 11:00", "apartment_round", flat="15")
    _visit(s, "2026-02-02 12:00", "household_round", "private_house", "ул. Абая, 3",
           findings=["minors_at_risk", "rented_without_documents"])
    _visit(s, "2026-02-03 12:00", "conversation", person=person.id)
    _visit(s, "2026-03-05 12:00", "registration_check", registration=r1.id)
    _visit(s, "2026-05-05 22:00", "raid")
    gone = _visit(s, "2026-05-06 22:00", "raid")
    s.visits.delete(gone.id)
    _visit(s, "2025-05-05 22:00", "raid")
    # offences
    _offence(s, person, "2025-03-03 20:00", "434-1", "fine", fine_mrp=20,
             status="considered")
    _offence(s, person, "2026-01-15 20:00", "434-1", "fine", fine_mrp=20,
             status="considered")
    _offence(s, person, "2026-03-20 20:00", "461-1", "arrest", arrest_days=3,  # within r1
             status="considered", breached_registration=r1.id)
    _offence(s, teen, "2026-04-10 23:30", "442-2", "warning")
    _offence(s, person, "2026-05-05 10:00", "492-1", "fine", fine_mrp="2.4")
    _offence(s, person, "2026-06-01 10:00", "434-1", "public_works", public_works_hours=20,
             status="considered", works_consent="given", works_consent_on="2026-06-03")
    # meetings and feedback
    s.meetings.create({"held_at": "2025-04-01 18:00", "kind": "report_meeting",
                       "place": "Школа № 12", "attendance": 20})
    s.meetings.create({"held_at": "2026-03-10 18:00", "kind": "report_meeting",
                       "place": "Школа № 12", "attendance": 45})
    s.meetings.create({"held_at": "2026-05-10 18:00", "kind": "assembly",
                       "place": "Двор дома 5", "attendance": 30})
    for at, rating, trusts, concerns in (("2025-04-01 19:00", 3, False, ["theft"]),
                                         ("2026-03-10 19:00", 4, True, ["theft"]),
                                         ("2026-03-10 19:05", 5, True, ["theft", "drugs"]),
                                         ("2026-05-10 19:00", 2, False, [])):
        s.feedback.create({"collected_at": at, "rating": rating, "trusts_police": trusts,
                           "concerns": concerns})
    return World(s, other.id, r1, r3)


def figures(stats, *codes):
    return {code: (stats.value(code), stats.value(code, previous=True)) for code in codes}


def test_appeals_counted_by_channel_topic_decision_and_deadline(world):
    stats = compute(world.services, H1_2026)
    assert figures(stats, "appeals.received", "appeals.resolved", "appeals.overdue") == {
        # deleted appeal and the one of 1 July left out; 30 June 23:00 is inside
        "appeals.received": (3, 1), "appeals.resolved": (2, 1),
        # the open minors appeal is past due, the June one was resolved late
        "appeals.overdue": (2, 0)}
    assert figures(stats, "appeals.channel.phone", "appeals.channel.written",
                   "appeals.topic.noise", "appeals.topic.minors",
                   "appeals.decision.explained", "appeals.decision.none") == {
        "appeals.channel.phone": (1, 1), "appeals.channel.written": (1, 0),
        "appeals.topic.noise": (1, 1), "appeals.topic.minors": (1, 0),
        "appeals.decision.explained": (1, 1), "appeals.decision.none": (1, 0)}


def test_visits_households_and_findings(world):
    stats = compute(world.services, H1_2026)
    assert figures(stats, "visits.total", "visits.households", "visits.households.flat",
                   "visits.households.private_house", "visits.kind.apartment_round",
                   "visits.kind.raid", "visits.kind.registration_check",
                   "visits.kind.conversation") == {
        "visits.total": (7, 1), "visits.households": (3, 0),
        "visits.households.flat": (2, 0), "visits.households.private_house": (1, 0),
        "visits.kind.apartment_round": (3, 0), "visits.kind.raid": (1, 1),
        "visits.kind.registration_check": (1, 0), "visits.kind.conversation": (1, 0)}
    assert stats.value("visits.finding.unregistered_residents") == 1
    assert stats.value("migration.rented_without_documents") == 1
    assert stats.value("minors.at_risk_found") == 1


def test_registrations_at_end_added_removed_checked_overdue(world):
    stats = compute(world.services, H1_2026)
    assert figures(stats, "registrations.at_end", "registrations.added",
                   "registrations.removed", "registrations.checked",
                   "registrations.overdue") == {
        "registrations.at_end": (2, 1), "registrations.added": (1, 1),
        "registrations.removed": (1, 1), "registrations.checked": (1, 0),
        "registrations.overdue": (2, 1)}
    assert figures(stats, "registrations.at_end.protective_order",
                   "registrations.removed.parole", "registrations.removed.admin_supervision",
                   "protective.at_end", "protective.added", "minors.pdn_at_end") == {
        "registrations.at_end.protective_order": (1, 0),
        "registrations.removed.parole": (1, 0),
        "registrations.removed.admin_supervision": (0, 1),
        "protective.at_end": (1, 0), "protective.added": (1, 0), "minors.pdn_at_end": (1, 0)}
    checks = overdue_checks(world.services, H1_2026)
    assert [(c.registration_id, c.due) for c in checks] == [
        (world.r3.id, date(2025, 12, 31)), (world.r1.id, date(2026, 3, 12))]
    assert checks[1].last_check_on == date(2026, 3, 5)
    assert checks[1].days_overdue == (date(2026, 6, 30) - date(2026, 3, 12)).days


def test_offences_penalties_and_fines(world):
    stats = compute(world.services, H1_2026)
    assert figures(stats, "offences.total", "offences.article.434", "offences.article.461",
                   "offences.penalty.fine", "offences.penalty.arrest",
                   "offences.public_works_hours", "offences.arrest_days",
                   "protective.breaches", "minors.article_442", "migration.article_492") == {
        "offences.total": (5, 1), "offences.article.434": (2, 1),
        "offences.article.461": (1, 0), "offences.penalty.fine": (2, 1),
        "offences.penalty.arrest": (1, 0), "offences.public_works_hours": (20, 0),
        "offences.arrest_days": (3, 0), "protective.breaches": (1, 0),
        "minors.article_442": (1, 0), "migration.article_492": (1, 0)}
    assert stats.value("offences.fine_mrp") == Decimal("22.4")
    assert stats.value("offences.fine_tenge") == 20 * 4325 + 10380  # 2.4 МРП of 2026 is exact
    assert stats.value("offences.fine_tenge", previous=True) == 20 * 3932


def test_meetings_and_survey(world):
    stats = compute(world.services, H1_2026)
    assert figures(stats, "meetings.held", "meetings.attendance", "survey.responses",
                   "survey.concern.theft", "survey.concern.drugs") == {
        "meetings.held": (2, 1), "meetings.attendance": (75, 20), "survey.responses": (3, 1),
        "survey.concern.theft": (2, 1), "survey.concern.drugs": (1, 0)}
    rating, trust = stats.indicator("survey.avg_rating"), stats.indicator("survey.trust_pct")
    assert (rating.current, rating.previous) == (3.7, 3.0)
    assert (trust.current, trust.previous, trust.change_pct) == (66.7, 0.0, None)
    assert stats.indicator("meetings.held").change_pct == 100.0
    assert stats.indicator("appeals.received").change_pct == 200.0


def test_one_inspector_sees_only_own_records(world):
    scope = StatsScope(H1_2026.date_from, H1_2026.date_to, inspector_id=world.second_inspector)
    stats = compute(world.services, scope)
    assert stats.value("appeals.received") == 1
    assert stats.value("appeals.topic.minors") == 1
    assert stats.value("visits.total") == 0
    assert stats.value("offences.total") == 0


def test_empty_period_is_all_zero_with_no_change(world):
    stats = compute(world.services, StatsScope(date(2019, 1, 1), date(2019, 12, 31)))
    rows = [row for section in stats.sections for row in section.rows]
    assert rows and all(row.current == 0 and row.previous == 0 for row in rows)
    assert all(row.change_pct is None for row in rows)
    assert not any(row.group == "stats.group.by_topic" for row in rows)  # zero lines dropped
    assert sum(1 for row in rows if row.code.startswith("registrations.at_end.")) == 7


def test_period_without_last_year_data(world):
    stats = compute(world.services, StatsScope(date(2026, 2, 1), date(2026, 2, 28)))
    assert figures(stats, "appeals.received", "visits.total", "offences.total") == {
        "appeals.received": (1, 0), "visits.total": (2, 0), "offences.total": (0, 0)}
    assert stats.indicator("appeals.received").change_pct is None
    assert stats.to_dict("ru", world.services.catalogues)["sections"][0]["rows"][0] == {
        "code": "appeals.received", "label": "Поступило обращений", "group": None,
        "kind": "count", "current": 1, "previous": 0, "change_pct": None}


def test_monthly_series_counts_each_register(world):
    series = monthly_series(world.services, H1_2026)
    assert series.months == tuple((2026, m) for m in range(1, 7))
    assert series.values["appeals"] == (0, 1, 1, 0, 0, 1)
    assert series.values["visits"] == (3, 2, 1, 0, 1, 0)
    assert series.values["offences"] == (1, 0, 1, 1, 1, 1)
    assert series.values["meetings"] == (0, 0, 1, 0, 1, 0)


def test_summary_splits_points_and_keeps_totals(world):
    services = world.services
    services.points.create({"code": "ATY-018", "name": "УПП №18", "district": "Атырау"})
    moved = Appeal.select().where(Appeal.topic == "minors").get()
    Appeal.update(owner_point="ATY-018").where(Appeal.id == moved.id).execute()
    total, per_point = compute_summary(services, H1_2026)
    assert total.value("appeals.received") == 3
    assert per_point["ATY-017"].value("appeals.received") == 2
    assert per_point["ATY-018"].value("appeals.received") == 1
    assert per_point["ATY-018"].value("visits.total") == 0
    only = compute(services, StatsScope(H1_2026.date_from, H1_2026.date_to,
                                        point_codes=("ATY-018",)))
    assert only.value("appeals.topic.minors") == 1 and only.value("offences.total") == 0
    assert Point.select().count() == 2


def test_previous_year_of_leap_day():
    assert previous_year(date(2024, 2, 29)) == date(2023, 2, 28)
    assert previous_year(date(2026, 9, 1)) == date(2025, 9, 1)


def test_touching_periods_read_in_one_pass_count_the_same(world):
    # 1 Jul 2025 - 30 Jun 2026 and the year before it touch: one pass with a flag per period
    stats = compute(world.services, StatsScope(date(2025, 7, 1), date(2026, 6, 30)))
    assert figures(stats, "appeals.received", "visits.total", "offences.total",
                   "meetings.held", "survey.responses", "visits.households",
                   "visits.finding.unregistered_residents", "offences.fine_tenge") == {
        "appeals.received": (3, 1), "visits.total": (7, 1), "offences.total": (5, 1),
        "meetings.held": (2, 1), "survey.responses": (3, 1), "visits.households": (3, 0),
        "visits.finding.unregistered_residents": (1, 0),
        "offences.fine_tenge": (20 * 4325 + 10380, 20 * 3932)}


def test_district_summary_equals_each_points_own_figures_and_their_total(tmp_path, clock):
    """The summary folds each point once and adds the points up: every line of every point,
    and of the total, is what computing that scope alone gives."""
    from inspector_app.demo import create_demo_district

    services = create_demo_district(tmp_path / "district.db", 3000, points=3, seed=4,
                                    years=2, clock=clock)
    try:
        scope = StatsScope(date(2025, 1, 1), date(2025, 12, 31), today=NOW.date())

        def lines(stats):
            return [(s.code, r.code, r.current, r.previous) for s in stats.sections
                    for r in s.rows]

        total, per_point = compute_summary(services, scope)
        assert set(per_point) == {"ATY-001", "ATY-002", "ATY-003"}
        assert lines(total) == lines(compute(services, scope))
        assert total.value("appeals.received") > 0
        for code, stats in per_point.items():
            alone = StatsScope(scope.date_from, scope.date_to, point_codes=(code,),
                               today=scope.today)
            assert lines(stats) == lines(compute(services, alone))
    finally:
        services.db.close()


def test_figures_equal_plain_counts_on_a_demo_region(tmp_path, clock):
    """The grouped statements against independent plain counts, per point and in total, for
    the year and its АППГ (the registrations checked and on registration at the end too)."""
    from inspector_app.demo import create_demo_district

    services = create_demo_district(tmp_path / "district.db", 3000, points=3, seed=5,
                                    years=3, clock=clock)
    try:
        scope = StatsScope(date(2025, 1, 1), date(2025, 12, 31), today=NOW.date())
        total, per_point = compute_summary(services, scope)
        plain = {"appeals.received": "SELECT count(*) FROM appeal WHERE {live} AND "
                                     "date(received_at) BETWEEN :a AND :b",
                 "visits.total": "SELECT count(*) FROM preventive_visit WHERE {live} AND "
                                 "date(visited_at) BETWEEN :a AND :b",
                 "offences.total": "SELECT count(*) FROM offence WHERE {live} AND "
                                   "date(committed_at) BETWEEN :a AND :b",
                 "offences.fine_tenge": "SELECT coalesce(sum(fine_tenge), 0) FROM offence "
                                        "WHERE {live} AND date(committed_at) BETWEEN :a AND :b",
                 "meetings.held": "SELECT count(*) FROM meeting WHERE {live} AND "
                                  "date(held_at) BETWEEN :a AND :b",
                 "survey.responses": "SELECT count(*) FROM feedback WHERE {live} AND "
                                     "date(collected_at) BETWEEN :a AND :b",
                 "registrations.checked": "SELECT count(*) FROM registration r WHERE {live} "
                     "AND start_date <= :b AND (closed_on IS NULL OR closed_on >= :a) AND "
                     "(end_date IS NULL OR end_date >= date(:a, '-1 day')) AND EXISTS (SELECT 1 "
                     "FROM preventive_visit v WHERE v.registration_id = r.id AND v.deleted = 0 "
                     "AND date(v.visited_at) BETWEEN :a AND :b)",
                 "registrations.at_end": "SELECT count(*) FROM registration WHERE {live} AND "
                     "start_date <= :b AND (closed_on IS NULL OR closed_on > :b) AND "
                     "(end_date IS NULL OR end_date >= :b)"}

        def count(code: str, point: str | None, previous: bool) -> int:
            live = "deleted = 0" + (" AND owner_point = :point" if point else "")
            period = scope.previous if previous else scope
            return services.db.execute_sql(plain[code].format(live=live), {
                "a": period.date_from.isoformat(), "b": period.date_to.isoformat(),
                "point": point}).fetchone()[0]

        assert set(per_point) == {"ATY-001", "ATY-002", "ATY-003"}
        for point, stats in [(None, total), (None, compute(services, scope)),
                             *per_point.items()]:
            for code in plain:
                for previous in (False, True):
                    assert stats.value(code, previous) == count(code, point, previous), (
                        point, code, previous)
        assert all(total.value(code) > 0 for code in plain)
    finally:
        services.db.close()
