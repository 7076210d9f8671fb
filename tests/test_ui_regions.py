"""The first-run wizard offers every region of Kazakhstan and that region's districts."""

from __future__ import annotations

from PySide6.QtWidgets import QWizard
from qt_helpers import type_text
from test_ui_accounts import choose, click

from inspector_app.reports.formatting import region_police
from inspector_app.storage.models import Point
from ui.first_run import FirstRunWizard
from ui.i18n import install_language


def items(combo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def test_a_point_in_mangystau_is_set_up_by_choosing_its_region_and_district(qtbot, tmp_path):
    install_language("ru")
    wizard = FirstRunWizard(tmp_path / "point.db", "ru")
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    profile = wizard.profile_page
    assert profile.region.count() == 20
    assert profile.region.currentText() == "Атырауская область"  # the first points' region
    assert items(profile.district)[:2] == ["Город Атырау", "Жылыойский район"]
    choose(qtbot, profile.region, "Мангистауская область")
    assert "Город Актау" in items(profile.district)
    assert "Город Атырау" not in items(profile.district)
    choose(qtbot, profile.district, "Город Жанаозен")
    type_text(profile.code, "MNG-003")
    type_text(profile.name, "УПП №3")
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    account = wizard.account_page
    type_text(account.full_name, "Қасымов Ерлан Бекұлы")
    type_text(account.login, "kasymov")
    type_text(account.password, "Kz-Secret-2026")
    type_text(account.repeat, "Kz-Secret-2026")
    click(qtbot, account.encrypt)
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    services = wizard.services
    assert services is not None
    point = Point.get(Point.code == "MNG-003")
    assert (point.region, point.district) == ("Мангистауская область", "Город Жанаозен")
    assert region_police(services.catalogues, point.region, "ru") == (
        "Департамент полиции Мангистауской области")
    services.db.close()
