"""The command line: keys, export, import with --trust-new and --dir, receipts, status."""

from __future__ import annotations

import io
import json
import os
import stat

import pytest
from sync_fixtures import PASSWORD

from inspector_app.cli import main
from inspector_app.sync.keys import keys_dir, read_public_key_file


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def offices(tmp_path, monkeypatch, capsys):
    """A district and a point made with ``init``; the point trusts the district's key."""
    monkeypatch.chdir(tmp_path)
    for db, code, extra in (("d.db", "ATY-ROP", ["--district-office"]),
                            ("p.db", "ATY-017", [])):
        monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
        code_, _, err = run(capsys, "--db", db, "init", "--point-code", code, "--point-name",
                            "Тест", "--district", "Атырау", "--login", "erzhanov", "--name",
                            "Ержанов", "--password-stdin", "--no-encrypt", *extra)
        assert code_ == 0, err
    return tmp_path


def test_keys_are_made_at_init_and_kept_private(offices):
    folder = keys_dir(offices / "p.db")
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
    for name in ("signing.key", "encryption.key"):
        assert stat.S_IMODE(os.stat(folder / name).st_mode) == 0o600


def test_a_whole_exchange_from_the_command_line(offices, capsys):
    code, out, _ = run(capsys, "--db", "d.db", "keys", "export-public", "--out", "d.pub")
    assert code == 0 and "fingerprint" in out
    fingerprint = read_public_key_file(offices / "d.pub").keys.fingerprint
    code, out, _ = run(capsys, "--db", "p.db", "keys", "trust", "d.pub")
    assert code == 0 and fingerprint in out
    code, out, _ = run(capsys, "--db", "p.db", "keys", "list")
    assert "ATY-ROP" in out and fingerprint in out
    (offices / "stick").mkdir()
    code, out, _ = run(capsys, "--db", "p.db", "export", "--out", "stick")
    assert code == 0 and "Export 1 written" in out
    _, point_key, _ = run(capsys, "--db", "p.db", "keys", "show")
    point_fingerprint = point_key.split("fingerprint ")[1].strip()

    code, out, err = run(capsys, "--db", "d.db", "import", "--dir", "stick")
    assert code == 1 and point_fingerprint in err and "--trust-new" in err
    code, out, err = run(capsys, "--db", "d.db", "import", "--dir", "stick", "--trust-new",
                         "--out", "back", "--verbose")
    assert code == 0, err
    assert err.rstrip().endswith("every file applied: saving, building indexes, writing the "
                                 "receipts…")
    assert "enrolled" in out and point_fingerprint in out
    assert "imported 1, already imported 0, refused 0" in out
    assert sorted(p.name.split("_")[1] for p in (offices / "back").iterdir()) == [
        "receipt", "reference"]
    code, out, _ = run(capsys, "--db", "d.db", "import", "--dir", "stick")
    assert code == 0 and "already imported" in out
    code, out, _ = run(capsys, "--db", "d.db", "sync-status")
    assert "ATY-017" in out and "export 1" in out

    code, out, _ = run(capsys, "--db", "p.db", "sync-status")
    assert "not acknowledged" in out
    code, out, err = run(capsys, "--db", "p.db", "import", "--dir", "back")
    assert code == 0, err
    code, out, _ = run(capsys, "--db", "p.db", "sync-status")
    assert "Last acknowledged by the district:" in out and "exports up to number 1" in out


def test_refusals_are_explained_in_russian(offices, capsys):
    (offices / "junk.isync").write_bytes(b"not a package at all")
    code = main(["--db", "d.db", "import", "junk.isync"])
    err = capsys.readouterr().err
    assert code == 1 and "Это не файл обмена данными" in err
    reasons = list((offices / "d.db.sync" / "refused").glob("*.reason.json"))
    assert json.loads(reasons[0].read_text(encoding="utf-8"))["code"] == "sync.not_a_package"


def test_trusting_a_point_key_at_a_point_is_refused(offices, capsys):
    run(capsys, "--db", "p.db", "keys", "export-public", "--out", "p.pub")
    code, _, err = run(capsys, "--db", "p.db", "keys", "trust", "p.pub")
    assert code == 1 and "does not fit" in err
    code, _, err = run(capsys, "--db", "p.db", "export", "--out", ".")
    assert code == 1 and "keys trust" in err


def test_a_missing_file_or_a_folder_is_named_in_the_users_language(offices, capsys):
    (offices / "folder.isync").mkdir()
    before = (offices / "d.db").read_bytes()
    code = main(["--db", "d.db", "import", "gone.isync", "folder.isync"])
    err = capsys.readouterr().err
    assert code == 1
    assert "gone.isync: отклонён. Файл не найден (удалён или флешка извлечена)." in err
    assert "folder.isync: отклонён. Это папка, а не файл." in err
    assert "No such file" not in err and "Is a directory" not in err
    assert (offices / "d.db").read_bytes() == before
