"""Text normalisation for search and sorting of Cyrillic and Kazakh.

SQLite's LIKE and lower() fold only ASCII, so every searchable record keeps a normalised copy
of its text (``casefold`` and ё→е), indexed by FTS5; queries are normalised the same way.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+", re.UNICODE)
_ALPHABET = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
_ORDER = {ch: i for i, ch in enumerate(_ALPHABET)}


def normalize(text: str | None) -> str:
    """Casefold and fold ё into е: ``normalize("Ёлкин") == "елкин"``."""
    if not text:
        return ""
    return text.casefold().replace("ё", "е")


def search_text(*parts: object) -> str:
    """One normalised string from the searchable parts of a record (None parts skipped)."""
    return normalize(" ".join(str(p) for p in parts if p not in (None, "")))


def fts_query(text: str) -> str | None:
    """An FTS5 MATCH expression: every word of ``text`` as a quoted prefix, all required.

    Digits inside a phone number typed with separators still match: "701 123" finds
    "+7 701 123 45 67". Returns None when the text holds no word at all.
    """
    words = _WORD.findall(normalize(text))
    if not words:
        return None
    return " AND ".join(f'"{w}"*' for w in words)


def collation_key(text: str | None) -> tuple:
    """Sort key that puts Kazakh letters where Kazakh readers expect them (Ә after А...)."""
    folded = normalize(text)
    return tuple(_ORDER.get(ch, 1000 + ord(ch)) for ch in folded)
