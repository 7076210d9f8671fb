"""How figures, dates, periods and names are written on paper (and in the CLI's table).

Numbers group thousands with a no-break space and use a decimal comma in Russian and Kazakh
(:mod:`inspector_app.domain.numbers`);
a change in % has a sign, and is "—" when last year's figure is 0 (no division by zero).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from inspector_app.domain.catalogues import Catalogues
from inspector_app.domain.numbers import decimal_mark, group_thousands
from inspector_app.messages import translate

DASH = "—"
ROMAN = ("I", "II", "III", "IV")



def format_number(value: int | float | Decimal | None, kind: str = "count",
                  lang: str = "ru") -> str:
    """A figure as printed: ``12 345``, ``4,2``, ``63,5`` (per ``kind`` of indicator)."""
    if value is None:
        return ""
    if kind in ("rating", "percent"):
        return decimal_mark(f"{float(value):.1f}", lang)
    if kind == "mrp":
        amount = Decimal(value).quantize(Decimal("0.01"))
        whole, _, cents = f"{amount:f}".partition(".")
        text = group_thousands(int(whole))
        return text if cents in ("", "00") else decimal_mark(f"{text}.{cents}", lang)
    return group_thousands(int(value))


def format_change(pct: float | None, lang: str = "ru") -> str:
    """``+12,5``, ``-100,0``, ``0,0``, or "—" when there is nothing to compare with."""
    if pct is None:
        return DASH
    sign = "+" if pct > 0 else ""
    return decimal_mark(f"{sign}{pct:.1f}", lang)


def format_date(day: date | None) -> str:
    return day.strftime("%d.%m.%Y") if day else ""


def month_name(month: int, lang: str) -> str:
    return translate("report.months", lang).split(",")[month - 1].strip()


def describe_period(start: date, end: date, lang: str) -> str:
    """"за ноябрь 2026 г.", "за III квартал 2026 г.", "за 2026 год", or the dates."""
    whole_months = start.day == 1 and (end + timedelta(days=1)).day == 1
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if whole_months and start.year == end.year:
        if months == 1:
            return translate("report.period.month", lang, month=month_name(start.month, lang),
                             year=start.year)
        if months == 3 and start.month % 3 == 1:
            return translate("report.period.quarter", lang, quarter=ROMAN[start.month // 3],
                             year=start.year)
        if months == 6 and start.month in (1, 7):
            return translate("report.period.half", lang, half=ROMAN[start.month // 7],
                             year=start.year)
        if months == 12:
            return translate("report.period.year", lang, year=start.year)
    if (start.month, start.day, end.month, end.day) == (9, 1, 11, 1) \
            and start.year == end.year:
        return translate("report.period.operation", lang, start=format_date(start),
                         end=format_date(end))
    return translate("report.period.range", lang, start=format_date(start),
                     end=format_date(end))


def short_name(full_name: str) -> str:
    """"Ержанов Асхат Серікұлы" -> "А. С. Ержанов" (for a signature)."""
    parts = full_name.split()
    if len(parts) < 2:
        return full_name
    initials = " ".join(f"{p[0]}." for p in parts[1:3])
    return f"{initials} {parts[0]}"


def region_police(catalogues: Catalogues, region: str, lang: str) -> str:
    """The regional police department's name for the point's profile's region, as the regions
    catalogue gives it in ``lang`` (e.g. "Департамент полиции Атырауской области"); a region
    the catalogue does not hold (typed by hand) is named in the message's pattern."""
    region = region.strip()
    if not region:
        return ""
    for item in catalogues.items("regions", include_inactive=True):
        if region == item.code or region in item.titles.values():
            name = item.extra.get(f"police_department_{lang}")
            if name:
                return name
            region = item.title(lang)
            break
    return translate("report.heading.region_police", lang, region=region)
