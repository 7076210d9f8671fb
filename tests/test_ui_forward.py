"""The district window's File → Forward to the region…, pressed with the mouse."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sync_fixtures import make_district, use
from test_sync_region import make_region, small_chain
from test_ui_forms_support import answer_box
from ui_dialogs import DialogAnswers

from inspector_app.sync import state
from inspector_app.sync.importer import import_files
from ui.app import build_main_window, make_settings

PASSWORD = "Kz-Secret-2026"


def _tooltip(window) -> str:
    """The points page's tooltip of its one point."""
    model = window.sync.points_page.model
    return model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)


def _region_columns(window) -> dict[str, str]:
    """The points page's region columns of its one point, by key (the headers follow
    whichever language an earlier test installed)."""
    model = window.sync.points_page.model
    return {key: model.data(model.index(0, model.fixed.index(key)))
            for key in model.REGION if key in model.fixed}


def _press_file_action(qtbot, window, action) -> None:
    bar = window.menuBar()
    menu = window.file_menu
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                     pos=bar.actionGeometry(menu.menuAction()).center())
    qtbot.waitUntil(menu.isVisible, timeout=2_000)
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())


def test_the_district_forwards_a_point_package_from_the_file_menu(qtbot, monkeypatch,
                                                                  tmp_path):
    region, district, point, package = small_chain(tmp_path)
    use(district)
    assert import_files(district, [package], trust_new=True, outbox=tmp_path / "b").files[0].ok
    district.login("operator", PASSWORD)
    answers = DialogAnswers(tmp_path / "up", open_files=[str(package)])
    answers.folder.mkdir()
    answers.install(monkeypatch)
    window = build_main_window(district, make_settings(), "en", str(district.db.database))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    action = window.sync.forward_action
    assert action is not None and action.isEnabled()
    assert "to forward to the region: exports 1" in _tooltip(window)
    assert _region_columns(window) == {"region_held": "—", "to_forward": "1"}
    seen = answer_box()
    _press_file_action(qtbot, window, action)
    qtbot.waitUntil(lambda: seen.text is not None, timeout=10_000)
    assert "ATY-017_2026-11-25_0001_via_ATY-ROP.isync" in seen.text
    assert "forwarded 1, refused 0" in seen.text
    assert [p.name for p in answers.folder.iterdir()] == [
        "ATY-017_2026-11-25_0001_via_ATY-ROP.isync"]
    assert [e.export_no for e in state.forwarded_of(district.db, "ATY-017")] == [1]
    qtbot.waitUntil(lambda: "to forward" not in _tooltip(window), timeout=5_000)
    assert "region: no receipt yet" in _tooltip(window)  # the points page reloaded
    assert _region_columns(window) == {"region_held": "—", "to_forward": ""}
    window.close()
    for services in (region, district, point):
        services.db.close()


def test_a_region_window_offers_no_forwarding(qtbot, tmp_path):
    region = make_region(tmp_path)
    region.login("operator", PASSWORD)
    window = build_main_window(region, make_settings(), "en", str(region.db.database))
    qtbot.addWidget(window)
    assert window.sync.forward_action is None
    assert any(p.key == "points" for p in window.pages)
    region.db.close()


def test_without_a_trusted_region_the_action_says_how_to_set_it_up(qtbot, monkeypatch,
                                                                    tmp_path):
    district = make_district(tmp_path)
    district.login("operator", PASSWORD)
    asked = DialogAnswers(tmp_path).install(monkeypatch).asked
    window = build_main_window(district, make_settings(), "en", str(district.db.database))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    seen = answer_box()
    _press_file_action(qtbot, window, window.sync.forward_action)
    qtbot.waitUntil(lambda: seen.text is not None, timeout=5_000)
    assert "keys trust" in seen.text and asked == []  # no file was asked for
    window.close()
    district.db.close()
