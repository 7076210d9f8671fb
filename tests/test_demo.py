"""Demo data: reproducible, realistic, stored exactly as the services store records."""

from __future__ import annotations

import json
import random
import shutil
from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from conftest import NOW

from inspector_app.cli import main as cli_main
from inspector_app.demo import (
    DEMO_ACCOUNTS,
    DEMO_LOGIN,
    DEMO_PASSWORD,
    DemoCancelled,
    DemoError,
    create_demo_database,
    create_demo_district,
    fill_demo,
)
from inspector_app.demo.writer import BulkWriter
from inspector_app.domain.clock import FixedClock
from inspector_app.domain.iin import parse_iin
from inspector_app.domain.sanctions import PartSanctions
from inspector_app.domain.text import search_text
from inspector_app.protection.integrity import check_database
from inspector_app.queries.registers import REGISTERS, Filters
from inspector_app.services.setup import copy_new_database, login_services, open_services
from inspector_app.storage.models import (
    SYNCED_MODELS,
    Appeal,
    AuditEntry,
    Feedback,
    Meeting,
    NumberSequence,
    Offence,
    Person,
    Point,
    PreventiveVisit,
    Registration,
    Staff,
)
from inspector_app.sync.codec import LOCKED_PASSWORD

RECORDS = 2500
STAMP_FIELDS = {"id", "owner_point", "created_at", "created_by", "updated_at", "updated_by",
                "row_version", "change_seq", "deleted", "deleted_at", "deleted_by",
                "search_text"}


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory):
    """The demo database the tests read, generated once (a copy per test)."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    create_demo_database(path, RECORDS, seed=7, clock=FixedClock(NOW)).db.close()
    return path


@pytest.fixture
def demo(demo_template, tmp_path, clock):
    services = copy_new_database(demo_template, tmp_path / "demo.db", clock=clock)
    services.login(DEMO_LOGIN, DEMO_PASSWORD)  # as create_demo_database leaves it
    yield services
    services.db.close()


def table_rows(model) -> list[dict]:
    return [dict(row.__data__) for row in model.select().order_by(model.change_seq)]


def test_writes_exactly_the_records_asked_for_with_an_audit_entry_each(demo):
    persons_and_registers = sum(model.select().count() for model in SYNCED_MODELS[2:])
    assert persons_and_registers == RECORDS
    assert AuditEntry.select().count() == RECORDS + 4  # point and three accounts
    assert check_database(demo.db) == []


def test_every_register_shows_demo_records(demo):
    for name, register in REGISTERS.items():
        assert register.count(Filters()) > 0, name


def test_the_same_seed_gives_the_same_data_and_another_seed_other_data(tmp_path, clock):
    def fingerprint(path, seed):
        services = create_demo_database(path, 800, seed=seed, clock=clock)
        try:
            return ([(p.id, p.surname, p.first_name, p.patronymic, p.iin)
                     for p in Person.select().order_by(Person.change_seq)],
                    [a.talon_number for a in Appeal.select().order_by(Appeal.change_seq)],
                    {m._meta.table_name: m.select().count() for m in SYNCED_MODELS})
        finally:
            services.db.close()

    first = fingerprint(tmp_path / "a.db", 3)
    assert fingerprint(tmp_path / "b.db", 3) == first
    assert fingerprint(tmp_path / "c.db", 4)[0] != first[0]


def test_nothing_happens_after_the_clock_s_now(demo, clock):
    now, today = clock.now_local(), clock.now_local().date()
    moments = ((Appeal, "received_at"), (Offence, "committed_at"), (Meeting, "held_at"),
               (PreventiveVisit, "visited_at"), (Feedback, "collected_at"))
    for model, name in moments:
        latest = model.select().order_by(getattr(model, name).desc()).first()
        assert getattr(latest, name) <= now, model
        assert getattr(latest, name) >= now - timedelta(days=3 * 366)
    for model, name in ((Appeal, "resolved_on"), (Registration, "start_date"),
                        (Registration, "closed_on"), (Registration, "last_check_on"),
                        (Person, "birth_date")):
        field = getattr(model, name)
        latest = model.select().where(field.is_null(False)).order_by(field.desc()).first()
        assert getattr(latest, name) <= today, (model, name)
    for model in SYNCED_MODELS:
        assert not model.select().where(model.created_at > clock.now_utc()).exists()


def test_every_iin_is_valid_and_matches_birth_date_and_sex(demo):
    persons = list(Person.select())
    assert len({p.iin for p in persons}) == len(persons)
    for person in persons:
        info = parse_iin(person.iin)
        assert (info.birth_date, info.sex) == (person.birth_date, person.sex)
        if person.patronymic.endswith(("ұлы", "ович", "евич", "ич")):
            assert person.sex == "M", person.patronymic
        if person.patronymic.endswith(("қызы", "овна", "евна", "ична")):
            assert person.sex == "F", person.patronymic


def test_a_sample_of_every_kind_passes_the_services_validation(demo):
    rng = random.Random(1)
    from inspector_app.kinds import registered

    kinds = {k.model: demo.service(k.slug) for k in registered()}
    assert {Person, Appeal, Offence, Registration, PreventiveVisit, Meeting, Feedback} <= set(
        kinds)
    for model, service in kinds.items():
        records = list(model.select())
        for record in rng.sample(records, min(25, len(records))):
            data = {k: v for k, v in record.__data__.items() if k not in STAMP_FIELDS}
            with demo.db.atomic() as transaction:
                cleaned = service.clean(dict(data), record)
                transaction.rollback()
            for name, value in cleaned.items():
                assert value == record.__data__.get(name), (model, name, value)
            parts = service.search_parts(dict(record.__data__))
            assert record.search_text == search_text(*parts), model


def test_bulk_writer_stores_what_the_service_stores(services, clock):
    person = services.persons.create({
        "surname": "Сейтқалиева", "first_name": "Әйгерім", "patronymic": "Нұрланқызы",
        "iin": "900215400102", "address": "г. Атырау, ул. Абая, 12", "phone": "87011234567"})
    offence = services.offences.create({
        "committed_at": datetime(2026, 11, 20, 23, 40), "place": "ул. Абая, 12",
        "offender": person.id, "article": "492-1", "description": "Шум ночью",
        "penalty": "fine", "fine_mrp": Decimal("2.5")})
    # Each record written again by the bulk writer, under another id (and unique number).
    twins = [(person, person.id[:-4] + "beef", {"iin": "900215400201"}),
             (offence, offence.id[:-4] + "beef",
              {"protocol_number": offence.protocol_number + "-2"})]
    with services.db.atomic():
        writer = BulkWriter(services.db, services.point_code)

        def produce():
            for record, twin_id, changes in twins:
                values = {k: v for k, v in record.__data__.items() if k not in STAMP_FIELDS}
                writer.add(type(record), twin_id, {**values, **changes}, record.search_text,
                           record.created_by, record.created_at)

        assert writer.run(produce)
    for record, twin_id, changes in twins:
        table = type(record)._meta.table_name
        cursor = services.db.execute_sql(f'SELECT * FROM "{table}" WHERE id IN (?, ?) '
                                         "ORDER BY change_seq", (record.id, twin_id))
        names = [c[0] for c in cursor.description]
        original, twin = (dict(zip(names, row, strict=True)) for row in cursor.fetchall())
        assert {k for k in names if original[k] != twin[k]} == {"id", "change_seq", *changes}
        first, second = (AuditEntry.get(AuditEntry.record_id == rid)
                         for rid in (record.id, twin_id))
        old_view, new_view = json.loads(first.new_values), json.loads(second.new_values)
        assert {k for k in old_view if old_view[k] != new_view[k]} == set(changes)
        assert (second.actor, second.at, second.action) == (first.actor, first.at, "create")
    assert check_database(services.db) == []
    assert {p.id for p in services.search.persons("сейтқали")} == {person.id, twins[0][1]}


def test_next_appeal_and_protocol_continue_the_demo_numbering(demo, clock):
    year = clock.now_local().year
    last = NumberSequence.get((NumberSequence.kind == "talon") & (NumberSequence.year == year))
    latest = Appeal.select().order_by(Appeal.received_at.desc()).first()
    assert latest.talon_number == f"ATY-017-T-{year}-{last.last:05d}"
    person = Person.select().first()
    appeal = demo.appeals.create({"received_at": clock.now_local(), "channel": "phone",
                                  "topic": "noise", "substance": "Шум",
                                  "applicant": person.id})
    assert appeal.talon_number == f"ATY-017-T-{year}-{last.last + 1:05d}"
    protocols = NumberSequence.get((NumberSequence.kind == "protocol")
                                   & (NumberSequence.year == year))
    offence = demo.offences.create({
        "committed_at": clock.now_local(), "place": "ул. Абая", "offender": person.id,
        "article": "437-1", "description": "Шум", "penalty": "fine", "fine_mrp": "5"})
    assert offence.protocol_number.endswith(f"-{protocols.last + 1:05d}")
    assert check_database(demo.db) == []


def test_demo_accounts_log_in_and_the_result_is_found_by_search(demo):
    assert demo.session.login == DEMO_LOGIN
    for login, password, *_ in DEMO_ACCOUNTS:
        assert demo.login(login, password).login == login
    person = Person.select().order_by(Person.change_seq.desc()).first()
    assert person in demo.search.persons(f"{person.surname[:5]} {person.first_name[:3]}", 500)
    assert person in demo.search.persons(person.iin[:8], 500)
    appeal = Appeal.select().order_by(Appeal.change_seq.desc()).first()
    assert REGISTERS["appeals"].count(Filters(text=appeal.talon_number)) == 1


def test_the_mix_looks_like_an_inspector_s_work(demo, clock):
    today = clock.now_local().date()
    topics = {}
    for appeal in Appeal.select():
        topics[appeal.topic] = topics.get(appeal.topic, 0) + 1
    assert max(topics, key=topics.get) in ("family_conflict", "noise")
    assert len(topics) >= 10
    statuses = {a.status for a in Appeal.select()}
    assert statuses == {"registered", "in_progress", "resolved"}
    assert demo.appeals.overdue(today).count() > 0
    assert demo.registrations.due(0, today).count() > 0
    feedback = list(Feedback.select())
    trust = sum(f.trusts_police for f in feedback) / len(feedback)
    assert 0.45 < trust < 0.75
    assert sum(f.rating for f in feedback) / len(feedback) > 3.7
    for offence in Offence.select():
        item = demo.catalogues.get("offence_articles", offence.article)
        sanctions = PartSanctions.of(item)
        assert offence.penalty in sanctions.choices(offence.status)
        if offence.fine_mrp is not None:
            mrp = demo.catalogues.mrp(offence.committed_at.year)
            assert offence.fine_tenge == int((offence.fine_mrp * mrp).to_integral_value())
    checked = Registration.select().where(Registration.last_check_on.is_null(False)).first()
    last_visit = (PreventiveVisit.select().where(PreventiveVisit.registration == checked.id)
                  .order_by(PreventiveVisit.visited_at.desc()).first())
    assert last_visit.visited_at.date() == checked.last_check_on


def database_state(services) -> tuple:
    """What a fill may change: row counts, audit entries, schema, sequences."""
    return ({m._meta.table_name: m.select().count() for m in SYNCED_MODELS},
            AuditEntry.select().count(), dict(services.db.execute_sql(
                "SELECT name, sql FROM sqlite_master").fetchall()),
            services.db.execute_sql("SELECT value FROM meta WHERE key = 'change_seq'")
            .fetchone(), NumberSequence.select().count())


@pytest.mark.parametrize("in_child", [False, True], ids=["here", "in-child"])
def test_cancel_leaves_the_database_as_it_was(services, clock, in_child):
    before = database_state(services)
    calls = []

    def progress(done, total):
        calls.append(done)
        return done < 4000

    result = fill_demo(services, 12000, seed=1, progress=progress, in_child=in_child)
    assert result.cancelled and calls[-1] >= 4000
    assert database_state(services) == before
    assert check_database(services.db) == []
    assert fill_demo(services, 300, in_child=in_child).total == 300


def test_a_fill_made_in_a_child_process_stores_the_same_database(tmp_path, clock):
    create_demo_database(tmp_path / "empty.db", 0, clock=clock).db.close()

    def contents(in_child: bool) -> dict:
        path = tmp_path / f"{in_child}.db"
        shutil.copy(tmp_path / "empty.db", path)
        services = login_services(path, DEMO_LOGIN, DEMO_PASSWORD, clock=clock)
        try:
            fill_demo(services, 5000, seed=5, in_child=in_child)
            tables = [m._meta.table_name for m in SYNCED_MODELS] + [
                "audit_entry", "number_sequence", "meta", "appeal_fts"]
            return {table: services.db.execute_sql(
                f'SELECT * FROM "{table}" ORDER BY rowid').fetchall() for table in tables}
        finally:
            services.db.close()

    here = contents(False)
    assert len(here["audit_entry"]) > 5000 and len(here["appeal"]) > 500
    assert contents(True) == here


def test_a_producer_process_that_dies_fails_the_fill_and_writes_nothing(services):
    import multiprocessing

    before = database_state(services)

    def progress(done, total):
        if done:  # the first chunk is written: kill the process making the next ones
            for child in multiprocessing.active_children():
                if child.name == "demo-fill":
                    child.kill()
        return True

    with pytest.raises(DemoError) as caught:
        fill_demo(services, 40000, seed=1, progress=progress, in_child=True)
    assert caught.value.code == "error.demo_failed"
    assert "ничего не записано" in caught.value.message("ru")
    assert database_state(services) == before
    assert check_database(services.db) == []


def test_a_producer_dying_in_the_middle_of_a_chunk_fails_the_fill_cleanly(services,
                                                                         monkeypatch):
    from multiprocessing.connection import Connection

    before = database_state(services)
    received = []
    recv = Connection.recv

    def cut_short(self):
        if received:  # the second chunk stops half-way, as when its sender is killed mid-write
            raise OSError("got end of file during message")
        received.append(recv(self))
        return received[-1]

    monkeypatch.setattr(Connection, "recv", cut_short)
    with pytest.raises(DemoError) as caught:
        fill_demo(services, 40000, seed=1, in_child=True)
    assert "ничего не записано" in caught.value.message("ru")
    assert database_state(services) == before


def test_refuses_a_database_with_persons_or_registers(services, person):
    with pytest.raises(DemoError):
        fill_demo(services, 100)


def test_cancelling_a_new_demo_database_removes_the_file(tmp_path, clock):
    path = tmp_path / "gone.db"
    with pytest.raises(DemoCancelled):
        create_demo_database(path, 9000, clock=clock, progress=lambda done, total: done == 0)
    assert list(tmp_path.iterdir()) == []


def test_cli_demo_creates_a_demo_point(tmp_path, capsys):
    path = tmp_path / "cli.db"
    assert cli_main(["--db", str(path), "demo", "--create", "--records", "400", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "400" in out and "appeal" in out
    services = open_services(path)
    try:
        assert services.point_code == "ATY-017"
        assert Person.select().count() > 0
        assert check_database(services.db) == []
    finally:
        services.db.close()
    assert cli_main(["--db", str(path), "demo", "--records", "10", "--quiet"]) == 1


def test_district_database_holds_points_copies_as_sync_stores_them(tmp_path, clock):
    services = create_demo_district(tmp_path / "district.db", 2400, points=4, seed=2, years=2,
                                    clock=clock)
    try:
        copies = SYNCED_MODELS
        total = sum(m.select().where(m.owner_point != services.point_code).count()
                    for m in copies)
        assert total == 2400
        assert AuditEntry.select().count() == 2  # the district office and its operator
        codes = {p.code for p in Point.select().where(Point.is_district_office == False)}  # noqa: E712
        assert codes == {"ATY-001", "ATY-002", "ATY-003", "ATY-004"}
        for code in codes:
            seqs = sorted(s for m in copies for (s,) in m.select(m.change_seq)
                          .where(m.owner_point == code).tuples())
            assert seqs == list(range(1, len(seqs) + 1))
            assert Appeal.select().where(Appeal.owner_point == code).count() > 0
        assert {s.password_hash for s in Staff.select().where(
            Staff.owner_point != services.point_code)} == {LOCKED_PASSWORD}
        assert check_database(services.db) == []
        rows = REGISTERS["appeals"].count(Filters(point_code="ATY-003"))
        assert 0 < rows < Appeal.select().count()
    finally:
        services.db.close()
