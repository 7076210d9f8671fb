"""A lazy Qt table model over one of the core's registers.

The model never holds the whole register: ``rowCount`` is the register's ``count()`` for the
current filters and rows are fetched with ``page()`` in blocks of 200 when a view asks for
them, formatted once and cached (least recently used blocks are dropped). Sorting and
filtering re-run the query in SQL.

Two ways of loading, same behaviour otherwise:

* synchronous (``background=False``): queries run in ``reload()``/``data()``; used by tests
  and tools where simplicity beats responsiveness;
* background (``background=True``, what the register page uses): a reload fetches the
  first block on a worker thread, shows it, then counts (the count may scan an index and
  extends the rows when it arrives); blocks deep in the table are fetched the same way while
  the view shows empty cells for those few milliseconds. Typing and scrolling never wait for
  SQLite. Newer requests win: new filters interrupt the running query
  (``sqlite3.Connection.interrupt``) and only the latest filters are run next.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from inspector_app.messages import field_label, has_message
from inspector_app.queries.registers import Column, Filters, Register, format_value
from inspector_app.services.context import Services
from ui.i18n import core_text
from ui.worker import run_job

BLOCK_SIZE = 200
MAX_CACHED_BLOCKS = 50
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_NUMERIC = {"int", "money"}
_TOOLTIP_LENGTH = 40
# the roles as plain ints: a view asks data() about ten roles per visible cell and repaint
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_ANSWERED_ROLES = frozenset({_DISPLAY, _TOOLTIP, _ALIGNMENT, int(ROW_ID_ROLE)})

Row = tuple[str, tuple[str, ...]]  # (record id, formatted cells)


def column_title(column: Column, lang: str) -> str:
    """A column's header: its message, else the generic label of the field ("Канал")."""
    if has_message(column.label):
        return core_text(column.label, lang)
    return field_label("any", column.key, lang)


class RegisterTableModel(QAbstractTableModel):
    """Rows of ``register`` matching the current filters, in the current SQL order."""

    sig_loaded = Signal(int)  # a reload finished: the number of matching rows
    sig_busy = Signal(bool)  # background work started / all done
    sig_failed = Signal(object)  # a background query failed: the exception

    def __init__(self, register: Register, services: Services, lang: str = "ru", *,
                 background: bool = False, block_size: int = BLOCK_SIZE,
                 parent=None):
        super().__init__(parent)
        self.register = register
        self.services = services
        self.lang = lang
        self.background = background
        self.block_size = block_size
        self.columns: tuple[Column, ...] = register.columns
        self._alignments = tuple(int(_RIGHT if c.kind in _NUMERIC else _LEFT)
                                 for c in self.columns)
        self._filters = Filters()
        self._sort = register.default_sort
        # Dated registers open newest first; the persons directory alphabetically.
        self._descending = register.date_field is not None
        self._count = 0
        self._blocks: OrderedDict[int, list[Row]] = OrderedDict()
        self._generation = 0
        self._reload_job = None
        self._reload_pending = False
        self._count_job = None
        self._count_holder: dict[str, object] = {}
        self._reload_holder: dict[str, object] = {}
        self._count_known = False
        self._block_job = None
        self._wanted_blocks: list[int] = []
        self.loaded_once = False

    # -- query state ----------------------------------------------------------------------
    @property
    def filters(self) -> Filters:
        return replace(self._filters)

    @property
    def sort_key(self) -> str:
        return self._sort

    @property
    def descending(self) -> bool:
        return self._descending

    def set_filters(self, filters: Filters) -> None:
        """Show the rows matching ``filters`` (re-runs the query)."""
        self._filters = replace(filters)
        self.reload()

    def set_sort(self, key: str, descending: bool, *, reload: bool = True) -> None:
        """Order rows by column ``key`` (ignored if the column cannot be sorted in SQL)."""
        column = self.register.column(key)
        if column is None or column.sort is None:
            return
        if (key, descending) == (self._sort, self._descending) and self.loaded_once:
            return
        self._sort, self._descending = key, descending
        if reload and self.loaded_once:
            self.reload()

    def set_language(self, lang: str) -> None:
        """Re-format headers and cells (catalogue titles, yes/no) in ``lang``."""
        self.lang = lang
        self.reload()

    def is_sortable(self, column: int) -> bool:
        return 0 <= column < len(self.columns) and self.columns[column].sort is not None

    def sort_column(self) -> int:
        return next((i for i, c in enumerate(self.columns) if c.key == self._sort), -1)

    # -- loading --------------------------------------------------------------------------
    @property
    def count_known(self) -> bool:
        """False while the background count of a fresh query is still running."""
        return self._count_known

    def reload(self) -> None:
        """Fetch the first block and count the matching rows, now or in the background.

        In the background the first block comes first (the index walk is fast) and the rows
        show at once; the count, which may have to scan the table, follows and extends the
        row count when it arrives.
        """
        self._generation += 1
        self._interrupt_count()
        if not self.background:
            snapshot = self._snapshot()
            rows = self._load(snapshot, 0)
            count = len(rows) if len(rows) < self.block_size else self._count_rows(snapshot)
            self._apply(self._generation, rows, count)
            return
        if self._reload_job is not None:
            self._reload_pending = True  # started when the running query returns...
            self._interrupt(self._reload_holder)  # ...which it does at once
            return
        self._start_reload()

    def _start_reload(self) -> None:
        generation, snapshot = self._generation, self._snapshot()
        self._reload_pending = False
        self.sig_busy.emit(True)
        holder: dict[str, object] = {}

        def first_block(progress) -> list[Row]:
            holder["connection"] = self.services.db.connection()
            return self._load(snapshot, 0)

        self._reload_holder = holder
        self._reload_job = run_job(
            first_block, db=self.services.db, show_progress=False,
            on_done=lambda rows: self._first_block_arrived(generation, snapshot, rows),
            on_error=lambda exc: self._reload_failed(generation, exc))

    def _reload_failed(self, generation: int, exc: BaseException) -> None:
        self._reload_job = None
        if self._reload_pending:  # interrupted for newer filters: run those now
            self._start_reload()
            return
        self._emit_idle()
        if generation == self._generation:
            self.sig_failed.emit(exc)

    def _first_block_arrived(self, generation: int, snapshot, rows: list[Row]) -> None:
        self._reload_job = None
        if self._reload_pending:
            self._start_reload()
            return
        if generation != self._generation:
            self._emit_idle()
            return
        if len(rows) < self.block_size:
            self._apply(generation, rows, len(rows))
        else:
            self._apply(generation, rows, None)
            self._start_count(generation, snapshot)
        self._emit_idle()

    def _start_count(self, generation: int, snapshot) -> None:
        holder: dict[str, object] = {}

        def count(progress) -> int:
            holder["connection"] = self.services.db.connection()
            return self._count_rows(snapshot)

        job = run_job(count, db=self.services.db, show_progress=False,
                      on_done=lambda n: self._count_arrived(job, generation, n),
                      on_error=lambda exc: self._count_failed(job, generation, exc))
        self._count_job, self._count_holder = job, holder

    def _interrupt_count(self) -> None:
        """Stop a count the user no longer waits for (new filters): it may scan a table."""
        if self._count_job is not None:
            self._interrupt(self._count_holder)

    @staticmethod
    def _interrupt(holder: dict[str, object]) -> None:
        """Abort the SQL statement running on a worker's connection (SQLite allows this from
        another thread); the job then fails with "interrupted" and its result is dropped."""
        connection = holder.get("connection")
        if connection is not None:
            try:
                connection.interrupt()
            except Exception:  # already closed: the query has just finished
                pass

    def _count_failed(self, job, generation: int, exc: BaseException) -> None:
        if self._count_job is job:
            self._count_job = None
        self._emit_idle()
        if generation == self._generation:
            self.sig_failed.emit(exc)

    def _count_arrived(self, job, generation: int, count: int) -> None:
        if self._count_job is job:
            self._count_job = None
        if generation == self._generation:
            self._set_count(count)
            self._count_known = True
            self.sig_loaded.emit(count)
        self._emit_idle()

    def _apply(self, generation: int, rows: list[Row], count: int | None) -> None:
        """Replace the model's rows; ``count`` None: known later (the first block for now)."""
        if generation != self._generation:
            return
        self.beginResetModel()
        self._count = len(rows) if count is None else count
        self._count_known = count is not None
        self._blocks.clear()
        self._wanted_blocks.clear()
        self._blocks[0] = rows
        self.endResetModel()
        self.loaded_once = True
        if count is not None:
            self.sig_loaded.emit(count)

    def _set_count(self, count: int) -> None:
        if count > self._count:
            self.beginInsertRows(QModelIndex(), self._count, count - 1)
            self._count = count
            self.endInsertRows()
        elif count < self._count:
            self.beginRemoveRows(QModelIndex(), count, self._count - 1)
            self._count = count
            self.endRemoveRows()

    def _snapshot(self) -> tuple[Filters, str, bool, str]:
        return replace(self._filters), self._sort, self._descending, self.lang

    def _count_rows(self, snapshot) -> int:
        """Run on any thread: how many rows match the snapshot's filters."""
        return self.register.count(snapshot[0])

    def _load(self, snapshot, block: int) -> list[Row]:
        """Run on any thread: the formatted rows of ``block`` for the snapshot's query."""
        filters, sort, descending, lang = snapshot
        rows = self.register.page(filters, sort, descending, block * self.block_size,
                                  self.block_size)
        cats = self.services.catalogues
        return [(row["id"], tuple(format_value(row.get(c.key), c, cats, lang)
                                  for c in self.columns)) for row in rows]

    def _block(self, number: int) -> list[Row] | None:
        rows = self._blocks.get(number)
        if rows is not None:
            self._blocks.move_to_end(number)
            return rows
        if not self.background:
            rows = self._load(self._snapshot(), number)
            self._store(number, rows)
            return rows
        self._want(number)
        return None

    def _store(self, number: int, rows: list[Row]) -> None:
        self._blocks[number] = rows
        while len(self._blocks) > MAX_CACHED_BLOCKS:
            self._blocks.popitem(last=False)

    def _want(self, number: int) -> None:
        if number in self._wanted_blocks:
            self._wanted_blocks.remove(number)
        self._wanted_blocks.append(number)
        del self._wanted_blocks[:-4]  # only the latest few scroll positions matter
        if self._block_job is None:
            self._start_block_fetch()

    def _start_block_fetch(self) -> None:
        if not self._wanted_blocks:
            self._emit_idle()
            return
        number = self._wanted_blocks.pop()
        generation, snapshot = self._generation, self._snapshot()
        self.sig_busy.emit(True)
        self._block_job = run_job(
            lambda progress: self._load(snapshot, number),
            db=self.services.db, show_progress=False,
            on_done=lambda rows: self._block_finished(generation, number, rows),
            on_error=self._failed)

    def _block_finished(self, generation: int, number: int, rows: list[Row]) -> None:
        self._block_job = None
        if generation == self._generation:
            self._store(number, rows)
            first = number * self.block_size
            last = min(first + len(rows), self._count) - 1
            if last >= first:
                self.dataChanged.emit(self.index(first, 0),
                                      self.index(last, len(self.columns) - 1))
        self._start_block_fetch()

    def _failed(self, exc: BaseException) -> None:
        """A block query failed (first blocks and counts have their own handlers)."""
        self._block_job = None
        self._wanted_blocks.clear()
        self._emit_idle()
        self.sig_failed.emit(exc)

    def _emit_idle(self) -> None:
        if not self.is_busy():
            self.sig_busy.emit(False)

    def is_busy(self) -> bool:
        return any(job is not None for job in (self._reload_job, self._count_job,
                                               self._block_job))

    def row_cached(self, row: int) -> bool:
        return (row // self.block_size) in self._blocks

    # -- Qt model API ---------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = _DISPLAY) -> Any:
        if role not in _ANSWERED_ROLES:  # most calls: fonts, colours, decorations, ...
            return None
        row = index.row()
        if not index.isValid() or row >= self._count:
            return None
        if role == _ALIGNMENT:
            return self._alignments[index.column()]
        number, offset = divmod(row, self.block_size)
        rows = self._block(number)
        if rows is None or offset >= len(rows):
            return None
        record_id, cells = rows[offset]
        if role == ROW_ID_ROLE:
            return record_id
        text = cells[index.column()]
        if role == _TOOLTIP:
            return text if len(text) > _TOOLTIP_LENGTH else None
        return text

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.columns):
                return column_title(self.columns[section], self.lang)
            return None
        return str(section + 1) if 0 <= section < self._count else None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self.is_sortable(column):
            self.set_sort(self.columns[column].key, order == Qt.SortOrder.DescendingOrder)

    def record_id(self, row: int) -> str | None:
        """The id of the record shown in ``row`` (fetching its block if needed)."""
        if not 0 <= row < self._count:
            return None
        return self.data(self.index(row, 0), ROW_ID_ROLE)
