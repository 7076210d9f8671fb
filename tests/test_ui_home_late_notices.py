"""The home page's overdue appeals hold what АППК art. 76 makes late (issue 17): a forwarding
past its 3 working days, named so, and an extension the citizen was not told of within 3
working days; the oldest term first; Enter on a line opens the appeal.

The clock stands at 25.11.2026.
"""

from __future__ import annotations

from core_factories import appeal_data
from PySide6.QtCore import Qt
from test_ui_forms_support import make_ctx

from ui.home_page import RECORD_ROLE, HomePage, collect


def late_appeals(services, person):
    silent = services.appeals.create(appeal_data(  # told by 18.11 at the latest
        person, received_at="2026-11-10 09:00", extended_on="2026-11-13",
        extension_reason="Запрошены сведения в акимате", extended_until="2027-01-09"))
    told = services.appeals.create(appeal_data(
        person, received_at="2026-11-10 10:00", extended_on="2026-11-13",
        extension_reason="Запрошены сведения в акимате", extended_until="2027-01-09",
        extension_notified_on="2026-11-16"))
    forwarding = services.appeals.create(appeal_data(  # 3 working days to forward it
        person, received_at="2026-11-14 09:00", outside_competence=True))
    return forwarding, silent, told


def test_late_notices_and_forwardings_are_listed_oldest_first(services, person, tmp_path,
                                                              qapp):
    forwarding, silent, told = late_appeals(services, person)
    make_ctx(services, tmp_path)  # the Russian translators
    data = collect(services, "ru")
    lines = [(line.record_id, line.cells[0], line.cells[3]) for line in data.overdue_appeals]
    due = services.appeals.notice_due(silent.extended_on).strftime("%d.%m.%Y")
    forwarding_due = forwarding.due_date.strftime("%d.%m.%Y")
    assert (silent.id, due, "Уведомить заявителя о продлении срока") in lines
    assert (forwarding.id, forwarding_due, "Не перенаправлено за 3 рабочих дня") in lines
    assert told.id not in {line.record_id for line in data.overdue_appeals}
    assert [line.cells[0] for line in data.overdue_appeals] == sorted(
        (line.cells[0] for line in data.overdue_appeals),
        key=lambda d: tuple(reversed(d.split("."))))
    assert all(line.overdue for line in data.overdue_appeals)
    assert data.overdue_total == len(data.overdue_appeals)


def test_enter_on_a_late_notice_opens_its_appeal(qtbot, services, person, tmp_path,
                                                monkeypatch):
    _forwarding, silent, _told = late_appeals(services, person)
    ctx = make_ctx(services, tmp_path)
    opened = []
    monkeypatch.setattr(ctx, "open_record", lambda kind, record_id=None, parent=None,
                        initial=None: opened.append((kind, record_id)))
    home = HomePage(ctx, background=False)
    qtbot.addWidget(home)
    home.show()
    home.refresh()
    rows = [home.overdue.topLevelItem(i) for i in range(home.overdue.topLevelItemCount())]
    row = next(r for r in rows if r.data(0, RECORD_ROLE) == ("appeal", silent.id))
    assert row.text(3) == "Уведомить заявителя о продлении срока"
    home.overdue.setFocus()
    home.overdue.setCurrentItem(row)
    qtbot.keyClick(home.overdue, Qt.Key.Key_Return)
    assert opened == [("appeal", silent.id)]
