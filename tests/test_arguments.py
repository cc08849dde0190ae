"""The parties of a clause (kgraph.extract.arguments) on hand-built Docs: who a noun phrase
stands for (entities_of) and the understood subject of a verb (inherited_subjects)."""

from __future__ import annotations

import dataclasses

import pytest
from spacy.tokens import Doc

from kgraph.extract.arguments import entities_of, inherited_subjects
from kgraph.extract.context import DocContext, Role
from kgraph.extract.derive import doc_context
from kgraph.extract.entities import RawMention
from kgraph.gazetteer import Gazetteer

from .handmade import M, Text

Party = tuple[str, bool]


def _derived(text: Text) -> tuple[Doc, DocContext]:
    doc, mentions = text.parsed()
    ctx = doc_context(doc, doc_id="t", offset=0, mentions=mentions, gazetteer=Gazetteer.default())
    return doc, ctx


def _parties(found: list[tuple[RawMention, bool]]) -> list[Party]:
    return [(m.text, anonymous) for m, anonymous in found]


US_OFFICIALS = Text(
    "U.S. officials said the talks failed.",
    """
    0  U.S.       PROPN NNP  compound 1  U.S.
    1  officials  NOUN  NNS  nsubj    2  official
    2  said       VERB  VBD  ROOT     2  say
    3  the        DET   DT   det      4  the
    4  talks      NOUN  NNS  nsubj    5  talk
    5  failed     VERB  VBD  ccomp    2  fail
    6  .          PUNCT .    punct    2  .
    """,
    (M(0, 1, "Country", "country:US"),),
)

RUSSIAN_OFFICIALS = Text(
    "Russian officials denied the reports.",
    """
    0  Russian    ADJ   JJ   amod     1  russian
    1  officials  NOUN  NNS  nsubj    2  official
    2  denied     VERB  VBD  ROOT     2  deny
    3  the        DET   DT   det      4  the
    4  reports    NOUN  NNS  dobj     2  report
    5  .          PUNCT .    punct    2  .
    """,
    (M(0, 1, "Country", "country:RU", demonym=True),),
)

RUSSIA_AND_CHINA = Text(
    "Russia and China denied the reports.",
    """
    0  Russia   PROPN NNP  nsubj    3  Russia
    1  and      CCONJ CC   cc       0  and
    2  China    PROPN NNP  conj     0  China
    3  denied   VERB  VBD  ROOT     3  deny
    4  the      DET   DT   det      5  the
    5  reports  NOUN  NNS  dobj     3  report
    6  .        PUNCT .    punct    3  .
    """,
    (M(0, 1, "Country", "country:RU"), M(2, 3, "Country", "country:CN")),
)

RUSSIAS_MINISTER = Text(
    "Sergey Lavrov, Russia's foreign minister, met Mike Pompeo."
    " Russia's foreign minister denied the reports.",
    """
    0  Sergey    PROPN NNP  compound 1  Sergey
    1  Lavrov    PROPN NNP  nsubj    8  Lavrov
    2  ,         PUNCT ,    punct    1  ,
    3  Russia    PROPN NNP  poss     6  Russia
    4  's        PART  POS  case     3  's
    5  foreign   ADJ   JJ   amod     6  foreign
    6  minister  NOUN  NN   appos    1  minister
    7  ,         PUNCT ,    punct    1  ,
    8  met       VERB  VBD  ROOT     8  meet
    9  Mike      PROPN NNP  compound 10 Mike
    10 Pompeo    PROPN NNP  dobj     8  Pompeo
    11 .         PUNCT .    punct    8  .
    12 Russia    PROPN NNP  poss     15 Russia
    13 's        PART  POS  case     12 's
    14 foreign   ADJ   JJ   amod     15 foreign
    15 minister  NOUN  NN   nsubj    16 minister
    16 denied    VERB  VBD  ROOT     16 deny
    17 the       DET   DT   det      18 the
    18 reports   NOUN  NNS  dobj     16 report
    19 .         PUNCT .    punct    16 .
    """,
    (
        M(0, 2, "Person"),
        M(3, 4, "Country", "country:RU"),
        M(9, 11, "Person"),
        M(12, 13, "Country", "country:RU"),
    ),
)

SOME_OF_RUSSIAS = Text(
    "Mike Pompeo criticized some of Russia's policies.",
    """
    0  Mike        PROPN NNP  compound 1  Mike
    1  Pompeo      PROPN NNP  nsubj    2  Pompeo
    2  criticized  VERB  VBD  ROOT     2  criticize
    3  some        PRON  DT   dobj     2  some
    4  of          ADP   IN   prep     3  of
    5  Russia      PROPN NNP  poss     7  Russia
    6  's          PART  POS  case     5  's
    7  policies    NOUN  NNS  pobj     4  policy
    8  .           PUNCT .    punct    2  .
    """,
    (M(0, 2, "Person"), M(5, 6, "Country", "country:RU")),
)

RUSSIAS_POLICIES = Text(
    "Mike Pompeo criticized Russia's policies.",
    """
    0  Mike        PROPN NNP  compound 1  Mike
    1  Pompeo      PROPN NNP  nsubj    2  Pompeo
    2  criticized  VERB  VBD  ROOT     2  criticize
    3  Russia      PROPN NNP  poss     5  Russia
    4  's          PART  POS  case     3  's
    5  policies    NOUN  NNS  dobj     2  policy
    6  .           PUNCT .    punct    2  .
    """,
    (M(0, 2, "Person"), M(3, 4, "Country", "country:RU")),
)

HE_WARNED = Text(
    "Mike Pompeo arrived in Moscow. He warned Sergey Lavrov.",
    """
    0  Mike     PROPN NNP  compound 1  Mike
    1  Pompeo   PROPN NNP  nsubj    2  Pompeo
    2  arrived  VERB  VBD  ROOT     2  arrive
    3  in       ADP   IN   prep     2  in
    4  Moscow   PROPN NNP  pobj     3  Moscow
    5  .        PUNCT .    punct    2  .
    6  He       PRON  PRP  nsubj    7  he
    7  warned   VERB  VBD  ROOT     7  warn
    8  Sergey   PROPN NNP  compound 9  Sergey
    9  Lavrov   PROPN NNP  dobj     7  Lavrov
    10 .        PUNCT .    punct    7  .
    """,
    (M(0, 2, "Person"), M(4, 5, "Location", "capital:RU"), M(8, 10, "Person")),
)

DIRECTED_TO = Text(
    "Donald Trump directed the CIA to share the files.",
    """
    0  Donald    PROPN NNP  compound 1  Donald
    1  Trump     PROPN NNP  nsubj    2  Trump
    2  directed  VERB  VBD  ROOT     2  direct
    3  the       DET   DT   det      4  the
    4  CIA       PROPN NNP  dobj     2  CIA
    5  to        PART  TO   aux      6  to
    6  share     VERB  VB   xcomp    2  share
    7  the       DET   DT   det      8  the
    8  files     NOUN  NNS  dobj     6  file
    9  .         PUNCT .    punct    2  .
    """,
    (M(0, 2, "Person"), M(4, 5, "Agency", "agency:cia")),
)

WANTED_TO = Text(
    "Donald Trump wanted to meet Vladimir Putin.",
    """
    0  Donald    PROPN NNP  compound 1  Donald
    1  Trump     PROPN NNP  nsubj    2  Trump
    2  wanted    VERB  VBD  ROOT     2  want
    3  to        PART  TO   aux      4  to
    4  meet      VERB  VB   xcomp    2  meet
    5  Vladimir  PROPN NNP  compound 6  Vladimir
    6  Putin     PROPN NNP  dobj     4  Putin
    7  .         PUNCT .    punct    2  .
    """,
    (M(0, 2, "Person"), M(5, 7, "Person")),
)

PURPOSE = Text(
    "Mike Pompeo met Sergey Lavrov to discuss the bounties.",
    """
    0  Mike      PROPN NNP  compound 1  Mike
    1  Pompeo    PROPN NNP  nsubj    2  Pompeo
    2  met       VERB  VBD  ROOT     2  meet
    3  Sergey    PROPN NNP  compound 4  Sergey
    4  Lavrov    PROPN NNP  dobj     2  Lavrov
    5  to        PART  TO   aux      6  to
    6  discuss   VERB  VB   advcl    2  discuss
    7  the       DET   DT   det      8  the
    8  bounties  NOUN  NNS  dobj     6  bounty
    9  .         PUNCT .    punct    2  .
    """,
    (M(0, 2, "Person"), M(3, 5, "Person")),
)

CONJOINED_VERBS = Text(
    "Sergey Lavrov met Mike Pompeo and warned him.",
    """
    0  Sergey  PROPN NNP  compound 1  Sergey
    1  Lavrov  PROPN NNP  nsubj    2  Lavrov
    2  met     VERB  VBD  ROOT     2  meet
    3  Mike    PROPN NNP  compound 4  Mike
    4  Pompeo  PROPN NNP  dobj     2  Pompeo
    5  and     CCONJ CC   cc       2  and
    6  warned  VERB  VBD  conj     2  warn
    7  him     PRON  PRP  dobj     6  he
    8  .       PUNCT .    punct    2  .
    """,
    (M(0, 2, "Person"), M(3, 5, "Person")),
)

BY_SUING = Text(
    "By suing the campaign, the DNC opened an inquiry.",
    """
    0  By        ADP   IN   prep     7  by
    1  suing     VERB  VBG  pcomp    0  sue
    2  the       DET   DT   det      3  the
    3  campaign  NOUN  NN   dobj     1  campaign
    4  ,         PUNCT ,    punct    7  ,
    5  the       DET   DT   det      6  the
    6  DNC       PROPN NNP  nsubj    7  DNC
    7  opened    VERB  VBD  ROOT     7  open
    8  an        DET   DT   det      9  an
    9  inquiry   NOUN  NN   dobj     7  inquiry
    10 .         PUNCT .    punct    7  .
    """,
    (M(6, 7, "Organization", "org:dnc"),),
)

CHAIN = Text(
    "Donald Trump wanted to try to meet Vladimir Putin.",
    """
    0  Donald    PROPN NNP  compound 1  Donald
    1  Trump     PROPN NNP  nsubj    2  Trump
    2  wanted    VERB  VBD  ROOT     2  want
    3  to        PART  TO   aux      4  to
    4  try       VERB  VB   xcomp    2  try
    5  to        PART  TO   aux      6  to
    6  meet      VERB  VB   xcomp    4  meet
    7  Vladimir  PROPN NNP  compound 8  Vladimir
    8  Putin     PROPN NNP  dobj     6  Putin
    9  .         PUNCT .    punct    2  .
    """,
    (M(0, 2, "Person"), M(7, 9, "Person")),
)

ORDERED_OFFICIALS = Text(
    "Donald Trump ordered U.S. officials to leave.",
    """
    0  Donald     PROPN NNP  compound 1  Donald
    1  Trump      PROPN NNP  nsubj    2  Trump
    2  ordered    VERB  VBD  ROOT     2  order
    3  U.S.       PROPN NNP  compound 4  U.S.
    4  officials  NOUN  NNS  dobj     2  official
    5  to         PART  TO   aux      6  to
    6  leave      VERB  VB   xcomp    2  leave
    7  .          PUNCT .    punct    2  .
    """,
    (M(0, 2, "Person"), M(3, 4, "Country", "country:US")),
)


@pytest.mark.parametrize(
    ("text", "token", "expected"),
    [
        pytest.param(US_OFFICIALS, 1, [("U.S.", True)], id="U.S. officials: anonymous"),
        pytest.param(RUSSIAN_OFFICIALS, 1, [("Russian", True)], id="Russian officials"),
        pytest.param(US_OFFICIALS, 0, [("U.S.", False)], id="a name: its entity"),
        pytest.param(US_OFFICIALS, 4, [], id="no entity"),
        pytest.param(
            RUSSIA_AND_CHINA, 0, [("Russia", False), ("China", False)], id="conjoined nouns"
        ),
        pytest.param(
            RUSSIAS_MINISTER, 15, [("Sergey Lavrov", False)], id="Russia's minister: the holder"
        ),
        pytest.param(SOME_OF_RUSSIAS, 3, [("Russia", False)], id="some of Russia's policies"),
        pytest.param(RUSSIAS_POLICIES, 5, [("Russia", False)], id="Russia's policies"),
        pytest.param(HE_WARNED, 6, [("Mike Pompeo", False)], id="a pronoun: its referent"),
    ],
)
def test_entities_of(text: Text, token: int, expected: list[Party]) -> None:
    doc, ctx = _derived(text)
    assert _parties(entities_of(doc[token], ctx)) == expected


def test_the_united_states_of_us_officials_is_the_gazetteer_entity() -> None:
    doc, ctx = _derived(US_OFFICIALS)
    ((us, anonymous),) = entities_of(doc[1], ctx)
    assert (us.gid, us.canonical, anonymous) == ("country:US", "United States", True)


def test_a_role_noun_stands_for_its_one_holder_or_else_for_the_body() -> None:
    doc, ctx = _derived(RUSSIAS_MINISTER)
    minister = doc[15]
    assert doc[12:16].text == "Russia's foreign minister"
    (lavrov_role,) = ctx.roles
    assert _parties(entities_of(minister, ctx)) == [("Sergey Lavrov", False)]
    # no role known: the minister is Russia's, one of its unnamed officials
    assert _parties(entities_of(minister, dataclasses.replace(ctx, roles=()))) == [("Russia", True)]
    # two holders: no one person
    pompeo = ctx.mentions[2]
    assert pompeo.text == "Mike Pompeo"
    two = (lavrov_role, dataclasses.replace(lavrov_role, person=pompeo))
    assert _parties(entities_of(minister, dataclasses.replace(ctx, roles=two))) == [
        ("Russia", True)
    ]
    # a holder of another role: no one either
    other = (Role(pompeo, lavrov_role.org, "ambassador", False, 6),)
    assert _parties(entities_of(minister, dataclasses.replace(ctx, roles=other))) == [
        ("Russia", True)
    ]


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        pytest.param(DIRECTED_TO, 6, [("CIA", False)], id="object control"),
        pytest.param(WANTED_TO, 4, [("Donald Trump", False)], id="subject control"),
        pytest.param(CHAIN, 6, [("Donald Trump", False)], id="a chain of control"),
        pytest.param(ORDERED_OFFICIALS, 6, [("U.S.", True)], id="object control, unnamed"),
        pytest.param(PURPOSE, 6, [("Mike Pompeo", False)], id="a purpose clause: the subject"),
        pytest.param(CONJOINED_VERBS, 6, [("Sergey Lavrov", False)], id="conjoined verbs"),
        pytest.param(BY_SUING, 1, [("DNC", False)], id="by + gerund: the main subject"),
        pytest.param(CONJOINED_VERBS, 2, [], id="a verb with its own subject"),
        pytest.param(US_OFFICIALS, 5, [], id="a clausal complement has its own subject"),
    ],
)
def test_inherited_subjects(text: Text, verb: int, expected: list[Party]) -> None:
    doc, ctx = _derived(text)
    assert doc[verb].pos_ == "VERB"
    assert _parties(inherited_subjects(doc[verb], ctx)) == expected
