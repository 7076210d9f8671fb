"""The region window's File → Enrol a point ahead…, pressed with the mouse (issue 18)."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox
from sync_fixtures import keys_of, make_district, make_point, use
from test_sync_region import make_region, trust_each_other
from test_ui_forms_support import answer_box
from test_ui_forward import _press_file_action
from ui_dialogs import DialogAnswers

from inspector_app.sync import state
from inspector_app.sync.trust import export_public_key
from ui.app import build_main_window, make_settings

PASSWORD = "Kz-Secret-2026"


def press(button: QMessageBox.StandardButton):
    """Answer a message box with ``button`` whatever language its texts are in."""
    return lambda box: box.button(button).click()


def test_the_region_enrols_a_point_ahead_and_lists_it_as_nothing_received(qtbot, monkeypatch,
                                                                          tmp_path):
    region = make_region(tmp_path)
    district = make_district(tmp_path)
    trust_each_other(region, district, tmp_path)
    point = make_point(tmp_path, "ATY-017", district=district)
    export_public_key(point, tmp_path / "ATY-017.pub")
    answers = DialogAnswers(tmp_path, open_files=[str(tmp_path / "ATY-017.pub")])
    answers.install(monkeypatch)
    offered = []

    def choose_district(parent, title, label, items, *args):
        offered.append((label, list(items)))
        return items[0], True

    monkeypatch.setattr(QInputDialog, "getItem", choose_district)
    use(region)
    region.login("operator", PASSWORD)
    window = build_main_window(region, make_settings(), "en", str(region.db.database))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    page = window.sync.points_page
    assert page.model.rowCount() == 0
    action = window.sync.enrol_action
    assert action is not None and action.isEnabled()
    seen = answer_box(press(QMessageBox.StandardButton.No))  # not confirmed: nothing enrolled
    _press_file_action(qtbot, window, action)
    qtbot.waitUntil(lambda: seen.text is not None, timeout=10_000)
    assert keys_of(point).public.fingerprint in seen.text and "ATY-ROP" in seen.text
    assert state.peer(region.db, "ATY-017") is None
    seen = answer_box(press(QMessageBox.StandardButton.Yes))
    _press_file_action(qtbot, window, action)
    qtbot.waitUntil(lambda: seen.text is not None, timeout=10_000)
    label, districts = offered[0]  # the label follows the language an earlier test installed
    assert "ATY-017" in label and districts == ["ATY-ROP ОП г. Атырау"]
    peer = state.peer(region.db, "ATY-017")
    assert (peer.district, peer.role) == ("ATY-ROP", state.POINT_ROLE)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5_000)
    row = [page.model.data(page.model.index(0, c)) for c in range(page.model.columnCount())]
    assert row[0] == "ATY-017" and "nothing received yet" in row
    window.close()
    for services in (region, district, point):
        services.db.close()
