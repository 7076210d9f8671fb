"""Destroying a register's records past their retention period, at the point: what goes (the
row, its search words, the personal values of its audit entries, out of the file's bytes),
what stays (a vouching ``destroy`` entry, a verifiable chain), who may, and the command line.
The clock stands at 25.11.2026: appeals are kept 5 years (before 25.11.2021 they are past)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from conftest import PASSWORD
from core_factories import appeal_data, offence_data
from peewee import IntegrityError
from sync_fixtures import db_file_bytes, file_holds

from inspector_app.domain.permissions import Role
from inspector_app.errors import InspectorError, PermissionDenied
from inspector_app.protection.integrity import check_database, first_broken_audit_entry
from inspector_app.queries.audit_log import changed_labels
from inspector_app.services.audit_erasure import ERASED
from inspector_app.services.destruction import destroy_records, plan_destruction
from inspector_app.storage.models import Appeal, AuditEntry

SURNAME = "Қуанышбекова"  # written only in the old appeal's text
ADMIN, ADMIN_PASSWORD = "admin", "Boss-Key-2026"
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def old_appeal(services, person):
    appeal = services.appeals.create(appeal_data(
        person, received_at="2020-03-02 10:00", substance=f"Жалоба на соседку {SURNAME}"))
    services.appeals.update(appeal.id, {"substance": f"Жалоба на {SURNAME}, повторная"})
    return appeal


def test_a_dry_run_changes_nothing(services, old_appeal):
    before = db_file_bytes(services)
    plan = plan_destruction(services, "appeal")
    assert plan.ids == (old_appeal.id,) and plan.kept == ()
    assert plan.dated[old_appeal.id].isoformat() == "2020-03-02"
    assert db_file_bytes(services) == before


def test_destroying_removes_the_personal_data_from_the_file(services, person, old_appeal):
    recent = services.appeals.create(appeal_data(person, substance="Свежая жалоба"))
    services.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    assert file_holds(services, SURNAME) == [True]  # row, search index and audit hold it
    assert [h.record_id for h in services.search.records(SURNAME)] == [old_appeal.id]
    entries = [e.id for e in AuditEntry.select().where(AuditEntry.record_id == old_appeal.id)]

    done = destroy_records(services, "appeal")

    assert done.plan.ids == (old_appeal.id,) and done.log_truncated
    assert file_holds(services, SURNAME) == [False]
    assert not Appeal.select().where(Appeal.id == old_appeal.id).exists()
    assert Appeal.get_by_id(recent.id).substance == "Свежая жалоба"
    assert services.search.records(SURNAME) == []
    for entry in AuditEntry.select().where(AuditEntry.id.in_(entries)):
        assert entry.new_values in (ERASED, None) and entry.old_values in (ERASED, None)
        assert changed_labels(entry, "en") == "values erased when the record was destroyed"
    destroy = AuditEntry.get((AuditEntry.record_id == old_appeal.id)
                             & (AuditEntry.action == "destroy"))
    assert destroy.actor == "system" and changed_labels(destroy, "en").startswith("record dest")
    summary = AuditEntry.get_by_id(done.audit_entry)
    assert summary.action == "retention" and old_appeal.id in summary.new_values
    assert '"count": 1' in summary.new_values and '"cutoff": "2021-11-25"' in summary.new_values
    assert check_database(services.db) == []
    assert services.db.execute_sql('SELECT owner_point, record_id FROM "destroyed_record"'
                                   ).fetchall() == [("ATY-017", old_appeal.id)]


def test_an_erased_entry_altered_afterwards_breaks_the_chain(services, old_appeal):
    destroy_records(services, "appeal")
    erased = AuditEntry.get((AuditEntry.record_id == old_appeal.id)
                            & (AuditEntry.action == "create"))
    assert first_broken_audit_entry() is None
    db = services.db
    guard = db.execute_sql("SELECT sql FROM sqlite_master WHERE name = 'audit_entry_no_update'"
                           ).fetchone()[0]
    db.execute_sql('DROP TRIGGER "audit_entry_no_update"')  # what only a forger does
    db.execute_sql('UPDATE "audit_entry" SET actor = ? WHERE id = ?', ("someone", erased.id))
    assert first_broken_audit_entry() == (erased.id, "content does not match its hash")
    db.execute_sql('UPDATE "audit_entry" SET actor = ? WHERE id = ?', (erased.actor, erased.id))
    db.execute_sql(guard)
    assert first_broken_audit_entry() is None


def test_the_guard_lets_no_entry_be_erased_without_its_destroy_entry(services, old_appeal,
                                                                      person):
    with pytest.raises(IntegrityError, match="append-only"):
        services.db.execute_sql('UPDATE "audit_entry" SET new_values = ? WHERE record_id = ?',
                                (ERASED, old_appeal.id))
    destroy_records(services, "appeal")
    with pytest.raises(IntegrityError, match="append-only"):  # other columns stay
        services.db.execute_sql('UPDATE "audit_entry" SET actor = ? WHERE record_id = ?',
                                ("x", old_appeal.id))
    with pytest.raises(IntegrityError, match="append-only"):  # another record's
        services.db.execute_sql('UPDATE "audit_entry" SET new_values = ? WHERE record_id = ?',
                                (ERASED, person.id))


def test_records_other_records_name_are_kept(services, person):
    offence = services.offences.create(offence_data(person, committed_at="2019-05-01 22:00"))
    lone = services.offences.create(offence_data(person, committed_at="2019-06-01 22:00"))
    services.appeals.create(appeal_data(person, offence=offence.id))
    plan = plan_destruction(services, "offence")
    assert (plan.ids, plan.kept) == ((lone.id,), (offence.id,))
    destroy_records(services, "offence")
    assert [o.id for o in services.offences.live()] == [offence.id]
    assert check_database(services.db) == []


def test_chosen_records_only_and_each_must_be_past(services, person, old_appeal):
    other = services.appeals.create(appeal_data(person, received_at="2019-01-10 10:00"))
    recent = services.appeals.create(appeal_data(person))
    with pytest.raises(InspectorError) as refused:
        plan_destruction(services, "appeal", [old_appeal.id, recent.id])
    assert recent.id in refused.value.message("ru") and "не уничтожается" in \
        refused.value.message("ru")
    destroy_records(services, "appeal", [other.id])
    assert {a.id for a in services.appeals.live()} == {old_appeal.id, recent.id}
    with pytest.raises(InspectorError, match="no retention period"):
        plan_destruction(services, "person")


def test_only_the_administrator_or_the_head_destroys(services, old_appeal):
    services.login("erzhanov", PASSWORD)  # an inspector
    with pytest.raises(PermissionDenied):
        destroy_records(services, "appeal")
    assert Appeal.select().where(Appeal.id == old_appeal.id).exists()


def _cli(monkeypatch, capsys, db_path, *argv, stdin=""):
    from inspector_app.cli import main

    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(["--db", str(db_path), "--lang", "ru", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_line(services, db_path, old_appeal, monkeypatch, capsys):
    services.staff.create({"login": ADMIN, "full_name": "Абенов Серик",
                           "password": ADMIN_PASSWORD, "role": Role.ADMINISTRATOR})
    services.db.close()
    code, out, err = _cli(monkeypatch, capsys, db_path, "retention", "destroy", "--kind",
                          "appeal", "--dry-run")
    assert code == 0, err
    assert "1 зап. старше срока хранения (ранее " in out  # the real clock
    assert f"{old_appeal.id}\t02.03.2020" in out and "ничего не изменено" in out
    code, _, err = _cli(monkeypatch, capsys, db_path, "retention", "destroy")
    assert code == 1 and "Укажите журнал: --kind" in err and "crime_report" in err
    code, _, err = _cli(monkeypatch, capsys, db_path, "retention", "destroy", "--kind", "persn",
                        "--dry-run")
    assert code == 1 and "У журнала «persn» нет срока хранения" in err and "appeal" in err
    code, _, err = _cli(monkeypatch, capsys, db_path, "retention", "destroy", "--kind", "appeal",
                        "--yes")
    assert code == 1 and "--user" in err
    code, _, err = _cli(monkeypatch, capsys, db_path, "--user", "erzhanov",
                        "--user-password-stdin", "retention", "destroy", "--kind", "appeal",
                        "--yes", stdin=PASSWORD + "\n")
    assert code == 1 and err.strip()  # an inspector may not
    admin = ["--user", ADMIN, "--user-password-stdin"]
    code, _, err = _cli(monkeypatch, capsys, db_path, *admin, "retention", "destroy", "--kind",
                        "appeal", stdin=ADMIN_PASSWORD + "\n")
    assert code == 1 and err.strip()  # no terminal to confirm on, and no --yes
    code, out, err = _cli(monkeypatch, capsys, db_path, *admin, "retention", "destroy", "--kind",
                          "appeal", "--yes", stdin=ADMIN_PASSWORD + "\n")
    assert code == 0, err
    assert "уничтожено 1 зап." in out
    code, out, _ = _cli(monkeypatch, capsys, db_path, "check")
    assert code == 0, out
    code, out, _ = _cli(monkeypatch, capsys, db_path, "retention", "destroy", "--kind", "appeal",
                        "--dry-run")
    assert "нечего" in out


def test_a_destroy_entry_vouches_only_for_its_own_records_entries(services, person,
                                                                  old_appeal):
    from inspector_app.services.audit_erasure import erased_digest
    from inspector_app.services.records import next_change_seq, write_audit

    other = AuditEntry.get((AuditEntry.record_id == person.id)
                           & (AuditEntry.action == "create"))
    db = services.db
    db.execute_sql('DROP TRIGGER "audit_entry_no_update"')  # a forger at the file
    db.execute_sql('UPDATE "audit_entry" SET new_values = ? WHERE id = ?', (ERASED, other.id))
    erased = AuditEntry.get_by_id(other.id)
    with db.atomic():  # a destroy entry about the appeal, vouching for the person's entry
        write_audit(services.clock.now_utc(), "system", "destroy", "appeal", old_appeal.id,
                    next_change_seq(), None,
                    {"erased": {str(other.id): [other.entry_hash, erased_digest(erased)]}})
    assert first_broken_audit_entry() == (other.id, "content does not match its hash")


def test_a_deleted_record_past_its_period_is_destroyed_too(services, person, old_appeal):
    services.appeals.delete(old_appeal.id)  # a tombstone still holds the complaint's text
    assert plan_destruction(services, "appeal").ids == (old_appeal.id,)
    destroy_records(services, "appeal")
    assert file_holds(services, SURNAME) == [False]
    assert check_database(services.db) == []


def test_retention_destroy_on_a_server_database(pg_url, tmp_path):
    """A district on a real throw-away PostgreSQL server destroys its own old appeals from the
    command line: the same outcome as in a file (rows gone, entries erased and vouched, the
    chain verifies, the guard lets nothing else through); no ledger file is written."""
    import os
    import subprocess

    from sync_fixtures import NOW

    from inspector_app.domain.clock import FixedClock
    from inspector_app.services.setup import DISTRICT, FirstAccount, PointProfile, create_database
    from inspector_app.storage.database import bind_models

    district = create_database(pg_url, PointProfile(code="ATY-ROP", name="ОП г. Атырау",
                                                    district="Атырау"),
                               FirstAccount("operator", "Оператор", ADMIN_PASSWORD),
                               kind=DISTRICT, clock=FixedClock(NOW))
    person = district.persons.create({"surname": "Иванова", "first_name": "Мария"})
    old = [district.appeals.create(appeal_data(person, received_at=day,
                                               substance=f"Жалоба на {SURNAME}")).id
           for day in ("2019-04-01 10:00", "2020-03-02 10:00")]
    district.appeals.update(old[1], {"substance": f"Жалоба на {SURNAME}, повторная"})
    recent = district.appeals.create(appeal_data(person)).id
    district.staff.create({"login": ADMIN, "full_name": "Абенов Серик",
                           "password": ADMIN_PASSWORD, "role": Role.ADMINISTRATOR})
    district.db.close()

    def cli(*argv: str) -> subprocess.CompletedProcess:
        env = dict(os.environ, INSPECTOR_APP_DATA=str(tmp_path / "data"), INSPECTOR_LANG="ru")
        return subprocess.run([sys.executable, "-m", "inspector_app", "--db", pg_url, "--user",
                               ADMIN, "--user-password-stdin", *argv],
                              input=ADMIN_PASSWORD + "\n", capture_output=True, text=True,
                              env=env, timeout=120, cwd=str(REPO))

    dry = cli("retention", "destroy", "--kind", "appeal", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "2 зап. старше срока хранения" in dry.stdout
    done = cli("retention", "destroy", "--kind", "appeal", "--yes")
    assert done.returncode == 0, done.stderr
    assert "уничтожено 2 зап." in done.stdout and not done.stderr.strip()
    assert "таблицы очищены (VACUUM)" in done.stdout and "занят" not in done.stdout
    checked = cli("check")
    assert checked.returncode == 0, checked.stdout + checked.stderr

    from inspector_app.services.setup import open_services

    server = open_services(pg_url, clock=FixedClock(NOW))
    try:
        bind_models(server.db)
        db = server.db
        assert {row[0] for row in db.execute_sql('SELECT id FROM "appeal"')} == {recent}
        assert first_broken_audit_entry() is None and check_database(db) == []
        about = AuditEntry.select().where(AuditEntry.record_id.in_(old))
        assert {e.action for e in about} == {"create", "update", "destroy"}
        for entry in about:
            if entry.action != "destroy":
                assert (entry.old_values, entry.new_values) in ((None, ERASED), (ERASED, ERASED))
        assert db.execute_sql(
            "SELECT COUNT(*) FROM audit_entry WHERE old_values LIKE %s OR new_values LIKE %s",
            (f"%{SURNAME}%", f"%{SURNAME}%")).fetchone()[0] == 0
        assert sorted(row[0] for row in db.execute_sql(
            'SELECT record_id FROM "destroyed_record"')) == sorted(old)
        assert server.search.records(SURNAME) == []
        vacuumed = dict(db.execute_sql(
            "SELECT relname, last_vacuum IS NOT NULL FROM pg_stat_user_tables "
            "WHERE relname IN ('appeal', 'audit_entry')").fetchall())
        assert vacuumed == {"appeal": True, "audit_entry": True}
        with pytest.raises(Exception, match="append-only"), db.atomic():
            db.execute_sql('UPDATE "audit_entry" SET actor = %s WHERE record_id = %s',
                           ("x", old[0]))
    finally:
        server.db.close()
    assert not list((tmp_path / "data").rglob("*.erased.json"))
