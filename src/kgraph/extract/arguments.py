"""The parties of a clause: who a noun phrase stands for, and a verb's understood subject.

Shared by the extractors of facts and of allegations: a noun phrase stands for the entity it
names, the one a pronoun refers to, the holder of a role ("Russia's foreign minister"), or
the body or country of a group of unnamed people ("U.S. officials": the United States,
``anonymous``); the subject of a controlled or conjoined verb is inherited ("Trump directed
the CIA to share ...": the CIA shares).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from kgraph.extract.context import DocContext
from kgraph.extract.entities import RawMention
from kgraph.extract.roles import PERSONAL_NOUNS, modifier_entity, party_member

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["OBJECTS", "PAST_TITLES", "SUBJECTS", "entities_of", "inherited_subjects"]

SUBJECTS: Final = frozenset({"nsubj", "csubj"})

OBJECTS: Final = frozenset({"dobj", "dative", "obj", "iobj"})

#: what a group of unnamed people can belong to
_BODIES: Final = frozenset({"Country", "Agency", "Organization", "Location"})

#: prepositions whose gerund takes the object of the verb, else its subject ("accused Russia
#: of hacking", "thanked Japan for helping"), and those whose gerund takes its subject
_CONTROL_PREPS: Final = frozenset({"of", "for", "with", "against", "from"})
_TIME_PREPS: Final = frozenset({"by", "after", "before", "while", "since", "in", "without"})

#: verbs whose object does what their infinitive says, also when the parser reads it as a
#: purpose clause: "asked the Trump Organization in January to reimburse him"
_OBJECT_CONTROL: Final = frozenset(
    {
        "ask",
        "urge",
        "tell",
        "order",
        "direct",
        "instruct",
        "press",
        "pressure",
        "encourage",
        "advise",
        "request",
        "invite",
        "force",
        "compel",
        "persuade",
        "convince",
        "allow",
        "permit",
        "prompt",
        "authorize",
    }
)
#: verbs of choosing, hiring or sending someone, whose object does what their purpose clause
#: says: "tapped Kelly to bring stability", "hired Cohen to pay", "sent troops to protect"
APPOINTING: Final = frozenset(
    {
        "tap",
        "pick",
        "choose",
        "select",
        "hire",
        "appoint",
        "name",
        "nominate",
        "recruit",
        "enlist",
        "assign",
        "task",
        "send",
        "dispatch",
        "deploy",
        "employ",
        "commission",
        "install",
    }
)
#: verbs whose subject does what their complement says, whatever their object: "promised
#: Putin to lift the sanctions"
_SUBJECT_CONTROL: Final = frozenset({"promise", "pledge", "vow", "swear", "guarantee"})

#: tags of a finite verb in the past or present
_FINITE: Final = frozenset({"VBD", "VBZ"})

_QUANTIFIERS: Final = frozenset(
    {"some", "many", "most", "all", "much", "part", "one", "several", "each"}
)

#: a title its holder no longer holds: "a former Kremlin official" speaks for no Kremlin
PAST_TITLES: Final = frozenset({"former", "ex", "ex-", "onetime", "one-time"})
_GROUP_NOUNS: Final = frozenset(
    {
        "official",
        "officer",
        "diplomat",
        "lawmaker",
        "commander",
        "authority",
        "government",
        "leader",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "agent",
        "intelligence",
        "military",
        "force",
        "troop",
        "soldier",
        "investigator",
        "prosecutor",
        "source",
        "administration",
        "counterpart",
        "minister",
        "envoy",
        "negotiator",
        "delegation",
        "aide",
        "adviser",
        "advisor",
        "state",
        "media",
        "regime",
        "operative",
        "unit",
        "service",
        "hacker",
        "spy",
        "army",
        "navy",
        "police",
        "militant",
        "fighter",
        "warplane",
        "jet",
        "aircraft",
        "drone",
        "ship",
        "vessel",
        "boat",
        "tanker",
        "court",
        "parliament",
        "legislator",
        "regulator",
        "ministry",
        "embassy",
        "consulate",
        "representative",
    }
)
#: people who belong to someone named in their "of" phrase: "cronies of Putin"
_MEMBER_NOUNS: Final = frozenset(
    {"crony", "ally", "associate", "member", "official", "aide", "relative", "family", "loyalist"}
)
#: titles a demonym makes a person of that state ("the Russian president", "Senior Hungarian
#: officials"): the one person the Doc says holds it, else the state, unnamed
_TITLE_NOUNS: Final = frozenset(
    {
        "president",
        "premier",
        "chancellor",
        "king",
        "queen",
        "monarch",
        "ambassador",
        "emissary",
        "foreign minister",
        "prime minister",
        "secretary",
        "general",
        "ruler",
        "dictator",
        "strongman",
    }
)


def entities_of(tok: Token, ctx: DocContext) -> list[tuple[RawMention, bool]]:
    """The entities a noun phrase stands for, with ``anonymous`` when it names a group of
    unnamed people of that entity ("U.S. officials", "Russian officials")."""
    out: list[tuple[RawMention, bool]] = []
    for t in [tok, *tok.conjuncts]:
        member = party_member(t, ctx)
        found = (member, False) if member is not None else _entity_of(t, ctx)
        if found is not None and found not in out:
            out.append(found)
    return out


def _entity_of(t: Token, ctx: DocContext) -> tuple[RawMention, bool] | None:
    """The entity one noun (no conjuncts) stands for, with ``anonymous``."""
    m = ctx.mention_at(t) or ctx.references.resolve(t)
    if m is not None:
        if m.demonym and t.pos_ in ("ADJ", "PROPN") and t.dep_ not in ("nsubj", "dobj", "pobj"):
            return None
        named = _appos_person(t, ctx)
        if m.ner == "NORP" and named is not None:
            return (named, False)  # "a Democrat, Chris Coons": the person named
        state = _state_of_force(m, ctx)
        if state is not None:
            return (state, True)  # "Russian forces shelled Kharkiv": Russia, through them
        return (m, False)
    # "the FBI director, Christopher Wray, ...": the name in apposition
    appos = next((ctx.mention_at(c) for c in t.children if c.dep_ == "appos"), None)
    if appos is not None and t.pos_ in ("NOUN", "PROPN") and not appos.demonym:
        return (appos, False)
    # "WikiLeaks, the organization that published ...": the name the noun is in apposition to
    named = ctx.mention_at(t.head) if t.dep_ == "appos" and t.pos_ == "NOUN" else None
    if named is not None and not named.demonym:
        return (named, False)
    owner = next((c for c in t.children if c.dep_ == "poss"), None)
    owner_m = ctx.mention_at(owner) if owner is not None else None
    holder = _role_holder(t, owner_m, ctx) if owner_m is not None and t.pos_ == "NOUN" else None
    if holder is not None:
        return (holder, False)
    if t.pos_ == "NOUN" and t.lemma_.lower() in _GROUP_NOUNS | _TITLE_NOUNS:
        inner = modifier_entity(t, ctx)
        if inner is not None and inner.type in _BODIES:
            if t.lemma_.lower() in _TITLE_NOUNS or t.tag_ == "NN":
                # "the Russian president", "the Israeli prime minister": one person
                held = _role_holder(t, inner, ctx)
                if held is not None:
                    return (held, False)  # "the Russian president": the one the Doc names
            if any(c.lower_ in PAST_TITLES for c in t.children):
                return None  # "the former Alabama Supreme Court judge" speaks for no court
            return (inner, True)
    if t.pos_ == "NOUN" and t.lemma_.lower() in _MEMBER_NOUNS:
        inner = _of_entity(t, ctx)
        if inner is not None:
            return (inner, True)  # "cronies of Russian President Vladimir Putin"
    if t.pos_ in ("NOUN", "PRON", "DET"):
        inner = _possessor(t, ctx)
        if inner is not None:
            return (inner, False)
    return None


def _state_of_force(m: RawMention, ctx: DocContext) -> RawMention | None:
    """The country a state's force named by its demonym acts for ("Russian forces", "the
    Israeli army"): the demonym's mention inside the force's name, as for "Russian
    officials"; a force with a name of its own (a gazetteer entry) acts as itself."""
    if m.type != "Agency" or m.part_of is None or m.gid is not None:
        return None
    inside = (
        o
        for o in ctx.mentions
        if o.gid == m.part_of and m.tok_start <= o.tok_start and o.tok_end <= m.tok_end
    )
    return next(inside, None)


def _appos_person(t: Token, ctx: DocContext) -> RawMention | None:
    for c in t.children:
        m = ctx.mention_at(c) if c.dep_ == "appos" else None
        if m is not None and m.type == "Person":
            return m
    return None


def _of_entity(t: Token, ctx: DocContext) -> RawMention | None:
    for prep in t.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                m = ctx.mention_at(pobj) if pobj.dep_ == "pobj" else None
                if m is not None:
                    return m
    return None


def _possessor(tok: Token, ctx: DocContext) -> RawMention | None:
    """The owner of a metonymic object: "(some of) Russia's policies" stands for Russia;
    "Russia's foreign minister" for the person known to hold that role."""
    if tok.lower_ in _QUANTIFIERS:
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        return ctx.mention_at(pobj) or _possessor(pobj, ctx)
        return None
    for child in tok.children:
        if child.dep_ == "poss":
            m = ctx.mention_at(child)
            if m is not None:
                holder = _role_holder(tok, m, ctx)
                if holder is None and tok.lemma_.lower() in PERSONAL_NOUNS:
                    return None  # "a letter to McGahn's lawyer": someone else, unnamed
                return holder or m
    return None


def _role_holder(noun: Token, org: RawMention, ctx: DocContext) -> RawMention | None:
    """The one person this Doc says holds role ``noun`` in ``org`` ("Russia's foreign minister")."""
    lemma = noun.lemma_.lower()
    words = [
        c.lower_
        for c in noun.lefts
        if c.dep_ in ("compound", "amod") and ctx.mention_at(c) is None and not c.ent_type_
    ]
    title = " ".join([*words, lemma])
    held = [
        role
        for role in ctx.roles
        if role.org is not None
        and (role.org.gid or role.org.text) == (org.gid or org.text)
        and role.role.split()[-1] == lemma
    ]
    # "the Israeli prime minister" is the prime minister, not the justice minister
    exact = [role for role in held if role.role.endswith(title)] if words else []
    holders = {role.person.text.split()[-1]: role.person for role in exact or held}
    return next(iter(holders.values())) if len(holders) == 1 else None


def _prepositional_subjects(verb: Token, ctx: DocContext) -> list[tuple[RawMention, bool]]:
    """The understood subject of a verb in a prepositional phrase: "accused Russia of hacking"
    (the object of the verb the phrase hangs off), "By suing the Trump campaign, the DNC
    opened ..." (its subject, the one nearest the verb when a misparse gives it two)."""
    prep, main = verb.head, verb.head.head
    if prep.lower_ in _CONTROL_PREPS:
        for child in main.children:
            if child.dep_ in OBJECTS:
                found = entities_of(child, ctx)
                if found:
                    return found
    if prep.lower_ in _CONTROL_PREPS | _TIME_PREPS:
        subjects = [c for c in main.children if c.dep_ in SUBJECTS or c.dep_ == "nsubjpass"]
        if subjects:
            return entities_of(subjects[-1], ctx)
    return []


def inherited_subjects(verb: Token, ctx: DocContext) -> list[tuple[RawMention, bool]]:
    """The understood subject of a controlled or conjoined verb.

    "Trump directed the CIA to share ...": the object of "directed" shares;
    "Trump wanted to meet Putin": the subject of "wanted" meets.
    """
    purpose = verb.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    )
    if verb.dep_ == "xcomp" or purpose:
        head = verb.head
        # object control ("directed the CIA to share"); a purpose clause ("met X to discuss")
        # and subject control ("wanted to meet") take the subject
        controlled = not purpose or head.lemma_.lower() in _OBJECT_CONTROL | APPOINTING
        for child in head.children if controlled else ():
            if child.dep_ in OBJECTS and head.lemma_.lower() not in _SUBJECT_CONTROL:
                # "prompted a Democrat close to the White House to tell": the object does
                # it, also when it names no entity
                return entities_of(child, ctx)
        for child in head.children:
            # "Trump is expected to meet Putin": the passive subject is the one who meets
            if child.dep_ in SUBJECTS or child.dep_ == "nsubjpass":
                return entities_of(child, ctx)
        return inherited_subjects(head, ctx) if head.i != verb.i else []
    if verb.dep_ == "pcomp" and verb.head.head.pos_ in ("VERB", "AUX"):
        return _prepositional_subjects(verb, ctx)
    if verb.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        # "Ford's agreement to testify", "Russia's decision to invade": the noun's owner
        owner = next((c for c in verb.head.children if c.dep_ == "poss"), None)
        doer = (ctx.mention_at(owner) or ctx.references.resolve(owner)) if owner else None
        return [(doer, False)] if doer is not None else []
    if (verb.dep_ == "conj" and verb.head.pos_ == "VERB") or _chained(verb):
        head = verb.head
        for child in head.children:
            if child.dep_ in SUBJECTS:
                return entities_of(child, ctx)
    return []


def _chained(verb: Token) -> bool:
    """ "Stone spoke outside the courthouse, then made appearances on CNN": a clause the
    parser hung off the verb before it, with no subject, conjunction or infinitive of its
    own, is that verb's subject's next act."""
    if verb.dep_ not in ("advcl", "dep") or verb.head.pos_ != "VERB" or verb.tag_ not in _FINITE:
        return False
    own = ("mark", "aux", "auxpass", *SUBJECTS)
    return not any(c.dep_ in own for c in verb.children)
