"""Issue 18 in the district window, by clicking: the administrator ticks an operator's
territory on the Accounts page; that operator, logged in, finds only the territory's point on
the Points page and in a register."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from qt_helpers import click
from test_territory import PASSWORD, territory_district
from test_ui_accounts import click_row, rows
from test_ui_forms_support import on_modal

from inspector_app.queries.registers import REGISTERS, Filters
from inspector_app.storage.models import Appeal
from ui.app import build_main_window, make_settings
from ui.i18n import install_language
from ui.territory_dialog import CODE_ROLE, TerritoryDialog

LEFT = Qt.MouseButton.LeftButton


def _open(qtbot, window, key: str):
    """Click the sidebar entry of page ``key``; returns the page."""
    nav = window.nav
    row = next(i for i, page in enumerate(window.pages) if page.key == key)
    nav.scrollToItem(nav.item(row))
    qtbot.mouseClick(nav.viewport(), LEFT, pos=nav.visualItemRect(nav.item(row)).center())
    assert nav.currentRow() == row
    return window.pages[row].widget


def _window(qtbot, services):
    window = build_main_window(services, make_settings(), "ru", str(services.db.database))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _toggle(qtbot, widget, code: str) -> None:
    """Click the row of ``code`` in a ticked list, then press Space to tick or untick it."""
    row = next(i for i in range(widget.count()) if widget.item(i).data(CODE_ROLE) == code)
    rect = widget.visualItemRect(widget.item(row))
    qtbot.mouseClick(widget.viewport(), LEFT, pos=rect.center())
    qtbot.keyClick(widget, Qt.Key.Key_Space)


def test_an_operator_limited_by_clicking_sees_only_their_point(qtbot, tmp_path):
    install_language("ru")
    services, (north_point, south_point), _files = territory_district(tmp_path)
    services.staff.create({"login": "chief", "full_name": "Начальник Отдела",
                           "role": "administrator", "password": PASSWORD})
    services.login("chief", PASSWORD)
    window = _window(qtbot, services)
    page = _open(qtbot, window, "accounts")
    assert page.territory_button.isVisible()
    assert rows(page)["south"][-1] == south_point
    assert rows(page)["chief"][-1] == "все пункты"
    click_row(qtbot, page, "south")

    def tick(dialog: TerritoryDialog) -> None:
        assert TerritoryDialog.ticked(dialog.points) == [south_point]
        _toggle(qtbot, dialog.points, south_point)
        _toggle(qtbot, dialog.points, north_point)
        click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))

    seen = on_modal(TerritoryDialog, tick)
    click(qtbot, page.territory_button)
    assert seen and not seen[0].isVisible()
    assert rows(page)["south"][-1] == north_point
    assert services.territories.of(services.staff.by_login("south").id)["points"] == [
        north_point]
    window.close()

    services.login("south", PASSWORD)
    window = _window(qtbot, services)
    points = _open(qtbot, window, "points")
    qtbot.waitUntil(lambda: points.model.rowCount() > 0, timeout=10_000)
    assert [points.model.data(points.model.index(r, 0)) for r in
            range(points.model.rowCount())] == [north_point]
    appeals = _open(qtbot, window, "appeals")
    model = appeals.model
    expected = REGISTERS["appeals"].count(Filters(today=services.clock.today()))
    qtbot.waitUntil(lambda: model.rowCount() == expected > 0, timeout=10_000)
    owners = {Appeal.get_by_id(model.record_id(row)).owner_point
              for row in range(0, expected, max(1, expected // 40))}
    assert owners == {north_point}
    services.session = None
    assert REGISTERS["appeals"].count(Filters(point_code=north_point)) == expected
    assert REGISTERS["appeals"].count(Filters()) > expected  # the other point is there
    window.close()
    services.db.close()
