"""Personal data at rest: `init` encrypts by default, private files (0600, folders 0700).

The command line runs as a real process; modes are read with ``os.stat``.
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from inspector_app.domain.clock import FixedClock
from inspector_app.protection.encryption import is_encrypted, is_plain_file
from inspector_app.services.setup import login_services, open_services

REPO = Path(__file__).resolve().parent.parent
PASSWORD = "Kz-Secret-2026"
INIT = ["init", "--point-code", "ATY-017", "--point-name", "УПП №17", "--district", "Атырау",
        "--login", "erzhanov", "--name", "Ержанов Асхат", "--password-stdin"]
AS_USER = ["--user", "erzhanov", "--user-password-stdin"]

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def cli(cwd: Path, *argv: str, stdin: str = PASSWORD + "\n") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "inspector_app", "--lang", "en", *argv],
                          input=stdin, capture_output=True, text=True, cwd=str(cwd),
                          env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=120)


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_init_encrypts_unless_told_otherwise(tmp_path):
    refused = cli(tmp_path, "--db", "p.db", *INIT)
    assert refused.returncode == 1 and "--sheet" in refused.stderr and "--no-encrypt" in \
        refused.stderr
    assert not (tmp_path / "p.db").exists()
    made = cli(tmp_path, "--db", "p.db", *INIT, "--sheet", "sheet.pdf")
    assert made.returncode == 0, made.stderr
    assert "encrypted" in made.stdout and "--user erzhanov" in made.stdout
    assert is_encrypted(tmp_path / "p.db") and not is_plain_file(tmp_path / "p.db")
    assert (tmp_path / "sheet.pdf").read_bytes().startswith(b"%PDF")
    assert cli(tmp_path, "--db", "p.db", *AS_USER, "check").returncode == 0
    closed = cli(tmp_path, "--db", "p.db", "check", stdin="")
    assert closed.returncode == 1 and "--user" in closed.stderr

    plain = cli(tmp_path, "--db", "t.db", *INIT, "--no-encrypt")
    assert plain.returncode == 0 and "NOT encrypted" in plain.stdout
    assert is_plain_file(tmp_path / "t.db") and not is_encrypted(tmp_path / "t.db")


def test_demo_create_says_it_is_not_encrypted(tmp_path):
    made = cli(tmp_path, "--db", "demo.db", "demo", "--records", "0", "--create", "--quiet",
               stdin="")
    assert made.returncode == 0, made.stderr
    assert "NOT encrypted" in made.stdout and "demo.db" in made.stdout


def test_every_file_with_personal_data_or_keys_is_private(tmp_path):
    data = tmp_path / "data"
    assert cli(tmp_path, "--db", "data/p.db", *INIT, "--sheet", "sheet.pdf").returncode == 0
    wrong = cli(tmp_path, "--db", "data/p.db", *AS_USER, "check", stdin="Wrong-Pass-1\n")
    assert wrong.returncode == 1 and (data / "p.db.attempts").exists()
    commands = [
        ["backup", "--folder", "backups"],
        ["export-table", "persons", "--out", "exports/persons.xlsx"],
        ["export-table", "persons", "--out", "exports/persons.csv"],
        ["report", "activity", "--from", "01.01.2026", "--to", "30.06.2026", "--out",
         "reports/act.pdf"],
        ["recovery-sheet", "--sheet", "sheet-2.pdf"],
    ]
    for argv in commands:
        time.sleep(1.1)  # the pause after the wrong password
        result = cli(tmp_path, "--db", "data/p.db", *AS_USER, *argv)
        assert result.returncode == 0, (argv, result.stderr)
    # a process that keeps the database open in WAL mode, as the GUI does
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\n"
         "from inspector_app.services.setup import login_services\n"
         "s = login_services(sys.argv[1], 'erzhanov', sys.argv[2])\n"
         "s.persons.create({'surname': 'Иванов', 'first_name': 'Иван'})\n"
         "print('ready', flush=True); time.sleep(30)", str(data / "p.db"), PASSWORD],
        cwd=str(REPO), stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        files = [p for p in tmp_path.rglob("*")]
        assert (data / "p.db-wal").exists() and (data / "p.db-shm").exists()
        assert len([p for p in files if p.suffix in (".xlsx", ".csv", ".pdf")]) == 5
        public = {str(p.relative_to(tmp_path)): oct(mode(p)) for p in files
                  if mode(p) != (0o700 if p.is_dir() else 0o600)}
        assert public == {}
    finally:
        holder.kill()
        holder.wait(timeout=30)


def test_an_older_database_is_made_private_when_opened(services, db_path):
    services.db.close()
    for path in (db_path, db_path.with_name(db_path.name + ".sync-keys")):
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    open_services(db_path).db.close()
    assert mode(db_path) == 0o600
    assert mode(db_path.with_name(db_path.name + ".sync-keys")) == 0o700


# -- the point's private sync keys ---------------------------------------------------------

READ_KEYS = """
import sys
from pathlib import Path
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
folder = Path(sys.argv[1])
for name in ("signing.key", "encryption.key"):
    raw = (folder / name).read_bytes()
    try:
        Ed25519PrivateKey.from_private_bytes(raw)
        print(name, "usable", len(raw))
    except ValueError:
        print(name, "sealed", len(raw))
"""


def read_keys_in_another_process(folder: Path) -> list[str]:
    done = subprocess.run([sys.executable, "-c", READ_KEYS, str(folder)], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.split("\n")[:2]


def fingerprint(tmp_path: Path, db: str, *user: str) -> str:
    shown = cli(tmp_path, "--db", db, *user, "keys", "show")
    assert shown.returncode == 0, shown.stderr
    return re.search(r"([0-9A-F]{4}(?: [0-9A-F]{4}){7})", shown.stdout).group(1)


def test_an_encrypted_database_keeps_its_private_keys_wrapped(tmp_path):
    assert cli(tmp_path, "--db", "p.db", *INIT, "--sheet", "s.pdf").returncode == 0
    folder = tmp_path / "p.db.sync-keys"
    assert read_keys_in_another_process(folder) == ["signing.key sealed 64",
                                                    "encryption.key sealed 64"]
    locked = cli(tmp_path, "--db", "p.db", "keys", "show", stdin="")
    assert locked.returncode == 1 and "--user" in locked.stderr
    first = fingerprint(tmp_path, "p.db", *AS_USER)
    assert fingerprint(tmp_path, "p.db", *AS_USER) == first
    # a copy of the folder beside another database's key is of no use either
    assert cli(tmp_path, "--db", "q.db", *INIT, "--sheet", "q.pdf").returncode == 0
    other = tmp_path / "q.db.sync-keys"
    for name in ("signing.key", "encryption.key"):
        (other / name).write_bytes((folder / name).read_bytes())
    stolen = cli(tmp_path, "--db", "q.db", *AS_USER, "keys", "show")
    assert stolen.returncode == 1 and "damaged" in stolen.stderr


def test_plain_keys_are_wrapped_by_encrypt_and_the_identity_stays(tmp_path):
    assert cli(tmp_path, "--db", "p.db", *INIT, "--no-encrypt").returncode == 0
    folder = tmp_path / "p.db.sync-keys"
    assert read_keys_in_another_process(folder)[0] == "signing.key usable 32"
    before = fingerprint(tmp_path, "p.db")
    encrypted = cli(tmp_path, "--db", "p.db", *AS_USER, "encrypt", "--sheet", "s.pdf")
    assert encrypted.returncode == 0, encrypted.stderr
    assert read_keys_in_another_process(folder) == ["signing.key sealed 64",
                                                    "encryption.key sealed 64"]
    assert fingerprint(tmp_path, "p.db", *AS_USER) == before


def test_plain_keys_beside_an_encrypted_database_are_wrapped_at_first_login(tmp_path):
    from inspector_app.sync.keys import keys_dir, keys_of

    assert cli(tmp_path, "--db", "p.db", *INIT, "--sheet", "s.pdf").returncode == 0
    services = login_services(tmp_path / "p.db", "erzhanov", PASSWORD)
    pair = keys_of(services.db)
    services.db.close()
    folder = keys_dir(tmp_path / "p.db")
    # as an older version left them: raw bytes
    (folder / "signing.key").write_bytes(pair.signing.private_bytes_raw())
    (folder / "encryption.key").write_bytes(pair.encryption.private_bytes_raw())
    assert read_keys_in_another_process(folder)[0] == "signing.key usable 32"
    assert fingerprint(tmp_path, "p.db", *AS_USER) == pair.public.fingerprint
    assert read_keys_in_another_process(folder) == ["signing.key sealed 64",
                                                    "encryption.key sealed 64"]
    assert {mode(folder / n) for n in ("signing.key", "encryption.key")} == {0o600}


# -- backups made before the encryption ---------------------------------------------------


@pytest.mark.parametrize("action", ["encrypt", "delete"])
def test_backups_made_before_encrypt_are_named_then_encrypted_or_deleted(tmp_path, action,
                                                                        monkeypatch):
    from inspector_app.protection import backup

    monkeypatch.setenv("INSPECTOR_APP_DATA", str(tmp_path / "appdata"))
    folder = tmp_path / "appdata" / "backups"
    assert cli(tmp_path, "--db", "p.db", *INIT, "--no-encrypt").returncode == 0
    person = cli(tmp_path, "--db", "p.db", "demo", "--records", "20", "--quiet", stdin="")
    assert person.returncode == 0, person.stderr
    assert cli(tmp_path, "--db", "p.db", "backup", stdin="").returncode == 0
    backup.create_backup(tmp_path / "p.db", folder, clock=FixedClock(datetime(2026, 11, 2)),
                         rotate_after=False)  # an older one, of another day
    assert len(backup.plain_backups(folder, "ATY-017")) == 2
    encrypted = cli(tmp_path, "--db", "p.db", *AS_USER, "encrypt", "--sheet", "s.pdf")
    assert encrypted.returncode == 0, encrypted.stderr
    assert "2 backups made before the encryption" in encrypted.stdout
    assert "--old-plain encrypt" in encrypted.stdout

    done = cli(tmp_path, "--db", "p.db", *AS_USER, "backup", "--folder", str(folder),
               "--old-plain", action)
    assert done.returncode == 0, done.stderr
    assert backup.plain_backups(folder, "ATY-017") == []
    left = backup.list_backups(folder, "ATY-017")
    if action == "delete":
        backups_left = [p for p in folder.iterdir() if p.name != ".backups.lock"]
        assert "deleted: 2" in done.stdout and left == [] and backups_left == []
        return
    assert "encrypted: 2" in done.stdout and len(left) == 2
    assert all(info.encrypted and not is_plain_file(info.path) for info in left)
    assert all(b"ATY-017" not in info.path.read_bytes() for info in left)
    assert {mode(p) for p in folder.iterdir()
            if p.is_file() and p.name != ".backups.lock"} == {0o600}
    carried = [p for p in folder.iterdir() if p.is_dir()]
    assert len(carried) == 2 and {mode(p) for p in carried} == {0o700}
    assert all(len(key.read_bytes()) == 64 for p in carried for key in p.iterdir())  # sealed
    listed = cli(tmp_path, "--db", "p.db", *AS_USER, "backup", "--list", "--folder",
                 str(folder))
    assert listed.returncode == 0 and listed.stdout.count("point ATY-017") == 2
    services = login_services(tmp_path / "p.db", "erzhanov", PASSWORD)
    try:
        assert backup.describe_backup(left[0].path, services.keyring.key).records > 20
    finally:
        services.db.close()
