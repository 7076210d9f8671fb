"""Printed one-record documents (protocol, visit record) and the report layout fixes:
the monthly chart, headings that never split a word, hanging indents of article names."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
import ui_fixtures
from core_factories import registration_data
from pypdf import PdfReader
from reportlab.graphics import renderPDF
from reportlab.graphics.charts.barcharts import VerticalBarChart

from inspector_app.errors import NotFound
from inspector_app.queries.registers import REGISTERS, Filters
from inspector_app.queries.stats_series import MonthlySeries
from inspector_app.reports import ReportRequest, generate
from inspector_app.reports.chart import MAX_BAR, activity_chart, bar_width, value_scale
from inspector_app.reports.journal import column_title
from inspector_app.reports.layout import spread_widths


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def words(path) -> list[set[str]]:
    """The words of each page as extracted (a word split across two lines is two words)."""
    return [set(re.findall(r"[\w-]+", page.extract_text()))
            for page in PdfReader(str(path)).pages]


@pytest.fixture
def offence(services, person):
    victim = services.persons.create({"surname": "Жұмабаев", "first_name": "Марат",
                                      "patronymic": "Серікұлы", "address": "ул. Абая, 12"})
    return services.offences.create({
        "committed_at": "2026-11-24 23:40", "place": "г. Атырау, ул. Абая, 12, кв. 5",
        "offender": person.id, "victim": victim.id, "article": "73-1",
        "description": "В ходе ссоры выражалась нецензурной бранью, на замечания не реагировала.",
        "penalty": "fine", "fine_mrp": Decimal("10")})


@pytest.mark.parametrize("lang, expected", [
    ("ru", ["ПРОТОКОЛ № ATY-017-P-2026-00001", "об административном правонарушении",
            "Протокол составил", "Капитан полиции, Ержанов Асхат Серікұлы",
            "Сейтқалиева Әйгерім Нұрланқызы", "900215400102", "24.11.2026 23:40",
            "г. Атырау, ул. Абая, 12, кв. 5",
            "Ст. 73 ч. 1 — Противоправные действия в сфере семейно-бытовых отношений",
            "Жұмабаев Марат Серікұлы", "Штраф: 10 МРП (43 250 ₸)",
            "Свидетели", "статьей 744 КоАП РК", "Объяснение лица",
            "Свидетель", "Потерпевший", "Ә. Н. Сейтқалиева", "А. С. Ержанов",
            "копию протокола получил(а)", "стр. 1 из 1"]),
    ("kk", ["ХАТТАМА № ATY-017-P-2026-00001", "әкімшілік құқық бұзушылық туралы",
            "Хаттаманы жасаған", "Полиция капитаны, Ержанов Асхат Серікұлы",
            "73-бап 1-бөлік", "Айыппұл: 10 АЕК (43 250 ₸)", "Куәлар", "744-бабында",
            "Куә", "Жәбірленуші", "Жауапкершілікке тартылатын адам", "1-бет, барлығы 1"]),
])
def test_protocol_lays_out_the_record_with_signature_lines(services, offence, tmp_path, lang,
                                                           expected):
    out = tmp_path / "protocol.pdf"
    assert generate(services, ReportRequest("protocol", record_id=offence.id, lang=lang),
                    out) == 1
    text = norm(PdfReader(str(out)).pages[0].extract_text())
    for piece in expected:
        assert norm(piece) in text, piece
    if lang == "ru":
        assert text.count("Свидетель") == 2  # a signature line for each of two witnesses


@pytest.mark.parametrize("lang, expected", [
    ("ru", ["СПРАВКА", "о профилактическом посещении", "25.11.2026 09:40",
            "ул. Абая, 12, кв. 3", "Беседа", "Ёлкин Пётр Ильич", "Условно-досрочно",
            "нарушений не выявлено", "Участковый инспектор полиции", "А. С. Ержанов",
            "С содержанием ознакомлен(а)", "П. И. Ёлкин"]),
    ("kk", ["АНЫҚТАМА", "профилактикалық бару туралы", "ул. Абая, 12, 3-пәтер",
            "бұзушылықтар анықталған жоқ", "Учаскелік полиция инспекторы",
            "Мазмұнымен таныстым"]),
])
def test_visit_record_lays_out_the_visit(services, tmp_path, lang, expected):
    person = services.persons.create({"surname": "Ёлкин", "first_name": "Пётр",
                                      "patronymic": "Ильич"})
    registration = services.registrations.create(registration_data(
        person, start_date="2026-09-01", check_interval_days=30))
    visit = services.visits.create({
        "visited_at": "2026-11-25 09:40", "kind": "registration_check", "dwelling_kind": "flat",
        "address_text": "ул. Абая, 12", "flat": "3", "person": person.id,
        "registration": registration.id})
    out = tmp_path / "visit.pdf"
    assert generate(services, ReportRequest("visit", record_id=visit.id, lang=lang), out) == 1
    text = norm(PdfReader(str(out)).pages[0].extract_text())
    for piece in expected:
        if piece in ("Беседа", "Условно-досрочно"):
            continue  # catalogue titles: checked through the catalogue below
        assert norm(piece) in text, piece
    cats = services.catalogues
    assert cats.title("visit_kinds", "registration_check", lang) in text
    assert norm(cats.title("registration_categories", "parole", lang)) in text


def test_documents_refuse_unknown_and_missing_records(services, tmp_path):
    out = tmp_path / "x.pdf"
    for kind in ("protocol", "visit"):
        with pytest.raises(NotFound):
            generate(services, ReportRequest(kind, record_id="0" * 32), out)
        with pytest.raises(Exception, match="record"):
            generate(services, ReportRequest(kind), out)
    assert not out.exists()


def test_cli_prints_protocol_by_number_and_visit_by_id(services, offence, db_path, tmp_path,
                                                       capsys):
    from inspector_app.cli import main

    visit = services.visits.create({"visited_at": "2026-11-25 09:40", "kind": "conversation",
                                    "dwelling_kind": "flat", "address_text": "ул. Абая, 12",
                                    "person": offence.offender_id})
    out = tmp_path / "p.pdf"
    assert main(["--db", str(db_path), "report", "protocol", "--protocol",
                 "aty-017-p-2026-00001", "--out", str(out), "--lang", "kk"]) == 0
    assert "ХАТТАМА" in PdfReader(str(out)).pages[0].extract_text()
    assert main(["--db", str(db_path), "report", "visit", "--record", visit.id,
                 "--out", str(tmp_path / "v.pdf")]) == 0
    capsys.readouterr()
    assert main(["--db", str(db_path), "report", "protocol", "--protocol", "NOPE",
                 "--out", str(tmp_path / "n.pdf")]) == 1
    assert "Протокол № NOPE не найден" in capsys.readouterr().err
    assert main(["--db", str(db_path), "report", "visit", "--out", str(tmp_path / "n.pdf")]) == 1
    assert "--record" in capsys.readouterr().err
    assert not (tmp_path / "n.pdf").exists()


# -- the monthly chart ----------------------------------------------------------------------


def chart_of(drawing) -> VerticalBarChart:
    return next(c for c in drawing.contents if isinstance(c, VerticalBarChart))


def series(months, values) -> MonthlySeries:
    """The first charted kinds get ``values``; the rest (the КУИ, ...) count nothing."""
    from inspector_app.queries.stats_series import SERIES

    names = [name for name, *_ in SERIES]
    values = [*values, *([0] * len(months) for _ in names[len(values):])]
    return MonthlySeries(tuple(months), {n: tuple(v) for n, v in zip(names, values,
                                                                     strict=True)})


@pytest.mark.parametrize("peak", [*range(0, 60), 99, 100, 101, 999, 1234, 50_000])
def test_value_axis_has_headroom_above_the_highest_bar(peak):
    top, step = value_scale(peak)
    assert top > peak and top >= peak * 1.12 and top % step == 0 and top / step <= 10


@pytest.mark.parametrize("lang, label", [("ru", "ноябрь 2026"), ("kk", "қараша 2026")])
def test_a_one_month_chart_has_slim_labelled_bars_below_the_top(tmp_path, lang, label):
    drawing = activity_chart(series([(2026, 11)], [[18], [34], [4], [0]]), 480, lang)
    chart = chart_of(drawing)
    assert chart.categoryAxis.categoryNames == [label]
    assert chart.valueAxis.valueMax >= 34 * 1.12
    assert bar_width(1, chart.width) <= MAX_BAR
    out = tmp_path / "chart.pdf"
    renderPDF.drawToFile(drawing, str(out))
    text = PdfReader(str(out)).pages[0].extract_text().split()
    assert label.split()[0] in text
    for value in ("18", "34", "4", "0"):
        assert value in text, value  # every bar carries its value


def test_a_year_chart_has_a_bar_group_for_every_month():
    months = [(2026, m) for m in range(1, 13)]
    values = [[m for m in range(1, 13)], [2 * m for m in range(1, 13)], [0] * 12, [1] * 12]
    chart = chart_of(activity_chart(series(months, values), 480, "ru"))
    assert chart.categoryAxis.categoryNames == ["янв", "фев", "мар", "апр", "май", "июн", "июл",
                                                "авг", "сен", "окт", "ноя", "дек"]
    assert chart.valueAxis.valueMax > 24
    assert chart.barLabelFormat is not None and chart.barLabels.angle == 90


def test_the_activity_report_chart_covers_the_period(filled_services, tmp_path):
    out = tmp_path / "activity.pdf"
    generate(filled_services, ReportRequest("activity", date(2026, 9, 1), date(2026, 11, 30)),
             out)
    text = norm(" ".join(p.extract_text() for p in PdfReader(str(out)).pages))
    for month in ("сентябрь", "октябрь", "ноябрь"):
        assert month in text


@pytest.fixture
def filled_services(services, person):
    for day in (3, 7, 21):
        services.appeals.create({"received_at": f"2026-10-{day:02d} 10:00",
                                 "channel": "written", "topic": "family_conflict",
                                 "substance": "Конфликт", "applicant": person.id})
    return services


# -- headings and indents -------------------------------------------------------------------


def test_spread_widths_fill_the_width_and_keep_the_minimums():
    widths = spread_widths([6, 56, 32, 19, 19, 18, 28], 500, [10, 20, 20, 60, 60, 70, 20])
    assert abs(sum(widths) - 500) < 1e-6
    assert all(w >= m - 1e-6 for w, m in zip(widths, [10, 20, 20, 60, 60, 70, 20], strict=True))
    tight = spread_widths([1, 1], 50, [40, 40])
    assert abs(sum(tight) - 50) < 1e-6


@pytest.mark.parametrize("lang", ["ru", "kk"])
@pytest.mark.parametrize("name", list(REGISTERS))
def test_journal_headings_never_split_a_word(services, tmp_path, lang, name):
    ui_fixtures.seed(services)  # a row in every register, so the heading row is printed
    register = REGISTERS[name]
    out = tmp_path / f"{name}.pdf"
    generate(services, ReportRequest("register", register=name, lang=lang,
                                     filters=Filters()), out)
    first = words(out)[0]
    for column in register.columns:
        for word in re.findall(r"[\w-]+", column_title(column, lang)):
            assert word in first, (name, column.key, word)


@pytest.mark.parametrize("lang, heading", [("ru", "Дней просрочки"),
                                           ("kk", "Мерзімі өтті, күн")])
def test_overdue_list_heading_keeps_its_words(services, person, tmp_path, lang, heading):
    services.registrations.create(registration_data(
        person, category="protective_order", start_date="2026-09-01", check_interval_days=7))
    out = tmp_path / "activity.pdf"
    generate(services, ReportRequest("activity", date(2026, 11, 1), date(2026, 11, 30),
                                     lang=lang), out)
    page_words = set().union(*words(out))
    for word in re.findall(r"\w+", heading):
        assert word in page_words, word


def test_wrapped_article_names_hang_under_their_title(services, person, tmp_path):
    services.offences.create({"committed_at": "2026-11-05 22:00", "place": "ул. Абая, 12",
                              "offender": person.id, "article": "440-1",
                              "description": "Распивал", "penalty": "fine",
                              "fine_mrp": Decimal("5")})
    out = tmp_path / "activity.pdf"
    generate(services, ReportRequest("activity", date(2026, 11, 1), date(2026, 11, 30)), out)
    lines = text_lines(out)
    first = next(i for i, (_, t) in enumerate(lines) if t.startswith("ст. 440 —"))
    title_x = lines[first][0]
    continuation_x = lines[first + 1][0]
    assert continuation_x > title_x + 20  # under the title after "ст. 440 — ", not under "ст."


def text_lines(path) -> list[tuple[float, str]]:
    """Every piece of text drawn, with its x position, in drawing order."""
    lines: list[tuple[float, str]] = []
    for page in PdfReader(str(path)).pages:
        page.extract_text(visitor_text=lambda text, cm, tm, *_: lines.append(
            (tm[4] * cm[0] + cm[4], text.strip())) if text.strip() else None)
    return lines


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_journal_dates_and_catalogue_words_stay_whole(services, person, tmp_path, lang):
    services.offences.create({"committed_at": "2026-11-05 22:00", "place": "ул. Абая, 12",
                              "offender": person.id, "article": "440-3",
                              "description": "Распивал", "penalty": "public_works",
                              "public_works_hours": 20, "status": "considered",
                              "works_consent": "given", "works_consent_on": "2026-11-06"})
    out = tmp_path / "offences.pdf"
    generate(services, ReportRequest("register", register="offences", lang=lang,
                                     filters=Filters()), out)
    assert "05.11.2026" in {t for _, t in text_lines(out)}  # the date is not cut in two
    page_words = words(out)[0]
    penalty = services.catalogues.title("penalties", "public_works", lang)
    assert all(word in page_words for word in penalty.split())


def test_row_stream_hangs_the_continuation_lines_of_its_hanging_columns(tmp_path):
    from reportlab.platypus import SimpleDocTemplate

    from inspector_app.reports.fonts import register_fonts
    from inspector_app.reports.tables import RowStream

    register_fonts()
    name = "Ст. 440 ч. 1 — Распитие алкогольных напитков или появление в общественных местах"
    out = tmp_path / "stream.pdf"
    for hanging in ((), (0,)):
        SimpleDocTemplate(str(out)).build([RowStream(["Статья"], [[name]], [90],
                                                     hanging=hanging)])
        lines = [(x, t) for x, t in text_lines(out) if t != "Статья"]
        assert len(lines) >= 3
        indents = {round(x - lines[0][0], 1) for x, _ in lines[1:]}
        assert indents == ({0.0} if not hanging else {7.5})  # one font size
