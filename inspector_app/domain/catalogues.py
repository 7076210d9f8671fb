"""Reference catalogues: loaded from ``resources/catalogues/*.json`` into the database.

Each file carries a version; a file newer than what the database holds replaces that
catalogue's items (codes no longer listed are kept but marked inactive, since old records
still refer to them). The district office can later ship newer versions by sync.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from inspector_app.domain.work_calendar import DAYS_OFF, WorkCalendar
from inspector_app.paths import resource
from inspector_app.storage.models import CatalogueItem, CatalogueVersion, MrpRate

MRP_CATALOGUE = "mrp_rates"
DEADLINES = "deadlines"
"""Legal deadlines: value, unit and the act, article, edition and status of each."""


@dataclass(frozen=True)
class Item:
    code: str
    titles: dict[str, str]
    extra: dict[str, Any]
    active: bool = True

    def title(self, lang: str = "ru") -> str:
        return self.titles.get(lang) or self.titles["ru"]


def catalogue_files() -> list[Path]:
    return sorted(resource("catalogues").glob("*.json"))


def load_catalogue_files(now, files: list[Path] | None = None) -> list[str]:
    """Load every catalogue file newer than the database's copy; returns the names loaded.

    Call inside a transaction.
    """
    loaded = []
    held = {v.catalogue: v.version for v in CatalogueVersion.select()}
    for path in files if files is not None else catalogue_files():
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        name, version = data["catalogue"], int(data["version"])
        if held.get(name, 0) >= version:
            continue
        apply_catalogue(name, version, data["items"], now)
        loaded.append(name)
    return loaded


def apply_catalogue(name: str, version: int, items: list[dict], now) -> None:
    """Replace one catalogue's items with ``items`` and record its version."""
    if name == MRP_CATALOGUE:
        for item in items:
            MrpRate.insert(year=int(item["year"]), amount=int(item["amount"])).on_conflict(
                conflict_target=[MrpRate.year], update={MrpRate.amount: int(item["amount"])}
            ).execute()
    else:
        CatalogueItem.update(active=False).where(CatalogueItem.catalogue == name).execute()
        for position, item in enumerate(items):
            extra = {k: v for k, v in item.items() if k not in ("code", "ru", "kk", "en")}
            values = {
                CatalogueItem.title_ru: item["ru"],
                CatalogueItem.title_kk: item.get("kk") or item["ru"],
                CatalogueItem.title_en: item.get("en") or item["ru"],
                CatalogueItem.position: position,
                CatalogueItem.active: True,
                CatalogueItem.extra: json.dumps(extra, ensure_ascii=False),
            }
            CatalogueItem.insert(catalogue=name, code=item["code"], **{
                f.name: v for f, v in values.items()
            }).on_conflict(
                conflict_target=[CatalogueItem.catalogue, CatalogueItem.code], update=values
            ).execute()
    CatalogueVersion.insert(catalogue=name, version=version, loaded_at=now).on_conflict(
        conflict_target=[CatalogueVersion.catalogue],
        update={CatalogueVersion.version: version, CatalogueVersion.loaded_at: now},
    ).execute()


class Catalogues:
    """Read access to the catalogues held in the database (cached; call :meth:`reload`)."""

    def reload(self) -> None:
        for cached in ("_items", "_mrp", "work_calendar", "_versions"):
            self.__dict__.pop(cached, None)

    def reload_if_changed(self) -> None:
        """Reload when the database's catalogue versions differ from those last read (another
        process loaded a catalogue): one small query instead of reading every item."""
        versions = {v.catalogue: v.version for v in CatalogueVersion.select()}
        if versions != self.__dict__.get("_versions"):
            self.reload()
            self._versions = versions

    @cached_property
    def _items(self) -> dict[str, dict[str, Item]]:
        result: dict[str, dict[str, Item]] = {}
        query = CatalogueItem.select(
            CatalogueItem.catalogue, CatalogueItem.code, CatalogueItem.title_ru,
            CatalogueItem.title_kk, CatalogueItem.title_en, CatalogueItem.extra,
            CatalogueItem.active,
        ).order_by(CatalogueItem.catalogue, CatalogueItem.position).tuples()  # plain rows:
        # model objects cost more than the rest of the start-up's catalogue work
        for catalogue, code, ru, kk, en, extra, active in query:
            result.setdefault(catalogue, {})[code] = Item(
                code, {"ru": ru, "kk": kk, "en": en}, json.loads(extra or "{}"), active)
        return result

    @cached_property
    def _mrp(self) -> dict[int, int]:
        return {r.year: r.amount for r in MrpRate.select()}

    @cached_property
    def work_calendar(self) -> WorkCalendar:
        """Working days: weekends and the ``days_off`` catalogue's holidays and moved days."""
        return WorkCalendar(self.items(DAYS_OFF))

    def names(self) -> list[str]:
        return sorted(self._items)

    def items(self, catalogue: str, *, include_inactive: bool = False) -> list[Item]:
        """The items of a catalogue in display order."""
        values = self._items.get(catalogue, {}).values()
        return [i for i in values if include_inactive or i.active]

    def get(self, catalogue: str, code: str) -> Item | None:
        return self._items.get(catalogue, {}).get(code)

    def has(self, catalogue: str, code: str) -> bool:
        item = self.get(catalogue, code)
        return item is not None and item.active

    def title(self, catalogue: str, code: str | None, lang: str = "ru") -> str:
        """The display title of a code (the code itself when unknown, "" for None)."""
        if not code:
            return ""
        item = self.get(catalogue, code)
        return item.title(lang) if item else code

    def deadline(self, code: str) -> int:
        """The value of the legal deadline ``code`` in its unit (the ``deadlines`` catalogue);
        KeyError when the catalogue lacks it."""
        item = self.get(DEADLINES, code)
        if item is None:
            raise KeyError(code)
        return int(item.extra["value"])

    def mrp(self, year: int) -> int | None:
        """МРП in tenge for ``year``, or None when the table has no such year."""
        return self._mrp.get(year)

    def mrp_table(self) -> dict[int, int]:
        return dict(sorted(self._mrp.items()))
