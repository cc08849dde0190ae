"""Allegations on real parses: accusations, claims, stance, confidence; a table per construction."""

from __future__ import annotations

from typing import Any

import networkx as nx
import pytest

import kgraph
from kgraph import Document

pytestmark = pytest.mark.model


def _graph(text: str) -> nx.MultiDiGraph:
    return kgraph.build([Document(text, id="t")]).graph


def _named(g: nx.MultiDiGraph, node: str, name: str) -> bool:
    from kgraph.extract.entities import normalize_name

    attrs = g.nodes[node]
    return normalize_name(name) in {
        normalize_name(a) for a in [attrs["label"], *attrs.get("aliases", [])]
    }


def _edges(g: nx.MultiDiGraph, subject: str, obj: str) -> list[dict[str, Any]]:
    return [
        attrs for u, v, attrs in g.edges(data=True) if _named(g, u, subject) and _named(g, v, obj)
    ]


def test_an_accusation_of_a_pronoun_is_labelled_by_who_is_accused() -> None:
    g = _graph("Intelligence experts in Washington blamed Russia for that as well.")
    assert [g.nodes[a]["label"] for a in _allegations(g)] == ["Accusation against Russia"]


def _allegations(g: nx.MultiDiGraph) -> list[str]:
    return [n for n, t in g.nodes(data="type") if t == "Allegation"]


def _roles(g: nx.MultiDiGraph, allegation: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for _u, v, attrs in g.out_edges(allegation, data=True):
        out.setdefault(attrs["predicate"], set()).add(g.nodes[v]["label"])
    return out


def test_anonymous_claim_and_denial_in_a_later_sentence() -> None:
    g = _graph(
        "U.S. officials said that Russia offered bounties to militants to kill American troops. "
        "Russian officials have denounced the reports on the bounties as lies. "
        "Donald Trump dismissed the intelligence as a hoax."
    )
    (alleg,) = _allegations(g)
    roles = _roles(g, alleg)
    assert roles["accused"] == {"Russia"}
    assert "United States" in roles["alleged_by"]
    assert roles["denied_by"] == {"Russia"}
    assert roles["dismissed_by"] == {"Donald Trump"}
    assert g.nodes[alleg]["status"] in ("denied", "disputed")
    anonymous = [a for _u, _v, a in g.out_edges(alleg, data=True) if a["predicate"] == "alleged_by"]
    assert anonymous[0].get("anonymous") is True
    # the claim is quoted, not asserted: no fact edge from Russia about the act
    russia = next(n for n in g if g.nodes[n]["label"] == "Russia")
    assert not [e for e in g.out_edges(russia, data="predicate") if e[2].startswith("offer")]


def test_accusation_verb() -> None:
    g = _graph("The Pentagon accused Russia of arming the Taliban in Afghanistan.")
    (alleg,) = _allegations(g)
    roles = _roles(g, alleg)
    assert roles["accused"] == {"Russia"}
    assert roles["alleged_by"] == {"Pentagon"}
    assert "arming" in g.nodes[alleg]["keywords"]


def test_stated_confidence() -> None:
    g = _graph(
        "Intelligence officials said that Russia paid bounties to militants. "
        "The C.I.A. had placed medium confidence in the assessment."
    )
    (alleg,) = _allegations(g)
    assert g.nodes[alleg]["confidence"] == "medium confidence"


def test_no_allegation_without_an_act() -> None:
    g = _graph("Mike Pompeo said that Sergey Lavrov met Donald Trump in Moscow.")
    assert _allegations(g) == []


ALLEGATIONS = [
    # (text, {role: labels} the allegation must have, status)
    pytest.param(
        "Walter Brisk, who was also charged in the inquiry, pleaded guilty last year to "
        "conspiracy and lying to the FBI.",
        {"accused": {"Walter Brisk"}, "confirmed_by": {"Walter Brisk"}},
        "confirmed",
        id="a-guilty-plea-confirms",
    ),
    pytest.param(
        "Walter Brisk has testified that Jane Roe told him to pass the memo to the media.",
        {"accused": {"Jane Roe"}, "alleged_by": {"Walter Brisk"}},
        "alleged",
        id="who-ordered-the-act-is-accused-of-it",
    ),
    pytest.param(
        "The memo recounts a supposed trip Walter Brisk took to Prague to devise a plan to "
        "cover up the campaign's role in the hacking.",
        {"accused": {"Walter Brisk"}},
        "alleged",
        id="a-hedged-account-of-a-phrasal-act",
    ),
    pytest.param(
        "Walter Brisk pled guilty to bribery.",
        {"accused": {"Walter Brisk"}, "confirmed_by": {"Walter Brisk"}},
        "confirmed",
        id="a-guilty-plea-to-of-the-adjective",
    ),
    pytest.param(
        "The Pentagon accused Russia of arming the Taliban in Afghanistan.",
        {"accused": {"Russia"}, "alleged_by": {"Pentagon"}},
        "alleged",
        id="accuse-of",
    ),
    pytest.param(
        "Vice President Mike Pence accused Beijing this month of waging a campaign to "
        "undermine support for Donald Trump.",
        {"accused": {"China"}, "alleged_by": {"Mike Pence"}},
        "alleged",
        id="accuse-misattached-of",
    ),
    pytest.param(
        "Lt. Gov. Justin Fairfax was accused of sexual assault, which he adamantly denies.",
        {"accused": {"Justin Fairfax"}, "denied_by": {"Justin Fairfax"}},
        "denied",
        id="passive-accused-relative-denial",
    ),
    pytest.param(
        "Tara Reade made her sexual assault allegation against Joe Biden on March 25. "
        "Biden has denied the allegation.",
        {"accused": {"Joe Biden"}, "alleged_by": {"Tara Reade"}, "denied_by": {"Joe Biden"}},
        "denied",
        id="allegation-noun-against-and-denial",
    ),
    pytest.param(
        "Donald Trump denied reports that he ordered the firing of special counsel Robert Mueller.",
        {"accused": {"Donald Trump"}, "target": {"Robert Mueller"}, "denied_by": {"Donald Trump"}},
        "denied",
        id="a-denied-report-makes-a-plain-act-an-allegation",
    ),
    pytest.param(
        "Walter Brisk was convicted on Friday of lying to Congress.",
        {"accused": {"Walter Brisk"}},
        "confirmed",
        id="a-conviction-confirms",
    ),
    pytest.param(
        "Walter Brisk denied lying to Congress. He was later convicted of lying to Congress.",
        {"accused": {"Walter Brisk"}, "denied_by": {"Walter Brisk"}},
        "disputed",
        id="a-conviction-of-a-denied-deed",
    ),
    pytest.param(
        "Prosecutors in Ohio convicted Walter Brisk of lying.",
        {"accused": {"Walter Brisk"}},
        "confirmed",
        id="who-convicts-confirms",
    ),
    pytest.param(
        "The Justice Department announced charges against Elena Khusyaynova on Friday.",
        {"accused": {"Elena Khusyaynova"}, "alleged_by": {"Justice Department"}},
        "alleged",
        id="charges-against",
    ),
    pytest.param(
        "Aleksej Gubarev is suing BuzzFeed for libel in Florida.",
        {"accused": {"BuzzFeed"}, "alleged_by": {"Gubarev"}},
        "alleged",
        id="sue-for",
    ),
    pytest.param(
        "Russian President Vladimir Putin spoke on Monday. Donald Trump said he pressed "
        "Vladimir Putin on Russian meddling in the election.\n\n"
        '"I pressed President Putin about Russian meddling in our election. '
        'He vehemently denied it," Trump said.',
        {"accused": {"Russia"}, "denied_by": {"Vladimir Putin"}},
        "denied",
        id="pronoun-denial-next-paragraph",
    ),
    # "allege" makes an allegation of any act
    pytest.param(
        "Separately, Rylawn Walker alleged that Daniel Pantaleo falsely arrested him on Staten "
        "Island in February 2012.",
        {"accused": {"Daniel Pantaleo"}, "alleged_by": {"Rylawn Walker"}},
        "alleged",
        id="allege-any-act",
    ),
    # a denial that names its act is an allegation the one who denies it is party to
    pytest.param(
        "Russia has denied meddling in the election.",
        {"accused": {"Russia"}, "denied_by": {"Russia"}},
        "denied",
        id="denied-act-noun",
    ),
    pytest.param(
        "Roger Stone denied colluding with Russia.",
        {"accused": {"Roger Stone"}, "denied_by": {"Roger Stone"}},
        "denied",
        id="denied-gerund",
    ),
    pytest.param(
        "Donald Trump has denied any collusion between his campaign and Moscow.",
        {"accused": {"Donald Trump"}, "denied_by": {"Donald Trump"}},
        "denied",
        id="denied-act-between",
    ),
    pytest.param(
        "China was found to have hacked both the Obama and McCain campaigns, White House "
        "spokesman Eric Schultz said.",
        {"accused": {"China"}, "alleged_by": {"Eric Schultz"}},
        "alleged",
        id="passive-raising-verb",
    ),
]


@pytest.mark.parametrize(("text", "expected", "status"), ALLEGATIONS)
def test_allegation_constructions(text: str, expected: dict[str, set[str]], status: str) -> None:
    g = _graph(text)
    found = []
    for alleg in _allegations(g):
        roles = _roles(g, alleg)
        if all(roles.get(role, set()) >= labels for role, labels in expected.items()):
            found.append(alleg)
    assert found, [(_roles(g, a), g.nodes[a]["label"]) for a in _allegations(g)]
    assert g.nodes[found[0]]["status"] == status


@pytest.mark.parametrize(
    "text",
    [
        # a negated charge states nothing
        "Carter Page was never charged with any wrongdoing.",
        # a plea of not guilty confirms nothing
        "Carter Page pleaded not guilty to bribery.",
        # a hedged noun's clause of saying states what was said, not a deed of its subject
        "The alleged victim who spoke to Carter Page said Walter Brisk assaulted her.",
        # who is told to do an act is not said to have done it
        "Jane Roe said Walter Brisk told Carter Page to leak the memo to the press.",
        # the topic of an inquiry is no deed of the one who ordered it
        "Fox News reported that Bill Barr had assigned John Durham to conduct the inquiry "
        "into alleged surveillance of the campaign.",
        # the passive subject of "ordered to" does not stand accused
        "Officials said Carter Page was ordered to pay the fine.",
        # "did not deny" denies nothing
        "Carter Page did not deny meddling in the election.",
        # a conjoined clause with a subject of its own says what others did, or suffered
        "A source said that Carter Page attended the parties in the city, but that all "
        "direct witnesses had been silenced, bribed or coerced to disappear.",
        # a report only cited states no allegation of a plain act
        "Officials cited a report that Carter Page ordered the firing of the director.",
        # a thing judged illegal is no actor's deed
        "Carter Page said the program adopted by the Canadian government was illegal.",
        # "him" is never the subject of the verb it is the object of
        "Carter Page has sharply questioned the senator's credibility, calling him a serial liar.",
        # calling someone a friend accuses them of nothing
        "Donald Trump called Carter Page a friend.",
        # the media of a country are no organ of it
        "Blaming Canadian media bias, Carter Page said he expected new sanctions.",
        "Carter Page accused the Canadian media of spreading disinformation.",
    ],
)
def test_no_allegation_against_the_wrong_party(text: str) -> None:
    g = _graph(text)
    accused = {
        g.nodes[v]["label"]
        for a in _allegations(g)
        for _u, v, p in g.out_edges(a, data="predicate")
        if p == "accused"
    }
    assert not accused & {"Carter Page", "Bill Barr", "John Durham", "Canada"}, accused


@pytest.mark.parametrize(
    ("text", "accused"),
    [
        pytest.param("The Telegram sexual abuse scandal shocked the country.", set(), id="an-app"),
        pytest.param(
            "Reporters revealed the Acme Corporation harassment case.", set(), id="a-company"
        ),
        pytest.param(
            "Reporters revealed Walter Brisk's sexual assault of an aide.",
            {"Walter Brisk"},
            id="a-person",
        ),
    ],
)
def test_a_bodily_act_named_by_a_noun_is_a_persons(text: str, accused: set[str]) -> None:
    g = _graph(text)
    found = {
        g.nodes[v]["label"]
        for a in _allegations(g)
        for _u, v, p in g.out_edges(a, data="predicate")
        if p == "accused"
    }
    assert found == accused


@pytest.mark.parametrize(
    ("text", "role", "who"),
    [
        pytest.param(
            "The New York Times reported that Russia paid bounties to Taliban militants. "
            'The Kremlin called the report "nonsense."',
            "denied_by",
            "Kremlin",
            id="called-nonsense-by-the-accused",
        ),
        pytest.param(
            "The New York Times reported that Russia paid bounties to Taliban militants. "
            "A Taliban spokesman denied that the group had any dealings with Russia.",
            "denied_by",
            "Taliban",
            id="denied-clause-by-a-party-to-the-act",
        ),
        pytest.param(
            "The New York Times reported that Russia paid bounties to Taliban militants. "
            'Donald Trump called the reports a "hoax."',
            "dismissed_by",
            "Donald Trump",
            id="called-a-hoax-by-another",
        ),
    ],
)
def test_stance_in_a_later_sentence(text: str, role: str, who: str) -> None:
    g = _graph(text)
    (alleg,) = _allegations(g)
    assert who in _roles(g, alleg).get(role, set()), _roles(g, alleg)


# -- frames: act classes, identity across documents, what is no allegation ---------------------

FRAMES = [
    # (documents, [(act class, accused labels, node count)] expected)
    pytest.param(
        [
            "U.S. officials said Russia offered bounties to Taliban-linked militants.",
            (
                "Intelligence officials said Russia paid militants rewards"
                " for killing American troops."
            ),
            "Officials said the Kremlin offered money to kill coalition soldiers.",
        ],
        "bounty",
        1,
        id="bounty-reward-money-for-killing-one-node",
    ),
    pytest.param(
        [
            "Officials said Russian hackers breached the servers of the Democratic Party.",
            "The report said Russia hacked the Democratic Party.",
        ],
        "hacking",
        1,
        id="breach-and-hack-one-node",
    ),
    pytest.param(
        [
            "Prosecutors said Russia hacked the Democratic Party.",
            "Officials said Russia poisoned a former spy in Salisbury with a nerve agent.",
        ],
        None,
        2,
        id="two-acts-two-nodes",
    ),
    pytest.param(
        [
            "In 2008, China hacked the campaign of John McCain, officials said.",
            "Officials said China hacked the campaign of John McCain in 2018.",
        ],
        None,
        2,
        id="one-act-ten-years-apart-two-nodes",
    ),
    pytest.param(
        [
            "Prosecutors said Roger Stone lied to Congress in his 2017 testimony.",
            "Roger Stone was charged with lying to Congress about the 2016 campaign.",
        ],
        "deception",
        1,
        id="a-year-apart-is-no-conflict",
    ),
    pytest.param(
        [
            "Officials said Russia hacked the Democratic National Committee.",
            "Officials said Russia hacked the Republican National Committee.",
        ],
        None,
        2,
        id="one-act-two-targets-two-nodes",
    ),
    pytest.param(
        [
            "White House officials said China hacked the campaigns in 2008.",
            "Trump said China hacked Hillary Clinton's emails. China denied the report.",
        ],
        None,
        2,
        id="an-act-of-its-own-time-is-not-the-victims-told-without-one",
    ),
    pytest.param(
        [
            "Roy Moore said The New York Times defamed him.",
            "Roy Moore said the United States defamed him.",
        ],
        None,
        2,
        id="a-newspaper-is-no-organ-of-its-state",
    ),
    pytest.param(
        [
            "Officials said Moscow interfered in the election.",
            "Officials said Russia interfered in the election.",
        ],
        "interference",
        1,
        id="a-capital-stands-for-its-state",
    ),
    pytest.param(
        [
            "The bill punishes Russia for its military aggression in Ukraine.",
            "The summit was overshadowed by the disputed Russian annexation of Crimea.",
        ],
        None,
        2,
        id="a-place-an-aggression-was-done-to-is-its-victim",
    ),
    pytest.param(
        [
            (
                "Senator Walter Brisk said the FBI misled a judge to obtain the warrant."
                " A memo alleging FBI misconduct was released on Friday."
            ),
            "Senator Jane Roe said the memo alleging FBI misconduct was accurate.",
        ],
        "deception",
        1,
        id="misconduct-told-beside-one-specific-act-is-that-act",
    ),
    pytest.param(
        [
            (
                "Senator Walter Brisk said the FBI misled a judge to obtain the warrant."
                " Senator Jane Roe said the FBI spied on the campaign."
                " A memo alleging FBI misconduct was released on Friday."
            ),
        ],
        None,
        3,
        id="misconduct-told-beside-two-specific-acts-is-neither",
    ),
]


def _allegation_nodes(texts: list[str]) -> list[dict[str, Any]]:
    kg = kgraph.build([Document(t, id=f"d{i}") for i, t in enumerate(texts)])
    return [a for _n, a in kg.graph.nodes(data=True) if a["type"] == "Allegation"]


@pytest.mark.parametrize(("texts", "act", "count"), FRAMES)
def test_allegations_of_one_accused_and_one_act_class_are_one(
    texts: list[str], act: str | None, count: int
) -> None:
    nodes = _allegation_nodes(texts)
    assert len(nodes) == count, [n["label"] for n in nodes]
    if act is not None:
        (node,) = nodes
        assert node["act"] == act
        assert node["sources"] == [f"d{i}" for i in range(len(texts))]


@pytest.mark.parametrize(
    "text",
    [
        "If Iran breaches the interim agreement, sanctions will follow, officials said.",
        "Officials asked whether Russia had hacked the election.",
        "Analysts said Moscow could simply buy its weapons elsewhere.",
        "There were no allegations that U.S. citizens committed a crime, the report said.",
    ],
)
def test_conditions_questions_and_possibilities_are_no_allegations(text: str) -> None:
    assert [n["label"] for n in _allegation_nodes([text])] == []


def test_a_frame_label_names_accused_act_and_target() -> None:
    (node,) = _allegation_nodes(
        ["U.S. officials said that Russia had interfered in the 2016 election."]
    )
    assert node["label"] == "Russia interfered in the 2016 election"
    assert node["act"] == "interference"
    assert node["time"] == "2016"


def test_a_spokesman_denies_for_the_body_he_speaks_for() -> None:
    g = _graph(
        "U.S. officials said that Russia offered bounties to militants. "
        "Kremlin spokesman Dmitry Peskov denied the reports."
    )
    (alleg,) = _allegations(g)
    roles = _roles(g, alleg)
    assert "Dmitry Peskov" in roles["denied_by"] and "Kremlin" in roles["denied_by"]


@pytest.mark.parametrize(
    ("text", "label", "act"),
    [
        pytest.param(
            "The dossier contains unverified claims of Alan Brody soliciting bribes in Prague.",
            "Alan Brody bribed",
            "bribery",
            id="a cue noun's 'of' gerund with its subject",
        ),
        pytest.param(
            "The report contains multiple unverified claims of Walter Brisk soliciting "
            "prostitutes.",
            "Walter Brisk committed misconduct",
            "misconduct",
            id="a cue noun's 'of' gerund hung off the verb that has the noun",
        ),
        pytest.param(
            "Walter Brisk was formally indicted Tuesday on criminal corruption charges.",
            "Walter Brisk was corrupt",
            "corruption",
            id="a specific act before a general one",
        ),
        pytest.param(
            "There were reports of Russia hacking the DNC.",
            "Russia hacked Democratic National Committee",
            "hacking",
            id="'reports of X V-ing'",
        ),
        pytest.param(
            "Victor Harlan filed a defamation lawsuit against Nora Quist in London.",
            "Nora Quist defamed Victor Harlan",
            "defamation",
            id="the one who sues for defamation is the one defamed",
        ),
        pytest.param(
            "Jane Doe accused Brett Kavanaugh of attacking her at a party.",
            "Brett Kavanaugh assaulted Jane Doe",
            "assault",
            id="an attack on a person is an assault",
        ),
        pytest.param(
            "Officials said Hillary Clinton's emails got hacked by China.",
            "China hacked Hillary Clinton's emails",
            "hacking",
            id="a passive's subject is what the act was done to",
        ),
        pytest.param(
            "Officials said Russia was behind the hacking of emails from the Democratic "
            "National Committee.",
            "Russia hacked emails",
            "hacking",
            id="the owner of what was hacked is the target, the label keeps the words",
        ),
        pytest.param(
            "Robert Mueller was appointed in May. Donald Trump accused him of bias.",
            "Robert Mueller was politically biased",
            "politicization",
            id="'him' is never the subject of its own clause",
        ),
        pytest.param(
            "Walter Brisk breached his plea deal by lying to prosecutors, a judge said.",
            "Walter Brisk lied to prosecutors",
            "deception",
            id="the act done as the means ('by lying') is the deed",
        ),
        pytest.param(
            "Several women accused Walter Brisk of initiating sexual contact with them.",
            "Walter Brisk committed sexual misconduct",
            "sexual_misconduct",
            id="sexual contact is sexual misconduct, not assault or misconduct at large",
        ),
        pytest.param(
            "Donald Trump said Robert Mueller was corrupt.",
            "Robert Mueller was corrupt",
            "corruption",
            id="an act adjective after 'be' says what its subject did",
        ),
        pytest.param(
            "Donald Trump called Walter Brisk a liar.",
            "Walter Brisk lied",
            "deception",
            id="calling someone by an act word accuses them of it",
        ),
        pytest.param(
            "In his latest tweets, Donald Trump describes Walter Brisk as “conflicted”.",
            "Walter Brisk had a conflict of interest",
            "conflict",
            id="describing someone as an act word accuses them of it",
        ),
        pytest.param(
            "Jane Roe will testify on Thursday. Roe’s agreement to testify before the Senate "
            "Judiciary Committee came a week after she went public in an interview in the "
            "Boston Globe with her allegation that Walter Brisk sexually assaulted her in 1990 "
            "when both were high school students in Ohio.",
            "Walter Brisk assaulted Roe",
            "assault",
            id="an allegation's 'that' clause the parser hung off the verb before it",
        ),
    ],
)
def test_frames_of_claims(text: str, label: str, act: str) -> None:
    nodes = _allegation_nodes([text])
    assert [(n["label"], n["act"]) for n in nodes] == [(label, act)]


@pytest.mark.parametrize(
    "text",
    [
        "There were no reports of Russia hacking the DNC.",
        "No evidence has emerged that Russia hacked the DNC.",
    ],
)
def test_a_noun_that_says_there_is_none_states_no_claim(text: str) -> None:
    assert [n["label"] for n in _allegation_nodes([text])] == []


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        pytest.param(
            "The bill penalizes Moscow for election interference and for its aggression "
            "in Ukraine.",
            {"Moscow interfered", "Moscow committed aggression against Ukraine"},
            id="punished for two deeds: two allegations",
        ),
        pytest.param(
            "Prosecutors accused John Ellery of taking bribes and of lying to investigators.",
            {"John Ellery bribed", "John Ellery lied to investigators"},
            id="accused of two deeds: two allegations",
        ),
        pytest.param(
            "The senator condemned some of Russia's policies.",
            set(),
            id="a punishment that names no deed accuses no one",
        ),
        pytest.param(
            "Officials said Russian hackers stole emails from the Democratic National Committee.",
            {"Russia hacked Democratic National Committee"},
            id="the act's own object is no target; an agent noun names no target",
        ),
        pytest.param(
            "U.S. officials are aware that Russia allegedly has compromising financial and "
            "personal information on Donald Trump.",
            {"Russia held compromising material on Donald Trump"},
            id="a subject hung off the auxiliary; a phrase with words between",
        ),
    ],
)
def test_accused_acts_and_their_labels(text: str, labels: set[str]) -> None:
    assert {n["label"] for n in _allegation_nodes([text])} == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        pytest.param(
            "Alexei Pushkov tweeted that Mueller found no facts of collusion between "
            "Donald Trump and Moscow.",
            set(),
            id="an act under 'no facts of' is no one's deed",
        ),
        pytest.param(
            "Donald Trump denies any wrongdoing and no solid evidence has emerged to "
            "implicate him.",
            {"Wrongdoing by Donald Trump"},
            id="no evidence to implicate accuses no one; the denial keeps its own words",
        ),
        pytest.param(
            "His lawyer Bruce Rogow said Roger Stone attacked the government's case as weak.",
            set(),
            id="attacking a case is words, not a deed",
        ),
        pytest.param(
            "Rex Tillerson said Donald Trump brought up Russia's interference in the U.S. "
            "election with Vladimir Putin.",
            {"Russia interfered in the U.S. election"},
            id="an act noun with an owner is the owner's, not the subject's",
        ),
        pytest.param(
            "Other issues will become more pronounced, from US election meddling to trade.",
            set(),
            id="a country before 'election' names whose election",
        ),
        pytest.param(
            "Officials condemned the Russian election meddling.",
            {"Russia interfered"},
            id="a demonym before 'election meddling' names who meddled",
        ),
    ],
)
def test_acts_that_are_not_the_subjects(text: str, labels: set[str]) -> None:
    assert {n["label"] for n in _allegation_nodes([text])} == labels


def test_did_nothing_illegal_disputes_the_act() -> None:
    (node,) = _allegation_nodes(["His lawyer Bruce Rogow said Roger Stone did nothing illegal."])
    assert node["status"] == "disputed"


def test_no_one_confirming_is_no_confirmation() -> None:
    g = _graph(
        "Donald Trump said China hacked Hillary Clinton's emails. "
        "No U.S. intelligence officials have publicly confirmed the report."
    )
    (alleg,) = _allegations(g)
    assert "confirmed_by" not in _roles(g, alleg)
    assert g.nodes[alleg]["label"] == "China hacked Hillary Clinton's emails"


@pytest.mark.parametrize(
    ("text", "who", "roles"),
    [
        pytest.param(
            "The Kremlin denied that Russia had attacked Ukraine.",
            "Kremlin",
            {"denied_by"},
            id="denial-of-a-clause-alleges-nothing",
        ),
        pytest.param(
            "Vladimir Putin said that claims by the Obama administration that Russia was "
            'behind the cyber-attacks on the election were "groundless."',
            "Vladimir Putin",
            {"dismissed_by"},
            id="speaker-of-a-dismissed-claim-noun",
        ),
        pytest.param(
            "A Kremlin spokesman denied the claims that Russia had hacked the Democratic "
            "National Committee.",
            "Kremlin",
            {"denied_by"},
            id="denied-claim-noun-names-no-accused-denier",
        ),
        pytest.param(
            "Roy Moore was accused of sexual misconduct by several women. The former Alabama "
            "Supreme Court judge has flatly denied the claims.",
            "Alabama Supreme Court",
            set(),
            id="former-title-speaks-for-no-body",
        ),
        pytest.param(
            "CNN reported that Russia held compromising material on Donald Trump.",
            "CNN",
            {"reported_by"},
            id="an-outlet-reporting-a-claim-tells-it",
        ),
        pytest.param(
            "Senator John Cornyn tweeted that Russian hacking was hardly news, BuzzFeed reported.",
            "BuzzFeed",
            {"reported_by"},
            id="an-outlet-reporting-who-said-it-tells-it",
        ),
        pytest.param(
            "Senator John Cornyn said Russian hacking was hardly news, BuzzFeed reported.",
            "BuzzFeed",
            {"reported_by"},
            id="an-outlet-reporting-who-said-it-without-that",
            marks=pytest.mark.xfail(strict=True, reason="the outlet of a 'said' clause is lost"),
        ),
        pytest.param(
            "The Washington Post said in an editorial that Russia hacked the DNC.",
            "The Washington Post",
            {"alleged_by"},
            id="an-outlet-saying-it-itself-alleges-it",
        ),
    ],
)
def test_who_takes_which_role(text: str, who: str, roles: set[str]) -> None:
    g = _graph(text)
    assert _allegations(g), "no allegation"
    taken = {
        role for a in _allegations(g) for role, labels in _roles(g, a).items() if who in labels
    }
    assert taken == roles


@pytest.mark.parametrize(
    ("text", "time"),
    [
        pytest.param("Prosecutors said Stone lied in his September 2017 testimony.", "2017-09"),
        pytest.param("In 2008, China hacked the campaign of John McCain, officials said.", "2008"),
        pytest.param(
            "The review goes back to the 2008 campaign when China was found to have hacked "
            "the campaign of John McCain.",
            "2008",
            id="the noun a when-clause tells the time of",
        ),
        pytest.param(
            "Prosecutors charged Stone with lying about his role in a scheme of 2016.",
            None,
            id="a date deep in what the act was about is not its time",
        ),
    ],
)
def test_the_time_of_an_act(text: str, time: str | None) -> None:
    nodes = _allegation_nodes([text])
    assert nodes, "no allegation"
    assert [n["time"] for n in nodes] == [time]


def test_the_target_of_an_allegation_is_the_owner_of_what_was_hacked() -> None:
    g = _graph(
        "Officials said Russia was behind the hacking of emails from the Democratic "
        "National Committee."
    )
    (alleg,) = _allegations(g)
    assert _roles(g, alleg)["target"] == {"Democratic National Committee"}


def test_a_stance_on_her_allegation_attaches_to_hers_not_to_a_namesake_act() -> None:
    g = _graph(
        "Christine Blasey Ford said Brett Kavanaugh sexually assaulted her in 1982. Deborah "
        "Ramirez said Kavanaugh exposed himself to her during a party at Yale. Kavanaugh has "
        'called Ford\'s allegation "completely false" and said the incident described by '
        'Ramirez "did not happen."'
    )
    by_target = {frozenset(_roles(g, a)["target"]): _roles(g, a) for a in _allegations(g)}
    assert set(by_target) == {
        frozenset({"Christine Blasey Ford"}),
        frozenset({"Deborah Ramirez"}),
    }
    for roles in by_target.values():
        assert roles["denied_by"] == {"Brett Kavanaugh"}


def test_a_denial_of_any_wrongdoing_is_a_stance_on_the_allegation_told_before() -> None:
    g = _graph(
        "Prosecutors said Paul Manafort lied to the FBI about his contacts. "
        "Manafort has denied any wrongdoing."
    )
    (alleg,) = _allegations(g)
    assert g.nodes[alleg]["act"] == "deception"
    assert _roles(g, alleg)["denied_by"] == {"Paul Manafort"}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "A lack of hard evidence implicating Huawei in any espionage has prompted "
            "some countries to question the campaign.",
            id="a-lack-of-evidence-implicating",
        ),
        pytest.param(
            "There is an absence of evidence that Russia hacked the voting machines.",
            id="an-absence-of-evidence-that",
        ),
    ],
)
def test_a_noun_of_lacking_states_no_claim(text: str) -> None:
    assert _allegations(_graph(text)) == []


@pytest.mark.parametrize(
    ("text", "label", "roles", "words"),
    [
        pytest.param(
            "The lawyer released sexual misconduct allegations made by Julie Swetnick "
            "against Brett Kavanaugh.",
            "Brett Kavanaugh committed sexual misconduct",
            {"accused": {"Brett Kavanaugh"}, "alleged_by": {"Julie Swetnick"}},
            "made by Julie Swetnick against Brett Kavanaugh",
            id="allegations-made-by-x-against-y",
        ),
        pytest.param(
            "Republicans accuse President Barack Obama's top intelligence official, James R. "
            "Clapper, of leaking the meeting to CNN.",
            "James R. Clapper leaked the meeting",
            {"accused": {"James R. Clapper"}},
            "accuse President Barack Obama's top intelligence official",
            id="the-text-is-the-accusation-as-found",
        ),
        pytest.param(
            "During the trial Paul Manafort was accused of using foreign bank accounts to "
            "evade taxes.",
            "Paul Manafort committed fraud",
            {"accused": {"Paul Manafort"}},
            "was accused of using foreign bank accounts",
            id="evading-taxes-is-fraud",
        ),
    ],
)
def test_accusations_as_found(
    text: str, label: str, roles: dict[str, set[str]], words: str
) -> None:
    g = _graph(text)
    (alleg,) = _allegations(g)
    assert g.nodes[alleg]["label"] == label
    assert words in g.nodes[alleg]["text"]
    got = _roles(g, alleg)
    for role, names in roles.items():
        assert got[role] >= names


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Officials said the Trump campaign colluded with Russia. Donald Trump insisted "
            "there was no collusion between his team and Russia.",
            id="insisted-there-was-no",
        ),
        pytest.param(
            "Donald Trump wrote on Twitter, adding that no collusion between his election "
            "campaign and Russia had been found.",
            id="adding-that-no-had-been-found",
        ),
    ],
)
def test_saying_there_was_no_such_act_denies_it(text: str) -> None:
    g = _graph(text)
    (alleg,) = _allegations(g)
    roles = _roles(g, alleg)
    assert g.nodes[alleg]["act"] == "collusion"
    assert "Donald Trump" in roles["denied_by"]
    assert "Russia" in roles["accused"] | roles.get("target", set())


@pytest.mark.parametrize(
    ("text", "dismissed"),
    [
        pytest.param(
            'Senator Dana Holt said that Russia\'s interference in the election "is not a hoax."',
            False,
            id="an-act-that-is-not-a-hoax",
        ),
        pytest.param(
            "Senator Dana Holt said that Russia interfered in the election. "
            'Governor Alan Pike said the story was "a hoax."',
            True,
            id="a-story-that-is-a-hoax",
        ),
    ],
)
def test_a_negated_copula_dismisses_nothing(text: str, dismissed: bool) -> None:
    g = _graph(text)
    (alleg,) = _allegations(g)
    roles = _roles(g, alleg)
    assert roles["accused"] == {"Russia"}
    assert "Dana Holt" in roles["alleged_by"]
    assert ("dismissed_by" in roles) is dismissed


@pytest.mark.parametrize(
    ("denial", "stance"),
    [
        pytest.param(
            "However, Mr Pike in December denied that he was planning to fire Mr Reed.",
            False,
            id="whom-the-denied-deed-is-done-to-is-not-the-accused",
        ),
        pytest.param("However, Mr Pike denied the allegations.", True, id="names-no-act"),
    ],
)
def test_a_denial_naming_another_deed_is_no_stance_on_the_allegation(
    denial: str, stance: bool
) -> None:
    g = _graph(
        "Governor Tom Pike argued that the prosecutor Alan Reed had a conflict of interest. "
        + denial
    )
    (alleg,) = _allegations(g)
    roles = _roles(g, alleg)
    assert roles["accused"] == {"Alan Reed"}
    assert ("Tom Pike" in roles.get("dismissed_by", set())) is stance


@pytest.mark.parametrize(
    ("denial", "stance"),
    [
        pytest.param("Pike denied any wrongdoing.", True, id="names-no-deed"),
        pytest.param(
            "Pike denied any wrongdoing in the firing of Mayor Lee Tan.",
            False,
            id="names-another-deed",
        ),
    ],
)
def test_a_denied_general_wrong_joins_the_allegation_only_when_it_names_no_deed(
    denial: str, stance: bool
) -> None:
    g = _graph("Senator Dana Holt said Governor Tom Pike had a conflict of interest. " + denial)
    (alleg,) = [a for a in _allegations(g) if g.nodes[a]["act"] == "conflict"]
    assert ("denied_by" in _roles(g, alleg)) is stance


def test_a_denied_clause_about_its_denier_alone_is_no_stance_on_his_other_allegation() -> None:
    g = _graph(
        "Officials said the Trump campaign colluded with Russia. "
        "Donald Trump denied that he was planning to fire Robert Mueller."
    )
    (alleg,) = _allegations(g)
    assert "denied_by" not in _roles(g, alleg)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Bernie Sanders had a heart attack in October.", id="a-heart-attack"),
        pytest.param(
            "Pete Buttigieg started attacking Mike Pence over his faith, Chadwick Moore said.",
            id="words-against-a-person-are-no-assault",
        ),
        pytest.param(
            "Donald Trump was quick to blame the attack on Islamic extremism.",
            id="blamed-on-no-actor",
        ),
        pytest.param(
            "Critics argued that Brett Kavanaugh did not lie under oath.",
            id="a-negated-claim-of-no-one",
        ),
        pytest.param(
            "Officials feared a San Bernardino-type attack.", id="a-place-is-never-accused"
        ),
        pytest.param(
            "Iran's nuclear program has grown, the report said.", id="a-program-is-no-charge"
        ),
        pytest.param(
            "The ambassador was killed in an attack on the Benghazi annex.",
            id="an-annex-is-a-building",
        ),
        pytest.param(
            "Critics attacked the judge, who found neither collusion nor obstruction by "
            "Governor Alan Pike.",
            id="neither-noun-nor-noun",
        ),
        pytest.param(
            "The inquiry found no collusion by Governor Alan Pike.", id="found-no-act-noun"
        ),
        pytest.param(
            "The inspector general found no evidence of bribery by Senator Dana Holt.",
            id="no-evidence-of-an-act-noun",
        ),
        pytest.param(
            "The report cleared Governor Alan Pike of collusion with Russia.",
            id="cleared-of-an-act",
        ),
        pytest.param(
            "The inspector found that Senator Dana Holt had neither bribed officials nor "
            "obstructed the inquiry.",
            id="neither-verb-nor-verb",
        ),
    ],
)
def test_no_allegation_held_out_forms(text: str) -> None:
    g = _graph(text)
    assert [g.nodes[a]["label"] for a in _allegations(g)] == []


@pytest.mark.parametrize(
    ("text", "label"),
    [
        pytest.param(
            "Officials in Kyiv blamed the cyberattack on Russia.",
            "Russia hacked",
            id="blamed-the-act-on-x",
        ),
        pytest.param(
            "The senator argued that the Justice Department had exceeded its authority.",
            "Justice Department overstepped authority",
            id="argued-that-x-exceeded-its-authority",
        ),
        pytest.param(
            "Judge Amy Berman Jackson said Paul Manafort had lied about three different topics.",
            "Paul Manafort lied about three different topics",
            id="a-target-with-its-own-preposition",
        ),
        pytest.param(
            "Kenneth Starr said Bill Clinton misled his Cabinet.",
            "Bill Clinton lied to Cabinet",
            id="lied-to-its-target",
        ),
    ],
)
def test_held_out_labels(text: str, label: str) -> None:
    nodes = _allegation_nodes([text])
    assert [n["label"] for n in nodes] == [label]


def test_a_claim_clause_stops_where_a_clause_with_its_own_subject_joins_it() -> None:
    nodes = _allegation_nodes(
        ["Officials said Russia interfered in the 2016 election and that China hacked the DNC."]
    )
    texts = {n["label"]: n["text"] for n in nodes}
    assert texts["Russia interfered in the 2016 election"] == (
        "Russia interfered in the 2016 election"
    )


_TOLD_MORE = (
    "Jane Roe said Walter Brisk assaulted her in 1990. Roe said Brisk assaulted her again in "
    "1991. Mary Poe said Walter Brisk groped her at a party."
)


@pytest.mark.parametrize(
    ("text", "nodes"),
    [
        pytest.param(
            f"{_TOLD_MORE} The teacher who accused Walter Brisk of sexual assault will testify.",
            {("Walter Brisk assaulted Jane Roe", 3), ("Walter Brisk assaulted Mary Poe", 1)},
            id="an-act-naming-no-victim-is-the-one-the-document-tells-most",
        ),
        pytest.param(
            f"{_TOLD_MORE} Another woman accused Walter Brisk of sexual assault.",
            {
                ("Walter Brisk assaulted Jane Roe", 2),
                ("Walter Brisk assaulted Mary Poe", 1),
                ("Walter Brisk assaulted", 1),
            },
            id="unless-its-sentence-says-it-is-another",
        ),
    ],
)
def test_an_act_with_no_victim_among_several(text: str, nodes: set[tuple[str, int]]) -> None:
    found = {(n["label"], len(n["evidence"])) for n in _allegation_nodes([text])}
    assert found == nodes


_TWO_ACCUSERS = (
    "Jane Roe said Walter Brisk assaulted her in 1990. Another accuser told reporters she "
    "was groped by Walter Brisk during a meeting."
)


@pytest.mark.parametrize(
    ("text", "nodes"),
    [
        pytest.param(
            _TWO_ACCUSERS,
            {("Walter Brisk assaulted Jane Roe", 1), ("Walter Brisk assaulted another accuser", 1)},
            id="an-unnamed-accuser-is-another-victim-not-the-one-named-before",
        ),
        pytest.param(
            f"{_TWO_ACCUSERS} Roe's accusation against Brisk was reported widely.",
            {("Walter Brisk assaulted Jane Roe", 2), ("Walter Brisk assaulted another accuser", 1)},
            id="an-accusation-with-no-act-is-the-one-its-claimant-made",
        ),
        pytest.param(
            f"{_TWO_ACCUSERS} Roe said he assaulted her again in 1991. The accusations against "
            "Brisk were reported widely.",
            {("Walter Brisk assaulted Jane Roe", 3), ("Walter Brisk assaulted another accuser", 1)},
            id="an-accusation-naming-no-one-is-the-one-the-document-tells-most",
        ),
    ],
)
def test_accusers_of_one_accused_are_allegations_of_their_own(
    text: str, nodes: set[tuple[str, int]]
) -> None:
    found = {(n["label"], len(n["evidence"])) for n in _allegation_nodes([text])}
    assert found == nodes
