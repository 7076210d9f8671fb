"""One description of each record kind, from which the core's lists of kinds are derived.

A kind's ``slug`` is its one name: the database table, the sync member, the services'
``kind``, the permission subject, the message codes (``sync.kind.<slug>``), the icon. Two
older names stay, recorded here once because they are frozen for users: ``register`` (the
word on the command line, ``export-table appeals``, and the key of saved column settings) and
``service`` (the :class:`~inspector_app.services.context.Services` attribute).

:data:`KINDS` lists the kinds in display order (the persons directory, the registers, the
area, the staff, the point); the sync order is that of ``storage.models.SYNCED_MODELS``,
where references point to earlier kinds. The UI adds its own facts (form, sidebar) in one
table keyed by the same slugs (``ui/kinds.py``).

What a write changes is not described here: the core reports it as it writes
(:mod:`inspector_app.changes`), side effects included, and a view of a kind refreshes when the
changes name that kind or one of its :attr:`Kind.references`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from importlib import import_module

from peewee import ForeignKeyField

from inspector_app.storage.models import (
    SYNCED_MODELS,
    Address,
    Appeal,
    CrimeReport,
    Feedback,
    Meeting,
    Offence,
    Organisation,
    Person,
    Point,
    PreventiveVisit,
    Registration,
    Staff,
    SyncedModel,
)


@dataclass(frozen=True)
class Kind:
    """What the program knows about one kind of travelling record."""

    slug: str
    model: type[SyncedModel]
    service: str
    """The :class:`Services` attribute serving it (``services.visits``)."""
    service_class: str
    """Its :class:`~inspector_app.services.records.RecordService`, as ``module:Class`` under
    ``inspector_app.services`` (imported when a :class:`Services` is built: the services
    import this module)."""
    register: str | None = None
    """The register's public name, or None when the kind has no register."""
    date_field: str | None = None
    """The field a register's period filter, the statistics and the monthly series count by."""
    officer_field: str | None = None
    """The reference to the officer responsible (the inspector filter and statistics)."""
    person_fields: tuple[str, ...] = ()
    """References to persons whose names the record's search text holds."""
    searchable: bool = True
    """Whether it keeps a ``search_text`` with an FTS5 table (``<slug>_fts``)."""
    series: str | None = None
    """Its name in the monthly activity series of reports (None: not charted)."""
    counted: bool = True
    """Whether backups count its rows (the point's own description is not counted)."""
    live_indexed: tuple[str, ...] = ()
    """Columns with an index of live rows (migration 0004; a test checks the schema)."""
    document: str | None = None
    """Its one-record printed document (``report talon``, ``protocol``, ``visit``,
    ``kui_notice``)."""
    references: frozenset[str] = field(init=False, default=frozenset())
    """Kinds this kind's records refer to (derived from the model's foreign keys): a view of
    this kind shows their names, so it refreshes when they change
    (:meth:`inspector_app.changes.Changes.shows`)."""

    def __post_init__(self) -> None:
        targets = {f.rel_model._meta.table_name for f in self.model._meta.sorted_fields
                   if isinstance(f, ForeignKeyField)}
        object.__setattr__(self, "references", frozenset(targets))

    def load_service_class(self) -> type:
        """The class named by :attr:`service_class`."""
        module, name = self.service_class.split(":")
        return getattr(import_module(f"inspector_app.services.{module}"), name)

    @property
    def table(self) -> str:
        return self.model._meta.table_name

    @property
    def sync_order(self) -> int:
        """Its place in a sync package (referenced kinds come first)."""
        return SYNCED_MODELS.index(self.model)

    def column(self, field_name: str) -> str:
        """The database column of one of its fields (``officer`` -> ``officer_id``)."""
        return self.model._meta.fields[field_name].column_name

    @cached_property
    def date_column(self) -> str:
        assert self.date_field is not None, self.slug
        return self.column(self.date_field)

    @cached_property
    def officer_column(self) -> str:
        assert self.officer_field is not None, self.slug
        return self.column(self.officer_field)


KINDS: dict[str, Kind] = {kind.slug: kind for kind in (
    Kind("person", Person, "persons", "people:PersonService", "persons",
         live_indexed=("sort_name",)),
    Kind("appeal", Appeal, "appeals", "appeals:AppealService", "appeals", "received_at",
         "officer", ("applicant",), series="appeals", live_indexed=("received_at",),
         document="talon"),
    Kind("crime_report", CrimeReport, "crime_reports", "crime_reports:CrimeReportService",
         "crime-reports", "received_at", "officer", ("reporter",), series="crime_reports",
         live_indexed=("received_at",), document="kui_notice"),
    Kind("preventive_visit", PreventiveVisit, "visits", "visits:VisitService",
         "preventive-visits", "visited_at", "inspector", ("person",), series="visits",
         live_indexed=("visited_at",), document="visit"),
    Kind("registration", Registration, "registrations", "registrations:RegistrationService",
         "registrations", "start_date", "inspector", ("person",),
         live_indexed=("next_check_due", "start_date")),
    Kind("offence", Offence, "offences", "offences:OffenceService", "offences",
         "committed_at", "inspector", ("offender",), series="offences",
         live_indexed=("committed_at",), document="protocol"),
    Kind("meeting", Meeting, "meetings", "meetings:MeetingService", "meetings", "held_at",
         "inspector", series="meetings", live_indexed=("held_at",)),
    Kind("feedback", Feedback, "feedback", "meetings:FeedbackService", "feedback",
         "collected_at", "inspector", live_indexed=("collected_at",)),
    Kind("address", Address, "addresses", "area:AddressService"),
    Kind("organisation", Organisation, "organisations", "area:OrganisationService"),
    Kind("staff", Staff, "staff", "staff:StaffService", searchable=False),
    Kind("point", Point, "points", "staff:PointService", searchable=False, counted=False),
)}
"""Every travelling record kind by slug, in display order."""

KIND_OF_MODEL: dict[type[SyncedModel], Kind] = {kind.model: kind for kind in KINDS.values()}
SYNC_ORDER: tuple[Kind, ...] = tuple(KIND_OF_MODEL[model] for model in SYNCED_MODELS)
"""The kinds in the order packages carry them."""


def kind(slug: str) -> Kind:
    """The kind called ``slug``; KeyError if unknown."""
    return KINDS[slug]


def registered() -> tuple[Kind, ...]:
    """The kinds that have a register, in display order."""
    return tuple(k for k in KINDS.values() if k.register is not None)


def searchable() -> tuple[Kind, ...]:
    return tuple(k for k in KINDS.values() if k.searchable)


def charted() -> tuple[Kind, ...]:
    """The kinds of the monthly activity series, in display order."""
    return tuple(k for k in KINDS.values() if k.series is not None)


def has_live_index(expression) -> bool:
    """Whether ``expression`` is a model field with an index of live rows."""
    model = getattr(expression, "model", None)  # a model or an alias of one
    described = KINDS.get(model._meta.table_name) if model is not None else None
    return described is not None and any(
        described.column(name) == expression.column_name for name in described.live_indexed)
