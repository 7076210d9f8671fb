"""Error logs may quote a citizen's data: only their owner reads them (POSIX modes)."""

from __future__ import annotations

import logging
import os
import stat

import pytest

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def open_umask():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_the_cli_error_log_is_private_even_if_it_was_not(open_umask):
    from inspector_app.cli.context import report_unexpected
    from inspector_app.paths import user_data_dir

    older = user_data_dir() / "logs" / "errors.log"
    older.parent.mkdir(parents=True)
    older.write_text("an older entry\n", encoding="utf-8")
    os.chmod(older, 0o644)
    try:
        raise ValueError("ИИН 900101300123")
    except ValueError:
        log = report_unexpected()
    assert log == older
    assert (_mode(log), _mode(log.parent)) == (0o600, 0o700)
    assert "900101300123" in log.read_text(encoding="utf-8")


def test_the_gui_log_and_its_rotated_files_are_private(open_umask):
    from ui import errors

    path = errors.setup_logging()
    handler = next(h for h in logging.getLogger().handlers
                   if getattr(h, "baseFilename", None) == str(path))
    try:
        errors.log_exception(RuntimeError("тест"))
        handler.doRollover()
        errors.log_exception(RuntimeError("после ротации"))
        rotated = path.with_name(path.name + ".1")
        assert (_mode(path), _mode(rotated), _mode(path.parent)) == (0o600, 0o600, 0o700)
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
