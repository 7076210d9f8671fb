"""A breach of a protective order or special requirements (КоАП art. 461) names the
registration it breaches (issue 17): the core holds the link to the offender's running order,
the registration lists its breaches, the protocol prints it, the form offers only those orders.

The clock stands at 25.11.2026.
"""

from __future__ import annotations

import pytest
from core_factories import errors_of, offence_data, registration_data, snapshot
from pypdf import PdfReader

from inspector_app.errors import ValidationError
from inspector_app.reports import ReportRequest, generate


def order(person, **extra):
    data = registration_data(person, category="protective_order", start_date="2026-11-02",
                             end_date=None, basis_document="Защитное предписание № 17")
    data.update(extra)
    return data


def breach(person, **extra):
    data = offence_data(person, committed_at="2026-11-20 21:00", article="461-1",
                        penalty="court_referral")
    data.update(extra)
    return data


def refused(services, data) -> set[tuple[str, str]]:
    before = snapshot()
    with pytest.raises(ValidationError) as caught:
        services.offences.create(data)
    assert snapshot() == before
    return errors_of(caught.value)


@pytest.fixture
def other(services):
    return services.persons.create({"surname": "Жақсыбеков", "first_name": "Ерлан"})


def test_a_breach_names_the_order_it_breaches(services, person):
    registration = services.registrations.create(order(person))
    assert refused(services, breach(person)) == {("breached_registration", "v.required")}
    offence = services.offences.create(breach(person, breached_registration=registration.id))
    assert offence.breached_registration_id == registration.id
    assert [o.id for o in services.registrations.breaches(registration)] == [offence.id]
    services.offences.delete(offence.id)
    assert list(services.registrations.breaches(registration)) == []


def test_only_the_offenders_running_order_or_requirements(services, person, other):
    parole = services.registrations.create(registration_data(person))
    theirs = services.registrations.create(order(other))
    ended = services.registrations.create(order(person, start_date="2026-10-01"))  # 30 days
    assert refused(services, breach(person, breached_registration=parole.id)) == {
        ("breached_registration", "v.breach_not_an_order")}
    assert refused(services, breach(person, breached_registration=theirs.id)) == {
        ("breached_registration", "v.breach_of_another_person")}
    with pytest.raises(ValidationError) as caught:
        services.offences.create(breach(person, breached_registration=ended.id))
    assert caught.value.for_field("breached_registration")[0].message("ru") == (
        "Нарушенное защитное предписание или особые требования: не действовало в день "
        "правонарушения (с 01.10.2026 по 31.10.2026)")
    assert [r.id for r in services.registrations.breachable(person.id, ended.end_date)] == [
        ended.id]


def test_other_articles_name_no_order(services, person):
    registration = services.registrations.create(order(person))
    offence = services.offences.create(offence_data(person, breached_registration=registration.id))
    assert offence.breached_registration_id is None


def test_a_breach_recorded_before_the_link_stays_editable(services, person):
    registration = services.registrations.create(order(person))
    offence = services.offences.create(breach(person, breached_registration=registration.id))
    services.db.execute_sql("UPDATE offence SET breached_registration_id = NULL WHERE id = ?",
                            (offence.id,))
    assert services.offences.update(offence.id, {"erap_number": "77"}).erap_number == "77"
    with pytest.raises(ValidationError):
        services.offences.update(offence.id, {"article": "461-2"})


def test_the_protocol_names_the_breached_order(services, person, tmp_path):
    registration = services.registrations.create(order(person))
    offence = services.offences.create(breach(person, breached_registration=registration.id))
    out = tmp_path / "protocol.pdf"
    generate(services, ReportRequest("protocol", record_id=offence.id), out)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(str(out)).pages).split())
    assert ("Нарушенное защитное предписание или особые требования Защитное предписание, "
            "02.11.2026–02.12.2026, Защитное предписание № 17") in text


# -- the form -------------------------------------------------------------------------------
@pytest.fixture
def ctx(services, tmp_path, qapp):
    from test_ui_forms_support import make_ctx

    return make_ctx(services, tmp_path)


def test_the_form_offers_the_offenders_running_orders_under_461(qtbot, ctx, services, person,
                                                                other):
    from qt_helpers import choose, click, type_text
    from test_ui_forms_offence import pick_article
    from test_ui_forms_support import show

    from ui.forms.offence_form import OffenceForm

    registration = services.registrations.create(order(person))
    services.registrations.create(order(other))
    services.registrations.create(order(person, start_date="2026-10-01"))  # ended 31.10
    form = show(qtbot, OffenceForm(ctx))
    row = form.binding("breached_registration").container
    pick_article(qtbot, form, "437", "437-1")
    assert not row.isVisibleTo(form)
    form.offender.set_value(person.id)
    pick_article(qtbot, form, "461", "461-1")
    assert row.isVisibleTo(form)
    assert form.binding("breached_registration").label.text().endswith("*")
    title = "Защитное предписание, 02.11.2026–02.12.2026, Защитное предписание № 17"
    assert [form.breached.itemText(i) for i in range(form.breached.count())] == ["—", title]
    type_text(form.place, "ул. Абая, 12")
    type_text(form.description, "Нарушил защитное предписание")
    choose(qtbot, form.penalty, "Направление в суд")
    click(qtbot, form.save_button)
    assert form.field_errors("breached_registration").endswith("обязательное поле")
    choose(qtbot, form.breached, title)
    click(qtbot, form.save_button)
    offence = services.offences.get(form.saved_id)
    assert offence.breached_registration_id == registration.id


def test_the_link_reaches_the_district_with_its_order(tmp_path):
    from sync_fixtures import fill_point, make_district, make_point, use

    from inspector_app.storage.models import Registration
    from inspector_app.sync.export import export_package
    from inspector_app.sync.importer import import_files

    district = make_district(tmp_path)
    point = make_point(tmp_path, "ATY-017", district=district)
    try:
        fill_point(point)  # holds a breach of a protective order
        use(point)
        linked = point.db.execute_sql(
            "SELECT id, breached_registration_id FROM offence "
            "WHERE breached_registration_id IS NOT NULL").fetchall()
        assert len(linked) == 1
        out = tmp_path / "out"
        out.mkdir()
        package = export_package(point, out).path
        use(district)
        assert import_files(district, [package], trust_new=True).files[0].ok
        registration = Registration.get_by_id(linked[0][1])
        assert [o.id for o in district.registrations.breaches(registration)] == [linked[0][0]]
    finally:
        point.db.close()
        district.db.close()
