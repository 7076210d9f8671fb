"""Wrong passwords: growing delay, temporary lock, reset on success; all on an injected clock."""

from __future__ import annotations

import json
import time

import pytest
from conftest import PASSWORD
from peewee import IntegrityError

from inspector_app.errors import AuthenticationFailed
from inspector_app.protection.integrity import check_database
from inspector_app.protection.lockout import (
    AccountLocked,
    FileAttemptStore,
    LockoutPolicy,
    LoginThrottle,
    LoginTooSoon,
)
from inspector_app.services.context import Services


def fresh(services) -> Services:
    return Services(services.db, clock=services.clock)


def wrong(services, login="erzhanov") -> AuthenticationFailed:
    with pytest.raises(AuthenticationFailed) as caught:
        fresh(services).login(login, "Wrong-Password-1")
    return caught.value


def test_each_wrong_password_doubles_the_pause(services, clock):
    delays = []
    for _ in range(4):
        error = wrong(services)
        assert error.code == "error.auth_failed"
        delays.append(error.params["retry_after"])
        clock.advance(seconds=error.params["retry_after"])
    assert delays == [1, 2, 4, 8]


def test_an_attempt_during_the_pause_is_refused_without_checking(services, clock):
    wrong(services)
    wrong_time = clock.moment
    clock.advance(seconds=0.5)
    with pytest.raises(LoginTooSoon) as caught:
        fresh(services).login("erzhanov", PASSWORD)  # even the right password waits
    assert caught.value.params["seconds"] == 1
    assert "1" in caught.value.message("ru")
    clock.moment = wrong_time
    clock.advance(seconds=1)
    assert fresh(services).login("erzhanov", PASSWORD).login == "erzhanov"


def test_the_pause_is_a_whole_second_even_late_in_a_second(services, clock):
    """The audit chain keeps whole seconds: a wrong password at hh:mm:ss.9 must not let the
    next attempt in at hh:mm:(ss+1).1 (it did, and the CLI test caught it on a loaded run)."""
    clock.moment = clock.moment.replace(microsecond=900_000)
    wrong(services)
    clock.advance(seconds=0.2)
    with pytest.raises(LoginTooSoon):
        fresh(services).login("erzhanov", PASSWORD)
    clock.advance(seconds=0.8)
    assert fresh(services).login("erzhanov", PASSWORD).login == "erzhanov"


def test_the_fifth_wrong_password_locks_for_fifteen_minutes(services, clock):
    for _ in range(4):
        clock.advance(seconds=wrong(services).params["retry_after"])
    locked = wrong(services)
    assert isinstance(locked, AccountLocked)
    assert locked.params["minutes"] == 15
    assert locked.params["until"] == "10:45"  # local time on the fixed clock (10:30 + 15)
    clock.advance(minutes=14)
    with pytest.raises(AccountLocked) as caught:
        fresh(services).login("erzhanov", PASSWORD)  # the right password does not help
    assert caught.value.params["minutes"] == 1
    clock.advance(minutes=1, seconds=1)
    assert fresh(services).login("erzhanov", PASSWORD)
    # the lock has run out: counting starts afresh
    assert wrong(services).params["retry_after"] == 1


def test_a_success_clears_the_count(services, clock):
    for _ in range(3):
        clock.advance(seconds=wrong(services).params["retry_after"])
    assert fresh(services).login("erzhanov", PASSWORD)
    error = wrong(services)
    assert error.params["retry_after"] == 1 and error.params["attempts_left"] == 4


def test_logins_are_counted_separately(services, clock):
    services.staff.create({"login": "assist", "full_name": "Нурланова Динара",
                           "role": "assistant", "password": "Strong-Pass-2026"})
    for _ in range(5):
        clock.advance(seconds=30)
        wrong(services, "erzhanov")
    assert fresh(services).login("assist", "Strong-Pass-2026").login == "assist"
    with pytest.raises(AccountLocked):
        fresh(services).login("ERZHANOV ", PASSWORD)  # same login however typed


def test_unknown_logins_are_throttled_like_known_ones(services, clock):
    first = wrong(services, "nobody")
    assert first.code == "error.auth_failed" and first.params["retry_after"] == 1


def test_old_failures_are_forgotten(services, clock):
    for _ in range(3):
        clock.advance(seconds=wrong(services).params["retry_after"])
    clock.advance(minutes=16)
    assert wrong(services).params["retry_after"] == 1


def test_state_is_kept_in_the_audit_chain(services, clock, db_path):
    wrong(services)
    row = services.db.execute_sql(
        "SELECT actor, action, at, new_values FROM audit_entry WHERE table_name = 'security' "
        "AND record_id = 'erzhanov'").fetchone()
    assert row[:2] == ("erzhanov", "login_failed") and row[2].startswith("2026-11-25 05:30")
    assert json.loads(row[3]) == {"failures": 1, "failed_at": "2026-11-25 05:30:00"}


def test_a_lock_is_not_lifted_by_deleting_rows(services, clock, db_path):
    for _ in range(4):
        clock.advance(seconds=wrong(services).params["retry_after"])
    assert isinstance(wrong(services), AccountLocked)
    # the old state table is not consulted; the lock is derived from the chain
    services.db.execute_sql("DELETE FROM login_attempt")
    with pytest.raises(AccountLocked):
        fresh(services).login("erzhanov", PASSWORD)
    # removing the lock's entry (the append-only trigger dropped first) breaks the chain once
    # anything was written after it (the newest entries are guarded by the district's copy)
    services.persons.create({"surname": "Иванов", "first_name": "Иван"})
    with pytest.raises(IntegrityError):
        services.db.execute_sql("DELETE FROM audit_entry WHERE action = 'locked'")
    services.db.execute_sql("DROP TRIGGER audit_entry_no_delete")
    services.db.execute_sql("DELETE FROM audit_entry WHERE action = 'locked'")
    assert [p.code for p in check_database(services.db)] == ["check.audit_broken"]


def test_failures_locks_and_the_success_after_them_are_audited(services, clock):
    for _ in range(4):
        clock.advance(seconds=wrong(services).params["retry_after"])
    wrong(services)
    clock.advance(minutes=16)
    fresh(services).login("erzhanov", PASSWORD)
    fresh(services).login("erzhanov", PASSWORD)  # no failures before: nothing to record
    actions = [r[0] for r in services.db.execute_sql(
        "SELECT action FROM audit_entry WHERE table_name = 'security' ORDER BY id")]
    assert actions == ["login_failed"] * 4 + ["locked", "login"]
    assert check_database(services.db) == []


def test_the_file_store_behaves_like_the_table(tmp_path, clock):
    store = FileAttemptStore(tmp_path / "point.db.attempts")
    throttle = LoginThrottle(store, clock, LockoutPolicy(max_failures=3, lock_minutes=5))

    def bad():
        raise AuthenticationFailed("error.auth_failed")

    for expected in (1, 2):
        with pytest.raises(AuthenticationFailed) as caught:
            throttle.attempt("erzhanov", bad)
        assert caught.value.params["retry_after"] == expected
        clock.advance(seconds=expected)
    with pytest.raises(AccountLocked):
        throttle.attempt("erzhanov", bad)
    reopened = LoginThrottle(FileAttemptStore(tmp_path / "point.db.attempts"), clock)
    assert reopened.seconds_to_wait("erzhanov") == 300
    clock.advance(minutes=5)
    assert reopened.attempt("erzhanov", lambda: "ok") == "ok"
    # the count is gone; the three wrong passwords wait to be written into the audit chain
    left = json.loads((tmp_path / "point.db.attempts").read_text())
    assert list(left) == ["~pending"] and [e["failures"] for e in left["~pending"]] == [1, 2, 3]
    store.clear_pending()
    assert (tmp_path / "point.db.attempts").read_text() == "{}"


def test_the_policy_caps_the_delay():
    policy = LockoutPolicy(max_failures=20, max_delay_seconds=30)
    assert [policy.delay_after(n) for n in (0, 1, 2, 5, 6, 10)] == [0, 1, 2, 16, 30, 30]


# -- the command line ---------------------------------------------------------------------


def cli(monkeypatch, capsys, db_path, *argv, stdin=""):
    import io

    from inspector_app.cli import main

    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(["--db", str(db_path), "--lang", "en", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_users_add_list_reset_deactivate(services, db_path, monkeypatch, capsys):
    services.db.close()
    code, out, _ = cli(monkeypatch, capsys, db_path, "users", "add", "--login", "Admin",
                       "--name", "Абенов Серик", "--role", "administrator", "--password-stdin",
                       stdin="Boss-Key-2026\n")
    assert code == 0 and "admin" in out
    admin = ["--user", "admin", "--user-password-stdin"]
    code, out, _ = cli(monkeypatch, capsys, db_path, *admin, "users", "add", "--login",
                       "assist", "--name", "Нурланова Динара", "--role", "assistant",
                       "--password-stdin", stdin="Boss-Key-2026\nTemp-Pass-001\n")
    assert code == 0, out
    code, out, _ = cli(monkeypatch, capsys, db_path, "users", "list")
    lines = dict(line.split("\t", 1) for line in out.strip().splitlines())
    assert set(lines) == {"admin", "assist", "erzhanov"}
    assert "must change password" in lines["assist"] and "Assistant" in lines["assist"]

    code, out, _ = cli(monkeypatch, capsys, db_path, *admin, "users", "reset", "--login",
                       "assist", "--password-stdin", stdin="Boss-Key-2026\nReset-Pass-002\n")
    assert code == 0 and "reset" in out
    code, out, _ = cli(monkeypatch, capsys, db_path, *admin, "users", "deactivate",
                       "--login", "assist", stdin="Boss-Key-2026\n")
    assert code == 0
    code, out, _ = cli(monkeypatch, capsys, db_path, "users", "list")
    assert "deactivated" in dict(l.split("\t", 1) for l in out.splitlines())["assist"]  # noqa: E741


def test_cli_refuses_account_changes_by_a_non_administrator(services, db_path, monkeypatch,
                                                            capsys):
    services.db.close()
    code, _, err = cli(monkeypatch, capsys, db_path, "--user", "erzhanov",
                       "--user-password-stdin", "users", "add", "--login", "intruder",
                       "--name", "Кто-то", "--role", "administrator", "--password-stdin",
                       stdin=PASSWORD + "\nIntruder-Pass-1\n")
    assert code == 1 and "not allowed" in err


def test_cli_passwd_needs_the_current_password(services, db_path, monkeypatch, capsys):
    services.db.close()
    code, _, err = cli(monkeypatch, capsys, db_path, "passwd", "--login", "erzhanov",
                       "--password-stdin", stdin="Wrong-Pass-1\nNew-Pass-2027\n")
    assert code == 1 and "Wrong login or password" in err
    failed_at = time.monotonic()
    code, out, _ = cli(monkeypatch, capsys, db_path, "passwd", "--login", "erzhanov",
                       "--password-stdin", stdin=f"{PASSWORD}\nNew-Pass-2027\n")
    # the pause after the wrong password (real clock: 1 s) is not over, unless this loaded
    # machine took that long to get here
    assert code == 1 or time.monotonic() - failed_at >= 1.0
    time.sleep(1.1)
    code, out, err = cli(monkeypatch, capsys, db_path, "passwd", "--login", "erzhanov",
                         "--password-stdin", stdin=f"{PASSWORD}\nNew-Pass-2027\n")
    assert code == 0, err
    code, out, _ = cli(monkeypatch, capsys, db_path, "--user", "erzhanov",
                       "--user-password-stdin", "users", "list", stdin="New-Pass-2027\n")
    assert code == 0 and "erzhanov" in out
