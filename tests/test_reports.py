"""PDF reports: printed figures equal the stats, page numbers, long tables, talon, CLI."""

from __future__ import annotations

import io
import re
import sys
from datetime import date, datetime

import pytest
from pypdf import PdfReader

from inspector_app.cli import main
from inspector_app.domain.clock import FixedClock
from inspector_app.queries.registers import REGISTERS, Filters
from inspector_app.queries.stats import StatsScope, compute
from inspector_app.reports import ReportCancelled, ReportRequest, generate
from inspector_app.reports.formatting import format_change, format_number
from inspector_app.reports.layout import wrap_text
from inspector_app.services.setup import open_services
from inspector_app.storage.models import Appeal, Point


def pdf_text(path) -> tuple[list[str], str]:
    """Each page's text, and all of it with whitespace (no-break spaces too) collapsed."""
    pages = [page.extract_text() for page in PdfReader(str(path)).pages]
    return pages, norm(" ".join(pages))


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def assert_figures_printed(text: str, stats, lang: str, catalogues) -> int:
    """Every indicator line of ``stats`` appears as label, figure, АППГ, change."""
    checked = 0
    for section in stats.sections:
        for row in section.rows:
            line = " ".join([row.text(lang, catalogues), format_number(row.current, row.kind, lang),
                             format_number(row.previous, row.kind, lang),
                             format_change(row.change_pct, lang)])
            assert norm(line) in text, line
            checked += 1
    return checked


@pytest.fixture
def filled(services, person):
    """A point with records in 2025 and 2026 (one overdue registration check)."""
    s = services
    s.appeals.create({"received_at": "2025-10-02 10:00", "channel": "phone", "topic": "noise",
                      "substance": "Шум", "applicant": person.id, "decision": "explained",
                      "resolved_on": "2025-10-03"})
    for day in (3, 7, 21):
        s.appeals.create({"received_at": f"2026-10-{day:02d} 10:00", "channel": "written",
                          "topic": "family_conflict", "substance": "Конфликт в семье",
                          "applicant": person.id})
    s.offences.create({"committed_at": "2026-10-05 22:00", "place": "ул. Абая, 12",
                       "offender": person.id, "article": "434-1", "description": "Шумел",
                       "penalty": "fine", "fine_mrp": 20, "status": "considered"})
    s.visits.create({"visited_at": "2026-10-06 12:00", "kind": "apartment_round",
                     "dwelling_kind": "flat", "address_text": "ул. Сатпаева, 5", "flat": "1"})
    s.registrations.create({"person": person.id, "category": "protective_order",
                            "start_date": "2026-10-01", "end_date": "2027-10-01",
                            "basis_document": "Защитное предписание № 17"})
    s.meetings.create({"held_at": "2026-10-10 18:00", "kind": "assembly",
                       "place": "Двор дома 5", "attendance": 1234})
    s.feedback.create({"collected_at": "2026-10-10 19:00", "rating": 4, "trusts_police": True})
    return s


@pytest.mark.parametrize("lang", ["ru", "kk"])
@pytest.mark.parametrize("start, end", [
    (date(2026, 10, 1), date(2026, 10, 31)),   # a month with last year's data
    (date(2026, 1, 1), date(2026, 12, 31)),    # a year
    (date(2026, 10, 4), date(2026, 10, 8)),    # no last-year data
    (date(2019, 1, 1), date(2019, 3, 31)),     # nothing at all
])
def test_activity_report_prints_the_stats_figures(filled, tmp_path, lang, start, end):
    out = tmp_path / "activity.pdf"
    pages = generate(filled, ReportRequest("activity", start, end, lang=lang), out)
    page_texts, text = pdf_text(out)
    assert len(page_texts) == pages
    stats = compute(filled, StatsScope(start, end))
    assert assert_figures_printed(text, stats, lang, filled.catalogues) > 40
    heading = {"ru": "Республика Казахстан", "kk": "Қазақстан Республикасы"}[lang]
    assert heading in page_texts[0]
    assert {"ru": "Атырауской области", "kk": "Атырау облысының"}[lang] in page_texts[0]
    last = {"ru": f"стр. {pages} из {pages}", "kk": f"{pages}-бет, барлығы {pages}"}[lang]
    assert last in page_texts[-1]


def test_page_numbers_and_headings_on_every_page(filled, tmp_path):
    out = tmp_path / "activity.pdf"
    pages = generate(filled, ReportRequest("activity", date(2026, 1, 1), date(2026, 12, 31)),
                     out)
    texts, _ = pdf_text(out)
    assert pages >= 2
    for number, text in enumerate(texts, 1):
        assert f"стр. {number} из {pages}" in text


def test_activity_report_lists_overdue_checks_and_signature(filled, tmp_path):
    out = tmp_path / "activity.pdf"
    generate(filled, ReportRequest("activity", date(2026, 10, 1), date(2026, 10, 31)), out)
    _, text = pdf_text(out)
    assert "Просроченные проверки подучетных лиц на 31.10.2026" in text
    assert "Сейтқалиева Әйгерім Нұрланқызы" in text and "08.10.2026" in text  # due, 7 days
    assert "А. С. Ержанов" in text and "Дата: 25.11.2026" in text
    assert "за октябрь 2026 г." in text


def test_inspector_report_names_the_inspector(filled, tmp_path):
    staff = filled.staff.by_login("erzhanov")
    out = tmp_path / "inspector.pdf"
    generate(filled, ReportRequest("activity", date(2026, 9, 1), date(2026, 11, 1),
                                   inspector_id=staff.id), out)
    _, text = pdf_text(out)
    assert "ОТЧЕТ о работе участкового инспектора полиции" in text
    assert "Участковый инспектор полиции: Ержанов Асхат Серікұлы" in text
    assert "за период ОПМ «Участок» с 01.09.2026 по 01.11.2026" in text


def test_a_300_row_journal_breaks_cleanly_with_the_heading_on_every_page(services, tmp_path):
    for i in range(300):
        services.meetings.create({"held_at": datetime(2026, 1, 1, 9) .replace(
            day=1 + i % 28, month=1 + i // 28), "kind": "assembly", "place": f"Место-{i:03d}",
            "attendance": i, "questions": "Очень длинный вопрос жителей о работе полиции " * 3})
    out = tmp_path / "meetings.pdf"
    filters = Filters(date_from=date(2026, 1, 1), date_to=date(2026, 12, 31))
    pages = generate(services, ReportRequest("register", register="meetings",
                                             filters=filters), out)
    texts, _ = pdf_text(out)
    assert pages == len(texts) >= 4
    places = []
    for number, text in enumerate(texts, 1):
        flat = norm(text)
        heading = flat.index("Дата и время")
        assert heading < flat.index("Место-"), f"page {number} starts without the heading"
        assert flat.count("Дата и время") == 1
        assert f"стр. {number} из {pages}" in flat
        places += re.findall(r"Место-(\d{3})", flat)
    assert places == [f"{i:03d}" for i in sorted(range(300), key=lambda i: (1 + i // 28,
                                                                            1 + i % 28))]
    assert "Всего записей: 300" in texts[0]


def test_journal_of_a_filtered_register_prints_exactly_the_screen_rows(filled, tmp_path):
    out = tmp_path / "appeals.pdf"
    filters = Filters(date_from=date(2026, 10, 1), date_to=date(2026, 10, 31))
    generate(filled, ReportRequest("register", register="appeals", filters=filters,
                                   lang="kk"), out)
    _, text = pdf_text(out)
    numbers = [row["talon_number"] for row in REGISTERS["appeals"].iter_rows(filters)]
    assert len(numbers) == 3
    for number in numbers:
        assert number in text.replace(" ", "")
    assert "ATY-017-T-2025" not in text.replace(" ", "")
    assert "«Азаматтарды қабылдау және өтініштер» журналы" in text


def test_empty_journal_says_so(services, tmp_path):
    out = tmp_path / "empty.pdf"
    assert generate(services, ReportRequest("register", date(2026, 1, 1), date(2026, 1, 31),
                                            register="offences"), out) == 1
    assert "За период записей нет." in pdf_text(out)[1]


@pytest.mark.parametrize("lang, stub, citizen, officer", [
    ("ru", "КОРЕШОК ТАЛОНА", "выдается заявителю", "Капитан полиции, Ержанов Асхат Серікұлы"),
    ("kk", "ТАЛОН ТҮБІРТЕГІ", "өтініш берушіге беріледі",
     "Полиция капитаны, Ержанов Асхат Серікұлы"),
])
def test_talon_and_its_stub_hold_number_date_time_and_officer(services, person, tmp_path, lang,
                                                               stub, citizen, officer):
    appeal = services.appeals.create({"received_at": "2026-11-20 09:15", "channel": "phone",
                                      "topic": "noise", "substance": "Шум",
                                      "applicant": person.id})
    out = tmp_path / "talon.pdf"
    assert generate(services, ReportRequest("talon", appeal_id=appeal.id, lang=lang), out) == 1
    reader = PdfReader(str(out))
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 420)  # A5 landscape: stub | talon
    raw = reader.pages[0].extract_text()
    text = norm(raw)
    assert stub in text and citizen in text
    # the stub (left) and the citizen's talon (right) each carry number, date, time, officer
    assert text.replace(" ", "").count("ATY-017-T-2026-00001") == 2
    assert text.count("20.11.2026") == 2 and text.count("09:15") == 2
    assert norm(raw.replace("\n", " ")).count(officer) == 2
    assert "Пн–Пт 17:00–20:00" in text
    assert "Ә. Н. Сейтқалиева" in text  # the applicant signs the stub for the talon


def test_district_summary_has_a_row_per_point_and_totals(filled, tmp_path):
    filled.points.create({"code": "ATY-018", "name": "УПП №18 «Балыкшы»",
                          "district": "Атырау"})
    moved = Appeal.select().where(Appeal.received_at >= datetime(2026, 10, 20)).get()
    Appeal.update(owner_point="ATY-018").where(Appeal.id == moved.id).execute()
    out = tmp_path / "district.pdf"
    generate(filled, ReportRequest("district", date(2026, 10, 1), date(2026, 10, 31)), out)
    _, text = pdf_text(out)
    assert "УПП №17 (ATY-017)" in text and "УПП №18 «Балыкшы» (ATY-018)" in text
    # appeals 2 / 1 / total 3; АППГ 1 at ATY-017 only
    assert re.search(r"УПП №17 \(ATY-017\) 2 1 ", text)
    assert re.search(r"\(ATY-018\) 1 0 ", text)
    assert re.search(r"Итого 3 1 ", text)
    assert Point.select().count() == 2


@pytest.mark.parametrize("request_, stop_at", [
    (ReportRequest("activity", date(2026, 1, 1), date(2026, 12, 31)), 2),
    (ReportRequest("register", register="appeals"), 2),  # while the pages are being laid out
])
def test_cancelling_leaves_no_file(filled, tmp_path, request_, stop_at):
    calls = []

    def progress(done, total):
        calls.append((done, total))
        return len(calls) < stop_at

    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "cancelled.pdf"
    out.write_bytes(b"an older report")
    with pytest.raises(ReportCancelled):
        generate(filled, request_, out, progress)
    assert out.read_bytes() == b"an older report"
    assert [p.name for p in folder.iterdir()] == ["cancelled.pdf"]
    assert len(calls) == stop_at and calls[0][1] > 0


def test_progress_reaches_the_total(filled, tmp_path):
    calls = []
    generate(filled, ReportRequest("register", register="appeals"), tmp_path / "a.pdf",
             lambda done, total: calls.append((done, total)) or True)
    assert calls[-1][0] == calls[-1][1] == 4


def test_wrap_text_keeps_every_line_inside_the_width():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from inspector_app.reports.fonts import CONDENSED, register_fonts

    register_fonts()
    text = "Константинопольская-Вознесенская " + "Ә" * 80 + " г. Атырау, мкр. Нурсая"
    lines = wrap_text(text, CONDENSED, 7, 60)
    assert all(stringWidth(line, CONDENSED, 7) <= 60 for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    cut = wrap_text(text, CONDENSED, 7, 60, max_lines=3)
    assert len(cut) == 3 and cut[-1].endswith("…")


# -- command line ---------------------------------------------------------------------------


@pytest.fixture
def cli(monkeypatch, capsys, filled, db_path):
    monkeypatch.delenv("INSPECTOR_LANG", raising=False)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))

    def call(*argv):
        code = main(["--db", str(db_path), *[str(a) for a in argv]])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return call


def test_cli_writes_each_report(cli, tmp_path):
    for argv in (["activity", "--from", "01.10.2026", "--to", "31.10.2026", "--lang", "kk"],
                 ["activity", "--from", "2026-10-01", "--to", "2026-10-31",
                  "--inspector", "erzhanov"],
                 ["register", "--register", "appeals", "--from", "01.10.2026",
                  "--to", "31.10.2026"],
                 ["talon", "--talon", "ATY-017-T-2026-00002"],
                 ["district", "--from", "01.01.2026", "--to", "31.12.2026"]):
        out = tmp_path / f"{argv[0]}.pdf"
        code, stdout, err = cli("report", *argv, "--out", out)
        assert (code, err) == (0, ""), argv
        assert out.exists() and str(out) in stdout
    _, text = pdf_text(tmp_path / "talon.pdf")
    assert "ATY-017-T-2026-00002" in text.replace(" ", "")


@pytest.mark.parametrize("argv, message", [
    (["activity", "--from", "01.11.2026", "--to", "01.10.2026"], "позже его конца"),
    (["activity", "--from", "01.10.2026", "--to", "31.10.2026", "--inspector", "ghost"],
     "Нет сотрудника с логином «ghost»"),
    (["activity", "--from", "31.02.2026", "--to", "31.10.2026"], "не является датой"),
    (["activity"], "Укажите период"),
    (["talon"], "Укажите номер талона"),
    (["talon", "--talon", "ATY-017-T-2026-09999"], "не найден"),
    (["register", "--from", "01.10.2026", "--to", "31.10.2026"], "Укажите журнал"),
])
def test_cli_report_refuses_bad_input(cli, tmp_path, argv, message):
    out = tmp_path / "x.pdf"
    code, _, err = cli("report", *argv, "--out", out)
    assert code == 1 and message in err
    assert not out.exists()


def test_cli_stats_json_matches_the_core(cli, db_path):
    import json

    code, out, err = cli("stats", "--from", "01.10.2026", "--to", "31.10.2026", "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    services = open_services(db_path, clock=FixedClock(datetime.now()))
    stats = compute(services, StatsScope(date(2026, 10, 1), date(2026, 10, 31)))
    assert data == stats.to_dict("ru", services.catalogues)
    rows = {row["code"]: row for section in data["sections"] for row in section["rows"]}
    assert rows["appeals.received"]["current"] == 3
    assert rows["meetings.attendance"]["current"] == 1234


def test_cli_stats_table_and_errors(cli):
    code, out, err = cli("stats", "--from", "2026-10-01", "--to", "2026-10-31")
    assert code == 0, err
    assert "Период: 01.10.2026 – 31.10.2026; АППГ: 01.10.2025 – 31.10.2025" in out
    line = next(x for x in out.splitlines() if x.startswith("Поступило обращений"))
    assert line.split()[-3:] == ["3", "1", "+200,0"]
    line = next(x for x in out.splitlines() if x.startswith("Присутствовало граждан"))
    assert line.split()[-3:] == ["234", "0", "—"]  # 1 234: grouped with a no-break space
    assert cli("stats", "--from", "02.10.2026", "--to", "01.10.2026")[0] == 1
    code, _, err = cli("stats", "--from", "01.10.2026", "--to", "31.10.2026",
                       "--inspector", "nobody")
    assert code == 1 and "nobody" in err
