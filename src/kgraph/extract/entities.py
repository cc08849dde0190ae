"""Entity mentions from a parsed Doc: spaCy's entities, cleaned, typed and completed.

A pure function over a Doc: :func:`extract_mentions` yields one
:class:`RawMention` per name, with titles, determiners and possessives cut
off the span, demonyms kept as pointers to their country, and well-known
names spaCy missed found through the gazetteer.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Final

from kgraph.gazetteer import first_names, programme_names
from kgraph.nlp import doc_text, doc_words
from kgraph.timex import MONTH_NAMES, WEEKDAY_NAMES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from kgraph.gazetteer import Gazetteer, GazetteerEntry
    from kgraph.ingest import Prepared

__all__ = [
    "RawMention",
    "abbreviates",
    "acronym",
    "agency_pattern",
    "extract_mentions",
    "normalize_name",
]

_KEEP_LABELS: Final = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
_HONORIFICS: Final = frozenset(
    [
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "dr",
        "dr.",
        "sir",
        "dame",
        "lord",
        "lady",
        "prof",
        "prof.",
        "rev",
        "rev.",
        "st",
        "st.",
        "messrs",
        "messrs.",
        "mmes",
        "mmes.",
    ]
)
#: the lower-case words a name may open with ("de Blasio", "al-Qaeda", "bin Salman")
_NAME_PARTICLES: Final = frozenset(
    {"de", "da", "di", "dos", "del", "van", "von", "der", "den", "la", "le", "bin", "al", "el"}
    | {"ibn", "du", "ul", "bint"}
)
#: imperatives a headline or a page puts before a name
_HEADLINE_VERBS: Final = frozenset({"Meet", "Watch", "Read", "Listen", "Follow", "Subscribe"})
#: the honorific of a saint, which a place's name keeps ("St. Louis")
_SAINTS: Final = frozenset({"st", "st."})
_DETERMINERS: Final = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_AGENCY_HEADS: Final = re.compile(
    r"\b(?:Department|Dept\.?|Ministry|Agency|Committee|Subcommittee|Council|Bureau|Office|"
    r"Administration|Commission|Directorate|Service|Services|Army|Navy|Air Force|Marine Corps|"
    r"Marines|Guard|Command|Forces|Force|Senate|House of|Parliament|Congress|Duma|Cabinet|"
    r"Secretariat|Ministry|Police|Staff|Treasury|Pentagon|Kremlin|White House|Fleet|Corps|Archives|"
    r"Board|Patrol|Legislature|Assembly|Infantry|Airborne|Cavalry|Brigade|Battalion|Regiment|"
    r"Government|Embassy|Consulate|Court|Circuit|Tribunal|Prosecutor|Authority)\b"
)
_ORG_SUBTYPES: Final = (
    (re.compile(r"\b(?:Party|GOP)\b"), "political party"),
    (
        re.compile(
            r"\b(?:Times|Post|Journal|News|Press|Herald|Tribune|Magazine|Radio|TV|"
            r"Television|Broadcasting|Gazette|Daily|Weekly|Review|Chronicle|Inquirer|Courier|"
            r"Examiner|Dispatch|Sentinel)\b"
        ),
        "media",
    ),
    (
        re.compile(
            r"\b(?:Inc\.?|Corp\.?|Corporation|Company|Co\.|Ltd\.?|LLC|Group|Holdings|"
            r"Bank|Airlines|Motors)\b"
        ),
        "company",
    ),
    (re.compile(r"\b(?:University|College|Institute|School|Academy)\b"), "academic"),
    (
        re.compile(r"\b(?:Endowment|Foundation|Institution|Center|Centre|Council on)\b"),
        "think tank",
    ),
)
_SPEECH_VERBS: Final = frozenset(
    {
        "say",
        "tell",
        "write",
        "argue",
        "add",
        "insist",
        "explain",
        "recall",
        "tweet",
        "note",
        "testify",
        "complain",
        "joke",
        "quip",
        "vow",
        "promise",
        "laugh",
        "smile",
    }
)
_JUNK: Final = re.compile(r"[@#\[\]{}<>|\\]|https?:|www\.|\.com\b")
_NAME_WORD: Final = re.compile(
    r"^(?:[A-Z]\.)+$|^(?:Mc|Mac|O'|O’|D'|D’|De|Di|La|Le|Van|Von)?[A-Z][a-zà-ÿ'’\-]*(?:-[A-Z][a-zà-ÿ'’]*)*\.?$"
    r"|^(?:de|da|di|van|von|der|den|la|le|bin|al|el|ibn|du|dos|del)$|^[A-Z]{2,}$|^(?:Jr|Sr|II|III|IV)\.?$"
    # an Arabic surname with its article: "Ayman al-Zawahiri", "Anwar al-Awlaki"
    r"|^(?:al|el|ad|ar|as|ash|at|az|ul)[-‑][A-Z][a-zà-ÿ'’\-]*$"
)
_CAMEL_GIVEN: Final = re.compile(r"^[A-Z][a-z]+[A-Z][a-z]+$")
_QUOTED_NICKNAME: Final = re.compile(r"^[\"“][A-Z][a-z]+[\"”]$")
_BAD_CHARS: Final = re.compile(r"^[\W\d_]+$")
#: possessive determiners: "our Commonwealth" is a common noun, capitalised
_POSSESSIVE_DETS: Final = frozenset({"our", "my", "your", "their", "its"})
#: words for members of a party or a camp: "VA Dem officeholders" names no entity
_PARTISANS: Final = frozenset(
    {
        "dem",
        "dems",
        "democrat",
        "democrats",
        "republican",
        "republicans",
        "conservative",
        "conservatives",
        "liberal",
        "liberals",
        "progressive",
        "progressives",
        "loyalist",
        "loyalists",
    }
)
#: a name followed by one of these is a media outlet ("the Atlantic magazine")
_MEDIA_NOUNS: Final = frozenset(
    {
        "magazine",
        "newspaper",
        "paper",
        "daily",
        "weekly",
        "website",
        "site",
        "blog",
        "outlet",
        "network",
        "channel",
        "broadcaster",
        "tabloid",
        "newsletter",
        "podcast",
    }
)
#: a name in apposition to one of these is an organisation ("his firm Webzilla")
_ORG_NOUNS: Final = _MEDIA_NOUNS | frozenset(
    {
        "firm",
        "company",
        "group",
        "organization",
        "organisation",
        "startup",
        "charity",
        "nonprofit",
        "agency",
        "consultancy",
        "bank",
        "fund",
        "party",
        "publication",
        "store",
        "retailer",
        "chain",
        "think tank",  # two words: the kind :func:`_noun_after` reads ("the X think tank")
    }
)
#: institutional words that name nothing alone ("Intelligence officials said")
_GENERIC_WORDS: Final = frozenset(
    {
        "intelligence",
        "security",
        "defense",
        "defence",
        "justice",
        "military",
        "government",
        "administration",
        "police",
        "state",
        "federal",
        "national",
        "foreign",
        "homeland",
        "analysis",
        "opinion",
        "commentary",
        "editorial",
        "exclusive",
        "update",
        "breaking",
        "news",
        "slideshow",
        "gallery",
        "video",
        "photo",
        "photos",
        "advertisement",
        "sponsored",
        "copyright",
        "headquarters",
        "left",
        "right",
    }
)
#: "the Trump campaign", "the Obama administration": a person's name naming a body
_BODY_NOUNS: Final = {"campaign": "Organization", "administration": "Agency"}
#: "the Great State of Virginia", "the Commonwealth of Virginia": the place itself
_PLACE_OF: Final = frozenset(
    {"state", "commonwealth", "province", "territory", "city", "republic", "kingdom", "region"}
)


@dataclass(frozen=True, slots=True)
class RawMention:
    """A name found in a Doc, with absolute character offsets into the document.

    ``sent_start`` is the offset of ``sentence`` in the document (-1: unknown);
    ``part_of`` the gazetteer id of the country a group belongs to or is based in.
    """

    start: int
    end: int
    text: str
    ner: str
    sentence: str
    type: str
    gid: str | None = None
    canonical: str | None = None
    subtype: str | None = None
    demonym: bool = False
    tok_start: int = 0
    tok_end: int = 0
    nickname_like: bool = False
    title: str = ""
    sent_start: int = -1
    part_of: str | None = None


def normalize_name(name: str) -> str:
    """A comparison key for a name: case, dots, quotes, "the" and possessives folded.

    >>> normalize_name("the C.I.A.'s")
    'cia'
    >>> normalize_name("Just  Security’s")
    'just security'
    """
    s = name.replace("\u2019", "'").replace("\u2018", "'").strip()
    s = re.sub(r"'s?$", "", s)
    s = s.replace(".", "")
    s = re.sub(r"^(?:the|a|an)\s+", "", s, flags=re.IGNORECASE)
    s = re.sub(r"[\s\-_]+", " ", s)
    return s.strip(" ,;:'\"()").casefold()


def acronym(name: str) -> str:
    """The initials of a name's significant words, lower case.

    >>> acronym("National Security Council"), acronym("Department of Homeland Security")
    ('nsc', 'dhs')
    >>> acronym("U.S. Postal Service")
    'usps'
    """
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in _MINOR]
    # "U.S. Postal Service" is USPS: dotted initials give all their letters
    return "".join(w.replace(".", "") if _DOTTED.match(w) else w[0] for w in words).lower()


_DOTTED: Final = re.compile(r"^(?:[A-Z]\.){2,}$")


_MINOR: Final = frozenset({"of", "the", "and", "for", "on", "in", "to", "a", "an", "&"})


def agency_pattern(name: str) -> bool:
    """Whether a name reads as a government body.

    >>> agency_pattern("Senate Foreign Relations Committee"), agency_pattern("Just Security")
    (True, False)
    """
    return bool(_AGENCY_HEADS.search(name))


def org_subtype(name: str) -> str | None:
    """A subtype guessed from an organisation's name, or None.

    >>> org_subtype("The Washington Post"), org_subtype("Acme Corp.")
    ('media', 'company')
    """
    for pattern, subtype in _ORG_SUBTYPES:
        if pattern.search(name):
            return subtype
    return None


def _trim(span: Span) -> tuple[int, int] | None:
    """Token bounds of the name inside an entity span: no determiner, title, possessive."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (
        doc[start].lower_ in _DETERMINERS or doc[start].is_punct or doc[start].is_space
    ):
        start += 1
    while start < end and (
        doc[end - 1].tag_ == "POS"
        or doc[end - 1].lower_ in ("'s", "’s", "'", "’", "and", "or", "of")
        or (doc[end - 1].is_punct and doc[end - 1].text != ")")
        or doc[end - 1].is_space
    ):
        end -= 1
    opened = [i for i in range(start + 1, end) if doc[i].text == "("]
    if opened and not any(doc[i].text == ")" for i in range(opened[0], end)):
        end = opened[0]  # "Facebook (FB": the name, not its ticker's first half
    if (
        end - start > 2
        and doc[start].text in _HEADLINE_VERBS
        and doc[start + 1].is_title
        and doc[start + 1].lower_ not in _DETERMINERS  # "Meet The Press" is a show's name
    ):
        start += 1  # "Meet Eric Early", "Watch Jo Smith": a headline's verb before a name
    while start < end and doc[start].lower_ in _HONORIFICS:
        if span.label_ != "PERSON" and doc[start].lower_ in _SAINTS:
            break  # "St. Louis": a place named after a saint
        start += 1
    # "Follow Tim Marchman", "Skip White House Visit": a verb is not part of a name; a
    # word of a closed class only when it is one ("Barack" read as a preposition is not)
    while start < end - 1 and (
        doc[start].pos_ in ("VERB", "AUX", "ADV")
        or (doc[start].pos_ in ("ADP", "PRON", "SCONJ") and doc[start].is_stop)
        or (
            doc[start].is_lower
            and doc[start].is_alpha
            and doc[start].whitespace_
            and doc[start].lower_ not in _NAME_PARTICLES
            and doc[start].lower_ not in _LOCAL_LEVELS
        )
    ):
        start += 1  # "nix Brown as VP": a lower-case word opens no name
    if start >= end:
        return None
    return start, end


def _person_bounds(doc: Doc, start: int, end: int, gaz: Gazetteer) -> tuple[int, int] | None:
    """A PERSON span without what is not the name: "Trump's Easter" is Trump, "CLOSE Kirstjen
    Nielsen" and "Trump MORE" lose the page's shouting, "Virginia Lt" (before "Gov. Fairfax")
    its title."""
    for i in range(start + 1, end):
        verb = doc[i].lower_ in _VERBS and not (
            i == end - 1 and doc[i].is_title and doc[i - 1].lower_ in first_names()
        )  # "Theresa May", "George Will": a surname after a given name
        if doc[i].lower_ in ("'s", "’s") or doc[i].tag_ == "POS" or verb:
            end = i  # "Israel Would Be" in a headline: a verb ends the name
            break
        if i < end - 1 and doc[i].lower_.endswith(("'s", "’s")) and doc[i].is_alpha is False:
            end = i + 1  # "the Democratic Party’s Steele dossier": the owner is the name
            break
        if i < end - 1 and doc[i].lower_ in _GENERATION_WORDS:
            end = i + 1  # "Donald Trump Jr. Fusion": a generation ends a name
            break
    while (
        end - start > 1 and doc[start].is_upper and len(doc[start]) >= 3 and doc[start + 1].is_title
    ):
        start += 1
    while (
        end - start > 1
        and doc[end - 1].is_upper
        and len(doc[end - 1]) >= 3
        and doc[end - 2].is_title
    ):
        end -= 1
    # a title that runs on past the span ("Virginia Lt" + ". Gov. Fairfax") is no name
    while (
        end - start > 1
        and end < len(doc)
        and _is_title(gaz, doc[end - 1].text)
        and (doc[end].text == "." or _is_title(gaz, doc[end].text))
    ):
        end -= 1
    return (start, end) if start < end else None


#: the generations after a surname: nothing of the name comes after them
_GENERATION_WORDS: Final = frozenset({"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"})
#: verbs a headline capitalises, which end a name ("Netanyahu Says Israel Would Be ...")
# fmt: off
_VERBS: Final = frozenset(
    {"would", "will", "could", "should", "can", "may", "might", "must", "says", "said", "is",
     "are", "was", "were", "be", "been", "has", "have", "had", "does", "did", "wants", "gets"}
)
# fmt: on


def _split_list(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """ "Christie, Rubio" or "Jonathan Ernst/Reuters": one span, several names."""
    cuts = [
        i
        for i in range(start, end)
        if doc[i].text in (",", "/", "&", ";") or doc[i].lower_ == "and"
    ]
    if not cuts:
        return [(start, end)]
    parts, left = [], start
    for cut in [*cuts, end]:
        if cut > left:
            parts.append((left, cut))
        left = cut + 1
    return parts


_STATE_OBJECT_VERBS: Final = frozenset(
    {
        "accuse",
        "blame",
        "warn",
        "urge",
        "sanction",
        "criticize",
        "condemn",
        "pressure",
        "punish",
        "threaten",
        "fault",
        "denounce",
    }
)


#: what a city has and its state does not: "Jerusalem's mayor", "Moscow's streets"
_CITY_NOUNS: Final = frozenset(
    {
        "mayor",
        "council",
        "municipality",
        "streets",
        "neighborhood",
        "neighborhoods",
        "neighbourhood",
        "neighbourhoods",
        "residents",
        "suburbs",
        "downtown",
        "outskirts",
        "skyline",
        "airport",
    }
)
_COPULAS: Final = frozenset({"be", "remain", "become", "seem"})


def _acts_as_state(doc: Doc, start: int, end: int) -> bool:
    """Whether a place name is used for its government: the subject of a verb, an owner, the
    agent of a passive, the subject of a gerund ("against Moscow paying"), the object of an
    accusation or a warning."""
    root = doc[start:end].root
    head = root.head
    if root.dep_ == "poss" and head.lower_ in _CITY_NOUNS:
        return False  # "Jerusalem's mayor": the city's own office, not the state
    if root.dep_ == "nsubj" and head.lemma_ in _COPULAS:
        return False  # "Jerusalem is a hot-button issue": said of the city
    if root.dep_ in ("nsubj", "nsubjpass", "poss"):
        return True
    if root.dep_ == "pobj" and head.dep_ == "agent":
        return True
    if root.dep_ == "pobj" and end < len(doc) and doc[end].tag_ == "VBG":
        # "against Moscow paying bounties"; not "comes to Moscow speaking for Trump": a trip
        return head.lower_ not in _PLACE_GOALS
    return root.dep_ == "dobj" and head.lemma_ in _STATE_OBJECT_VERBS


#: prepositions of a place gone to or stayed in, after which a capital is the city
_PLACE_GOALS: Final = frozenset({"to", "in", "at", "into", "from", "through", "toward", "near"})


def _looks_like_name(text: str) -> bool:
    """Whether a PERSON span reads as a name ("Howard PaulSenate" and "@someone" do not).

    >>> _looks_like_name("Robert C. O'Brien"), _looks_like_name("Rolf Mowatt-Larssen")
    (True, True)
    >>> _looks_like_name("Howard PaulSenate"), _looks_like_name("Barack Obama ObamaObama")
    (False, False)

    A given name in two capitalised parts ("KellyAnne Conway") is no glued word: a word
    runs into the next sentence's at the end of a span, not before the surname.

    >>> _looks_like_name("KellyAnne Conway"), _looks_like_name("Conway KellyAnne")
    (True, False)
    >>> _looks_like_name('Anton "Tony" Wallace'), _looks_like_name('"Tony" Wallace')
    (True, False)
    """
    words = text.split()
    return 0 < len(words) <= 6 and all(
        _NAME_WORD.match(w)
        or (k < len(words) - 1 and _CAMEL_GIVEN.match(w))
        or (0 < k < len(words) - 1 and _QUOTED_NICKNAME.match(w))
        for k, w in enumerate(words)
    )


def _after_honorific(doc: Doc, start: int) -> bool:
    """Whether a name follows "Mr.", "Ms." ... (inside or just before spaCy's span)."""
    return start > 0 and doc[start - 1].lower_ in _HONORIFICS


def _extend_to_known(doc: Doc, start: int, end: int, gaz: Gazetteer) -> tuple[int, int]:
    """Grow a span over capitalised neighbours when that makes a name the gazetteer knows
    ("Security" in "Just Security's" is "Just Security"); a known name goes on over
    "in"/"of" when the longer name is known too ("al-Qaeda in the Arabian Peninsula")."""
    if gaz.lookup(_text(doc, start, end)) is not None:
        if end < len(doc) and doc[end].lower_ in ("in", "of"):
            for right in range(min(len(doc), end + 5), end + 1, -1):
                if doc[right - 1].is_title and gaz.lookup(_text(doc, start, right)) is not None:
                    return start, right
        return start, end
    for left in range(start, max(-1, start - 3), -1):
        if left < start and not (doc[left].is_title or doc[left].is_upper):
            break
        for right in range(end, min(len(doc), end + 3) + 1):
            if right > end and not (doc[right - 1].is_title or doc[right - 1].is_upper):
                break
            if (left, right) != (start, end) and gaz.lookup(_text(doc, left, right)) is not None:
                return left, right
    return start, end


def _strip_titles(doc: Doc, start: int, end: int, gaz: Gazetteer) -> int:
    """Move ``start`` past leading title words ("President", "Gen.", "Secretary of State")."""
    best = start
    for cut in range(start + 1, min(end, start + 5)):
        if _is_title(gaz, _text(doc, start, cut)):
            best = cut
    return best


_TITLE_MEMO: dict[tuple[int, str], bool] = {}


def _is_title(gaz: Gazetteer, text: str) -> bool:
    """``gaz.is_title``, remembered: the same few strings are asked about again and again."""
    key = (id(gaz), text)
    found = _TITLE_MEMO.get(key)
    if found is None:
        if len(_TITLE_MEMO) > 200_000:
            _TITLE_MEMO.clear()
        found = _TITLE_MEMO[key] = gaz.is_title(text)
    return found


def _title_word(tok: Token) -> bool:
    return tok.is_title or tok.is_upper or tok.lower_ in ("of", "for", "the", "-", "general")


def _inside_title(doc: Doc, start: int, end: int, gaz: Gazetteer) -> bool:
    """Whether tokens ``start:end`` are part of a longer title ("Secretary of State")."""
    if not (start > 0 and _title_word(doc[start - 1])) and not (
        end < len(doc) and _title_word(doc[end])
    ):
        return False
    for left in range(max(0, start - 3), start + 1):
        for right in range(end, min(len(doc), end + 3) + 1):
            if (left, right) != (start, end) and _is_title(gaz, _text(doc, left, right)):
                return True
    return False


def _entry_type(entry: GazetteerEntry) -> str:
    return entry.type


def _type_from_label(label: str, name: str, entry: GazetteerEntry | None) -> str:
    if entry is not None:
        return _entry_type(entry)
    if label == "PERSON":
        return "Person"
    if label in ("FAC", "ORG") and org_subtype(name) == "academic":
        # "the John Jay College of Criminal Justice", "Wagner School of Public Service"
        return "Organization"
    if label == "FAC" and (_CIVIL_HEADS.search(name) or _FOUNDED.search(name)):
        return "Organization"  # "the John Brown Gun Club", "the Brookings Institution"
    if label in ("GPE", "LOC", "FAC"):
        return "Agency" if label == "FAC" and agency_pattern(name) else "Location"
    civil = _CIVIL.search(name) or _CIVIL_HEADS.search(name)
    return "Agency" if agency_pattern(name) and not civil else "Organization"


#: the head words of bodies of civil society, a union or a club of a profession however
#: official its words ("the Fraternal Order of Police", "the Police Benevolent Association")
_CIVIL_HEADS: Final = re.compile(
    r"\b(?:Order|Unions?|Associations?|Brotherhood|Guild|League|Alliance|Society|Coalition|"
    r"Club|Federation|Fraternity)(?:\s+of\b|$)"
)
#: the head words of endowed bodies, never a building's name ("the Heritage Foundation")
_FOUNDED: Final = re.compile(r"\b(?:Foundation|Endowment|Institution|Institute)(?:\s+of\b|$)")
#: words that make a council or a commission a body of civil society, not of a state
_CIVIL: Final = re.compile(
    r"\b(?:Organi[sz]ations|Associations?|Churches|Muslims?|Christians?|Jewish|Unions)\b"
)


def _surname_mentions(
    doc: Doc, offset: int, taken: set[int], gaz: Gazetteer
) -> Iterator[RawMention]:
    """A known person's surname that spaCy did not tag ("Trump directed the CIA")."""
    surnames = _person_surnames(doc)
    if not surnames:
        return
    for tok in doc:
        if (
            tok.i in taken
            or tok.text not in surnames
            or _in_compound(doc, tok.i)
            or _is_title(gaz, tok.text)
            or tok.ent_type_ == "PERSON"  # a name the span rules threw out ("Easter Sundays")
            or (tok.is_sent_start and tok.i + 1 < len(doc) and doc[tok.i + 1].is_title)
        ):
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].is_title and doc[tok.i + 1].pos_ == "PROPN":
            continue  # part of a longer name ("Trump Tower")
        if tok.lower_ in _VERBS or (
            tok.i > 0 and _residents(_text(doc, tok.i - 1, tok.i + 1), gaz)
        ):
            continue  # the last word of no name ("Israel Would", "Hong Kongers")
        taken.add(tok.i)
        yield _make(doc, tok.i, tok.i + 1, "PERSON", offset, None)


def extract_mentions(
    doc: Doc,
    *,
    offset: int = 0,
    gazetteer: Gazetteer,
    adjectives: frozenset[str] = frozenset(),
    nouns: frozenset[str] = frozenset(),
) -> Iterator[RawMention]:
    """Yield the cleaned entity mentions of ``doc``; offsets are ``offset`` + Doc offsets.

    ``adjectives`` (lower case) marks a first "name" that is an English
    adjective ("Shifty Schiff"): resolution may read it as a nickname.
    ``adjectives`` and ``nouns`` (the lemmatizer's word lists) also tell a
    capitalised common word ("ANALYSIS", "Emails") from a name.  A name in the
    user's gazetteer file is that entry wherever it stands, whatever the rules say.
    """
    ctx = _Ctx(doc, offset, gazetteer, adjectives, nouns)
    taken: set[int] = set()
    found: list[RawMention] = []
    for span, label in _name_spans(doc, gazetteer, nouns):
        if any(i in taken for i in range(span.start, span.end)):
            continue  # a name the one before grew over ("al-Qaeda in the Arabian Peninsula")
        for mention in _from_span(ctx, span, label):
            taken.update(range(mention.tok_start, mention.tok_end))
            if mention.type == "Person" and mention.tok_end - mention.tok_start == 2:
                first = doc[mention.tok_start].lower_
                if first in adjectives:
                    mention = replace(mention, nickname_like=True)
            found.append(mention)
    found += _gazetteer_mentions(doc, offset, gazetteer, taken)
    found += _surname_mentions(doc, offset, taken, gazetteer)
    found += _group_mentions(ctx, taken)
    found = _local_acronyms(doc, found, gazetteer)
    found = _without_cases(doc, found)
    for mention in found:
        yield _user_entry(mention, gazetteer)


#: the word between the parties of a court case ("Roe v. Wade"), lower case: "Sergey V.
#: Lavrov" has a middle initial
_VERSUS: Final = frozenset({"v.", "v"})


def _case_names(doc: Doc) -> tuple[set[int], set[str]]:
    """The "v." tokens of court cases ("Schenck v. United States", "Roe v. Wade") and the
    first party's last word, by which the text may name the case again ("in Schenck")."""
    marks: set[int] = set()
    short: set[str] = set()
    for tok in doc[1:-1]:
        before, after = doc[tok.i - 1], doc[tok.i + 1]
        if tok.text in _VERSUS and before.is_title and (after.is_title or after.is_upper):
            marks.add(tok.i)
            short.add(before.text)
    return marks, short


def _without_cases(doc: Doc, found: list[RawMention]) -> list[RawMention]:
    """The mentions less those in a picture's credit (the surname too) and the parties of
    court cases, which name a case, not an actor: a name next to the "v." of a case, and
    the first party's name alone where it cites the case ("the opinion in Schenck"),
    unless the text names a person of that surname in full."""
    marks, short = _case_names(doc)
    credits = {
        i
        for ent in doc.ents
        if ent.label_ == "PERSON" and _credit(doc, ent.start, ent.end, "PERSON")
        for i in range(ent.start, ent.end)
    }
    found = [m for m in found if not credits & set(range(m.tok_start, m.tok_end))]
    if not marks:
        return found
    people = {
        doc[m.tok_end - 1].text for m in found if m.type == "Person" and m.tok_end - m.tok_start > 1
    }
    return [
        m
        for m in found
        if not marks & set(range(m.tok_start - 1, m.tok_end + 1))
        and not (
            m.tok_end - m.tok_start == 1
            and m.text in short - people
            and m.tok_start > 0
            and doc[m.tok_start - 1].lower_ in _CITING
        )
    ]


#: the prepositions that cite a case by its first party ("the opinion in Schenck")
_CITING: Final = frozenset({"in", "under", "after", "since", "before", "overturn", "overturned"})


def abbreviates(short: str, name: str) -> bool:
    """Whether a shouted word is the name's acronym: its initials ("NPC"), or with more
    letters of a word among them ("VEXAG": Venus Exploration Analysis Group)."""
    if not short.isupper() or not short.isalpha():
        return False
    initials, letters = acronym(name), short.lower()
    if not initials or letters[0] != initials[0] or len(letters) > 2 * len(initials):
        return False
    rest = iter(letters)
    return all(ch in rest for ch in initials)  # the initials, in order, among its letters


def _local_acronyms(doc: Doc, found: list[RawMention], gaz: Gazetteer) -> list[RawMention]:
    """An acronym the text defines ("the Nogales Placement Center (NPC)") is that name's in
    the whole text, not the gazetteer's entry of those letters (China's NPC): its mentions
    lose the entry, so that resolution joins them to the name they stand for."""
    defined: dict[str, RawMention] = {}
    for name in found:
        end = name.tok_end
        if name.tok_end - name.tok_start < 2 or end + 2 >= len(doc):
            continue
        if doc[end].text != "(" or doc[end + 2].text != ")":
            continue
        short = doc[end + 1].text
        known = gaz.lookup(name.text)
        if abbreviates(short, name.text) and (known is None or gaz.lookup(short) != known):
            defined[short] = name
    if not defined:
        return found
    out = []
    for m in found:
        stands = defined.get(m.text)
        if (
            stands is not None
            and m.tok_end - m.tok_start == 1
            and (m.gid != stands.gid or m.type != stands.type)
            and not m.demonym
        ):
            # "VEXAG" spaCy read as a person is the group it stands for
            m = replace(
                m,
                gid=stands.gid,
                canonical=stands.canonical,
                type=stands.type,
                subtype=stands.subtype,
            )
        out.append(m)
    return out


@dataclass(frozen=True, slots=True)
class _Ctx:
    """What every step of reading one entity span needs."""

    doc: Doc
    offset: int
    gaz: Gazetteer
    adjectives: frozenset[str]
    nouns: frozenset[str]


def _user_entry(mention: RawMention, gaz: Gazetteer) -> RawMention:
    """The user's gazetteer entry for the mention's name, if it has one: user names win."""
    entry = gaz.user_entry(mention.text)
    if entry is None or entry.id == mention.gid or mention.demonym:
        return mention
    return replace(
        mention,
        gid=entry.id,
        canonical=entry.canonical,
        type=entry.type,
        subtype=entry.subtype,
        part_of=None,
    )


def _name_spans(
    doc: Doc, gaz: Gazetteer, nouns: frozenset[str] = frozenset()
) -> list[tuple[Span, str]]:
    """spaCy's entities of the kept labels, with repairs: a name cut in two ("Amy
    Berman" + "Jackson") is one, a first name alone before an untagged surname
    ("nominee Brett Kavanaugh whom") takes the surname, and a person's name takes the
    untagged proper noun it modifies or that modifies it ("Alison Lundergan [Grimes]",
    "[Omarosa] Manigault Newman")."""
    ents = [e for e in doc.ents if e.label_ in _KEEP_LABELS]
    out: list[tuple[Span, str]] = []
    for ent in ents:
        if out and out[-1][1] == "PERSON" and _continues(out[-1][0], ent):
            out[-1] = (doc[out[-1][0].start : ent.end], "PERSON")
            continue
        start, end, label = ent.start, ent.end, ent.label_
        start, end = _whole_compound(doc, start, end)
        if label == "ORG":
            start = _joined_body(doc, start, end)
        if label == "PERSON" and len(ent) == 1 and _surname_after(doc, end, gaz):
            end += 1  # "nominee Brett Kavanaugh whom", "subpoena Mark Judge,"
        elif label == "PERSON" and end - start <= 3:
            if end < len(doc) and _untagged_part(doc, end, range(start, end), gaz, nouns):
                end += 1
            elif start > 0 and _untagged_part(doc, start - 1, range(start, end), gaz, nouns):
                start -= 1
        elif (
            label in ("ORG", "GPE")
            and len(ent) == 1
            and start > 0
            and doc[start - 1].is_title
            and doc[start - 1].lower_ in first_names()
            and not doc[start - 1].ent_type_
            and gaz.lookup(ent.text) is None
        ):
            start, label = start - 1, "PERSON"  # "Alexei Pushkov, another senator"
        out.append((doc[start:end], label))
    return out


def _glued(doc: Doc, i: int, j: int) -> bool:
    """Whether tokens ``i`` and ``j`` (two apart) are a name's parts joined by a hyphen
    with no space: "Hewlett-Packard", "Wolf-Leib"."""
    return (
        i >= 0
        and j < len(doc)
        and doc[i + 1].text in ("-", "‑")
        and not doc[i].whitespace_
        and not doc[i + 1].whitespace_
        and doc[i].is_title
        and doc[j].is_title
        and len(doc[i]) > 1  # not "R-Fla.": a party and a state
        and len(doc[j]) > 1
    )


def _whole_compound(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The bounds of a name with the parts spaCy left out of its hyphenated compound
    ("Johnson-Javois said", "the former CEO of Hewlett-Packard"), when they belong to no
    other entity."""
    while _glued(doc, start - 2, start) and not doc[start - 2].ent_type_:
        start -= 2
    while _glued(doc, end - 1, end + 1) and not doc[end + 1].ent_type_:
        end += 2
    return start, end


def _joined_body(doc: Doc, start: int, end: int) -> int:
    """The start of a body's name whose first part spaCy left out before "and": "the
    House Oversight and Government Reform Committee" (up to three capitalised words in
    no entity, after a determiner)."""
    if start < 3 or doc[start - 1].lower_ != "and" or not agency_pattern(doc[end - 1].text):
        return start
    i = start - 1
    while i > start - 4 and doc[i - 1].is_title and not doc[i - 1].ent_type_:
        i -= 1
    if i == start - 1 or i == 0 or doc[i - 1].lower_ not in _DETERMINERS:
        return start
    return i


def _in_compound(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is one part of a hyphenated name ("Hewlett" of Hewlett-Packard)."""
    return _glued(doc, i - 2, i) or _glued(doc, i, i + 2)


def _untagged_part(doc: Doc, i: int, span: range, gaz: Gazetteer, nouns: frozenset[str]) -> bool:
    """Whether token ``i``, just before or after a person's name spaCy tagged, is a part
    of it spaCy left out: a capitalised proper noun in no entity, bound to the name by a
    compound (either way), no title, no known name, no common noun, with no capitalised
    word beyond it."""
    tok = doc[i]
    if not tok.is_title or tok.pos_ != "PROPN" or tok.ent_type_ or tok.is_sent_start:
        return False
    if _is_title(gaz, tok.text) or gaz.lookup(tok.text) is not None:
        return False
    if tok.lower_ in nouns or tok.lemma_.lower() in nouns or tok.lower_ in _PLACE_HEADS:
        return False
    beyond = i + 1 if i >= span.stop else i - 1
    if 0 <= beyond < len(doc) and (doc[beyond].is_title or doc[beyond].is_upper):
        return False
    if i >= span.stop:
        last = doc[span.stop - 1]
        return last.dep_ == "compound" and last.head.i == i and bool(last.whitespace_)
    return tok.dep_ == "compound" and tok.head.i in span and bool(tok.whitespace_)


def _surname_after(doc: Doc, i: int, gaz: Gazetteer) -> bool:
    """Whether token ``i``, after a first name spaCy tagged alone, is its surname: a
    capitalised proper noun in no entity; a title word only when no name follows it."""
    if i >= len(doc) or doc[i - 1].lower_ not in first_names():
        return False
    tok = doc[i]
    if not tok.is_title or tok.pos_ != "PROPN" or tok.ent_type_:
        return False
    if not _is_title(gaz, tok.text):
        return True
    return i + 1 >= len(doc) or not (doc[i + 1].is_title or doc[i + 1].text == ".")


def _continues(prev: Span, ent: Span) -> bool:
    """Whether a PERSON entity goes on the one just before it: nothing between them but
    a space, no word said twice ("Trump Trump" is a stutter), at most four words."""
    if ent.label_ != "PERSON" or prev.end != ent.start:
        return False
    words = [t.lower_ for t in prev] + [t.lower_ for t in ent]
    return (
        bool(prev[-1].whitespace_)
        and len(words) <= 4
        and len(set(words)) == len(words)
        and all(t.is_title for t in ent)
    )


def _from_span(ctx: _Ctx, span: Span, label: str) -> Iterator[RawMention]:
    """The mentions in one entity span: trimmed, split, titles cut off, checked, typed."""
    bounds = _bounds(ctx, span, label)
    if bounds is None:
        return
    parts = _parts(ctx, *bounds, label)
    if parts is not None:
        for sub, sub_label in parts:
            yield from _from_span(ctx, sub, sub_label)
        return
    start, end = bounds
    if label == "NORP":
        yield from _norp_mention(ctx, start, end)
        return
    start, title = _titles(ctx, start, end, label)
    if start >= end:
        return
    start, end = _refine(ctx, start, end)
    found = _checked(ctx, start, end, label)
    if found is None:
        return
    start, entry = found
    mention = _typed(ctx, start, end, label, entry)
    if mention is not None:
        yield replace(mention, title=title) if title else mention


#: the endings of nouns of a person's work ("rapper", "comedian", "councilman", "novelist")
_AGENT_ENDINGS: Final = ("er", "or", "ist", "ian", "man", "woman", "ant", "ent", "aire")


def _occupation_first(ctx: _Ctx, start: int, end: int) -> bool:
    """Whether a person's span of three words or more opens with a common noun that is no
    given name, before a given name or opening the sentence with the ending of a noun of
    work: an occupation, not part of the name ("Rapper Kanye West", "Billionaire Tom
    Steyer"); not "Franklin Delano Roosevelt", whose first word is a noun too."""
    first = ctx.doc[start]
    return (
        end - start >= 3
        and first.is_title
        and first.lower_ in ctx.nouns
        and first.lower_ not in first_names()
        and (
            ctx.doc[start + 1].lower_ in first_names()
            or (bool(first.is_sent_start) and first.lower_.endswith(_AGENT_ENDINGS))
        )
        and ctx.doc[start + 1].is_title
    )


def _bounds(ctx: _Ctx, span: Span, label: str) -> tuple[int, int] | None:
    """The tokens of the name: no determiner, possessive, shouting, stutter, timestamp."""
    bounds = _trim(span)
    if bounds is not None and label == "PERSON":
        bounds = _person_bounds(ctx.doc, *bounds, ctx.gaz)
    if bounds is None:
        return None
    if label == "PERSON" and _occupation_first(ctx, *bounds):
        bounds = (bounds[0] + 1, bounds[1])  # "Rapper Kanye West", "Comedian Will Farrell"
    start, end = _unstutter(ctx.doc, *bounds)
    doc = ctx.doc
    name_end = _end_of_name(doc, start, end, label)
    if name_end is None:
        return None
    end = name_end
    while end > start and (_TIMESTAMP.match(doc[end - 1].text) or _furniture(doc[end - 1])):
        end -= 1  # "ISIS 05:35": a video's length; "Europe Photos"
    while end - start > 1 and label != "PERSON" and _YEAR.match(doc[start].text):
        start += 1  # "the 2016 Nominee", "the 2004 Democratic National Convention"
    while end - start > 1 and _furniture(doc[start]):
        start += 1  # "AP Photo Cruz copying me ...": a caption's credit
    while end - start > 1 and _shouted_word(ctx, doc[start]) and doc[start + 1].is_title:
        start += 1  # "CLOSE Kirstjen Nielsen says": a page's button before a name
    if label == "ORG" and start > 0 and _ORDINAL.match(doc[start - 1].text) and start < end:
        start -= 1  # "the 82nd Airborne Division": the unit's number is its name
    while (
        label == "ORG"
        and end - start > 1
        and end < len(doc)
        and doc[end].ent_type_ == "PERSON"
        and doc[end - 1].is_title
        and _is_title(ctx.gaz, doc[end - 1].text)
    ):
        end -= 1  # "TSA Administrator [John Pistole]": the title is the person's
    return (start, end) if start < end else None


_TIMESTAMP: Final = re.compile(r"^\d{1,2}:\d{2}$")
_ORDINAL: Final = re.compile(r"^\d{1,3}(?:st|nd|rd|th)$")
#: page words that stick to names in captions and headers
_FURNITURE_WORDS: Final = frozenset(
    {"photo", "photos", "image", "images", "video", "videos", "copyright", "caption", "file"}
)


def _shouted_word(ctx: _Ctx, tok: Token) -> bool:
    """A common English word in capitals ("CLOSE", "WATCH"), which no name starts with."""
    low = tok.lower_
    return (
        tok.is_upper
        and tok.is_alpha
        and len(low) >= 4
        and (low in ctx.nouns or low in ctx.adjectives)
        and ctx.gaz.lookup(tok.text) is None
    )


def _furniture(tok: Token) -> bool:
    return tok.lower_ in _FURNITURE_WORDS and not tok.is_lower


#: a name ending in one of these is a photo credit ("Adam Alexander Photography")
_CREDIT_HEADS: Final = frozenset({"photography", "photographer", "photographers", "pictures"})
#: the nouns of a broadcast or a show: "the BBC's Today Programme", "the Today show"
_PROGRAMME_HEADS: Final = frozenset({"programme", "program", "show", "podcast", "hour"})
#: a poll is its pollster's: "the Quinnipiac University Poll" is Quinnipiac University's
_POLL_HEADS: Final = frozenset({"poll", "polls", "survey"})
#: the nouns of prizes: "the Governor's Medal of Courage" is no actor and no place
_AWARD_HEADS: Final = frozenset({"medal", "prize", "award", "awards", "trophy"})
#: the last words of laws, treaties and charters, which are texts, not actors or places
_LAW_HEADS: Final = frozenset(
    {
        "act",
        "acts",
        "treaty",
        "treaties",
        "constitution",
        "amendment",
        "accord",
        "accords",
        "report",
        "memo",
        "dossier",
        "regulation",
        "regulations",
        "agreement",
        "protocol",
        "charter",
        "doctrine",
        "theory",
    }
)
#: the time zones news style writes after a time
_TIME_ZONES: Final = frozenset(
    {"ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST", "PDT", "GMT", "UTC"}
)
#: feasts and holidays, which spaCy may take for people
_HOLIDAYS: Final = frozenset(
    {
        "easter",
        "christmas",
        "thanksgiving",
        "ramadan",
        "hanukkah",
        "passover",
        "diwali",
        "lent",
        "advent",
        "pentecost",
        "eid",
    }
)
#: diseases, which spaCy may take for organisations
_DISEASES: Final = frozenset(
    {"coronavirus", "covid", "covid-19", "ebola", "zika", "sars", "mers", "h1n1"}
)
#: the first words of storms' names
_STORM_WORDS: Final = frozenset(
    {"hurricane", "hurricanes", "typhoon", "cyclone", "superstorm", "storm", "tropical"}
)
#: the words that open the name of a book of scripture: "the Gospel of Luke"
_SCRIPTURE: Final = frozenset({"gospel", "book", "epistle"})
#: a prefix of stance or time that makes an adjective or a common noun of a name:
#: "anti-Catholicism", "Pro-Beijing Film", "pre-Civil War", "Anti-Russian Sanctions"
_STANCE_PREFIX: Final = re.compile(r"^(?:anti|pro|non|pre|post)-", re.IGNORECASE)
#: the last words of movements' and campaigns' names: "the Anti-Defamation League"
_MOVEMENT_HEADS: Final = frozenset(
    {"league", "alliance", "coalition", "committee", "caucus", "movement", "front", "union"}
)
#: a scandal's name: "Bridgegate", "Pizzagate"
_SCANDAL: Final = re.compile(r"^[A-Z][a-z]{3,}gate$")
#: words before a national body that make it a local one: "the state Senate"
_LOCAL_LEVELS: Final = frozenset(
    {"state", "provincial", "county", "city", "municipal", "local", "regional", "tribal"}
)
#: two words glued by a missing space after a stop or a quote: 'DC."Meanwhile'
_GLUED: Final = re.compile(r"[\w.!?,][\"“”][A-Za-z]|[a-z0-9]{2}[.!?][A-Z][a-z]")
_YEAR: Final = re.compile(r"^(?:1[89]|20)\d\d$")


#: common nouns that complete a name: "the Democratic party", "the Iraqi army"
_NAMING_NOUNS: Final = frozenset({"party", "army", "navy", "police", "military", "militia"})
#: the parts of speech that link words and end no name: "Biden Rule on", "Smith and"
_LINK_POS: Final = frozenset({"ADP", "CCONJ", "DET", "PART"})


def _end_of_name(doc: Doc, start: int, end: int, label: str) -> int | None:
    """The end of a name without what follows it in spaCy's span: a year after a
    possessive ("Christie's 2011 law"), a common noun it describes ("the Rust Belt
    city"), a line break and what comes after it; None when the span is a credit or a
    programme, which name no actor."""
    breaks = [i for i in range(start + 1, end - 1) if doc[i].is_space]
    if breaks:
        end = breaks[0]  # "Reuters \n The Academy Award-winning": two lines of a page
    if label != "PERSON" and end - start > 1 and _YEAR.match(doc[end - 1].text):
        end -= 1  # "Christie's 2011": the year belongs to the thing owned
        while end - start > 1 and doc[end - 1].tag_ == "POS":
            end -= 1
    if label != "PERSON" and end - start > 1 and doc[end - 1].lower_ in _POLL_HEADS:
        end -= 1  # "the ORC International Poll": the pollster
    last = doc[end - 1].lower_
    if last in _CREDIT_HEADS and not doc[end - 1].is_lower:
        return None
    if (
        last in _PROGRAMME_HEADS
        and end - start > 1
        and (doc[end - 1].is_lower or (start > 0 and doc[start - 1].tag_ == "POS"))
    ):
        return None  # "the Today show"; "the BBC's Today Programme": a broadcast
    while label != "PERSON" and end - start > 1 and doc[end - 1].is_lower:
        tok = doc[end - 1]
        named = tok.tag_ == "NN" and tok.lower_ not in _NAMING_NOUNS
        if not (named or tok.pos_ in _LINK_POS or tok.pos_ == "PRON"):
            break  # "the Democratic party" is the Democratic Party
        end -= 1  # "the Rust Belt city": the place, not the description; "Biden Rule on"
        while end - start > 1 and doc[end - 1].text in (",", ";", "&"):
            end -= 1  # "the Capitol Police, & all hurt": the list goes on, not the name
    return end if end > start else None


#: the abbreviations news style gives US states after a place ("Ferguson, Mo."), by the
#: state's gazetteer id
# fmt: off
_STATE_ABBREVIATIONS: Final = {
    "Ala": "loc:us-al", "Ariz": "loc:us-az", "Ark": "loc:us-ar", "Calif": "loc:us-ca",
    "Colo": "loc:us-co", "Conn": "loc:us-ct", "Del": "loc:us-de", "Fla": "loc:us-fl",
    "Ga": "loc:us-ga", "Ill": "loc:us-il", "Ind": "loc:us-in", "Kan": "loc:us-ks",
    "Ky": "loc:us-ky", "La": "loc:us-la", "Md": "loc:us-md", "Mass": "loc:us-ma",
    "Mich": "loc:us-mi", "Minn": "loc:us-mn", "Miss": "loc:us-ms", "Mo": "loc:us-mo",
    "Mont": "loc:us-mt", "Neb": "loc:us-ne", "Nev": "loc:us-nv", "N.H": "loc:us-nh",
    "N.J": "loc:us-nj", "N.M": "loc:us-nm", "N.Y": "loc:us-ny", "N.C": "loc:us-nc",
    "N.D": "loc:us-nd", "Okla": "loc:us-ok", "Ore": "loc:us-or", "Pa": "loc:us-pa",
    "R.I": "loc:us-ri", "S.C": "loc:us-sc", "S.D": "loc:us-sd", "Tenn": "loc:us-tn",
    "Tex": "loc:us-tx", "Vt": "loc:us-vt", "Va": "loc:us-va", "Wash": "loc:us-wa",
    "W.Va": "loc:us-wv", "Wis": "loc:us-wi", "Wyo": "loc:us-wy", "D.C": "loc:us-dc",
}
# fmt: on


def _unstutter(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A span said twice ("Trump Trump", "J. Scott Applewhite/AP J. Scott Applewhite/AP")
    is its first half."""
    words = [t.lower_ for t in doc[start:end]]
    n = len(words)
    if n >= 2 and n % 2 == 0 and words[: n // 2] == words[n // 2 :]:
        return start, start + n // 2
    for i in range(1, n):
        if words[i] == words[i - 1] and doc[start + i].is_alpha:
            return start, start + i
    return start, end


def _parts(ctx: _Ctx, start: int, end: int, label: str) -> list[tuple[Span, str]] | None:
    """The names in a span that joins several, each with its label, or None."""
    doc, gaz = ctx.doc, ctx.gaz
    if label == "PERSON":
        pieces = _split_list(doc, start, end)
        if len(pieces) < 2:
            pieces = _split_pair(doc, start, end)
        if len(pieces) < 2:
            pieces = _split_surnames(doc, start, end)
        if len(pieces) < 2:
            return None
        return [
            (doc[a:b], "ORG" if gaz.lookup(_text(doc, a, b)) is not None else "PERSON")
            for a, b in pieces
        ]
    if label == "NORP":
        return None
    known = _split_known(doc, start, end, gaz) or _split_commas(doc, start, end, gaz)
    if known is None:
        return None
    out = []
    for a, b in known:
        entry = gaz.lookup(_text(doc, a, b))
        sub_label = label
        if entry is not None:
            sub_label = "GPE" if entry.type in ("Country", "Location") else "ORG"
        elif b - a == 1 and doc[a].text in _person_surnames(doc):
            sub_label = "PERSON"
        out.append((doc[a:b], sub_label))
    return out


def _split_pair(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """ "Putin-Trump", "the Mitt Romney-Paul Ryan ticket": two people's names joined by a
    hyphen, each a surname the text names or a full name."""
    surnames = _person_surnames(doc)

    def named(a: int, b: int) -> bool:
        if b - a == 1:
            return doc[a].text in surnames
        return 2 <= b - a <= 3 and all(t.is_title for t in doc[a:b])

    for cut in range(start + 1, end - 1):
        one = (cut - start == 1) + (end - cut - 1 == 1)
        if one != 1 and doc[cut].text in ("-", "–") and named(start, cut) and named(cut + 1, end):
            return [(start, cut), (cut + 1, end)]  # not "Rolf Mowatt-Larssen"
    return [(start, end)]


def _split_surnames(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """ "the Obama Biden administration": two surnames side by side, the first no given
    name, each the last word of another person's name in the document."""
    if end - start != 2 or doc[start].lower_ in first_names():
        return [(start, end)]
    if doc[start + 1].lower_ in _PLACE_HEADS:
        return [(start, end)]  # "Trump Tower": a building named after a person
    pair = [t.lower_ for t in doc[start:end]]
    others = [e for e in doc.ents if e.label_ == "PERSON" and not e.start <= start < e.end]
    if any([t.lower_ for t in ent[-2:]] == pair for ent in others):
        return [(start, end)]  # "Arne Duncan" again elsewhere: a name, whatever "Arne" alone is
    elsewhere = {doc[ent.end - 1].text for ent in others}
    if doc[start].text in elsewhere and doc[start + 1].text in elsewhere:
        return [(start, start + 1), (start + 1, end)]
    return [(start, end)]


def _split_commas(doc: Doc, start: int, end: int, gaz: Gazetteer) -> list[tuple[int, int]] | None:
    """ "the Intercept, Reade", "Comey, McCabe": no name has a comma in it, unless it is
    a place and its state or country ("York, Pa.", "Paris, France") or one name known."""
    cuts = [i for i in range(start + 1, end - 1) if doc[i].text == ","]
    if not cuts or gaz.lookup(_text(doc, start, end)) is not None:
        return None
    if any(t.text == "&" for t in doc[start:end]):
        return None  # "Morgan, Lewis & Bockius": a firm's partners
    tail = _text(doc, cuts[-1] + 1, end)
    if tail.rstrip(".") in _STATE_ABBREVIATIONS or gaz.lookup(tail) is not None:
        entry = gaz.lookup(tail)
        if entry is None or entry.type in ("Country", "Location"):
            return None
    parts, left = [], start
    for cut in [*cuts, end]:
        if cut > left:
            parts.append((left, cut))
        left = cut + 1
    return parts


def _norp_mention(ctx: _Ctx, start: int, end: int) -> Iterator[RawMention]:
    """A demonym points at its country; "the Russian government" has a name of its own
    where the gazetteer has one; "Democrat", "Islamist" name no entity."""
    doc, gaz = ctx.doc, ctx.gaz
    if end < len(doc) and doc[end].lower_ == "government":
        own = gaz.lookup(_text(doc, start, end + 1))
        if own is not None and own.type != "Country":
            yield _make(doc, start, end + 1, "ORG", ctx.offset, own)
            return
    text = _text(doc, start, end)
    whole = gaz.demonym(text)
    entry = whole or gaz.demonym(doc[start].text)
    if entry is not None and whole is not None and _demonym_people(doc, start, end):
        return  # "a wealthy Russian", "92 percent of Russians": people, not their country
    if entry is not None:
        entry = _reading(ctx, entry.canonical, entry, start)  # "all Georgians" of the state
        stop = end if whole is not None else start + 1  # "North Korean" is one demonym
        yield _make(doc, start, stop, "NORP", ctx.offset, entry, demonym=True)
        return
    entry = gaz.lookup(text)
    if entry is not None and entry.type != "Country":
        yield _make(doc, start, end, "NORP", ctx.offset, entry)


def _titles(ctx: _Ctx, start: int, end: int, label: str) -> tuple[int, str]:
    """Cut titles off the front of the span ("President", "Secretary of State"); also
    read the titles just before it ("Secretary of State [Mike Pompeo]")."""
    doc, gaz = ctx.doc, ctx.gaz
    title = ""
    if label in ("PERSON", "ORG") and gaz.lookup(_text(doc, start, end)) is None:
        new_start = _strip_titles(doc, start, end, gaz)
        if new_start < end:
            title = _text(doc, start, new_start)
            start = new_start
            while start < end and doc[start].lower_ in _HONORIFICS:
                if label != "PERSON" and doc[start].lower_ in _SAINTS:
                    break  # "St. Louis Public Radio": named after a saint's city
                start += 1
    left = start
    while (
        left > 0
        and left > start - 5
        and (doc[left - 1].is_title or doc[left - 1].lower_ in ("of", "for"))
    ):
        left -= 1
    for cut in range(left, start):
        if _is_title(gaz, _text(doc, cut, start)):
            title = (_text(doc, cut, start) + " " + title).strip()
            break
    return start, title


def _refine(ctx: _Ctx, start: int, end: int) -> tuple[int, int]:
    """Bounds that make a known name: "Just Security's", "the Great State of Virginia",
    "Comey's FBI", "the Trump White House", "U.S. Senate Judiciary Committee"."""
    doc, gaz = ctx.doc, ctx.gaz
    start, end = _extend_to_known(doc, start, end, gaz)
    start = _place_of(doc, start, end, gaz)
    start = _past_owner(doc, start, end, gaz)
    end = _owner_end(doc, start, end, gaz)
    end = _government_of(doc, start, end, gaz)
    return _past_qualifier(doc, start, end, gaz), end


def _past_qualifier(doc: Doc, start: int, end: int, gaz: Gazetteer) -> int:
    """The start of a known body after a word that qualifies it: its country ("U.S.
    Senate Judiciary Committee") or a person's surname ("the Trump White House")."""
    if end - start < 2 or gaz.lookup(_text(doc, start, end)) is not None:
        return start
    for cut in range(start + 1, min(end, start + 3)):
        rest = gaz.lookup(_text(doc, cut, end))
        if rest is None or rest.type not in ("Agency", "Organization"):
            continue
        head = gaz.lookup(_text(doc, start, cut))
        if head is not None and head.type == "Country" and head.country == rest.country:
            return cut
        if cut == start + 1 and (
            doc[start].text in _person_words(doc) or doc[start].ent_type_ == "PERSON"
        ):
            return cut
    return start


def _checked(
    ctx: _Ctx, start: int, end: int, label: str
) -> tuple[int, GazetteerEntry | None] | None:
    """The name's start and gazetteer entry, or None when the words name nothing."""
    doc, gaz, nouns = ctx.doc, ctx.gaz, ctx.nouns
    text = _text(doc, start, end)
    if _BAD_CHARS.match(text) or not any(c.isupper() for c in text):
        return None
    if _is_title(gaz, text) or _inside_title(doc, start, end, gaz) or _GLUED.search(text):
        return None
    entry = _lookup(doc, start, end, gaz, label)
    single = end - start == 1
    if _no_actor(ctx, start, end, entry):
        return None
    if entry is None and single and _label_word(doc, start, nouns):
        return None  # "Lesson: rubbing egos ...": a common noun heading a sentence
    if _credit(doc, start, end, label):
        return None  # "Sarah Lee/Iowa Public Radio": a photo credit, which names no actor
    if entry is None and single and _ticker(doc, start):
        return None  # "Twitter (TWTR)", "the FTSE 100 (UKX)": a market's code
    if single and text in _TIME_ZONES and start > 0 and doc[start - 1].ent_type_ == "TIME":
        return None  # "at 10:55 a.m. ET": a time zone
    if entry is None and doc[start].lower_ == "operation" and end - start > 1:
        return None  # "Operation Intercept": an operation is an event, not an actor
    if entry is None and label in ("PERSON", "NORP") and _residents(text, gaz):
        return None  # "Hong Kongers", "New Yorkers": the people of a place
    if entry is None and single and text.endswith("s") and text[:-1] in _person_surnames(doc):
        return None  # "the Bidens": a family, not one of its members
    if entry is None and single and doc[start].pos_ == "VERB" and doc[start].tag_ == "VBG":
        return None  # "Recognizing this, ...": a sentence-opening gerund is no name
    if (
        entry is None
        and not single
        and doc[end - 1].text.endswith("s")
        and gaz.demonym(doc[end - 1].text) is not None
    ):
        return None  # "Central and South Americans": people, not a place
    if entry is None and single and label == "PERSON" and _given_name_modifier(doc[start]):
        return None  # "Albert monitors", "the Kim family": a name describing a thing
    if (
        entry is None
        and single
        and label == "PERSON"
        and _owned_modifier(doc[start])
        and text not in _person_surnames(doc)
    ):
        return None  # "Trump's Twitter feed", "his Netflix account": someone's thing
    if (
        entry is None
        and label == "PERSON"
        and single
        and (doc[start].lower_ in _GENERIC_WORDS or _common_noun(doc[start], nouns))
        and text not in _person_surnames(doc)
        and not _after_honorific(doc, start)
    ):
        return None  # "Hillary Clinton's Emails", "Slideshow (3 Images)": no one's name
    if entry is None and end - start > 1 and doc[start].lower_ in _PARTY_ADJECTIVES:
        rest = gaz.lookup(_text(doc, start + 1, end))
        if rest is not None or label in ("GPE", "LOC"):
            start, entry = start + 1, rest  # "Democratic San Francisco", "the Republican Senate"
    if entry is None and label != "PERSON":
        # "Raw FBI reports", "Fake News said": a sentence-opening adjective is no part of it
        while end - start > 1 and doc[start].is_sent_start and doc[start].lower_ in ctx.adjectives:
            rest_text = _text(doc, start + 1, end)
            rest = gaz.lookup(rest_text)
            if not (doc[start].pos_ == "ADJ" or rest or rest_text.lower() in _GENERIC_WORDS):
                break
            start, entry = start + 1, rest
        if entry is None and _not_a_name(doc, start, end, label, ctx.adjectives, nouns):
            return None
    return start, entry


#: a party's adjective before a place or a body says who holds it, and is no part of its name
_PARTY_ADJECTIVES: Final = frozenset({"democratic", "republican", "liberal", "conservative"})


def _given_name_modifier(tok: Token) -> bool:
    """Whether a given name alone is a modifier of a common noun ("Albert monitors", "the
    Kim family", "the Oscar-winner"), not a person: a body named after someone ("the
    Obama campaign") is read elsewhere."""
    head = tok.head
    doc = tok.doc
    if (
        tok.lower_ in first_names()
        and tok.i + 2 < len(doc)
        and doc[tok.i + 1].text == "-"
        and not tok.whitespace_
        and doc[tok.i + 2].is_lower
    ):
        return True
    return (
        tok.lower_ in first_names()
        and tok.dep_ == "compound"
        and head.i == tok.i + 1
        and head.is_lower
        and head.pos_ == "NOUN"
        and head.lower_ not in _BODY_NOUNS
    )


def _owned_modifier(tok: Token) -> bool:
    """Whether a word after an owner modifies a common noun ("Trump's Twitter feed")."""
    head = tok.head
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    return (
        before is not None
        and (before.tag_ == "POS" or before.lower_ in _OWNERS)
        and tok.dep_ == "compound"
        and head.i == tok.i + 1
        and head.is_lower
        and head.pos_ == "NOUN"
    )


#: possessive determiners
_OWNERS: Final = frozenset({"his", "her", "their", "its", "my", "our", "your"})


def _local_body(doc: Doc, start: int, entry: GazetteerEntry) -> bool:
    """Whether a country's body is named as a local one's: "the state Senate"."""
    before = doc[start - 1] if start > 0 else None
    return (
        entry.type == "Agency"
        and bool(entry.country)
        and before is not None
        and before.is_lower
        and before.lower_ in _LOCAL_LEVELS
    )


def _inserted_given_name(doc: Doc, start: int, end: int) -> bool:
    """ "Speaker (John) Boehner": a given name an editor put in brackets before a surname
    is that surname's person, named by the surname; alone it names no one."""
    return (
        end - start == 1
        and start > 0
        and end + 1 < len(doc)
        and doc[start - 1].text in ("(", "[")
        and doc[end].text in (")", "]")
        and doc[start].lower_ in first_names()
        and doc[end + 1].is_title
    )


def _no_actor(ctx: _Ctx, start: int, end: int, entry: GazetteerEntry | None) -> bool:
    """Whether a name names no actor and no place: a prize ("the Medal of Courage"), a
    law or a report ("the Patriot Act"), a scandal ("Bridgegate"), an adjective before a
    title ("Confederate General Robert E. Lee"), a national body made local by the word
    before it ("the state Senate" is no country's senate)."""
    doc = ctx.doc
    if _programme(doc, start, end):
        return True  # "cuts to Medicaid", "a high SAT score": a programme or a test
    if entry is not None:
        return _local_body(doc, start, entry)
    if _inserted_given_name(doc, start, end):
        return True
    words = [t.lower_ for t in doc[start:end]]
    if _stance_words(doc, start, end):
        return True  # "anti-Catholicism", "the Pro-Beijing Film": a stance, no name
    if words[-1] in _AWARD_HEADS or any(
        w in _AWARD_HEADS and nxt == "of" for w, nxt in itertools.pairwise(words)
    ):
        return True
    if words[0] in _SCRIPTURE and len(words) > 2 and words[1] == "of":
        return True  # "the Gospel of Luke", "the Book of Matthew": a text
    if words[-1] in _LAW_HEADS and doc[end - 1].is_title and words[0] not in first_names():
        return True  # "the Violent Crime Control Act", "the Fort Laramie Treaty": a text
    if (words[0] in _STORM_WORDS and end - start > 1) or _storm_list(doc, start):
        return True  # "Hurricanes Harvey, Irma and Maria": weather, not places
    if end - start == 1 and (words[0] in _HOLIDAYS or words[0] in _DISEASES):
        return True  # "open by Easter": a day, not a person; "cases of CoronaVirus"
    if (
        end - start == 1
        and end < len(doc)
        and doc[end].lower_ in WEEKDAY_NAMES
        and doc[end].is_title
        and doc[start].ent_type_ not in ("PERSON", "")
        and doc[start].text not in _person_surnames(doc)
    ):
        return True  # "Maundy Thursday", "Super Tuesday": a day's name
    if end - start == 2 and _weekday(words[-1]) and doc[start].is_title:
        return True  # "Palm Sunday", "Black Friday", "on Easter Sundays"
    if end - start == 1 and words[0] in MONTH_NAMES and end < len(doc) and doc[end].like_num:
        return True  # "June 14, 2017" in a tweet's signature: a date
    if end - start == 1 and _SCANDAL.match(doc[start].text):
        return True  # "the Bridgegate scandal": an affair, not an actor
    if end - start == 1 and _pair_of_countries(ctx.gaz, doc[start].text):
        return True  # "U.S.-Russia relations": two countries in one word, no third body
    return (
        end - start == 1
        and words[0] in ctx.adjectives
        and end < len(doc)
        and _is_title(ctx.gaz, doc[end].text)
        and doc[end].is_title
    )


def _stance_words(doc: Doc, start: int, end: int) -> bool:
    """Whether a name opens with a prefix of stance or time ("anti-", "pro-", "pre-"), has
    at most one word after it, and does not end as a body's name does ("the Anti-Defamation
    League", "the Post-Dispatch"); a longer name after it is a name ("pro-Clinton Priorities
    USA Action")."""
    text = _text(doc, start, end)
    if not _STANCE_PREFIX.match(text) or len(text.split()) > 2:
        return False
    last = doc[end - 1].lower_
    return (
        last not in _MOVEMENT_HEADS
        and last not in _BODY_LAST_WORDS
        and last not in _ORG_NOUNS
        and org_subtype(text) is None
    )


def _programme(doc: Doc, start: int, end: int) -> bool:
    """Whether a name is a programme's, a law's or a test's (``data/programmes.txt``), no
    actor, unless the text has it speak ("Social Security said ...": its administration)."""
    if doc[start].lower_ == "the":
        start += 1
    if start >= end or _text(doc, start, end) not in programme_names():
        return False
    head = doc[start:end].root
    return not (head.dep_ == "nsubj" and head.head.lemma_ in _SPEECH_VERBS)


def _weekday(word: str) -> bool:
    """A weekday's name, or its plural ("sundays")."""
    return word in WEEKDAY_NAMES or (word.endswith("s") and word[:-1] in WEEKDAY_NAMES)


def _label_word(doc: Doc, i: int, nouns: frozenset[str]) -> bool:
    """Whether a capitalised common noun opens its sentence before a colon ("Lesson:",
    "Update:"), a label and no name, unless the text names a person by it."""
    tok = doc[i]
    return (
        bool(tok.is_sent_start)
        and i + 1 < len(doc)
        and doc[i + 1].text == ":"
        and tok.lower_ in nouns
        and tok.text not in _person_surnames(doc)
    )


def _credit(doc: Doc, start: int, end: int, label: str) -> bool:
    """Whether a person's name is glued by a slash to a capitalised name after or before
    it: "Sarah Lee/Iowa Public Radio", "REUTERS/Yuri Petrov" are credits, both names."""
    after = (
        label == "PERSON"
        and end + 1 < len(doc)
        and doc[end].text == "/"
        and not doc[end - 1].whitespace_
        and (doc[end + 1].is_title or doc[end + 1].is_upper)
    )
    if (
        label == "PERSON"
        and start >= 2
        and doc[start - 1].text == ":"
        and doc[start - 2].lower_ in _CREDIT_WORDS
        and (end == len(doc) or doc[end].text in ("(", "/") or doc[end].is_sent_start)
    ):
        return True  # "Photo : Izabel Zermani ( AP )"; not "Photos: Navy Yard shooter"
    if (
        label == "PERSON"
        and start > 0
        and end + 2 < len(doc)
        and doc[start - 1].text == "("
        and doc[end].text == ","
        and doc[end + 1].text in _PHOTO_AGENCIES
    ):
        return True  # "(Craig Ruttle, AP)": a picture's credit in brackets
    before = (
        start >= 2
        and doc[start - 1].text == "/"
        and not doc[start - 2].whitespace_
        and not doc[start - 1].whitespace_
        and (doc[start - 2].is_title or doc[start - 2].is_upper)
        and (label == "PERSON" or doc[start - 2].ent_type_ == "PERSON")
    )
    return after or before


#: the agencies a picture's credit names after the photographer
_PHOTO_AGENCIES: Final = frozenset({"AP", "Reuters", "REUTERS", "AFP", "Getty", "EPA", "Bloomberg"})
#: the words that head a picture's credit line ("Photo: ...")
_CREDIT_WORDS: Final = frozenset(
    {"photo", "photos", "photograph", "image", "credit", "credits", "courtesy", "illustration"}
)


def _ticker(doc: Doc, i: int) -> bool:
    """Whether a shouted word in brackets after a name is its market code, not its
    initials: "Twitter (TWTR)", "Google (GOOG, GOOGL)"; not "the Placement Center (PC)"."""
    tok = doc[i]
    if not (tok.is_upper and tok.is_alpha and 2 <= len(tok) <= 5) or i < 2:
        return False
    j = i - 1
    while j > 0 and (doc[j].text == "," or (doc[j].is_upper and doc[j].is_alpha)):
        j -= 1  # "(GOOG, GOOGL)": the codes before this one
    if doc[j].text != "(" or i + 1 >= len(doc) or doc[i + 1].text not in (")", ","):
        return False
    k = j
    while k > 0 and (doc[k - 1].is_title or doc[k - 1].is_upper or doc[k - 1].like_num):
        k -= 1
    return k < j and acronym(_text(doc, k, j)) != tok.lower_


def _storm_list(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a later name in a list of storms ("Hurricanes Harvey, Irma
    and Maria")."""
    tok = doc[i]
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    return tok.i != i and tok.i > 0 and doc[tok.i - 1].lower_ in _STORM_WORDS


def _among_people(doc: Doc, start: int, end: int) -> bool:
    """Whether a name stands in a list beside people's names ("Hollande, Obama, Cameron,
    Merkel"): no misspelt country then."""
    for i in (start - 2, end + 1):
        if 0 <= i < len(doc) and doc[i].ent_type_ == "PERSON":
            sep = doc[i + 1] if i < start else doc[end]
            if sep.text in (",", "and", "&"):
                return True
    return False


def _pair_of_countries(gaz: Gazetteer, word: str) -> bool:
    """Whether one word is two or more countries joined by hyphens ("U.S.-Russia")."""
    parts = word.split("-")
    if len(parts) < 2 or not all(parts):
        return False
    entries = [gaz.lookup(p) for p in parts]
    return all(e is not None and e.type == "Country" for e in entries)


_RESIDENT_ENDINGS: Final = ("ers", "ians", "ites", "ans")


def _residents(text: str, gaz: Gazetteer) -> bool:
    """Whether a word names the people of a place the gazetteer knows ("Hong Kongers")."""
    for ending in _RESIDENT_ENDINGS:
        if text.endswith(ending) and len(text) > len(ending) + 2:
            entry = gaz.lookup(text[: -len(ending)]) or gaz.lookup(text[: -len(ending)] + "a")
            if entry is not None and entry.type in ("Country", "Location"):
                return True
    return False


def _lookup(doc: Doc, start: int, end: int, gaz: Gazetteer, label: str) -> GazetteerEntry | None:
    """The gazetteer entry of a name, read with the article before it too when spaCy
    saw an organisation ("the New Yorker", "the Hill"; "across the Atlantic" is no
    magazine), and "House of Representatives" as "House"."""
    text = _text(doc, start, end)
    entry = gaz.lookup(text)
    if entry is None and start > 0 and doc[start - 1].lower_ == "the":
        # "the District" is Washington, D.C.: a place's alias with its article
        found = gaz.lookup("the " + text)
        kinds = _ARTICLE_KINDS.get(label, ())
        entry = found if found is not None and found.type in kinds else None
    abbr = _STATE_ABBREVIATIONS.get(text.rstrip("."), "")
    if entry is None and abbr in gaz and start >= 2 and doc[start - 1].text == ",":
        entry = gaz.by_id(abbr) if doc[start - 2].is_title else None  # "Ferguson, Mo."
    if entry is None and "House of Representatives " in text:
        # "the House of Representatives Intelligence Committee" is the House one
        entry = gaz.lookup(text.replace("House of Representatives", "House"))
    if (
        entry is None
        and end - start == 1
        and ((end < len(doc) and doc[end].lower_ in _POST_NOUNS) or _named_department(doc[start]))
    ):
        # "Labor secretary", "departments such as Agriculture, Commerce": the department's
        # word, not a namesake
        department = gaz.lookup(f"{text} Department")
        entry = department if department is not None and department.type == "Agency" else None
    return entry


def _named_department(tok: Token) -> bool:
    """Whether a word is listed as one of some departments ("departments such as
    Agriculture, Commerce and Education", "the departments of Labor and Energy")."""
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    if tok.dep_ == "appos":
        return tok.head.lemma_ == "department"
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    return prep.lower_ in ("as", "like", "of") and prep.head.lemma_ == "department"


#: the entry types an alias with its article may give a name of each spaCy label
_ARTICLE_KINDS: Final = {
    "ORG": ("Organization", "Location"),
    "GPE": ("Location",),
    "LOC": ("Location",),
    "FAC": ("Location",),
}
#: the nouns of a post or an office that a department's word stands before
_POST_NOUNS: Final = frozenset(
    {"secretary", "secretaries", "department", "dept", "dept.", "undersecretary", "deputy"}
)


#: words that count people: "most Russians", "92 percent of Russians"
_PEOPLE_COUNTS: Final = frozenset(
    {
        "many",
        "most",
        "some",
        "few",
        "several",
        "all",
        "percent",
        "%",
        "majority",
        "minority",
        "millions",
        "thousands",
        "hundreds",
        "dozens",
        "number",
        "share",
        "half",
        "third",
        "quarter",
    }
)


def _demonym_people(doc: Doc, start: int, end: int) -> bool:
    """Whether a demonym is a noun for people, not a pointer to their country: a singular
    with a determiner, an adjective or a number ("a wealthy Russian", "the Russian
    blinked", "a 44-year-old Russian"), a plural counted ("most Russians", "92 percent of
    Russians", "two Russians")."""
    tok = doc[end - 1]
    if tok.dep_ in ("amod", "compound", "poss", "nmod") or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN") and doc[end].dep_ == "compound":
        return False
    words = {c.lower_ for c in tok.children if c.i < start}
    kinds = {c.dep_ for c in tok.children if c.i < start}
    if tok.tag_ in ("NNS", "NNPS") or tok.lower_.endswith("s"):
        if words & _PEOPLE_COUNTS or "nummod" in kinds:
            return True
        head = tok.head
        return tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in _PEOPLE_COUNTS
    return bool(words & {"a", "an", "the", "this", "that"} or kinds & {"amod", "nummod"})


def _typed(
    ctx: _Ctx, start: int, end: int, label: str, entry: GazetteerEntry | None
) -> RawMention | None:
    """The mention with its type: a body named after a person, a demonym, a capital
    standing for its state, a person by the words around the name."""
    doc, gaz = ctx.doc, ctx.gaz
    text = _text(doc, start, end)
    body = _body_of(doc, start, end, label, entry)
    if body is not None:
        # "the Trump campaign", "the Obama administration": a body named after a person
        return replace(_make(doc, start, end + 1, "ORG", ctx.offset, None), type=body, subtype=None)
    if entry is None and label in ("GPE", "LOC"):
        if end - start == 1 and _among_people(doc, start, end):
            label = "PERSON"  # "Obama, Cameron, German Chancellor Angela Merkel": a person
        else:
            entry = gaz.fuzzy_country(text)  # "Libva"
    if entry is None and label != "PERSON":
        demonym = gaz.demonym(text)
        if demonym is not None and end - start == 1:
            if _demonym_people(doc, start, end):
                return None  # "a wealthy Russian": a person, not the country
            return _make(doc, start, end, "NORP", ctx.offset, demonym, demonym=True)
    if (
        label == "PERSON"
        and entry is not None
        and entry.type != "Person"
        and not (end - start == 1 and text in _person_surnames(doc))
    ):
        # spaCy sometimes labels "Pentagon" or "Kremlin" PERSON: trust the gazetteer
        label = "ORG" if entry.type in ("Agency", "Organization") else "GPE"
    if label == "PERSON" and (len(text) > 60 or not _looks_like_name(text)):
        return None
    if _JUNK.search(text):
        return None
    label, entry = _relabel(ctx, start, end, label, entry)
    subtype = None
    civil = False
    if entry is None:
        kind = _kind_noun(doc, start, end)
        if kind in _ORG_NOUNS:
            # "the Atlantic magazine", "his firm Webzilla": the noun says what it is
            label = "ORG"
            subtype = "media" if kind in _MEDIA_NOUNS else _ORG_NOUN_SUBTYPES.get(kind)
            civil = kind in _GROUP_KINDS
        elif kind is not None:
            # "his son, Justin", "Jo Smith, a retired nurse", "the town of Dixville Notch"
            label = "PERSON" if kind in _PERSON_NOUNS else "GPE"
        elif label != "GPE" and _place_and_region(ctx, start, end):
            label = "GPE"  # "the Olympics in Sochi, Russia": a place and its country
    mention = _make(doc, start, end, label, ctx.offset, entry)
    if civil and mention.type == "Agency":
        # "the Family Research Council advocacy group": a group, however official its name
        mention = replace(mention, type="Organization", subtype=org_subtype(mention.text))
    if subtype is not None and mention.type == "Organization":
        mention = replace(mention, subtype=subtype)
    return mention


def _unknown_relabel(doc: Doc, start: int, end: int, label: str) -> str | None:
    """The label a name the gazetteer does not know takes from its own words: a building
    ("Trump Tower"), a body named after a person or by its head word ("the David H. Koch
    Charitable Foundation", "Tucson Sector Border Patrol", "Team Obama"), a person's
    surname spaCy took for something else, an acronym; None to keep spaCy's."""
    text = _text(doc, start, end)
    last = doc[end - 1]
    many = end - start > 1
    if label in ("PERSON", "ORG") and many and last.lower_ in _PLACE_HEADS and not last.is_lower:
        return "FAC"  # "the lobby of Trump Tower", "the Federal Courthouse": a building
    if label == "PERSON" and many and last.lower_ in _BODY_LAST_WORDS and last.is_title:
        return "ORG"  # "the David H. Koch Charitable Foundation": named after a person
    the = start > 0 and doc[start - 1].lower_ == "the"
    if label == "PERSON" and last.lower_ in _PAPER_WORDS and last.is_title and (many or the):
        return "ORG"  # "the San Francisco Chronicle", "the Chronicle reported": a paper
    if (
        label in ("ORG", "GPE", "LOC", "FAC")
        and not many
        and not doc[start].is_upper
        and doc[start].dep_ not in ("compound", "nmod", "amod")
        and text in _person_surnames(doc)
    ):
        # "Michelle Bachelet ... Bachelet said": her surname; not "Trump adviser X", which
        # names the body X works for
        return "PERSON"
    if label == "PERSON" and many and (agency_pattern(text) or doc[start].text == "Team"):
        return "ORG"  # "Tucson Sector Border Patrol": a body; "Team Obama": a campaign
    if label == "PERSON" and text.isupper() and len(text) <= 3:
        return "ORG"  # "The IC has not ...": an acronym is no one's name
    return None


def _relabel(
    ctx: _Ctx, start: int, end: int, label: str, entry: GazetteerEntry | None
) -> tuple[str, GazetteerEntry | None]:
    """spaCy's label corrected by the words around the name."""
    doc, gaz = ctx.doc, ctx.gaz
    text = _text(doc, start, end)
    if (
        entry is not None
        and entry.type in ("Country", "Location")
        and end - start == 1
        and ((label == "PERSON" and text in _person_surnames(doc)) or _after_honorific(doc, start))
    ):
        return "PERSON", None  # "Rep. Jim Jordan ... Jordan said": the person, not the country
    unknown = _unknown_relabel(doc, start, end, label) if entry is None else None
    if unknown is not None:
        return unknown, entry
    if entry is None and label != "PERSON" and _after_honorific(doc, start):
        return "PERSON", entry  # "Ms. Park" is a person whatever spaCy thought
    if (
        entry is None
        and label in ("GPE", "LOC")
        and end - start == 1
        and not doc[start].is_upper
        and doc[start].dep_ == "nsubj"
        and doc[start].head.lemma_ in _SPEECH_VERBS
    ):
        return "PERSON", entry  # "Obama said": an unknown place does not speak
    if (
        entry is None
        and label == "PERSON"
        and end - start == 1
        and start > 0
        and doc[start - 1].lower_ in _PLACE_PREPOSITIONS
        and doc[start - 1].head.lemma_ not in _IN_SOMEONE
        and doc[start].lower_ not in first_names()
        and not (end < len(doc) and doc[end].tag_ == "POS")
        and text not in _person_surnames(doc)
    ):
        return "GPE", entry  # "in Dallas", "outside Detroit": one word after "in" is a place
    if label in ("GPE", "LOC") and _acts_as_state(doc, start, end):
        state = gaz.capital_of(text)
        if state is not None:
            # "Moscow paying bounties", "accused Washington of": the capital stands for the state
            return "CAPITAL", state
    if label in ("GPE", "LOC") and entry is not None:
        entry = _reading(ctx, text, entry, start)
    if (
        entry is None
        and label in ("ORG", "GPE", "LOC", "FAC")
        and 2 <= end - start <= 3
        and all(t.is_title for t in doc[start:end])
        and doc[start].lower_ in first_names()
        and not agency_pattern(text)
        and org_subtype(text) is None
    ):
        return "PERSON", entry  # "the confirmation of Brett Kavanaugh": a first name and a surname
    return label, entry


#: prepositions of place: one word after them that no full name in the text ends in is a
#: place ("in Dallas"), whatever spaCy thought
_PLACE_PREPOSITIONS: Final = frozenset(
    {"in", "near", "outside", "inside", "across", "throughout", "around"}
)
#: words that take a person after "in" ("faith in Jesus", "no guilt in him")
_IN_SOMEONE: Final = frozenset(
    {"believe", "belief", "faith", "trust", "confidence", "guilt", "fault", "interest", "hope"}
)
#: the last words of the names of bodies, which are no person's however named after one
_BODY_LAST_WORDS: Final = frozenset(
    {
        "foundation",
        "institute",
        "university",
        "college",
        "school",
        "academy",
        "fund",
        "trust",
        "center",
        "centre",
        "endowment",
        "institution",
        "association",
        "society",
        "inc",
        "corp",
        "corporation",
        "company",
        "llc",
    }
)
#: a newspaper's head word: "the San Francisco Chronicle", and "the Chronicle" after it, is
#: no person
_PAPER_WORDS: Final = frozenset(
    {
        "chronicle",
        "gazette",
        "tribune",
        "herald",
        "inquirer",
        "courier",
        "examiner",
        "dispatch",
        "sentinel",
        "journal",
        "times",
    }
)
#: the nouns of a state's forces, and the one name each country's such force is known by
_FORCE_NOUNS: Final = {
    "army": "military",
    "military": "military",
    "forces": "military",
    "troops": "military",
    "soldiers": "military",
    "police": "police",
    "navy": "navy",
    "marines": "military",
}
#: the nouns of armed, political or social groups that are no state's
_GROUP_NOUNS: Final = frozenset(
    {
        "rebels",
        "militants",
        "fighters",
        "insurgents",
        "militia",
        "militias",
        "separatists",
        "jihadists",
        "guerrillas",
        "paramilitaries",
        "extremists",
    }
)
#: words between a country and its force ("Iraqi security forces", "U.S. special forces")
_FORCE_MODIFIERS: Final = frozenset({"security", "armed", "special", "government", "federal"})
#: "Taliban-linked militants", "Iranian-backed militias": a group tied to another
_TIE_WORDS: Final = frozenset({"linked", "backed", "led", "allied", "aligned", "affiliated"})


def _group_mentions(ctx: _Ctx, taken: set[int]) -> Iterator[RawMention]:
    """Groups that act, named by a common noun after their country or their tie ("the
    Israeli army", "Sudanese rebels", "Taliban-linked militants"): an Agency part of its
    country for a state's force, an Organization (based in its country) for any other.
    Only where they are a party to an act (see ``_acts``): "U.S. military officials" and
    "the withdrawal of Soviet forces" name no actor."""
    doc, gaz = ctx.doc, ctx.gaz
    for tok in doc:
        noun = tok.lower_
        if not tok.is_lower or (noun not in _FORCE_NOUNS and noun not in _GROUP_NOUNS):
            continue
        if tok.i in taken or not _acts(tok):
            continue  # "a Russian military intelligence unit", "the withdrawal of Soviet forces"
        found = _group_owner(doc, tok.i, gaz)
        if found is None:
            continue
        start, country, tied = found
        force = noun in _FORCE_NOUNS and not tied and country is not None
        mention = _make(doc, start, tok.i + 1, "ORG", ctx.offset, None)
        canonical = None
        if force and country is not None:
            canonical = f"{_text(doc, start, start + 1)} {_FORCE_NOUNS[noun]}"
        yield replace(
            mention,
            type="Agency" if force else "Organization",
            subtype="armed forces" if force else "group",
            canonical=canonical,
            part_of=country.id if country is not None and not tied else None,
        )


def _acts(tok: Token) -> bool:
    """Whether a group noun names a party to an act: the subject of a verb, its agent
    ("shelled by Sudanese rebels"), or whom it is done to or with ("paid bounties to
    Taliban-linked militants")."""
    if tok.dep_ in ("nsubj", "nsubjpass"):
        return True
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    if prep.dep_ == "agent" or prep.lower_ == "by":
        return True
    return prep.lower_ in _ACT_PREPOSITIONS and prep.head.pos_ in ("VERB", "AUX")


_ACT_PREPOSITIONS: Final = frozenset({"to", "with", "against", "from"})


def _group_owner(
    doc: Doc, i: int, gaz: Gazetteer
) -> tuple[int, GazetteerEntry | None, bool] | None:
    """The first token of a group's name ending at token ``i``, its country and whether
    it is tied to another ("Taliban-linked"), or None when no owner stands before it."""
    j = i - 1
    while j >= 0 and doc[j].lower_ in _FORCE_MODIFIERS and j > i - 3:
        j -= 1
    if j < 0:
        return None
    if doc[j].lower_ in _TIE_WORDS and j >= 2 and doc[j - 1].text in ("-", "–"):
        owner = doc[j - 2]
        if owner.ent_type_ in ("ORG", "NORP", "GPE") or gaz.lookup(owner.text) is not None:
            return j - 2, None, True
        return None
    owner = doc[j]
    if not (owner.is_title or owner.is_upper):
        return None
    if j > 0 and doc[j - 1].is_title and gaz.demonym(_text(doc, j - 1, j + 1)) is not None:
        j -= 1  # "North Korean troops": a demonym of two words
        return j, gaz.demonym(_text(doc, j, j + 2)), False
    country = gaz.demonym(owner.text)
    if country is None:
        entry = gaz.lookup(owner.text)
        country = entry if entry is not None and entry.type == "Country" else None
    if country is None and owner.ent_type_ != "NORP":
        return None
    return j, country, False


def _reading(ctx: _Ctx, text: str, entry: GazetteerEntry, at: int | None = None) -> GazetteerEntry:
    """The reading of an ambiguous place name the words around it point to: Georgia the
    state where Atlanta or a county is named, the country where Tbilisi is
    (``data/readings.tsv``). The sentence of token ``at`` decides first ("Rep. Doug
    Collins of Georgia" in an article on Russia), then the document; the gazetteer's own
    entry stays when nothing tips the scale."""
    rows = ctx.gaz.readings(text)
    if not rows:
        return entry
    bodies = [doc_text(ctx.doc)]
    if at is not None:
        bodies.insert(0, sentence_of(ctx.doc, at).text)
    for body in bodies:
        scores = {eid: sum(1 for cue in cues if cue.search(body)) for eid, cues in rows}
        best = max(scores.values())
        winners = [eid for eid, score in scores.items() if score == best]
        if best > 0 and len(winners) == 1:
            return entry if winners[0] == entry.id else ctx.gaz.by_id(winners[0])
    return entry


#: the last word of a building's or a street's name, which spaCy may take for a person's
_PLACE_HEADS: Final = frozenset(
    {
        "tower",
        "towers",
        "building",
        "hotel",
        "plaza",
        "square",
        "stadium",
        "airport",
        "avenue",
        "courthouse",
        "street",
        "boulevard",
        "bridge",
        "arena",
        "monument",
        "memorial",
        "bedroom",
        "mall",
        "palace",
    }
)


def _split_known(doc: Doc, start: int, end: int, gaz: Gazetteer) -> list[tuple[int, int]] | None:
    """The names in a span that joins several ("CIA & FBI", "United States-Russia"), or None.

    A list ("&", "and", "/", ",") splits only when every part is known: to the gazetteer,
    or as the surname of a person named in the text ("Comey, McCabe"); a hyphenated pair
    when one side is in the gazetteer and the other is capitalised too, or both are
    people's surnames ("Hewlett-Packard" is one name though Walter Hewlett is named).
    """
    if end - start < 3 or gaz.lookup(_text(doc, start, end)) is not None:
        return None
    for seps, need_all in (({"&", "and", "/", ",", ";"}, True), ({"-", "–", "—"}, False)):
        cuts = [i for i in range(start + 1, end - 1) if doc[i].lower_ in seps]
        if not cuts:
            continue
        parts, left = [], start
        for cut in [*cuts, end]:
            if cut <= left:
                return None
            parts.append((left, cut))
            left = cut + 1
        people = _person_surnames(doc)
        listed = [gaz.lookup(_text(doc, a, b)) is not None for a, b in parts]
        named = [b - a == 1 and doc[a].text in people for a, b in parts]
        known = [x or y for x, y in zip(listed, named, strict=True)]
        capitalised = all(doc[a].is_title or doc[a].is_upper for a, _b in parts)
        if not capitalised:
            continue
        if all(known) or (not need_all and any(listed)):
            return parts  # not "Hewlett-Packard" where Walter Hewlett is named: one name
    return None


def _text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text``, without making the tokens again (a hot path)."""
    words, spaces = doc_words(doc)
    if start >= end:
        return ""
    pieces = [w + sp for w, sp in zip(words[start : end - 1], spaces[start : end - 1], strict=True)]
    pieces.append(words[end - 1])
    return "".join(pieces)


def sentences(doc: Doc) -> tuple[list[Span], list[int]]:
    """The sentences of ``doc`` and their first token indices, found once per Doc."""
    cached = doc.user_data.get("kgraph_sents")
    if cached is None:
        sents = list(doc.sents)
        cached = doc.user_data["kgraph_sents"] = (sents, [sent.start for sent in sents])
    return cached


def _sentence_text(doc: Doc, sent: Span) -> str:
    """The text of a sentence, made once per Doc (``Span.text`` makes it each time)."""
    cached = doc.user_data.setdefault("kgraph_sent_texts", {})
    text = cached.get(sent.start)
    if text is None:
        text = cached[sent.start] = sent.text
    return str(text)


def sentence_of(doc: Doc, token: int) -> Span:
    """The sentence of a token (``Span.sent`` searches the Doc each time)."""
    sents, starts = sentences(doc)
    return sents[bisect.bisect_right(starts, token) - 1]


_AGE: Final = re.compile(r"\byears?[- ]old\b|\bage[ds]?\b", re.IGNORECASE)


def dates_in(span: Span) -> list[Span]:
    """The DATE entities inside ``span`` ("on July 13", "last week"); ages ("a 44-year-old
    Russian") are no dates. Found once per Doc (``Span.ents`` searches each time)."""
    doc = span.doc
    cached = doc.user_data.get("kgraph_dates")
    if cached is None:
        cached = [e for e in doc.ents if e.label_ == "DATE" and not _AGE.search(e.text)]
        doc.user_data["kgraph_dates"] = cached
    return [e for e in cached if e.start >= span.start and e.end <= span.end]


def _person_surnames(doc: Doc) -> frozenset[str]:
    """The surnames of the people spaCy found in ``doc`` by a full name ("Trump" for
    "Donald Trump"); a span with a number in it ("Il Sole 24 Ore") is no one's name."""
    cached = doc.user_data.get("kgraph_surnames")
    if cached is None:
        cached = frozenset(
            doc[last].text
            for ent in doc.ents
            if ent.label_ == "PERSON"
            and (last := _last_name_token(ent)) > ent.start
            and doc[last].is_title
            and doc[last].lower_ not in _CREDIT_HEADS
            and doc[last].lower_ not in _GENERIC_WORDS  # "NASA Headquarters"
            and doc[last].lower_ not in _LAW_HEADS  # "the Davis-Oliver Act"
            and doc[last].lower_ not in _PLACE_HEADS
            and doc[last].lower_ not in _BODY_LAST_WORDS
            and ent[0].lower_ not in _STORM_WORDS  # "Hurricanes Harvey"
            and not any(tok.tag_ == "POS" for tok in ent)  # "Charlie Wilson's War"
            and not any(tok.like_num for tok in ent)
        )
        doc.user_data["kgraph_surnames"] = cached
    return cached


def _last_name_token(ent: Span) -> int:
    """The index of the last word of a person's name in a PERSON entity: the word before
    a generation that words follow ("Trump" in "Donald Trump Jr. Fusion"), else the last."""
    for tok in ent[1:-1]:
        if tok.lower_ in _GENERATION_WORDS:
            return tok.i - 1
    return ent.end - 1


def _person_words(doc: Doc) -> frozenset[str]:
    """The last words of every PERSON entity of ``doc`` ("Trump" for "Mr. Trump")."""
    cached = doc.user_data.get("kgraph_person_words")
    if cached is None:
        cached = frozenset(ent[-1].text for ent in doc.ents if ent.label_ == "PERSON")
        doc.user_data["kgraph_person_words"] = cached
    return cached


def _past_owner(doc: Doc, start: int, end: int, gaz: Gazetteer) -> int:
    """The start of the name after an owner inside the span ("Comey's FBI" is the FBI);
    not inside a known name ("the National People's Congress")."""
    if gaz.lookup(_text(doc, start, end)) is not None:
        return start
    for i in range(start + 1, end - 1):
        if doc[i].tag_ == "POS" or doc[i].lower_ in ("'s", "’s"):
            if gaz.lookup(_text(doc, i + 1, end)) is not None:
                return i + 1
            break
    return start


def _owner_end(doc: Doc, start: int, end: int, gaz: Gazetteer) -> int:
    """The end of a known owner inside the span ("the Democratic Party’s Steele dossier"
    names the party) when what it owns is no known name."""
    for i in range(start + 1, end - 1):
        if doc[i].tag_ == "POS" or doc[i].lower_ in ("'s", "’s"):
            if gaz.lookup(_text(doc, start, i)) is not None:
                return i
            break
    return end


def _government_of(doc: Doc, start: int, end: int, gaz: Gazetteer) -> int:
    """The end of X in "X Government" when the gazetteer knows X as a country."""
    if end - start >= 2 and doc[end - 1].lower_ == "government":
        entry = gaz.lookup(_text(doc, start, end - 1))
        if entry is not None and entry.type == "Country":
            return end - 1
    return end


def _place_of(doc: Doc, start: int, end: int, gaz: Gazetteer) -> int:
    """The start of X in "the Great State of X" when the gazetteer knows X as a place."""
    for i in range(start + 1, min(end - 1, start + 4)):
        if doc[i].lower_ == "of" and doc[i - 1].lower_ in _PLACE_OF:
            entry = gaz.lookup(_text(doc, i + 1, end))
            if entry is not None and entry.type in ("Country", "Location"):
                return i + 1
            break
    return start


def _not_a_name(
    doc: Doc,
    start: int,
    end: int,
    label: str,
    adjectives: frozenset[str] = frozenset(),
    nouns: frozenset[str] = frozenset(),
) -> bool:
    """Capitalised words that name nothing: "our Commonwealth", "Page 236", "VA Dem", "a
    London Bar", a sentence-opening adjective spaCy took for a place ("Symptomatic of")."""
    first, last = doc[start], doc[end - 1]
    if last.lower_ in _PARTISANS:
        return True
    if end - start == 1 and first.lower_ in _GENERIC_WORDS:
        return True
    if end - start == 1 and label != "PERSON" and _common_noun(first, nouns):
        return True
    if end - start == 2 and last.like_num and first.is_title:
        return True  # "Page 236", "Section 702"
    before = doc[start - 1].lower_ if start > 0 else ""
    if end - start == 1 and before in _POSSESSIVE_DETS:
        return True
    root = doc[start:end].root
    if before in ("a", "an") and root.dep_ not in ("compound", "amod", "nmod", "poss"):
        return True
    # "Symptomatic of the crisis": an adjective (by the parse or the dictionary) is no place
    return (
        end - start == 1
        and label in ("GPE", "LOC", "ORG")
        and (
            (first.pos_ == "ADJ" and label != "ORG")
            or (bool(first.is_sent_start) and first.lower_ in adjectives)
        )
    )


def _common_noun(tok: Token, nouns: frozenset[str]) -> bool:
    """A capitalised common noun, not a name: shouted ("SERVER", "ANALYSIS") or plural
    ("Emails", "Lies"). Nouns only: WordNet's list holds place names too ("Boston")."""
    low = tok.lower_
    if tok.is_upper and len(low) >= 5 and tok.is_alpha:
        return low in nouns
    if tok.is_title and len(low) >= 4 and low.endswith("s") and not low.endswith("ss"):
        return (low[:-1] in nouns or (low.endswith("es") and low[:-2] in nouns)) and (
            low not in nouns
        )
    return False


def _body_of(
    doc: Doc, start: int, end: int, label: str, entry: GazetteerEntry | None
) -> str | None:
    """The type of "X campaign" / "X administration" when X is a person's name, else None."""
    if (entry is not None and entry.type != "Person") or end >= len(doc) or end - start > 3:
        return None
    noun = doc[end]
    if noun.lower_ not in _BODY_NOUNS or not noun.is_lower:
        return None
    if (
        label == "PERSON"
        or entry is not None
        or (label == "ORG" and end - start == 1 and doc[start].is_title)
    ):
        return _BODY_NOUNS[noun.lower_]
    return None


def _kind_noun(doc: Doc, start: int, end: int) -> str | None:
    """A common noun that says what a name is: "the Atlantic magazine" (after it), "his firm
    Webzilla" (before it, or the head it stands in apposition to), "Jo Smith, a nurse"
    (in apposition to it), "the town of Dixville Notch" (the "of" it follows); an
    organisation's noun (``_ORG_NOUNS``), a person's or a place's."""
    if end < len(doc) and doc[end].lower_ in _MEDIA_NOUNS and doc[end].is_lower:
        return doc[end].lower_
    after = _noun_after(doc, start, end)
    if after is not None:
        return after  # "the Family Research Council advocacy group", "the X think tank"
    root = doc[start:end].root
    if root.dep_ == "appos" and root.head.is_lower and root.head.i < start:
        kind = str(root.head.lemma_.lower())
        if kind in _ORG_NOUNS or kind in _PERSON_NOUNS or kind in _PLACE_NOUNS:
            return kind
    appos = [c for c in root.children if c.dep_ == "appos" and end <= c.i < end + 8 and c.is_lower]
    if appos and (appos[0].lemma_.lower() in _PERSON_NOUNS or appos[0].lower_ in _PERSON_NOUNS):
        return str(appos[0].lower_)
    if appos and appos[0].lemma_.lower() in _PLACE_NOUNS and doc[end].text == ",":
        return str(appos[0].lower_)  # "Falls Church, a Virginia suburb of Washington"
    if (
        root.dep_ == "pobj"
        and root.head.lower_ == "of"
        and root.head.head.lemma_.lower() in _PLACE_NOUNS
        and root.head.head.i == start - 2
    ):
        return root.head.head.lower_  # "the tiny town of Dixville Notch", "the provinces of"
    if start > 1 and root.dep_ not in ("compound", "amod", "nmod"):
        # the tagger may read "firm" in "his firm Webzilla" as an adjective: the determiner
        # before it, and the name heading its phrase, settle it
        prev = doc[start - 1]
        if prev.is_lower and prev.lower_ in _ORG_NOUNS and doc[start - 2].dep_ in _NOUN_STARTS:
            return prev.lower_
    return None


def _noun_after(doc: Doc, start: int, end: int) -> str | None:
    """The organisation noun a name modifies, one lower-case word between them at most:
    "the Bipartisan Policy Center think tank", "the Family Research Council advocacy
    group" ("think tank" is read as its head "tank"); not "a Michael Jackson dance party"."""
    root = doc[start:end].root
    head = root.head
    if root.dep_ not in ("compound", "nmod") or not end <= head.i <= end + 1:
        return None
    if not all(t.is_lower and t.is_alpha for t in doc[end : head.i + 1]):
        return None
    word = head.lower_
    if word == "tank" and doc[head.i - 1].lower_ == "think":
        return "think tank"
    return word if word in _GROUP_KINDS else None


#: the nouns of people a name may stand in apposition to: "his son, Justin"
_PERSON_NOUNS: Final = frozenset(
    {
        "man",
        "woman",
        "boy",
        "girl",
        "son",
        "daughter",
        "wife",
        "husband",
        "mother",
        "father",
        "brother",
        "sister",
        "grandson",
        "granddaughter",
        "grandmother",
        "grandfather",
        "nephew",
        "niece",
        "cousin",
        "widow",
        "mom",
        "dad",
        "nurse",
        "teacher",
        "mechanic",
        "plumber",
    }
)
#: the nouns of places a name may follow with "of": "the town of Dixville Notch"
_PLACE_NOUNS: Final = frozenset(
    {"town", "city", "village", "hamlet", "county", "suburb", "borough", "township", "island"}
    | {"province", "region", "district"}
)


def _place_and_region(ctx: _Ctx, start: int, end: int) -> bool:
    """Whether a name unknown to the gazetteer is followed by ", " and a country or a US
    state, and nothing but a stop or a comma after that: "in Sochi, Russia"."""
    doc = ctx.doc
    if end + 1 >= len(doc) or doc[end].text != "," or not doc[end + 1].is_title:
        return False
    for stop in range(end + 2, min(len(doc), end + 5) + 1):
        entry = ctx.gaz.lookup(_text(doc, end + 1, stop))
        after = doc[stop] if stop < len(doc) else None
        if (
            entry is not None
            and (entry.type == "Country" or entry.subtype == "state")
            and (after is None or after.is_punct or after.is_space)
        ):
            return True
    return False


#: what may stand before a kind noun before a name: "his firm", "the department store"
_NOUN_STARTS: Final = frozenset({"det", "poss", "compound"})

#: the nouns after a name that make it a group of civil society or a business, never a
#: state's body: "the Family Research Council advocacy group", "the X think tank"
_GROUP_KINDS: Final = frozenset(
    {"group", "organization", "organisation", "charity", "nonprofit", "firm", "company"}
    | {"consultancy", "startup", "think tank"}
)
_ORG_NOUN_SUBTYPES: Final = {
    "think tank": "think tank",
    "firm": "company",
    "company": "company",
    "startup": "company",
    "consultancy": "company",
    "bank": "company",
    "store": "company",
    "retailer": "company",
    "chain": "company",
    "party": "political party",
    "charity": "NGO",
    "nonprofit": "NGO",
}


def _make(
    doc: Doc,
    start: int,
    end: int,
    label: str,
    offset: int,
    entry: GazetteerEntry | None,
    *,
    demonym: bool = False,
) -> RawMention:
    span = doc[start:end]
    sent = sentence_of(doc, start)
    sent_text = _sentence_text(doc, sent)
    text = span.text
    cut = 0
    if label in ("PERSON", "GPE", "LOC") and _GLUED_POSSESSIVE.search(doc[end - 1].text):
        cut = 2  # "Trump’s" left in one token: the name is "Trump"
        text = text[:-cut]
    type_ = _type_from_label("GPE" if label == "CAPITAL" else label, text, entry)
    if entry is not None and demonym and entry.type != "Location":
        type_ = "Country"
    subtype = (
        entry.subtype
        if entry is not None
        else (org_subtype(text) if type_ == "Organization" else None)
    )
    return RawMention(
        start=offset + span.start_char,
        end=offset + span.end_char - cut,
        text=text,
        ner=label,
        sentence=sent_text.strip(),
        type=type_,
        gid=entry.id if entry is not None else None,
        canonical=entry.canonical if entry is not None else None,
        subtype=subtype,
        demonym=demonym,
        tok_start=start,
        tok_end=end,
        sent_start=offset + sent.start_char + len(sent_text) - len(sent_text.lstrip()),
    )


#: a possessive the tokenizer left on a name's last word ("Trump’s")
_GLUED_POSSESSIVE: Final = re.compile(r"^[A-Z][\w.\-]+['’]s$")


def _gazetteer_mentions(
    doc: Doc, offset: int, gaz: Gazetteer, taken: set[int]
) -> Iterator[RawMention]:
    """Well-known names spaCy did not tag (a capitalised run that the gazetteer knows)."""
    i, n = 0, len(doc)
    while i < n:
        tok = doc[i]
        if (
            i in taken
            or not (tok.is_title or tok.is_upper)
            or tok.is_space
            or not gaz.may_start(tok.text)
        ):
            i += 1
            continue
        found = None
        for j in range(min(n, i + 6), i, -1):
            if any(k in taken for k in range(i, j)):
                continue
            last: Token = doc[j - 1]
            if (last.is_punct and last.text != ".") or last.is_space:
                continue  # not "Navy:\n\n"
            text = _text(doc, i, j)
            entry = gaz.lookup(text)
            if entry is not None:
                # a Person entry is the user's: user names win
                if j - i == 1 and tok.is_sent_start and tok.lower_ in _COMMON_STARTS:
                    continue
                if j - i == 1 and entry.type != "Person" and text in _person_surnames(doc):
                    continue  # "Jordan said" where Jim Jordan is named
                found = (j, entry)
                break
        if found is None:
            i += 1
            continue
        j, entry = found
        owner = _foreign_owner(doc, i, entry, gaz)
        if owner is not None:
            yield _foreign_body(doc, i, j, offset, entry, owner)
        elif not _inside_title(doc, i, j, gaz) and not _local_body(doc, i, entry):
            label = "GPE" if entry.type == "Country" else "ORG"
            yield _make(doc, i, j, label, offset, entry)
        i = j


def _foreign_owner(
    doc: Doc, i: int, entry: GazetteerEntry, gaz: Gazetteer
) -> GazetteerEntry | None:
    """The country whose demonym stands before a body another country's entry names:
    "Israeli Navy" is no U.S. Navy."""
    if entry.type != "Agency" or not entry.country or i == 0 or not doc[i - 1].is_title:
        return None
    owner = gaz.demonym(doc[i - 1].text)
    return owner if owner is not None and owner.country != entry.country else None


def _foreign_body(
    doc: Doc, i: int, j: int, offset: int, entry: GazetteerEntry, owner: GazetteerEntry
) -> RawMention:
    """ "Israeli Navy": that country's body of the kind, part of it."""
    mention = _make(doc, i - 1, j, "ORG", offset, None)
    return replace(
        mention,
        type="Agency",
        subtype=entry.subtype,
        canonical=f"{doc[i - 1].text} {_text(doc, i, j).lower()}",
        part_of=owner.id,
    )


_COMMON_STARTS: Final = frozenset({"state", "house", "congress", "time", "times", "post"})


def byline_mentions(prepared: Prepared, *, gazetteer: Gazetteer) -> Iterator[RawMention]:
    """The authors named in a document's byline, as Person mentions."""
    text = prepared.document.text
    for name, start, end in prepared.authors:
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        raw = text[line_start : line_end if line_end >= 0 else len(text)]
        line = raw.strip()
        lead = line_start + len(raw) - len(raw.lstrip())
        yield RawMention(start, end, name, "BYLINE", line, "Person", sent_start=lead)


def promote_people(mentions: list[RawMention]) -> list[RawMention]:
    """A name spaCy typed as a place or an organisation ("Helen Park") whose surname is
    used for a person in the same text ("Ms. Park") is that person."""
    surnames = {m.text.lower() for m in mentions if m.type == "Person" and " " not in m.text}
    if not surnames:
        return mentions
    out = []
    for m in mentions:
        words = m.text.split()
        if (
            not m.gid
            and m.type != "Person"
            and 2 <= len(words) <= 4
            and words[-1].lower() in surnames
            and all(w[:1].isupper() for w in words)
        ):
            m = replace(m, type="Person", ner="PERSON", subtype=None)
        out.append(m)
    return out
