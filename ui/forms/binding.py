"""A form field's binding to the service's data, and the errors only a form sees."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from inspector_app.errors import FieldError
from ui.forms.fields import ErrorLabel


@dataclass(frozen=True)
class LocalFieldError(FieldError):
    """A problem only the form sees, with its text already translated by the form."""

    text: str = ""

    def message(self, lang: str = "ru") -> str:
        return self.text


@dataclass(eq=False)
class Binding:
    """One field of a form: its editor, error label, and how it reads and writes values."""

    name: str
    widget: QWidget
    container: QWidget
    label: QLabel | None
    error: ErrorLabel
    read: Callable[[], dict[str, Any]]
    write: Callable[[dict[str, Any]], None]
    aliases: tuple[str, ...] = field(default_factory=tuple)
    column: int = 0
    caption: str = ""  # the label's text with its mnemonic, without the required mark

    def covers(self, field_name: str) -> bool:
        return field_name == self.name or field_name in self.aliases

