"""Printed reports (reportlab): activity report, register journals, district summary, and the
one-record documents: the talon with its stub, the offence protocol, the visit record.

The public API for the GUI and the command line::

    pages = generate(services, ReportRequest("activity", date(2026, 1, 1),
                                             date(2026, 12, 31), lang="kk"),
                     "report.pdf", progress=lambda done, total: not cancelled)

``progress(done, total)`` is optional; returning False cancels (:class:`ReportCancelled`),
and the output file is then left untouched. Figures come from :mod:`inspector_app.queries.stats`.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from inspector_app.errors import InspectorError, NotFound
from inspector_app.faults import atomic_output
from inspector_app.kinds import KINDS
from inspector_app.queries.registers import REGISTERS, Filters
from inspector_app.queries.stats import StatsScope
from inspector_app.services.context import Services
from inspector_app.storage.models import Offence

if TYPE_CHECKING:
    from inspector_app.reports.layout import Progress

REPORT_KINDS = ("activity", "register", "talon", "district", "protocol", "visit", "kui_notice")
DOCUMENT_KINDS = {k.document: k.slug for k in KINDS.values() if k.document}
"""The one-record documents and the kind of record each prints."""
REPORT_LANGUAGES = ("ru", "kk", "en")

__all__ = [
    "DOCUMENT_KINDS", "REPORT_KINDS", "REPORT_LANGUAGES", "ReportCancelled", "ReportRequest",
    "activity_report", "district_report", "document_file_name", "document_request",
    "find_appeal", "find_offence", "generate", "kui_notice_report", "protocol_report",
    "register_report",
    "talon_report", "visit_report",
]

_REPORTLAB_NAMES = {
    "activity_report": "activity", "district_report": "district", "register_report": "journal",
    "ReportCancelled": "layout", "protocol_report": "protocol", "visit_report": "protocol",
    "find_appeal": "talon", "talon_report": "talon", "kui_notice_report": "kui_notice"}
"""Names kept in the modules that import reportlab (some 0.3 s), loaded when first used so
that importing the package (the GUI does at start-up) does not load reportlab."""


def __getattr__(name: str):
    module = _REPORTLAB_NAMES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


@dataclass(frozen=True)
class ReportRequest:
    """What to print. ``kind`` is one of :data:`REPORT_KINDS`.

    - activity / district: the period, optionally an inspector and points;
    - register: ``register`` (a name of :data:`inspector_app.queries.registers.REGISTERS`) and the
      period, or explicit ``filters`` exactly as the screen has them;
    - talon: ``appeal_id``; protocol (an offence), visit (a preventive visit) and kui_notice
      (a КУИ record): ``record_id``.
    """

    kind: str
    date_from: date | None = None
    date_to: date | None = None
    inspector_id: str | None = None
    register: str | None = None
    appeal_id: str | None = None
    point_codes: tuple[str, ...] = ()
    lang: str = "ru"
    record_id: str | None = None
    filters: Filters | None = field(default=None, compare=False)

    def scope(self, today: date | None = None) -> StatsScope:
        if self.date_from is None or self.date_to is None:
            raise InspectorError("report.needs_period")
        if self.date_from > self.date_to:
            raise InspectorError("stats.bad_period", start=self.date_from.strftime("%d.%m.%Y"),
                                 end=self.date_to.strftime("%d.%m.%Y"))
        return StatsScope(self.date_from, self.date_to, self.inspector_id, self.point_codes,
                          today)

    def register_filters(self) -> Filters:
        if self.filters is not None:
            return self.filters
        return Filters(date_from=self.date_from, date_to=self.date_to,
                       inspector_id=self.inspector_id)


def generate(services: Services, request: ReportRequest, out: str | Path,
             progress: Progress | None = None) -> int:
    """Write the report ``request`` asks for to ``out`` (PDF); returns the page count.

    The file appears only when complete: a full disk or a crash leaves no half-written PDF.
    """
    with atomic_output(out) as partial:
        return _generate(services, request, partial, progress)


def _generate(services: Services, request: ReportRequest, out: Path,
              progress: Progress | None) -> int:
    from inspector_app.reports.activity import activity_report
    from inspector_app.reports.district import district_report
    from inspector_app.reports.journal import register_report
    from inspector_app.reports.kui_notice import kui_notice_report
    from inspector_app.reports.protocol import protocol_report, visit_report
    from inspector_app.reports.talon import talon_report

    lang = request.lang
    if request.kind == "activity":
        return activity_report(services, request.scope(), out, lang=lang, progress=progress)
    if request.kind == "district":
        return district_report(services, request.scope(), out, lang=lang, progress=progress)
    if request.kind == "register":
        names = ", ".join(REGISTERS)
        if not request.register:
            raise InspectorError("report.needs_register", names=names)
        if request.register not in REGISTERS:
            raise InspectorError("report.unknown_register", name=request.register, names=names)
        if request.date_from and request.date_to:
            request.scope()  # refuses a period that ends before it starts
        return register_report(services, REGISTERS[request.register],
                               request.register_filters(), out, lang=lang, progress=progress)
    if request.kind == "talon":
        if not request.appeal_id:
            raise InspectorError("report.talon_needed")
        return talon_report(services, request.appeal_id, out, lang=lang, progress=progress)
    if request.kind in ("protocol", "visit", "kui_notice"):
        if not request.record_id:
            raise InspectorError("report.record_needed")
        build = {"protocol": protocol_report, "visit": visit_report,
                 "kui_notice": kui_notice_report}[request.kind]
        return build(services, request.record_id, out, lang=lang, progress=progress)
    raise InspectorError("v.unknown_code", value=request.kind)


def document_request(kind: str, record_id: str, lang: str = "ru") -> ReportRequest:
    """The request printing the one-record document ``kind`` of :data:`DOCUMENT_KINDS`."""
    if kind == "talon":
        return ReportRequest("talon", appeal_id=record_id, lang=lang)
    return ReportRequest(kind, record_id=record_id, lang=lang)


def document_file_name(services: Services, kind: str, record_id: str) -> str:
    """The file name offered for a saved document: its number, or a visit's date and time."""
    if kind == "talon":
        return f"talon_{services.appeals.get(record_id).talon_number}.pdf"
    if kind == "protocol":
        return f"protocol_{services.offences.get(record_id).protocol_number}.pdf"
    if kind == "kui_notice":
        return f"kui_{services.crime_reports.get(record_id).kui_number}.pdf"
    return f"visit_{services.visits.get(record_id).visited_at:%Y-%m-%d_%H%M}.pdf"


def find_offence(services: Services, protocol_number: str) -> Offence:
    """The live offence with this protocol number; :class:`NotFound` otherwise."""
    number = protocol_number.strip().upper()
    offence = services.offences.live().where(Offence.protocol_number == number).first()
    if offence is None:
        raise NotFound("report.protocol_not_found", number=number)
    return offence
