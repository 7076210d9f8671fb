"""The person search's fast plan answers exactly as the plan it replaced, on a demo region."""

from __future__ import annotations

import random

import pytest

from bench.bench_search import queries
from inspector_app.demo import create_demo_district
from inspector_app.queries import search
from inspector_app.queries.search import match_condition
from inspector_app.storage.models import Person


def reference_persons(text: str, limit: int) -> list[Person]:
    """The plan before: every match read in full through peewee, sorted, cut to ``limit``."""
    condition = match_condition(Person, text)
    if condition is None:
        return []
    return list(Person.select().where(condition, Person.not_deleted())
                .order_by(Person.sort_name).limit(limit))


@pytest.fixture(scope="module")
def region(tmp_path_factory):
    from bench.common import BENCH_NOW
    from inspector_app.domain.clock import FixedClock

    path = tmp_path_factory.mktemp("region") / "region.db"
    services = create_demo_district(path, 12_000, points=4, seed=3, years=2,
                                    clock=FixedClock(BENCH_NOW))
    # Tombstones keep their full-text rows: the search must still leave them out.
    services.db.execute_sql("UPDATE person SET deleted = 1 WHERE rowid % 7 = 0")
    yield services
    services.db.close()


def test_same_persons_in_the_same_order_as_the_old_plan(region, monkeypatch):
    sample = region.db.execute_sql(
        "SELECT surname, first_name, iin, phone FROM person WHERE rowid % 5 = 0").fetchall()
    texts = queries(random.Random(5), sample)
    texts += ["а", "е", "с", "ер", "ахм", "ов", "кенже", "8701", "+7 70", "жұм", "Ёл", "нет-такого",
              "-- ", ""]
    plans = []
    real_execute = region.db.execute_sql

    def spy(sql, params=None, *args, **kwargs):
        plans.append(sql)
        return real_execute(sql, params, *args, **kwargs)

    monkeypatch.setattr(region.db, "execute_sql", spy)
    compared = found = 0
    for text in texts:
        for limit in (1, 7, 50, 400):
            new = region.search.persons(text, limit)
            old = reference_persons(text, limit)
            assert [p.id for p in new] == [p.id for p in old], (text, limit)
            assert [p.__data__ for p in new] == [p.__data__ for p in old], (text, limit)
            assert all(not p._dirty for p in new)
            compared += 1
            found += bool(new)
    assert compared == 4 * len(texts) and found > 3 * len(texts)
    # Both ways of finding the page were taken: walking the sort index and sorting matches.
    assert plans.count(search._WALK_PERSON_SORT_INDEX) >= 12
    assert plans.count(search._SORT_PERSON_MATCHES) >= 100


def test_found_persons_save_like_ones_from_a_query(region):
    person = region.search.persons("а", 1)[0]
    person.notes = "проверено"
    person.save()
    assert Person.get_by_id(person.id).notes == "проверено"
    assert Person.get_by_id(person.id).birth_date == person.birth_date
