"""The event table (data/events.tsv): every row valid, every category used, the first row
whose context holds wins."""

from __future__ import annotations

import pytest

from kgraph._errors import FormatError
from kgraph._model import EVENT_CATEGORIES
from kgraph.extract.events import _parse, event_table


def test_every_category_has_words() -> None:
    used = {category for rows in event_table().rows.values() for _context, category in rows}
    assert used == set(EVENT_CATEGORIES)


@pytest.mark.parametrize(
    ("lemma", "pos", "context", "category"),
    [
        ("threaten", "VERB", {}, "THREATEN"),
        ("Threaten", "VERB", {}, "THREATEN"),  # any case
        ("call", "VERB", {"prep": "for"}, "REQUEST"),
        ("call", "VERB", {"prep": "on"}, "REQUEST"),
        ("call", "VERB", {}, "CONSULT"),
        ("attack", "VERB", {"target": "Person"}, "ACCUSE"),
        ("attack", "VERB", {"target": "Country"}, "ASSAULT"),
        ("send", "VERB", {"obj": "troop"}, "MOBILIZE"),
        ("send", "VERB", {"obj": "aid"}, "AID"),
        ("send", "VERB", {}, None),
        ("lift", "VERB", {"obj": "sanction"}, "RETREAT"),
        ("impose", "VERB", {"obj": "sanction"}, None),  # the noun names the act
        ("sanction", "NOUN", {}, "SANCTION"),
        ("war", "NOUN", {"prep": "with"}, "FIGHT"),
        ("host", "VERB", {}, "CONSULT"),
        ("shell", "VERB", {}, "ASSAULT"),
        ("beat", "VERB", {"prt": "up"}, "ASSAULT"),
        ("beat", "VERB", {"target": "Person"}, None),  # "Beshear beat Bevin": an election
        ("host", "NOUN", {}, None),  # a part of speech of its own
    ],
)
def test_category(lemma: str, pos: str, context: dict[str, str], category: str | None) -> None:
    assert event_table().category(lemma, pos, **context) == category


def test_a_row_with_a_context_wins_over_the_row_without_whatever_the_file_order() -> None:
    table = _parse("lemma\tpos\tcontext\tcategory\nx\tVERB\t-\tAID\nx\tVERB\tprep:to\tAGREE\n")
    assert table.category("x", "VERB", prep="to") == "AGREE"
    assert table.category("x", "VERB", prep="on") == "AID"


@pytest.mark.parametrize(
    ("line", "complaint"),
    [
        ("x\tVERB\t-", "4 columns"),
        ("x\tADJ\t-\tAID", "VERB or NOUN"),
        ("x\tVERB\t-\tHELP", "unknown event category 'HELP'"),
        ("x\tVERB\tby:y\tAID", "unknown context 'by:y'"),
    ],
)
def test_a_bad_row_is_a_format_error_naming_its_line(line: str, complaint: str) -> None:
    with pytest.raises(FormatError, match=rf"events.tsv:2: .*{complaint}"):
        _parse("# a comment\n" + line + "\n")
