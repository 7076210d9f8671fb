"""The recovery sheet: one A4 page with the database's recovery key, for the point's safe."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from inspector_app.messages import translate
from inspector_app.paths import resource
from inspector_app.protection.private_files import private_files

FONT, FONT_BOLD = "DejaVuSans", "DejaVuSans-Bold"


def _register_fonts() -> None:
    registered = pdfmetrics.getRegisteredFontNames()
    for name, file in ((FONT, "DejaVuSans.ttf"), (FONT_BOLD, "DejaVuSans-Bold.ttf")):
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(resource("fonts", file))))


def _wrapped(canvas: Canvas, text: str, x: float, y: float, width: float, size: float,
             leading: float) -> float:
    """Draw ``text`` wrapped to ``width``; returns the y below it."""
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            trial = f"{line} {word}".strip()
            if pdfmetrics.stringWidth(trial, FONT, size) > width and line:
                canvas.drawString(x, y, line)
                y -= leading
                line = word
            else:
                line = trial
        canvas.drawString(x, y, line)
        y -= leading
    return y


@private_files()
def write_recovery_sheet(path: str | Path, recovery_key: str, *, point_code: str,
                         point_name: str, database_file: str, created_at: datetime,
                         lang: str = "ru") -> Path:
    """Write the sheet as a PDF at ``path`` (print it, then delete the file)."""
    _register_fonts()
    path = Path(path)
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setTitle(translate("sheet.title", lang))
    width, height = A4
    left, text_width = 25 * mm, width - 50 * mm
    y = height - 30 * mm
    canvas.setFont(FONT_BOLD, 17)
    canvas.drawString(left, y, translate("sheet.title", lang))
    y -= 12 * mm
    canvas.setFont(FONT, 11)
    for line in (translate("sheet.point", lang, code=point_code, name=point_name),
                 translate("sheet.file", lang, file=database_file),
                 translate("sheet.date", lang, date=created_at.strftime("%d.%m.%Y %H:%M"))):
        y = _wrapped(canvas, line, left, y, text_width, 11, 6 * mm)
    y -= 8 * mm
    canvas.setFont(FONT_BOLD, 12)
    canvas.drawString(left, y, translate("sheet.key_label", lang))
    y -= 14 * mm
    groups = recovery_key.split("-")
    canvas.setFont(FONT_BOLD, 22)
    for start in range(0, len(groups), 4):
        canvas.drawString(left + 5 * mm, y, "  -  ".join(groups[start:start + 4]))
        y -= 12 * mm
    canvas.rect(left, y + 4 * mm, text_width, (len(groups) + 3) // 4 * 12 * mm + 6 * mm)
    y -= 8 * mm
    canvas.setFont(FONT, 11)
    y = _wrapped(canvas, translate("sheet.instructions", lang), left, y, text_width, 11, 6 * mm)
    y -= 10 * mm
    canvas.drawString(left, y, translate("sheet.signature", lang))
    canvas.showPage()
    canvas.save()
    return path
