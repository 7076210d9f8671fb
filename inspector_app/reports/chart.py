"""The activity report's bar chart: records per month, one bar per register."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from inspector_app.messages import translate
from inspector_app.reports.fonts import CONDENSED, SANS_BOLD
from inspector_app.reports.formatting import month_name
from inspector_app.stats_series import SERIES, MonthlySeries

COLOURS = (colors.HexColor("#2f5d8a"), colors.HexColor("#5b9bd5"),
           colors.HexColor("#c0504d"), colors.HexColor("#9bbb59"))
MAX_LABELS = 18


def month_label(year: int, month: int, lang: str, with_year: bool) -> str:
    name = month_name(month, lang)[:3]
    return f"{name} {year % 100:02d}" if with_year else name


def activity_chart(series: MonthlySeries, width: float, lang: str,
                   height: float = 190) -> Drawing:
    """A grouped bar chart of ``series`` (valueMin 0, DejaVu labels, legend below)."""
    drawing = Drawing(width, height)
    drawing.add(String(0, height - 10, translate("report.chart.title", lang),
                       fontName=SANS_BOLD, fontSize=9))
    chart = VerticalBarChart()
    chart.x, chart.y = 30, 58
    chart.width, chart.height = width - 40, height - 80
    chart.data = [list(series.values[name]) or [0] for name, *_ in SERIES]
    many_years = len({y for y, _ in series.months}) > 1
    step = max(1, -(-len(series.months) // MAX_LABELS))
    chart.categoryAxis.categoryNames = [
        month_label(y, m, lang, many_years) if i % step == 0 else ""
        for i, (y, m) in enumerate(series.months)] or [""]
    chart.categoryAxis.labels.fontName = CONDENSED
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.valueAxis.valueMin = 0
    peak = max((max(v) for v in chart.data if v), default=0)
    if peak < 5:
        chart.valueAxis.valueMax = 5
        chart.valueAxis.valueStep = 1
    chart.valueAxis.labels.fontName = CONDENSED
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.gridStrokeColor = colors.HexColor("#d9d9d9")
    chart.valueAxis.visibleGrid = True
    chart.barSpacing = 0.5
    chart.groupSpacing = 4
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
