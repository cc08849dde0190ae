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
from kgraph.extract.roles import modifier_entity

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["OBJECTS", "SUBJECTS", "entities_of", "inherited_subjects"]

SUBJECTS: Final = frozenset({"nsubj", "csubj"})

OBJECTS: Final = frozenset({"dobj", "dative", "obj", "iobj"})

_QUANTIFIERS: Final = frozenset(
    {"some", "many", "most", "all", "much", "part", "one", "several", "each"}
)

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
    }
)


def entities_of(tok: Token, ctx: DocContext) -> list[tuple[RawMention, bool]]:
    """The entities a noun phrase stands for, with ``anonymous`` when it names a group of
    unnamed people of that entity ("U.S. officials", "Russian officials")."""
    out: list[tuple[RawMention, bool]] = []
    for t in [tok, *tok.conjuncts]:
        m = ctx.mention_at(t) or ctx.references.resolve(t)
        if m is not None:
            if m.demonym and t.pos_ in ("ADJ", "PROPN") and t.dep_ not in ("nsubj", "dobj", "pobj"):
                continue
            out.append((m, False))
            continue
        owner = next((c for c in t.children if c.dep_ == "poss"), None)
        owner_m = ctx.mention_at(owner) if owner is not None else None
        holder = _role_holder(t, owner_m, ctx) if owner_m is not None and t.pos_ == "NOUN" else None
        if holder is not None:
            out.append((holder, False))
        elif t.pos_ in ("NOUN",) and t.lemma_ in _GROUP_NOUNS:
            inner = modifier_entity(t, ctx)
            if inner is not None:
                out.append((inner, True))
        elif t.pos_ in ("NOUN", "PRON", "DET"):
            inner = _possessor(t, ctx)
            if inner is not None:
                out.append((inner, False))
    return out


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
                return holder or m
    return None


def _role_holder(noun: Token, org: RawMention, ctx: DocContext) -> RawMention | None:
    """The one person this Doc says holds role ``noun`` in ``org`` ("Russia's foreign minister")."""
    lemma = noun.lemma_.lower()
    holders = {
        role.person.text.split()[-1]: role.person
        for role in ctx.roles
        if role.org is not None
        and (role.org.gid or role.org.text) == (org.gid or org.text)
        and role.role.split()[-1] == lemma
    }
    return next(iter(holders.values())) if len(holders) == 1 else None


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
        for child in head.children if not purpose else ():
            if child.dep_ in OBJECTS:
                found = entities_of(child, ctx)
                if found:
                    return found
        for child in head.children:
            if child.dep_ in SUBJECTS:
                return entities_of(child, ctx)
        return inherited_subjects(head, ctx) if head.i != verb.i else []
    if (
        verb.dep_ == "pcomp"
        and verb.head.lower_ in ("by", "after", "before", "while", "since", "in")
        and verb.head.head.pos_ in ("VERB", "AUX")
    ):
        # "By suing the Trump campaign, the DNC opened ...": the main clause's subject, the
        # one nearest the verb when a misparse gives it two
        subjects = [c for c in verb.head.head.children if c.dep_ in SUBJECTS]
        if subjects:
            return entities_of(subjects[-1], ctx)
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        head = verb.head
        for child in head.children:
            if child.dep_ in SUBJECTS:
                return entities_of(child, ctx)
    return []
