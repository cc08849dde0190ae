"""The gazetteer: shipped data, normalisation, look-ups, user files."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kgraph._errors import DocumentNotFoundError, FormatError
from kgraph.gazetteer import ENTRY_TYPES, Gazetteer, GazetteerEntry, normalise

SRC = Path(__file__).resolve().parent.parent / "src"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def _data(name: str) -> list[list[str]]:
    """The data rows of a shipped TSV file, split into cells."""
    text = resources.files("kgraph").joinpath("data").joinpath(name).read_text("utf-8")
    return [
        line.split("\t")
        for line in text.splitlines()
        if line.strip() and not line.startswith("#") and not line.startswith("id\t")
    ]


# ---------------------------------------------------------------------- look-ups
HITS = [
    # countries and their variants
    ("United States", "country:US"),
    ("U.S.", "country:US"),
    ("US", "country:US"),
    ("USA", "country:US"),
    ("U.S.A.", "country:US"),
    ("America", "country:US"),
    ("United States of America", "country:US"),
    ("the United States", "country:US"),
    ("The United States", "country:US"),
    ("the States", "country:US"),
    ("the U.S.", "country:US"),
    ("Russia", "country:RU"),
    ("Russian Federation", "country:RU"),
    ("the Russian Federation", "country:RU"),
    ("RUSSIA", "country:RU"),
    ("Britain", "country:GB"),
    ("Great Britain", "country:GB"),
    ("U.K.", "country:GB"),
    ("UK", "country:GB"),
    ("Islamic Republic of Iran", "country:IR"),
    ("DPRK", "country:KP"),
    ("D.P.R.K.", "country:KP"),
    ("ROK", "country:KR"),
    ("North Korea", "country:KP"),
    ("Afghanistan", "country:AF"),
    ("Syria", "country:SY"),
    ("Georgia", "country:GE"),
    ("Türkiye", "country:TR"),
    ("Turkiye", "country:TR"),
    ("Côte d’Ivoire", "country:CI"),
    ("Cote d'Ivoire", "country:CI"),
    ("The Gambia", "country:GM"),
    ("Gambia", "country:GM"),
    ("Zambia", "country:ZM"),
    ("Iraq", "country:IQ"),
    ("Iran", "country:IR"),
    ("Taiwan", "country:TW"),
    ("Palestine", "country:PS"),
    ("Kosovo", "country:XK"),
    ("Holy See", "country:VA"),
    ("Bosnia & Herzegovina", "country:BA"),
    ("Guinea Bissau", "country:GW"),
    # possessives and curly quotes
    ("Russia's", "country:RU"),
    ("Russia’s", "country:RU"),
    ("the Kremlin's", "agency:kremlin"),
    ("Reuters'", "org:reuters"),
    ("Just Security's", "org:just-security"),
    ("America’s", "country:US"),
    # agencies, acronyms with and without dots
    ("CIA", "agency:cia"),
    ("C.I.A.", "agency:cia"),
    ("the C.I.A.", "agency:cia"),
    ("the CIA", "agency:cia"),
    ("Central Intelligence Agency", "agency:cia"),
    ("central intelligence agency", "agency:cia"),
    ("F.B.I.", "agency:fbi"),
    ("Director of National Intelligence", "agency:odni"),
    ("ODNI", "agency:odni"),
    ("GRU", "agency:gru"),
    ("Unit 29155", "agency:gru"),
    ("Russian military intelligence", "agency:gru"),
    ("FSB", "agency:fsb"),
    ("SVR", "agency:svr"),
    ("KGB", "agency:kgb"),
    ("MI6", "agency:mi6"),
    ("Secret Intelligence Service", "agency:mi6"),
    ("MI5", "agency:mi5"),
    ("GCHQ", "agency:gchq"),
    ("Mossad", "agency:mossad"),
    ("the Mossad", "agency:mossad"),
    ("Shin Bet", "agency:shin-bet"),
    ("MSS", "agency:mss"),
    ("SBU", "agency:sbu"),
    ("State Department", "agency:state-dept"),
    ("the State Department", "agency:state-dept"),
    ("Department of State", "agency:state-dept"),
    ("U.S. Department of State", "agency:state-dept"),
    ("Pentagon", "agency:dod"),
    ("the Pentagon", "agency:dod"),
    ("Department of Defense", "agency:dod"),
    ("Defense Department", "agency:dod"),
    ("Justice Department", "agency:doj"),
    ("DOJ", "agency:doj"),
    ("Treasury", "agency:treasury"),
    ("Homeland Security", "agency:dhs"),
    ("DHS", "agency:dhs"),
    ("Russian Foreign Ministry", "agency:ru-mfa"),
    ("Ministry of Defence", "agency:uk-mod"),
    ("MoD", "agency:uk-mod"),
    ("White House", "agency:white-house"),
    ("the White House", "agency:white-house"),
    ("Kremlin", "agency:kremlin"),
    ("Russian government", "agency:kremlin"),
    ("Downing Street", "agency:downing-street"),
    ("No. 10", "agency:downing-street"),
    ("Élysée", "agency:elysee"),
    ("Elysee Palace", "agency:elysee"),
    ("Congress", "agency:congress"),
    ("Senate", "agency:us-senate"),
    ("House of Representatives", "agency:us-house"),
    ("House Intelligence Committee", "agency:house-intel"),
    ("the House Intelligence Committee", "agency:house-intel"),
    ("Senate Intelligence Committee", "agency:senate-intel"),
    ("Senate Foreign Relations Committee", "agency:senate-fr"),
    ("House Foreign Affairs Committee", "agency:house-fa"),
    ("Senate Armed Services Committee", "agency:senate-as"),
    ("Duma", "agency:duma"),
    ("State Duma", "agency:duma"),
    ("Parliament", "agency:uk-parliament"),
    ("Joint Chiefs of Staff", "agency:jcs"),
    ("the Joint Chiefs of Staff", "agency:jcs"),
    ("U.S. Army", "agency:us-army"),
    ("Navy", "agency:us-navy"),
    ("Air Force", "agency:us-air-force"),
    ("Marine Corps", "agency:us-marines"),
    ("Russian General Staff", "agency:ru-general-staff"),
    ("the Russian general staff", "agency:ru-general-staff"),
    ("National Security Council", "agency:nsc"),
    ("White House National Security Council", "agency:nsc"),
    ("the White House National Security Council", "agency:nsc"),
    ("the Fed", "agency:fed"),
    # organisations
    ("Wagner Group", "org:wagner"),
    ("NATO", "org:nato"),
    ("North Atlantic Treaty Organization", "org:nato"),
    ("United Nations", "org:un"),
    ("UN", "org:un"),
    ("U.N.", "org:un"),
    ("the U.N.", "org:un"),
    ("UN Security Council", "org:unsc"),
    ("U.N. Security Council", "org:unsc"),
    ("United Nations Security Council", "org:unsc"),
    ("the United Nations Security Council", "org:unsc"),
    ("EU", "org:eu"),
    ("IAEA", "org:iaea"),
    ("OPEC", "org:opec"),
    ("WHO", "org:who"),
    ("IMF", "org:imf"),
    ("World Bank", "org:world-bank"),
    ("Taliban", "org:taliban"),
    ("the Taliban", "org:taliban"),
    ("al-Qaeda", "org:al-qaeda"),
    ("al Qaeda", "org:al-qaeda"),
    ("al-Qaida", "org:al-qaeda"),
    ("Al-Qaeda", "org:al-qaeda"),
    ("ISIS", "org:isis"),
    ("ISIL", "org:isis"),
    ("Islamic State", "org:isis"),
    ("Daesh", "org:isis"),
    ("Islamic State of Iraq and Syria", "org:isis"),
    ("Islamic State, Iraq and Syria", "org:isis"),
    ("Hezbollah", "org:hezbollah"),
    ("Hamas", "org:hamas"),
    ("Houthis", "org:houthis"),
    ("Boko Haram", "org:boko-haram"),
    ("al-Shabab", "org:al-shabab"),
    ("al-Shabaab", "org:al-shabab"),
    ("PKK", "org:pkk"),
    ("The New York Times", "org:nyt"),
    ("New York Times", "org:nyt"),
    ("the New York Times", "org:nyt"),
    ("THE NEW YORK TIMES", "org:nyt"),
    ("NYT", "org:nyt"),
    ("The Washington Post", "org:wapo"),
    ("Washington Post", "org:wapo"),
    ("Wall Street Journal", "org:wsj"),
    ("Associated Press", "org:ap"),
    ("The Associated Press", "org:ap"),
    ("AP", "org:ap"),
    ("Reuters", "org:reuters"),
    ("BBC", "org:bbc"),
    ("CNN", "org:cnn"),
    ("Fox News", "org:fox-news"),
    ("Politico", "org:politico"),
    ("Axios", "org:axios"),
    ("Axios on HBO", "org:axios"),
    ("HBO", "org:hbo"),
    ("The Daily Beast", "org:daily-beast"),
    ("Daily Beast", "org:daily-beast"),
    ("The Guardian", "org:guardian"),
    ("The Atlantic", "org:atlantic"),
    ("The New Yorker", "org:new-yorker"),
    ("Breitbart News", "org:breitbart"),
    ("Al Jazeera", "org:al-jazeera"),
    ("RT", "org:rt"),
    ("TASS", "org:tass"),
    ("Sputnik", "org:sputnik"),
    ("Xinhua", "org:xinhua"),
    ("Just Security", "org:just-security"),
    ("AlterNet", "org:alternet"),
    ("Alternet", "org:alternet"),
    ("The Hill", "org:the-hill"),
    ("Newsweek", "org:newsweek"),
    ("Time magazine", "org:time"),
    ("Carnegie Endowment for International Peace", "org:carnegie"),
    ("the Carnegie Endowment for International Peace", "org:carnegie"),
    ("Carnegie Endowment", "org:carnegie"),
    ("Brookings Institution", "org:brookings"),
    ("RAND Corporation", "org:rand"),
    ("Heritage Foundation", "org:heritage"),
    ("Council on Foreign Relations", "org:cfr"),
    ("Atlantic Council", "org:atlantic-council"),
    ("CSIS", "org:csis"),
    ("Democratic Party", "org:dem-party"),
    ("Republican Party", "org:gop"),
    ("GOP", "org:gop"),
    ("G.O.P.", "org:gop"),
    ("United Russia", "org:united-russia"),
    ("Labour Party", "org:uk-labour"),
    ("Conservative Party", "org:uk-conservatives"),
    # places
    ("Washington, D.C.", "loc:us-dc"),
    ("WASHINGTON", "loc:us-dc"),
    ("Crimea", "loc:crimea"),
    ("Donbas", "loc:donbas"),
    ("Donbass", "loc:donbas"),
    ("Gaza Strip", "loc:gaza"),
    ("West Bank", "loc:west-bank"),
    ("Kashmir", "loc:kashmir"),
    ("Europe", "loc:europe"),
    ("Eurasia", "loc:eurasia"),
    ("Middle East", "loc:middle-east"),
    ("the Balkans", "loc:balkans"),
    ("Balkans", "loc:balkans"),
    ("Siberia", "loc:siberia"),
    ("Chechnya", "loc:chechnya"),
    ("Taiwan Strait", "loc:taiwan-strait"),
    ("Florida", "loc:us-fl"),
    ("New Hampshire", "loc:us-nh"),
    ("California", "loc:us-ca"),
    ("Washington State", "loc:us-wa"),
    ("Moscow", "capital:RU"),
    ("Kyiv", "capital:UA"),
    ("Kiev", "capital:UA"),
    ("Beijing", "capital:CN"),
    ("Tehran", "capital:IR"),
    # whitespace and invisible characters
    ("  Central   Intelligence\tAgency ", "agency:cia"),
    ("United\u00a0States", "country:US"),
    ("Rus\u200bsia", "country:RU"),
    # planets
    ("Venus", "loc:planet-venus"),
    ("the Red Planet", "loc:planet-mars"),
    # movements that act
    ("Antifa", "org:antifa"),
    ("BLM", "org:blm"),
    # a state by its nickname
    ("the Hawkeye State", "loc:us-ia"),
    ("Lone Star State's", "loc:us-tx"),
    ("Keystone State", "loc:us-pa"),
]


@pytest.mark.parametrize(("name", "expected"), HITS)
def test_lookup_hits(gaz: Gazetteer, name: str, expected: str) -> None:
    entry = gaz.lookup(name)
    assert entry is not None, name
    assert entry.id == expected


MISSES = [
    "us",
    "Us",
    "u.s.",
    "uk",
    "Cia",
    "who",
    "Times",
    "The Times",
    "the Times",
    "State",
    "Defense",
    "Secretary of State",
    "Secretary",
    "Islamic",
    "Islamist",
    "Democrats",
    "Republicans",
    "Soviet",
    "Congo",
    "Korea",
    "Hill",
    "the hill",
    "The states",
    "Fed",
    "Post",
    "Journal",
    "Atlantic",
    "Guardian",
    "Victoria",
    "Malé",
    "Rand",
    "Golden State",  # the Golden State Warriors
    "Garden State",
    "",
    "   ",
    "the",
    "The",
    "'s",
    "...",
]


@pytest.mark.parametrize("name", MISSES)
def test_lookup_misses(gaz: Gazetteer, name: str) -> None:
    assert gaz.lookup(name) is None


@pytest.mark.parametrize("name", ["Washington", "WASHINGTON", "washington", "Washington, D.C."])
def test_washington_is_never_the_country(gaz: Gazetteer, name: str) -> None:
    entry = gaz.lookup(name)
    assert entry is None or entry.type == "Location"
    assert gaz.fuzzy_country(name) is None


def test_entry_fields(gaz: Gazetteer) -> None:
    cia = gaz.by_id("agency:cia")
    assert (cia.type, cia.subtype, cia.country) == ("Agency", "intelligence agency", "US")
    assert "C.I.A." in cia.aliases
    assert cia.names[0] == "Central Intelligence Agency"
    russia = gaz.by_id("country:RU")
    assert russia.canonical == "Russia"
    assert russia.country == "RU"
    assert russia.capital == "Moscow"
    assert {"Russian", "Russians"} <= set(russia.demonyms)
    assert gaz.by_id("loc:us-fl").subtype == "state"
    assert gaz.by_id("loc:us-fl").country == "US"
    assert gaz.by_id("org:wagner").subtype == "private military company"
    assert gaz.by_id("org:taliban").subtype == "militant group"
    assert gaz.by_id("org:unsc").subtype == "intergovernmental"
    with pytest.raises(KeyError, match="no gazetteer entry"):
        gaz.by_id("agency:nope")
    assert "agency:cia" in gaz
    assert "agency:nope" not in gaz


# ---------------------------------------------------------------------- fuzzy
FUZZY = [
    ("Libva", "country:LY"),
    ("Lbiya", "country:LY"),  # one transposition
    ("Ukriane", "country:UA"),
    ("Afghanistn", "country:AF"),
    ("Gambla", "country:GM"),
    ("Gambia", "country:GM"),
    ("Zambia", "country:ZM"),
    ("Iraq", "country:IQ"),
    ("Iran", "country:IR"),
    ("Russia", "country:RU"),
    ("the Phillippines", "country:PH"),
    ("Iraw", None),  # too short to correct, and never Iraq/Iran
    ("Irak", None),
    ("Tambia", None),  # Gambia or Zambia: two candidates
    ("Tiger", None),  # Niger only with another first letter
    ("Iraqi", None),  # a demonym, not a misspelt country
    ("Crimea", None),  # an exact hit, but not a country
    ("Washingtn", None),
    ("", None),
]


@pytest.mark.parametrize(("name", "expected"), FUZZY)
def test_fuzzy_country(gaz: Gazetteer, name: str, expected: str | None) -> None:
    entry = gaz.fuzzy_country(name)
    assert (entry.id if entry is not None else None) == expected


def test_fuzzy_never_confuses_iraq_and_iran(gaz: Gazetteer) -> None:
    assert gaz.lookup("Libva") is None
    assert gaz.fuzzy_country("Iraq") == gaz.lookup("Iraq")
    assert gaz.fuzzy_country("Iran") == gaz.lookup("Iran")


# ---------------------------------------------------------------------- demonyms
DEMONYMS = [
    ("Russian", "country:RU"),
    ("Russians", "country:RU"),
    ("RUSSIAN", "country:RU"),
    ("American", "country:US"),
    ("Americans", "country:US"),
    ("Afghan", "country:AF"),
    ("Afghans", "country:AF"),
    ("British", "country:GB"),
    ("Briton", "country:GB"),
    ("Britons", "country:GB"),
    ("Chinese", "country:CN"),
    ("Iranian", "country:IR"),
    ("Israeli", "country:IL"),
    ("Ukrainian", "country:UA"),
    ("French", "country:FR"),
    ("German", "country:DE"),
    ("Syrian", "country:SY"),
    ("Polish", "country:PL"),
    ("North Korean", "country:KP"),
    ("Saudi", "country:SA"),
    ("Emirati", "country:AE"),
    ("Palestinian", "country:PS"),
    ("Bissau-Guinean", "country:GW"),
    ("Soviet", None),
    ("polish", None),
    ("Korean", None),
    ("Congolese", None),
    ("European", None),
    ("Russia", None),
    ("", None),
]


@pytest.mark.parametrize(("word", "expected"), DEMONYMS)
def test_demonym(gaz: Gazetteer, word: str, expected: str | None) -> None:
    entry = gaz.demonym(word)
    assert (entry.id if entry is not None else None) == expected


# ---------------------------------------------------------------------- capitals
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Moscow", "country:RU"),
        ("Kiev", "country:UA"),
        ("Washington", "country:US"),
        ("Washington, D.C.", "country:US"),
        ("London", "country:GB"),
        ("Singapore", "country:SG"),
        ("Victoria", None),
        ("Springfield", None),
    ],
)
def test_capital_of(gaz: Gazetteer, name: str, expected: str | None) -> None:
    entry = gaz.capital_of(name)
    assert (entry.id if entry is not None else None) == expected


# ---------------------------------------------------------------------- titles
TITLES = [
    ("President", True),
    ("president", True),
    ("Vice President", True),
    ("Secretary of State", True),
    ("secretary of state", True),
    ("Deputy Secretary of State", True),
    ("Defense Secretary", True),
    ("Secretary of Defense", True),
    ("Attorney General", True),
    ("Foreign Minister", True),
    ("Prime Minister", True),
    ("Senator", True),
    ("Sen.", True),
    ("Sen", True),
    ("Rep.", True),
    ("Gen.", True),
    ("General", True),
    ("Lt. Gen.", True),
    ("Adm.", True),
    ("Mr.", True),
    ("Ms.", True),
    ("Dr.", True),
    ("Gov.", True),
    ("Mayor", True),
    ("Ambassador", True),
    ("Director", True),
    ("Chairman", True),
    ("Speaker", True),
    ("Chancellor", True),
    ("King", True),
    ("Pope", True),
    ("Judge", True),
    ("Justice", True),
    ("former", True),
    ("Former", True),
    ("national security adviser", True),
    ("National Security Adviser", True),
    ("special envoy", True),
    ("former President", True),
    ("former Secretary of State", True),
    ("then-President", True),
    ("Secretary-General", True),
    ("Secretary General", True),
    ("State", False),
    ("Defense", False),
    ("Justice Department", False),
    ("General Staff", False),
    ("Secretary of State Mike Pompeo", False),
    ("President's", False),
    ("Pompeo", False),
    ("", False),
    ("   ", False),
]


@pytest.mark.parametrize(("words", "expected"), TITLES)
def test_is_title(gaz: Gazetteer, words: str, expected: bool) -> None:
    assert gaz.is_title(words) is expected


def test_titles_are_not_entity_names(gaz: Gazetteer) -> None:
    """A title that is also a name would hide the entity from the extractor."""
    clashes = sorted(t for t in gaz.titles if gaz.lookup(t) is not None)
    assert clashes == []


def test_titles_file() -> None:
    text = resources.files("kgraph").joinpath("data").joinpath("titles.txt").read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    assert len(lines) >= 150
    assert len(lines) == len(set(lines)), [k for k, n in Counter(lines).items() if n > 1]
    assert all(ln == ln.strip() for ln in lines)


# ---------------------------------------------------------------------- normalisation
@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("U.S.", "US"),
        ("the U.S.’s", "the US"),
        ("C.I.A.", "CIA"),
        ("Reuters'", "Reuters"),
        ("Al‑Qaeda", "Al Qaeda"),  # non-breaking hyphen
        ("Élysée", "Elysee"),
        ("“NATO”", "NATO"),
        ("  a \n b  ", "a b"),
        ("", ""),
    ],
)
def test_normalise(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_queries_never_raise(text: str) -> None:
    gaz = Gazetteer.default()
    for result in (
        gaz.lookup(text),
        gaz.fuzzy_country(text),
        gaz.demonym(text),
        gaz.capital_of(text),
    ):
        assert result is None or isinstance(result, GazetteerEntry)
    assert isinstance(gaz.is_title(text), bool)
    assert isinstance(normalise(text), str)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from([name for name, _ in HITS if not name.endswith(("s", "'"))]),
    st.sampled_from(["", "'s", "’s", " ", ".", ","]),
)
def test_hits_survive_decoration(name: str, suffix: str) -> None:
    gaz = Gazetteer.default()
    assert gaz.lookup(name + suffix) == gaz.lookup(name)


# ---------------------------------------------------------------------- shipped data
def test_default_is_cached() -> None:
    assert Gazetteer.default() is Gazetteer.default()


def test_import_reads_nothing() -> None:
    code = (
        "import kgraph.gazetteer as g; "
        "assert g._default.cache_info().currsize == 0; "
        "g.Gazetteer.default(); "
        "assert g._default.cache_info().currsize == 1"
    )
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
    }
    subprocess.run([sys.executable, "-c", code], check=True, env=env, timeout=60)


def test_countries_file() -> None:
    rows = _data("countries.tsv")
    assert all(len(r) == 5 for r in rows), [r for r in rows if len(r) != 5]
    ids = [r[0] for r in rows]
    assert len(ids) == len(set(ids))
    assert len(rows) == 197  # 193 UN members + Kosovo, Palestine, Taiwan, Vatican City
    assert all(re.fullmatch(r"country:[A-Z]{2}", i) for i in ids)
    for code in ("US", "RU", "GB", "CN", "IL", "IR", "UA", "FR", "DE", "TW", "PS", "XK", "VA"):
        assert f"country:{code}" in ids
    assert all(r[1] and r[1] == r[1].strip() for r in rows)
    demonyms = [d for r in rows for d in r[3].split("|") if d]
    assert "Soviet" not in demonyms
    assert len(demonyms) == len(set(demonyms)), [d for d, n in Counter(demonyms).items() if n > 1]


def test_entities_file(gaz: Gazetteer) -> None:
    rows = _data("entities.tsv")
    assert all(len(r) == 6 for r in rows), [r for r in rows if len(r) != 6]
    assert len(rows) >= 300
    ids = [r[0] for r in rows]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]
    prefix = {"Agency": "agency:", "Organization": "org:", "Location": "loc:"}
    countries = {r[0].removeprefix("country:") for r in _data("countries.tsv")}
    for eid, type_, subtype, country, canonical, aliases in rows:
        assert eid.startswith(prefix[type_]), eid
        assert re.fullmatch(r"[a-z]+:[a-z0-9-]+", eid), eid
        assert subtype, eid
        assert not country or country in countries, eid
        assert canonical and canonical == canonical.strip(), eid
        assert all(a and a == a.strip() for a in aliases.split("|") if aliases), eid
    states = [r for r in rows if r[2] == "state"]
    assert len(states) == 50
    assert all(r[3] == "US" for r in states)
    assert gaz.by_id("loc:us-dc").country == "US"


def test_no_collisions(gaz: Gazetteer) -> None:
    """No two shipped entries share a name (so none across types either)."""
    assert gaz.collisions == ()


def test_every_name_maps_back(gaz: Gazetteer) -> None:
    """Every name of every entry finds that entry, except the capitals that give way
    to an entry of the same name (listed here on purpose)."""
    yielded = {
        ("capital:US", "Washington"): "loc:us-dc",
        ("capital:US", "Washington, D.C."): "loc:us-dc",
        ("capital:SG", "Singapore"): "country:SG",
        ("capital:MC", "Monaco"): "country:MC",
        ("capital:SM", "San Marino"): "country:SM",
        ("capital:LU", "Luxembourg"): "country:LU",
        ("capital:DJ", "Djibouti"): "country:DJ",
        ("capital:VA", "Vatican City"): "country:VA",
    }
    wrong = {}
    for entry in gaz:
        for name in entry.names:
            found = gaz.lookup(name)
            got = found.id if found is not None else None
            if got != yielded.get((entry.id, name), entry.id):
                wrong[(entry.id, name)] = got
        for word in entry.demonyms:
            assert gaz.demonym(word) == entry, (entry.id, word)
    assert wrong == {}


def test_types_and_counts(gaz: Gazetteer) -> None:
    counts = Counter(e.type for e in gaz)
    assert set(counts) <= ENTRY_TYPES
    assert counts["Country"] == 197
    assert counts["Agency"] >= 150
    assert counts["Organization"] >= 150
    assert len(gaz) == sum(counts.values())


# ---------------------------------------------------------------------- user files
def test_extended_adds_entries_and_aliases(tmp_path: Path, gaz: Gazetteer) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text(
        "# my additions\n"
        "id\ttype\tsubtype\tcountry\tcanonical\taliases\n"
        "agency:example-bureau\tAgency\tintelligence agency\tRU\tExample Bureau\tEB-7|XB\n"
        "person:ivan\tPerson\t\tRU\tIvan Example\tI. Example\n"
        "The Company\tagency:cia\n"
        "Langley\tCentral Intelligence Agency\n"
        "Bureau Seven\tExample Bureau\n"
        "\n",
        encoding="utf-8",
    )
    mine = gaz.extended(path)
    assert mine is not gaz
    assert len(mine) == len(gaz) + 2
    bureau = mine.lookup("Example Bureau")
    assert bureau is not None and bureau.id == "agency:example-bureau"
    assert bureau.country == "RU" and bureau.subtype == "intelligence agency"
    assert mine.lookup("X.B.") == bureau
    assert mine.lookup("Bureau Seven") == bureau
    assert mine.lookup("The Company") == mine.by_id("agency:cia")
    # a user alias wins over the shipped entry of the same name
    assert mine.lookup("Langley") == mine.by_id("agency:cia")
    assert "Langley" in mine.by_id("agency:cia").aliases
    person = mine.lookup("Ivan Example")
    assert person is not None and person.type == "Person" and person.subtype is None
    # the original is untouched
    assert gaz.lookup("Example Bureau") is None
    assert gaz.lookup("Langley") == gaz.by_id("loc:langley")
    assert "Langley" not in gaz.by_id("agency:cia").aliases
    # extensions stack
    more = tmp_path / "more.tsv"
    more.write_text("Company B\tExample Bureau\n", encoding="utf-8")
    both = mine.extended(str(more))
    assert both.lookup("Company B") == both.by_id("agency:example-bureau")
    assert both.lookup("Langley") == both.by_id("agency:cia")


def test_extended_replaces_an_entry(tmp_path: Path, gaz: Gazetteer) -> None:
    path = tmp_path / "fix.tsv"
    path.write_text(
        "org:wagner\tOrganization\tmercenary group\tRU\tWagner PMC Group\tWagner Group\n",
        encoding="utf-8",
    )
    mine = gaz.extended(path)
    wagner = mine.by_id("org:wagner")
    assert wagner.canonical == "Wagner PMC Group" and wagner.subtype == "mercenary group"
    assert mine.lookup("Wagner Group") == wagner
    assert mine.lookup("PMC Wagner") is None  # the old aliases went with the old row
    assert len(mine) == len(gaz)


BAD_FILES = [
    ("Langley\n", 1, "2 tab-separated columns"),
    ("a\tb\tc\n", 1, "got 3"),
    ("# ok\nCompany\tNo Such Entity Anywhere\n", 2, "neither an id nor a name"),
    ("x:y\tPerson\t\t\tOne\t\nx:y\tPerson\t\t\tTwo\t\n", 2, "defined twice"),
    ("x:y\tWidget\t\t\tOne\t\n", 1, "unknown type"),
    ("x:y\tAgency\t\tRussia\tOne\t\n", 1, "ISO alpha-2"),
    ("x:y\tAgency\t\t\t\t\n", 1, "empty canonical"),
    ("x y\tAgency\t\t\tOne\t\n", 1, "without spaces"),
    ("\tagency:cia\n", 1, "empty alias"),
    ("...\tagency:cia\n", 1, "no letters"),
]


@pytest.mark.parametrize(("content", "line", "message"), BAD_FILES)
def test_extended_bad_line(
    tmp_path: Path, gaz: Gazetteer, content: str, line: int, message: str
) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FormatError, match=re.escape(f"{path}:{line}")) as info:
        gaz.extended(path)
    assert message in str(info.value)
    assert isinstance(info.value, ValueError)


def test_extended_missing_or_binary_file(tmp_path: Path, gaz: Gazetteer) -> None:
    with pytest.raises(DocumentNotFoundError, match=re.escape("nope.tsv")):
        gaz.extended(tmp_path / "nope.tsv")
    with pytest.raises(FileNotFoundError):
        gaz.extended(tmp_path / "nope.tsv")
    binary = tmp_path / "bin.tsv"
    binary.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(FormatError, match=re.escape("bin.tsv")):
        gaz.extended(binary)


def test_user_entry_is_only_what_a_user_file_names(tmp_path: Path, gaz: Gazetteer) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text(
        "person:djt\tPerson\t\tUS\tDonald J. Trump\t\nTrump\tperson:djt\n", encoding="utf-8"
    )
    mine = gaz.extended(path)
    entry = mine.user_entry("Trump")
    assert entry is not None and entry.id == "person:djt"
    assert mine.user_entry("Donald J. Trump") == entry
    assert mine.user_entry("Russia") is None
    assert gaz.user_entry("Trump") is None


def test_readings_file() -> None:
    gaz = Gazetteer.default()
    rows = [row for row in _data("readings.tsv") if row[0] != "name"]
    assert rows and all(len(row) == 3 for row in rows), "name, id, cues"
    for name, eid, cues in rows:
        assert eid in gaz, f"readings.tsv: unknown id {eid}"
        assert cues.strip(), f"readings.tsv: {name} {eid} has no cues"
        assert eid in [e for e, _cues in gaz.readings(name)]


@pytest.mark.parametrize(
    ("first", "family", "expected"),
    [("barack", "obama", True), ("bashar", "assad", True), ("carter", "page", False)],
)
def test_is_leader(first: str, family: str, expected: bool) -> None:
    from kgraph.gazetteer import is_leader

    assert is_leader(first, family) is expected
