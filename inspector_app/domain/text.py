"""Text normalisation for search and sorting of Cyrillic and Kazakh.

SQLite's LIKE and lower() fold only ASCII, so every searchable record keeps a normalised copy
of its text, indexed by FTS5; queries are normalised the same way. Normalising casefolds, turns
ё into е and folds each Kazakh letter into the Russian one typed in its place on a Russian
keyboard (ә→а, ғ→г, қ→к, ң→н, ө→о, ұ→у, ү→у, һ→х, і→и), so «жумабеков» finds «Жұмабеков» and
the reverse. FTS5's ``remove_diacritics`` cannot do it: it strips marks from Latin letters
only, and the Kazakh letters are letters of their own, not е or и with a mark. Records keep
their text as typed; only the search copy is folded. Sorting keeps the Kazakh alphabet
(:func:`collation_key`: Ә after А, not equal to it).
"""

from __future__ import annotations

import sqlite3
import threading

TOKENIZER = "unicode61 remove_diacritics 2"
"""The search tables' tokenizer (migrations 0001, 0005 and 0006 name it in frozen SQL)."""
_ALPHABET = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
_ORDER = {ch: i for i, ch in enumerate(_ALPHABET)}


KAZAKH_FOLDS = {"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х",
                "і": "и"}
"""Each Kazakh letter and the Russian letter typed for it (migration 0008 keeps a frozen copy)."""
_KAZAKH_TABLE = str.maketrans(KAZAKH_FOLDS)


def _lower(text: str | None) -> str:
    """Casefold and fold ё into е: the letters sorting tells apart."""
    if not text:
        return ""
    return text.casefold().replace("ё", "е")


def normalize(text: str | None) -> str:
    """Text as search compares it: ``normalize("Ёлкин Жұмабеков") == "елкин жумабеков"``."""
    return _lower(text).translate(_KAZAKH_TABLE)


def search_text(*parts: object) -> str:
    """One normalised string from the searchable parts of a record (None parts skipped)."""
    return normalize(" ".join(str(p) for p in parts if p not in (None, "")))


def fts_query(text: str) -> str | None:
    """An FTS5 MATCH expression: every word of ``text`` as a quoted prefix, all required.

    Digits inside a phone number typed with separators still match: "701 123" finds
    "+7 701 123 45 67". Returns None when the text holds no word at all.
    """
    words = search_words(text)
    if not words:
        return None
    return " AND ".join(f'"{w}"*' for w in dict.fromkeys(words))


def search_words(text: str | None) -> list[str]:
    """The words of ``text`` as the search tables hold them, in order: normalised, then cut
    and folded by FTS5's own tokenizer (``"Ким_Ли-2"`` is three words: ким, ли, 2).

    The search tables keep no positions (migration 0006), so a query word the tables would
    cut in two would be a phrase, which they cannot answer. Cutting queries with the very
    tokenizer that cut the records (Python's idea of a letter differs from SQLite's in
    places) keeps every query word one term, and a record is always found by its own text.
    """
    return _Cutter.here().words(normalize(text))


class _Cutter:
    """An in-memory FTS5 table with the search tables' tokenizer, one per thread."""

    _local = threading.local()

    def __init__(self):
        self.db = sqlite3.connect(":memory:")
        self.db.execute(f"CREATE VIRTUAL TABLE cut USING fts5(t, tokenize='{TOKENIZER}')")
        self.db.execute("CREATE VIRTUAL TABLE cut_terms USING fts5vocab(cut, 'instance')")
        self.row = 0

    @classmethod
    def here(cls) -> _Cutter:
        cutter = getattr(cls._local, "cutter", None)
        if cutter is None:
            cutter = cls._local.cutter = cls()
        return cutter

    def words(self, text: str) -> list[str]:
        if not text:
            return []
        self.row += 1
        with self.db:
            self.db.execute("INSERT INTO cut(rowid, t) VALUES (?, ?)", (self.row, text))
            words = [term for (term,) in self.db.execute(
                "SELECT term FROM cut_terms WHERE doc = ? ORDER BY offset", (self.row,))]
            self.db.execute("DELETE FROM cut WHERE rowid = ?", (self.row,))
        return words


def collation_key(text: str | None) -> tuple:
    """Sort key that puts Kazakh letters where Kazakh readers expect them (Ә after А...)."""
    folded = _lower(text)
    return tuple(_ORDER.get(ch, 1000 + ord(ch)) for ch in folded)


class _HexDigits(dict):
    """``str.translate``'s table: a character's :func:`collation_key` value plus ``shift`` as
    three hex digits (at most ``fff``), remembered for the first code points only."""

    def __init__(self, shift: int):
        super().__init__()
        self.shift = shift

    def __missing__(self, code: int) -> str:
        digits = f"{min(_ORDER.get(chr(code), 1000 + code) + self.shift, 4095):03x}"
        if code < 0x3000:  # the scripts people's names are written in; the rest on the fly
            self[code] = digits
        return digits


_HEX_TABLES = {0: _HexDigits(0), 1: _HexDigits(1)}


def collation_hex(text: str | None, shift: int = 0) -> str:
    """:func:`collation_key` as ASCII text that sorts the same way: three hex digits a
    character, each value plus ``shift`` (0 or 1) and capped at ``fff``."""
    return _lower(text).translate(_HEX_TABLES[shift])
