"""Rights and accounts: restore is the administrator's, a temporary password must be changed
first, refusals are in the audit chain; the CLI is run as a real process."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import PASSWORD
from core_factories import appeal_data

from inspector_app.domain.permissions import Action
from inspector_app.errors import PasswordChangeRequired, PermissionDenied
from inspector_app.protection import backup
from inspector_app.protection.integrity import check_database
from inspector_app.services.context import Services

REPO = Path(__file__).resolve().parent.parent
ADMIN_PASSWORD, ASSIST_PASSWORD = "Boss-Key-2026", "Strong-Pass-2026"


def cli(db_path, *argv, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "inspector_app", "--db", str(db_path),
                           "--lang", "en", *argv], input=stdin, capture_output=True, text=True,
                          cwd=str(REPO), timeout=120)


def security_events(db) -> list[tuple[str, str, dict]]:
    rows = db.execute_sql("SELECT actor, action, new_values FROM audit_entry "
                          "WHERE table_name = 'security' ORDER BY id").fetchall()
    return [(actor, action, json.loads(values)) for actor, action, values in rows]


@pytest.fixture
def accounts(services):
    """An administrator and an assistant besides the inspector."""
    services.staff.create({"login": "admin", "full_name": "Абенов Серик",
                           "role": "administrator", "password": ADMIN_PASSWORD})
    services.staff.create({"login": "assist", "full_name": "Нурланова Динара",
                           "role": "assistant", "password": ASSIST_PASSWORD})
    return services


def test_only_the_administrator_restores(accounts, db_path, tmp_path, person):
    taken = backup.create_backup(db_path, tmp_path / "backups", clock=accounts.clock)
    accounts.persons.create({"surname": "Позднее", "first_name": "Добавлен"})
    accounts.db.close()

    refused = cli(db_path, "--user", "assist", "--user-password-stdin", "restore",
                  str(taken.path), "--yes", stdin=ASSIST_PASSWORD + "\n")
    assert refused.returncode == 1 and "not allowed" in refused.stderr
    assert not list(tmp_path.glob("*.before-restore-*.db"))
    inspector = cli(db_path, "--user", "erzhanov", "--user-password-stdin", "restore",
                    str(taken.path), "--yes", stdin=PASSWORD + "\n")
    assert inspector.returncode == 1 and "not allowed" in inspector.stderr

    again = Services(accounts.db, clock=accounts.clock)
    accounts.db.connect(reuse_if_open=True)
    refusals = [(actor, e["action"], e["reason"]) for actor, action, e in
                security_events(again.db) if action == "refused"]
    assert refusals == [("assist", "restore", "role"), ("erzhanov", "restore", "role")]
    assert again.persons.live().count() == 2  # nothing was restored
    accounts.db.close()

    done = cli(db_path, "--user", "admin", "--user-password-stdin", "restore",
               str(taken.path), "--yes", stdin=ADMIN_PASSWORD + "\n")
    assert done.returncode == 0, done.stderr
    assert len(list(tmp_path.glob("*.before-restore-*.db"))) == 1  # and its keys beside it
    owner = cli(db_path, "restore", str(taken.path), "--yes")  # the file's owner, no session
    assert owner.returncode == 0, owner.stderr


def test_core_refusals_are_written_into_the_chain(accounts, person):
    assistant = Services(accounts.db, clock=accounts.clock)
    assistant.login("assist", ASSIST_PASSWORD)
    appeal = accounts.appeals.create(appeal_data(person))
    with pytest.raises(PermissionDenied):
        assistant.appeals.delete(appeal.id)
    with pytest.raises(PermissionDenied):
        backup.require_restore_right(assistant)
    with pytest.raises(PermissionDenied):
        assistant.staff.create({"login": "intruder", "full_name": "Чужой Человек",
                                "role": "administrator", "password": "Intruder-Key-77"})
    events = [(a, e["action"], e["kind"]) for a, action, e in security_events(accounts.db)
              if action == "refused"]
    assert events == [("assist", "delete", "appeal"), ("assist", "restore", ""),
                      ("assist", "manage_accounts", "staff")]
    assert check_database(accounts.db) == []


def test_a_temporary_password_allows_only_its_change(accounts, person):
    admin = Services(accounts.db, clock=accounts.clock)
    admin.login("admin", ADMIN_PASSWORD)
    admin.staff.reset_password(admin.staff.by_login("assist").id, "Reset-Pass-002")
    helper = Services(accounts.db, clock=accounts.clock)
    assert helper.login("assist", "Reset-Pass-002").must_change_password
    for attempt in (lambda: helper.appeals.create(appeal_data(person)),
                    lambda: helper.persons.get(person.id),
                    lambda: helper.staff.update(helper.session.staff_id, {"position": "x"})):
        with pytest.raises(PasswordChangeRequired) as caught:
            attempt()
        assert "passwd --login assist" in caught.value.message("en")
    assert not helper.can(Action.READ)
    helper.staff.change_own_password("Reset-Pass-002", "My-Own-Key-2027")
    assert not helper.session.must_change_password
    assert helper.appeals.create(appeal_data(person)).created_by == "assist"
    reasons = [e["reason"] for _, action, e in security_events(accounts.db)
               if action == "refused"]
    assert reasons == ["password_change_required"] * 3


def test_cli_refuses_every_command_until_the_temporary_password_is_changed(accounts, db_path):
    admin = Services(accounts.db, clock=accounts.clock)
    admin.login("admin", ADMIN_PASSWORD)
    admin.staff.reset_password(admin.staff.by_login("assist").id, "Reset-Pass-002")
    accounts.db.close()
    as_helper = ("--user", "assist", "--user-password-stdin")
    for command in (["search", "Иванов"], ["users", "list"],
                    ["stats", "--from", "01.01.2026", "--to", "30.06.2026"],
                    ["backup", "--folder", str(db_path.parent / "b")]):
        result = cli(db_path, *as_helper, *command, stdin="Reset-Pass-002\n")
        assert result.returncode == 1, (command, result.stdout)
        assert "temporary one set by the administrator" in result.stderr, result.stderr
    changed = cli(db_path, "passwd", "--login", "assist", "--password-stdin",
                  stdin="Reset-Pass-002\nMy-Own-Key-2027\nMy-Own-Key-2027\n")
    assert changed.returncode == 0, changed.stderr
    result = cli(db_path, *as_helper, "search", "Иванов", stdin="My-Own-Key-2027\n")
    assert result.returncode == 0, result.stderr


def test_cli_failed_logins_are_audited(accounts, db_path):
    accounts.db.close()
    codes = []
    for _ in range(2):
        codes.append(cli(db_path, "--user", "assist", "--user-password-stdin", "search", "x",
                         stdin="Wrong-Pass-1\n").returncode)
        time.sleep(1.1)  # past the pause after a wrong password
    assert codes == [1, 1]
    accounts.db.connect(reuse_if_open=True)
    events = security_events(accounts.db)
    assert [(actor, action, details["failures"]) for actor, action, details in events] == [
        ("assist", "login_failed", 1), ("assist", "login_failed", 2)]


def test_wrong_passwords_of_an_encrypted_database_reach_the_chain_at_the_next_login(tmp_path):
    init = cli(tmp_path / "p.db", "init", "--point-code", "ATY-017", "--point-name", "УПП",
               "--district", "Атырау", "--login", "erzhanov", "--name", "Ержанов Асхат",
               "--password-stdin", "--sheet", str(tmp_path / "s.pdf"), stdin=PASSWORD + "\n")
    assert init.returncode == 0, init.stderr
    as_user = ("--user", "erzhanov", "--user-password-stdin", "check")
    wrong = cli(tmp_path / "p.db", *as_user, stdin="Wrong-Pass-1\n")
    assert wrong.returncode == 1 and "wrong" in wrong.stderr.lower()
    time.sleep(1.1)
    right = cli(tmp_path / "p.db", *as_user, stdin=PASSWORD + "\n")
    assert right.returncode == 0, right.stderr
    from inspector_app.services.setup import login_services

    services = login_services(tmp_path / "p.db", "erzhanov", PASSWORD)
    try:
        events = [(actor, action, e) for actor, action, e in security_events(services.db)]
    finally:
        services.db.close()
    assert events == [("erzhanov", "login_failed", {"failures": 1, "before_unlock": True}),
                      ("erzhanov", "login", {})]
    assert json.loads((tmp_path / "p.db.attempts").read_text()) == {}
