"""Roles: the offices and jobs people hold, found once per Doc before any extractor runs.

``find_roles`` reads appositions ("Sergey V. Lavrov, Russia's foreign minister"),
pre-nominal titles ("Russian President Vladimir Putin", "former CIA official Rolf
Mowatt-Larssen"), possessives ("Just Security's Ryan Goodman"), "of" phrases
("Julian Assange of WikiLeaks"), copulas ("Vanessa Tyson is a professor at Scripps
College"), "served as" and "named X as" clauses, and the ambassadors posted to a country.

A title keeps its qualifiers ("deputy director", "acting attorney general", "interim
president"); "former", "ex-" and "then-" make it a former role.  A title owned by a person
is a role in that person's government when it is an office ("Trump's director of national
intelligence": the United States), and a role held for that person when it is a personal
one ("Stone's lawyer Bruce Rogow", "Trump's longtime confidant Roger Stone"); a relative
("Trump's daughter, Ivanka Trump") is kin, not a role.  Dates, credits ("Photo: Getty"),
"ally", "critic" and the like are never roles.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from kgraph.extract.context import DocContext, Posting, Role
from kgraph.extract.entities import RawMention
from kgraph.gazetteer import first_names, office_country
from kgraph.timex import MONTH_NAMES, WEEKDAY_NAMES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["KIN", "POSTED", "find_roles", "modifier_entity", "party_member", "party_tag"]

_BODY_TYPES: Final = frozenset({"Agency", "Organization"})
#: subtypes of a party, whose name before a title of a body is the holder's party, not the
#: body the title is held in
_PARTY_SUBTYPES: Final = frozenset({"political party"})

#: jobs a copula states ("X is a professor at Y"); titles come from the gazetteer
_JOB_NOUNS: Final = frozenset(
    {
        "accountant",
        "adviser",
        "advisor",
        "agent",
        "aide",
        "analyst",
        "associate",
        "attorney",
        "ceo",
        "chair",
        "chairman",
        "chairwoman",
        "chief",
        "co-founder",
        "columnist",
        "consultant",
        "contractor",
        "correspondent",
        "diplomat",
        "director",
        "economist",
        "editor",
        "employee",
        "executive",
        "fellow",
        "founder",
        "head",
        "informant",
        "investigator",
        "journalist",
        "lawyer",
        "leader",
        "lobbyist",
        "manager",
        "member",
        "minister",
        "officer",
        "official",
        "operative",
        "owner",
        "partner",
        "professor",
        "prosecutor",
        "reporter",
        "researcher",
        "scholar",
        "spokesman",
        "spokesperson",
        "spokeswoman",
        "spy",
        "staffer",
        "strategist",
        "writer",
    }
)

_ROLE_PREPS: Final = frozenset({"of", "at", "on", "for", "in", "with", "from"})

_NAME_PARTICLES: Final = frozenset({"al", "el", "bin", "ibn", "de", "van", "von", "da", "di"})

_FORMER: Final = frozenset(
    {"former", "ex", "previous", "previously", "onetime", "then", "erstwhile", "retired"}
)
#: words that say a role is held now: no part of its title ("the current FBI director")
_NOW: Final = frozenset({"current", "sitting", "incumbent"})
#: words of praise or fame, no part of a title: "the great National Review editor"
_PRAISE: Final = frozenset(
    {
        "great",
        "famed",
        "famous",
        "legendary",
        "renowned",
        "prominent",
        "influential",
        "noted",
        "celebrated",
        "respected",
        "well-known",
        "storied",
    }
)
#: words of a holder's politics, manner or standing, no part of a title: "the conservative
#: chairman of the committee", "the embattled attorney general"
_STANDING: Final = frozenset(
    {
        "conservative",
        "liberal",
        "progressive",
        "moderate",
        "centrist",
        "populist",
        "libertarian",
        "right-wing",
        "left-wing",
        "far-right",
        "far-left",
        "hardline",
        "hard-line",
        "outspoken",
        "controversial",
        "embattled",
        "veteran",
        "powerful",
    }
)
#: qualifiers a title keeps whatever their part of speech ("acting" is a verb to spaCy)
_QUALIFIERS: Final = frozenset({"acting", "interim", "deputy", "vice", "assistant", "caretaker"})
#: roles held for a person, not in a body: "Stone's lawyer", "an adviser to Trump"
_PERSONAL_ROLES: Final = frozenset(
    {
        "lawyer",
        "attorney",
        "counsel",
        "adviser",
        "advisor",
        "aide",
        "confidant",
        "associate",
        "assistant",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "fixer",
        "bodyguard",
        "biographer",
        "doctor",
        "physician",
        "pollster",
        "strategist",
        "consultant",
        "nominee",
        "pick",
        "appointee",
        "chief",
        "manager",
        "chairman",
        "director",
        "secretary",
        "staffer",
    }
)
#: personal roles that are posts in the government when the person served leads one: "Obama
#: spokesman Jay Carney", "Trump's chief of staff" ("Trump's lawyer" stays his own)
_STATE_STAFF: Final = frozenset(
    {
        "adviser",
        "advisor",
        "aide",
        "assistant",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "chief",
        "secretary",
        "staffer",
    }
)
#: words of a title that put a leader's staff outside the government
_NOT_STATE_STAFF: Final = frozenset(
    {"campaign", "election", "personal", "transition", "family", "business", "legal", "former"}
)
#: relatives, friends, allies and rivals: ties to a person, never a role ("Trump's daughter,
#: Ivanka Trump": ``daughter_of``; "a usual ally of President Trump": ``ally_of``)
KIN: Final = frozenset(
    {
        "ally",
        "opponent",
        "rival",
        "critic",
        "classmate",
        "roommate",
        "son",
        "daughter",
        "wife",
        "husband",
        "father",
        "mother",
        "brother",
        "sister",
        "son-in-law",
        "daughter-in-law",
        "nephew",
        "niece",
        "cousin",
        "uncle",
        "aunt",
        "grandson",
        "granddaughter",
        "friend",
        "girlfriend",
        "boyfriend",
        "widow",
    }
)
#: nouns of a person tied to someone else: "McGahn's lawyer" is not McGahn
PERSONAL_NOUNS: Final = _PERSONAL_ROLES | KIN
#: verbs that give a person a post: "nominated X as secretary of the VA"
_NAMING: Final = frozenset(
    {"nominate", "name", "appoint", "tap", "pick", "choose", "select", "install", "elect", "hire"}
)

_NOT_ROLES: Final = (
    frozenset(
        {
            "mr",
            "mrs",
            "ms",
            "dr",
            "who",
            "which",
            "one",
            "man",
            "woman",
            "person",
            "people",
            "friend",
            "wife",
            "husband",
            "son",
            "daughter",
            "father",
            "mother",
            "brother",
            "sister",
            "native",
            "resident",
            "student",
            "students",
            "graduate",
            "alumnus",
            "alumna",
            "citizen",
            "nickname",
            "name",
            "use",
            "statement",
            "interview",
            "comment",
            "article",
            "report",
            "reports",
            "trip",
            "call",
            "meeting",
            "time",
            "year",
            "day",
            "ally",
            "allies",
            "critic",
            "opponent",
            "rival",
            "foe",
            "enemy",
            "supporter",
            "fan",
            "admirer",
            "loyalist",
            "detractor",
            "challenger",
            "victim",
            "accuser",
            "photo",
            "image",
            "picture",
            "credit",
            "file",
            "caption",
            "courtesy",
            "pool",
            "getty",
            "week",
            "month",
            "user",
            "voter",
            "customer",
            "viewer",
            "reader",
            "listener",
            "follower",
            "subscriber",
            "donor",
            "backer",
            "constituent",
            "counterpart",
            "colleague",
            "peer",
            "half",
            "third",
            "quarter",
            "percent",
            "share",
            "rest",
            "bull",
            "bear",
            "hawk",
            "dove",
            "optimist",
            "pessimist",
            "skeptic",
            "champion",
            "advocate",
            "proponent",
            "defender",
            "analysis",
            "poll",
            "survey",
            "memo",
            # where someone comes from, not what they do: "a Cuban immigrant"
            "immigrant",
            "migrant",
            "refugee",
            "exile",
            "expatriate",
            "descendant",
            # bodies and media a misparsed apposition describes: "X of Fusion, a new cable
            # channel from ABC News" (the channel is Fusion's, no role of X)
            "channel",
            "network",
            "outlet",
            "station",
            "newspaper",
            "magazine",
            "website",
            "publication",
            "podcast",
            "program",
            "programme",
            "organization",
            "organisation",
            "company",
            "subsidiary",
            "division",
            # a faith is no office: "South Sudanese Christian Daniel Wani"
            "christian",
            "muslim",
            "jew",
            "catholic",
            "protestant",
            "evangelical",
            "hindu",
            "buddhist",
            "sikh",
            "mormon",
            # vessels a name given to a ship stands after: "Navy destroyer USS Sampson"
            "destroyer",
            "carrier",
            "ship",
            "vessel",
            "submarine",
            "frigate",
            "cruiser",
        }
    )
    | MONTH_NAMES
    | WEEKDAY_NAMES
)  # dates ("March 20, 2018" in a caption)

#: offices held in a state, a city or a region: "Virginia Gov. Ralph Northam" holds a role
#: in Virginia (for other roles a place is where someone is, not what they serve)
_REGIONAL_OFFICES: Final = frozenset(
    {
        "governor",
        "gov.",
        "gov",
        "lieutenant",
        "lt.",
        "lt",
        "mayor",
        "senator",
        "sen.",
        "attorney",
        "representative",
        "rep.",
        "delegate",
        "assemblyman",
        "assemblywoman",
        "legislator",
        "lawmaker",
        "congressman",
        "congresswoman",
        "premier",
        "comptroller",
        "treasurer",
        "sheriff",
        "commissioner",
        "councilman",
        "councilwoman",
        "prosecutor",
    }
)

#: titles that name the body they are held in ("Attorney General William Barr" serves in
#: the Justice Department): linked only when the text names that body too
_TITLE_BODIES: Final = {
    "secretary of state": "agency:state-dept",
    "deputy secretary of state": "agency:state-dept",
    "under secretary of state": "agency:state-dept",
    "assistant secretary of state": "agency:state-dept",
    "attorney general": "agency:doj",
    "deputy attorney general": "agency:doj",
    "ag": "agency:doj",
    "defense secretary": "agency:dod",
    "secretary of defense": "agency:dod",
    "deputy defense secretary": "agency:dod",
    "treasury secretary": "agency:treasury",
    "secretary of the treasury": "agency:treasury",
    "homeland security secretary": "agency:dhs",
    "secretary of homeland security": "agency:dhs",
    "undersecretary": "agency:dhs",
    "under secretary": "agency:dhs",
    "director of national intelligence": "agency:odni",
    "national security adviser": "agency:nsc",
    "national security advisor": "agency:nsc",
    "press secretary": "agency:white-house",
    "white house press secretary": "agency:white-house",
    "chief justice": "agency:scotus",
    "special counsel": "agency:doj",
    "speaker": "agency:us-house",
    "house speaker": "agency:us-house",
    "representative": "agency:us-house",
    "rep.": "agency:us-house",
    "congressman": "agency:us-house",
    "congresswoman": "agency:us-house",
    "senator": "agency:us-senate",
    "sen.": "agency:us-senate",
}

#: the bodies of a national government whose titles mean that government even when the
#: body is not named ("Secretary of State Mike Pompeo": the United States); a speaker or a
#: senator may sit in a state's legislature
_NATIONAL_BODIES: Final = frozenset(
    {
        "agency:state-dept",
        "agency:doj",
        "agency:dod",
        "agency:treasury",
        "agency:dhs",
        "agency:odni",
        "agency:nsc",
        "agency:white-house",
    }
)

_ABBREVIATIONS: Final = {
    "gov": "governor",
    "lt": "lieutenant",
    "sen": "senator",
    "rep": "representative",
    "gen": "general",
    "adm": "admiral",
    "col": "colonel",
    "sgt": "sergeant",
    "ag": "attorney general",
    "amb": "ambassador",
}

_TOPICAL_ROLES: Final = frozenset(
    {
        "expert",
        "analyst",
        "specialist",
        "scholar",
        "correspondent",
        "historian",
        "watcher",
        "hand",
        "researcher",
        "reporter",
        "commentator",
        "observer",
    }
)

#: a party's initial before a state in a tag after a name ("D-Vt.", "R-Calif.", "I-Vt.")
_PARTY_LETTERS: Final = frozenset({"d", "r", "i", "ind", "dfl"})
_HYPHENS: Final = frozenset({"-", "\u2013"})
_PARTY_TAG: Final = re.compile(r"^(?:D|R|I|Ind|DFL)[-\u2013][A-Z][A-Za-z.]*$")
#: honorifics are no titles: "Mr. Lavrov"
_HONORIFICS: Final = frozenset({"mr.", "ms.", "mrs."})
#: words that stand for a body named before, and the word that body's name must have
#: ("" for any): "its deputy director", "the panel's chairman" (a committee)
_BODY_NOUNS: Final = {
    "its": "",
    "agency": "",
    "bureau": "",
    "panel": "committee",
    "committee": "committee",
    "company": "",
    "firm": "",
}
#: punctuation between the items of a list
_LIST_SEPARATORS: Final = frozenset({",", ";"})
#: possessive pronouns of a person: "Steele and his firm"
_PERSONAL_POSSESSIVES: Final = frozenset({"his", "her"})
#: the possessive clitic in its two spellings
_POSSESSIVE_MARKS: Final = frozenset({"'s", "’s"})
#: verbs of holding a post: "served as", "worked as", "acted as"
_SERVING: Final = frozenset({"serve", "work", "act"})
#: the offices whose holder's country is the state a person's officials serve
_HEAD_OFFICES: Final = ("president", "prime minister", "president-elect", "chancellor")
#: posts held in another country: "the U.S. ambassador to Russia" (``ambassador_to``)
POSTED: Final = frozenset(
    {"ambassador", "envoy", "emissary", "representative", "delegate", "liaison", "consul"}
)


def _role_text(title: str) -> str:
    """A title as a role: lower case, abbreviations spelt out, "former" dropped
    ("Lt. Gov." is "lieutenant governor", "Attorney General" "attorney general")."""
    words: list[str] = []
    for word in title.lower().replace(".", " ").split():
        word = word.removeprefix("then-").removeprefix("ex-")
        if word in _FORMER or not word:
            continue
        word = _ABBREVIATIONS.get(word, word)
        if not words or words[-1] != word:  # "Party Chairperson" read twice: one chairperson
            words.append(word)
    return " ".join(words)


def _is_former(words: str) -> bool:
    """ "former", "ex-", "then-": a role no longer held."""
    return any(
        w in _FORMER or w.startswith(("then-", "ex-"))
        for w in words.lower().replace(".", " ").split()
    )


def _title_body(title: str, ctx: DocContext) -> RawMention | None:
    """The mention, in this text, of the body a title is held in (see ``_TITLE_BODIES``)."""
    gid = _title_gid(title)
    if gid is None:
        return None
    body = next((m for m in ctx.mentions if m.gid == gid), None)
    if body is not None or gid not in _NATIONAL_BODIES:
        return body
    # "Secretary of State Mike Pompeo" with no State Department named: the country it serves
    try:
        country = ctx.gazetteer.by_id(gid).country
    except KeyError:
        return None
    return next((m for m in ctx.mentions if country and m.gid == f"country:{country}"), None)


def _title_gid(title: str) -> str | None:
    """The body a title names (``_TITLE_BODIES``), with or without its qualifiers ("acting
    homeland security secretary": the Department of Homeland Security)."""
    words = _role_text(title).split()
    gid = _TITLE_BODIES.get(" ".join(words))
    if gid is None:
        gid = _TITLE_BODIES.get(" ".join(w for w in words if w not in _QUALIFIERS))
    return gid


def party_member(tok: Token, ctx: DocContext) -> RawMention | None:
    """The person a party-and-state tag after a name stands for: "Patrick Leahy, D-Vt., who
    chairs the committee", "Rep. Steve Israel (D-NY)": Leahy and Israel, never Vermont or
    New York (``tok`` is any word of the tag)."""
    span = party_tag(tok)
    if span is None:
        return None
    j = span[0] - 1
    while j >= 0 and tok.doc[j].text in (",", "("):
        j -= 1
    m = ctx.mention_at(tok.doc[j]) if j >= 0 else None
    return m if m is not None and m.type == "Person" else None


def party_tag(tok: Token) -> tuple[int, int] | None:
    """The tokens of the party-and-state tag ("D", "-", "Vt", ".") ``tok`` is part of."""
    doc = tok.doc
    for k in range(tok.i, max(-1, tok.i - 4), -1):
        word = doc[k]
        if _PARTY_TAG.match(word.text):
            end = k + 1
        elif word.lower_ in _PARTY_LETTERS and k + 2 < len(doc) and doc[k + 1].text in _HYPHENS:
            if not doc[k + 2].text[:1].isupper():
                continue
            end = k + 3
        else:
            continue
        if end < len(doc) and doc[end].text == ".":
            end += 1
        return (k, end) if tok.i < end else None
    return None


def _office_of(person: RawMention, role: str, ctx: DocContext) -> RawMention | None:
    """The country a well-known person holds a bare title in ("President Obama": the United
    States), when the text names that country."""
    code = office_country(person.canonical or person.text, role)
    if code is None:
        return None
    return next((m for m in ctx.mentions if m.gid == f"country:{code}"), None)


def _is_entity_token(token: Token, ctx: DocContext) -> bool:
    return ctx.mention_at(token) is not None


def _role_words(head: Token, ctx: DocContext) -> tuple[str, bool]:
    """The words of a role noun phrase that are not entities: "foreign minister"."""
    former = False
    words: list[Token] = []
    for tok in head.subtree:
        if tok.i > head.i:
            break
        if tok.lower_ in _FORMER or tok.lower_.startswith(("then-", "ex-")):
            former = True
            continue
        if _is_entity_token(tok, ctx) or tok.dep_ in ("det", "poss", "case", "punct", "predet"):
            continue
        if tok.ent_type_ == "DATE" or tok.lower_ in _NOW | _PRAISE | _STANDING:
            continue  # "March 20, 2018" in a caption is no title; "current", "famed" no part
        kept = tok.pos_ in ("NOUN", "PROPN", "ADJ") or tok.lower_ in _QUALIFIERS
        kept = kept or (tok.tag_ == "VBG" and tok.dep_ in ("compound", "amod"))  # "managing"
        if kept and (tok.i == head.i or _attaches_to(tok, head)):
            # the head and the pre-modifiers that lead up to it ("top democrat")
            words.append(tok)
    # the head in the singular: "Two Senate Democrats, Mark Begich ...": a "democrat"
    text = " ".join(t.lemma_.lower() if t.i == head.i else t.lower_ for t in words)
    complement = _of_complement(head, ctx) if text else ""
    if complement and not _is_known_title(f"{head.lemma_.lower()} {complement}", ctx):
        complement = ""  # "director of research": the subject area is no part of the role
    return (f"{text} {complement}" if complement else text), former


def _is_known_title(title: str, ctx: DocContext) -> bool:
    """ "secretary of state", "chief of staff", "director of national intelligence": a title
    the gazetteer or the table of titles' bodies knows with its "of" phrase."""
    return title in _TITLE_BODIES or ctx.gazetteer.is_title(title)


def _title_phrase(head: Token, ctx: DocContext) -> str:
    """The words of a title around its head noun, without its owner, article or the name
    it stands before: "Trump's director of national intelligence, Dan Coats": "director of
    national intelligence"."""
    left = [
        t
        for c in head.lefts
        if c.dep_ not in ("poss", "det", "case", "punct", "predet")
        for t in c.subtree
    ]
    right = []
    for t in head.doc[head.i + 1 : head.right_edge.i + 1]:
        if t.is_punct or t.dep_ == "appos" or (ctx.mention_at(t) is not None and t.pos_ == "PROPN"):
            break
        right.append(t)
    return " ".join(t.text for t in [*left, head, *right])


def _of_complement(head: Token, ctx: DocContext) -> str:
    """ "secretary of state", "chief of staff": the "of" phrase that is part of a title (a
    common noun, no entity; "director of the CIA" names a body instead)."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj" or ctx.mention_at(pobj) is not None or pobj.ent_type_:
                continue
            if any(c.dep_ == "prep" or c.dep_ == "det" for c in pobj.children):
                continue
            words = [t for t in pobj.subtree if t.dep_ in ("compound", "amod") or t.i == pobj.i]
            if len(words) <= 3 and all(t.pos_ in ("NOUN", "ADJ", "PROPN") for t in words):
                return "of " + " ".join(t.lower_ for t in words)
    return ""


def _attaches_to(tok: Token, head: Token) -> bool:
    while tok.i != head.i and tok.head.i != tok.i:
        if tok.dep_ not in ("compound", "amod", "nmod", "npadvmod", "nummod"):
            return False
        tok = tok.head
    return tok.i == head.i


def _org_of(
    head: Token, ctx: DocContext, person: RawMention, surnames: frozenset[str] = frozenset()
) -> list[RawMention]:
    """Organisations or countries a role noun is of: "Russia's", "CIA", "of the Joint Chiefs"."""
    out: list[RawMention] = []
    for child in head.children:
        m = ctx.mention_at(child)
        if child.dep_ == "poss" and child.lower_ == "whose":
            m = _antecedent(head, ctx)  # "SKDKnickerbocker, whose managing director, Dunn"
        elif child.dep_ == "poss" and child.lower_ == "its" and m is None and head.dep_ == "conj":
            m = ctx.mention_at(head.head)  # "WikiLeaks and its founder, Julian Assange"
            m = m if m is not None and m.type in _BODY_TYPES else None
        elif child.dep_ == "poss" and m is None:
            m = definite_body(child, ctx)  # "the agency's deputy director, Andrew McCabe"
        if child.dep_ in ("poss", "compound", "amod", "nmod") and m is not None and m is not person:
            if not _is_person(m, surnames):
                out.append(m)
        elif child.dep_ in ("compound", "amod", "nmod") and m is None:
            # "Central Intelligence Agency official": the entity sits inside the compound chain
            for sub in child.subtree:
                sm = ctx.mention_at(sub)
                if sm is not None and sm is not person and sm.type != "Person" and sm not in out:
                    out.append(sm)
        elif child.dep_ == "prep" and child.lower_ in _ROLE_PREPS:
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                pm = ctx.mention_at(pobj) or _appos_mention(pobj, ctx) or modifier_entity(pobj, ctx)
                if pm is not None and pm is not person and pm.type != "Person":
                    out.append(pm)
    # a pre-nominal sequence "former CIA official" parsed flat: look left of the head
    if not out:
        for tok in head.lefts:
            m = ctx.mention_at(tok)
            if m is not None and m is not person and not _is_person(m, surnames) and m not in out:
                out.append(m)
    return out


def definite_body(tok: Token, ctx: DocContext) -> RawMention | None:
    """The body "its" or a definite "the agency", "the panel" stands for: the nearest body
    of that kind ("its": or country) named before it in its sentence or the one before
    ("the Judiciary Committee's top Democrat, wrote to the panel's chairman": the
    Judiciary Committee; "Iran lost thousands of soldiers in its war with Iraq": Iran)."""
    word = tok.lower_ if tok.lower_ == "its" else tok.lemma_.lower()
    kind = _BODY_NOUNS.get(word)
    if kind is None or (word != "its" and not any(c.lower_ == "the" for c in tok.children)):
        return None
    sent = ctx.index.sentence_index(tok.i)
    first = ctx.index.sentences[max(0, sent - 1)].start if ctx.index.sentences else 0
    before = [
        m
        for m in ctx.mentions
        if first <= m.tok_start
        and m.tok_end <= tok.i
        and (m.type in _BODY_TYPES or (word == "its" and m.type == "Country" and not m.demonym))
        and (not kind or kind in m.text.lower().split())
    ]
    return max(before, key=lambda m: m.tok_start) if before else None


def _antecedent(noun: Token, ctx: DocContext) -> RawMention | None:
    """The name a "whose" phrase is about: the noun its relative clause or apposition
    hangs off ("SKDKnickerbocker, whose managing director ...", "the firm, whose
    founder ...")."""
    tok = noun
    while tok.dep_ not in ("relcl", "appos") and tok.head.i != tok.i:
        tok = tok.head
    if tok.head.i == tok.i:
        return None
    named = tok.head
    m = ctx.mention_at(named)
    if m is None and named.dep_ == "appos":
        m = ctx.mention_at(named.head)  # "SKDK, a firm whose founder ..."
    return m if m is not None and m.type in _BODY_TYPES else None


def _appos_mention(tok: Token, ctx: DocContext) -> RawMention | None:
    """ "the network solutions firm XBT Holdings": the name in apposition to a noun."""
    for child in tok.children:
        if child.dep_ in ("appos", "compound") and child.i > tok.i:
            m = ctx.mention_at(child)
            if m is not None:
                return m
    return None


def _person_owner(
    head: Token, ctx: DocContext, person: RawMention, surnames: frozenset[str]
) -> RawMention | None:
    """The person a role noun is held for or owned by: "Stone's lawyer", "his aide", "an
    adviser to Trump", "the high school friend of Kavanaugh"."""
    for child in head.children:
        if child.dep_ == "poss" or (child.dep_ == "compound" and child.pos_ == "PROPN"):
            # "Stone's lawyer", "his aide", "Trump ally Lindsey Graham"
            m = ctx.mention_at(child) or ctx.references.resolve(child)
            if m is None and child.dep_ == "poss":
                m = _office_holder(child, person, ctx)  # "the president's son"
            if m is not None and m is not person and _is_person(m, surnames):
                return m
        elif child.dep_ == "prep" and child.lower_ in ("to", "of", "for"):
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                # "the friend of Supreme Court nominee Brett Kavanaugh": the name in apposition
                m = ctx.mention_at(pobj) or _appos_mention(pobj, ctx)
                if m is not None and m is not person and _is_person(m, surnames):
                    return m
    return None


def _office_holder(title: Token, person: RawMention, ctx: DocContext) -> RawMention | None:
    """The one person of the Doc but ``person`` known to hold the head office ``title``
    names ("the president's son" where Donald Trump is the only president named;
    data/leaders.tsv)."""
    office = title.lemma_.lower()
    if title.pos_ != "NOUN" or office not in _HEAD_OFFICES:
        return None
    holders: dict[str, RawMention] = {}
    for m in ctx.mentions:
        name = m.canonical or m.text
        same = name == (person.canonical or person.text)
        if m.type == "Person" and not same and office_country(name, office) is not None:
            holders.setdefault(name.split()[-1], m)
    return next(iter(holders.values())) if len(holders) == 1 else None


def _is_person(m: RawMention, surnames: frozenset[str]) -> bool:
    """A person mention, or a person's surname spaCy read as an organisation ("Ford")."""
    return m.type == "Person" or (
        m.type == "Organization" and " " not in m.text and m.text in surnames
    )


def _surnames(ctx: DocContext) -> frozenset[str]:
    """The surnames of the people this Doc names in full."""
    return frozenset(
        m.text.split()[-1] for m in ctx.mentions if m.type == "Person" and " " in m.text
    )


def modifier_entity(tok: Token, ctx: DocContext) -> RawMention | None:
    """An entity modifying a common noun: "Russian" in "the Russian general staff"."""
    for child in tok.children:
        if child.dep_ in ("amod", "compound", "poss", "nmod"):
            m = ctx.mention_at(child)
            if m is not None:
                return m
    return None


def _prep_organisations(verb: Token, ctx: DocContext) -> list[RawMention]:
    """Organisations in a verb's "in/at/for/with" phrases ("served ... in the Administration")."""
    out: list[RawMention] = []
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "at", "for", "with"):
            continue
        for pobj in prep.children:
            pm = ctx.mention_at(pobj) or modifier_entity(pobj, ctx)
            if pobj.dep_ == "pobj" and pm is not None and pm.type != "Person":
                out.append(pm)
    return out


def _is_job(noun: Token, ctx: DocContext) -> bool:
    """Whether a noun names an office or a job ("professor", "chief accountant", "director")."""
    return noun.lemma_.lower() in _JOB_NOUNS or ctx.gazetteer.is_title(noun.text)


def _nested_organisations(noun: Token, ctx: DocContext) -> list[RawMention]:
    """Organisations one phrase further down: "director of human rights at The McCain
    Institute"."""
    out: list[RawMention] = []
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ not in _ROLE_PREPS:
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj" or ctx.mention_at(pobj) is not None:
                continue
            out += [
                o for o in _prep_organisations(pobj, ctx) if o.type in _BODY_TYPES and o not in out
            ]
    return out


def _is_of_phrase(head: Token, org: RawMention, ctx: DocContext) -> bool:
    """Whether ``org`` is attached to the role noun by a preposition ("analyst at X")."""
    for prep in head.children:
        if prep.dep_ == "prep":
            for pobj in prep.children:
                if ctx.mention_at(pobj) is org:
                    return True
    return False


class _Found:
    """The roles and postings found so far in one Doc, each once (the order they are found)."""

    def __init__(self, doc: Doc, ctx: DocContext) -> None:
        self.doc = doc
        self.ctx = ctx
        self.roles: list[Role] = []
        self.postings: list[Posting] = []
        self.surnames = _surnames(ctx)
        #: titles before a name that name no body ("pollster Charles Franklin"), by mention
        self.titles: dict[int, Role] = {}
        self._seen: set[tuple[int, int, str]] = set()

    def keep(
        self, person: RawMention, org: RawMention | None, words: str, former: bool, at: int
    ) -> None:
        key = (person.start, org.start if org else -1, words)
        if key not in self._seen:
            self._seen.add(key)
            self.roles.append(Role(person, org, words, former, at))

    def add(
        self,
        person: RawMention,
        head: Token,
        *,
        former: bool = False,
        orgs: list[RawMention] | None = None,
    ) -> None:
        """The role a noun names ("foreign minister") in the bodies it is of (or ``orgs``), or
        held for the person who owns it ("Stone's lawyer"); kin of that person."""
        ctx = self.ctx
        if head.pos_ not in ("NOUN", "PROPN") or ctx.mention_at(head) is not None:
            return
        owner = _person_owner(head, ctx, person, self.surnames)
        if head.lemma_.lower() in KIN or head.lower_ in KIN:
            if owner is not None:
                self.keep(person, owner, head.lemma_.lower(), False, head.i)
            return
        words, was = _role_words(head, ctx)
        if not words or head.lower_ in _NOT_ROLES:
            return
        former = former or was
        targets = orgs if orgs is not None else _org_of(head, ctx, person, self.surnames)
        held_in = self.owner_body(owner, head) if owner is not None else None
        if held_in is not None and head.lemma_.lower() in _PERSONAL_ROLES:
            # "Mr. Gubarev's U.S. attorney": held for Gubarev; a country is his nationality
            targets = [held_in, *(o for o in targets if o.type != "Country" and o is not held_in)]
        elif not targets and held_in is not None:
            targets = [held_in]
        regional = bool(set(words.split()) & _REGIONAL_OFFICES)
        targets = [o for o in targets if o.type != "Location" or regional] if targets else targets
        if head.lemma_.lower() in _TOPICAL_ROLES | _JOB_NOUNS and not regional:
            # "a Russia expert at the Carnegie Endowment", "senior US economist at Bank of
            # America": the country is the topic or the nationality when a body employs them
            employers = [o for o in targets if o.type != "Country" and _is_of_phrase(head, o, ctx)]
            if head.lemma_.lower() in _TOPICAL_ROLES or employers:
                targets = [o for o in targets if o.type != "Country" or _is_of_phrase(head, o, ctx)]
        self._postings(person, head)
        for org in targets or [None]:  # type: ignore[list-item]
            self.keep(person, org, words, former, head.i)

    def owner_body(self, owner: RawMention, head: Token) -> RawMention | None:
        """Where a role owned by a person is held: the body its title names ("Trump's
        director of national intelligence"), the person for a personal role ("Stone's
        lawyer"), else the owner's state ("Trump's secretary of state")."""
        title = _title_phrase(head, self.ctx)
        body = _title_body(title, self.ctx)
        if body is not None:
            return body
        state = self.state_of(owner)
        if _state_staff(head, title) and self.leads(owner):
            # "Obama spokesman Jay Carney", "Trump's chief of staff": a post in the
            # government (none when the text names no state), never one held for the leader
            return state
        if head.lemma_.lower() in _PERSONAL_ROLES and _title_gid(title) is None:
            return owner
        return state  # an office of the owner's government, never the owner

    def state_of(self, person: RawMention) -> RawMention | None:
        """The country a person holds office in, by this Doc's roles or the leaders table."""
        for role in self.roles:
            if role.person is person and role.org is not None and role.org.type == "Country":
                return role.org
        for office in _HEAD_OFFICES:
            code = office_country(person.canonical or person.text, office)
            found = next((m for m in self.ctx.mentions if m.gid == f"country:{code}"), None)
            if code and found is not None:
                return found
        return None

    def leads(self, person: RawMention) -> bool:
        """Whether a person is a head of state or government: by a head office this Doc gives
        them, or by the leaders table for a full name ("Clinton" alone may be either)."""
        surname = person.text.split()[-1].lower() if person.text.split() else ""
        firsts = {
            m.text.lower().split()[0]
            for m in self.ctx.mentions
            if m.type == "Person"
            and len(m.text.split()) > 1
            and m.text.lower().split()[-1] == surname
        }
        if len(person.text.split()) == 1 and len(firsts) > 1:
            return False  # "Clinton" in a Doc of Hillary and Bill Clinton: either of them
        for role in [*self.roles, *self.titles.values()]:
            holder = role.person
            names = {holder.text.lower(), (holder.canonical or "").lower()}
            same = holder is person or any(n.split()[-1:] == [surname] for n in names if n)
            if same and role.role in _HEAD_OFFICES:
                # "President Trump", with or without the country named
                return role.org is None or role.org.type == "Country"
        titled = any(
            _role_text(m.title) in _HEAD_OFFICES and m.text.lower().split()[-1:] == [surname]
            for m in self.ctx.mentions
            if m.title and m.type == "Person"
        )  # "President Trump" anywhere in the Doc, before or after
        name = person.canonical or person.text
        full = " " in name.strip()
        return titled or (full and any(office_country(name, office) for office in _HEAD_OFFICES))

    def _postings(self, person: RawMention, head: Token) -> None:
        """ "ambassador to Russia": a person posted to a country."""
        if head.lemma_.lower() not in POSTED:
            return
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "to":
                for pobj in prep.children:
                    pm = self.ctx.mention_at(pobj)
                    if pobj.dep_ == "pobj" and pm is not None and pm.type != "Person":
                        predicate = f"{head.lemma_.lower()}_to"
                        self.postings.append(Posting(person, pm, predicate, head.i))


def find_roles(doc: Doc, ctx: DocContext) -> tuple[tuple[Role, ...], tuple[Posting, ...]]:
    """Every role stated for a person mention of ``doc``, and every posting to a country."""
    found = _Found(doc, ctx)
    for m in ctx.mentions:
        if not _is_person(m, found.surnames) or m.ner == "BYLINE":
            continue
        head = doc[m.tok_end - 1]
        if head.i >= len(doc):
            continue
        _appositions(found, m, head)
        if not _prenominal_titles(found, m, head):
            _possessive_bodies(found, m, head)
        _of_bodies(found, m, head)
        for verb in _verbs_of(head):
            if verb.lemma_ == "be":
                _copula_roles(found, m, verb)
            elif verb.lemma_ in _SERVING:
                _served_as(found, m, verb)
        if head.dep_ in ("dobj", "nsubjpass") and head.head.lemma_.lower() in _NAMING:
            _named_as(found, m, head.head)
        if head.dep_ == "poss":
            _owned_as(found, m, head.head)
    for m in ctx.mentions:
        if m.type == "Organization":
            _owned_bodies(found, m)
    return _titled_affiliates(found.roles, found.titles), tuple(found.postings)


def _titled_affiliates(roles: list[Role], titles: dict[int, Role]) -> tuple[Role, ...]:
    """ "pollster Charles Franklin of Marquette University": the title before a name that
    names no body is what the person is in the body they are "of", not a bare affiliate."""
    out: list[Role] = []
    for role in roles:
        title = titles.get(role.person.start)
        if role.role == "affiliate" and title is not None:
            role = Role(role.person, role.org, title.role, title.former, title.token)
        out.append(role)
    return tuple(out)


def _owned_bodies(found: _Found, org: RawMention) -> None:
    """ "Steele and his firm Orbis", "his Orbis Business Intelligence firm", "Murdoch's Fox
    News": a person's own organisation, which they are an affiliate of."""
    ctx = found.ctx
    head = found.doc[org.tok_end - 1]
    nouns = [head, head.head] if head.dep_ == "compound" and head.head.pos_ == "NOUN" else [head]
    for noun in nouns:
        for child in noun.children:
            if child.dep_ != "poss":
                continue
            person = ctx.mention_at(child) or ctx.references.resolve(child)
            if person is None and child.lower_ in _PERSONAL_POSSESSIVES and noun.dep_ == "conj":
                person = ctx.mention_at(noun.head)  # "Steele and his firm": Steele's
            if person is not None and person is not org and _is_person(person, found.surnames):
                found.keep(person, org, "affiliate", False, child.i)


def _owned_as(found: _Found, m: RawMention, noun: Token) -> None:
    """ "Nunes' immediate removal as chairman of the House Intelligence Committee", "his
    tenure as director of the CIA": the post named after a person's act or time."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            for role_head in prep.children:
                if role_head.dep_ == "pobj":
                    orgs = _org_of(role_head, found.ctx, m, found.surnames)
                    if orgs:
                        found.add(m, role_head, orgs=orgs)


def _named_as(found: _Found, m: RawMention, verb: Token) -> None:
    """ "nominated David Shulkin as secretary of the Veterans Administration", "was named as
    chief of staff": the post a person is given."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            for role_head in prep.children:
                if role_head.dep_ == "pobj":
                    orgs = _org_of(role_head, found.ctx, m, found.surnames) or _prep_organisations(
                        verb, found.ctx
                    )
                    if orgs:
                        found.add(m, role_head, orgs=orgs)


def _appositions(found: _Found, m: RawMention, head: Token) -> None:
    """ "Sergey V. Lavrov, Russia's foreign minister"; "Russia's foreign minister, Sergey
    Lavrov" and "the minister, Lavrov"."""
    ctx = found.ctx
    apposed = [c for c in head.children if c.dep_ == "appos"]
    # "Bob Corker, R-Tenn., the top Republican on the committee": apposed to the party tag
    apposed += [g for c in apposed if party_tag(c) for g in c.children if g.dep_ == "appos"]
    for child in apposed:
        if ctx.mention_at(child) is None and party_tag(child) is None:
            found.add(m, child)
            for conj in child.conjuncts:
                found.add(m, conj)
    if head.dep_ == "appos" and ctx.mention_at(head.head) is None:
        found.add(m, head.head)
    for noun in (head, head.head if head.dep_ == "appos" else head):
        body = _in_charge_of(noun, ctx)
        if body is not None:
            found.keep(m, body, "in charge", False, noun.i)


def _in_charge_of(noun: Token, ctx: DocContext) -> RawMention | None:
    """ "Mr Sessions' replacement in charge of the Department of Justice, Matthew Whitaker":
    the body a person is put in charge of."""
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for charge in prep.children:
            if charge.dep_ != "pobj" or charge.lower_ != "charge":
                continue
            for of in charge.children:
                if of.dep_ == "prep" and of.lower_ == "of":
                    for pobj in of.children:
                        body = ctx.mention_at(pobj)
                        if pobj.dep_ == "pobj" and body is not None and body.type in _BODY_TYPES:
                            return body
    return None


def _prenominal_titles(found: _Found, m: RawMention, head: Token) -> bool:
    """ "Russian President Vladimir Putin", "former CIA official X", "Attorney General William
    Barr" (the Justice Department named elsewhere); whether the name has a title before it."""
    doc, ctx = found.doc, found.ctx
    pre = [
        t
        for t in doc[max(0, m.tok_start - 6) : m.tok_start]
        if t.head.i >= m.tok_start and t.head.i < m.tok_end
    ]
    for t in pre:
        if t.lower_ in KIN and t.pos_ == "NOUN":
            owner = _person_owner(t, ctx, m, found.surnames)
            if owner is not None:  # "his son Donald Trump Jr.": kin, not a title
                found.keep(m, owner, t.lower_, False, t.i)
                return True
    title_nouns = [
        t
        for t in pre
        if t.pos_ in ("NOUN", "PROPN")
        and ctx.mention_at(t) is None
        and t.lower_ not in _NOT_ROLES
        and t.lower_ not in _HONORIFICS
    ]
    title_nouns = [
        t for t in title_nouns if t.i not in _name_parts(doc, m, ctx) and not _given_name(t, m, ctx)
    ]
    if not title_nouns:
        return False
    left = min(t.left_edge.i for t in pre)
    before = doc[left : m.tok_start]
    after_names = _after_names(before, ctx)
    words = (
        _role_text(m.title)
        or (_role_text(before.text) if ctx.gazetteer.is_title(before.text) else "")
        # "White House chief of staff Denis McDonough": the title after the body's name
        or (_role_text(after_names.text) if ctx.gazetteer.is_title(after_names.text) else "")
        or _role_text(
            " ".join(
                t.text
                for t in _with_compounds(title_nouns, ctx)
                if t.is_alpha and t.lower_ not in _NAME_PARTICLES
            )
        )
    )
    # "former Congressman Barney Frank and Connecticut Gov. Dannel Malloy": Malloy's own words
    own = _own_item(before, m, ctx)
    former = _is_former(own.text)
    qualifiers = [t.lower_ for t in own if t.lower_ in _QUALIFIERS]
    if qualifiers and qualifiers[0] not in words.split():
        words = f"{qualifiers[0]} {words}"  # "acting Attorney General Matthew Whitaker"
    if not words:
        return True  # "Sen.-elect" alone: no words to name the role by
    orgs = _title_orgs(found, m, head, before, title_nouns)
    for org in orgs:
        found.keep(m, org, words, former, title_nouns[-1].i)
    if not orgs:
        found.titles[m.start] = Role(m, None, words, former, title_nouns[-1].i)
    return True


def _given_name(tok: Token, m: RawMention, ctx: DocContext) -> bool:
    """ "Vox's Emily Stewart" with the parser's name "Stewart": a given name just before a
    name is part of it, no title (unless it is one: "Dean")."""
    return (
        tok.i == m.tok_start - 1
        and tok.is_title
        and tok.lower_ in first_names()
        and not ctx.gazetteer.is_title(tok.text)
    )


def _after_names(before: Span, ctx: DocContext) -> Span:
    """The words of ``before`` after the last one an entity's name holds."""
    named = [k for k, t in enumerate(before) if ctx.mention_at(t) is not None]
    return before[named[-1] + 1 :] if named else before


def _state_staff(head: Token, title: str) -> bool:
    """Whether a personal role is staff a leader has in government ("spokesman", "chief of
    staff"), not in a campaign or a business ("campaign chief", "personal aide")."""
    words = set(title.lower().split())
    return head.lemma_.lower() in _STATE_STAFF and not words & _NOT_STATE_STAFF


def _with_compounds(nouns: list[Token], ctx: DocContext) -> list[Token]:
    """Title nouns with the common nouns compounded into them just before ("White House press
    secretary": "press secretary", not "secretary"), in text order."""
    out = {t.i: t for t in nouns}
    for noun in nouns:
        left = noun.i - 1
        while left >= 0 and left not in out:
            tok = noun.doc[left]
            # "press secretary"; "foreign policy adviser": an adjective of a compound noun
            compound = tok.dep_ == "compound" and tok.pos_ == "NOUN"
            of_compound = tok.dep_ == "amod" and tok.pos_ == "ADJ" and tok.head.i != noun.i
            if not (compound or of_compound) or tok.head.i not in out:
                break
            if ctx.mention_at(tok) is not None or tok.lower_ in _NOT_ROLES:
                break
            out[left] = tok
            left -= 1
    return [out[i] for i in sorted(out)]


def _posted_to(o: RawMention, doc: Doc) -> bool:
    """Whether a mention is the "to" phrase of a posting ("ambassador to the United States")."""
    k = o.tok_start - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    return k >= 1 and doc[k].lower_ == "to" and doc[k - 1].lemma_.lower() in POSTED


def _name_parts(doc: Doc, m: RawMention, ctx: DocContext) -> set[int]:
    """The words of a person's name left out of its mention, between a title and it ("Mayor
    Carmen Yulin Cruz" with the mention "Yulin Cruz", "President Bashar al-Assad" with
    "Assad"): capitalised words no title, after a word that is one."""
    out: set[int] = set()
    i = m.tok_start - 1
    while i >= 0 and (doc[i].lower_ in _NAME_PARTICLES or doc[i].text in ("-", "\u2010")):
        i -= 1
    while i > 0 and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper():
        if ctx.gazetteer.is_title(doc[i].text) or ctx.mention_at(doc[i]) is not None:
            break
        out.add(doc[i].i)
        i -= 1
    titled = i >= 0 and ctx.gazetteer.is_title(doc[i].text)
    return out if titled else set()


def _title_orgs(
    found: _Found, m: RawMention, head: Token, before: Span, title_nouns: list[Token]
) -> list[RawMention]:
    """The bodies a pre-nominal title is held in: named before it, its owner, else the body
    the title names (``_TITLE_BODIES``) or a known office holder's country."""
    ctx = found.ctx
    orgs: list[RawMention] = []
    before = _own_item(before, m, ctx)
    own_body = _title_gid(" ".join(t.text for t in title_nouns)) is not None
    parties: set[int] = set()
    for t in before:
        o = ctx.mention_at(t)
        if o is None or o is m or o.type == "Person" or o in orgs:
            continue
        if own_body and o.subtype in _PARTY_SUBTYPES:
            parties.add(o.start)
            continue  # "GOP Sen. Ted Cruz": a senator of the party, in the Senate
        if _posted_to(o, found.doc):
            continue  # "Israeli ambassador to the United States Michael Oren": a posting
        orgs.append(o)
    poss = [ctx.mention_at(t) for t in head.children if t.dep_ == "poss"]
    orgs += [p for p in poss if p is not None and p.type != "Person" and p not in orgs]
    regional = bool({t.lower_ for t in title_nouns} & _REGIONAL_OFFICES)
    orgs = [o for o in orgs if o.type != "Location" or regional]
    if not orgs:
        body = _title_body(m.title or before.text, ctx)
        if body is None:
            body = _office_of(m, _role_text(m.title or before.text), ctx)
        named = (ctx.mention_at(t) for t in before)
        if body is not None and all(o is None or o.start in parties for o in named):
            orgs = [body]
    if not orgs:
        # "President Trump's longtime confidant Roger Stone": held for, or under, a person
        for noun in title_nouns:
            owner = _person_owner(noun, ctx, m, found.surnames)
            held_in = found.owner_body(owner, noun) if owner is not None else None
            if held_in is not None:
                return [held_in]
    return orgs


def _own_item(before: Span, m: RawMention, ctx: DocContext) -> Span:
    """The words before a name that are its own, not an earlier item of a list of people:
    "Facebook founder Mark Zuckerberg, billionaire Michael Bloomberg and Citigroup exec
    Carlos Gutierrez": "Citigroup exec" (a place before a comma stays: "Flint, Michigan,
    Mayor Karen Weaver")."""
    cut = 0
    person_seen = False
    for k, t in enumerate(before):
        o = ctx.mention_at(t)
        if o is not None and o is not m and (o.type == "Person" or o.ner == "PERSON"):
            person_seen = True
        elif person_seen and (t.text in _LIST_SEPARATORS or t.dep_ == "cc"):
            cut = k + 1
    return before[cut:]


def _possessive_bodies(found: _Found, m: RawMention, head: Token) -> None:
    """ "Just Security's Ryan Goodman" (by the parse, or by the surface)."""
    doc, ctx = found.doc, found.ctx
    owners = [ctx.mention_at(c) for c in head.children if c.dep_ == "poss"]
    if m.tok_start >= 2 and doc[m.tok_start - 1].lower_ in _POSSESSIVE_MARKS:
        owners.append(ctx.mention_at(doc[m.tok_start - 2]))
    for pm in owners:
        if pm is not None and pm.type in _BODY_TYPES:
            # "CNN's Lauren Fox": an outlet's own person is one of its journalists
            role = "journalist" if pm.subtype == "media" else "affiliate"
            found.keep(m, pm, role, False, head.i)


def _of_bodies(found: _Found, m: RawMention, head: Token) -> None:
    """ "Julian Assange of WikiLeaks", "Sheri Dillon, of the firm Morgan, Lewis & Bockius": a
    person of a named body (a place is a home, not a body: "Tom Smith of Ohio")."""
    preps = [c for c in head.children if c.dep_ == "prep"]
    after = head.doc[m.tok_end : m.tok_end + 2]
    if len(after) == 2 and after[0].text == "," and after[1].dep_ == "prep":
        preps.append(after[1])  # "introduced Sheri Dillon, of the firm X": hung off the verb
    for prep in preps:
        if prep.lower_ == "of":
            for pobj in prep.children:
                pm = found.ctx.mention_at(pobj) or _appos_mention(pobj, found.ctx)
                if pobj.dep_ == "pobj" and pm is not None and pm.type in _BODY_TYPES:
                    found.keep(m, pm, "affiliate", False, head.i)


def _verbs_of(head: Token) -> list[Token]:
    """The verbs a person mention is the subject of: its own clause, a relative clause ("X,
    who served as"), the clause of its apposition, and verbs that share the subject."""
    verbs = [c for c in head.children if c.dep_ == "relcl"]
    if head.dep_ in ("nsubj", "nsubjpass"):
        verbs.append(head.head)
    elif head.dep_ == "appos" and head.head.dep_ == "nsubj":
        verbs.append(head.head.head)  # "His accuser, Vanessa Tyson, is a professor at ..."
    # "... and is an associate at the Orbis firm": a verb that shares the subject
    verbs += [
        c
        for v in list(verbs)
        for c in v.conjuncts
        if c.i > v.i and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
    ]
    # "Stefan Halper, the Cambridge professor who had been an FBI informant"
    for child in head.children:
        if child.dep_ == "appos":
            verbs += [c for c in child.children if c.dep_ == "relcl" and c.lemma_ == "be"]
    return verbs


def _copula_roles(found: _Found, m: RawMention, verb: Token) -> None:
    """ "Vanessa Tyson is a professor at Scripps College", "X, who is director of ... at The
    McCain Institute": a copula with a job in a named body ("Trump is a critic of NATO" is a
    judgement, no office)."""
    ctx = found.ctx
    for attr in verb.children:
        if attr.dep_ != "attr":
            continue
        for noun in (attr, *attr.conjuncts):
            if not _is_job(noun, ctx):
                continue
            orgs = (
                _org_of(noun, ctx, m, found.surnames)
                or _prep_organisations(verb, ctx)
                or _nested_organisations(noun, ctx)
            )
            if orgs:
                found.add(m, noun, former=verb.tag_ == "VBD" or _no_longer(verb), orgs=orgs)


def _no_longer(verb: Token) -> bool:
    """ "Napolitano is no longer DHS secretary", "is not chairman any more": a role left."""
    words = {t.lower_ for c in verb.children if c.dep_ in ("advmod", "neg") for t in c.subtree}
    return "longer" in words or "anymore" in words or {"any", "more"} <= words


def _served_as(found: _Found, m: RawMention, verb: Token) -> None:
    """ "X (previously) served as ROLE in ORG", "worked as", "acted as"."""
    ctx = found.ctx
    former = any(c.lower_ in _FORMER or c.lemma_ == "previously" for c in verb.children)
    until = any(c.lower_ == "until" for c in verb.subtree)
    former = former or (verb.tag_ == "VBD" and until)
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            for role_head in prep.children:
                if role_head.dep_ != "pobj":
                    continue
                orgs = _org_of(role_head, ctx, m, found.surnames) or _prep_organisations(verb, ctx)
                if orgs:
                    found.add(m, role_head, former=former, orgs=orgs)
