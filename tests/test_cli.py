"""The command line end to end: in-process main() and `python -m inspector_app` subprocesses."""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from inspector_app.cli import build_parser, main
from inspector_app.domain.clock import FixedClock
from inspector_app.services.setup import open_services

REPO = Path(__file__).resolve().parent.parent
PASSWORD = "Kz-Secret-2026"
INIT = ["init", "--point-code", "ATY-017", "--point-name", "УПП №17", "--district", "Атырау",
        "--login", "Erzhanov", "--name", "Ержанов Асхат", "--password-stdin", "--no-encrypt"]


def run(argv: list[str], stdin: str = "", monkeypatch=None, capsys=None) -> tuple[int, str, str]:
    """main() in this process, with ``stdin`` as standard input; (code, stdout, stderr)."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def run_process(argv: list[str], stdin: str = "", cwd: Path | None = None,
                **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k != "INSPECTOR_LANG"}
    environment.update(PYTHONPATH=str(REPO), **env)
    return subprocess.run([sys.executable, "-m", "inspector_app", *argv], input=stdin,
                          capture_output=True, text=True, cwd=cwd or REPO, env=environment,
                          timeout=60)


@pytest.fixture
def cli(monkeypatch, capsys):
    monkeypatch.delenv("INSPECTOR_LANG", raising=False)

    def call(argv, stdin=""):
        return run([str(a) for a in argv], stdin, monkeypatch, capsys)

    return call


@pytest.fixture
def point_db(tmp_path, cli):
    path = tmp_path / "p.db"
    code, out, err = cli(["--db", path, *INIT], PASSWORD + "\n")
    assert (code, err) == (0, "")
    return path


# -- init -------------------------------------------------------------------------------


def test_init_creates_a_point_database(point_db, cli, capsys):
    services = open_services(point_db)
    try:
        assert services.point_code == "ATY-017"
        staff = services.staff.by_login("erzhanov")
        assert staff.full_name == "Ержанов Асхат"
        assert services.login("erzhanov", PASSWORD).login == "erzhanov"
        assert services.points.current().name == "УПП №17"
    finally:
        services.db.close()


def test_init_prints_what_it_made(tmp_path, cli):
    code, out, err = cli(["--db", tmp_path / "p.db", *INIT], PASSWORD + "\n")
    assert code == 0
    assert "База данных создана" in out and "ATY-017" in out and "erzhanov" in out


def test_init_refuses_an_initialised_database(point_db, cli):
    before = point_db.read_bytes()
    code, out, err = cli(["--db", point_db, *INIT], PASSWORD + "\n")
    assert code == 1
    assert "уже создана" in err
    assert "Traceback" not in err
    services = open_services(point_db)
    try:
        assert services.staff.count() == 1
    finally:
        services.db.close()
    assert len(point_db.read_bytes()) == len(before)


@pytest.mark.parametrize(("change", "label"), [
    (("--point-code", "атырау 17!"), "Код пункта"),
    (("--login", "Ержанов"), "Логин"),
    (("--name", " "), "ФИО"),
])
def test_init_validation_errors_name_the_field(tmp_path, cli, change, label):
    argv = list(INIT)
    argv[argv.index(change[0]) + 1] = change[1]
    code, out, err = cli(["--db", tmp_path / "p.db", *argv], PASSWORD + "\n")
    assert code == 1
    assert err.startswith(label + ":")
    assert out == ""


def test_init_with_a_weak_password_names_the_password(tmp_path, cli):
    code, out, err = cli(["--db", tmp_path / "p.db", *INIT], "12345\n")
    assert code == 1
    assert err.startswith("Пароль:") and "8" in err
    # nothing was set up: a second try with a good password works
    code, out, err = cli(["--db", tmp_path / "p.db", *INIT], PASSWORD + "\n")
    assert code == 0, err


def test_init_without_a_terminal_asks_for_password_stdin(tmp_path, cli):
    argv = [a for a in INIT if a != "--password-stdin"]
    code, out, err = cli(["--db", tmp_path / "p.db", *argv])
    assert code == 1
    assert "--password-stdin" in err


# -- a missing database ------------------------------------------------------------------


def _subcommands(parser: argparse.ArgumentParser, prefix: list[str]):
    """Every leaf command as an argv with made-up values for its required arguments."""
    sub = next((a for a in parser._actions if isinstance(a, argparse._SubParsersAction)), None)
    if sub is None:
        yield prefix
        return
    for name, child in sub.choices.items():
        argv = [*prefix, name]
        for action in child._actions:
            if not action.required or isinstance(action, argparse._SubParsersAction):
                continue
            value = "1" if action.type in (int, float) else (
                action.choices[0] if action.choices else "x")
            argv += [action.option_strings[0], value] if action.option_strings else [value]
        yield from _subcommands(child, argv)


COMMANDS = [argv for argv in _subcommands(build_parser(), []) if argv[0] != "init"]


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda argv: " ".join(argv[:2]))
def test_every_command_on_a_missing_database_says_to_run_init(tmp_path, cli, argv):
    path = tmp_path / "absent.db"
    code, out, err = cli(["--db", path, *argv], PASSWORD + "\n" * 3)
    assert code == 1, err
    if argv[0] != "restore":  # restoring onto a new PC: the backup is what must exist
        assert "init" in err and str(path) in err
    assert not path.exists()


def test_commands_exist(cli):
    names = {argv[0] for argv in COMMANDS}
    assert {"search", "check"} <= names


# -- usage errors ------------------------------------------------------------------------


@pytest.mark.parametrize("argv", [[], ["frobnicate"], ["init"], ["search"],
                                  ["--lang", "de", "check"], ["search", "x", "--limit", "ten"]])
def test_usage_errors_exit_2(cli, argv):
    code, out, err = cli(argv)
    assert code == 2
    assert "usage:" in err


def test_help_exits_0(cli):
    code, out, err = cli(["--help"])
    assert code == 0 and "init" in out and "search" in out


# -- search and check ----------------------------------------------------------------------


@pytest.fixture
def filled_db(point_db):
    services = open_services(point_db, clock=FixedClock(datetime(2026, 11, 25, 10, 30)))
    try:
        person = services.persons.create({"surname": "Ёлкина", "first_name": "Әлия",
                                          "iin": "900215400102", "address": "ул. Абая, 12",
                                          "phone": "87011234567"})
        services.appeals.create({"received_at": "2026-11-20 09:00", "channel": "phone",
                                 "topic": "noise", "substance": "Шум ночью",
                                 "applicant": person.id})
    finally:
        services.db.close()
    return point_db


def test_search_prints_persons_and_records(filled_db, cli):
    code, out, err = cli(["--db", filled_db, "search", "ЕЛКИНА"])
    assert code == 0, err
    lines = out.splitlines()
    person = next(line for line in lines if line.startswith("Граждане"))
    assert "Ёлкина Әлия" in person and "900215400102" in person and "15.02.1990" in person
    assert "+7 701 123 45 67" in person
    appeal = next(line for line in lines if line.startswith("Прием граждан"))
    assert "ATY-017-T-2026-00001" in appeal and "20.11.2026 09:00" in appeal
    assert "Телефон" in appeal  # the channel's title, not its code


def test_search_by_phone_and_nothing_found(filled_db, cli):
    code, out, err = cli(["--db", filled_db, "search", "8 701 123 45 67"])
    assert code == 0 and "Ёлкина" in out
    code, out, err = cli(["--db", filled_db, "search", "Жоқбаев"])
    assert (code, out.strip()) == (0, "Ничего не найдено")


def test_check_passes_on_a_sound_database(filled_db, cli):
    code, out, err = cli(["--db", filled_db, "check"])
    assert (code, err) == (0, "")
    assert "Проверка пройдена" in out


def test_check_after_tampering_names_the_first_broken_entry(filled_db, cli):
    import sqlite3

    con = sqlite3.connect(str(filled_db))
    with con:
        con.execute('DROP TRIGGER "audit_entry_no_update"')
        entry_id = con.execute("SELECT id FROM audit_entry WHERE table_name = 'person'"
                               ).fetchone()[0]
        con.execute("UPDATE audit_entry SET new_values = replace(new_values, 'Абая', 'Пушкина')"
                    " WHERE id = ?", (entry_id,))
    con.close()
    code, out, err = cli(["--db", filled_db, "check"])
    assert code == 1
    assert f"№{entry_id}" in err
    code, out, err = cli(["--db", filled_db, "--lang", "en", "check"])
    assert code == 1 and f"broken from entry #{entry_id}" in err


# -- languages and unexpected errors ----------------------------------------------------------


@pytest.mark.parametrize(("lang", "words"), [
    ("ru", "не найдена"), ("kk", "табылмады"), ("en", "not found")])
def test_messages_in_three_languages(tmp_path, cli, lang, words):
    code, out, err = cli(["--db", tmp_path / "absent.db", "--lang", lang, "check"])
    assert code == 1 and words in err


def test_language_from_the_environment(tmp_path, cli, monkeypatch):
    monkeypatch.setenv("INSPECTOR_LANG", "en")
    code, out, err = cli(["--db", tmp_path / "absent.db", "check"])
    assert "not found" in err


def test_init_messages_in_english(tmp_path, cli):
    code, out, err = cli(["--lang", "en", "--db", tmp_path / "p.db", *INIT], "short\n")
    assert code == 1 and err.startswith("Password:")
    code, out, err = cli(["--lang", "en", "--db", tmp_path / "p.db", *INIT], PASSWORD + "\n")
    assert code == 0 and out.startswith("Database created")


def test_an_unexpected_error_shows_no_traceback(point_db, cli, monkeypatch, tmp_path):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("inspector_app.cli.query_commands.check_database", broken)
    code, out, err = cli(["--db", point_db, "check"])
    assert code == 1
    assert "Traceback" not in err and "boom" not in err
    assert "Непредвиденная ошибка" in err
    log = Path(os.environ["INSPECTOR_APP_DATA"]) / "logs" / "errors.log"
    assert "RuntimeError: boom" in log.read_text(encoding="utf-8")


# -- real processes ------------------------------------------------------------------------


def test_end_to_end_in_subprocesses(tmp_path):
    db = tmp_path / "field.db"
    done = run_process(["--db", str(db), *INIT], PASSWORD + "\n", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "База данных создана" in done.stdout
    again = run_process(["--db", str(db), *INIT], PASSWORD + "\n", cwd=tmp_path)
    assert again.returncode == 1 and "уже создана" in again.stderr
    found = run_process(["--db", str(db), "search", "ержанов"], cwd=tmp_path)
    assert (found.returncode, found.stdout.strip()) == (0, "Ничего не найдено")
    checked = run_process(["--db", str(db), "--lang", "kk", "check"], cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    missing = run_process(["--db", str(tmp_path / "none.db"), "search", "x"], cwd=tmp_path,
                          INSPECTOR_LANG="en")
    assert missing.returncode == 1 and "init" in missing.stderr
    assert "Traceback" not in missing.stderr
    usage = run_process(["--db", str(db)], cwd=tmp_path)
    assert usage.returncode == 2 and "usage:" in usage.stderr


# -- the message catalogue ---------------------------------------------------------------------


def test_every_message_code_in_the_core_has_three_languages():
    import json
    import re

    catalogue = json.loads((REPO / "resources" / "messages" / "core.json")
                           .read_text(encoding="utf-8"))
    source = "\n".join(p.read_text(encoding="utf-8")
                       for p in (REPO / "inspector_app").rglob("*.py"))
    codes = set(re.findall(r'"((?:v|error|check|cli|init|search|register)\.[a-z0-9_.]+)"',
                           source))
    codes |= {"v." + c for c in re.findall(r'(?:IinError|PhoneError)\("([a-z_.]+)"', source)}
    assert sorted(c for c in codes if c not in catalogue) == []
    for code, texts in catalogue.items():
        assert set(texts) == {"ru", "kk", "en"} and all(texts.values()), code


def test_every_record_field_has_a_label():
    from inspector_app.kinds import KIND_OF_MODEL
    from inspector_app.messages import has_message
    from inspector_app.services.records import _STAMP_FIELDS
    from inspector_app.storage.models import SYNCED_MODELS

    hidden = _STAMP_FIELDS | {"sort_name", "sort_key", "password_hash"}
    missing = []
    for model in SYNCED_MODELS:
        kind = KIND_OF_MODEL[model].slug
        for field in model._meta.sorted_fields:
            if field.name not in hidden and not (has_message(f"field.{kind}.{field.name}")
                                                 or has_message(f"field.any.{field.name}")):
                missing.append(f"{kind}.{field.name}")
    assert missing == []


def test_a_district_office_made_from_the_command_line_can_limit_its_operators(
        tmp_path, monkeypatch, capsys):
    """``init --district-office --administrator``: its first account adds an operator and
    limits it to a point (an office's default first account, its operator, may do neither)."""
    db = str(tmp_path / "rop.db")
    office = ["init", "--point-code", "ATY-ROP", "--point-name", "ОП г. Атырау", "--district",
              "Атырау", "--district-office", "--login", "chief", "--name", "Нурланов Ерлан",
              "--password-stdin", "--no-encrypt"]
    assert run(["--db", db, *office, "--administrator"], PASSWORD + "\n", monkeypatch,
               capsys)[0] == 0
    chief = ["--db", db, "--user", "chief", "--user-password-stdin"]
    code, _out, err = run([*chief, "users", "add", "--login", "north", "--name",
                           "Оператор Северный", "--role", "district_operator",
                           "--password-stdin"], f"{PASSWORD}\nTmp-Pass-2026x\n", monkeypatch,
                          capsys)
    assert code == 0, err
    code, out, err = run([*chief, "users", "territory", "--login", "north", "--points",
                          "ATY-001"], PASSWORD + "\n", monkeypatch, capsys)
    assert code == 0 and "ATY-001" in out, err
    code, out, _err = run([*chief, "users", "list"], PASSWORD + "\n", monkeypatch, capsys)
    assert "Администратор" in out and "пункты ATY-001" in out
