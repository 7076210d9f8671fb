"""Real writing processes for the concurrency tests: each records persons and appeals through
the services, counts every attempt and every success, and reports them when it stops.

A writer stops after ``seconds`` or, with ``stop_file``, when that file appears; it never
hides an error: each failed attempt is counted and the first ones are printed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

WRITER = r"""
import json, os, sys, time
from pathlib import Path
from inspector_app.services.setup import login_services, open_services

db_path, prefix, seconds, stop_file = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
login = os.environ.get("WRITER_LOGIN")
services = (login_services(db_path, login, os.environ["WRITER_PASSWORD"]) if login
            else open_services(db_path))
print("READY", flush=True)
attempts = ok = 0
errors = []
end = time.monotonic() + seconds
while (Path(stop_file).exists() is False) if stop_file else time.monotonic() < end:
    attempts += 1
    try:
        person = services.persons.create({"surname": f"Писатель{prefix}x{attempts}",
                                          "first_name": "Тест",
                                          "address": "г. Атырау, ул. Абая, 1"})
        services.appeals.create({"received_at": "2026-11-20 09:15", "channel": "phone",
                                 "topic": "noise", "substance": f"Шум {attempts}",
                                 "applicant": person.id})
        ok += 1
    except Exception as exc:
        errors.append(f"{type(exc).__name__}: {exc}")
services.db.close()
print(json.dumps({"attempts": attempts, "ok": ok, "errors": errors[:5],
                  "failed": len(errors)}), flush=True)
"""


@dataclass
class WriterResult:
    prefix: str
    attempts: int
    ok: int
    failed: int
    errors: list[str]


def start_writer(db_path: Path, prefix: str, *, seconds: float = 0,
                 stop_file: Path | None = None,
                 login: str | None = None, password: str | None = None) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    if login:
        env.update(WRITER_LOGIN=login, WRITER_PASSWORD=password or "")
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db_path), prefix, str(seconds),
         str(stop_file or "")], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=env, cwd=str(REPO))
    process.prefix = prefix
    return process


def wait_ready(process: subprocess.Popen) -> None:
    line = process.stdout.readline()
    if line.strip() != "READY":
        raise AssertionError(f"writer did not start: {line!r} {process.stderr.read()}")


def finish_writer(process: subprocess.Popen, timeout: float = 120) -> WriterResult:
    """Wait for the writer and assert that it exited 0, silently, with every write done."""
    out, err = process.communicate(timeout=timeout)
    assert process.returncode == 0, err
    assert err.strip() == "", err
    report = json.loads(out.strip().splitlines()[-1])
    result = WriterResult(process.prefix, report["attempts"], report["ok"], report["failed"],
                          report["errors"])
    assert result.attempts > 0
    assert result.ok == result.attempts and result.failed == 0, result
    return result


def persons_written(db_path: Path, prefix: str, key: bytes | None = None) -> int:
    """How many persons the writer ``prefix`` left in the file (committed, none lost)."""
    from inspector_app.protection.encryption import connect_file

    connection = connect_file(db_path, key, readonly=True)
    try:
        return connection.execute("SELECT COUNT(*) FROM person WHERE surname LIKE ?",
                                  (f"Писатель{prefix}x%",)).fetchone()[0]
    finally:
        connection.close()
