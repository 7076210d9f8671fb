"""Page furniture every report shares: styles, "стр. N из M", safe building, progress.

A report is written to a temporary file beside the target and moved into place only when
complete, so a cancelled or failed build never leaves half a PDF under the user's name.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from inspector_app import __version__
from inspector_app.errors import InspectorError
from inspector_app.messages import translate
from inspector_app.protection.private_files import private_files
from inspector_app.reports.fonts import (
    CONDENSED,
    CONDENSED_BOLD,
    SANS,
    SANS_BOLD,
    register_fonts,
)

Progress = Callable[[int, int], bool]
"""``progress(done, total)``; returning False cancels the report."""

GRID = colors.HexColor("#7f7f7f")
HEADER_FILL = colors.HexColor("#e6e9ee")
GROUP_FILL = colors.HexColor("#f4f5f7")
MUTED = colors.HexColor("#505050")


class ReportCancelled(InspectorError):
    """The user cancelled the report; nothing was written."""

    code = "report.cancelled"


class ProgressTracker:
    """Calls the caller's ``progress`` and turns a False answer into :class:`ReportCancelled`."""

    def __init__(self, callback: Progress | None, total: int = 1):
        self.callback = callback
        self.total = max(total, 1)
        self.done = 0

    def step(self, done: int | None = None) -> None:
        self.done = self.done + 1 if done is None else done
        if self.callback is not None and self.callback(min(self.done, self.total),
                                                       self.total) is False:
            raise ReportCancelled()


@dataclass(frozen=True)
class Styles:
    """Paragraph styles of one report (fonts registered on creation)."""

    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    heading: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    section: ParagraphStyle
    note: ParagraphStyle
    cell_head: ParagraphStyle


def make_styles(base_size: float = 9) -> Styles:
    register_fonts()
    body = ParagraphStyle("body", fontName=SANS, fontSize=base_size, leading=base_size * 1.25)
    return Styles(
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=base_size - 1.5,
                             leading=(base_size - 1.5) * 1.25, textColor=MUTED),
        cell=ParagraphStyle("cell", parent=body, fontName=CONDENSED, fontSize=base_size - 0.5,
                            leading=(base_size - 0.5) * 1.2),
        cell_bold=ParagraphStyle("cell_bold", parent=body, fontName=CONDENSED_BOLD,
                                 fontSize=base_size - 0.5, leading=(base_size - 0.5) * 1.2),
        heading=ParagraphStyle("heading", parent=body, fontName=SANS_BOLD, alignment=TA_CENTER,
                               fontSize=base_size, leading=base_size * 1.3),
        title=ParagraphStyle("title", parent=body, fontName=SANS_BOLD, alignment=TA_CENTER,
                             fontSize=base_size + 4, leading=(base_size + 4) * 1.3,
                             spaceBefore=8),
        subtitle=ParagraphStyle("subtitle", parent=body, alignment=TA_CENTER,
                                fontSize=base_size + 1, leading=(base_size + 1) * 1.3),
        section=ParagraphStyle("section", parent=body, fontName=SANS_BOLD,
                               fontSize=base_size + 1.5, leading=(base_size + 1.5) * 1.3,
                               spaceBefore=10, spaceAfter=4),
        cell_head=ParagraphStyle("cell_head", parent=body, fontName=CONDENSED_BOLD,
                                 alignment=TA_CENTER, fontSize=base_size - 0.5,
                                 leading=(base_size - 0.5) * 1.2),
        note=ParagraphStyle("note", parent=body, alignment=TA_CENTER, fontSize=base_size - 1.5,
                            leading=(base_size - 1.5) * 1.25, textColor=MUTED),
    )


class NumberedCanvas(Canvas):
    """Holds every page until the total is known, then stamps "стр. N из M" and a note."""

    def __init__(self, *args, lang: str = "ru", note: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self._lang, self._note = lang, note
        self._pages: list[dict] = []

    def showPage(self):  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._stamp(total)
            super().showPage()
        super().save()

    def _stamp(self, total: int) -> None:
        width, _ = self._pagesize
        self.saveState()
        self.setFont(CONDENSED, 7.5)
        self.setFillColor(MUTED)
        text = translate("report.page", self._lang, page=self._pageNumber, pages=total)
        self.drawRightString(width - 12 * mm, 8 * mm, text)
        if self._note:
            self.drawString(15 * mm, 8 * mm, self._note)
        self.restoreState()


class ReportDoc(BaseDocTemplate):
    """One frame per page filling the margins."""

    def __init__(self, filename: str, pagesize, margins: tuple[float, float, float, float],
                 title: str, author: str, lang: str):
        left, right, top, bottom = margins
        super().__init__(filename, pagesize=pagesize, leftMargin=left, rightMargin=right,
                         topMargin=top, bottomMargin=bottom, title=title, author=author,
                         creator=f"inspector-app {__version__}", lang=lang)
        frame = Frame(left, bottom, pagesize[0] - left - right, pagesize[1] - top - bottom,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
        self.addPageTemplates([PageTemplate("page", [frame])])

    @property
    def frame_width(self) -> float:
        return self.width


@private_files()
def build_pdf(out: str | Path, story_factory: Callable[[ReportDoc], list], *, pagesize,
              margins, title: str, author: str, lang: str, note: str = "",
              numbered: bool = True) -> int:
    """Build the PDF at ``out`` atomically; returns the number of pages.

    ``story_factory(doc)`` returns the flowables (it may read ``doc.frame_width``).
    """
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=".report-", suffix=".pdf", dir=out.parent)
    os.close(handle)
    try:
        doc = ReportDoc(temp, pagesize, margins, title, author, lang)
        story = story_factory(doc)
        maker = partial(NumberedCanvas, lang=lang, note=note) if numbered else Canvas
        doc.build(story, canvasmaker=maker)
        pages = doc.page
        os.replace(temp, out)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return pages


@lru_cache(maxsize=65536)
def _unit_width(word: str, font: str) -> float:
    """Width of ``word`` at size 1 (TrueType widths scale linearly; words repeat a lot)."""
    return stringWidth(word, font, 1.0)


def wrap_text(text: str, font: str, size: float, width: float, max_lines: int = 0,
              hang: float = 0.0) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` (long words are cut by letters,
    after a hyphen when there is one).

    With ``hang`` every line after the first is that much narrower (a hanging indent: the
    caller draws those lines ``hang`` further right). With ``max_lines`` the rest is dropped
    and the last line ends with "…".
    """
    space = _unit_width(" ", font)
    lines: list[str] = []

    def room() -> float:
        return width - (hang if lines else 0.0)

    for paragraph in str(text).replace("\r", "").split("\n"):
        words: list[str] = []
        used = 0.0
        for word in paragraph.split(" "):
            need = _unit_width(word, font)
            extra = need + (space if words else 0.0)
            if used + extra <= room() / size - 1e-6:
                words.append(word)
                used += extra
                continue
            if words:
                lines.append(" ".join(words))
            while need > room() / size - 1e-6:
                cut = _fitting_prefix(word, font, size, room())
                hyphen = word.rfind("-", 0, cut)
                cut = hyphen + 1 if hyphen > 0 else cut
                lines.append(word[:cut])
                word = word[cut:]
                need = _unit_width(word, font)
            words, used = [word], need
        lines.append(" ".join(words))
    if max_lines and len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and stringWidth(last + "…", font, size) > room():
            last = last[:-1]
        lines[-1] = last + "…"
    return lines


def _fitting_prefix(word: str, font: str, size: float, width: float) -> int:
    low, high = 1, len(word)
    while low < high:
        middle = (low + high + 1) // 2
        if stringWidth(word[:middle], font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return low


def longest_word(text: str, font: str, size: float) -> float:
    """The width of the widest word of ``text``: a heading cell narrower than it splits a word."""
    return max((_unit_width(word, font) for word in str(text).split()), default=0.0) * size


def heading_minimums(headings: list[str], font: str, size: float,
                     padding: float) -> list[float]:
    """Each column's least width: its heading's longest word and the paddings."""
    return [longest_word(text, font, size) + 2 * padding + 0.5 for text in headings]


def spread_widths(shares: list[float], total: float,
                  minimums: list[float] | None = None) -> list[float]:
    """Widths in proportion to ``shares`` filling ``total``, none below its minimum.

    A column that would fall below its minimum is given exactly that, and the others share
    what is left; when even the minimums do not fit, they are scaled down together.
    """
    minimums = minimums or [0.0] * len(shares)
    if sum(minimums) >= total:
        return [m * total / sum(minimums) for m in minimums]
    pinned: dict[int, float] = {}
    while True:
        free = [i for i in range(len(shares)) if i not in pinned]
        room = total - sum(pinned.values())
        weight = sum(shares[i] for i in free)
        widths = {i: room * shares[i] / weight if weight else room / len(free) for i in free}
        short = [i for i in free if widths[i] < minimums[i]]
        if not short:
            return [pinned.get(i, widths.get(i, 0.0)) for i in range(len(shares))]
        for i in short:
            pinned[i] = minimums[i]


def fit_widths(hints: list[float], total: float, unit: float, padding: float,
               keep: float = 14, minimums: list[float] | None = None) -> list[float]:
    """Column widths for ``hints`` (in characters of ``unit`` points) filling ``total``.

    Narrow columns (``keep`` characters or fewer: numbers, dates, ИИН, statuses) get exactly their
    hinted width so they stay on one line; the wider ones share the rest in proportion, none
    below its ``minimums`` entry (a heading's longest word, see :func:`heading_minimums`).
    """
    wanted = [h * unit + 2 * padding for h in hints]
    floors = [max(w, m) for w, m in zip(wanted, minimums or [0.0] * len(hints), strict=True)]
    fixed = sum(f for f, h in zip(floors, hints, strict=True) if h <= keep)
    flexible = [i for i, h in enumerate(hints) if h > keep]
    if not flexible or fixed >= total:
        return spread_widths(wanted, total, minimums)
    shares = spread_widths([wanted[i] for i in flexible], total - fixed,
                           [(minimums or [0.0] * len(hints))[i] for i in flexible])
    widths = list(floors)
    for i, width in zip(flexible, shares, strict=True):
        widths[i] = width
    return widths
