"""A throw-away PostgreSQL cluster for the tests: one per session, one database per test.

``initdb`` into a temporary folder, ``pg_ctl start`` on a free TCP port of 127.0.0.1 (its unix
socket in the same folder), trust authentication for the local user ``postgres``; stopped
(``-m immediate``) and removed at the end of the session. As root (CI, these machines) every
server program runs as the ``postgres`` user through ``runuser``, since PostgreSQL refuses to
run as root. The server offers TLS (a self-signed certificate made at start), as a district's
should; :meth:`PgServer.add_login` adds a role that logs in with a password (optionally only
without TLS, to see a plain connection). Where the server programs are missing,
:func:`server_bin` returns None and the tests that need a server are skipped with that reason.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

SERVER_USER = "postgres"


def server_bin() -> Path | None:
    """The folder of ``initdb`` and ``pg_ctl`` (the newest Debian PostgreSQL), or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parent.parent.name))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def missing_reason() -> str | None:
    """Why no test server can start here (None: it can)."""
    if server_bin() is None:
        return ("PostgreSQL server programs (initdb, pg_ctl) not found: "
                "apt-get install postgresql")
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        return "running as root without runuser: PostgreSQL cannot run as root"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install '.[test]')"
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PgServer:
    """One running cluster; :meth:`new_database` hands out empty databases."""

    def __init__(self) -> None:
        self.bin = server_bin()
        self.root = Path(tempfile.mkdtemp(prefix="inspector-pg-"))
        self.data = self.root / "data"
        self.port = free_port()
        self.host = "127.0.0.1"
        self.user = SERVER_USER
        self.databases = 0
        self.startup_seconds = 0.0

    def _run(self, *args: str) -> None:
        command = [str(self.bin / args[0]), *args[1:]]
        if os.geteuid() == 0:
            command = ["runuser", "-u", SERVER_USER, "--", *command]
        result = subprocess.run(command, cwd=self.root, capture_output=True, text=True,
                                timeout=120)
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")

    def start(self) -> PgServer:
        started = time.monotonic()
        if os.geteuid() == 0:
            shutil.chown(self.root, SERVER_USER)
        self.root.chmod(0o755)
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", SERVER_USER,
                  "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        self._write_certificate()
        options = (f"-p {self.port} -k {self.root} -c listen_addresses={self.host} "
                   "-c ssl=on -c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                   "-c max_connections=40 -c shared_buffers=32MB")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"),
                  "-o", options, "-w", "-t", "60", "start")
        self.startup_seconds = time.monotonic() - started
        return self

    def _write_certificate(self) -> None:
        """A self-signed certificate and key for ``ssl=on`` in the data folder."""
        from datetime import UTC, datetime, timedelta

        from cryptography import x509
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import ec
        from cryptography.x509.oid import NameOID

        key = ec.generate_private_key(ec.SECP256R1())
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, self.host)])
        now = datetime.now(UTC)
        cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
                .public_key(key.public_key()).serial_number(x509.random_serial_number())
                .not_valid_before(now - timedelta(days=1))
                .not_valid_after(now + timedelta(days=2)).sign(key, hashes.SHA256()))
        files = {"server.crt": cert.public_bytes(serialization.Encoding.PEM),
                 "server.key": key.private_bytes(serialization.Encoding.PEM,
                                                 serialization.PrivateFormat.PKCS8,
                                                 serialization.NoEncryption())}
        for file_name, data in files.items():
            path = self.data / file_name
            path.write_bytes(data)
            path.chmod(0o600)
            if os.geteuid() == 0:
                shutil.chown(path, SERVER_USER)

    def url(self, name: str, user: str | None = None) -> str:
        return f"postgresql://{user or self.user}@{self.host}:{self.port}/{name}"

    def _admin(self):
        import psycopg

        return psycopg.connect(host=self.host, port=self.port, user=self.user,
                               dbname="postgres", autocommit=True)

    def new_database(self, owner: str | None = None) -> str:
        """A new, empty database (owned by ``owner``, a role of :meth:`add_login`); returns
        its URL (as that owner)."""
        self.databases += 1
        name = f"test_{self.databases}"
        with self._admin() as conn:
            conn.execute(f'CREATE DATABASE "{name}"' + (f' OWNER "{owner}"' if owner else ""))
        return self.url(name, owner)

    def add_login(self, role: str, password: str, *, tls: bool = True) -> None:
        """A role that logs in over TCP with ``password`` (SCRAM), never trusted; ``tls=False``:
        the server refuses it over TLS, so a client that prefers TLS connects in plain."""
        with self._admin() as conn:
            conn.execute(f"CREATE ROLE \"{role}\" LOGIN PASSWORD '{password}'")
        rules = ([f"host all {role} {self.host}/32 scram-sha-256"] if tls else
                 [f"hostssl all {role} {self.host}/32 reject",
                  f"hostnossl all {role} {self.host}/32 scram-sha-256"])
        hba = self.data / "pg_hba.conf"
        hba.write_text("\n".join(rules) + "\n" + hba.read_text())  # first match wins
        self._run("pg_ctl", "-D", str(self.data), "reload")
        import psycopg

        for _ in range(100):  # the reload is asynchronous: until a wrong password is refused
            try:
                psycopg.connect(host=self.host, port=self.port, user=role, dbname="postgres",
                                password=password + "-wrong").close()
            except psycopg.OperationalError:
                return
            time.sleep(0.05)
        raise RuntimeError(f"the server did not start asking {role} for a password")

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)
