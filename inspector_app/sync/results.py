"""What an import reports, file by file: counts per kind, notices, or the reason for refusal."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inspector_app.changes import Changes
from inspector_app.errors import InspectorError
from inspector_app.messages import translate

IMPORTED, DUPLICATE, REFUSED = "imported", "duplicate", "refused"
COUNT_NAMES = ("new", "updated", "deleted", "unchanged", "superseded", "conflicts")
_WRITTEN = ("new", "updated", "deleted")


@dataclass(frozen=True)
class Notice:
    """One line of a file's report: a message code and its parameters."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)
    warning: bool = False

    def message(self, lang: str = "ru") -> str:
        return translate(self.code, lang, **self.params)


@dataclass
class FileResult:
    """The outcome of importing one file."""

    path: Path
    status: str = REFUSED
    kind: str | None = None
    point: str | None = None
    export_no: int | None = None
    package_id: str | None = None
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    notices: list[Notice] = field(default_factory=list)
    error: InspectorError | None = None
    kept_at: Path | None = None
    catalogues: list[str] = field(default_factory=list)
    """The reference catalogues a district's package replaced."""

    @property
    def ok(self) -> bool:
        return self.status != REFUSED

    @property
    def changes(self) -> Changes:
        """What importing the file changed: the kinds its counts show written (their ids not
        listed: a package may hold a million records), the catalogues it replaced; any file
        looked at changes the sync state (received or refused)."""
        if self.status != IMPORTED:
            return Changes(sync=True)
        kinds = frozenset(kind for kind, counts in self.counts.items()
                          if any(counts.get(name) for name in _WRITTEN))
        return Changes(bulk=kinds, catalogues=bool(self.catalogues), sync=True)

    def totals(self) -> dict[str, int]:
        """Counts summed over every record kind."""
        return {name: sum(c.get(name, 0) for c in self.counts.values()) for name in COUNT_NAMES}

    def summary(self, lang: str = "ru") -> str:
        """One line: what happened to the file."""
        if self.status == REFUSED:
            reason = self.error.message(lang) if self.error else ""
            return translate("sync.result_refused", lang, file=self.path.name, reason=reason)
        if self.status == DUPLICATE:
            return translate("sync.result_duplicate", lang, file=self.path.name)
        if self.kind != "records":
            return translate("sync.result_applied", lang, file=self.path.name)
        totals = self.totals()
        return translate("sync.result_imported", lang, file=self.path.name, **totals)

    def lines(self, lang: str = "ru") -> list[str]:
        """The summary, a line per record kind that changed, and the notices."""
        result = [self.summary(lang)]
        for kind, counts in self.counts.items():
            if any(counts.get(name) for name in COUNT_NAMES if name != "unchanged"):
                title = translate(f"sync.kind.{kind}", lang)
                result.append(translate("sync.result_kind", lang, kind=title, **counts))
        result.extend(n.message(lang) for n in self.notices)
        return result


@dataclass
class BatchResult:
    """Every file's result and the files written back for the points."""

    files: list[FileResult] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)

    @property
    def changes(self) -> Changes:
        """What the whole batch changed (see :attr:`FileResult.changes`)."""
        changes = Changes()
        for result in self.files:
            changes |= result.changes
        return changes

    @property
    def refused(self) -> list[FileResult]:
        return [f for f in self.files if not f.ok]
