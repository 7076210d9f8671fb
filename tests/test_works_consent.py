"""The offender's consent to public works, kept on the protocol (issue 17): asked only where
the chosen penalty needs it, refused without it, printed, carried by sync packages."""

from __future__ import annotations

from datetime import date

import pytest
from core_factories import errors_of, offence_data, snapshot
from pypdf import PdfReader

from inspector_app.errors import ValidationError
from inspector_app.reports import ReportRequest, generate
from inspector_app.storage.migrations import MIGRATIONS

WORKS = {"article": "434-1", "penalty": "public_works", "public_works_hours": 40,
         "status": "considered"}


def refusal(services, data) -> ValidationError:
    before = snapshot()
    with pytest.raises(ValidationError) as caught:
        services.offences.create(data)
    assert snapshot() == before
    return caught.value


def test_public_works_without_consent_are_refused_naming_the_field(services, person):
    error = refusal(services, offence_data(person, **WORKS))
    assert errors_of(error) == {("works_consent", "v.required")}
    assert error.for_field("works_consent")[0].message("ru") == (
        "Согласие на общественные работы: обязательное поле")


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_refused_consent_refuses_public_works_naming_the_part(services, person, lang):
    error = refusal(services, offence_data(person, **WORKS, works_consent="refused",
                                           works_consent_on="2026-11-21"))
    assert errors_of(error) == {("works_consent", "v.consent_refused")}
    text = error.for_field("works_consent")[0].message(lang)
    assert {"ru": "Согласие на общественные работы: по ст. 434 ч. 1 общественные работы "
                  "назначаются только с согласия лица; лицо отказалось",
            "kk": "Қоғамдық жұмыстарға келісім: 434-баптың 1-бөлігі",
            "en": "Consent to public works: under art. 434 part 1"}[lang] in text


def test_given_consent_is_stored_with_its_day(services, person):
    offence = services.offences.create(offence_data(person, **WORKS, works_consent="given",
                                                    works_consent_on="21.11.2026"))
    assert (offence.works_consent, offence.works_consent_on) == ("given", date(2026, 11, 21))


@pytest.mark.parametrize(("extra", "field", "code"), [
    ({"works_consent": "given"}, "works_consent_on", "v.required"),
    ({"works_consent_on": "2026-11-21"}, "works_consent", "v.required"),
    ({"works_consent": "given", "works_consent_on": "2026-11-19"},
     "works_consent_on", "v.consent_before_offence"),
    ({"works_consent": "given", "works_consent_on": "2026-11-26"},
     "works_consent_on", "v.future_date"),
    ({"works_consent": "maybe", "works_consent_on": "2026-11-21"},
     "works_consent", "v.unknown_code"),
])
def test_the_answer_and_its_day_go_together(services, person, extra, field, code):
    error = refusal(services, offence_data(person, **WORKS, **extra))
    assert errors_of(error) == {(field, code)}


def test_a_referral_may_record_the_answer_the_court_will_need(services, person):
    """Art. 434 p.1 is referred to the court, which may impose public works: the protocol may
    say the offender refused; the court's decision then cannot be public works."""
    offence = services.offences.create(offence_data(
        person, article="434-1", penalty="court_referral", works_consent="refused",
        works_consent_on="2026-11-20"))
    assert offence.works_consent == "refused" and offence.status == "sent_to_court"
    assert services.offences.create(offence_data(
        person, article="434-1", penalty="court_referral")).works_consent == ""
    with pytest.raises(ValidationError) as caught:
        services.offences.update(offence.id, {"status": "considered", **WORKS})
    assert ("works_consent", "v.consent_refused") in errors_of(caught.value)
    decided = services.offences.update(offence.id, {"status": "considered", "penalty": "arrest",
                                                    "arrest_days": 5})
    assert (decided.works_consent, decided.works_consent_on) == ("", None)  # not asked now


@pytest.mark.parametrize("extra", [
    {"article": "437-1", "penalty": "fine", "fine_mrp": "5"},       # no public works at all
    {"article": "443-1", "penalty": "court_referral"},              # the court only arrests
])
def test_no_consent_is_kept_where_the_penalty_does_not_ask_it(services, person, extra):
    offence = services.offences.create(offence_data(
        person, **extra, works_consent="given", works_consent_on="2026-11-21"))
    assert (offence.works_consent, offence.works_consent_on) == ("", None)


def test_a_stored_protocol_without_consent_keeps_its_sanction_until_it_is_changed(services,
                                                                                 person):
    """Public works recorded before the consent was kept (schema 12) stay editable."""
    offence = services.offences.create(offence_data(person, **WORKS, works_consent="given",
                                                    works_consent_on="2026-11-21"))
    services.db.execute_sql("UPDATE offence SET works_consent = '', works_consent_on = NULL "
                            "WHERE id = ?", (offence.id,))
    kept = services.offences.update(offence.id, {"erap_number": "123"})
    assert kept.works_consent == "" and kept.penalty == "public_works"
    with pytest.raises(ValidationError):
        services.offences.update(offence.id, {"public_works_hours": 30})


@pytest.mark.parametrize(("lang", "label", "answer"), [
    ("ru", "Согласие на общественные работы", "Согласие дано, 21.11.2026"),
    ("kk", "Қоғамдық жұмыстарға келісім", "Келісім берілді, 21.11.2026"),
])
def test_the_protocol_prints_the_answer(services, person, tmp_path, lang, label, answer):
    def printed(offence) -> str:
        out = tmp_path / "protocol.pdf"
        generate(services, ReportRequest("protocol", record_id=offence.id, lang=lang), out)
        return " ".join(" ".join(p.extract_text() for p in PdfReader(str(out)).pages).split())

    works = services.offences.create(offence_data(person, **WORKS, works_consent="given",
                                                  works_consent_on="2026-11-21"))
    assert f"{label} {answer}" in printed(works)
    assert label not in printed(services.offences.create(offence_data(person)))


def test_the_columns_travel_with_defaults_for_older_packages():
    (consent,) = [m for m in MIGRATIONS if m.name == "consent_and_breaches"]
    assert consent.travelling_columns == {
        "offence": {"works_consent": "", "works_consent_on": None,
                    "breached_registration_id": None}}
