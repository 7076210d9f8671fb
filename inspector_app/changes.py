"""What a write changed, as Anki's operations return ``OpChanges``: kinds and ids, side effects
included.

The rule: the core says what it changed; no caller announces it. Every write of a travelling
record goes through one method, ``RecordService.store`` (create, update, tombstone, and the
follow-up writes a service makes in the same transaction, such as a check visit moving its
registration's ``last_check_on``/``next_check_due``), and that method notes the record here; so
a new service cannot forget it. Re-indexing the search texts that show a person's name notes
those records as ``reindexed``. Whoever needs to know runs the write through
``Services.run(write, ...)``, which returns the write's result and its :class:`Changes`; an
import reports its own (``FileResult.changes``: kinds from its counts, ids not listed, since a
package may hold a million records). Views decide from the changes whether they show
something that changed (:meth:`Changes.shows`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import MappingProxyType

from inspector_app.kinds import KINDS

_NO_IDS: Mapping[str, frozenset[str]] = MappingProxyType({})


def _merged(a: Mapping[str, frozenset[str]],
            b: Mapping[str, frozenset[str]]) -> Mapping[str, frozenset[str]]:
    if not b:
        return a
    if not a:
        return b
    return MappingProxyType({k: a.get(k, frozenset()) | b.get(k, frozenset())
                             for k in (*a, *(k for k in b if k not in a))})


@dataclass(frozen=True)
class Changes:
    """What one operation changed. Merge two with ``|``; empty ones are false."""

    written: Mapping[str, frozenset[str]] = field(default_factory=lambda: _NO_IDS)
    """Ids of records created or updated (tombstones included), by kind."""
    deleted: Mapping[str, frozenset[str]] = field(default_factory=lambda: _NO_IDS)
    """Ids of records tombstoned, by kind (also in :attr:`written`)."""
    reindexed: Mapping[str, frozenset[str]] = field(default_factory=lambda: _NO_IDS)
    """Ids of records whose search text was recomputed (a person's new name), by kind."""
    bulk: frozenset[str] = frozenset()
    """Kinds changed in bulk by an import, their ids not listed."""
    catalogues: bool = False
    """Reference catalogues were replaced (titles every register shows)."""
    sync: bool = False
    """Packages were imported or refused: receipts, the points' statuses."""

    @property
    def kinds(self) -> frozenset[str]:
        """Every record kind with a change."""
        return frozenset((*self.written, *self.reindexed, *self.bulk))

    def ids(self, kind: str) -> frozenset[str] | None:
        """The ids of ``kind`` changed (written or reindexed); None when not listed (bulk)."""
        if kind in self.bulk:
            return None
        return self.written.get(kind, frozenset()) | self.reindexed.get(kind, frozenset())

    def shows(self, kind: str) -> bool:
        """Whether a view of ``kind`` may show something that changed: its own records, a
        record they refer to (a person's name in appeals), or a catalogue title."""
        kinds = self.kinds
        return self.catalogues or kind in kinds or bool(kinds & KINDS[kind].references)

    def __or__(self, other: Changes) -> Changes:
        return Changes(_merged(self.written, other.written), _merged(self.deleted, other.deleted),
                       _merged(self.reindexed, other.reindexed), self.bulk | other.bulk,
                       self.catalogues or other.catalogues, self.sync or other.sync)

    def __bool__(self) -> bool:
        return bool(self.kinds or self.catalogues or self.sync)


@dataclass
class _Collected:
    written: dict[str, set[str]] = field(default_factory=dict)
    deleted: dict[str, set[str]] = field(default_factory=dict)
    reindexed: dict[str, set[str]] = field(default_factory=dict)
    merged: Changes = field(default_factory=Changes)

    def changes(self) -> Changes:
        def frozen(ids: dict[str, set[str]]) -> Mapping[str, frozenset[str]]:
            return MappingProxyType({k: frozenset(v) for k, v in ids.items()}) if ids else _NO_IDS

        return Changes(frozen(self.written), frozen(self.deleted),
                       frozen(self.reindexed)) | self.merged


class ChangeRecorder:
    """Collects what the writes of one :class:`~inspector_app.services.context.Services`
    change while :meth:`recording` is open; nested recordings pass theirs on to the outer one.
    A write outside any recording is noted nowhere (nobody asked)."""

    def __init__(self) -> None:
        self._open: list[_Collected] = []

    @contextmanager
    def recording(self) -> Iterator[_Collected]:
        """Collect the changes of the writes inside; a write that raises passes nothing on
        (its transaction was rolled back)."""
        collected = _Collected()
        self._open.append(collected)
        try:
            yield collected
        finally:
            self._open.pop()
        if self._open:
            self._open[-1].merged |= collected.changes()

    def written(self, kind: str, record_id: str, *, deleted: bool = False) -> None:
        """Note that a record was created, updated or (``deleted``) tombstoned."""
        if self._open:
            collected = self._open[-1]
            collected.written.setdefault(kind, set()).add(record_id)
            if deleted:
                collected.deleted.setdefault(kind, set()).add(record_id)

    def catalogues_replaced(self) -> None:
        """Note that reference catalogues were replaced (every view's titles may change)."""
        if self._open:
            self._open[-1].merged |= Changes(catalogues=True)

    def reindexed(self, kind: str, record_ids: Iterable[str]) -> None:
        """Note records whose search text was recomputed."""
        if self._open:
            self._open[-1].reindexed.setdefault(kind, set()).update(record_ids)
