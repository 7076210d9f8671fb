"""The home page reads its day in a few queries, however many checks are due."""

from __future__ import annotations

from inspector_app.demo import create_demo_database
from inspector_app.services.people import full_name
from ui.home_page import collect


def test_home_page_reads_in_few_queries_and_names_every_due_check(tmp_path, clock):
    services = create_demo_database(tmp_path / "demo.db", 4000, seed=11, clock=clock)
    try:
        due = list(services.registrations.due(7, clock.today()).limit(50))
        assert len(due) >= 5
        queries = []
        services.db.connection().set_trace_callback(queries.append)
        data = collect(services, "ru")
        services.db.connection().set_trace_callback(None)
        assert len(data.checks) == len(due)
        expected = [full_name(services.persons.get(r.person_id, include_deleted=True))
                    for r in due]
        assert [line.cells[1] for line in data.checks] == expected
        # 14 figures, 2 totals and the check list, the overdue appeals (with the forwardings
        # and the late extension notices: 3), 7 registers' latest records, the КУИ deadlines
        # (counts, list, names), the art. 461 protocols to link (1 when there are none):
        # not one query per listed check as before (74 on the region database).
        assert len(queries) <= 34, len(queries)
    finally:
        services.db.close()


def test_full_names_include_tombstoned_persons(services):
    kept = services.persons.create({"surname": "Ёлкин", "first_name": "Пётр",
                                    "patronymic": "Ильич"})
    gone = services.persons.create({"surname": "Әлиев", "first_name": "Нұрлан"})
    services.persons.delete(gone.id)
    assert services.persons.full_names([kept.id, gone.id, "no-such-id"]) == {
        kept.id: "Ёлкин Пётр Ильич", gone.id: "Әлиев Нұрлан"}
