"""Plain fields (``storage.models.plain``) are checked by their type with no rule of their own:
the support-centre referral of a registration is one; it travels like every column."""

from __future__ import annotations

from datetime import date

import pytest
from core_factories import registration_data
from peewee import DecimalField

from inspector_app.errors import ValidationError
from inspector_app.services.validation import Checker, DatabaseResolver, RulePolicy
from inspector_app.storage.models import plain


def test_a_plain_field_is_stored_and_checked_by_its_type(services, person):
    stored = services.registrations.create(registration_data(
        person, support_referral="  кризисный  центр «Шаңырақ» ", support_referred_on="21.11.2026"))
    assert (stored.support_referral, stored.support_referred_on) == (
        "кризисный центр «Шаңырақ»", date(2026, 11, 21))
    with pytest.raises(ValidationError) as caught:
        services.registrations.update(stored.id, {"support_referral": "х" * 301,
                                                  "support_referred_on": "31.02.2026"})
    errors = {e.field: e.message("ru") for e in caught.value.errors}
    assert set(errors) == {"support_referral", "support_referred_on"}
    assert "300" in errors["support_referral"] and "31.02.2026" in errors["support_referred_on"]
    assert services.registrations.get(stored.id).support_referral == "кризисный центр «Шаңырақ»"


def test_a_plain_field_keeps_its_default_when_not_given(services, person):
    stored = services.registrations.create(registration_data(person))
    assert (stored.support_referral, stored.support_referred_on) == ("", None)


def test_plain_needs_a_default_and_a_known_type():
    with pytest.raises(AssertionError):
        plain(DecimalField())
    odd = plain(DecimalField(null=True))
    odd.name = "odd"
    model = type("Odd", (), {"_meta": type("Meta", (), {"sorted_fields": [odd]})})
    check = Checker("odd", {"odd": "1"}, DatabaseResolver(), RulePolicy(), model)
    with pytest.raises(TypeError, match="DecimalField odd"):
        check.finish()


def test_the_referral_travels_to_the_district(tmp_path):
    from sync_fixtures import region, table_rows, use

    from inspector_app.sync.export import export_package
    from inspector_app.sync.importer import import_files
    from inspector_app.sync.results import IMPORTED

    with region(tmp_path, ("ATY-017",)) as (district, (point,), out):
        use(point)
        person = point.persons.create({"surname": "Жұмабаев", "first_name": "Марат"})
        point.registrations.create(registration_data(
            person, support_referral="кризисный центр «Шаңырақ»",
            support_referred_on="2026-11-21"))
        sent = table_rows(point, "registration", "ATY-017")
        exported = export_package(point, out)
        use(district)
        batch = import_files(district, [exported.path], trust_new=True)
        assert [f.status for f in batch.files] == [IMPORTED]
        held = table_rows(district, "registration", "ATY-017")
        assert held == sent
        (row,) = held.values()
        assert (row["support_referral"], str(row["support_referred_on"])) == (
            "кризисный центр «Шаңырақ»", "2026-11-21")
