"""Tables that survive real data: wrapped cells, explicit widths, the heading on every page.

:class:`RowStream` prints a register of any length with flat memory: it pulls rows from an
iterator only as pages need them and emits one :class:`GridPage` per page (the heading row
first), so 10,000 rows never exist as flowables at once. Cells are pre-wrapped plain text
(measured with the font's metrics), which is several times faster than a Paragraph per cell.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence

from reportlab.lib.colors import black
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak

from inspector_app.reports.fonts import CONDENSED, CONDENSED_BOLD
from inspector_app.reports.layout import GRID, HEADER_FILL, ProgressTracker, wrap_text

PADDING = 2.0
MAX_CELL_LINES = 16
HANG_EMS = 1.0
"""The hanging indent of a wrapped cell's continuation lines, in font sizes."""


def grid_style(font: str, size: float, leading: float, *, header_rows: int = 1,
               header_font: str = CONDENSED_BOLD) -> list[tuple]:
    """The grid, paddings and heading look every printed table shares."""
    style = [
        ("FONT", (0, 0), (-1, -1), font, size, leading),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), PADDING),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PADDING),
    ]
    if header_rows:
        style += [
            ("FONT", (0, 0), (-1, header_rows - 1), header_font, size, leading),
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL),
            ("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE"),
            ("ALIGN", (0, 0), (-1, header_rows - 1), "CENTER"),
        ]
    return style


class RowStream(Flowable):
    """A long table printed page by page from an iterator of rows of cell texts.

    ``rows`` yields sequences of strings (one per column). The heading repeats at the top of
    every page; a row never splits; very long cells are cut at :data:`MAX_CELL_LINES` lines.
    ``tracker`` (optional) hears how many rows are done after each page. Cells of the
    ``hanging`` columns (article names) continue their wrapped lines under an indent.
    """

    def __init__(self, heading: Sequence[str], rows: Iterable[Sequence[str]],
                 col_widths: Sequence[float], *, font: str = CONDENSED, size: float = 7.5,
                 align_right: Sequence[int] = (), hanging: Sequence[int] = (),
                 tracker: ProgressTracker | None = None):
        super().__init__()
        self.widths = list(col_widths)
        self.font, self.size, self.leading = font, size, size * 1.2
        self.align_right = tuple(align_right)
        self.hanging = frozenset(hanging)
        self.tracker = tracker
        self._source: Iterator[Sequence[str]] = iter(rows)
        self._pending: deque[tuple[list[list[str]], float]] = deque()
        self._done = 0
        self._exhausted = False
        self.heading, self.heading_height = self._prepare(heading, CONDENSED_BOLD, body=False)
        self._top_failures = 0

    # -- rows ---------------------------------------------------------------------------
    def _prepare(self, cells: Sequence[str], font: str,
                 body: bool = True) -> tuple[list[list[str]], float]:
        texts, lines = [], 1
        for column, (text, width) in enumerate(zip(cells, self.widths, strict=True)):
            hang = self.size * HANG_EMS if body and column in self.hanging else 0.0
            wrapped = wrap_text(text or "", font, self.size, width - 2 * PADDING,
                                MAX_CELL_LINES, hang)
            texts.append(wrapped)
            lines = max(lines, len(wrapped))
        return texts, lines * self.leading + 2 * PADDING + 1

    def _peek(self) -> tuple[list[list[str]], float] | None:
        if not self._pending and not self._exhausted:
            try:
                self._pending.append(self._prepare(next(self._source), self.font))
            except StopIteration:
                self._exhausted = True
        return self._pending[0] if self._pending else None

    def has_rows(self) -> bool:
        return self._peek() is not None

    # -- flowable protocol --------------------------------------------------------------
    def wrap(self, available_width, available_height):
        # Always "too tall": the frame then asks split() for what fits on this page.
        return available_width, available_height + 1

    def split(self, available_width, available_height):
        room = available_height - self.heading_height
        texts, heights = [self.heading], [self.heading_height]
        while (row := self._peek()) is not None:
            cells, height = row
            if height > room and (len(texts) > 1 or self._top_failures == 0):
                break
            self._pending.popleft()
            texts.append(cells)
            heights.append(height)
            room -= height
        if len(texts) == 1:
            if self._peek() is None:
                return []
            self._top_failures += 1  # a fresh page lets the next row through whatever its size
            return [PageBreak(), self]
        self._top_failures = 0
        self._done += len(texts) - 1
        if self.tracker is not None:
            self.tracker.step(self._done)
        page = GridPage(texts, heights, self.widths, self.font, self.size, self.leading,
                        self.align_right, self.hanging)
        return [page, self] if self._peek() is not None else [page]

    def draw(self):  # never drawn itself: split() hands out pages
        pass


class GridPage(Flowable):
    """One page of a :class:`RowStream`: the heading row and the rows, drawn straight on the
    canvas (one path for the grid, one text object for the words), which is several times
    cheaper than a platypus Table for the same look."""

    def __init__(self, rows: list[list[list[str]]], heights: list[float], widths: list[float],
                 font: str, size: float, leading: float, align_right: Sequence[int],
                 hanging: frozenset[int] = frozenset()):
        super().__init__()
        self.rows, self.heights, self.widths = rows, heights, widths
        self.font, self.size, self.leading = font, size, leading
        self.align_right = set(align_right)
        self.hanging = hanging

    def wrap(self, available_width, available_height):
        return sum(self.widths), sum(self.heights)

    def draw(self):
        canvas = self.canv
        width, height = sum(self.widths), sum(self.heights)
        canvas.saveState()
        canvas.setFillColor(HEADER_FILL)
        canvas.rect(0, height - self.heights[0], width, self.heights[0], stroke=0, fill=1)
        grid = canvas.beginPath()
        y = height
        for row_height in (0, *self.heights):
            y -= row_height
            grid.moveTo(0, y)
            grid.lineTo(width, y)
        x = 0.0
        for column_width in (0, *self.widths):
            x += column_width
            grid.moveTo(x, 0)
            grid.lineTo(x, height)
        canvas.setStrokeColor(GRID)
        canvas.setLineWidth(0.4)
        canvas.drawPath(grid, stroke=1, fill=0)
        canvas.setFillColor(black)
        text = canvas.beginText()
        top = height
        for index, (cells, row_height) in enumerate(zip(self.rows, self.heights, strict=True)):
            heading = index == 0
            font = CONDENSED_BOLD if heading else self.font
            text.setFont(font, self.size, self.leading)
            left = 0.0
            for column, (lines, column_width) in enumerate(zip(cells, self.widths,
                                                               strict=True)):
                block = len(lines) * self.leading
                # heading cells centred both ways; body cells from the top
                baseline = (top - (row_height - block) / 2 if heading else top - PADDING) \
                    - self.size
                for number, line in enumerate(lines):
                    if heading or column in self.align_right:
                        used = stringWidth(line, font, self.size)
                        offset = (column_width - used) / 2 if heading \
                            else column_width - PADDING - used
                    else:
                        offset = PADDING
                        if number and column in self.hanging:
                            offset += self.size * HANG_EMS
                    text.setTextOrigin(left + offset, baseline)
                    text.textOut(line)
                    baseline -= self.leading
                left += column_width
            top -= row_height
        canvas.drawText(text)
        canvas.restoreState()
