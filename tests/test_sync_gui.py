"""The sync screens: export at a point, batch import at the district, the points overview."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from sync_fixtures import PASSWORD, keys_of, make_district, make_point, use

from inspector_app.sync.trust import export_public_key
from ui.context import UiContext
from ui.i18n import install_language
from ui.points_overview import PointsOverview
from ui.sync_dialogs import ExportDialog, ExportPanel, ImportPanel


@pytest.fixture(autouse=True)
def _in_english(qapp):
    """These tests read the source (English) texts, whatever language an earlier GUI test
    left installed; the program's default comes back afterwards."""
    install_language("en")
    yield
    install_language("ru")


@pytest.fixture
def offices(tmp_path, qapp, monkeypatch):
    """A point (logged in as its inspector) and a district (its operator), Russian GUI."""
    district = make_district(tmp_path)
    point = make_point(tmp_path, "ATY-017")
    use(district)
    export_public_key(district, tmp_path / "district.pub")
    district.login("operator", PASSWORD)
    use(point)
    point.login("erzhanov", PASSWORD)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    asked: list[str] = []

    def answer_yes(parent, title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    yield (UiContext(point, settings, "ru"), UiContext(district, settings, "ru"), tmp_path,
           asked)
    point.db.close()
    district.db.close()


def _export(point_ctx, folder, qtbot) -> ExportPanel:
    use(point_ctx.services)
    panel = ExportPanel(point_ctx)
    qtbot.addWidget(panel)
    assert panel.trust(folder / "district.pub")
    panel.folder.setText(str(folder))
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    assert panel.job.wait()
    return panel


def test_export_panel_trusts_the_district_and_writes_a_file(offices, qtbot):
    point_ctx, _, folder, asked = offices
    use(point_ctx.services)
    panel = ExportPanel(point_ctx)
    qtbot.addWidget(panel)
    assert not panel.export_button.isEnabled()
    assert "Not set" in panel.district_label.text()  # Qt texts: English until translated
    panel = _export(point_ctx, folder, qtbot)
    assert "ATY-ROP" in asked[0] and "ATY-ROP" in panel.district_label.text()
    assert panel.last_result.path.exists()
    assert "Выгрузка № 1 записана" in panel.status.text()
    assert panel.ack_label.text() == "never yet"
    panel.resize(700, 380)
    panel.grab().save(str(folder / "export.png"))
    dialog = ExportDialog(point_ctx)
    qtbot.addWidget(dialog)
    assert dialog.panel.district_label.text() == panel.district_label.text()


def test_batch_import_asks_about_new_points_and_reports_each_file(offices, qtbot):
    point_ctx, district_ctx, folder, asked = offices
    exported = _export(point_ctx, folder, qtbot).last_result.path
    (folder / "junk.isync").write_bytes(b"not a package")
    use(district_ctx.services)
    panel = ImportPanel(district_ctx)
    qtbot.addWidget(panel)
    overview = PointsOverview(district_ctx)
    qtbot.addWidget(overview)
    assert overview.model.rowCount() == 0
    panel.add_files([folder])
    assert panel.list.count() == 2 and panel.import_button.isEnabled()
    shown = []
    show = panel.status.setText
    panel.status.setText = lambda text: (shown.append(text), show(text))
    with qtbot.waitSignal(district_ctx.sig_data_changed, timeout=30_000) as changed:
        qtbot.mouseClick(panel.import_button, Qt.MouseButton.LeftButton)
        for _ in range(2):
            if panel.job is not None:
                panel.job.wait()
    assert changed.args[0].sync and {"point", "staff"} <= changed.args[0].bulk  # the result's
    fingerprint = keys_of(point_ctx.services).public.fingerprint
    assert len(asked) == 2 and "ATY-017" in asked[1] and fingerprint in asked[1]
    rows = {panel.report.item(r, 0).text(): panel.report.item(r, 1).text()
            for r in range(panel.report.rowCount())}
    assert rows == {exported.name: "imported", "junk.isync": "refused"}
    refused_row = [r for r in range(2) if panel.report.item(r, 0).text() == "junk.isync"][0]
    assert "Это не файл обмена" in panel.report.item(refused_row, 7).text()
    assert "ATY-017_receipt_" in panel.written.text()
    assert "Saving: building indexes, writing the receipts…" in shown  # then the summary
    assert shown[-1].startswith("Итого: импортировано 1")
    assert overview.model.rowCount() == 1
    assert overview.model.index(0, 0).data() == "ATY-017"
    panel.resize(1000, 600)
    panel.grab().save(str(folder / "import.png"))
    overview.resize(1100, 300)
    overview.grab().save(str(folder / "overview.png"))


def test_overview_highlights_stale_points(offices, qtbot):
    point_ctx, district_ctx, folder, _ = offices
    exported = _export(point_ctx, folder, qtbot).last_result.path
    use(district_ctx.services)
    panel = ImportPanel(district_ctx)
    qtbot.addWidget(panel)
    panel.add_files([exported])
    qtbot.mouseClick(panel.import_button, Qt.MouseButton.LeftButton)
    for _ in range(2):
        if panel.job is not None:
            panel.job.wait()
    overview = PointsOverview(district_ctx)
    qtbot.addWidget(overview)
    index = overview.model.index(0, 0)
    assert index.data(Qt.ItemDataRole.BackgroundRole) is None
    district_ctx.services.clock.advance(days=20)
    qtbot.mouseClick(overview.refresh_button, Qt.MouseButton.LeftButton)
    assert overview.model.index(0, 3).data() == "20"
    assert overview.model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert overview.summary.text().startswith("Points: 1, without recent packages: 1")


def test_a_file_gone_before_the_import_is_reported_by_name(offices, qtbot):
    """A USB stick pulled out after its files were listed: that file's row says so."""
    point_ctx, district_ctx, folder, _ = offices
    exported = _export(point_ctx, folder, qtbot).last_result.path
    gone = folder / "ATY-018_2026-11-26_0001.isync"
    gone.write_bytes(exported.read_bytes())
    use(district_ctx.services)
    panel = ImportPanel(district_ctx)
    qtbot.addWidget(panel)
    panel.add_files([exported, gone])
    gone.unlink()
    with qtbot.waitSignal(district_ctx.sig_data_changed, timeout=30_000):
        qtbot.mouseClick(panel.import_button, Qt.MouseButton.LeftButton)
        for _ in range(2):
            if panel.job is not None:
                panel.job.wait()
    rows = {panel.report.item(r, 0).text(): panel.report.item(r, 7).text()
            for r in range(panel.report.rowCount())}
    assert rows[gone.name] == "Файл не найден (удалён или флешка извлечена)."
    assert panel.report.item(0, 1).text() == "imported"
    panel.resize(1000, 600)
    panel.grab().save(str(folder / "import-gone.png"))


def test_the_export_panel_tells_a_point_its_district_runs_an_older_program(offices, qtbot):
    from inspector_app.storage.migrations import LATEST_VERSION
    from inspector_app.sync import state, versions

    point_ctx, _, folder, _ = offices
    use(point_ctx.services)
    state.set_state(point_ctx.services.db, versions.DISTRICT_SCHEMA, LATEST_VERSION - 1)
    panel = _export(point_ctx, folder, qtbot)
    qtbot.waitUntil(lambda: "Выгрузка № 1 записана" in panel.status.text())
    assert f"схема {LATEST_VERSION - 1}, здесь {LATEST_VERSION}" in panel.status.text()
    panel.resize(700, 380)
    panel.grab().save("/tmp/sync-format-shot.png")


def test_a_restored_point_exports_from_the_panel_once_told_nothing_was_sent(offices, qtbot):
    from inspector_app.sync import restored, state

    point_ctx, _, folder, _ = offices
    panel = _export(point_ctx, folder, qtbot)
    assert panel.after_restore.isHidden()
    state.set_state(point_ctx.services.db, restored.PENDING, "1")  # as a restore leaves it
    panel.refresh()
    assert not panel.after_restore.isHidden()
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    assert panel.job.wait()
    qtbot.waitUntil(lambda: "--after-restore" in panel.status.text())
    assert "восстановлена из резервной копии" in panel.status.text()
    panel.resize(700, 460)
    panel.grab().save("/tmp/sync-format-shot.png")
    qtbot.mouseClick(panel.after_restore, Qt.MouseButton.LeftButton)
    assert panel.after_restore.isChecked()
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    assert panel.job.wait()
    qtbot.waitUntil(lambda: "Выгрузка № 2 записана" in panel.status.text())
    assert panel.after_restore.isHidden()
