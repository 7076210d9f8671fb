"""The core's message catalogue: Russian first, Kazakh and English too.

Messages live in ``resources/messages/core.json`` as ``code -> {ru, kk, en}``; parameters are
filled with :py:meth:`str.format`, quantities written for the language first (``12 345``,
``1,5``; see :func:`inspector_app.domain.numbers.message_params`: years and numbers that name
something stay as they are). Field labels use codes ``field.<record>.<field>``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from typing import Any

from inspector_app.domain.numbers import NBSP, decimal_mark, message_params
from inspector_app.paths import resource

LANGUAGES = ("ru", "kk", "en")
DEFAULT_LANGUAGE = "ru"


@cache
def _catalogue() -> dict[str, dict[str, str]]:
    with open(resource("messages", "core.json"), encoding="utf-8") as f:
        return json.load(f)


def has_message(code: str) -> bool:
    return code in _catalogue()


def in_language(texts: Mapping[str, str], lang: str = DEFAULT_LANGUAGE) -> str:
    """A text given in several languages (``{"ru": ..., "kk": ...}``, as catalogue data
    words documents): ``lang``'s, else the Russian one, else ""."""
    return texts.get(lang) or texts.get(DEFAULT_LANGUAGE) or ""


def translate(code: str, lang: str = DEFAULT_LANGUAGE, /, **params: Any) -> str:
    """The text for ``code`` in ``lang`` (falling back to Russian, then the code itself)."""
    entry = _catalogue().get(code)
    if entry is None:
        return code
    text = in_language(entry, lang) or code
    try:
        return text.format(**message_params(params, lang))
    except (KeyError, IndexError, ValueError):
        return text


def field_label(record: str, field: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The human name of a field, e.g. ``field_label("person", "iin") == "ИИН"``."""
    for code in (f"field.{record}.{field}", f"field.any.{field}"):
        if has_message(code):
            return translate(code, lang)
    return field


def format_size(size: int, lang: str = "ru") -> str:
    """``1,5 МБ`` / ``1.5 MB``: megabytes with one decimal (a decimal comma in ru and kk)."""
    text = decimal_mark(f"{max(size, 0) / 2**20:,.1f}".replace(",", NBSP), lang)
    return translate("error.fault.megabytes", lang, value=text)
