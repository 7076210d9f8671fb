"""The main window: a sidebar of pages (home, seven registers, the area), menus, status bar.

Pages are plain widgets added with :meth:`MainWindow.add_page`. A page may offer
``page_title()`` (its sidebar and window title), ``new_record()`` (File → New record, Ctrl+N),
``refresh()`` (View → Refresh, F5) and a ``sig_status(str)`` signal whose text the status bar
shows while the page is current.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from inspector_app import __version__
from inspector_app.domain.permissions import Action
from inspector_app.kinds import KINDS
from ui.accounts_page import AccountsPage
from ui.area_page import AreaPage
from ui.audit_view import AuditLogPage
from ui.context import UiContext
from ui.help_dialog import ManualAction
from ui.home_page import HomePage
from ui.i18n import application_name
from ui.icons import app_icon, icon
from ui.kinds import PAGE_KINDS, UI_KINDS
from ui.registers.register_page import RegisterPage
from ui.reports_page import ReportsPage
from ui.retention_page import RetentionPage
from ui.settings import MAIN_WINDOW_GEOMETRY, MAIN_WINDOW_STATE
from ui.worker import stop_all_jobs

SMALL_SCREEN = QSize(1366, 768)
"""A screen whose available area is no wider or no taller than this opens the window
maximised (the default 1280×720 would hang over its edges or the taskbar)."""



@dataclass
class Page:
    key: str
    widget: QWidget
    item: QListWidgetItem
    title: Callable[[], str]
    container: QWidget


class MainWindow(QMainWindow):
    """The inspector's working window over one open database."""

    def __init__(self, ctx: UiContext, *, database_path: str = "", background: bool = True,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.database_path = database_path
        self.pages: list[Page] = []
        self.close_hooks: list[Callable[[], None]] = []  # run when the window closes
        self.setWindowIcon(app_icon())

        self.nav = QListWidget(self)
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setSpacing(2)
        self.nav.setWordWrap(True)
        self.nav.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget(self)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.page_status = QLabel(self)
        self.user_status = QLabel(self)
        self.statusBar().addWidget(self.page_status, 1)
        self.statusBar().addPermanentWidget(self.user_status)

        self.home = HomePage(ctx, self, background=background)
        self.home.sig_show_register.connect(self.show_page)
        self.add_page("home", self.home, "home")
        self.registers: dict[str, RegisterPage] = {}
        for slug in PAGE_KINDS:
            name = KINDS[slug].register
            page = RegisterPage(ctx, name, self, background=background)
            self.registers[name] = page
            self.add_page(name, page, UI_KINDS[slug].icon)
        self.area = AreaPage(ctx, self, background=background)
        self.add_page("area", self.area, "area")
        self.reports = ReportsPage(ctx, self)
        self.add_page("reports", self.reports, "report")
        if ctx.services.can(Action.MANAGE_ACCOUNTS, "staff"):
            self.accounts = AccountsPage(ctx, self)
            self.add_page("accounts", self.accounts, "person")
            self.audit = AuditLogPage(ctx, self)
            self.add_page("audit", self.audit, "lock",
                          lambda: QCoreApplication.translate("MainWindow", "Audit log"))
            if not ctx.services.is_district_office:  # its copies follow the points
                self.retention = RetentionPage(ctx, self)
                self.add_page("retention", self.retention, "delete")

        self._build_menus()
        self.nav.currentRowChanged.connect(self._on_page_changed)
        ctx.sig_language_changed.connect(lambda _lang: self.retranslate())
        self.retranslate()
        self._restore_state()

    # -- pages ----------------------------------------------------------------------------
    def add_page(self, key: str, widget: QWidget, icon_name: str,
                 title: Callable[[], str] | None = None) -> None:
        """Add a page to the sidebar (reports and sync screens use this too)."""
        item = QListWidgetItem(icon(icon_name), "")
        self.nav.addItem(item)
        # Each page scrolls inside the window when it cannot shrink enough (150 % scaling on a
        # 1366x768 screen leaves 910x512 logical pixels), so no page widens the window.
        container = QScrollArea(self)
        container.setWidgetResizable(True)
        container.setFrameShape(QFrame.Shape.NoFrame)
        container.setWidget(widget)
        self.stack.addWidget(container)
        page_title = title or getattr(widget, "page_title", None) or (lambda: key)
        self.pages.append(Page(key, widget, item, page_title, container))
        item.setText(page_title())
        item.setToolTip(page_title())
        status = getattr(widget, "sig_status", None)
        if status is not None:
            status.connect(lambda text, *, w=widget: self._on_page_status(w, text))
        if hasattr(self, "view_menu"):
            self._rebuild_view_menu()

    def page(self, key: str) -> QWidget:
        return next(p.widget for p in self.pages if p.key == key)

    def show_page(self, key: str) -> None:
        self.nav.setCurrentRow(next(i for i, p in enumerate(self.pages) if p.key == key))

    def current_page(self) -> QWidget:
        row = self.nav.currentRow()
        return self.pages[row].widget if row >= 0 else self.pages[0].widget

    def _on_page_changed(self, row: int) -> None:
        if row < 0:
            return
        page = self.pages[row]
        self.stack.setCurrentWidget(page.container)
        status = getattr(page.widget, "status_text", None)
        self.page_status.setText(status() if status else "")
        self._update_window_title()
        self.new_action.setEnabled(hasattr(page.widget, "new_record"))

    def _on_page_status(self, widget: QWidget, text: str) -> None:
        if widget is self.current_page():
            self.page_status.setText(text)

    # -- menus ----------------------------------------------------------------------------
    def _build_menus(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.new_action = QAction(icon("new"), "", self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_record)
        self.settings_action = QAction(icon("settings"), "", self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.open_settings)
        self.quit_action = QAction("", self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.new_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.view_menu = self.menuBar().addMenu("")
        self.refresh_action = QAction(icon("refresh"), "", self)
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_action.triggered.connect(self.refresh_current)
        self._rebuild_view_menu()

        self.help_menu = self.menuBar().addMenu("")
        self.manual_action = ManualAction(self.ctx, self)
        self.help_menu.addAction(self.manual_action)
        self.about_action = QAction(icon("about"), "", self)
        self.about_action.triggered.connect(self.show_about)
        self.help_menu.addAction(self.about_action)

    def add_file_actions(self, actions: list[QAction | None]) -> None:
        """Put ``actions`` into the File menu before Settings (None: a separator)."""
        for action in actions:
            if action is None:
                self.file_menu.insertSeparator(self.settings_action)
            else:
                self.file_menu.insertAction(self.settings_action, action)
        self.file_menu.insertSeparator(self.settings_action)

    def _rebuild_view_menu(self) -> None:
        self.view_menu.clear()
        self.page_actions: list[QAction] = []
        for number, page in enumerate(self.pages):
            action = QAction(page.item.icon(), page.title(), self)
            if number < 9:  # Ctrl+1 … Ctrl+9, and Ctrl+0 the reports (past the ninth page)
                action.setShortcut(QKeySequence(f"Ctrl+{number + 1}"))
            elif page.key == "reports":
                action.setShortcut(QKeySequence("Ctrl+0"))
            action.triggered.connect(lambda *_args, n=number: self.nav.setCurrentRow(n))
            self.view_menu.addAction(action)
            self.page_actions.append(action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.refresh_action)

    # -- texts ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.new_action.setText(self.tr("&New record…"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.refresh_action.setText(self.tr("&Refresh"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About the program"))
        for page, action in zip(self.pages, self.page_actions, strict=False):
            page.item.setText(page.title())
            action.setText(page.title())
        self._fit_nav()
        session = self.ctx.services.session
        user = session.full_name if session else self.tr("no user")
        self.user_status.setText(f"{user} · {self.ctx.services.point_code}")
        self._update_window_title()

    def _fit_nav(self) -> None:
        """Make the sidebar as wide as its longest title (within reason)."""
        metrics = self.nav.fontMetrics()
        widest = max(metrics.horizontalAdvance(p.title()) for p in self.pages)
        icon_room = self.nav.iconSize().width() + 36
        self.nav.setFixedWidth(min(max(widest + icon_room, 160), metrics.averageCharWidth() * 27))

    def _update_window_title(self) -> None:
        page = self.pages[self.nav.currentRow()] if self.nav.currentRow() >= 0 else None
        name = application_name()  # the title ends with it, so Qt does not add it again
        self.setWindowTitle(f"{page.title()} — {name}" if page else name)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- actions --------------------------------------------------------------------------
    def new_record(self) -> None:
        page = self.current_page()
        if hasattr(page, "new_record"):
            page.new_record()

    def refresh_current(self) -> None:
        page = self.current_page()
        if hasattr(page, "refresh"):
            page.refresh()

    def open_settings(self) -> None:
        from ui.settings_dialog import SettingsDialog

        SettingsDialog(self.ctx, self).exec()

    def about_text(self) -> str:
        point = html.escape(self.ctx.services.point_code)
        path = html.escape(self.database_path or self.tr("(in memory)"))
        name = application_name()
        summary = self.tr("The offline desk of a precinct police inspector: registers, "
                          "reports and sync with the district office by file.")
        fonts = self.tr("Fonts: DejaVu (Bitstream Vera licence; DejaVu changes are in the "
                        "public domain).")
        icons = self.tr("Icons: drawn for this program, CC0 1.0 (public domain).")
        qt = self.tr("Qt for Python (PySide6): LGPL v3.")
        point_label, database_label = self.tr("Point"), self.tr("Database")
        return (f"<h3>{name} {__version__}</h3><p>{summary}</p>"
                f"<p><b>{point_label}:</b> {point}<br>"
                f"<b>{database_label}:</b> {path}</p>"
                f"<p>{fonts}<br>{icons}<br>{qt}</p>")

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About the program"), self.about_text())

    # -- window state ---------------------------------------------------------------------
    def _restore_state(self) -> None:
        settings = self.ctx.settings
        geometry = MAIN_WINDOW_GEOMETRY.read(settings)
        self.geometry_remembered = not geometry.isEmpty()
        if self.geometry_remembered:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 720)
        state = MAIN_WINDOW_STATE.read(settings)
        if not state.isEmpty():
            self.restoreState(state)
        self.nav.setCurrentRow(0)  # the day starts on the home page

    def show_at_start(self) -> None:
        """Show the window as the program starts: as this PC last left it, or, the first
        time, maximised on a small screen (see :data:`SMALL_SCREEN`)."""
        available = self.screen().availableGeometry().size()
        small = available.width() <= SMALL_SCREEN.width() \
            or available.height() <= SMALL_SCREEN.height()
        if small and not self.geometry_remembered:
            self.showMaximized()
        else:
            self.show()

    def save_state(self) -> None:
        """Remember the window geometry and the registers' columns (per PC)."""
        MAIN_WINDOW_GEOMETRY.write(self.ctx.settings, self.saveGeometry())
        MAIN_WINDOW_STATE.write(self.ctx.settings, self.saveState())
        for page in self.registers.values():
            page.save_header()

    def closeEvent(self, event: QCloseEvent) -> None:
        for hook in self.close_hooks:
            hook()
        stop_all_jobs()
        self.save_state()
        self.ctx.settings.sync()
        super().closeEvent(event)

