"""КУИ in the activity report (issue 17): reports and information on criminal offences counted
by source and decision beside the same period last year, late registrations and ЕРДР entries;
printed as a section of the PDF activity report.

The clock stands at 25.11.2026 10:30.
"""

from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader

from inspector_app.queries.stats import StatsScope, compute
from inspector_app.reports import ReportRequest, generate

NOVEMBER = StatsScope(date(2026, 11, 1), date(2026, 11, 30))


def report(services, person, received, source="written_statement", **extra):
    return services.crime_reports.create({
        "received_at": received, "source": source, "reporter": person.id,
        "substance": "Украден велосипед", **extra})


@pytest.fixture
def kui(services, person):
    report(services, person, "2026-11-02 10:00", registered_at="2026-11-02 12:00",
           kui_number="264000031000001", decision="erdr_registered",
           erdr_number="264000031000777", decided_on="2026-11-03")
    report(services, person, "2026-11-10 10:00", "phone_102",
           registered_at="2026-11-12 09:00", kui_number="264000031000002")  # after 24 h
    report(services, person, "2026-11-24 09:00", "phone_102")  # unregistered, past 24 h now
    report(services, person, "2026-11-25 09:00")  # still within its 24 hours
    report(services, person, "2025-11-05 10:00", registered_at="2025-11-05 11:00",
           kui_number="264000031000003")  # last year
    report(services, person, "2026-10-31 23:00", registered_at="2026-11-01 08:00",
           kui_number="264000031000004")  # October
    return services


def figures(stats, *codes):
    return {code: (stats.value(code), stats.value(code, previous=True)) for code in codes}


def test_kui_is_counted_by_source_decision_deadline_and_erdr(kui):
    stats = compute(kui, NOVEMBER)
    assert figures(stats, "kui.received", "kui.late", "kui.erdr",
                   "kui.source.written_statement", "kui.source.phone_102",
                   "kui.decision.erdr_registered", "kui.decision.none") == {
        "kui.received": (4, 1), "kui.late": (2, 0), "kui.erdr": (1, 0),
        "kui.source.written_statement": (2, 1), "kui.source.phone_102": (2, 0),
        "kui.decision.erdr_registered": (1, 0), "kui.decision.none": (3, 1)}
    section = next(s for s in stats.sections if s.code == "crime_reports")
    assert section.rows[0].code == "kui.received"


def test_a_deleted_report_is_not_counted(kui, person):
    gone = report(kui, person, "2026-11-20 10:00")
    kui.crime_reports.delete(gone.id)
    assert compute(kui, NOVEMBER).value("kui.received") == 4


@pytest.mark.parametrize(("lang", "lines"), [
    ("ru", ["Заявления и сообщения об уголовных правонарушениях (КУИ)",
            "Поступило заявлений и сообщений 4 1", "Зарегистрировано с нарушением срока 2 0",
            "Внесено в ЕРДР 1 0"]),
    ("kk", ["Қылмыстық құқық бұзушылықтар туралы арыздар мен хабарлар (КУИ)",
            "Түскен арыздар мен хабарлар 4 1"]),
])
def test_the_activity_report_prints_the_kui_section(kui, tmp_path, lang, lines):
    out = tmp_path / "activity.pdf"
    generate(kui, ReportRequest("activity", NOVEMBER.date_from, NOVEMBER.date_to, lang=lang),
             out)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(str(out)).pages).split())
    for line in lines:
        assert line in text
