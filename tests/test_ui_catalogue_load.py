"""File → Load a corrected catalogue… for the district operator (issue 17)."""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from sync_fixtures import PASSWORD
from test_catalogue_load import SHIPPED, corrected, write

from inspector_app.services.setup import DISTRICT, FirstAccount, PointProfile, create_database
from inspector_app.storage.models import CatalogueVersion
from ui.app import build_main_window, make_settings


def tr(text: str) -> str:
    return QCoreApplication.translate("SyncActions", text)


def choose_from_file_menu(qtbot, window, text: str) -> None:
    """Open File with the mouse and click the entry ``text``."""
    bar, menu = window.menuBar(), window.file_menu
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                     pos=bar.actionGeometry(menu.menuAction()).center())
    qtbot.waitUntil(menu.isVisible, timeout=3000)
    action = next(a for a in menu.actions() if a.text() == text)
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=3000)


def test_the_district_operator_loads_a_corrected_catalogue_from_the_file_menu(
        qtbot, tmp_path, clock, monkeypatch):
    district = create_database(
        tmp_path / "rop.db", PointProfile("ATY-ROP", "ОП г. Атырау", "Атырау"),
        FirstAccount("operator", "Оператор РОП", "Rop-Secret-2026"), kind=DISTRICT,
        clock=clock)
    district.login("operator", "Rop-Secret-2026")
    window = build_main_window(district, make_settings(), "ru", "rop.db")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    new = SHIPPED + 1
    good = write(tmp_path / f"offence_articles_v{new}.json", corrected())
    bad_document = corrected(new + 1)
    bad_document["items"][2]["source"]["status"] = "maybe"
    bad = write(tmp_path / f"offence_articles_v{new + 1}.json", bad_document)
    chosen = iter([good, bad, good])
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *args, **kwargs: (next(chosen), "")))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(lambda parent, title, text, *a: shown.append(text)))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    entry = tr("Load a corrected &catalogue…")

    choose_from_file_menu(qtbot, window, entry)
    assert shown[-1].startswith(
        f"Справочник «offence_articles» версии {new} загружен (была {SHIPPED})")
    assert CatalogueVersion.get(CatalogueVersion.catalogue == "offence_articles").version == new
    assert district.catalogues.get("offence_articles", "437-1").extra["sanctions"][
        "fine_mrp"]["individual"] == {"min": 7, "max": 7}

    choose_from_file_menu(qtbot, window, entry)  # a bad entry: refused, nothing changed
    assert shown[-1] == (f"{bad}: запись 3 ({bad_document['items'][2]['code']}): поле "
                         "«source.status» неверно или отсутствует; ничего не загружено")
    choose_from_file_menu(qtbot, window, entry)  # the same version again
    assert shown[-1].endswith(f"версия {new} справочника «offence_articles» не новее версии {new} "
                              "в базе; ничего не загружено")
    assert CatalogueVersion.get(CatalogueVersion.catalogue == "offence_articles").version == new
    assert json.loads(open(good, encoding="utf-8").read())["version"] == new
    window.close()
    district.db.close()


def test_an_inspector_has_no_such_entry(qtbot, services):
    services.login("erzhanov", PASSWORD)
    window = build_main_window(services, make_settings(), "ru", "point.db")
    qtbot.addWidget(window)
    assert window.sync.catalogue_action is None
    assert tr("Load a corrected &catalogue…") not in [a.text() for a in window.file_menu.actions()]
