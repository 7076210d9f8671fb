"""Crash safety: a writer killed with SIGKILL at random moments never loses a committed record
and never leaves a database that fails `check` (integrity, foreign keys, audit chain)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from inspector_app.protection.integrity import check_database
from inspector_app.storage.database import open_database
from inspector_app.storage.models import Person

REPO = Path(__file__).resolve().parent.parent

# A writer that records persons and appeals through the services and prints each person's id
# only after its transaction committed; it also edits earlier persons (audited updates).
WRITER = r"""
import sys
from inspector_app.services.setup import open_services

services = open_services(sys.argv[1])
prefix = sys.argv[2]
print("READY", flush=True)
made = []
n = 0
while True:
    n += 1
    person = services.persons.create({"surname": f"Писатель{prefix}x{n}", "first_name": "Тест",
                                      "address": "г. Атырау, ул. Абая, " + str(n)})
    print("C", person.id, flush=True)
    made.append(person.id)
    services.appeals.create({"received_at": "2026-11-20 09:15", "channel": "phone",
                             "topic": "noise", "substance": "Шум " + str(n),
                             "applicant": person.id})
    if n % 3 == 0:
        services.persons.update(made[n // 2], {"phone": "8701" + str(1000000 + n)})
"""


def start_writer(db_path: Path, prefix: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.Popen([sys.executable, "-c", WRITER, str(db_path), prefix],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env, cwd=str(REPO))


def wait_ready(process: subprocess.Popen) -> None:
    line = process.stdout.readline()
    if line.strip() != "READY":
        raise AssertionError(f"writer did not start: {line!r} {process.stderr.read()}")


def drain(process: subprocess.Popen) -> list[str]:
    """Collect the writer's lines on a thread (a full pipe would stall the writer)."""
    lines: list[str] = []

    def read() -> None:
        for line in process.stdout:
            lines.append(line)

    threading.Thread(target=read, daemon=True).start()
    return lines


def committed_ids(output: str) -> list[str]:
    """Ids the writer reported; a line cut by the kill is not a report."""
    ids = []
    for line in output.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] == "C" and len(parts[1]) == 32:
            ids.append(parts[1])
    return ids


@pytest.mark.slow
def test_killed_writers_lose_nothing_committed(services, db_path):
    services.db.close()
    rng = random.Random(20261125)
    reported: set[str] = set()
    started = time.monotonic()
    for round_number in range(50):
        writer = start_writer(db_path, str(round_number))
        wait_ready(writer)
        lines = drain(writer)
        time.sleep(rng.uniform(0.02, 0.35))
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)
        time.sleep(0.05)  # let the reader thread take the last reported lines
        assert writer.returncode == -signal.SIGKILL
        reported.update(committed_ids("".join(lines)))

        db = open_database(db_path)
        try:
            assert check_database(db) == [], f"round {round_number}"
            stored = {p.id for p in Person.select(Person.id)}
            missing = reported - stored
            assert not missing, f"round {round_number}: {len(missing)} committed records lost"
        finally:
            db.close()
    assert len(reported) > 100  # the writers did write between the kills
    assert time.monotonic() - started < 90
