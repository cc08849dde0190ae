"""Date expressions normalised to ISO 8601 against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kgraph.timex import normalise, parse_published

PUBLISHED = "2018-07-18"  # a Wednesday

CASES = [
    # (text, ISO value)
    ("on Monday", "2018-07-16"),
    ("Monday", "2018-07-16"),
    ("Wednesday", "2018-07-18"),
    ("last Wednesday", "2018-07-11"),
    ("Tuesday night", "2018-07-17"),
    ("yesterday", "2018-07-17"),
    ("today", "2018-07-18"),
    ("last week", "2018-W28"),
    ("this week", "2018-W29"),
    ("last month", "2018-06"),
    ("earlier this month", "2018-07"),
    ("this year", "2018"),
    ("earlier this year", "2018"),
    ("last year", "2017"),
    ("two years ago", "2016"),
    ("3 days ago", "2018-07-15"),
    ("a week ago", "2018-W28"),
    ("six months ago", "2018-01"),
    ("in late June", "2018-06"),
    ("in June", "2018-06"),
    ("in December", "2017-12"),
    ("July 13", "2018-07-13"),
    ("July 20", "2017-07-20"),
    ("July 13, 2018", "2018-07-13"),
    ("13 July 2018", "2018-07-13"),
    ("March 20, 2018", "2018-03-20"),
    ("Sept. 11", "2017-09-11"),
    ("June 2016", "2016-06"),
    ("in 2016", "2016"),
    ("the fall of 2016", "2016"),
    ("mid-2016", "2016"),
    ("early 2017", "2017"),
    ("the 1983-84 academic year", None),
    ("the past two years", None),
    ("recent weeks", None),
    ("February 30, 2018", None),
    ("the 1990s", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "iso"), CASES)
def test_news_dates(text: str, iso: str | None) -> None:
    assert normalise(text, published=PUBLISHED) == iso


@pytest.mark.parametrize(
    ("text", "iso"),
    [("in 2016", "2016"), ("July 13, 2018", "2018-07-13"), ("June 2016", "2016-06")],
)
def test_absolute_dates_need_no_publication_date(text: str, iso: str) -> None:
    assert normalise(text, published=None) == iso


@pytest.mark.parametrize("text", ["on Monday", "last month", "July 13", "yesterday"])
def test_relative_dates_need_a_publication_date(text: str) -> None:
    assert normalise(text, published=None) is None
    assert normalise(text, published="not a date") is None


@pytest.mark.parametrize(
    ("published", "day"),
    [("2018-07-18", dt.date(2018, 7, 18)), ("2018-07-18T23:59:00+02:00", dt.date(2018, 7, 18))],
)
def test_publication_timestamps(published: str, day: dt.date) -> None:
    assert parse_published(published) == day


@given(
    st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)),
    st.sampled_from(
        sorted({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
    ),
)
def test_a_weekday_is_the_last_one_on_or_before_publication(base: dt.date, day: str) -> None:
    value = normalise(f"on {day}", published=base)
    assert value is not None
    found = dt.date.fromisoformat(value)
    assert 0 <= (base - found).days < 7
    assert found.strftime("%A").lower() == day


@given(st.text(max_size=40), st.dates(dt.date(1000, 1, 1)))
def test_any_text_gives_a_value_or_none(text: str, base: dt.date) -> None:
    value = normalise(text, published=base)
    assert value is None or value[:4].isdigit()
