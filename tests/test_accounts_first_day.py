"""A point set up by the wizard or `inspector-cli init` can manage its accounts at once; the
rules in docs/roles.md and inspector_app/domain/permissions.py say the same."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from inspector_app.domain.permissions import HEAD_OF_POINT, Action, Role, allowed
from inspector_app.services.setup import (
    DISTRICT,
    FirstAccount,
    PointProfile,
    create_database,
    login_services,
)

REPO = Path(__file__).resolve().parents[1]
PROFILE = PointProfile(code="ATY-021", name="УПП №21", district="Атырау")
HEAD = FirstAccount(login="kasymov", full_name="Қасымов Ерлан", password="Kz-Secret-2026")


@pytest.mark.parametrize("encrypt", [False, True])
def test_the_head_of_a_new_point_gives_the_others_accounts(tmp_path, clock, encrypt):
    path = tmp_path / "point.db"
    create_database(path, PROFILE, HEAD, clock=clock, encrypt=encrypt).db.close()
    head = login_services(path, "kasymov", "Kz-Secret-2026", clock=clock)
    assert head.session.role == HEAD_OF_POINT == Role.SENIOR_INSPECTOR
    assert head.can(Action.MANAGE_ACCOUNTS, "staff")
    head.staff.create({"login": "tursynov", "full_name": "Тұрсынов Бауыржан",
                       "role": "inspector", "password": "Steppe-Wind-2026"})
    head.staff.create({"login": "nurlanova", "full_name": "Нұрланова Динара",
                       "role": "assistant", "password": "Helper-2026!"})
    head.db.close()
    for login, password, role in (("tursynov", "Steppe-Wind-2026", "inspector"),
                                  ("nurlanova", "Helper-2026!", "assistant")):
        # an encrypted file opens with the new account's password: its key was wrapped for it
        other = login_services(path, login, password, clock=clock)
        assert (other.session.role, other.session.must_change_password) == (role, True)
        assert not other.can(Action.MANAGE_ACCOUNTS, "staff")
        other.db.close()


def test_a_district_office_starts_with_its_operator(tmp_path, clock):
    services = create_database(tmp_path / "rop.db", PROFILE, HEAD, kind=DISTRICT, clock=clock)
    assert services.staff.by_login("kasymov").role == "district_operator"
    services.db.close()


def run_cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "inspector_app", "--lang", "ru", *args],
                          input=stdin, capture_output=True, text=True, encoding="utf-8",
                          timeout=120)


def test_cli_init_makes_the_head_who_adds_accounts(tmp_path):
    db = str(tmp_path / "point.db")
    made = run_cli("--db", db, "init", "--point-code", "ATY-021", "--point-name", "УПП №21",
                   "--district", "Атырау", "--login", "kasymov", "--name", "Қасымов Ерлан",
                   "--password-stdin", "--no-encrypt", stdin="Kz-Secret-2026\n")
    assert made.returncode == 0, made.stderr
    added = run_cli("--db", db, "--user", "kasymov", "--user-password-stdin", "users", "add",
                    "--login", "nurlanova", "--name", "Нұрланова Динара", "--role", "assistant",
                    "--password-stdin", stdin="Kz-Secret-2026\nHelper-2026!\n")
    assert added.returncode == 0, added.stderr
    listed = run_cli("--db", db, "users", "list")
    lines = dict(line.split("\t", 1) for line in listed.stdout.splitlines())
    assert lines["kasymov"].split("\t")[1] == "Старший УИП"
    assert lines["nurlanova"].split("\t")[1] == "Помощник УИП"
    refused = run_cli("--db", db, "users", "deactivate", "--login", "kasymov")
    assert refused.returncode == 1
    assert "не останется никого, кто управляет учетными записями" in refused.stderr


# -- docs/roles.md and permissions.py ---------------------------------------------------------

ROLES = ["inspector", "senior_inspector", "assistant", "district_operator", "administrator"]
ROWS = {  # the roles.md table's rows that are one Action each
    "read every register": Action.READ,
    "record appeals": Action.CREATE,
    "edit those records": Action.EDIT,
    "delete (tombstone) records": Action.DELETE,
    "edit the point's profile": Action.EDIT_PROFILE,
    "import a sync package": Action.IMPORT,
    "export a sync package": Action.EXPORT,
    "manage accounts": Action.MANAGE_ACCOUNTS,
    "read the whole audit log": Action.MANAGE_ACCOUNTS,  # audit_log.log_ids asks that right
}


def test_roles_md_says_what_permissions_enforce():
    text = (REPO / "docs" / "roles.md").read_text(encoding="utf-8")
    checked = set()
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        label = next((key for key in ROWS if cells[0].startswith(key)), None)
        if label is None or len(cells) != 6:
            continue
        said = [cell.startswith("yes") for cell in cells[1:]]
        assert said == [allowed(role, ROWS[label]) for role in ROLES], label
        checked.add(label)
    assert checked == set(ROWS)


def test_the_table_in_permissions_docstring_says_the_same():
    import inspector_app.domain.permissions as permissions

    columns = {"delete": Action.DELETE, "accounts": Action.MANAGE_ACCOUNTS,
               "import": Action.IMPORT}
    lines = [line for line in permissions.__doc__.splitlines() if line.startswith("| ")]
    header = [c.strip() for c in lines[0].strip("|").split("|")]
    for line in lines[1:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        if cells[0] not in ROLES:
            continue
        for name, action in columns.items():
            assert (cells[header.index(name)] == "yes") == allowed(cells[0], action), \
                (cells[0], name)


def test_help_of_cli_init_names_the_head(tmp_path):
    shown = run_cli("init", "--help").stdout
    assert re.search(r"head\s+of\s+the\s+point", shown)
