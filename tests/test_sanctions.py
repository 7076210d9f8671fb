"""Sanctions per article part (issue 17): ranges, court-only sanctions, the referral to court,
and protocols written under the previous catalogue."""

from __future__ import annotations

from decimal import Decimal

import pytest
from core_factories import errors_of, offence_data, snapshot
from pypdf import PdfReader

from inspector_app.domain.sanctions import COURT_REFERRAL, PartSanctions
from inspector_app.errors import ValidationError
from inspector_app.reports import ReportRequest, generate
from inspector_app.services.context import Services
from inspector_app.sync.apply import IMPORT_POLICY


def refusal(services, data) -> ValidationError:
    before = snapshot()
    with pytest.raises(ValidationError) as caught:
        services.offences.create(data)
    assert snapshot() == before
    return caught.value


@pytest.mark.parametrize(("data", "field", "ru", "kk"), [
    ({"article": "434-1", "penalty": "public_works", "public_works_hours": 61},
     "public_works_hours", "по ст. 434 ч. 1 общественные работы — от 20 до 60 ч",
     "434-баптың 1-бөлігі бойынша қоғамдық жұмыстар — 20–60 сағат"),
    ({"article": "434-1", "penalty": "arrest", "arrest_days": 4},
     "arrest_days", "по ст. 434 ч. 1 арест — от 5 до 15 сут.",
     "434-баптың 1-бөлігі бойынша қамаққа алу — 5–15 тәулік"),
    ({"article": "434-1", "penalty": "fine", "fine_mrp": "10"},
     "fine_mrp", "по ст. 434 ч. 1 штраф — 20 МРП", "434-баптың 1-бөлігі бойынша айыппұл — 20 АЕК"),
    ({"article": "434-2", "penalty": "arrest", "arrest_days": 31},
     "arrest_days", "по ст. 434 ч. 2 арест — не более 30 сут.",
     "434-баптың 2-бөлігі бойынша қамаққа алу — ең көбі 30 тәулік"),
    ({"article": "73-1", "penalty": "public_works", "public_works_hours": 10},
     "public_works_hours", "по ст. 73 ч. 1 общественные работы — не менее 20 ч",
     "73-баптың 1-бөлігі бойынша қоғамдық жұмыстар — кемінде 20 сағат"),
])
def test_a_sanction_outside_the_parts_range_is_refused_naming_the_range(
        services, person, data, field, ru, kk):
    error = refusal(services, offence_data(person, status="considered", **data))
    [problem] = error.for_field(field)
    assert problem.message("ru").endswith(ru)
    assert problem.message("kk").endswith(kk)


def test_the_range_itself_is_accepted(services, person):
    for hours in (20, 60):
        offence = services.offences.create(offence_data(
            person, article="434-1", penalty="public_works", public_works_hours=hours,
            status="considered", works_consent="given", works_consent_on="2026-11-21"))
        assert offence.public_works_hours == hours
    fine = services.offences.create(offence_data(person, article="437-2", penalty="fine",
                                                 fine_mrp="10"))
    assert fine.fine_tenge == 10 * 4325


@pytest.mark.parametrize(("article", "penalty"), [("434-1", "fine"), ("434-1", "arrest"),
                                                  ("434-2", "public_works"),
                                                  ("438-2", "public_works")])
def test_a_court_only_sanction_is_the_courts_decision(services, person, article, penalty):
    amounts = {"fine_mrp": 20, "arrest_days": 10, "public_works_hours": 40}
    error = refusal(services, offence_data(person, article=article, penalty=penalty, **amounts))
    assert ("penalty", "v.sanction_by_court") in errors_of(error)
    assert "только суд" in error.for_field("penalty")[0].message("ru")


def test_court_only_sanctions_produce_a_referral_to_court(services, person):
    offence = services.offences.create(offence_data(
        person, article="434-2", penalty=COURT_REFERRAL, arrest_days=10, fine_mrp="20"))
    assert offence.penalty == COURT_REFERRAL
    assert offence.status == "sent_to_court"  # the protocol goes to court
    assert (offence.fine_mrp, offence.fine_tenge, offence.arrest_days,
            offence.public_works_hours) == (None, None, None, None)
    decided = services.offences.update(offence.id, {"status": "considered", "penalty": "arrest",
                                                    "arrest_days": 20})
    assert (decided.penalty, decided.arrest_days) == ("arrest", 20)


def test_no_referral_where_the_police_decide(services, person):
    error = refusal(services, offence_data(person, article="437-1", penalty=COURT_REFERRAL))
    assert ("penalty", "v.penalty_not_for_article") in errors_of(error)


@pytest.mark.parametrize(("article", "penalty"), [
    ("437-1", "warning"),        # the corrected 437: a fine of 5 МРП, no warning
    ("434-2", "fine"),           # part 2: arrest or public works only
    ("438-1", "public_works"),   # public works since 01.09.2025 only on the listed parts
    ("440-1", "public_works"),
])
def test_the_corrections_of_issue_17(services, person, article, penalty):
    error = refusal(services, offence_data(person, article=article, penalty=penalty,
                                           fine_mrp="5", public_works_hours=20,
                                           status="considered"))
    assert ("penalty", "v.penalty_not_for_article") in errors_of(error)


def test_the_parts_the_issue_adds(services):
    cats = services.catalogues
    for code in ("434-3", "438-2", "440-3", "443-2", "449-2", "598-2", "615-4", "505-1", "505-2",
                 "669-1", "484-1", "486-1", "517-1", "518-1"):
        item = cats.get("offence_articles", code)
        assert item is not None and item.active, code
        assert item.extra["source"]["status"] in ("verified", "secondary", "unverified")
    assert "public_works" in PartSanctions.of(cats.get("offence_articles", "440-3")).provided()
    assert PartSanctions.of(cats.get("offence_articles", "435-1")).fine_payer == "parents"
    fines = PartSanctions.of(cats.get("offence_articles", "505-1")).fines
    assert {s: (f.low, f.high) for s, f in fines.items()} == {
        "individual": (20, 20), "small_business": (30, 30), "medium_business": (40, 40),
        "large_business": (100, 100)}


def test_a_package_from_a_point_on_the_previous_catalogue_still_reads(services, person):
    """A protocol a point drew up under catalogue 1 (437-1: a fine up to 5 МРП, 2.5 allowed)
    passes the district's import rules (``docs/sync-format.md``: entry rules are the point's)."""
    importing = Services(services.db, clock=services.clock, policy=IMPORT_POLICY)
    importing.__dict__["meta"] = services.meta
    importing.__dict__["catalogues"] = services.catalogues
    offence = importing.offences.create(offence_data(person, fine_mrp="2.5"))
    assert offence.fine_mrp == Decimal("2.5")


def test_a_stored_protocol_keeps_its_sanction_until_it_is_changed(services, person):
    offence = services.offences.create(offence_data(person))
    services.db.execute_sql("UPDATE offence SET fine_mrp = '2.5' WHERE id = ?", (offence.id,))
    kept = services.offences.update(offence.id, {"description": "уточнено", "erap_number": "1"})
    assert kept.fine_mrp == Decimal("2.5")
    with pytest.raises(ValidationError) as caught:
        services.offences.update(offence.id, {"fine_mrp": "3"})
    assert ("fine_mrp", "v.range.fine.exact") in errors_of(caught.value)


def test_the_protocol_says_the_parents_pay(services, person, tmp_path):
    offence = services.offences.create(offence_data(person, article="435-1", fine_mrp="7"))
    out = tmp_path / "protocol.pdf"
    generate(services, ReportRequest("protocol", record_id=offence.id), out)
    text = " ".join(page.extract_text() for page in PdfReader(str(out)).pages)
    assert "уплачивают родители" in " ".join(text.split())


def test_the_fine_follows_the_offenders_subject(services, person):
    """Art. 437 p.1: 5 МРП on an individual, 20 on a small business (an entrepreneur's café)."""
    cafe = offence_data(person, offender_subject="small_business", fine_mrp="20")
    assert services.offences.create(cafe).fine_tenge == 20 * 4325
    error = refusal(services, dict(cafe, fine_mrp="5"))
    assert error.for_field("fine_mrp")[0].message("ru").endswith("по ст. 437 ч. 1 штраф — 20 МРП")
    error = refusal(services, dict(cafe, offender_subject="official"))
    assert ("offender_subject", "v.subject_not_for_article") in errors_of(error)
    assert services.offences.create(offence_data(person)).offender_subject == "individual"
