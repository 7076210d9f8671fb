"""The КУИ register: reports and information on criminal offences, their deadlines, sync.

The clock stands at 25.11.2026 10:30.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from core_factories import errors_of

from inspector_app.errors import ValidationError
from inspector_app.queries.registers import REGISTERS, Filters


def report_data(reporter=None, **extra):
    data = {"received_at": "2026-11-24 22:10", "source": "written_statement",
            "reporter": reporter.id if reporter is not None else None,
            "substance": "Из подъезда украден велосипед"}
    data.update(extra)
    return data


def refused(services, data, record_id=None) -> set[tuple[str, str]]:
    with pytest.raises(ValidationError) as caught:
        if record_id:
            services.crime_reports.update(record_id, data)
        else:
            services.crime_reports.create(data)
    return errors_of(caught.value)


def test_a_report_is_due_for_registration_24_hours_after_receipt(services, person):
    report = services.crime_reports.create(report_data(person))
    assert report.registration_due == datetime(2026, 11, 25, 22, 10)
    assert (report.status, report.due_at) == ("received", datetime(2026, 11, 25, 22, 10))
    assert report.officer_id == services.current_staff_id()
    source = services.catalogues.get("deadlines", "kui_registration").extra["source"]
    assert source["status"] == "unverified"  # the 24 hours are reference data


def test_who_reported_is_required_for_a_statement_not_for_an_officers_report(services):
    assert refused(services, report_data()) == {("reporter", "v.required")}
    report = services.crime_reports.create(report_data(source="official_report"))
    assert report.reporter_id is None


def test_registration_then_the_check_and_its_extension_drive_the_deadline(services, person):
    report = services.crime_reports.create(report_data(person))
    assert refused(services, {"registered_at": "2026-11-25 09:00"}, report.id) == {
        ("kui_number", "v.required")}
    registered = services.crime_reports.update(report.id, {
        "registered_at": "2026-11-25 09:00", "kui_number": "264000031000123",
        "check_due": "2026-12-04"})
    assert (registered.status, registered.due_at) == ("in_check", datetime(2026, 12, 4, 23, 59,
                                                                             59))
    assert refused(services, {"check_extended_until": "2026-12-14"}, report.id) == {
        ("extension_reason", "v.required")}
    assert refused(services, {"check_extended_until": "2026-12-01",
                              "extension_reason": "Экспертиза"}, report.id) == {
        ("check_extended_until", "v.end_before_start")}
    extended = services.crime_reports.update(report.id, {
        "check_extended_until": "2026-12-14", "extension_reason": "Назначена экспертиза"})
    assert extended.due_at == datetime(2026, 12, 14, 23, 59, 59)


def test_a_decision_closes_the_record_and_registration_in_the_erdr_needs_its_number(
        services, person):
    report = services.crime_reports.create(report_data(person))
    assert refused(services, {"decision": "erdr_registered"}, report.id) == {
        ("erdr_number", "v.required")}
    decided = services.crime_reports.update(report.id, {
        "decision": "erdr_registered", "erdr_number": "262300031000456",
        "handed_to": "СО УП г. Атырау, следователь Ахметов", "handed_on": "2026-11-25"})
    assert (decided.status, decided.due_at, decided.decided_on) == (
        "decided", None, date(2026, 11, 25))
    assert decided.handed_to.startswith("СО УП")
    assert list(services.crime_reports.deadlines()) == []


def test_the_deadline_list_puts_the_overdue_first(services, person):
    later = services.crime_reports.create(report_data(person, received_at="2026-11-25 08:00"))
    late = services.crime_reports.create(report_data(person, received_at="2026-11-23 09:00"))
    services.crime_reports.create(report_data(person, decision="no_offence"))
    assert [r.id for r in services.crime_reports.deadlines()] == [late.id, later.id]
    assert [r.id for r in services.crime_reports.overdue()] == [late.id]
    register = REGISTERS["crime-reports"]
    assert [row["id"] for row in register.page(Filters(status="overdue",
                                                       today=date(2026, 11, 25)))] == [late.id]
    assert register.count(Filters(status="decided")) == 1


def test_a_report_is_found_by_its_numbers_and_text(services, person):
    report = services.crime_reports.create(report_data(person, kui_number="264000031000777",
                                                       registered_at="2026-11-25 09:00"))
    assert [h.record_id for h in services.search.records(
        "велосипед", kinds=("crime_report",))] == [report.id]
    assert [h.record_id for h in services.search.records(
        "264000031000777", kinds=("crime_report",))] == [report.id]


def test_a_kui_record_reaches_the_district_with_its_later_decision(tmp_path):
    from sync_fixtures import region, table_rows, use

    from inspector_app.sync.export import export_package
    from inspector_app.sync.importer import import_files
    from inspector_app.sync.results import IMPORTED

    with region(tmp_path, ("ATY-017",)) as (district, (point,), out):
        use(point)
        person = point.persons.create({"surname": "Жұмабеков", "first_name": "Ерлан"})
        report = point.crime_reports.create(report_data(
            person, registered_at="2026-11-25 09:00", kui_number="264000031000123",
            check_due="2026-12-04", check_extended_until="2026-12-14",
            extension_reason="Экспертиза", handed_to="СО УП г. Атырау"))
        point.crime_reports.create(report_data(source="phone_102"))
        first = export_package(point, out)
        point.crime_reports.update(report.id, {"decision": "erdr_registered",
                                               "erdr_number": "262300031000456"})
        second = export_package(point, out)
        sent = table_rows(point, "crime_report", "ATY-017")
        use(district)
        batch = import_files(district, [first.path, second.path], trust_new=True)
        assert [f.status for f in batch.files] == [IMPORTED, IMPORTED]
        held = table_rows(district, "crime_report", "ATY-017")
        assert held == sent
        assert held[report.id]["erdr_number"] == "262300031000456"
        assert held[report.id]["status"] == "decided"
        assert [h.record_id for h in district.search.records(
            "264000031000123", kinds=("crime_report",))] == [report.id]


def test_the_register_exports_to_a_spreadsheet_named_without_forbidden_characters(
        services, person, tmp_path):
    from openpyxl import load_workbook

    from inspector_app.queries.export_table import export_register

    services.crime_reports.create(report_data(person))
    out = tmp_path / "kui.xlsx"
    assert export_register(services, REGISTERS["crime-reports"], Filters(), out) == 1
    book = load_workbook(out)
    assert ":" not in book.sheetnames[0] and book.sheetnames[0].startswith("КУИ")


def test_the_deadline_counts_come_in_one_query(services, person):
    report = services.crime_reports.create(report_data(person, received_at="2026-11-23 09:00"))
    services.crime_reports.create(report_data(person, received_at="2026-11-25 08:00"))
    assert services.crime_reports.deadline_counts() == (2, 1)
    services.crime_reports.update(report.id, {"decision": "no_offence"})
    assert services.crime_reports.deadline_counts() == (1, 0)
