"""The registers' lazy table model: Qt model rules, paging in blocks, SQL sorting, background."""

from __future__ import annotations

import threading

import pytest
import ui_fixtures
from PySide6.QtCore import Qt

from inspector_app.queries.registers import REGISTERS, Filters
from ui.registers.table_model import ROW_ID_ROLE, RegisterTableModel

seeded = ui_fixtures.seeded


def make_persons(services, n: int) -> None:
    for i in range(n):
        services.persons.create({"surname": f"Тестов{i:03d}", "first_name": "Ерлан"})


@pytest.mark.parametrize("name", sorted(REGISTERS))
def test_every_register_model_passes_the_qt_model_tester(seeded, qtmodeltester, name):
    services, _ids = seeded
    model = RegisterTableModel(REGISTERS[name], services, "ru")
    model.reload()
    assert model.rowCount() == REGISTERS[name].count(Filters()) > 0
    qtmodeltester.check(model)


def test_rows_are_fetched_in_blocks_only_when_shown(seeded):
    services, _ids = seeded
    make_persons(services, 45)
    register = REGISTERS["persons"]
    model = RegisterTableModel(register, services, "ru", block_size=10)
    model.reload()
    total = register.count(Filters())
    assert model.rowCount() == total == 49
    assert model.row_cached(0) and not model.row_cached(10) and not model.row_cached(40)
    last = model.index(total - 1, 0).data()
    assert model.row_cached(total - 1) and not model.row_cached(20)
    expected = register.page(Filters(), "full_name", False, total - 1, 1)[0]["full_name"]
    assert last == expected


def test_sorting_reruns_the_query(seeded):
    services, _ids = seeded
    model = RegisterTableModel(REGISTERS["appeals"], services, "ru")
    model.reload()
    column = next(i for i, c in enumerate(model.columns) if c.key == "received_at")
    model.sort(column, Qt.SortOrder.AscendingOrder)
    first = model.index(0, column).data()
    model.sort(column, Qt.SortOrder.DescendingOrder)
    assert model.index(0, column).data() != first
    assert model.index(0, column).data() == "25.11.2026 09:30"
    assert first == "01.10.2026 10:00"


def test_a_column_sql_cannot_sort_keeps_the_current_order(seeded):
    services, _ids = seeded
    model = RegisterTableModel(REGISTERS["appeals"], services, "ru")
    model.reload()
    before = [model.index(r, 0).data() for r in range(model.rowCount())]
    applicant = next(i for i, c in enumerate(model.columns) if c.key == "applicant")
    assert not model.is_sortable(applicant)
    model.sort(applicant, Qt.SortOrder.AscendingOrder)
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == before


def test_filters_narrow_the_rows_and_the_count(seeded):
    services, _ids = seeded
    model = RegisterTableModel(REGISTERS["appeals"], services, "ru")
    model.set_filters(Filters(text="ёлкиных"))
    assert model.rowCount() == 1
    assert "Ёлкиных" in model.index(0, model.columns.index(REGISTERS["appeals"].column(
        "substance"))).data()
    model.set_filters(Filters(status="overdue", today=services.clock.today()))
    assert model.rowCount() == 1


def test_cells_show_catalogue_titles_and_headers_in_the_language(seeded):
    services, ids = seeded
    model = RegisterTableModel(REGISTERS["appeals"], services, "ru")
    model.reload()
    topic = next(i for i, c in enumerate(model.columns) if c.key == "topic")
    channel = next(i for i, c in enumerate(model.columns) if c.key == "channel")
    assert model.headerData(topic, Qt.Orientation.Horizontal) == "Тема"
    assert model.headerData(channel, Qt.Orientation.Horizontal) == "Канал"
    row = next(r for r in range(model.rowCount())
               if model.index(r, 0).data(ROW_ID_ROLE) == ids["appeal_today_1"])
    assert model.index(row, topic).data() == "Семейно-бытовой конфликт"
    model.set_language("en")
    assert model.headerData(topic, Qt.Orientation.Horizontal) == "Topic"
    assert model.index(row, topic).data() == "Family/domestic conflict"


def test_background_model_shows_the_first_block_then_the_count(seeded, qtbot, qtmodeltester):
    services, _ids = seeded
    make_persons(services, 30)
    register = REGISTERS["persons"]
    model = RegisterTableModel(register, services, "ru", background=True, block_size=10)
    with qtbot.waitSignal(model.sig_loaded, timeout=10_000) as blocker:
        model.reload()
    assert blocker.args == [34] and model.rowCount() == 34 and model.count_known
    qtbot.waitUntil(lambda: not model.is_busy())
    assert model.index(0, 0).data()
    assert model.index(25, 0).data() is None  # asked for: fetched on a worker thread
    qtbot.waitUntil(lambda: model.row_cached(25), timeout=10_000)
    expected = register.page(Filters(), "full_name", False, 25, 1)[0]["full_name"]
    assert model.index(25, 0).data() == expected
    qtmodeltester.check(model)


def test_background_reloads_coalesce_to_the_latest_filters(seeded, qtbot):
    services, _ids = seeded
    model = RegisterTableModel(REGISTERS["appeals"], services, "ru", background=True)
    for text in ("с", "со", "сосед", "соседи шумят"):
        model.set_filters(Filters(text=text))
    qtbot.waitUntil(lambda: model.loaded_once and not model.is_busy(), timeout=10_000)
    assert model.filters.text == "соседи шумят"
    assert model.rowCount() == 1


def test_worker_threads_close_their_database_connections(seeded, qtbot, monkeypatch):
    services, _ids = seeded
    db = services.db
    opened, closed = [], []
    real_connect, real_close = db._connect, db._close

    def connect():
        connection = real_connect()
        opened.append((threading.get_ident(), id(connection)))
        return connection

    def close(connection):
        closed.append((threading.get_ident(), id(connection)))
        return real_close(connection)

    monkeypatch.setattr(db, "_connect", connect)
    monkeypatch.setattr(db, "_close", close)
    for text in ("", "шум", "ёлкин", ""):
        model = RegisterTableModel(REGISTERS["appeals"], services, "ru", background=True)
        model.set_filters(Filters(text=text))  # the first block runs on a pool thread
        qtbot.waitUntil(lambda m=model: m.loaded_once and not m.is_busy(), timeout=10_000)
    workers = [entry for entry in opened if entry[0] != threading.main_thread().ident]
    assert len(workers) >= 4
    assert sorted(closed) == sorted(workers)  # each on its own thread, none left open


def test_a_broad_search_walks_the_sort_index_with_the_same_rows(seeded, monkeypatch):
    services, _ids = seeded
    make_persons(services, 300)
    register = REGISTERS["persons"]
    filters = Filters(text="ерлан")
    assert register._walk_sort_index(filters, register.column("full_name").sort, 200)
    walked = [row["id"] for row in register.page(filters)]
    rare = Filters(text="тестов007")  # one match: driven by the matches, no walk
    assert not register._walk_sort_index(rare, register.column("full_name").sort, 200)
    assert len(register.page(rare)) == 1
    monkeypatch.setattr(type(register), "_walk_sort_index", lambda *args: False)
    sorted_matches = [row["id"] for row in register.page(filters)]
    assert walked == sorted_matches and len(walked) == 200


def test_dated_registers_open_newest_first_and_persons_alphabetically(seeded):
    services, _ids = seeded
    appeals = RegisterTableModel(REGISTERS["appeals"], services, "ru")
    persons = RegisterTableModel(REGISTERS["persons"], services, "ru")
    assert appeals.descending and not persons.descending
    persons.reload()
    names = [persons.index(r, 0).data() for r in range(persons.rowCount())]
    assert [name.split()[0] for name in names] == ["Ёлкин", "Жумабаев", "Иванова",
                                                   "Сейтқалиева"]
