"""Law 245-VIII arts. 50-51: a preventive conversation and an official warning are addressed
to a person, a conversation with a minor needs a companion, and each prints as its own document
with the person's signature lines."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from inspector_app.errors import ValidationError
from inspector_app.reports import ReportRequest, generate
from inspector_app.services.validation import RulePolicy


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture
def minor(services):
    return services.persons.create({"surname": "Жұмабаев", "first_name": "Ерасыл",
                                    "patronymic": "Маратұлы", "birth_date": "2012-03-14",
                                    "address": "г. Атырау, ул. Абая, 12, кв. 5"})


def visit(services, kind: str, person=None, **more):
    return services.visits.create({"visited_at": "2026-11-24 19:00", "kind": kind,
                                   "address_text": "г. Атырау, ул. Абая, 12", "flat": "5",
                                   "dwelling_kind": "flat",
                                   "person": person.id if person else None, **more})


def refusal(call) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        call()
    return {e.field: e.message("ru") for e in caught.value.errors}


@pytest.mark.parametrize("kind", ["conversation", "official_warning"])
def test_a_conversation_or_warning_names_its_person(services, kind):
    errors = refusal(lambda: visit(services, kind))
    assert "ст. 50–51 Закона № 245-VIII" in errors["person"]
    assert visit(services, "household_round").person_id is None  # other kinds need none


def test_a_conversation_with_a_minor_needs_the_representative_or_teacher(services, minor,
                                                                          person):
    errors = refusal(lambda: visit(services, "conversation", minor))
    assert "законного представителя или педагога" in errors["persons_met"]
    assert visit(services, "conversation", minor, persons_met="мать, Жұмабаева А. К.")
    assert visit(services, "conversation", person)  # an adult alone
    # a minor is one on the day of the conversation: born 14.03.2008, 18 since 14.03.2026
    adult_now = services.persons.create({"surname": "Оспанов", "first_name": "Тимур",
                                         "birth_date": "2008-03-14"})
    assert visit(services, "conversation", adult_now)


def test_an_older_programs_conversation_still_imports(services, minor):
    services.policy = RulePolicy(entry_rules=False)  # as a district reads an old package
    assert visit(services, "conversation").kind == "conversation"
    assert visit(services, "conversation", minor).person_id == minor.id


@pytest.mark.parametrize("lang, expected", [
    ("ru", ["ОФИЦИАЛЬНОЕ ПРЕДОСТЕРЕЖЕНИЕ", "Основание: ст. 51 Закона РК от 30.12.2025 № 245-VIII",
            "Официальное предостережение мне объявлено", "С содержанием ознакомлен(а)",
            "Ә. Н. Сейтқалиева", "Участковый инспектор полиции"]),
    ("kk", ["РЕСМИ АЛДЫН АЛА ЕСКЕРТУ", "Негіз: ҚР 30.12.2025 № 245-VIII Заңының 51-бабы",
            "Маған ресми алдын ала ескерту жарияланды", "Мазмұнымен таныстым"]),
])
def test_an_official_warning_prints_with_its_basis_and_signatures(services, person, tmp_path,
                                                                 lang, expected):
    record = visit(services, "official_warning", person,
                   notes="Предостережена о недопустимости угроз соседям.")
    out = tmp_path / "warning.pdf"
    assert generate(services, ReportRequest("visit", record_id=record.id, lang=lang), out) == 1
    text = norm(PdfReader(str(out)).pages[0].extract_text())
    for piece in expected:
        assert norm(piece) in text, piece
    assert "Законный представитель" not in text and "СПРАВКА" not in text


def test_a_conversation_with_a_minor_prints_a_line_for_the_companion(services, minor,
                                                                   tmp_path):
    record = visit(services, "conversation", minor, persons_met="мать, Жұмабаева А. К.")
    out = tmp_path / "conversation.pdf"
    generate(services, ReportRequest("visit", record_id=record.id), out)
    text = norm(PdfReader(str(out)).pages[0].extract_text())
    assert "ПРОФИЛАКТИЧЕСКАЯ БЕСЕДА" in text and "ст. 50 Закона РК" in text
    assert "Мне разъяснена недопустимость противоправных действий." in text
    assert "Законный представитель / педагог" in text
