"""Preparing a verified records package: every member read, checked and turned into writes.

This is the Python half of an import (decrypting, decoding, the services' rules, search texts);
the writes go to a writer (:mod:`inspector_app.sync.pipeline`). It runs in the importing
process for ordinary packages, or in a worker process for large ones, where it reads the
district database through its own connection (what was committed before the import: a
package's own records are remembered as they are prepared, and a group of files never holds
two files of one point).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from peewee import SqliteDatabase

from inspector_app.domain.catalogues import Catalogues
from inspector_app.storage.migrations import LATEST_VERSION
from inspector_app.sync.apply import RecordsApplier, validation_services
from inspector_app.sync.codec import AUDIT_MEMBER, BY_MEMBER
from inspector_app.sync.errors import SyncError
from inspector_app.sync.lookup import RecordLookup
from inspector_app.sync.package import PackageReader
from inspector_app.sync.trail import TrailApplier


@dataclass(frozen=True)
class Job:
    """What preparing one package needs (plain values: it may cross to a worker process)."""

    path: str
    trailer: tuple[bytes, bytes]
    """The manifest and signature the importer verified."""
    file_sha256: str
    """The verified file's SHA-256: the worker reads the file once, refusing other bytes."""
    sender: str
    database_id: str
    """The sending database (the points' trails are kept per database)."""
    own: str
    seq_from: int
    seq_to: int
    audit_from: int
    audit_to: int
    local_moment: datetime
    tombstones: dict[str, int] = field(default_factory=dict)
    """The tombstones the manifest counts per kind."""
    fresh: bool = False
    """The district holds no record of the sender yet: every record is new, and nothing is
    looked up before it is written (an id of another point's record fails its insert)."""
    schema_version: int = LATEST_VERSION
    """The sender's schema: the shape of its record lines (see :mod:`.versions`)."""
    forward: tuple[bytes, bytes] | None = None
    """At a region: the forwarding district's verified note and its signature."""


@dataclass
class Prepared:
    """What a prepared package did, per kind, and what the district's tallies must change."""

    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    count_delta: dict[str, list[int]] = field(default_factory=dict)
    conflict_ids: list[str] = field(default_factory=list)
    destroyed: list[tuple[str, str, int]] = field(default_factory=list)
    """(table, record id, entry id) of the point's new ``destroy`` audit entries."""


def prepare_records(db: SqliteDatabase, reader: PackageReader, job: Job, writer,
                    progress=None, catalogues: Catalogues | None = None) -> Prepared:
    """Read every member of a verified package and hand its writes to ``writer``; the rules
    read ``catalogues`` (the office's, current) when given."""
    lookup = RecordLookup(db, {job.sender, job.own})
    rules = validation_services(db, lookup, job.sender, job.local_moment,
                                catalogues=catalogues)
    applier = RecordsApplier(db, rules, lookup, job.sender, job.seq_from, job.seq_to, writer,
                             fresh=job.fresh)
    prepared = Prepared()
    for info, lines in reader.members():
        if info.name == AUDIT_MEMBER:
            trail = TrailApplier(db, job.sender, job.database_id, job.audit_from,
                                 job.audit_to, writer)
            trail.apply(lines)
            prepared.destroyed = trail.destroyed
        else:
            codec = BY_MEMBER[info.name].at_schema(job.schema_version)
            prepared.counts[codec.table] = applier.apply(codec, lines, progress).as_dict()
            if applier.tombstones[codec.table] != job.tombstones.get(codec.table):
                raise SyncError("sync.bad_manifest", field=f"counts.{codec.table}")
    prepared.count_delta = applier.count_delta
    prepared.conflict_ids = applier.conflict_ids
    return prepared
