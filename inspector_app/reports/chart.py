"""The activity report's bar chart: records per month, one bar per register.

Every month of the period gets its group of bars, each bar its value above it; the value
axis ends at a round number above the highest bar, so no bar touches the top. Bars never
grow wider than :data:`MAX_BAR`: a one-month report shows four slim bars in the middle,
not one block across the page.
"""

from __future__ import annotations

import math

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from inspector_app.messages import translate
from inspector_app.queries.stats_series import SERIES, MonthlySeries
from inspector_app.reports.fonts import CONDENSED, SANS_BOLD, register_fonts
from inspector_app.reports.formatting import group_thousands, month_name

PALETTE = (colors.HexColor("#2f5d8a"), colors.HexColor("#5b9bd5"),
           colors.HexColor("#c0504d"), colors.HexColor("#9bbb59"), colors.HexColor("#8064a2"),
           colors.HexColor("#f79646"))
"""Bar colours in series order; a charted kind beyond six needs a colour here."""
COLOURS = PALETTE[:len(SERIES)]
MAX_LABELS = 18
FULL_NAMES = 6
"""Up to this many months the axis shows whole month names ("ноябрь"), else "ноя"."""
MAX_BAR = 18.0
"""The widest a bar may be, in points."""
LABELLED_BAR = 4.0
"""Bars narrower than this carry no value label (the labels would overlap)."""
UPRIGHT_BAR = 11.0
"""Bars narrower than this carry their value label turned upright."""
HEADROOM = 1.12
"""The value axis reaches at least this multiple of the highest bar (room for its label)."""
BAR_UNITS, BAR_GAP = 10, 1
"""A bar's and the gap between bars' widths in the chart's own units."""


def month_label(year: int, month: int, lang: str, with_year: bool, full: bool = False) -> str:
    name = month_name(month, lang) if full else month_name(month, lang)[:3]
    if not with_year:
        return name
    return f"{name} {year}" if full else f"{name} {year % 100:02d}"


def value_scale(peak: int) -> tuple[int, int]:
    """The value axis' top and step: a round number at least :data:`HEADROOM` × ``peak``."""
    if peak <= 0:
        return 5, 1
    target = peak * HEADROOM
    raw = target / 5
    magnitude = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    top = step * math.ceil(target / step)
    if top <= peak:
        top += step
    return int(top), int(step)


def group_spacing(months: int, plot_width: float) -> float:
    """The gap between months (chart units) that keeps bars at most :data:`MAX_BAR` wide."""
    bars = len(SERIES) * BAR_UNITS + (len(SERIES) - 1) * BAR_GAP
    natural = 4.0
    # plot_width = months * (bars + gap) * scale, and a bar is BAR_UNITS * scale wide
    needed = plot_width * BAR_UNITS / (MAX_BAR * max(months, 1)) - bars
    return max(natural, needed)


def bar_width(months: int, plot_width: float) -> float:
    """How wide each bar is drawn, in points."""
    bars = len(SERIES) * BAR_UNITS + (len(SERIES) - 1) * BAR_GAP
    units = max(months, 1) * (bars + group_spacing(months, plot_width))
    return plot_width * BAR_UNITS / units


def activity_chart(series: MonthlySeries, width: float, lang: str,
                   height: float = 190) -> Drawing:
    """A grouped bar chart of ``series`` (values on the bars, DejaVu labels, legend below)."""
    register_fonts()  # it names the DejaVu faces, also when drawn outside a report
    drawing = Drawing(width, height)
    drawing.add(String(0, height - 10, translate("report.chart.title", lang),
                       fontName=SANS_BOLD, fontSize=9))
    chart = VerticalBarChart()
    chart.x, chart.y = 30, 58
    chart.width, chart.height = width - 40, height - 80
    chart.data = [list(series.values[name]) or [0] for name, *_ in SERIES]
    months = len(series.months)
    many_years = len({y for y, _ in series.months}) > 1
    full = months <= FULL_NAMES
    step = max(1, -(-months // MAX_LABELS))
    chart.categoryAxis.categoryNames = [
        month_label(y, m, lang, many_years or months == 1, full) if i % step == 0 else ""
        for i, (y, m) in enumerate(series.months)] or [""]
    chart.categoryAxis.labels.fontName = CONDENSED
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "n"
    peak = max((max(v) for v in chart.data if v), default=0)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax, chart.valueAxis.valueStep = value_scale(peak)
    chart.valueAxis.labelTextFormat = lambda value: group_thousands(int(value))
    chart.valueAxis.labels.fontName = CONDENSED
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.gridStrokeColor = colors.HexColor("#d9d9d9")
    chart.valueAxis.visibleGrid = True
    chart.barWidth, chart.barSpacing = BAR_UNITS, BAR_GAP
    chart.groupSpacing = group_spacing(months, chart.width)
    drawn = bar_width(months, chart.width)
    if drawn >= LABELLED_BAR:
        upright = drawn < UPRIGHT_BAR
        # an upright "0" on every empty month would drown the figures that matter
        chart.barLabelFormat = (lambda value: group_thousands(int(value))
                                if value or not upright else "")
        chart.barLabels.fontName = CONDENSED
        chart.barLabels.fontSize = 5.5 if upright else 6.5
        chart.barLabels.nudge = 2
        chart.barLabels.boxAnchor = "w" if upright else "s"
        chart.barLabels.angle = 90 if upright else 0
    for i, colour in enumerate(COLOURS):
        chart.bars[i].fillColor = colour
        chart.bars[i].strokeColor = None
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = 30, 24
    legend.fontName, legend.fontSize = CONDENSED, 7.5
    legend.alignment = "right"
    legend.columnMaximum = 2
    legend.deltax = 8
    legend.deltay = 10
    legend.subCols.minWidth = (width - 60) / 2 - 20
    legend.dx = legend.dy = 7
    legend.colorNamePairs = [(colour, translate(f"report.chart.{name}", lang))
                             for colour, (name, *_) in zip(COLOURS, SERIES, strict=True)]
    drawing.add(legend)
    return drawing
