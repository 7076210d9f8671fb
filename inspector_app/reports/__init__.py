"""Printed reports (reportlab): activity report, register journals, talon, district summary.

The public API for the GUI and the command line::

    pages = generate(services, ReportRequest("activity", date(2026, 1, 1),
                                             date(2026, 12, 31), lang="kk"),
                     "report.pdf", progress=lambda done, total: not cancelled)

``progress(done, total)`` is optional; returning False cancels (:class:`ReportCancelled`),
and the output file is then left untouched. Figures come from :mod:`inspector_app.stats`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from inspector_app.errors import InspectorError
from inspector_app.faults import atomic_output
from inspector_app.registers import REGISTERS, Filters
from inspector_app.reports.activity import activity_report
from inspector_app.reports.district import district_report
from inspector_app.reports.journal import register_report
from inspector_app.reports.layout import Progress, ReportCancelled
from inspector_app.reports.talon import find_appeal, talon_report
from inspector_app.services.context import Services
from inspector_app.stats import StatsScope

REPORT_KINDS = ("activity", "register", "talon", "district")
REPORT_LANGUAGES = ("ru", "kk")

__all__ = [
    "REPORT_KINDS", "REPORT_LANGUAGES", "ReportCancelled", "ReportRequest", "activity_report",
    "district_report", "find_appeal", "generate", "register_report", "talon_report",
]


@dataclass(frozen=True)
class ReportRequest:
    """What to print. ``kind`` is one of :data:`REPORT_KINDS`.

    - activity / district: the period, optionally an inspector and points;
    - register: ``register`` (a name of :data:`inspector_app.registers.REGISTERS`) and the
      period, or explicit ``filters`` exactly as the screen has them;
    - talon: ``appeal_id``.
    """

    kind: str
    date_from: date | None = None
    date_to: date | None = None
    inspector_id: str | None = None
    register: str | None = None
    appeal_id: str | None = None
    point_codes: tuple[str, ...] = ()
    lang: str = "ru"
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
    raise InspectorError("v.unknown_code", value=request.kind)
