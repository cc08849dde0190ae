"""Dates as news states them, normalised to ISO 8601 against the publication date.

:func:`normalise` turns the text of a date expression ("on Monday", "last month",
"in late June", "in 2016", "July 13, 2018", "two years ago") into an ISO 8601
value of the granularity the text gives: a day ``2018-07-16``, a month
``2018-06``, a year ``2016``, a week ``2018-W28``, a decade ``201X`` is not
attempted.  Expressions relative to the time of writing need the document's
publication date; without one they give ``None``.  Past readings are preferred,
as news reports what happened ("on Monday" is the Monday before publication;
"in June" the last June, this year's if publication is in or after June).

Measured against ``dateparser`` (a well-kept parser of many languages): it
misses "in late June", "earlier this year", "the fall of 2016" and "mid-2016",
returns a full date for "in 2016", and costs about a millisecond per call;
these rules cover the forms news uses, with their granularity, in microseconds.

>>> normalise("on Monday", published="2018-07-18")
'2018-07-16'
>>> normalise("in late June", published="2018-07-18")
'2018-06'
>>> normalise("last month", published="2018-07-18")
'2018-06'
>>> normalise("in 2016", published=None), normalise("July 13, 2018", published=None)
('2016', '2018-07-13')
>>> normalise("last week", published="2018-07-18"), normalise("yesterday", published="2018-07-18")
('2018-W28', '2018-07-17')
>>> normalise("the past two years", published="2018-07-18") is None
True
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

__all__ = ["MONTH_NAMES", "WEEKDAY_NAMES", "normalise", "parse_published"]

#: each month's and weekday's names, its full name first
_MONTH_FORMS: Final = (
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sep", "sept"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)
_WEEKDAY_FORMS: Final = (
    ("monday", "mon"),
    ("tuesday", "tue", "tues"),
    ("wednesday", "wed"),
    ("thursday", "thu", "thurs"),
    ("friday", "fri"),
    ("saturday", "sat"),
    ("sunday", "sun"),
)
_MONTHS: Final = {
    name: number for number, names in enumerate(_MONTH_FORMS, start=1) for name in names
}
_WEEKDAYS: Final = {name: number for number, names in enumerate(_WEEKDAY_FORMS) for name in names}
#: the full names of the months and weekdays ("march", "sunday"), for the stages that must
#: tell a date's words from a name's
MONTH_NAMES: Final = frozenset(names[0] for names in _MONTH_FORMS)
WEEKDAY_NAMES: Final = frozenset(names[0] for names in _WEEKDAY_FORMS)
_NUMBERS: Final = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "several": 0,
    "few": 0,
    "couple": 0,
}
#: words around a date that do not change its value at its granularity
_FILLER: Final = re.compile(
    r"\b(?:on|in|at|of|the|during|since|by|until|till|from|around|about|circa|as|"
    r"late|early|mid|middle|end|beginning|start|spring|summer|fall|autumn|winter|"
    r"morning|afternoon|evening|night|tonight|overnight|day)\b|[,.]"
)
_ISO_DATE: Final = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_YEAR: Final = re.compile(r"^(?:19|20)\d\d$")
_ORDINAL: Final = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$")


def parse_published(published: str | None) -> dt.date | None:
    """The date of a publication timestamp (``2018-07-18``, ``2018-07-18T10:00:00Z``).

    >>> parse_published("2018-07-18T10:00:00Z"), parse_published("last Tuesday")
    (datetime.date(2018, 7, 18), None)
    """
    if not published:
        return None
    match = _ISO_DATE.match(published.strip())
    if match is None:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def normalise(text: str, *, published: str | dt.date | None) -> str | None:
    """The ISO 8601 value of a date expression, or ``None`` when it cannot be fixed."""
    base = published if isinstance(published, dt.date) else parse_published(published)
    words = _FILLER.sub(" ", text.lower().replace("-", " ")).split()
    if not words:
        return None
    return _relative(words, base) or _absolute(words, base)


def _relative(words: list[str], base: dt.date | None) -> str | None:
    """ "yesterday", "last week", "this year", "earlier this month", "two years ago",
    "on Monday", "last Friday"."""
    if base is None:
        return None
    words = [w for w in words if w not in ("earlier", "later", "past", "previous")] or words
    joined = " ".join(words)
    simple = {
        "today": base.isoformat(),
        "yesterday": (base - dt.timedelta(days=1)).isoformat(),
        "this week": _week(base),
        "last week": _week(base - dt.timedelta(days=7)),
        "this month": f"{base.year:04d}-{base.month:02d}",
        "last month": _month(base.year, base.month - 1),
        "this year": f"{base.year:04d}",
        "last year": f"{base.year - 1:04d}",
    }
    if joined in simple:
        return simple[joined]
    if len(words) in (1, 2) and words[-1] in _WEEKDAYS and words[:1] in ([words[-1]], ["last"]):
        back = (base.weekday() - _WEEKDAYS[words[-1]]) % 7 or (7 if words[0] == "last" else 0)
        return (base - dt.timedelta(days=back)).isoformat()
    if len(words) == 3 and words[2] == "ago" and words[0] in _NUMBERS | {"1": 1}:
        return _ago(_NUMBERS.get(words[0], 1), words[1], base)
    if len(words) == 3 and words[2] == "ago" and words[0].isdigit():
        return _ago(int(words[0]), words[1], base)
    return None


def _ago(n: int, unit: str, base: dt.date) -> str | None:
    if n <= 0:
        return None
    unit = unit.rstrip("s")
    if unit == "day":
        return (base - dt.timedelta(days=n)).isoformat()
    if unit == "week":
        return _week(base - dt.timedelta(days=7 * n))
    if unit == "month":
        return _month(base.year, base.month - n)
    if unit == "year":
        return f"{base.year - n:04d}"
    return None


def _absolute(words: list[str], base: dt.date | None) -> str | None:
    """ "2016", "June", "June 2016", "July 13", "13 July 2018", "July 13, 2018"."""
    months = [w for w in words if w in _MONTHS]
    years = [w for w in words if _YEAR.match(w)]
    days = [int(m[1]) for w in words if (m := _ORDINAL.match(w)) and not _YEAR.match(w)]
    others = [w for w in words if w not in _MONTHS and not _YEAR.match(w) and not _ORDINAL.match(w)]
    if others or len(months) > 1 or len(years) > 1 or len(days) > 1:
        return None
    year = int(years[0]) if years else None
    if not months:
        return f"{year:04d}" if year is not None and not days else None
    month = _MONTHS[months[0]]
    if year is None:
        if base is None:
            return None
        # the last such month: this year's, unless it lies after publication
        after = (month, days[0] if days else 0) > (base.month, base.day)
        year = base.year - 1 if after else base.year
    if not days:
        return f"{year:04d}-{month:02d}"
    try:
        return dt.date(year, month, days[0]).isoformat()
    except ValueError:
        return None


def _month(year: int, month: int) -> str:
    while month < 1:
        year, month = year - 1, month + 12
    return f"{year:04d}-{month:02d}"


def _week(day: dt.date) -> str:
    iso = day.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"
