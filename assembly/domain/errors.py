"""Errors the product shows to its users.

Every message is already in the user's language and says what is wrong and where; the screens
and the command line show it as it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from assembly.i18n import tr


class DomainError(Exception):
    """A refusal with a message for the user. Nothing was changed."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Problem:
    """One problem in a piece of input: where it is and what is wrong.

    ``row`` is the 1-based row of a file (None for a form), ``column`` the field or column
    name as the user sees it. A warning is shown but does not block.
    """

    message: str
    column: str = ""
    row: int | None = None
    warning: bool = False

    def located(self) -> str:
        """The message with its place in front, as a line for a list or a terminal."""
        place = []
        if self.row is not None:
            place.append(tr("baris {row}", row=self.row))
        if self.column:
            place.append(tr("kolom {column}", column=self.column))
        prefix = ", ".join(place)
        return f"{prefix}: {self.message}" if prefix else self.message


class ValidationError(DomainError):
    """Input with one or more blocking problems; ``problems`` lists each with its place."""

    def __init__(self, problems: list[Problem], message: str | None = None) -> None:
        self.problems = list(problems)
        super().__init__(message or "\n".join(p.located() for p in self.problems))


class StorageError(DomainError):
    """A database file that cannot be used as it is: foreign, damaged, newer, or busy."""
