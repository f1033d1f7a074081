"""Years, months and dates as they appear in the tables.

A "when" value is a year (``2016``), a month (``2016-03``) or an ISO date
(``2016-03-01``). It stands for a period: :func:`period` gives its first and
last day, so ``2016`` covers the whole year.

Examples
--------
>>> period("2016")
(datetime.date(2016, 1, 1), datetime.date(2016, 12, 31))
>>> period("2016-02")
(datetime.date(2016, 2, 1), datetime.date(2016, 2, 29))
>>> year_of("2017-09-30")
2017
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re

__all__ = ["WHEN_PATTERN", "parse_when", "period", "year_of"]

WHEN_PATTERN = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_FRENCH_DATE = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")


def parse_when(text: str) -> str:
    """Normalise a year, month or date to ISO text; raise ValueError with a hint.

    >>> parse_when("2016-3-1")
    '2016-03-01'
    >>> parse_when("01/03/2016")
    Traceback (most recent call last):
    ...
    ValueError: write dates as ISO dates, year first: 2016-03-01
    """
    text = text.strip()
    m = WHEN_PATTERN.match(text)
    if not m:
        fr = _FRENCH_DATE.match(text)
        if fr:
            d, mo, y = (int(g) for g in fr.groups())
            raise ValueError(f"write dates as ISO dates, year first: {y:04d}-{mo:02d}-{d:02d}")
        if re.match(r"^\d{4}\.0$", text):
            raise ValueError(f"write the year without decimals: {text[:4]}")
        raise ValueError("write a year (2016), a month (2016-03) or a date (2016-03-01)")
    year, month, day = m.groups()
    y = int(year)
    if not 1000 <= y <= 2999:
        raise ValueError("the year must have four digits, between 1000 and 2999")
    if month is None:
        return f"{y:04d}"
    mo = int(month)
    if not 1 <= mo <= 12:
        raise ValueError("the month must be between 01 and 12")
    if day is None:
        return f"{y:04d}-{mo:02d}"
    try:
        _dt.date(y, mo, int(day))
    except ValueError:
        raise ValueError("this date does not exist") from None
    return f"{y:04d}-{mo:02d}-{int(day):02d}"


def period(text: str) -> tuple[_dt.date, _dt.date]:
    """First and last day covered by a normalised year, month or date.

    Examples
    --------
    >>> period("2016-03-01")
    (datetime.date(2016, 3, 1), datetime.date(2016, 3, 1))
    """
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return _dt.date(parts[0], 1, 1), _dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return _dt.date(parts[0], parts[1], 1), _dt.date(parts[0], parts[1], last)
    day = _dt.date(*parts)
    return day, day


def year_of(text: str) -> int:
    """The year of a normalised year, month or date.

    Examples
    --------
    >>> year_of("2016-03")
    2016
    """
    return int(text[:4])
