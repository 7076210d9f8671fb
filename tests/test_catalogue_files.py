"""Sanity checks of the reference catalogues shipped in resources/catalogues/*.json."""

import json
import re
from datetime import date
from pathlib import Path

import pytest

CATALOGUE_DIR = Path(__file__).resolve().parent.parent / "resources" / "catalogues"

EXPECTED = {
    "channels",
    "appeal_topics",
    "appeal_decisions",
    "appeal_statuses",
    "visit_kinds",
    "visit_findings",
    "dwelling_kinds",
    "registration_categories",
    "registration_tags",
    "offence_articles",
    "penalties",
    "offence_statuses",
    "meeting_kinds",
    "security_concerns",
    "staff_roles",
    "ranks",
    "organisation_kinds",
    "districts",
    "regions",
    "offender_subjects",
    "mrp_rates",
    "days_off",
}

SNAKE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
ARTICLE_CODE = re.compile(r"^[0-9]+(?:-[0-9]+)+$")
DAY_CODE = re.compile(r"^(?:20[0-9]{2}-)?[01][0-9]-[0-3][0-9]$")

FILES = sorted(CATALOGUE_DIR.glob("*.json"))


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def is_positive_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def test_all_expected_catalogues_exist():
    assert {p.stem for p in FILES} >= EXPECTED


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_catalogue_header(path):
    doc = load(path)
    assert isinstance(doc, dict)
    assert doc.get("catalogue") == path.stem
    assert is_positive_int(doc.get("version"))
    assert isinstance(doc.get("source"), str) and doc["source"].strip()
    assert isinstance(doc.get("items"), list) and doc["items"]


@pytest.mark.parametrize("path", [p for p in FILES if p.stem != "mrp_rates"], ids=lambda p: p.stem)
def test_catalogue_items(path):
    items = load(path)["items"]
    pattern = {"offence_articles": ARTICLE_CODE, "days_off": DAY_CODE}.get(path.stem, SNAKE)
    codes = []
    for item in items:
        code = item.get("code")
        assert isinstance(code, str) and code.isascii() and pattern.match(code), code
        codes.append(code)
        for lang in ("ru", "kk", "en"):
            title = item.get(lang)
            assert isinstance(title, str) and title.strip(), (code, lang)
    assert len(codes) == len(set(codes)), "duplicate codes"


LIMIT_KEYS = {"min", "max"}
SUBJECTS = {"individual", "official", "small_business", "medium_business", "large_business"}
STATUSES = {"verified", "secondary", "unverified"}


def is_limits(value) -> bool:
    """A {min, max} range whose given limits are positive numbers, min <= max."""
    if not isinstance(value, dict) or set(value) != LIMIT_KEYS:
        return False
    given = [v for v in value.values() if v is not None]
    return (all(isinstance(v, int | float) and v > 0 for v in given)
            and (None in value.values() or value["min"] <= value["max"]))


def test_offence_articles_give_sanctions_and_source_per_part():
    penalty_codes = {item["code"] for item in load(CATALOGUE_DIR / "penalties.json")["items"]}
    for item in load(CATALOGUE_DIR / "offence_articles.json")["items"]:
        code = item["code"]
        assert isinstance(item.get("article"), str) and item["article"], code
        assert is_positive_int(item.get("part")), code
        assert code == f"{item['article']}-{item['part']}"
        sanctions = item["sanctions"]
        assert set(sanctions) == {"warning", "fine_mrp", "public_works_hours", "arrest_days"}
        assert isinstance(sanctions["warning"], bool), code
        fines = sanctions["fine_mrp"]
        # a part may fine only some subjects (518 p.1: individuals get a warning only)
        assert fines is None or (set(fines) <= SUBJECTS and bool(fines)
                                 and all(is_limits(v) for v in fines.values())), code
        for key in ("public_works_hours", "arrest_days"):
            assert sanctions[key] is None or is_limits(sanctions[key]), (code, key)
        provided = {"warning"} if sanctions["warning"] else set()
        provided |= {p for p, key in (("fine", "fine_mrp"), ("public_works", "public_works_hours"),
                                      ("arrest", "arrest_days")) if sanctions[key] is not None}
        assert provided and provided <= penalty_codes, code
        assert set(item["court_only"]) <= provided, code
        # arrest and public works only by a court, public works with consent (legal-sources)
        assert {"arrest", "public_works"} & provided <= set(item["court_only"]), code
        assert item["consent_needed"] is ("public_works" in provided), code
        source = item["source"]
        assert source["act"].startswith("КоАП РК") and source["article"] == item["article"]
        assert source["part"] == str(item["part"]) and source["status"] in STATUSES, code
        assert "edition" in source and "url" in source, code


def test_anonymous_only_for_crime_reports():
    items = load(CATALOGUE_DIR / "appeal_topics.json")["items"]
    anonymous = [item["code"] for item in items if item.get("allows_anonymous")]
    assert anonymous == ["crime_report"]


def test_decisions_resolved_flag():
    items = load(CATALOGUE_DIR / "appeal_decisions.json")["items"]
    open_ones = [item["code"] for item in items if not item.get("resolved")]
    assert open_ones == ["in_progress"]


def test_registration_intervals():
    for item in load(CATALOGUE_DIR / "registration_categories.json")["items"]:
        assert is_positive_int(item.get("default_check_interval_days")), item["code"]


def test_districts_belong_to_a_region():
    regions = {item["code"] for item in load(CATALOGUE_DIR / "regions.json")["items"]}
    for item in load(CATALOGUE_DIR / "districts.json")["items"]:
        assert item["region"] in regions and item["kind"] in ("district", "city"), item["code"]
        if item["region"] == "atyrau":  # the demo places its points in their centres
            assert item.get("centre_ru", "").strip() and item.get("centre_kk", "").strip()


def test_mrp_rates():
    items = load(CATALOGUE_DIR / "mrp_rates.json")["items"]
    years = [item.get("year") for item in items]
    assert all(is_positive_int(y) for y in years)
    assert len(years) == len(set(years))
    assert all(is_positive_int(item.get("amount")) for item in items)
    rates = {item["year"]: item["amount"] for item in items}
    assert rates[2025] == 3932 and rates[2026] == 4325


def test_days_off_are_real_dates_of_every_year():
    for item in load(CATALOGUE_DIR / "days_off.json")["items"]:
        code = item["code"]
        if len(code) == 5:  # every year, leap or not
            date.fromisoformat(f"2001-{code}")
            assert isinstance(item.get("moves", False), bool), code
        else:
            date.fromisoformat(code)
        assert set(item) <= {"code", "ru", "kk", "en", "moves", "working"}, code
