"""The home page: the inspector's day at a glance.

Today's and this month's figures per register, the preventive-registration checks due or
overdue (the to-do list), appeals past their due date (a forwarding past its 3 working days
named as such) and those whose citizen was not told of an extension in time, the oldest term
first, the КУИ records waiting for their
registration or check (the overdue first), the art. 461 protocols stored before a breach named
its order and not linked automatically (:mod:`inspector_app.services.breach_links`; shown only
while there are some) and the latest records. A line of the
to-do list records that check (a new check visit of the person, prefilled); every other line
opens its record; a right-click offers the same and "Open the registration". Everything is
read in one background job, so the window shows at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QPoint, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.changes import Changes
from inspector_app.domain.numbers import group_thousands
from inspector_app.domain.permissions import Action
from inspector_app.errors import InspectorError
from inspector_app.kinds import KINDS
from inspector_app.queries.registers import REGISTER_OF_KIND, REGISTERS, Filters, format_value
from inspector_app.services.breach_links import unlinked_breaches
from inspector_app.services.context import Services
from ui.context import UiContext
from ui.errors import show_error
from ui.icons import icon
from ui.kinds import DATED_KINDS, UI_KINDS
from ui.worker import run_job

LIST_LIMIT = 50
DUE_WITHIN_DAYS = 7
RECENT_COUNT = 12
OVERDUE_COLOUR = QColor("#b3261e")
RECORD_ROLE = Qt.ItemDataRole.UserRole + 1

FIGURE_REGISTERS = tuple(KINDS[slug].register for slug in DATED_KINDS)


@dataclass
class Line:
    """One line of a list: its cells, the record it opens, whether it is overdue."""

    cells: tuple[str, ...]
    kind: str
    record_id: str
    overdue: bool = False


@dataclass
class HomeData:
    today: date
    figures: list[tuple[str, int, int]] = field(default_factory=list)  # register, day, month
    checks: list[Line] = field(default_factory=list)
    checks_total: int = 0
    checks_overdue: int = 0
    overdue_appeals: list[Line] = field(default_factory=list)
    overdue_total: int = 0
    crime_reports: list[Line] = field(default_factory=list)
    crime_reports_total: int = 0
    crime_reports_overdue: int = 0
    breaches: list[Line] = field(default_factory=list)
    breaches_total: int = 0
    recent: list[Line] = field(default_factory=list)


def _date_column(register):
    return next(c for c in register.columns if c.sort is register.date_field)


def _appeals_to_do(services: Services, today: date, lang: str) -> tuple[list[Line], int]:
    """Appeals past their due date (a forwarding past its 3 working days says so) and
    extended appeals whose citizen was not told within 3 working days (АППК art. 76), the
    oldest term first; and how many there are."""
    cats = services.catalogues
    appeals = REGISTER_OF_KIND["appeal"]
    overdue = Filters(status="overdue", today=today)
    columns = {c.key: c for c in appeals.columns}
    forwarding = {a.id for a in services.appeals.forwarding_overdue(today).limit(LIST_LIMIT)}
    dated: list[tuple[date, Line]] = []
    for row in appeals.page(overdue, "due_date", False, 0, LIST_LIMIT):
        cells = [format_value(row.get(key), columns[key], cats, lang)
                 for key in ("due_date", "talon_number", "applicant", "topic")]
        if row["id"] in forwarding:
            cells[3] = QCoreApplication.translate("HomePage", "Not forwarded in 3 working days")
        dated.append((row["due_date"], Line(tuple(cells), "appeal", row["id"], True)))
    untold = [n for n in services.appeals.late_notices(today)
              if n.appeal.extension_notified_on is None]
    names = services.persons.full_names([n.appeal.applicant_id for n in untold
                                         if n.appeal.applicant_id])
    told = QCoreApplication.translate("HomePage", "Tell the citizen of the extension")
    for notice in untold:
        appeal = notice.appeal
        dated.append((notice.notice_due, Line(
            (notice.notice_due.strftime("%d.%m.%Y"), appeal.talon_number,
             names.get(appeal.applicant_id, ""), told), "appeal", appeal.id, True)))
    dated.sort(key=lambda pair: pair[0])
    return [line for _day, line in dated[:LIST_LIMIT]], appeals.count(overdue) + len(untold)


def _breaches_to_link(services: Services) -> tuple[list[Line], int]:
    """Protocols under КоАП art. 461 that name no order (stored before the link, not linked
    automatically: no order or several ran that day), the oldest first; and how many."""
    unlinked = unlinked_breaches(services)
    if not unlinked:
        return [], 0
    names = services.persons.full_names([u.offence.offender_id for u in unlinked[:LIST_LIMIT]])
    lines = []
    for item in unlinked[:LIST_LIMIT]:
        offence = item.offence
        reason = (QCoreApplication.translate("HomePage", "No order ran that day: check it")
                  if item.candidates == 0 else
                  QCoreApplication.translate("HomePage", "%n orders ran that day: choose one",
                                             "", item.candidates))
        lines.append(Line((offence.committed_at.strftime("%d.%m.%Y"), offence.protocol_number,
                           names.get(offence.offender_id, ""), reason), "offence", offence.id))
    return lines, len(unlinked)


def collect(services: Services, lang: str) -> HomeData:
    """Read everything the home page shows (runs on a worker thread)."""
    today = services.clock.today()
    data = HomeData(today)
    month = Filters(date_from=today.replace(day=1), date_to=today, today=today)
    for name in FIGURE_REGISTERS:
        register = REGISTERS[name]
        day = register.count(Filters(date_from=today, date_to=today, today=today))
        data.figures.append((name, day, register.count(month)))

    due = services.registrations.due(DUE_WITHIN_DAYS, today)
    data.checks_total = due.count()
    data.checks_overdue = REGISTER_OF_KIND["registration"].count(
        Filters(status="overdue", today=today))
    cats = services.catalogues
    registrations = list(due.limit(LIST_LIMIT))
    names = services.persons.full_names([r.person_id for r in registrations])
    for registration in registrations:
        data.checks.append(Line(
            (registration.next_check_due.strftime("%d.%m.%Y"), names[registration.person_id],
             cats.title("registration_categories", registration.category, lang),
             registration.last_check_on.strftime("%d.%m.%Y")
             if registration.last_check_on else ""),
            "registration", registration.id, registration.next_check_due < today))

    data.overdue_appeals, data.overdue_total = _appeals_to_do(services, today, lang)

    now = services.clock.now_local()
    waiting = services.crime_reports.deadlines()
    data.crime_reports_total, data.crime_reports_overdue = \
        services.crime_reports.deadline_counts(now)
    reports = list(waiting.limit(LIST_LIMIT))
    reporters = services.persons.full_names([r.reporter_id for r in reports if r.reporter_id])
    for report in reports:
        who = reporters.get(report.reporter_id) or cats.title("crime_report_sources",
                                                              report.source, lang)
        data.crime_reports.append(Line(
            (report.due_at.strftime("%d.%m.%Y %H:%M"),
             cats.title("crime_report_statuses", report.status, lang), who,
             report.substance.splitlines()[0]),
            "crime_report", report.id, report.due_at < now))

    data.breaches, data.breaches_total = _breaches_to_link(services)

    recent: list[tuple[datetime, Line]] = []
    for slug in DATED_KINDS:
        register, keys = REGISTER_OF_KIND[slug], UI_KINDS[slug].summary
        name = register.name
        moment = _date_column(register)
        for row in register.page(Filters(today=today), moment.key, True, 0, RECENT_COUNT):
            value = row.get(moment.key)
            when = value if isinstance(value, datetime) \
                else datetime.combine(value, datetime.min.time())
            parts = [format_value(row.get(k), register.column(k), cats, lang) for k in keys]
            if name == "feedback" and parts[0]:
                parts[0] = f"{parts[0]}/5"
            recent.append((when, Line(
                (format_value(value, moment, cats, lang), services_title(name, lang),
                 " · ".join(p for p in parts if p)), register.kind, row["id"])))
    recent.sort(key=lambda pair: pair[0], reverse=True)
    data.recent = [line for _when, line in recent[:RECENT_COUNT]]
    return data


def services_title(register_name: str, lang: str) -> str:
    from inspector_app.messages import translate

    return translate(REGISTERS[register_name].title, lang)


class RecordList(QTreeWidget):
    """A flat list of records; Enter or double-click opens the record (``sig_open``), a
    right-click offers :attr:`menu_actions` for the line."""

    sig_open = Signal(str, str)  # kind, record id

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.menu_actions: list[tuple[str, Callable[[str, str], None]]] = []  # text, handler
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.header().setStretchLastSection(True)
        self.itemActivated.connect(self._activated)

    def set_lines(self, lines: list[Line], empty_text: str) -> None:
        self.clear()
        for line in lines:
            item = QTreeWidgetItem(list(line.cells))
            item.setData(0, RECORD_ROLE, (line.kind, line.record_id))
            if line.overdue:
                for column in range(len(line.cells)):
                    item.setForeground(column, QBrush(OVERDUE_COLOUR))
                item.setIcon(0, icon("warning"))
            self.addTopLevelItem(item)
        if not lines:
            item = QTreeWidgetItem([empty_text])
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addTopLevelItem(item)
        for column in range(self.columnCount() - 1):
            self.resizeColumnToContents(column)
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        target = item.data(0, RECORD_ROLE)
        if target:
            self.sig_open.emit(*target)

    def _context_menu(self, pos: QPoint) -> None:
        item = self.itemAt(pos)
        target = item.data(0, RECORD_ROLE) if item is not None else None
        if not target or not self.menu_actions:
            return
        self.setCurrentItem(item)
        menu = QMenu(self)
        for text, handler in self.menu_actions:
            menu.addAction(text, lambda *_args, h=handler: h(*target))
        menu.exec(self.viewport().mapToGlobal(pos))
        menu.deleteLater()


class FigureCard(QFrame):
    """One register's figures: its title, today's count (large) and this month's."""

    sig_clicked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setMinimumHeight(self.fontMetrics().height() * 2 + 2)
        self.title.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.today = QLabel("…", self)
        font = QFont(self.today.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.today.setFont(font)
        self.month = QLabel(self)
        self.month.setWordWrap(True)
        figures = QHBoxLayout()
        figures.addWidget(self.today)
        figures.addWidget(self.month, 1, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.title)
        layout.addLayout(figures)

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.sig_clicked.emit()
        super().mouseReleaseEvent(event)


class HomePage(QWidget):
    """Figures, to-do list, overdue appeals and recent records of the day."""

    sig_status = Signal(str)
    sig_show_register = Signal(str)  # a figure card was clicked: the register's name

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, *,
                 background: bool = True):
        super().__init__(parent)
        self.ctx = ctx
        self.background = background
        self.data: HomeData | None = None
        self._dirty = True
        self._job = None
        self._pending = False

        self.greeting = QLabel(self)
        font = QFont(self.greeting.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.greeting.setFont(font)
        self.date_label = QLabel(self)
        self.quick_buttons: dict[str, QPushButton] = {}
        quick = QHBoxLayout()
        self.quick_label = QLabel(self)
        quick.addWidget(self.quick_label)
        for kind in DATED_KINDS:
            button = QPushButton(icon(UI_KINDS[kind].icon), "", self)
            button.clicked.connect(lambda *_args, k=kind: self.new_record_of(k))
            self.quick_buttons[kind] = button
            quick.addWidget(button)
        quick.addStretch(1)

        self.figures_box = QGroupBox(self)
        self.cards_grid = QGridLayout(self.figures_box)
        self.figure_cards: dict[str, FigureCard] = {}
        for name in FIGURE_REGISTERS:
            card = FigureCard(self.figures_box)
            card.sig_clicked.connect(lambda *_args, n=name: self.sig_show_register.emit(n))
            self.figure_cards[name] = card
        self._card_columns = 0
        self._place_cards((len(FIGURE_REGISTERS) + 1) // 2)
        # The cards re-flow with the width (resizeEvent), so their row never sets a minimum.
        self.figures_box.setSizePolicy(QSizePolicy.Policy.Ignored,
                                       QSizePolicy.Policy.Preferred)

        self.checks_box, self.checks = self._list_box(4, self.record_check)
        self.overdue_box, self.overdue = self._list_box(4, self.open_record)
        self.kui_box, self.kui = self._list_box(4, self.open_record)
        self.breach_box, self.breaches = self._list_box(4, self.open_record)
        self.breach_box.setVisible(False)  # shown while there are protocols to link
        self.recent_box, self.recent = self._list_box(3, self.open_record)

        grid = QGridLayout()
        grid.addWidget(self.checks_box, 0, 0)
        grid.addWidget(self.overdue_box, 0, 1)
        grid.addWidget(self.kui_box, 1, 0, 1, 2)
        grid.addWidget(self.breach_box, 2, 0, 1, 2)
        grid.addWidget(self.recent_box, 3, 0, 1, 2)
        for row in range(4):
            grid.setRowStretch(row, 1)
        content = QWidget(self)
        layout = QVBoxLayout(content)
        header = QHBoxLayout()
        header.addWidget(self.greeting, 1)
        header.addWidget(self.date_label)
        layout.addLayout(header)
        layout.addLayout(quick)
        layout.addWidget(self.figures_box)
        layout.addLayout(grid, 1)
        # On a small screen (or at 150 % scaling) the page scrolls instead of squeezing.
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        ctx.sig_data_changed.connect(self._on_data_changed)
        ctx.sig_language_changed.connect(lambda _lang: self._on_language())
        self.retranslate()

    def _place_cards(self, columns: int) -> None:
        """Cards in one row on a wide window, in two rows on a narrow one."""
        if columns == self._card_columns:
            return
        self._card_columns = columns
        for card in self.figure_cards.values():
            self.cards_grid.removeWidget(card)
        for number, card in enumerate(self.figure_cards.values()):
            self.cards_grid.addWidget(card, number // columns, number % columns)
        for column in range(len(self.figure_cards)):
            self.cards_grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event) -> None:
        cards = len(FIGURE_REGISTERS)
        wide = event.size().width() >= self.fontMetrics().averageCharWidth() * 22 * cards
        self._place_cards(cards if wide else (cards + 1) // 2)
        super().resizeEvent(event)

    def _list_box(self, columns: int, on_open: Callable[[str, str], None]
                  ) -> tuple[QGroupBox, RecordList]:
        box = QGroupBox(self)
        records = RecordList(box)
        records.setColumnCount(columns)
        records.sig_open.connect(on_open)
        QVBoxLayout(box).addWidget(records)
        return box, records

    # -- texts ----------------------------------------------------------------------------
    def page_title(self) -> str:
        return self.tr("Today")

    def retranslate(self) -> None:
        session = self.ctx.services.session
        self.greeting.setText(self.tr("Good day, %1").replace("%1", session.full_name)
                              if session else self.tr("Good day"))
        self.date_label.setText(QLocale().toString(self._today(), "dddd, dd.MM.yyyy"))
        self.quick_label.setText(self.tr("New:"))
        for kind, button in self.quick_buttons.items():
            button.setText(QCoreApplication.translate("HomePage", UI_KINDS[kind].new_title))
            button.setToolTip(QCoreApplication.translate("HomePage", UI_KINDS[kind].new_tip))
            button.setVisible(self.ctx.services.can(Action.CREATE, kind))
        self.quick_label.setVisible(any(not b.isHidden() for b in self.quick_buttons.values()))
        open_text = self.tr("Open")
        self.checks.menu_actions = [(self.tr("Record this check…"), self.record_check),
                                    (self.tr("Open the registration"), self.open_record)]
        if not self.may_record_checks():
            self.checks.menu_actions = self.checks.menu_actions[1:]
        self.overdue.menu_actions = [(open_text, self.open_record)]
        self.kui.menu_actions = [(open_text, self.open_record)]
        self.breaches.menu_actions = [(open_text, self.open_record)]
        self.recent.menu_actions = [(open_text, self.open_record)]
        self.figures_box.setTitle(self.tr("Figures: today and this month"))
        for name, card in self.figure_cards.items():
            card.title.setText(self.ctx.t(REGISTERS[name].title))
            card.setToolTip(self.tr("Open the register"))
        self._show_figures()
        self.checks.setHeaderLabels([self.tr("Check due"), self.tr("Person"),
                                     self.tr("Category"), self.tr("Last check")])
        self.overdue.setHeaderLabels([self.tr("Due date"), self.tr("Talon"),
                                      self.tr("Applicant"), self.tr("Topic")])
        self.kui.setHeaderLabels([self.tr("Deadline"), self.tr("Stage"), self.tr("Reported by"),
                                  self.tr("Substance")])
        self.breaches.setHeaderLabels([self.tr("Offence"), self.tr("Protocol"),
                                       self.tr("Offender"), self.tr("What to do")])
        self.recent.setHeaderLabels([self.tr("Date"), self.tr("Register"), self.tr("Record")])
        self._show_box_titles()
        if self.data is not None:
            self._fill_lists()

    def _show_box_titles(self) -> None:
        data = self.data
        checks = data.checks_total if data else 0
        overdue = data.overdue_total if data else 0
        self.checks_box.setTitle(self.tr("Registration checks due within a week or overdue")
                                 + (f" ({checks})" if data else ""))
        self.overdue_box.setTitle(self.tr("Appeals past their due date")
                                  + (f" ({overdue})" if data else ""))
        kui = (f" ({data.crime_reports_total}, "
               + self.tr("overdue: %1").replace("%1", group_thousands(
                   data.crime_reports_overdue)) + ")") if data else ""
        self.kui_box.setTitle(self.tr("КУИ: registration and check deadlines") + kui)
        self.breach_box.setTitle(
            self.tr("Breaches (КоАП art. 461) not linked to their order")
            + (f" ({data.breaches_total})" if data else ""))
        self.recent_box.setTitle(self.tr("Latest records"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_language(self) -> None:
        for name, card in self.figure_cards.items():
            card.title.setText(self.ctx.t(REGISTERS[name].title))
        self.refresh()

    def _today(self) -> date:
        return self.ctx.services.clock.today()

    # -- loading --------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def refresh(self) -> None:
        """Read the day's figures and lists again."""
        self._dirty = False
        if not self.background:
            self._show(collect(self.ctx.services, self.ctx.lang))
            return
        if self._job is not None:
            self._pending = True
            return
        self.sig_status.emit(self.tr("Loading…"))
        lang = self.ctx.lang
        self._job = run_job(lambda progress: collect(self.ctx.services, lang),
                            db=self.ctx.services.db, show_progress=False,
                            on_done=self._loaded, on_error=self._failed)

    def is_loading(self) -> bool:
        return self._job is not None

    def _loaded(self, data: HomeData) -> None:
        self._job = None
        if self._pending:
            self._pending = False
            self.refresh()
            return
        self._show(data)

    def _failed(self, exc: BaseException) -> None:
        self._job = None
        self._pending = False
        show_error(self, exc, self.ctx.lang)

    def _show(self, data: HomeData) -> None:
        self.data = data
        self._show_figures()
        self._fill_lists()
        self._show_box_titles()
        self.sig_status.emit(self.status_text())

    def _show_figures(self) -> None:
        if self.data is None:
            return
        locale = QLocale()
        for name, day, month in self.data.figures:
            card = self.figure_cards[name]
            card.today.setText(locale.toString(day))
            card.month.setText(self.tr("today · %1 this month").replace(
                "%1", locale.toString(month)))

    def _fill_lists(self) -> None:
        data = self.data
        self.checks.set_lines(data.checks, self.tr("No checks due this week"))
        self.overdue.set_lines(data.overdue_appeals, self.tr("No overdue appeals"))
        self.kui.set_lines(data.crime_reports, self.tr("No КУИ records waiting"))
        self.breaches.set_lines(data.breaches, "")
        self.breach_box.setVisible(bool(data.breaches))
        self.recent.set_lines(data.recent, self.tr("No records yet"))

    def status_text(self) -> str:
        if self.data is None:
            return self.tr("Loading…")
        return self.tr("Overdue checks: %1 · overdue appeals: %2").replace(
            "%1", group_thousands(self.data.checks_overdue)).replace(
            "%2", group_thousands(self.data.overdue_total))

    def _on_data_changed(self, _changes: Changes) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    # -- records --------------------------------------------------------------------------
    def open_record(self, kind: str, record_id: str) -> None:
        self.ctx.open_record(kind, record_id, self)

    def may_record_checks(self) -> bool:
        return self.ctx.services.can(Action.CREATE, "preventive_visit")

    def record_check(self, kind: str, registration_id: str) -> None:
        """A line of the to-do list: a new check visit of that registered person, prefilled
        (the registration itself for whoever may not record visits)."""
        if not self.may_record_checks():
            self.open_record(kind, registration_id)
            return
        try:
            initial = self.ctx.services.visits.check_values(registration_id)
        except InspectorError as exc:
            show_error(self, exc, self.ctx.lang)
            return
        self.ctx.open_record("preventive_visit", None, self, initial=initial)

    def new_record_of(self, kind: str) -> None:
        self.ctx.open_record(kind, None, self)

    def new_record(self) -> None:
        """Ctrl+N on the home page: pick what to record from a menu."""
        menu = QMenu(self)
        for kind, button in self.quick_buttons.items():
            if button.isVisible():
                menu.addAction(button.icon(), button.text(),
                               lambda *_args, k=kind: self.new_record_of(k))
        menu.exec(self.mapToGlobal(self.quick_buttons["appeal"].geometry().bottomLeft()))

