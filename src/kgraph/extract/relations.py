"""Relations and roles from spaCy's dependency parse.

Pure functions over a Doc (textacy style).  :class:`RelationExtractor` yields
:class:`~kgraph._model.RelationRecord` values whose ``subject``/``object`` are
mention references (``"start:end"``):

* actions, active and passive ("Pompeo warned Lavrov" and "Lavrov was warned
  by Pompeo" give the same ``warn`` edge), with prepositional objects
  (``speak_with``), object-control verbs ("Trump directed the CIA to share
  intelligence with the Kremlin": ``direct`` and ``share_intelligence_with``)
  and conjoined subjects of reciprocal verbs ("Trump and Putin have spoken");
* roles (``holds_role`` with ``role`` and ``former``) from appositions
  ("Lavrov, Russia's foreign minister"), pre-nominal titles ("Russian
  President Vladimir Putin", "former CIA official Rolf Mowatt-Larssen"),
  possessives ("Just Security's Ryan Goodman") and "served as" clauses;
* ``negated``, ``hedged`` (may, might, reportedly ...) and ``date`` (a date
  entity in the same clause) attributes.

Pronouns and definite descriptions ("he", "the minister", "the department")
are resolved by :mod:`kgraph.extract.coref`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Final

from kgraph._model import RelationRecord
from kgraph.extract.arguments import OBJECTS, SUBJECTS, entities_of, inherited_subjects
from kgraph.extract.context import DocContext
from kgraph.extract.entities import RawMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["RelationExtractor"]

_PASS_SUBJ: Final = frozenset({"nsubjpass", "csubjpass"})
_HEDGES: Final = frozenset(
    {
        "may",
        "should",
        "would",
        "whether",
        "might",
        "could",
        "reportedly",
        "allegedly",
        "apparently",
        "possibly",
        "perhaps",
        "likely",
        "probably",
        "purportedly",
        "supposedly",
    }
)
_RECIPROCAL: Final = frozenset(
    {"speak", "talk", "meet", "negotiate", "agree", "clash", "spar", "cooperate", "confer", "chat"}
)
_SKIP_VERBS: Final = frozenset(
    {"be", "have", "do", "become", "say", "seem", "get", "serve", "work", "act", "include"}
)
_PREPS: Final = frozenset(
    {
        "with",
        "to",
        "against",
        "about",
        "for",
        "over",
        "toward",
        "towards",
        "into",
        "from",
        "at",
        "on",
        "upon",
        "between",
        "among",
        "regarding",
        "onto",
        "via",
        "through",
    }
)
_PLACE_PREPS: Final = frozenset(
    {
        "in",
        "at",
        "on",
        "from",
        "across",
        "throughout",
        "near",
        "inside",
        "outside",
        "within",
        "into",
        "around",
        "through",
        "via",
    }
)


class RelationExtractor:
    """Actions and roles between entity mentions (see the module docstring)."""

    name = "relations"

    def __call__(self, doc: Doc, context: DocContext) -> Iterator[RelationRecord]:
        for role in context.roles:
            if role.org is None:
                continue
            attrs: list[tuple[str, str | bool]] = [("role", role.role)]
            if role.former:
                attrs.append(("former", True))
            yield RelationRecord(
                context.ref(role.person),
                context.ref(role.org),
                "holds_role",
                context.evidence(doc[role.token : role.token + 1]),
                tuple(attrs),
            )
        for posting in context.postings:
            yield RelationRecord(
                context.ref(posting.person),
                context.ref(posting.country),
                posting.predicate,
                context.evidence(doc[posting.token : posting.token + 1]),
            )
        for sent in context.sentences:
            yield from _sentence_relations(sent, context)
            yield from _event_relations(sent, context)


_GENERIC_OBJECTS: Final = frozenset(
    {
        "information",
        "data",
        "material",
        "materials",
        "detail",
        "details",
        "report",
        "item",
        "assistance",
    }
)
#: nouns of acts, with the predicate their verb gives ("sanctions against Russia": sanction)
_EVENT_NOUNS: Final = {
    "sanction": "sanction",
    "sanctions": "sanction",
    "firing": "fire",
    "dismissal": "fire",
    "ouster": "oust",
    "investigation": "investigate",
    "probe": "investigate",
    "inquiry": "investigate",
    "surveillance": "surveil",
    "indictment": "indict",
    "arrest": "arrest",
    "expulsion": "expel",
    "attack": "attack",
    "airstrike": "strike",
    "strike": "strike",
    "invasion": "invade",
    "annexation": "annex",
    "hack": "hack",
    "hacking": "hack",
    "lawsuit": "sue",
    "suit": "sue",
}
#: nouns of meetings, whose "with" phrase names the other side ("Trump's meeting with Putin")
_MEETING_NOUNS: Final = {
    "meeting": "meet_with",
    "summit": "meet_with",
    "talk": "talk_with",
    "talks": "talk_with",
    "call": "speak_with",
    "conversation": "speak_with",
    "negotiation": "negotiate_with",
    "negotiations": "negotiate_with",
}
#: the prepositions that bring an event noun's target
_EVENT_TARGET_PREPS: Final = frozenset({"against", "on", "into", "of"})
_WITH: Final = frozenset({"with"})
#: an act that has not happened, or did not: "the proposed sanctions", "a planned meeting"
_UNREALISED: Final = frozenset(
    {
        "cancel",
        "cancelled",
        "canceled",
        "expect",
        "expected",
        "future",
        "plan",
        "planned",
        "possible",
        "postpone",
        "postponed",
        "potential",
        "propose",
        "proposed",
        "schedule",
        "scheduled",
        "upcoming",
    }
)
#: verbs that carry an event noun's act ("announced sanctions", "opened an investigation")
_SUPPORT_VERBS: Final = frozenset(
    {
        "announce",
        "approve",
        "begin",
        "carry",
        "conduct",
        "expand",
        "file",
        "impose",
        "issue",
        "launch",
        "levy",
        "open",
        "order",
        "slap",
        "start",
        "unveil",
    }
)
#: event nouns, the prepositions of their target and the verbs that carry them
_EVENT_KINDS: Final = (
    (_EVENT_NOUNS, _EVENT_TARGET_PREPS, _SUPPORT_VERBS),
    (_MEETING_NOUNS, _WITH, _SUPPORT_VERBS | {"hold", "have"}),
)
#: nouns that count an event noun: "another round of sanctions"
_EVENT_COUNTS: Final = frozenset({"round", "set", "series", "wave", "package", "raft", "slew"})


def _predicate(verb: Token) -> str:
    parts = [verb.lemma_.lower()]
    for child in verb.children:
        if child.dep_ == "prt":
            parts.append(child.lower_)
    return "_".join(parts)


def _attrs(verb: Token, sent: Span, ctx: DocContext) -> list[tuple[str, str | bool]]:
    attrs: list[tuple[str, str | bool]] = []
    heads = [verb, *([verb.head] if verb.dep_ in ("xcomp", "conj") else [])]
    if any(c.dep_ == "neg" for h in heads for c in h.children):
        attrs.append(("negated", True))
    hedge = next(
        (
            c.lower_
            for h in heads
            for c in h.children
            if c.lower_ in _HEDGES and c.dep_ in ("aux", "advmod", "mark")
        ),
        None,
    )
    if hedge:
        attrs.append(("hedged", True))
        attrs.append(("hedge", hedge))
    for ent in ctx.dates_in(sent):
        if ent.root.head.i != ent.root.i and _clause_of(ent.root) == verb:
            attrs.append(("date", ent.text))
            break
    return attrs


def _clause_of(tok: Token) -> Token:
    while tok.head.i != tok.i and not (tok.pos_ in ("VERB", "AUX") and tok.dep_ != "aux"):
        tok = tok.head
    return tok


def _sentence_relations(sent: Span, ctx: DocContext) -> Iterator[RelationRecord]:
    evidence = ctx.evidence(sent)
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_ in _SKIP_VERBS:
            continue
        subjects: list[tuple[RawMention, bool]] = []
        objects: list[tuple[RawMention, bool, str]] = []
        for child in verb.children:
            if child.dep_ in SUBJECTS:
                subjects += entities_of(child, ctx)
            elif child.dep_ in _PASS_SUBJ:
                objects += [(m, a, "") for m, a in entities_of(child, ctx)]
            elif child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        subjects += entities_of(pobj, ctx)
        if not subjects:
            subjects = inherited_subjects(verb, ctx)
        if not subjects:
            # a mis-parsed subject: "President Trump pressured CIA" with Trump as npadvmod
            for child in verb.lefts:
                m = ctx.mention_at(child)
                if (
                    child.dep_ in ("npadvmod", "dep", "nmod")
                    and m is not None
                    and child.i == verb.i - 1
                ):
                    subjects.append((m, False))
        object_noun = ""
        carried = False
        for child in verb.children:
            if child.dep_ in OBJECTS and child.lower_.endswith(("self", "selves")):
                continue  # "aligning himself with the GOP": no one else
            if child.dep_ in OBJECTS:
                found = entities_of(child, ctx)
                if found:
                    objects += [(m, a, "") for m, a in found]
                elif child.pos_ == "NOUN":
                    compounds = [
                        c for c in child.children if c.dep_ == "compound" and c.pos_ == "NOUN"
                    ]
                    generic = child.lemma_.lower() in _GENERIC_OBJECTS and compounds
                    object_noun = (compounds[0] if generic else child).lemma_.lower()
                    if _carries(verb, child):
                        carried = True  # "imposed sanctions on X": the event path says it
        preps = [c for c in verb.children if c.dep_ == "prep"]
        if object_noun:
            # "share intelligence with the Kremlin": the preposition hangs off the object
            preps += [
                c
                for o in verb.children
                if o.dep_ in OBJECTS and o.pos_ == "NOUN"
                for c in o.children
                if c.dep_ == "prep" and c.lower_ in ("with", "to", "against")
            ]
        for child in preps:
            if child.lower_ not in _PREPS:
                continue
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    suffix = (f"{object_noun}_" if object_noun else "") + child.lower_
                    objects += [
                        (m, a, suffix)
                        for m, a in entities_of(pobj, ctx)
                        if not (
                            child.lower_ in _PLACE_PREPS
                            and m.type in ("Country", "Location")
                            and not a
                        )
                    ]
        if not subjects or carried:
            continue
        if any(c.dep_ == "mark" and c.lower_ == "whether" for c in verb.children):
            continue  # "asked whether Trump should condemn ...": a question states nothing
        predicate = _predicate(verb)
        attrs = _attrs(verb, sent, ctx)
        for subj, anon in subjects:
            for obj, obj_anon, suffix in objects:
                pred = f"{predicate}_{suffix}" if suffix else predicate
                extra = list(attrs)
                if anon or obj_anon:
                    extra.append(("anonymous", True))
                yield RelationRecord(ctx.ref(subj), ctx.ref(obj), pred, evidence, tuple(extra))
        # "Trump and Putin have spoken": conjoined subjects of a reciprocal verb (not
        # "Obama and Biden would not meet with him": they meet someone else)
        if (
            verb.lemma_ in _RECIPROCAL
            and len(subjects) > 1
            and not objects
            and not any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)
        ):
            first, _ = subjects[0]
            for other, _anon in subjects[1:]:
                yield RelationRecord(
                    ctx.ref(first), ctx.ref(other), f"{predicate}_with", evidence, tuple(attrs)
                )


def _event_predicate(noun: Token) -> tuple[str, frozenset[str], frozenset[str]] | None:
    """The predicate an event noun gives, the prepositions of its target and the verbs that
    carry it ("imposed sanctions", "held talks")."""
    for table, preps, carriers in _EVENT_KINDS:
        found = table.get(noun.lemma_.lower()) or table.get(noun.lower_)
        if found is not None:
            return found, preps, carriers
    return None


def _carries(verb: Token, noun: Token) -> bool:
    """Whether ``verb`` only carries the act ``noun`` names ("imposed sanctions on X")."""
    found = _event_predicate(noun)
    return found is not None and verb.lemma_.lower() in found[2]


def _event_relations(sent: Span, ctx: DocContext) -> Iterator[RelationRecord]:
    """Acts named by a noun: "Trump's firing of Comey", "the United States announced sanctions
    against Russia", "the FBI opened an investigation into Carter Page"."""
    evidence = ctx.evidence(sent)
    for noun in sent:
        if noun.pos_ != "NOUN":
            continue
        found = _event_predicate(noun)
        if found is None:
            continue
        predicate, target_preps, carriers = found
        if any(
            c.dep_ in ("amod", "compound", "advmod") and c.lemma_.lower() in _UNREALISED
            for c in noun.children
        ):
            continue  # "the proposed sanctions", "a planned meeting": nothing happened yet
        carrier = noun.head
        noun_in_clause = noun
        if noun.dep_ == "pobj" and carrier.dep_ == "prep" and carrier.lower_ == "of":
            counter = carrier.head  # "another round of sanctions"
            if counter.lemma_.lower() in _EVENT_COUNTS:
                noun_in_clause, carrier = counter, counter.head
        verb = None
        if (
            noun_in_clause.dep_ in ("dobj", "obj")
            and carrier.pos_ in ("VERB", "AUX")
            and carrier.lemma_.lower() in carriers
        ):
            verb = carrier
        targets: list[tuple[RawMention, bool]] = []
        preps = [p for p in noun.children if p.dep_ == "prep" and p.lower_ in target_preps]
        if verb is not None:
            # "opened an investigation into Carter Page": the phrase may hang off the verb
            preps += [
                p
                for p in verb.children
                if p.dep_ == "prep" and p.lower_ in target_preps and p.lower_ != "of"
            ]
        for prep in preps:
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    targets += entities_of(pobj, ctx)
        if not targets:
            continue
        # the agent: the noun's owner ("Trump's firing"), else the carrying verb's subject;
        # the clause whose negation, hedge and date the act takes is the owner's or the verb's
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        owned = (
            (ctx.mention_at(owner) or ctx.references.resolve(owner)) if owner is not None else None
        )
        agents: list[tuple[RawMention, bool]] = []
        if owned is not None:
            agents, clause = [(owned, False)], _clause_of(noun)
        elif verb is not None:
            agents = [a for c in verb.children if c.dep_ in SUBJECTS for a in entities_of(c, ctx)]
            agents = agents or inherited_subjects(verb, ctx)
            clause = verb
        if not agents:
            continue
        if any(c.dep_ == "mark" and c.lower_ == "whether" for c in clause.children):
            continue
        attrs = _attrs(clause, sent, ctx) if clause.pos_ in ("VERB", "AUX") else []
        for agent, anon in agents:
            for target, target_anon in targets:
                if target is agent:
                    continue
                extra = list(attrs)
                if anon or target_anon:
                    extra.append(("anonymous", True))
                yield RelationRecord(
                    ctx.ref(agent), ctx.ref(target), predicate, evidence, tuple(extra)
                )
