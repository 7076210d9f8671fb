"""A corrected catalogue loaded from a file: a legal change without a program update.

The file has the shape of the bundled catalogue files (``{"catalogue", "version", "source",
"items"}``, ``resources/catalogues/``). It is checked whole before anything changes: a
catalogue the program knows, a version newer than the database's, every entry well formed
(for the offence catalogue also each part's sanctions and legal source). A refusal names the
file and the bad entry. The new version replaces the database's in one transaction, with an
entry in the audit trail; the reference packages the district writes
(:mod:`inspector_app.sync.reference`) carry it to its points, which apply each newer version.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from inspector_app.domain.catalogues import MRP_CATALOGUE, apply_catalogue, catalogue_files
from inspector_app.domain.permissions import Action
from inspector_app.errors import InspectorError
from inspector_app.services.context import Services
from inspector_app.services.records import next_change_seq, write_audit
from inspector_app.storage.models import CatalogueVersion

MAX_FILE_BYTES = 4 * 2**20
OFFENCE_CATALOGUE = "offence_articles"
LIMIT_KEYS = frozenset({"min", "max"})
SUBJECTS = frozenset({"individual", "official", "small_business", "medium_business",
                      "large_business"})
STATUSES = frozenset({"verified", "secondary", "unverified"})
SANCTION_KEYS = {"warning": None, "fine_mrp": "fine", "public_works_hours": "public_works",
                 "arrest_days": "arrest"}


class CatalogueFileError(InspectorError):
    """A catalogue file refused; the message names the file (and the bad entry)."""


@dataclass(frozen=True)
class LoadedCatalogue:
    name: str
    version: int
    previous: int
    items: int


def _limits(value: Any) -> bool:
    """A ``{min, max}`` range: given limits are positive numbers, min <= max."""
    if not isinstance(value, dict) or set(value) != LIMIT_KEYS:
        return False
    given = [v for v in value.values() if v is not None]
    if not all(isinstance(v, int | float) and not isinstance(v, bool) and v > 0 for v in given):
        return False
    return len(given) < 2 or value["min"] <= value["max"]


def offence_entry_problem(item: dict[str, Any]) -> str | None:
    """The first wrong field of an offence catalogue entry (None when it is right)."""
    article, part = item.get("article"), item.get("part")
    if not isinstance(article, str) or not article:
        return "article"
    if not isinstance(part, int) or isinstance(part, bool) or part < 1:
        return "part"
    if item["code"] != f"{article}-{part}":
        return "code"
    sanctions = item.get("sanctions")
    if not isinstance(sanctions, dict) or set(sanctions) != set(SANCTION_KEYS):
        return "sanctions"
    if not isinstance(sanctions["warning"], bool):
        return "sanctions.warning"
    fines = sanctions["fine_mrp"]
    if fines is not None and not (isinstance(fines, dict) and fines and set(fines) <= SUBJECTS
                                  and all(_limits(v) for v in fines.values())):
        return "sanctions.fine_mrp"
    for key in ("public_works_hours", "arrest_days"):
        if sanctions[key] is not None and not _limits(sanctions[key]):
            return f"sanctions.{key}"
    provided = {p for key, p in SANCTION_KEYS.items() if p and sanctions[key] is not None}
    if sanctions["warning"]:
        provided.add("warning")
    if not provided:
        return "sanctions"
    court = item.get("court_only")
    if not isinstance(court, list) or not set(court) <= provided:
        return "court_only"
    if not isinstance(item.get("consent_needed"), bool):
        return "consent_needed"
    if item.get("fine_payer") not in (None, "parents"):
        return "fine_payer"
    source = item.get("source")
    if not isinstance(source, dict):
        return "source"
    for key in ("act", "article", "part"):
        if not isinstance(source.get(key), str) or not source[key].strip():
            return f"source.{key}"
    for key in ("edition", "url"):
        if source.get(key) is not None and not isinstance(source[key], str):
            return f"source.{key}"
    if source.get("status") not in STATUSES:
        return "source.status"
    return None


def _item_problem(name: str, item: Any) -> str | None:
    if not isinstance(item, dict):
        return "{}"
    if name == MRP_CATALOGUE:
        for key in ("year", "amount"):
            value = item.get(key)
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                return key
        return None
    code = item.get("code")
    if not isinstance(code, str) or not code or len(code) > 64 or not code.isascii():
        return "code"
    for lang in ("ru", "kk", "en"):
        title = item.get(lang)
        if not isinstance(title, str) or not title.strip() or len(title) > 300:
            return lang
    return offence_entry_problem(item) if name == OFFENCE_CATALOGUE else None


def known_catalogues() -> set[str]:
    """The catalogues this program ships (a file may only correct one of them)."""
    return {path.stem for path in catalogue_files()}


def check_document(document: Any, path: Path) -> tuple[str, int, list[dict[str, Any]]]:
    """The catalogue's name, version and items, or :class:`CatalogueFileError` naming the
    file and the first bad entry (numbered from 1)."""
    shown = str(path)
    ok = (isinstance(document, dict) and isinstance(document.get("catalogue"), str)
          and isinstance(document.get("version"), int)
          and not isinstance(document.get("version"), bool) and document["version"] > 0
          and isinstance(document.get("source"), str) and document["source"].strip()
          and isinstance(document.get("items"), list) and document["items"])
    if not ok:
        raise CatalogueFileError("catalogue.bad_head", path=shown)
    name = document["catalogue"]
    if name not in known_catalogues():
        raise CatalogueFileError("catalogue.unknown", path=shown, name=name)
    seen: set[Any] = set()
    for number, item in enumerate(document["items"], start=1):
        problem = _item_problem(name, item)
        key = item.get("year" if name == MRP_CATALOGUE else "code") if isinstance(
            item, dict) else None
        if problem is None and key in seen:
            problem = "code"
        if problem is not None:
            raise CatalogueFileError("catalogue.bad_entry", path=shown, number=number,
                                     key=str(key if key is not None else "—"), field=problem)
        seen.add(key)
    return name, document["version"], document["items"]


def read_catalogue_file(path: Path) -> tuple[str, int, list[dict[str, Any]], str]:
    """Read and check a catalogue file: name, version, items and the file's SHA-256."""
    try:
        data = path.read_bytes()[:MAX_FILE_BYTES + 1]
    except OSError as exc:
        raise CatalogueFileError("catalogue.unreadable", path=str(path),
                                 detail=exc.strerror or str(exc)) from exc
    if len(data) > MAX_FILE_BYTES:
        raise CatalogueFileError("catalogue.too_large", path=str(path))
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise CatalogueFileError("catalogue.unreadable", path=str(path), detail=str(exc)) from exc
    name, version, items = check_document(document, path)
    return name, version, items, hashlib.sha256(data).hexdigest()


def load_catalogue(services: Services, path: Path) -> LoadedCatalogue:
    """Check ``path`` and load its catalogue over the database's, refusing an older or equal
    version; one transaction with its audit entry. The district operator and the
    administrator may (``Action.LOAD_CATALOGUE``)."""
    services.require(Action.LOAD_CATALOGUE)
    name, version, items, digest = read_catalogue_file(path)
    with services.db.atomic():
        held = CatalogueVersion.get_or_none(CatalogueVersion.catalogue == name)
        previous = held.version if held else 0
        if version <= previous:
            raise CatalogueFileError("catalogue.not_newer", path=str(path), name=name,
                                     version=version, held=previous)
        now = services.clock.now_utc().replace(microsecond=0)
        apply_catalogue(name, version, items, now)
        write_audit(now, services.actor_login, "import", "catalogue_version", name,
                    next_change_seq(), {"version": previous},
                    {"version": version, "items": len(items), "file": path.name[:200],
                     "sha256": digest})
    services.catalogues.reload()
    services.recorder.catalogues_replaced()
    return LoadedCatalogue(name, version, previous, len(items))
