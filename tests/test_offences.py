"""Administrative offences: article parts, penalties, fines in МРП and tenge, protocol numbers."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from core_factories import errors_of, make_person, offence_data, snapshot

from inspector_app.domain.permissions import Role
from inspector_app.errors import PermissionDenied, ValidationError
from inspector_app.services.setup import open_services


def refused(services, data, record_id=None) -> set[tuple[str, str]]:
    before = snapshot()
    with pytest.raises(ValidationError) as caught:
        if record_id:
            services.offences.update(record_id, data)
        else:
            services.offences.create(data)
    assert snapshot() == before
    return errors_of(caught.value)


def test_a_protocol_is_drawn_up_with_a_number(services, person):
    offence = services.offences.create(offence_data(person))
    assert offence.protocol_number == "ATY-017-P-2026-00001"
    assert re.fullmatch(r"ATY-017-P-\d{4}-\d{5}", offence.protocol_number)
    assert offence.status == "drawn_up"
    assert offence.inspector_id == services.staff.by_login("erzhanov").id


def test_required_fields(services):
    assert refused(services, {"committed_at": "", "place": "", "offender": None,
                              "article": "", "description": "", "penalty": ""}) == {
        ("committed_at", "v.required"), ("place", "v.required"), ("offender", "v.required"),
        ("article", "v.required"), ("description", "v.required"), ("penalty", "v.required")}


@pytest.mark.parametrize("article", ["437", "437-9", "73-3-2", "999-1", "ст. 437 ч. 1"])
def test_the_article_part_must_be_in_the_catalogue(services, person, article):
    assert refused(services, offence_data(person, article=article)) == {
        ("article", "v.unknown_code")}


def test_unknown_penalty_and_status(services, person):
    assert refused(services, offence_data(person, penalty="flogging", status="forgotten")) == {
        ("penalty", "v.unknown_code"), ("status", "v.unknown_code")}


@pytest.mark.parametrize(("article", "penalty"), [("437-1", "arrest"), ("442-2", "fine"),
                                                  ("127-2", "warning"),
                                                  ("434-2-1", "arrest")])
def test_the_penalty_must_be_one_the_article_provides(services, person, article, penalty):
    extra = {"fine_mrp": 1, "arrest_days": 3}
    with pytest.raises(ValidationError) as caught:
        services.offences.create(offence_data(person, article=article, penalty=penalty, **extra))
    assert ("penalty", "v.penalty_not_for_article") in errors_of(caught.value)
    error = caught.value.for_field("penalty")[0]
    assert f"Ст. {article.split('-')[0]}" in error.message("ru")


def test_a_fine_needs_an_amount_in_mrp(services, person):
    assert refused(services, offence_data(person, penalty="fine", fine_mrp=None)) == {
        ("fine_mrp", "v.required")}


@pytest.mark.parametrize(("year", "mrp"), [(2025, 3932), (2026, 4325), (2019, 2525)])
def test_fine_in_tenge_uses_the_mrp_of_the_offences_year(services, person, year, mrp):
    offence = services.offences.create(offence_data(
        person, committed_at=f"{year}-11-20 23:40", penalty="fine", fine_mrp="5"))
    assert offence.fine_mrp == Decimal("5")
    assert offence.fine_tenge == 5 * mrp
    stored = services.offences.get(offence.id)
    assert (stored.fine_mrp, stored.fine_tenge) == (Decimal("5"), 5 * mrp)


def test_fractional_fines(services, person):
    person_fine = {"article": "492-1", "penalty": "fine"}  # no limit found: the general ones
    offence = services.offences.create(offence_data(person, **person_fine, fine_mrp="0,5"))
    assert offence.fine_mrp == Decimal("0.5")
    assert offence.fine_tenge == 2163  # 2162.5 ₸, rounded half up like money
    assert refused(services, offence_data(person, **person_fine, fine_mrp="1.005")) == {
        ("fine_mrp", "v.out_of_range")}
    assert refused(services, offence_data(person, **person_fine, fine_mrp="пять")) == {
        ("fine_mrp", "v.not_number")}


def test_a_year_without_mrp_is_refused(services, person):
    assert refused(services, offence_data(person, committed_at="2016-06-01 12:00",
                                          penalty="fine", fine_mrp="5")) == {
        ("fine_mrp", "v.no_mrp_for_year")}


def test_the_fine_of_the_article(services, person):
    assert refused(services, offence_data(person, penalty="fine", fine_mrp="5.01")) == {
        ("fine_mrp", "v.range.fine.exact")}  # 437-1: a fine of 5 МРП
    services.offences.create(offence_data(person, penalty="fine", fine_mrp="5"))
    assert refused(services, offence_data(person, penalty="fine", fine_mrp="0")) == {
        ("fine_mrp", "v.out_of_range")}


def test_editing_the_fine_recomputes_tenge(services, person):
    offence = services.offences.create(offence_data(person, article="492-1", penalty="fine",
                                                    fine_mrp="2"))
    updated = services.offences.update(offence.id, {"fine_mrp": "3"})
    assert updated.fine_tenge == 3 * 4325
    warned = services.offences.update(offence.id, {"penalty": "warning"})
    assert (warned.fine_mrp, warned.fine_tenge) == (None, None)


def test_public_works_and_arrest_need_their_amounts(services, person):
    court = {"article": "434-1", "status": "considered"}  # the court's decision recorded
    consent = {"works_consent": "given", "works_consent_on": "2026-11-21"}
    assert refused(services, offence_data(person, **court, **consent, penalty="public_works")) \
        == {("public_works_hours", "v.required")}
    assert refused(services, offence_data(person, **court, penalty="arrest")) == {
        ("arrest_days", "v.required")}
    assert refused(services, offence_data(person, **court, penalty="arrest",
                                          arrest_days=46)) == {("arrest_days", "v.out_of_range")}
    assert refused(services, offence_data(person, **court, **consent, penalty="public_works",
                                          public_works_hours=241)) == {
        ("public_works_hours", "v.out_of_range")}
    offence = services.offences.create(offence_data(person, **court, penalty="arrest",
                                                    arrest_days=5, public_works_hours=20,
                                                    fine_mrp=3))
    assert (offence.arrest_days, offence.public_works_hours, offence.fine_mrp,
            offence.fine_tenge) == (5, None, None, None)


def test_victim_is_not_the_offender(services, person):
    assert refused(services, offence_data(person, article="73-1", victim=person.id)) == {
        ("victim", "v.victim_is_offender")}
    victim = make_person(services, "Потерпевшая", "Анна")
    offence = services.offences.create(offence_data(person, article="73-1", victim=victim.id))
    assert offence.victim_id == victim.id


def test_no_offence_in_the_future(services, person):
    assert refused(services, offence_data(person, committed_at="2026-11-25 23:00")) == {
        ("committed_at", "v.future_date")}


def test_protocol_numbers_per_year_and_after_reopening(services, person, db_path, clock):
    a = services.offences.create(offence_data(person, committed_at="2025-12-31 23:00"))
    b = services.offences.create(offence_data(person, committed_at="2026-01-01 01:00"))
    c = services.offences.create(offence_data(person, committed_at="2026-01-02 01:00"))
    assert [o.protocol_number for o in (a, b, c)] == [
        "ATY-017-P-2025-00001", "ATY-017-P-2026-00001", "ATY-017-P-2026-00002"]
    services.offences.delete(c.id)
    services.db.close()
    again = open_services(db_path, clock=clock)
    try:
        d = again.offences.create(offence_data(person, committed_at="2026-03-01 01:00"))
        assert d.protocol_number == "ATY-017-P-2026-00003"
    finally:
        again.db.close()


def test_protocol_numbers_are_unique_per_point(services, person):
    services.offences.create(offence_data(person))
    with pytest.raises(Exception, match="UNIQUE"):
        services.db.execute_sql(
            "INSERT INTO offence SELECT 'x' || substr(id, 2), owner_point, created_at,"
            " created_by, updated_at, updated_by, row_version, change_seq, deleted, deleted_at,"
            " deleted_by, protocol_number, committed_at, place, offender_id, victim_id, article,"
            " description, penalty, fine_mrp, fine_tenge, public_works_hours, arrest_days,"
            " status, erap_number, inspector_id, search_text, offender_subject, works_consent,"
            " works_consent_on, breached_registration_id FROM offence")


def test_an_assistant_may_not_edit_another_officers_protocol(services, person):
    offence = services.offences.create(offence_data(person))
    services.staff.create({"login": "komekshi", "full_name": "Көмекші Айдана",
                           "role": Role.ASSISTANT, "password": "Strong-Pass-91"})
    services.login("komekshi", "Strong-Pass-91")
    before = snapshot()
    with pytest.raises(PermissionDenied):
        services.offences.update(offence.id, {"description": "иначе"})
    with pytest.raises(PermissionDenied):
        services.offences.delete(offence.id)
    # nothing changed but the trail, which records both refusals
    assert snapshot() == {**before, "audit_entry": before["audit_entry"] + 2}
    refused = services.db.execute_sql(
        "SELECT actor, action FROM audit_entry WHERE table_name = 'security'").fetchall()
    assert refused == [("komekshi", "refused"), ("komekshi", "refused")]
    own = services.offences.create(offence_data(person))
    assert services.offences.update(own.id, {"description": "уточнено"}).row_version == 2


@pytest.mark.parametrize("typed", ["NaN", "Infinity", "-inf", "sNaN"])
def test_a_fine_that_is_not_a_finite_number_is_refused(services, person, typed):
    assert refused(services, offence_data(person, penalty="fine", fine_mrp=typed)) == {
        ("fine_mrp", "v.not_number")}


def test_a_protocol_stays_in_the_year_of_its_number(services, person):
    offence = services.offences.create(offence_data(person, penalty="fine", fine_mrp="5"))
    assert refused(services, {"committed_at": "2025-11-20 10:00"}, offence.id) == {
        ("committed_at", "v.protocol_year_fixed")}
    moved = services.offences.update(offence.id, {"committed_at": "2026-11-19 10:00"})
    assert moved.protocol_number == offence.protocol_number
