"""Appeals as АППК art. 76 runs them: registration day, extension, forwarding, eOtinish.

The clock stands at 25.11.2026 (a Wednesday); 21–22.11 are a weekend, 16.12 a holiday.
"""

from __future__ import annotations

from datetime import date

import pytest
from core_factories import appeal_data, errors_of

from inspector_app.errors import ValidationError
from inspector_app.queries.stats import StatsScope, compute


def refused(services, data, record_id=None) -> set[tuple[str, str]]:
    with pytest.raises(ValidationError) as caught:
        if record_id:
            services.appeals.update(record_id, data)
        else:
            services.appeals.create(data)
    return errors_of(caught.value)


def extension(**extra):
    values = {"extended_on": "2026-11-25", "extension_reason": "Запрошены сведения в акимате",
              "extended_until": "2027-01-20"}
    values.update(extra)
    return values


# -- registration day ------------------------------------------------------------------------
def test_an_appeal_received_on_a_day_off_is_registered_on_the_next_working_day(
        services, person):
    friday = services.appeals.create(appeal_data(person, received_at="2026-11-20 17:00"))
    saturday = services.appeals.create(appeal_data(person, received_at="2026-11-21 11:00"))
    assert friday.registered_on == date(2026, 11, 20)
    assert friday.due_date == date(2026, 12, 11)
    assert saturday.registered_on == date(2026, 11, 23)  # Monday
    assert saturday.due_date == date(2026, 12, 14)  # 15 working days from Monday
    assert services.appeals.registration_day(date(2026, 12, 16)) == date(2026, 12, 17)


def test_the_terms_come_from_the_deadlines_catalogue_with_their_source(services):
    cats = services.catalogues
    for code, value in (("appeal_term", 15), ("appeal_extension_max", 2),
                        ("appeal_extension_notice", 3), ("appeal_forwarding", 3)):
        item = cats.get("deadlines", code)
        assert item.extra["value"] == value
        source = item.extra["source"]
        assert source["article"] == "76" and source["status"] == "verified"
        assert "350-VI" in source["act"] and source["edition"]
    assert cats.get("deadlines", "appeal_registration_day_off").extra["source"]["status"] \
        == "unverified"


# -- extension ------------------------------------------------------------------------------
def test_an_extended_appeal_is_due_on_the_new_term(services, person):
    appeal = services.appeals.create(appeal_data(person, received_at="2026-11-20 09:00"))
    assert appeal.due_date == date(2026, 12, 11)
    extended = services.appeals.update(appeal.id, extension())
    assert extended.due_date == date(2027, 1, 20)
    assert extended.extended_on == date(2026, 11, 25)
    assert list(services.appeals.overdue(date(2026, 12, 14))) == []
    assert [a.id for a in services.appeals.overdue(date(2027, 1, 21))] == [appeal.id]


def test_an_extension_is_at_most_two_months_after_receipt_and_later_than_the_term(
        services, person):
    data = appeal_data(person, received_at="2026-11-20 09:00")
    assert refused(services, {**data, **extension(extended_until="2027-01-21")}) == {
        ("extended_until", "v.extension_too_long")}
    assert refused(services, {**data, **extension(extended_until="2026-12-11")}) == {
        ("extended_until", "v.extension_not_later")}
    assert services.appeals.create({**data, **extension(extended_until="2027-01-20")})


def test_an_extension_needs_its_decision_day_reasons_and_term(services, person):
    data = appeal_data(person)
    assert refused(services, {**data, "extended_until": "2027-01-10"}) == {
        ("extended_on", "v.required"), ("extension_reason", "v.required")}
    assert refused(services, {**data, **extension(extension_notified_on="2026-11-24")}) == {
        ("extension_notified_on", "v.end_before_start")}


def test_the_citizen_must_be_told_of_an_extension_within_three_working_days(services, person):
    told = services.appeals.create(appeal_data(person, **extension(
        extension_notified_on="2026-11-25")))
    silent = services.appeals.create(appeal_data(person, **extension()))
    assert services.appeals.notice_due(date(2026, 11, 25)) == date(2026, 11, 30)
    assert services.appeals.late_notices(date(2026, 11, 30)) == []
    late = services.appeals.late_notices(date(2026, 12, 1))
    assert [(n.appeal.id, n.notice_due) for n in late] == [(silent.id, date(2026, 11, 30))]
    services.appeals.update(told.id, {"extension_notified_on": "2026-11-25"})
    assert told.id not in {n.appeal.id for n in services.appeals.late_notices(date(2026, 12, 1))}


# -- forwarding -----------------------------------------------------------------------------
def test_an_appeal_outside_competence_is_due_for_forwarding_in_three_working_days(
        services, person):
    own = services.appeals.create(appeal_data(person, received_at="2026-11-02 09:00"))
    appeal = services.appeals.create(appeal_data(person, received_at="2026-11-20 09:00",
                                                 outside_competence=True))
    assert appeal.due_date == date(2026, 11, 25)
    assert list(services.appeals.forwarding_overdue(date(2026, 11, 25))) == []
    assert [a.id for a in services.appeals.forwarding_overdue(date(2026, 11, 26))] == [
        appeal.id]
    assert own.id not in {a.id for a in services.appeals.forwarding_overdue()}
    services.appeals.update(appeal.id, {"decision": "forwarded", "forwarded_to": "Акимат",
                                        "resolved_on": "2026-11-25"})
    assert list(services.appeals.forwarding_overdue(date(2026, 11, 26))) == []
    assert list(services.appeals.forwarded_late()) == []


def test_forwarded_late_is_not_resolved_on_time(services, person):
    # received 10.11, forwarding due 13.11, forwarded on 20.11: late, and counted overdue
    appeal = services.appeals.create(appeal_data(
        person, received_at="2026-11-10 09:00", decision="forwarded",
        forwarded_to="Отдел образования", resolved_on="2026-11-20"))
    assert appeal.outside_competence is True
    assert appeal.due_date == date(2026, 11, 13)
    assert appeal.status == "resolved"
    assert [a.id for a in services.appeals.forwarded_late()] == [appeal.id]
    table = compute(services, StatsScope(date(2026, 11, 1), date(2026, 11, 30)))
    assert table.value("appeals.overdue") == 1


def test_forwarding_rules(services, person):
    data = appeal_data(person, outside_competence=True)
    assert refused(services, {**data, "decision": "forwarded"}) == {
        ("forwarded_to", "v.required")}
    assert refused(services, {**data, "decision": "satisfied"}) == {
        ("decision", "v.outside_competence_forwarded")}
    assert refused(services, {**data, **extension()}) == {
        ("extended_until", "v.forwarding_not_extended")}


def test_the_eotinish_number_is_kept_beside_the_talon_and_found(services, person):
    appeal = services.appeals.create(appeal_data(person, eotinish_number="ЖТ-2026-0123456"))
    assert appeal.eotinish_number == "ЖТ-2026-0123456"
    assert appeal.talon_number == "ATY-017-T-2026-00001"
    hits = services.search.records("ЖТ-2026-0123456", kinds=("appeal",))
    assert [h.record_id for h in hits] == [appeal.id]
    assert refused(services, appeal_data(person, eotinish_number="1" * 33)) == {
        ("eotinish_number", "v.too_long")}


# -- sync -----------------------------------------------------------------------------------
def test_the_new_appeal_fields_reach_the_district(tmp_path):
    from sync_fixtures import region, table_rows, use

    from inspector_app.sync.export import export_package
    from inspector_app.sync.importer import import_files
    from inspector_app.sync.results import IMPORTED

    with region(tmp_path, ("ATY-017",)) as (district, (point,), out):
        use(point)
        person = point.persons.create({"surname": "Жұмабекова", "first_name": "Әйгерім"})
        point.appeals.create(appeal_data(person, eotinish_number="ЖТ-2026-0000042",
                                         **extension(extension_notified_on="2026-11-25")))
        point.appeals.create(appeal_data(person, received_at="2026-11-21 10:00",
                                         decision="forwarded", forwarded_to="Акимат",
                                         resolved_on="2026-11-24"))
        sent = table_rows(point, "appeal", "ATY-017")
        exported = export_package(point, out)
        use(district)
        batch = import_files(district, [exported.path], trust_new=True)
        assert [f.status for f in batch.files] == [IMPORTED]
        held = table_rows(district, "appeal", "ATY-017")
        assert held == sent
        by_number = {row["eotinish_number"]: row for row in held.values()}
        extended = by_number["ЖТ-2026-0000042"]
        assert (str(extended["extended_until"]), str(extended["due_date"])) == (
            "2027-01-20", "2027-01-20")
        forwarded = by_number[""]
        assert forwarded["outside_competence"] in (1, True)
        assert str(forwarded["registered_on"]) == "2026-11-23"


def test_the_talon_carries_the_eotinish_number_on_both_halves(services, person, tmp_path):
    from pypdf import PdfReader

    from inspector_app.reports import ReportRequest, generate

    appeal = services.appeals.create(appeal_data(person, eotinish_number="ZhT-2026-0000042"))
    out = tmp_path / "talon.pdf"
    assert generate(services, ReportRequest("talon", appeal_id=appeal.id), out) == 1
    text = PdfReader(str(out)).pages[0].extract_text().replace(" ", "")
    assert text.count("ZhT-2026-0000042") == 2
    assert text.count("НомерeOtinish") == 2


def test_the_register_lists_appeals_not_forwarded_in_time(services, person):
    from inspector_app.queries.registers import REGISTERS, Filters

    late = services.appeals.create(appeal_data(person, received_at="2026-11-10 09:00",
                                               outside_competence=True))
    services.appeals.create(appeal_data(person, received_at="2026-11-11 09:00"))
    register = REGISTERS["appeals"]
    rows = register.page(Filters(status="forwarding_overdue", today=date(2026, 11, 25)))
    assert [row["id"] for row in rows] == [late.id]
    assert register.count(Filters(status="overdue", today=date(2026, 12, 25))) == 2
