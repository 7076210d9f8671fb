"""Every visible text of every record form is translated: Russian and Kazakh."""

from __future__ import annotations

import pytest
from test_ui_forms_support import make_ctx, show
from test_ui_translations import untranslated, visible_texts

from ui.forms import FORM_KINDS
from ui.forms.preview import fill_sample
from ui.i18n import install_language


@pytest.fixture
def sample(services):
    return fill_sample(services)


def texts_of_every_form(qtbot, ctx, ids) -> list[tuple[str, str]]:
    texts = []
    for kind, form_class in FORM_KINDS.items():
        for record_id in (None, ids[kind]):
            form = show(qtbot, form_class(ctx, record_id))
            if record_id is None:
                form.save()  # a new empty form: errors under the fields, in the language
            texts.extend((f"{kind} {where}", text) for where, text in visible_texts(form))
            texts.extend((f"{kind} tooltip", w.toolTip()) for w in form.findChildren(
                type(form.save_button)) if w.isVisible())
            form.discard()
    return texts


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_every_form_speaks_the_language(qtbot, services, sample, tmp_path, lang):
    ctx = make_ctx(services, tmp_path, lang)
    try:
        texts = texts_of_every_form(qtbot, ctx, sample)
    finally:
        install_language("ru")
    assert len(texts) > 300
    assert [(where, text) for where, text in texts if untranslated(text)] == []
    if lang == "kk":
        assert ("person QLabel", "&Тегі *") in texts


def test_read_only_forms_are_translated(qtbot, services, sample, tmp_path):
    ctx = make_ctx(services, tmp_path)
    services.login("tursynov", "Steppe-Wind-2026")  # the sample's assistant
    form = show(qtbot, FORM_KINDS["offence"](ctx, sample["offence"]))
    texts = visible_texts(form)
    assert ("title", "Протокол об АП № ATY-017-P-2026-00001 — только просмотр") in texts
    assert [text for _where, text in texts if untranslated(text)] == []
