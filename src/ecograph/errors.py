"""Exceptions raised by ecograph.

Every exception subclasses :class:`EcographError` and the built-in exception
that matches it, so ``except ValueError`` keeps working for callers who do not
know about ecograph.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "EcographError",
    "GraphError",
    "MissingAttributeError",
    "Problem",
    "SchemaError",
    "UnknownActorError",
]


class EcographError(Exception):
    """Base class of every error raised by ecograph."""


@dataclass(frozen=True)
class Problem:
    """One problem found while validating a dataset.

    Attributes
    ----------
    table : str
        Name of the table (``actors``, ``ties``...).
    file : str
        File the table was read from (a CSV file, or ``workbook.xlsx[sheet]``).
    row : int or None
        Row number as a spreadsheet shows it (the header is row 1, so the first
        data row is row 2); ``None`` for a problem with the whole table.
    column : str or None
        Column concerned, if any.
    value : str or None
        The offending value, as read.
    message : str
        What is wrong.
    hint : str
        How to fix it.
    """

    table: str
    file: str
    row: int | None
    column: str | None
    value: str | None
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column is not None:
            where += f", column '{self.column}'"
        text = f"{where}: {self.message}"
        if self.value not in (None, ""):
            text += f" (value: {self.value!r})"
        if self.hint:
            text += f". {self.hint}"
        return text


class SchemaError(EcographError, ValueError):
    """A dataset does not follow the schema.

    The error lists every problem found, not only the first one.

    Attributes
    ----------
    problems : list of Problem
        Every problem, in file then row order.
    """

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        n = len(self.problems)
        head = f"{n} problem{'s' if n != 1 else ''} found in the dataset:"
        lines = [head] + [f"  - {p}" for p in self.problems]
        super().__init__("\n".join(lines))


class GraphError(EcographError, ValueError):
    """A graph cannot be analysed as asked (empty, directed, multi-graph...)."""


class MissingAttributeError(GraphError, KeyError):
    """Some nodes lack the grouping attribute a measure needs."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class UnknownActorError(GraphError, KeyError):
    """An actor id given by the caller is not in the graph."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""
