"""Translations of the desktop client: extract texts into .ts files and compile them to .qm.

    python tools/translations.py update    # ui/**/*.py -> resources/translations/*.ts
    python tools/translations.py release   # *.ts -> *.qm (shipped with the program)
    python tools/translations.py           # both

``update`` runs ``pyside6-lupdate`` over every module of ``ui/``: new texts are added as
unfinished, existing translations are kept, texts no longer in the code are dropped.
Translators edit the .ts files (Qt Linguist: ``pyside6-linguist``, or any XML editor);
``release`` runs ``pyside6-lrelease`` and writes the ``inspector_<lang>.qm`` files the program
loads. The .qm files are committed, so an installed program needs neither tool.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "ui"
OUTPUT = ROOT / "resources" / "translations"
LANGUAGES = {"ru": "ru_RU", "kk": "kk_KZ", "en": "en_GB"}


def tool(name: str) -> str:
    """Path of a PySide6 tool (``pyside6-lupdate``...), next to this Python or on PATH."""
    beside = Path(sys.executable).parent / f"pyside6-{name}"
    for candidate in (beside, beside.with_suffix(".exe")):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} not found: install PySide6-Essentials")
    return found


def ts_path(lang: str) -> Path:
    return OUTPUT / f"inspector_{lang}.ts"


def source_files() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py"))


def update() -> None:
    """Refresh every .ts file from the texts in ``ui/`` (translations are kept)."""
    OUTPUT.mkdir(parents=True, exist_ok=True)
    for lang, locale in LANGUAGES.items():
        subprocess.run([tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                        "-source-language", "en_GB", "-target-language", locale,
                        *source_files(), "-ts", str(ts_path(lang).relative_to(ROOT))],
                       cwd=ROOT, check=True)
        print(f"updated {ts_path(lang).relative_to(ROOT)}")


def release() -> None:
    """Compile every .ts file into the .qm file the program loads."""
    for lang in LANGUAGES:
        source = ts_path(lang)
        target = source.with_suffix(".qm")
        subprocess.run([tool("lrelease"), "-silent", str(source), "-qm", str(target)],
                       cwd=ROOT, check=True)
        print(f"compiled {target.relative_to(ROOT)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", nargs="?", choices=("update", "release", "all"),
                        default="all")
    args = parser.parse_args(argv)
    if args.command in ("update", "all"):
        update()
    if args.command in ("release", "all"):
        release()
    return 0


if __name__ == "__main__":
    sys.exit(main())
