"""The write path: audit trail with its hash chain, tombstones, change sequence, transactions."""

from __future__ import annotations

import json

import peewee
import pytest
from core_factories import (
    appeal_data,
    make_person,
    offence_data,
    registration_data,
    snapshot,
    visit_data,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector_app.errors import NotFound, StaleRecord, ValidationError
from inspector_app.protection.integrity import check_database, first_broken_audit_entry
from inspector_app.queries.registers import REGISTERS, Filters
from inspector_app.services import records
from inspector_app.storage.models import AuditEntry, Person


def entries_for(record_id: str) -> list[AuditEntry]:
    return list(AuditEntry.select().where(AuditEntry.record_id == record_id)
                .order_by(AuditEntry.id))


def test_create_writes_an_audit_entry_with_the_new_values(services, clock):
    person = make_person(services, "Нұрланова", "Дина", iin="900215400102")
    [entry] = entries_for(person.id)
    assert (entry.action, entry.table_name, entry.actor) == ("create", "person", "system")
    assert entry.at == clock.now_utc()
    assert entry.old_values is None
    new = json.loads(entry.new_values)
    assert new["surname"] == "Нұрланова"
    assert new["iin"] == "900215400102"
    assert new["birth_date"] == "1990-02-15"
    assert "search_text" not in new and "sort_name" not in new
    assert entry.change_seq == person.change_seq


def test_update_records_only_the_changed_fields(services, clock):
    person = make_person(services, address="ул. Абая, 1", phone="87011234567")
    clock.advance(minutes=5)
    services.persons.update(person.id, {"address": "ул. Абая, 3", "phone": "+7 701 123 45 67"})
    create, update = entries_for(person.id)
    assert update.action == "update"
    assert json.loads(update.old_values) == {"address": "ул. Абая, 1"}
    assert json.loads(update.new_values) == {"address": "ул. Абая, 3"}
    assert update.at == clock.now_utc()
    assert update.prev_hash == create.entry_hash


def test_an_update_that_changes_nothing_writes_nothing(services):
    person = make_person(services, phone="87011234567")
    before = snapshot()
    same = services.persons.update(person.id, {"surname": " Иванов ", "phone": "8 701 123-45-67"})
    assert same.row_version == 1
    assert snapshot() == before
    assert len(entries_for(person.id)) == 1


def test_update_bumps_row_version_and_change_seq(services, clock):
    person = make_person(services)
    clock.advance(hours=1)
    updated = services.persons.update(person.id, {"first_name": "Пётр"}, expected_version=1)
    stored = services.persons.get(person.id)
    assert stored.row_version == updated.row_version == 2
    assert stored.change_seq > person.change_seq
    assert stored.updated_at == clock.now_utc()
    assert stored.created_at == person.created_at


def test_a_stale_update_is_refused(services):
    person = make_person(services)
    services.persons.update(person.id, {"first_name": "Пётр"})
    before = snapshot()
    with pytest.raises(StaleRecord):
        services.persons.update(person.id, {"first_name": "Павел"}, expected_version=1)
    assert snapshot() == before
    assert services.persons.get(person.id).first_name == "Пётр"


def test_delete_leaves_a_tombstone(services, clock):
    person = make_person(services, "Ёлкин", "Семён", iin="900215400102")
    clock.advance(minutes=1)
    services.persons.delete(person.id)
    stored = Person.get_by_id(person.id)
    assert stored.deleted is True
    assert stored.deleted_at == clock.now_utc()
    assert stored.deleted_by == "system"
    assert stored.row_version == 2
    assert stored.change_seq > person.change_seq
    assert stored.surname == "Ёлкин"  # the data stays in the file
    entry = entries_for(person.id)[-1]
    assert entry.action == "delete"
    assert json.loads(entry.new_values) == {"deleted": True}
    # hidden everywhere a user looks
    assert services.persons.count() == 0
    assert not services.persons.live().where(Person.id == person.id).exists()
    with pytest.raises(NotFound):
        services.persons.get(person.id)
    assert services.persons.get(person.id, include_deleted=True).id == person.id
    assert services.search.persons("Ёлкин") == []
    assert services.search.persons("900215400102") == []
    assert services.search.records("елкин") == []
    assert REGISTERS["persons"].count(Filters()) == 0
    assert REGISTERS["persons"].count(Filters(text="елкин")) == 0


def test_a_deleted_record_cannot_be_edited_or_deleted_again(services):
    person = make_person(services)
    services.persons.delete(person.id)
    before = snapshot()
    with pytest.raises(NotFound):
        services.persons.update(person.id, {"first_name": "Пётр"})
    with pytest.raises(NotFound):
        services.persons.delete(person.id)
    assert snapshot() == before


def test_the_iin_of_a_deleted_person_may_be_entered_again(services):
    person = make_person(services, iin="900215400102")
    services.persons.delete(person.id)
    twin = make_person(services, "Петров", iin="900215400102")
    assert twin.iin == "900215400102"


def test_change_sequence_strictly_increases_across_kinds(services, person):
    appeal = services.appeals.create(appeal_data(person))
    offence = services.offences.create(offence_data(person))
    visit = services.visits.create(visit_data(person=person.id))
    services.persons.update(person.id, {"notes": "Проживает с матерью"})
    services.appeals.delete(appeal.id)
    seqs = [entry.change_seq for entry in AuditEntry.select().order_by(AuditEntry.id)]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
    assert offence.change_seq < visit.change_seq
    assert services.persons.get(person.id).change_seq > visit.change_seq
    assert snapshot()["change_seq"] == seqs[-1]


def test_the_chain_verifies_and_check_finds_nothing(services, person):
    services.appeals.create(appeal_data(person))
    services.persons.update(person.id, {"notes": "x"})
    assert first_broken_audit_entry() is None
    assert check_database(services.db) == []


def test_the_audit_trail_refuses_update_and_delete(services, person):
    with pytest.raises(peewee.IntegrityError, match="append-only"):
        services.db.execute_sql("UPDATE audit_entry SET actor = 'someone'")
    with pytest.raises(peewee.IntegrityError, match="append-only"):
        services.db.execute_sql("DELETE FROM audit_entry WHERE id = 1")
    assert first_broken_audit_entry() is None


def _drop_guards(db) -> None:
    db.execute_sql('DROP TRIGGER "audit_entry_no_update"')
    db.execute_sql('DROP TRIGGER "audit_entry_no_delete"')


def test_editing_an_entry_behind_the_programs_back_is_detected(services, person):
    services.persons.update(person.id, {"address": "ул. Сатпаева, 1"})
    services.persons.update(person.id, {"address": "ул. Сатпаева, 2"})
    target = entries_for(person.id)[1]
    _drop_guards(services.db)
    tampered = target.new_values.replace("Сатпаева, 1", "Сатпаева, 9")
    services.db.execute_sql("UPDATE audit_entry SET new_values = ? WHERE id = ?",
                            (tampered, target.id))
    assert first_broken_audit_entry() == (target.id, "content does not match its hash")
    problems = check_database(services.db)
    assert [p.code for p in problems] == ["check.audit_broken"]
    assert problems[0].params["entry"] == target.id


def test_a_rehashed_entry_still_breaks_the_link_of_the_next(services, person):
    services.persons.update(person.id, {"address": "ул. Сатпаева, 1"})
    services.persons.update(person.id, {"address": "ул. Сатпаева, 2"})
    first, second, third = entries_for(person.id)
    _drop_guards(services.db)
    second = AuditEntry.get_by_id(second.id)
    second.actor = "intruder"
    forged = records.chain_hash(second.prev_hash, second)
    services.db.execute_sql("UPDATE audit_entry SET actor = 'intruder', entry_hash = ? "
                            "WHERE id = ?", (forged, second.id))
    assert first_broken_audit_entry() == (third.id, "link to the previous entry does not match")


def test_a_removed_entry_is_detected(services, person):
    services.persons.update(person.id, {"address": "ул. Сатпаева, 1"})
    services.persons.update(person.id, {"address": "ул. Сатпаева, 2"})
    middle = entries_for(person.id)[1]
    _drop_guards(services.db)
    services.db.execute_sql("DELETE FROM audit_entry WHERE id = ?", (middle.id,))
    broken = first_broken_audit_entry()
    assert broken is not None and broken[0] == middle.id


def test_a_record_changed_without_audit_is_reported(services, person):
    services.db.execute_sql("UPDATE person SET surname = 'Подменов', change_seq = 999 "
                            "WHERE id = ?", (person.id,))
    codes = [p.code for p in check_database(services.db)]
    assert "check.audit_missing" in codes


def test_password_hash_never_enters_the_audit_trail(services):
    staff = services.staff.by_login("erzhanov")
    services.staff.change_password(staff.id, "Another-Pass-77")
    for entry in entries_for(staff.id):
        for text in (entry.old_values or "", entry.new_values or ""):
            assert "scrypt$" not in text


# -- one transaction per use case -----------------------------------------------------


def test_a_failing_validation_writes_nothing(services, person):
    before = snapshot()
    with pytest.raises(ValidationError):
        services.appeals.create(appeal_data(person, topic="no_such_topic"))
    with pytest.raises(ValidationError):
        services.offences.create(offence_data(person, penalty="arrest"))
    with pytest.raises(ValidationError):
        services.persons.update(person.id, {"iin": "900215400103"})
    assert snapshot() == before
    # no talon or protocol number was used up either
    appeal = services.appeals.create(appeal_data(person))
    assert appeal.talon_number.endswith("-00001")


def test_a_failure_after_the_first_write_rolls_everything_back(services, person, monkeypatch):
    before = snapshot()

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("inspector_app.services.records.write_audit", explode)
    with pytest.raises(RuntimeError):
        services.appeals.create(appeal_data(person))
    with pytest.raises(RuntimeError):
        services.persons.update(person.id, {"notes": "x"})
    with pytest.raises(RuntimeError):
        services.persons.delete(person.id)
    assert snapshot() == before
    assert services.persons.get(person.id).notes == ""


def test_a_registration_check_is_one_transaction_with_its_schedule(services, person,
                                                                  monkeypatch):
    reg = services.registrations.create(registration_data(person))
    before = snapshot()

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(type(services.registrations), "refresh_schedule", explode)
    with pytest.raises(RuntimeError):
        services.visits.create(visit_data(kind="registration_check", registration=reg.id))
    assert snapshot() == before


def test_a_removed_last_entry_is_detected_by_the_record_it_described(services, person):
    services.persons.update(person.id, {"address": "ул. Сатпаева, 1"})
    last = entries_for(person.id)[-1]
    _drop_guards(services.db)
    services.db.execute_sql("DELETE FROM audit_entry WHERE id = ?", (last.id,))
    assert first_broken_audit_entry() is None  # the chain itself still links up
    problems = check_database(services.db)
    assert [(p.code, p.params["record"]) for p in problems] == [
        ("check.audit_missing", person.id)]


_JSON_SCALARS = (st.none() | st.booleans() | st.integers() | st.text()
                 | st.floats(allow_nan=False))
_JSON_VALUES = st.recursive(_JSON_SCALARS, lambda inner: st.lists(inner, max_size=4)
                            | st.dictionaries(st.text(), inner, max_size=4), max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(), _JSON_VALUES, max_size=12))
def test_audit_json_is_exactly_what_json_dumps_writes(values):
    """Hashes in existing trails were made with json.dumps: the faster encoders must agree."""
    assert records.audit_json(values) == json.dumps(values, ensure_ascii=False, sort_keys=True)
    assert records._CANONICAL_JSON(values) == json.dumps(
        values, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


_TEXT_OR_NONE = st.none() | st.text()


@settings(max_examples=300, deadline=None)
@given(at=st.datetimes(), actor=_TEXT_OR_NONE, action=st.sampled_from(["create", "update"]),
       table=st.text(), record_id=st.text(), change_seq=st.integers(min_value=0),
       old=_TEXT_OR_NONE, new=_TEXT_OR_NONE)
def test_the_hashed_text_of_an_entry_is_its_canonical_json(at, actor, action, table,
                                                           record_id, change_seq, old, new):
    row = records.AuditRow(at, actor, action, table, record_id, change_seq, old, new, "", "")
    content = {"at": at.isoformat(sep=" "), "actor": actor, "action": action, "table": table,
               "record_id": record_id, "change_seq": change_seq, "old": old, "new": new}
    assert records.audit_entry_text(row) == json.dumps(
        content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
