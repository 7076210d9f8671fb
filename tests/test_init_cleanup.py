"""A set-up that fails leaves nothing behind: no half-made database, no -wal/-shm, no .keys,
no .sync-keys, no folder made for them; a database already there is never touched."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from inspector_app.errors import DatabaseError, ValidationError
from inspector_app.services import setup
from inspector_app.services.setup import FirstAccount, PointProfile, create_database

PROFILE = PointProfile(code="ATY-021", name="УПП №21", district="Атырау")
GOOD = FirstAccount(login="kasymov", full_name="Қасымов Ерлан", password="Kz-Secret-2026")
HAS_LOGIN = FirstAccount(login="kasymov", full_name="Қасымов Ерлан", password="Kasymov-2026!")


def everything(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.mark.parametrize("encrypt", [False, True])
def test_a_refused_password_leaves_nothing(tmp_path, encrypt):
    path = tmp_path / "data" / "inspector-app" / "point.db"
    with pytest.raises(ValidationError) as caught:
        create_database(path, PROFILE, HAS_LOGIN, encrypt=encrypt)
    assert [e.code for e in caught.value.errors] == ["v.password_has_login"]
    assert everything(tmp_path) == []
    services = create_database(path, PROFILE, GOOD, encrypt=encrypt)  # and it can be retried
    services.db.close()
    assert path.exists() and (path.parent / "point.db.sync-keys").is_dir()
    assert (path.parent / "point.db.keys").exists() == encrypt


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_a_failure_after_the_transaction_leaves_nothing(tmp_path, monkeypatch, failure):
    """The keys are made after the database committed: failing there takes the file back."""
    def no_keys(path, database_key=None):
        (Path(str(path) + ".sync-keys")).mkdir()
        raise failure

    monkeypatch.setattr(setup, "ensure_keys", no_keys)
    with pytest.raises(type(failure)):
        create_database(tmp_path / "point.db", PROFILE, GOOD)
    assert everything(tmp_path) == []


def test_an_existing_database_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "point.db"
    create_database(path, PROFILE, GOOD).db.close()
    before = {name: hashlib.sha256((tmp_path / name).read_bytes()).hexdigest()
              for name in everything(tmp_path) if (tmp_path / name).is_file()}
    for encrypt in (False, True):
        with pytest.raises(DatabaseError) as caught:
            create_database(path, PROFILE, GOOD, encrypt=encrypt)
        assert caught.value.code == "error.db_already_initialised"
    after = {name: hashlib.sha256((tmp_path / name).read_bytes()).hexdigest()
             for name in everything(tmp_path) if (tmp_path / name).is_file()}
    assert after == before


def test_a_file_found_there_is_left_as_found(tmp_path):
    """An empty file the user made is not ours to delete; the next attempt initialises it."""
    path = tmp_path / "point.db"
    path.write_bytes(b"")
    with pytest.raises(ValidationError):
        create_database(path, PROFILE, HAS_LOGIN)
    assert path.exists()
    create_database(path, PROFILE, GOOD).db.close()


_INIT = [sys.executable, "-m", "inspector_app", "--lang", "ru", "--db", "{db}", "init",
         "--point-code", "ATY-021", "--point-name", "УПП №21", "--district", "Атырау",
         "--login", "kasymov", "--name", "Қасымов Ерлан", "--password-stdin", "--no-encrypt"]


def run_init(db: Path, password: str) -> subprocess.CompletedProcess:
    command = [part.replace("{db}", str(db)) for part in _INIT]
    return subprocess.run(command, input=password + "\n", capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


def test_cli_init_refused_leaves_nothing_then_succeeds(tmp_path):
    db = tmp_path / "new" / "point.db"
    refused = run_init(db, "Kasymov-2026!")
    assert refused.returncode == 1
    assert "Пароль: пароль не должен содержать логин" in refused.stderr
    assert everything(tmp_path) == []
    done = run_init(db, "Kz-Secret-2026")
    assert done.returncode == 0, done.stderr
    assert {"new/point.db", "new/point.db.sync-keys"} <= set(everything(tmp_path))


def test_two_processes_creating_one_database_leave_one_whole_database(tmp_path):
    """Two set-ups of the same file at once: one succeeds, the other is refused and takes
    nothing of the winner's away."""
    db = tmp_path / "point.db"
    command = [part.replace("{db}", str(db)) for part in _INIT]
    runs = [subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, encoding="utf-8")
            for _ in range(2)]
    results = [run.communicate("Kz-Secret-2026\n", timeout=120) + (run.returncode,)
               for run in runs]
    codes = sorted(code for _out, _err, code in results)
    assert codes == [0, 1], results
    refused = next(err for _out, err, code in results if code == 1)
    assert refused.strip(), "the refused one says why"
    check = subprocess.run([sys.executable, "-m", "inspector_app", "--db", str(db), "check"],
                           capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert check.returncode == 0, check.stdout + check.stderr
    users = subprocess.run(
        [sys.executable, "-m", "inspector_app", "--db", str(db), "users", "list"],
        capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert "kasymov" in users.stdout


_KILLED_MIDWAY = r"""
import os, signal, sys
from inspector_app.services import setup

def killed(*args, **kwargs):  # inside the set-up's transaction
    os.kill(os.getpid(), signal.SIGKILL)

setup.load_catalogue_files = killed
setup.create_database(sys.argv[1], setup.PointProfile(code="ATY-021", name="УПП №21",
                      district="Атырау"), setup.FirstAccount(login="kasymov",
                      full_name="Қасымов Ерлан", password="Kz-Secret-2026"))
"""


def test_a_set_up_killed_midway_is_taken_up_again(tmp_path, monkeypatch, qapp):
    """A kill cannot clean up: the file it leaves holds a schema and no point, so the program
    shows the wizard again (not a login nobody can pass) and the next set-up completes it."""
    import ui.app as app_module
    from ui.first_run import FirstRunWizard

    db = tmp_path / "point.db"
    killed = subprocess.run([sys.executable, "-c", _KILLED_MIDWAY, str(db)], timeout=120)
    assert killed.returncode == -9
    assert db.stat().st_size > 0 and setup.needs_setup(db)
    from ui.login_dialog import LoginDialog

    shown = []
    monkeypatch.setattr(FirstRunWizard, "exec", lambda self: shown.append(self.path) or 0)
    monkeypatch.setattr(LoginDialog, "exec", lambda self: shown.append("login") or 0)
    assert app_module.open_database(db, None, "ru") is None  # the wizard, cancelled
    assert shown == [db]
    assert run_init(db, "Kz-Secret-2026").returncode == 0
    assert not setup.needs_setup(db)


def test_needs_setup_tells_missing_empty_and_made_files(tmp_path):
    assert setup.needs_setup(tmp_path / "absent.db")
    (tmp_path / "empty.db").write_bytes(b"")
    assert setup.needs_setup(tmp_path / "empty.db")
    (tmp_path / "junk.db").write_bytes(b"not a database at all" * 100)
    assert not setup.needs_setup(tmp_path / "junk.db")  # the login dialog explains it
    for encrypt in (False, True):
        made = tmp_path / f"made-{encrypt}.db"
        create_database(made, PROFILE, GOOD, encrypt=encrypt).db.close()
        assert not setup.needs_setup(made)
