"""The main window offers sync where the role and the database kind allow it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QToolButton

from inspector_app.services.setup import DISTRICT, FirstAccount, PointProfile, create_database
from inspector_app.sync.export import export_package
from inspector_app.sync.importer import import_files
from inspector_app.sync.trust import export_public_key, trust_key_file
from ui.app import build_main_window, make_settings


def tr(text: str) -> str:
    """The text as the installed translator shows it (tests may run in Russian)."""
    return QCoreApplication.translate("SyncActions", text)


def _texts(window) -> list[str]:
    return [a.text() for a in window.file_menu.actions()]


def test_a_point_exports_and_shows_the_district_acknowledgement(qtbot, services, tmp_path):
    window = build_main_window(services, make_settings(), "en", "point.db")
    qtbot.addWidget(window)
    assert tr("&Export for the district office…") in _texts(window)
    assert tr("&Import from the district office…") in _texts(window)
    assert window.sync.ack_label.text() == tr("Not yet acknowledged by the district")
    assert not any(p.key == "points" for p in window.pages)


def test_a_district_shows_its_points_and_an_acknowledged_point_says_so(qtbot, services,
                                                                      tmp_path, clock):
    district = create_database(
        tmp_path / "rop.db", PointProfile("ATY-ROP", "ОП г. Атырау", "Атырау"),
        FirstAccount("operator", "Оператор РОП", "Rop-Secret-2026"), kind=DISTRICT,
        clock=clock)
    export_public_key(district, tmp_path / "rop.pub")
    district.db.close()

    point = create_database(
        tmp_path / "p.db", PointProfile("ATY-018", "УПП №18", "Атырау"),
        FirstAccount("ospanov", "Оспанов Ерлан", "Kz-Secret-2026"), clock=clock)
    trust_key_file(point, tmp_path / "rop.pub")
    package = export_package(point, tmp_path).path
    point.db.close()

    from inspector_app.services.setup import open_services

    district = open_services(tmp_path / "rop.db", clock=clock)
    batch = import_files(district, [package], trust_new=True, outbox=tmp_path / "out")
    assert batch.files[0].ok
    district.login("operator", "Rop-Secret-2026")
    window = build_main_window(district, make_settings(), "en", "rop.db")
    qtbot.addWidget(window)
    assert any(p.key == "points" for p in window.pages)
    assert tr("&Export for the district office…") not in _texts(window)
    assert tr("&Import packages…") in _texts(window)
    assert window.home.quick_label.isHidden()  # no empty «Новая запись:» at a district
    window.show()
    menu_bar = window.menuBar()
    for action in menu_bar.actions():  # nothing lies over the menus
        centre = menu_bar.actionGeometry(action).center()
        assert window.childAt(menu_bar.mapTo(window, centre)) is menu_bar
    import_button = next(b for b in window.sync.points_page.findChildren(QToolButton)
                         if b.defaultAction() is window.sync.import_action)
    assert import_button.text() == window.sync.import_action.iconText()
    window.close()
    district.db.close()

    point = open_services(tmp_path / "p.db", clock=clock)
    receipts = sorted((tmp_path / "out").glob("*receipt*"))
    assert import_files(point, receipts).files[0].ok
    window = build_main_window(point, make_settings(), "en", "p.db")
    qtbot.addWidget(window)
    expected = tr("Last acknowledged by the district: %1 (export %2)")
    assert window.sync.ack_label.text() == expected.replace("%1", "25.11.2026").replace(
        "%2", "1")
    point.db.close()


def test_the_district_filters_its_consolidated_registers_by_point(qtbot, tmp_path, clock):
    from inspector_app.demo import fill_demo
    from inspector_app.queries.registers import REGISTERS
    from inspector_app.services.setup import open_services
    from ui.context import UiContext
    from ui.registers.filter_bar import FilterBar

    district = create_database(
        tmp_path / "rop.db", PointProfile("ATY-ROP", "ОП г. Атырау", "Атырау"),
        FirstAccount("operator", "Оператор РОП", "Rop-Secret-2026"), kind=DISTRICT,
        clock=clock)
    export_public_key(district, tmp_path / "rop.pub")
    district.db.close()
    packages = []
    for number, code in enumerate(("ATY-017", "ATY-018")):
        point = create_database(
            tmp_path / f"{code}.db", PointProfile(code, f"УПП {code}", "Атырау"),
            FirstAccount(f"officer{number}", "Ержанов Асхат", "Kz-Secret-2026"), clock=clock)
        fill_demo(point, 300, seed=number + 1)
        trust_key_file(point, tmp_path / "rop.pub")
        packages.append(export_package(point, tmp_path).path)
        point.db.close()
    district = open_services(tmp_path / "rop.db", clock=clock)
    assert all(f.ok for f in import_files(district, packages, trust_new=True,
                                          outbox=tmp_path / "out").files)
    bar = FilterBar(UiContext(district, make_settings(), "en"), REGISTERS["appeals"])
    qtbot.addWidget(bar)
    assert not bar.point.isHidden()
    assert bar.point.count() == 3  # all points, and the two that sent packages
    everything = REGISTERS["appeals"].count(bar.filters())
    bar.point.setCurrentIndex(1)
    one = REGISTERS["appeals"].count(bar.filters())
    assert 0 < one < everything
    district.db.close()


def test_every_register_lists_the_points_read_once_and_a_new_point_after_the_change(
        qtbot, tmp_path, clock):
    from inspector_app.queries.registers import REGISTERS
    from ui.context import UiContext
    from ui.registers.filter_bar import FilterBar

    district = create_database(
        tmp_path / "rop.db", PointProfile("ATY-ROP", "ОП г. Атырау", "Атырау"),
        FirstAccount("operator", "Оператор РОП", "Rop-Secret-2026"), kind=DISTRICT,
        clock=clock)
    ctx = UiContext(district, make_settings(), "en")
    reads = []
    live = district.points.live
    district.points.live = lambda: reads.append(1) or live()
    bars = [FilterBar(ctx, REGISTERS[name]) for name in ("appeals", "offences")]
    for bar in bars:
        qtbot.addWidget(bar)
    assert len(reads) == 1 and [bar.point.count() for bar in bars] == [1, 1]
    _, changes = district.run(district.points.create,
                              {"code": "ATY-019", "name": "УПП №19", "district": "Атырау"})
    ctx.notify_changed(changes)
    assert len(reads) == 2
    assert [bar.point.itemText(1) for bar in bars] == ["ATY-019 УПП №19"] * 2
    district.db.close()
