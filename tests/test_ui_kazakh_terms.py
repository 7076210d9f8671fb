"""The Kazakh terms of issue 17, section 5, where the user reads them."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication
from test_ui_forms_support import make_ctx, show

from inspector_app.messages import field_label
from inspector_app.paths import resource
from ui.forms.staff_form import StaffForm
from ui.i18n import install_language

TERMS = [  # (context, English source, Kazakh)
    ("AddressForm", "Housing cooperative", "ПИК/МИБ"),
    ("AppealForm", "ЕРДР number", "СДТБТ нөмірі"),
    ("OffenceForm", "ЕРАП number", "ӘІЖБТ нөмірі"),
    ("OffenceForm", "Article, part", "ӘҚБтК бабы, бөлігі"),
    ("StaffForm", "Badge number", "Жетон нөмірі"),
    ("StaffForm", "Personal number", "Жеке нөмірі"),
]


@pytest.mark.parametrize(("context", "source", "kazakh"), TERMS)
def test_the_kazakh_interface_uses_the_terms(qapp, context, source, kazakh):
    install_language("kk")
    try:
        assert QCoreApplication.translate(context, source) == kazakh
    finally:
        install_language("ru")


def test_one_word_for_cancel_as_qt_itself_says_it():
    text = resource("translations", "inspector_kk.ts").read_text(encoding="utf-8")
    cancels = re.findall(r"<source>Cancel( \(Esc\))?</source>\s*<translation>([^<]*)</translation>",
                         text)
    assert len(cancels) == 3 and all(c.startswith("Бас тарту") for _, c in cancels)
    assert "Болдырмау" not in text


@pytest.mark.parametrize(("field", "kazakh"), [
    (("address", "organisation"), "ПИК/МИБ"), (("appeal", "erdr_number"), "СДТБТ нөмірі"),
    (("offence", "erap_number"), "ӘІЖБТ нөмірі"), (("offence", "article"), "ӘҚБтК бабы, бөлігі"),
    (("staff", "badge_number"), "Жетон нөмірі"), (("staff", "personal_number"), "Жеке нөмірі"),
])
def test_the_cores_messages_use_the_terms(field, kazakh):
    assert field_label(*field, "kk") == kazakh


def test_the_prevention_laws_measures_carry_their_source(services):
    cats = services.catalogues
    warning = cats.get("registration_categories", "official_warning")
    conversation = cats.get("visit_kinds", "conversation")
    assert warning.title("kk") == "Ресми алдын ала ескерту"  # not «Ресми ескерту», the penalty
    assert conversation.title("kk") == "Профилактикалық әңгімелесу"
    for item, article in ((warning, "51"), (conversation, "50")):
        source = item.extra["kk_source"]
        assert "245-VIII" in source["act"] and source["article"] == article
        assert source["status"] == "verified"


def test_badge_and_personal_number_are_two_fields(qtbot, services, tmp_path):
    staff = services.staff.create({"full_name": "Тұрсынов Бауыржан", "role": "assistant",
                                   "login": "tursynov", "password": "Steppe-Wind-2026",
                                   "badge_number": "АТ-04512", "personal_number": "Б-118204"})
    assert (staff.badge_number, staff.personal_number) == ("АТ-04512", "Б-118204")
    form = show(qtbot, StaffForm(make_ctx(services, tmp_path, "kk"), staff.id))
    labels = {b.name: b.caption.replace("&", "") for b in form.bindings}
    assert (labels["badge_number"], labels["personal_number"]) == ("Жетон нөмірі", "Жеке нөмірі")
    assert form.personal_number.text() == "Б-118204"
    install_language("ru")
