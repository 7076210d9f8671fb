"""The description of the record kinds agrees with the schema and with what is derived from it."""

from __future__ import annotations

import re

from inspector_app import kinds
from inspector_app.changes import Changes
from inspector_app.kinds import KINDS, SYNC_ORDER, has_live_index
from inspector_app.storage.models import SYNCED_MODELS, Appeal, Person, Staff


def test_every_travelling_model_has_one_kind_named_after_its_table():
    assert sorted(k.model.__name__ for k in KINDS.values()) == sorted(
        m.__name__ for m in SYNCED_MODELS)
    assert all(k.slug == k.table for k in KINDS.values())
    assert [k.model for k in SYNC_ORDER] == list(SYNCED_MODELS)


def test_the_described_fields_exist_on_the_models():
    for k in KINDS.values():
        fields = k.model._meta.fields
        named = [k.date_field, k.officer_field, *k.person_fields, *k.live_indexed]
        assert all(name in fields for name in named if name), k.slug
        assert all(fields[name].rel_model is Person for name in k.person_fields), k.slug
        if k.officer_field:
            assert fields[k.officer_field].rel_model is Staff


def test_live_indexes_described_are_those_of_the_schema(services):
    """Migration 0004 created the live-row indexes (``WHERE "deleted" = 0`` and nothing else:
    those a register may walk in order); the description must name the same. Narrower
    partial indexes, such as m0018's extended appeals, are not live-row indexes."""
    schema = set()
    for sql, in services.db.execute_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql LIKE '%WHERE%'"):
        live = re.fullmatch(r'.* ON "(\w+)" \("(\w+)"\) WHERE "deleted" = 0', sql)
        if live:
            schema.add(f"{live[1]}.{live[2]}")
    described = {f"{k.table}.{k.column(name)}" for k in KINDS.values() for name in k.live_indexed}
    assert described == schema


def test_searchable_kinds_are_those_with_a_search_table(services):
    tables = {row[0] for row in services.db.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%\\_fts' ESCAPE '\\'")}
    assert {f"{k.slug}_fts" for k in kinds.searchable()} == tables


def test_has_live_index_knows_fields_and_aliases():
    assert has_live_index(Appeal.received_at)
    assert has_live_index(Person.alias("p").sort_name)
    assert not has_live_index(Appeal.due_date)
    assert not has_live_index(Appeal.id.desc())


def test_views_refresh_for_the_kinds_they_refer_to():
    def shown_by(kind: str) -> set[str]:
        changes = Changes(written={kind: frozenset({"x"})})
        return {slug for slug in KINDS if changes.shows(slug)}

    assert shown_by("person") == {"person", "appeal", "preventive_visit", "registration",
                                  "offence", "crime_report"}
    assert shown_by("staff") == {"staff", "appeal", "preventive_visit", "registration",
                                 "offence", "meeting", "feedback", "crime_report"}
    assert shown_by("feedback") == {"feedback"}
    # the area passport shows each address's КСК/ОСИ
    assert "address" in shown_by("organisation")
    # a catalogue's new titles show everywhere; an import's counts name whole kinds
    assert all(Changes(catalogues=True).shows(slug) for slug in KINDS)
    assert Changes(bulk=frozenset({"appeal"})).shows("appeal")
    assert not Changes(sync=True).shows("appeal")


def test_every_register_belongs_to_a_kind_that_says_so():
    from inspector_app.queries.registers import REGISTER_OF_KIND, REGISTERS

    assert set(REGISTER_OF_KIND) == {k.slug for k in kinds.registered()}
    assert all(REGISTERS[k.register].kind == k.slug for k in kinds.registered())


def test_every_searchable_kind_has_the_insert_trigger_the_bulk_import_defers(services):
    """A trigger in another text makes the import index row by row, about 7x slower."""
    from inspector_app.sync import search_index

    for k in kinds.searchable():
        deferred = search_index.defer(services.db, k.table)
        assert deferred is not None, k.slug
        search_index.finish(services.db, deferred)


def test_every_kind_is_served_by_the_service_it_names(services):
    for described in KINDS.values():
        service = services.service(described.slug)
        assert type(service) is described.load_service_class()
        assert (service.kind, service.model) == (described.slug, described.model)
