"""The person picker (search off the GUI thread, inline creation) and the article picker."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from qt_helpers import type_text
from test_ui_forms_support import make_ctx, on_modal, show

from ui.forms.article_picker import ArticlePicker, find_articles
from ui.forms.person_form import PersonForm
from ui.forms.person_picker import PersonPicker, guess_person


@pytest.fixture
def ctx(services, tmp_path, qapp):
    return make_ctx(services, tmp_path)


@pytest.fixture
def picker(qtbot, ctx):
    holder = QWidget()
    layout = QVBoxLayout(holder)
    widget = PersonPicker(ctx, holder)
    layout.addWidget(widget)
    layout.addWidget(QLineEdit(holder))
    show(qtbot, holder)
    widget.edit.setFocus()
    widget.holder = holder  # keep the window alive (qtbot holds only a weak reference)
    return widget


def search(qtbot, picker: PersonPicker, text: str) -> list[str]:
    with qtbot.waitSignal(picker.sig_suggestions, timeout=5000):
        type_text(picker.edit, text)
    return picker.suggestions()


def test_finds_a_person_by_name_and_shows_name_and_iin(qtbot, picker, person):
    found = search(qtbot, picker, "сейтқал әйг")
    assert found[0].startswith("Сейтқалиева Әйгерім Нұрланқызы — 900215400102 — 15.02.1990")
    assert found[-1] == "Новый гражданин «сейтқал әйг»…"
    assert picker.completer.popup().isVisible()
    with qtbot.waitSignal(picker.changed):
        picker.pick(0)
    assert picker.value() == person.id
    assert picker.edit.text() == "Сейтқалиева Әйгерім Нұрланқызы"
    assert picker.details().startswith("ИИН 900215400102 · 15.02.1990 · г. Атырау")
    assert not picker.completer.popup().isVisible()


def test_finds_by_iin_and_picks_with_the_keyboard(qtbot, picker, person):
    found = search(qtbot, picker, "9002154")
    assert len(found) == 2 and "900215400102" in found[0]
    popup = picker.completer.popup()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert picker.value() == person.id


def test_typing_after_a_choice_forgets_it_and_keeps_the_text(qtbot, picker, person):
    picker.set_value(person.id)
    qtbot.keyClick(picker.edit, Qt.Key.Key_End)
    type_text(picker.edit, "x")
    assert picker.person_id is None
    assert picker.value() == "Сейтқалиева Әйгерім Нұрланқызыx"  # the core reports "not found"
    assert picker.details() == ""


def test_creates_the_person_inline_prefilled_with_what_was_typed(qtbot, picker, services):
    found = search(qtbot, picker, "Жаңабаев Ерлан")
    assert found == ["Новый гражданин «Жаңабаев Ерлан»…"]

    def fill(form: PersonForm) -> None:
        assert (form.surname.text(), form.first_name.text()) == ("Жаңабаев", "Ерлан")
        type_text(form.iin, "850612300122")
        form.save()

    seen = on_modal(PersonForm, fill)
    picker.pick(0)
    qtbot.waitUntil(lambda: picker.person_id is not None, timeout=5000)
    assert seen and services.persons.get(picker.value()).iin == "850612300122"
    assert picker.edit.text() == "Жаңабаев Ерлан"
    assert "850612300122" in picker.details()


def test_insert_key_opens_the_person_form_with_an_iin(qtbot, picker, services):
    type_text(picker.edit, "010930500050")
    seen = on_modal(PersonForm, lambda form: (type_text(form.surname, "Ким"),
                                              type_text(form.first_name, "Виктор"),
                                              form.save()))
    qtbot.keyClick(picker.edit, Qt.Key.Key_Insert)
    qtbot.waitUntil(lambda: picker.person_id is not None, timeout=5000)
    assert seen[0].iin.text() == "010930500050"
    assert services.persons.get(picker.value()).surname == "Ким"


def test_guess_person_from_typed_text():
    assert guess_person("иванов иван иванович") == {
        "surname": "Иванов", "first_name": "Иван", "patronymic": "Иванович"}
    assert guess_person(" 900215 400102 ") == {"iin": "900215400102"}
    assert guess_person("") == {}


def test_article_search_by_number_part_and_words(services):
    cats = services.catalogues
    assert {i.code for i in find_articles(cats, "437", "ru")} == {"437-1", "437-2"}
    assert [i.code for i in find_articles(cats, "73 2", "ru")] == ["73-2"]
    assert [i.code for i in find_articles(cats, "ст. 434 ч. 1 хулиган", "ru")] == ["434-1"]
    assert {i.code for i in find_articles(cats, "тишин", "ru")} == {"437-1", "437-2"}
    assert {i.code for i in find_articles(cats, "тыныштық", "kk")} == {"437-1", "437-2"}
    assert find_articles(cats, "нет такой статьи", "ru") == []


def test_article_picker_shows_number_and_title_in_the_ui_language(qtbot, services):
    holder = QWidget()
    picker = ArticlePicker(services.catalogues, "kk", holder)
    QVBoxLayout(holder).addWidget(picker)
    picker.holder = holder
    show(qtbot, holder)
    picker.edit.setFocus()
    type_text(picker.edit, "442")
    assert picker.suggestions() == ["442-1", "442-2", "442-3"]
    with qtbot.waitSignal(picker.changed):
        picker.pick(1)
    assert picker.value() == "442-2"
    assert picker.edit.text() == "442-бап 2-бөлік"
    assert picker.detail.text() and picker.detail.isVisible()
    type_text(picker.edit, "9")
    assert picker.value() == "442-бап 2-бөлік9"  # not chosen: the core says unknown article
