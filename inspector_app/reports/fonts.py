"""The bundled DejaVu faces, registered with reportlab once per process.

The 14 standard PDF fonts have no Cyrillic; DejaVu Sans covers Russian, the Kazakh letters
(Ә Ғ Қ Ң Ө Ұ Ү Һ І) and ₸, and ``pdftotext``/pypdf extract its text exactly.
"""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from inspector_app.paths import resource

SANS = "DejaVuSans"
SANS_BOLD = "DejaVuSans-Bold"
CONDENSED = "DejaVuSansCondensed"
CONDENSED_BOLD = "DejaVuSansCondensed-Bold"

_FACES = (SANS, SANS_BOLD, CONDENSED, CONDENSED_BOLD)
_lock = threading.Lock()


def register_fonts() -> None:
    """Register every face (idempotent, thread-safe); ``<b>`` in paragraphs maps to bold."""
    with _lock:
        registered = set(pdfmetrics.getRegisteredFontNames())
        for face in _FACES:
            if face not in registered:
                pdfmetrics.registerFont(TTFont(face, str(resource("fonts", f"{face}.ttf"))))
        for regular, bold in ((SANS, SANS_BOLD), (CONDENSED, CONDENSED_BOLD)):
            addMapping(regular, 0, 0, regular)
            addMapping(regular, 1, 0, bold)
            addMapping(regular, 0, 1, regular)
            addMapping(regular, 1, 1, bold)
