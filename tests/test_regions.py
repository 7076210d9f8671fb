"""All of Kazakhstan: regions and their districts, the report header from the profile."""

from __future__ import annotations

from datetime import date

import pytest
from core_factories import offence_data
from pypdf import PdfReader

from inspector_app.reports import ReportRequest, generate
from inspector_app.reports.formatting import region_police
from inspector_app.storage.models import Point

CITIES = {"astana", "almaty", "shymkent"}


def test_every_region_and_city_has_its_districts_and_police_department(services):
    cats = services.catalogues
    regions = cats.items("regions")
    assert len(regions) == 20
    cities = {r.code for r in regions if r.extra["kind"] == "city_of_republican_significance"}
    assert cities == CITIES
    for region in regions:
        districts = [d for d in cats.items("districts") if d.extra["region"] == region.code]
        assert districts, region.code
        for lang in ("ru", "kk", "en"):
            assert region.extra[f"police_department_{lang}"].strip()
        assert region.extra["source"]["status"] in ("secondary", "unverified")
    atyrau = [d.code for d in cats.items("districts") if d.extra["region"] == "atyrau"]
    assert atyrau == ["atyrau_city", "zhylyoi", "inder", "isatay", "kyzylkoga", "kurmangazy",
                      "makat", "makhambet"]  # the demo's codes kept


@pytest.mark.parametrize(("region", "lang", "heading"), [
    ("Атырауская область", "ru", "Департамент полиции Атырауской области"),
    ("Атырауская область", "kk", "Атырау облысының Полиция департаменті"),
    ("Область Абай", "ru", "Департамент полиции области Абай"),
    ("Ұлытау облысы", "ru", "Департамент полиции области Ұлытау"),
    ("Город Шымкент", "kk", "Шымкент қаласының Полиция департаменті"),
    ("Город Астана", "en", "Police Department of Astana"),
    ("Приозёрный край", "ru", "Департамент полиции Приозёрный край"),  # typed by hand
])
def test_the_regional_police_department_follows_the_region(services, region, lang, heading):
    assert region_police(services.catalogues, region, lang) == heading


def pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


@pytest.mark.parametrize(("lang", "heading"), [
    ("ru", "Департамент полиции Мангистауской области"),
    ("kk", "Маңғыстау облысының Полиция департаменті"),
])
def test_the_report_header_comes_from_the_points_profile(services, person, tmp_path, lang,
                                                         heading):
    Point.update(region="Мангистауская область", department="УП г. Актау").execute()
    offence = services.offences.create(offence_data(person))
    activity = tmp_path / "activity.pdf"
    generate(services, ReportRequest("activity", date(2026, 11, 1), date(2026, 11, 30),
                                     lang=lang), activity)
    protocol = tmp_path / "protocol.pdf"
    generate(services, ReportRequest("protocol", record_id=offence.id, lang=lang), protocol)
    for path in (activity, protocol):
        text = pdf_text(path)
        assert heading in text and "УП г. Актау" in text
        assert "Атырау" not in text.split("УП г. Актау")[0]
