"""Exceptions raised by ecograph.

Every exception subclasses :class:`EcographError` and the built-in exception
that matches it, so ``except ValueError`` keeps working for callers who do not
know about ecograph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .words import word

__all__ = [
    "EcographError",
    "EngineError",
    "GraphError",
    "MissingAttributeError",
    "OutputError",
    "Problem",
    "SchemaError",
    "UnknownActorError",
    "printable",
]

# Characters never shown raw in a message: C0 and C1 controls (terminal escape
# sequences start with ESC or CSI), DEL, lone surrogates (they cannot be written
# as UTF-8), non-characters, and the bidirectional overrides that reorder text.
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u202a-\u202e\u2066-\u2069]")
_SHOWN_CHARS = 200


def printable(text: str, *, limit: int | None = None) -> str:
    r"""``text`` safe to show on a terminal or write to a file: control characters escaped.

    Newlines and tabs stay; every other control character, lone surrogate and
    bidirectional override is written as a ``\xNN``/``\uNNNN`` escape, so
    that text from data can never move the cursor, change colours or hide
    what follows. With ``limit``, text longer than ``limit`` characters is cut
    with an ellipsis saying how long it was.

    Examples
    --------
    >>> printable("Caf\u00e9 \x1b[31mred\x1b[0m")
    'Café \\x1b[31mred\\x1b[0m'
    >>> printable("x" * 300, limit=10)
    'xxxxxxxxxx… (300 characters)'
    """
    text = str(text)
    if limit is not None and len(text) > limit:
        text = f"{text[:limit]}… ({len(text):,} characters)"
    return _UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text)


class EcographError(Exception):
    """Base class of every error raised by ecograph.

    Examples
    --------
    >>> issubclass(SchemaError, EcographError) and issubclass(GraphError, EcographError)
    True
    """


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

    Examples
    --------
    >>> print(Problem("ties", "ties.csv", 3, "type", "partenership", "unknown type", "Did you mean 'partnership'?"))
    ties.csv, row 3, column 'type': unknown type (value: 'partenership'). Did you mean 'partnership'?
    """

    table: str
    file: str
    row: int | None
    column: str | None
    value: str | None
    message: str
    hint: str = ""

    def __str__(self) -> str:
        return self.text("en")

    def text(self, lang: str = "en") -> str:
        """The problem in one line: where it is (file, row, column) and the value in ``lang``'s words, then what is wrong.

        The message and the hint are written in English by the validation.

        >>> print(Problem("ties", "ties.csv", 3, "type", "x", "unknown type").text("fr"))
        ties.csv, ligne 3, colonne 'type' : unknown type (valeur : 'x')
        """
        # every part may come from data: long values are cut, control characters escaped
        where = printable(self.file)
        if self.row is not None:
            where += word("report.problem_row", lang, row=self.row)
        if self.column is not None:
            where += word("report.problem_column", lang, column=printable(repr(self.column), limit=_SHOWN_CHARS))
        text = word("report.problem", lang, where=where, message=printable(self.message))
        if self.value not in (None, ""):
            long = isinstance(self.value, str) and len(self.value) > _SHOWN_CHARS
            value = printable(repr(f"{self.value[:_SHOWN_CHARS]}…" if long else self.value))
            text += (
                word("report.problem_long_value", lang, value=value, n=len(self.value))
                if long
                else word("report.problem_value", lang, value=value)
            )
        if self.hint:
            text += f". {printable(self.hint, limit=_SHOWN_CHARS * 2)}"
        return text


class SchemaError(EcographError, ValueError):
    """A dataset does not follow the schema.

    The error lists every problem found, not only the first one.

    Attributes
    ----------
    problems : list of Problem
        Every problem, in file then row order.

    Examples
    --------
    >>> error = SchemaError([Problem("actors", "actors.csv", 2, "source", None, "this column must be filled in")])
    >>> isinstance(error, ValueError), len(error.problems)
    (True, 1)
    """

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        n = len(self.problems)
        head = f"{n} problem{'s' if n != 1 else ''} found in the dataset:"
        lines = [head] + [f"  - {p}" for p in self.problems]
        super().__init__("\n".join(lines))


class OutputError(EcographError, OSError):
    """ecograph may not write where it was asked to (see :mod:`ecograph.outputs`).

    The folder holds files ecograph did not write, the file exists, the place
    is not writable, or the output would replace the input.

    Examples
    --------
    >>> error = OutputError("out.xlsx already exists")
    >>> isinstance(error, OSError), str(error)
    (True, 'out.xlsx already exists')
    """


class GraphError(EcographError, ValueError):
    """A graph cannot be analysed as asked (empty, directed, multi-graph...).

    Examples
    --------
    >>> import networkx as nx, ecograph as eg
    >>> try:
    ...     eg.density(nx.DiGraph([(0, 1)]))
    ... except GraphError as exc:
    ...     print(type(exc).__name__)
    GraphError
    """


class EngineError(EcographError, ImportError):
    """The engine asked for cannot run here (its optional package is not installed); the message names the extra to install.

    Examples
    --------
    >>> issubclass(EngineError, ImportError)
    True
    """


class MissingAttributeError(GraphError, KeyError):
    """A grouping attribute that a measure needs is missing (for group measures: no node carries it).

    Examples
    --------
    >>> import networkx as nx, ecograph as eg
    >>> try:
    ...     eg.ei_index(nx.path_graph(2), "sphere")
    ... except MissingAttributeError as exc:
    ...     print(exc)
    no node has a 'sphere' attribute (2 nodes, e.g. 0, 1); set it, e.g. nx.set_node_attributes(G, value, 'sphere'), or pick another attribute (nodes without a value count as unknown)
    """

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class UnknownActorError(GraphError, KeyError):
    """An actor id given by the caller is not in the graph.

    Examples
    --------
    >>> import ecograph as eg
    >>> try:
    ...     eg.view_ego(eg.datasets.tiny().graph(), "ghost")
    ... except UnknownActorError as exc:
    ...     print(exc)
    actor 'ghost' is not in the graph
    """

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""
