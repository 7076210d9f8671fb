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


# -- protocols stored before the link: linked once where unambiguous ------------------------
def _stored_unlinked(services, data) -> str:
    """A protocol as a database from before the link holds it (no registration named)."""
    offence = services.offences.create(data)
    services.db.execute_sql("UPDATE offence SET breached_registration_id = NULL WHERE id = ?",
                            (offence.id,))
    return offence.id


@pytest.fixture
def older(services, person, other):
    """Three old-style breaches: one with exactly one order running that day, one whose
    offender has an order and special requirements running, one with none running."""
    third = services.persons.create({"surname": "Оспанов", "first_name": "Нұрлан"})
    single = services.registrations.create(order(person))
    first = services.registrations.create(order(other))
    second = services.registrations.create(order(
        other, category="special_requirements", end_date="2027-05-02", reports_per_month=2,
        basis_document="Постановление суда № 5"))
    ended = services.registrations.create(order(third, start_date="2026-10-01"))
    breaches = {name: _stored_unlinked(services, breach(who, breached_registration=reg.id,
                                                        committed_at=day))
                for name, who, reg, day in (
                    ("clear", person, single, "2026-11-20 21:00"),
                    ("two", other, first, "2026-11-20 21:00"),
                    ("none", third, ended, "2026-10-20 21:00"))}
    services.db.execute_sql("UPDATE offence SET committed_at = '2026-11-20 22:00:00' "
                            "WHERE id = ?", (breaches["none"],))  # after its order ended
    return {"breaches": breaches, "single": single.id, "orders": {first.id, second.id}}


def test_older_breaches_are_linked_once_where_unambiguous(services, older, db_path):
    import json

    from inspector_app.protection.integrity import check_database
    from inspector_app.queries.audit_log import changed_labels
    from inspector_app.services.breach_links import link_older_breaches, unlinked_breaches
    from inspector_app.services.setup import open_services
    from inspector_app.storage.models import AuditEntry, Offence

    breaches = older["breaches"]
    assert {u.offence.id: u.candidates for u in unlinked_breaches(services)} == {
        breaches["clear"]: 1, breaches["two"]: 2, breaches["none"]: 0}
    services.db.close()
    opened = open_services(db_path, clock=services.clock)  # the first open links
    assert Offence.get_by_id(breaches["clear"]).breached_registration_id == older["single"]
    left = {u.offence.id: u.candidates for u in unlinked_breaches(opened)}
    assert left == {breaches["two"]: 2, breaches["none"]: 0}
    update = AuditEntry.select().where((AuditEntry.record_id == breaches["clear"])
                                       & (AuditEntry.action == "update")).get()
    assert json.loads(update.new_values) == {"breached_registration_id": older["single"]}
    summary = AuditEntry.get(AuditEntry.action == "breaches_linked")
    assert json.loads(summary.new_values) == {
        "linked": {breaches["clear"]: older["single"]},
        "left_unlinked": sorted([breaches["two"], breaches["none"]],
                                key=list(breaches.values()).index)}
    assert changed_labels(summary, "ru") == ("протоколы по ст. 461 КоАП связаны с "
                                             "предписанием: 1; оставлены без связи: 2")
    assert check_database(opened.db) == []
    assert link_older_breaches(opened) is None  # once
    # the protocol stays valid and editable, its link checked now
    assert opened.offences.update(breaches["clear"], {"erap_number": "12"}).erap_number == "12"
    opened.db.close()


def test_nothing_to_link_writes_nothing(services, person):
    from inspector_app.services.breach_links import link_older_breaches
    from inspector_app.storage.models import Meta

    registration = services.registrations.create(order(person))
    services.offences.create(breach(person, breached_registration=registration.id))
    assert link_older_breaches(services) == {}
    assert Meta.get_or_none(Meta.key == "older_breaches_linked") is None


def test_the_home_page_lists_the_breaches_left_unlinked(qtbot, ctx, services, older):
    """After the one-time linking, the two left unlinked are on the home page; Enter opens the
    protocol, the inspector chooses the order and saves: one line is left."""
    from PySide6.QtCore import Qt
    from qt_helpers import choose, click
    from test_ui_forms_support import on_modal

    from inspector_app.services.breach_links import link_older_breaches
    from ui.forms.offence_form import OffenceForm
    from ui.home_page import HomePage

    link_older_breaches(services)
    breaches = older["breaches"]
    home = HomePage(ctx, background=False)
    qtbot.addWidget(home)
    home.resize(1366, 900)
    home.show()
    home.refresh()
    assert home.breach_box.isVisible()
    assert home.breach_box.title() == \
        "Нарушения (ст. 461 КоАП), не связанные с предписанием (2)"
    lines = [home.breaches.topLevelItem(i) for i in range(home.breaches.topLevelItemCount())]
    assert [line.data(0, Qt.ItemDataRole.UserRole + 1) for line in lines] == [
        ("offence", breaches["two"]), ("offence", breaches["none"])]
    assert lines[0].text(0) == "20.11.2026" and lines[0].text(2).startswith("Жақсыбеков")
    assert lines[0].text(3) == "В тот день действовало 2 предписания: выберите одно"
    assert lines[1].text(3) == "В тот день не действовало ни одно предписание: проверьте"
    home.grab().save("/tmp/home-breaches.png")

    def link(form) -> None:
        titles = [form.breached.itemText(i) for i in range(form.breached.count())]
        assert len(titles) == 3  # «—» and the two running that day
        choose(qtbot, form.breached, next(t for t in titles if "Постановление" in t))
        click(qtbot, form.save_button)

    edited = on_modal(OffenceForm, link)
    home.breaches.setCurrentItem(lines[0])
    qtbot.keyClick(home.breaches, Qt.Key.Key_Return)
    assert edited
    assert services.offences.get(breaches["two"]).breached_registration_id in older["orders"]
    home.refresh()
    assert home.breaches.topLevelItemCount() == 1
    assert home.breach_box.title().endswith("(1)")


def test_the_command_line_lists_the_breaches_left_unlinked(services, older, db_path,
                                                           monkeypatch, capsys):
    from test_destruction import _cli

    services.db.close()
    code, out, err = _cli(monkeypatch, capsys, db_path, "breaches")  # the open links first
    assert code == 0, err
    lines = out.strip().splitlines()
    assert lines[0].startswith("Протоколов по ст. 461 КоАП без связи с предписанием: 2")
    assert lines[1].endswith("\t20.11.2026\tЖақсыбеков Ерлан\tв день правонарушения "
                             "действовало 2: выберите одно")
    assert "не действовало ни одно" in lines[2] and "Оспанов" in lines[2]
