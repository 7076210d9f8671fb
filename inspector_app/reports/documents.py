"""Pieces of the one-record documents (talon, offence protocol, visit record).

Each document is a heading, a title with the record's number, a table of labelled values
taken from the record, free lines to fill in by hand and signature lines. The labels are the
core's message codes, so a document reads the same in Russian, Kazakh and English.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from inspector_app.messages import translate
from inspector_app.reports.fonts import CONDENSED
from inspector_app.reports.formatting import DASH, short_name
from inspector_app.reports.layout import (
    GRID,
    MUTED,
    Progress,
    ProgressTracker,
    ReportDoc,
    Styles,
    build_pdf,
)
from inspector_app.services.context import Services
from inspector_app.storage.models import Point, Staff

Fields = list[tuple[str, str | None]]
"""(message code of the label, value) pairs, in print order."""


def owner_point(services: Services, record) -> Point:
    """The point that owns ``record`` (the current point when that one is not on file)."""
    return Point.get_or_none(Point.code == record.owner_point) or services.points.current()


def build_document(out: str | Path, story: Callable[[ReportDoc], list],
                   progress: Progress | None, **layout) -> int:
    """:func:`build_pdf` with the two progress steps of a one-record document."""
    tracker = ProgressTracker(progress, 2)
    tracker.step(0)
    pages = build_pdf(out, story, **layout)
    tracker.step(2)
    return pages


def officer_text(services: Services, officer: Staff | None, lang: str) -> str:
    """"Капитан полиции, Ержанов Асхат Серікұлы" (rank, full name)."""
    if officer is None:
        return ""
    rank = services.catalogues.title("ranks", officer.rank, lang) if officer.rank else ""
    return ", ".join(x for x in (rank, officer.full_name) if x)


def officer_signature_name(officer: Staff | None) -> str:
    return short_name(officer.full_name) if officer is not None else ""


def local_time(services: Services, moment_utc: datetime) -> datetime:
    """A stored UTC moment in the point's local time (the clock's offset)."""
    clock = services.clock
    offset = clock.now_local() - clock.now_utc()
    return moment_utc + timedelta(minutes=round(offset.total_seconds() / 60))


def fields_table(fields: Fields, lang: str, styles: Styles, width: float,
                 label_share: float = 0.34) -> Table:
    """Label and value on each row, a thin rule below, long values wrapped in their column."""
    rows = [[Paragraph(escape(translate(label, lang)), styles.small),
             Paragraph(escape(value or DASH).replace("\n", "<br/>"), styles.cell)]
            for label, value in fields]
    table = Table(rows, colWidths=[width * label_share, width * (1 - label_share)])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, GRID),
        ("LEFTPADDING", (0, 0), (-1, -1), 1), ("RIGHTPADDING", (0, 0), (-1, -1), 1),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table


def signature_lines(signers: list[tuple[str, str]], lang: str, styles: Styles,
                    width: float) -> Table:
    """One row per signer: the role (message code), a line to sign on, the name under it."""
    rows = []
    for role, name in signers:
        rows.append([Paragraph(escape(translate(role, lang)), styles.body), "",
                     Paragraph(escape(name), styles.body)])
        rows.append(["", Paragraph(escape(translate("report.doc.signature", lang)),
                                   styles.note), ""])
    table = Table(rows, colWidths=[width * 0.42, width * 0.28, width * 0.30])
    style = [("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
             ("LEFTPADDING", (0, 0), (-1, -1), 1), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
             ("LEFTPADDING", (2, 0), (2, -1), 4),
             ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]
    for index in range(0, len(rows), 2):
        style += [("LINEBELOW", (1, index), (1, index), 0.5, MUTED),
                  ("TOPPADDING", (0, index), (-1, index), 9)]
    table.setStyle(TableStyle(style))
    return table


def blank_lines(count: int, width: float) -> Table:
    """``count`` ruled lines to write on by hand."""
    table = Table([[""] for _ in range(count)], colWidths=[width], rowHeights=7 * mm)
    table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.4, MUTED)]))
    return table


class CutLine(Flowable):
    """A dashed line across (or, ``upright``, down) the page with a pair of scissors and a
    caption: where the police's stub is cut from the citizen's part."""

    def __init__(self, length: float, caption: str, *, upright: bool = False,
                 font: str = CONDENSED, size: float = 6):
        super().__init__()
        self.length, self.caption, self.upright = length, caption, upright
        self.font, self.size = font, size

    def wrap(self, available_width, available_height):
        return (self.size * 2, self.length) if self.upright else (self.length, self.size * 2)

    def draw(self):
        canvas = self.canv
        canvas.saveState()
        if self.upright:
            canvas.translate(self.size, self.length)
            canvas.rotate(-90)
        else:
            canvas.translate(0, self.size)
        canvas.setStrokeColor(MUTED)
        canvas.setFillColor(MUTED)
        canvas.setDash(3, 2)
        canvas.setLineWidth(0.5)
        canvas.line(0, 0, self.length, 0)
        label = f"\u2702 {self.caption}"
        canvas.setFont(self.font, self.size)
        canvas.setFillColorRGB(1, 1, 1)
        text_width = canvas.stringWidth(label, self.font, self.size)
        canvas.rect(self.length / 2 - text_width / 2 - 2, -self.size * 0.6, text_width + 4,
                    self.size * 1.2, stroke=0, fill=1)
        canvas.setFillColor(MUTED)
        canvas.drawCentredString(self.length / 2, -self.size * 0.35, label)
        canvas.restoreState()
