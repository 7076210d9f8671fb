"""Audit entries whose values were erased, and how the hash chain still vouches for them.

An entry's hash covers its values (:func:`~inspector_app.services.records.chain_hash`), so an
entry about a destroyed record, once its old and new values are replaced by :data:`ERASED`,
no longer matches its own hash. The chain stays checkable this way: before its entries are
erased, the destruction writes a ``destroy`` entry about the same record (an ordinary entry,
hashed and chained) whose values list, per erased entry id, the entry's hash and the digest of
the entry as it reads once erased (:func:`erased_digest`: the canonical text of every other
field). A checker walking the chain keeps the links (``prev_hash``) as before; an entry that
does not match its hash is accepted only when it is erased, its digest is the one vouched
for, and a later ``destroy`` entry about the same record vouches for exactly that hash
(:class:`ErasedEntries`). Older entries, older databases and older packages verify as before:
nothing changes for an entry that was never erased.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from inspector_app.services.records import audit_entry_text

ERASED = '"erased"'
"""What an erased entry's ``old_values`` / ``new_values`` hold (JSON text of a string)."""
DESTROY_ACTION = "destroy"
REAPPLY_ACTION = "erased_again"
"""The entry of a restore (or an open) that destroyed listed records again
(:mod:`inspector_app.services.redestruction`); its values name the records, nothing personal."""


def erased_values(text: str | None) -> str | None:
    """The erased form of one values column (nothing stays nothing)."""
    return None if text is None else ERASED


def is_erased(entry: Any) -> bool:
    """Whether an entry's values are erased (one of the columns at least)."""
    values = (entry.old_values, entry.new_values)
    return all(v is None or v == ERASED for v in values) and ERASED in values


def erased_digest(entry: Any) -> str:
    """SHA-256 of an entry's canonical text with its values erased (its other fields)."""
    erased = _Erased(entry)
    return hashlib.sha256(audit_entry_text(erased).encode("utf-8")).hexdigest()


class _Erased:
    """An entry's fields as they read once erased (for :func:`erased_digest`)."""

    __slots__ = ("action", "actor", "at", "change_seq", "new_values", "old_values",
                 "record_id", "table_name")

    def __init__(self, entry: Any):
        for name in self.__slots__:
            setattr(self, name, getattr(entry, name))
        self.old_values = erased_values(entry.old_values)
        self.new_values = erased_values(entry.new_values)


def vouched(entry: Any) -> dict[int, tuple[str, str]]:
    """What a ``destroy`` entry vouches for: ``{entry id: (hash, erased digest)}`` ({} for any
    other entry, or one whose values are not that shape)."""
    if entry.action != DESTROY_ACTION or entry.new_values is None:
        return {}
    try:
        erased = json.loads(entry.new_values).get("erased")
        return {int(key): (str(value[0]), str(value[1])) for key, value in erased.items()}
    except (ValueError, TypeError, AttributeError, IndexError, KeyError):
        return {}


class ErasedEntries:
    """Erased entries met while walking a chain in order, until a ``destroy`` entry about the
    same record vouches for them."""

    def __init__(self) -> None:
        self._pending: dict[int, tuple[str, str, str, str]] = {}

    def wait(self, entry_id: int, entry: Any) -> bool:
        """An entry that does not match its hash: False unless it is erased (then it waits)."""
        if not is_erased(entry):
            return False
        self._pending[entry_id] = (entry.entry_hash, erased_digest(entry), entry.table_name,
                                   entry.record_id)
        return True

    def vouch(self, entry: Any) -> None:
        """An entry that matches its hash: if a ``destroy`` entry, release what it vouches."""
        for entry_id, (entry_hash, digest) in vouched(entry).items():
            if self._pending.get(entry_id) == (entry_hash, digest, entry.table_name,
                                               entry.record_id):
                del self._pending[entry_id]

    def first_unvouched(self) -> int | None:
        """The first erased entry nothing vouched for, or None."""
        return min(self._pending, default=None)
