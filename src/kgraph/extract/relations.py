"""Facts and roles from spaCy's dependency parse.

Pure functions over a Doc (textacy style).  :class:`RelationExtractor` yields
:class:`~kgraph._model.RelationRecord` values whose ``subject``/``object`` are
mention references (``"start:end"``):

* acts named by a verb, active and passive ("Pompeo warned Lavrov" and "Lavrov was warned
  by Pompeo" give the same ``warn`` edge), reduced relatives ("Wray, nominated by Trump"),
  with coordinated subjects and objects expanded, the direct object before a
  prepositional phrase ("called Haspel from Air Force One": ``call`` Haspel, not
  ``call_from`` Air Force One), prepositional objects (``speak_with``), object-control
  verbs ("Trump directed the CIA to share intelligence with the Kremlin": ``direct`` and
  ``share_intelligence_with``) and conjoined subjects of reciprocal verbs ("Trump and Putin
  have spoken");
* acts named by a noun, carried by a light verb ("held talks with": ``talk_with``,
  "imposed sanctions on": ``sanction``), owned ("Trump's firing of Comey", "its war with
  Iraq") or modified by their agent ("U.S. sanctions on Russia");
* threats, promises and refusals folded into one act ("threatened to launch an offensive
  against X": ``threaten_launch_offensive_against``, THREATEN);
* roles (``holds_role`` with ``role`` and ``former``, found by :mod:`.roles`), postings
  (``ambassador_to``) and kin (``daughter_of``, ``friend_of``).

Every fact carries its modality (:mod:`.modality`: negated, hedged, demanded, planned,
reported ``according_to`` someone, its date) and its event type, a PLOVER category from
``data/events.tsv`` (:mod:`.events`).  Pronouns and definite descriptions ("he", "the
minister") are resolved by :mod:`kgraph.extract.coref`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

from kgraph._model import Evidence, RelationRecord
from kgraph.extract.arguments import OBJECTS, SUBJECTS, entities_of, inherited_subjects
from kgraph.extract.context import DocContext
from kgraph.extract.entities import RawMention
from kgraph.extract.events import event_table
from kgraph.extract.modality import Modality, clause_of, modality_of, noun_modality
from kgraph.extract.roles import KIN, definite_body

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["RelationExtractor"]

_PASS_SUBJ: Final = frozenset({"nsubjpass", "csubjpass"})
_RECIPROCAL: Final = frozenset(
    {"speak", "talk", "meet", "negotiate", "agree", "clash", "spar", "cooperate", "confer", "chat"}
)
#: prepositions of someone else a reciprocal verb's subjects meet or address ("spoke with
#: him", "spoke to the media")
_ADDRESSEE_PREPS: Final = frozenset({"with", "to"})
#: the reciprocal pronoun's head words: "spoke to each other", "met one another"
_EACH_OTHER: Final = frozenset({"other", "another"})
#: verbs that name no act between parties: being, having, seeming, and thinking ("how we
#: all think about the president")
_SKIP_VERBS: Final = frozenset(
    {
        "be",
        "have",
        "do",
        "become",
        "say",
        "seem",
        "get",
        "serve",
        "act",
        "include",
        "think",
        "feel",
        "wonder",
        "imagine",
        "realize",
        "realise",
    }
)
_RELATIVE_PRONOUNS: Final = frozenset({"who", "which", "that"})
#: verbs that give a name or a label: with a second object they name, they do nothing to it
_NAMING_VERBS: Final = frozenset(
    {"call", "dub", "name", "label", "brand", "term", "nickname", "title", "christen"}
)
#: verbs that describe their object as what their "as" phrase says ("portrayed him as a
#: traitor"): with the naming verbs, the description is part of the predicate
_DESCRIBING_VERBS: Final = frozenset(
    {"describe", "portray", "characterize", "characterise", "depict", "cast", "paint"}
)
#: adjectives of a stance toward the party of their "of" phrase, as the verb of that act:
#: "Trump was critical of the FBI" (``criticize``), "remained supportive of Kyiv"
_STANCES: Final = {
    "critical": "criticize",
    "supportive": "support",
    "dismissive": "dismiss",
    "complimentary": "praise",
    "protective": "defend",
    "skeptical": "doubt",
    "sceptical": "doubt",
    "distrustful": "distrust",
    "suspicious": "distrust",
    "wary": "distrust",
}
#: verbs that link a subject to such an adjective
_LINKING: Final = frozenset({"be", "remain", "become", "grow", "stay", "seem", "appear"})
#: verbs that answer a message, and the messages whose author they answer: "rebuffed
#: Russian warnings", "rejected U.S. demands", "welcomed the Iranian offer"
_RESPONSES: Final = frozenset(
    {
        "reject",
        "rebuff",
        "dismiss",
        "ignore",
        "deny",
        "refute",
        "accept",
        "welcome",
        "heed",
        "defy",
        "spurn",
        "brush",
        "answer",
    }
)
_MESSAGES: Final = frozenset(
    {
        "warning",
        "demand",
        "request",
        "proposal",
        "offer",
        "claim",
        "accusation",
        "allegation",
        "call",
        "plea",
        "appeal",
        "threat",
        "ultimatum",
        "criticism",
        "charge",
        "invitation",
        "overture",
    }
)
#: verbs that make, change or handle a thing, not its owner ("repealed Obama's law",
#: "released Trump's tax returns", "signed Pelosi's bill")
_THING_ACTS: Final = frozenset(
    {
        "repeal",
        "overturn",
        "amend",
        "pass",
        "sign",
        "veto",
        "enact",
        "implement",
        "dismantle",
        "scrap",
        "undo",
        "reverse",
        "rescind",
        "revoke",
        "replace",
        "fund",
        "defund",
        "read",
        "publish",
        "release",
        "review",
        "approve",
        "uphold",
        "ratify",
        "adopt",
        "draft",
        "write",
        "edit",
        "print",
        "air",
        "broadcast",
    }
)
#: verbs with no event category whose object owned by someone is an act on its owner: "told
#: the NRA's convention", "joined Trump's legal team", "questioned Obama's patriotism", "hit
#: Soleimani's vehicle" (with any other verb the act is on the thing: "upended the Gulf's
#: diplomacy", "described Brown's order as ...")
_OWNER_ACTS: Final = frozenset({"tell", "inform", "notify", "join", "question", "hit"})
#: agencies whose name starts a photo credit
_CREDITS: Final = frozenset({"Getty", "AP", "AFP", "Reuters", "EPA", "Shutterstock", "Pool"})
#: prepositions of the time or place of an act, whose event noun is its occasion ("said at
#: a conference", "spoke during the meeting")
_OCCASION_PREPS: Final = frozenset({"at", "in", "during", "after", "before", "since"})
#: adverbs that are a verb's particle ("shot back at", "fired back at")
_PARTICLE_ADVERBS: Final = frozenset({"back"})
#: hyphens inside a word the tokenizer split ("de-escalation")
_HYPHENS: Final = frozenset({"-", "\u2011"})
#: the possessive clitic in its two spellings
_POSSESSIVE_MARKS: Final = frozenset({"'s", "’s"})
#: pronouns that, in what someone says, are that speaker
_SPEAKER_PRONOUNS: Final = frozenset({"he", "she", "i", "we"})
#: verbs whose phrase of a place is a party ("withdrew its troops from Georgia", "fired
#: rockets at Israel")
_PARTY_PLACES: Final = {
    **dict.fromkeys(
        ("withdraw", "pull", "retreat", "expel", "remove", "oust", "evacuate", "recall"),
        frozenset({"from"}),
    ),
    **dict.fromkeys(("fire", "shoot", "aim", "launch", "lob", "hurl"), frozenset({"at", "on"})),
}
#: prepositions that bring a party of the act ("spoke with", "sanctions against")
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
        "before",
    }
)
#: prepositions that bring a party only when it is a body ("testified before the Senate
#: Judiciary Committee", "brought him before the court"; not "before the election")
_BODY_PREPS: Final = frozenset({"before"})
_BODIES: Final = frozenset({"Agency", "Organization"})
#: sittings a body holds, whose modifier is that body: "the Senate Judiciary Committee
#: hearing"
_HELD_BY: Final = frozenset({"hearing", "session", "briefing", "meeting", "summit"})
#: nouns of what is done to the person of their "of" phrase, after a verb that is no
#: light verb: "forced the resignation of Jeff Sessions" (``force_resignation_of``)
_DONE_TO_OF: Final = frozenset(
    {"resignation", "removal", "recusal", "release", "extradition", "confirmation", "firing"}
)
#: prepositions that bring a second party after a direct object ("introduced X to Y",
#: "shared it with Y"); any other phrase after an object is a circumstance ("called X
#: from Air Force One", "met X at the White House", "warned X about Y")
_SECOND_PARTY_PREPS: Final = frozenset({"to", "with", "against", "into", "toward", "towards"})
#: prepositions a place is the circumstance of, not a party ("met in Russia")
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
#: prepositions that hang off an object noun and bring the act's party ("shared
#: intelligence with the Kremlin", "threatened sanctions on Russia")
_NOUN_PREPS: Final = frozenset({"with", "to", "against", "on", "into", "toward", "towards", "of"})
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
#: nouns of acts -> (predicate, the prepositions that bring the act's target); "{prep}" in
#: a predicate is the target's preposition ("war with Iraq": ``war_with``)
_EVENT_NOUNS: Final[dict[str, tuple[str, frozenset[str]]]] = {
    "sanction": ("sanction", frozenset({"against", "on"})),
    "sanctions": ("sanction", frozenset({"against", "on"})),
    "embargo": ("embargo", frozenset({"against", "on"})),
    "tariff": ("impose_tariffs_on", frozenset({"on", "against"})),
    "firing": ("fire", frozenset({"of"})),
    "dismissal": ("fire", frozenset({"of"})),
    "ouster": ("oust", frozenset({"of"})),
    "investigation": ("investigate", frozenset({"into", "of", "on"})),
    "probe": ("investigate", frozenset({"into", "of", "on"})),
    "inquiry": ("investigate", frozenset({"into", "of", "on"})),
    "surveillance": ("surveil", frozenset({"of", "on"})),
    "indictment": ("indict", frozenset({"of", "against"})),
    "prosecution": ("prosecute", frozenset({"of"})),
    "arrest": ("arrest", frozenset({"of"})),
    "detention": ("detain", frozenset({"of"})),
    "expulsion": ("expel", frozenset({"of"})),
    "attack": ("attack", frozenset({"on", "against"})),
    "airstrike": ("strike", frozenset({"on", "against"})),
    "strike": ("strike", frozenset({"on", "against"})),
    "bombing": ("bomb", frozenset({"of"})),
    "offensive": ("attack", frozenset({"against", "on"})),
    "assault": ("assault", frozenset({"on", "against"})),
    "invasion": ("invade", frozenset({"of"})),
    "annexation": ("annex", frozenset({"of"})),
    "occupation": ("occupy", frozenset({"of"})),
    "blockade": ("blockade", frozenset({"of", "on"})),
    "hack": ("hack", frozenset({"of", "on", "into", "against"})),
    "hacking": ("hack", frozenset({"of", "into"})),
    "cyberattack": ("hack", frozenset({"on", "against"})),
    "lawsuit": ("sue", frozenset({"against"})),
    "suit": ("sue", frozenset({"against"})),
    "war": ("war_{prep}", frozenset({"with", "against", "on"})),
    "fighting": ("fight_{prep}", frozenset({"with", "against"})),
    "clash": ("clash_with", frozenset({"with"})),
    "conflict": ("conflict_with", frozenset({"with"})),
    "crackdown": ("crack_down_on", frozenset({"on", "against"})),
    "ban": ("ban", frozenset({"on"})),
    "threat": ("threaten", frozenset({"against", "to"})),
    "ultimatum": ("threaten", frozenset({"to"})),
    "warning": ("warn", frozenset({"to"})),
    "criticism": ("criticize", frozenset({"of"})),
    "condemnation": ("condemn", frozenset({"of"})),
    "complaint": ("complain_against", frozenset({"against"})),
    "protest": ("protest", frozenset({"against"})),
    "boycott": ("boycott", frozenset({"of"})),
    "aid": ("aid", frozenset({"to", "for"})),
    "assistance": ("aid", frozenset({"to", "for"})),
    "funding": ("fund", frozenset({"to", "for"})),
    "loan": ("lend_to", frozenset({"to"})),
    "support": ("support", frozenset({"for"})),
    "endorsement": ("endorse", frozenset({"of"})),
    "apology": ("apologize_to", frozenset({"to"})),
    "release": ("release", frozenset({"of"})),
    "withdrawal": ("withdraw_from", frozenset({"from"})),
    "nomination": ("nominate", frozenset({"of"})),
    "appointment": ("appoint", frozenset({"of"})),
    "meeting": ("meet_with", frozenset({"with"})),
    "summit": ("meet_with", frozenset({"with"})),
    "talk": ("talk_with", frozenset({"with"})),
    "talks": ("talk_with", frozenset({"with"})),
    "call": ("speak_with", frozenset({"with"})),
    "conversation": ("speak_with", frozenset({"with"})),
    "discussion": ("discuss_with", frozenset({"with"})),
    "negotiation": ("negotiate_with", frozenset({"with"})),
    "negotiations": ("negotiate_with", frozenset({"with"})),
    "interview": ("interview_with", frozenset({"with"})),
    "testimony": ("testify_{prep}", frozenset({"before", "to", "against"})),
    "contact": ("contact_with", frozenset({"with"})),
    "contacts": ("contact_with", frozenset({"with"})),
    "focus": ("focus_on", frozenset({"on"})),
    "conference": ("appear_with", frozenset({"with"})),
    "appearance": ("appear_{prep}", frozenset({"with", "on"})),
    "session": ("meet_with", frozenset({"with"})),
    "debate": ("debate", frozenset({"with"})),
    "statement": ("statement_to", frozenset({"to"})),
    "letter": ("send_letter_to", frozenset({"to"})),
    "visit": ("visit", frozenset({"to"})),
    "agreement": ("agree_with", frozenset({"with"})),
    "deal": ("agree_with", frozenset({"with"})),
    "pact": ("agree_with", frozenset({"with"})),
    "alliance": ("ally_with", frozenset({"with"})),
    "partnership": ("partner_with", frozenset({"with"})),
    "cooperation": ("cooperate_with", frozenset({"with"})),
}
#: nouns of meetings and messages the subject of the clause around them takes part in ("said
#: in an interview with", "told reporters during a press conference with")
_TAKING_PART: Final = frozenset(
    {
        "meeting",
        "interview",
        "conference",
        "call",
        "conversation",
        "talk",
        "talks",
        "statement",
        "letter",
        "summit",
        "visit",
        "appearance",
        "session",
        "negotiation",
        "negotiations",
        "discussion",
        "debate",
    }
)
_TAKING_PART_PREPS: Final = frozenset({"in", "during", "at", "after", "before", "on"})
#: light verbs that only carry the act a noun names ("imposed sanctions", "held talks")
_CARRIERS: Final = frozenset(
    {
        "announce",
        "approve",
        "begin",
        "bring",
        "carry",
        "conduct",
        "continue",
        "deliver",
        "escalate",
        "expand",
        "extend",
        "file",
        "give",
        "have",
        "hold",
        "impose",
        "initiate",
        "intensify",
        "issue",
        "launch",
        "lead",
        "level",
        "levy",
        "lodge",
        "make",
        "mount",
        "open",
        "order",
        "pay",
        "provide",
        "reach",
        "renew",
        "resume",
        "seal",
        "send",
        "sign",
        "slap",
        "stage",
        "start",
        "strike",
        "unveil",
        "wage",
    }
)
#: nouns of who took someone's place: "Sessions' replacement, Matthew Whitaker"
_SUCCESSORS: Final = frozenset({"replacement", "successor"})
#: acts done to a person named in their phrase, not to the owner of a thing named there
_PERSONAL_ACTS: Final = frozenset(
    {"firing", "dismissal", "ouster", "nomination", "appointment", "arrest", "detention"}
)
#: acts whose country modifier is their topic, not their agent ("the Russia investigation")
_TOPICAL_ACTS: Final = frozenset({"investigation", "probe", "inquiry", "sanction", "sanctions"})
#: deeds an investigation looks into, whose modifier is who did them ("Trump campaign
#: collusion", "Russian meddling")
_DEEDS: Final = frozenset(
    {
        "collusion",
        "meddling",
        "interference",
        "involvement",
        "misconduct",
        "wrongdoing",
        "corruption",
        "obstruction",
        "ties",
        "links",
        "contacts",
        "dealings",
        "activities",
        "activity",
        "actions",
        "conduct",
        "role",
    }
)
#: nouns that count an event noun: "another round of sanctions"
_EVENT_COUNTS: Final = frozenset({"round", "set", "series", "wave", "package", "raft", "slew"})
#: verbs that make one act of themselves and the act of their complement, with its own event:
#: "threatened to launch an offensive" is a threat, "agreed to sell" an agreement
_FOLDS: Final = frozenset({"threaten", "agree", "promise", "pledge", "vow", "offer", "refuse"})


class RelationExtractor:
    """Facts and roles between entity mentions (see the module docstring)."""

    name = "relations"

    def __call__(self, doc: Doc, context: DocContext) -> Iterator[RelationRecord]:
        credits = {context.ref(m) for m in context.mentions if _credit(m)}
        for record in self._all(doc, context):
            if record.subject not in credits and record.object not in credits:
                yield record

    @staticmethod
    def _all(doc: Doc, context: DocContext) -> Iterator[RelationRecord]:
        yield from _role_relations(doc, context)
        yield from _state_agencies(doc, context)
        for sent in context.sentences:
            yield from _verb_relations(sent, context)
            yield from _stance_relations(sent, context)
            yield from _event_relations(sent, context)
            yield from _successions(sent, context)


def _credit(m: RawMention) -> bool:
    """ "Getty Clinton", "AP Trump": a photo credit run into the name after it, no party of
    any fact."""
    words = m.text.split()
    return m.type == "Person" and len(words) >= 2 and words[0] in _CREDITS


def _role_relations(doc: Doc, ctx: DocContext) -> Iterator[RelationRecord]:
    """``holds_role`` of every role in a body (or held for a person), ``ambassador_to`` of
    every posting, ``daughter_of`` (and the like) of every relative."""
    for role in ctx.roles:
        if role.org is None:
            continue
        if role.role in KIN:
            yield RelationRecord(
                ctx.ref(role.person),
                ctx.ref(role.org),
                f"{role.role}_of",
                ctx.evidence(doc[role.token : role.token + 1]),
            )
            continue
        attrs: list[tuple[str, str | bool]] = [("role", role.role)]
        if role.former:
            attrs.append(("former", True))
        yield RelationRecord(
            ctx.ref(role.person),
            ctx.ref(role.org),
            "holds_role",
            ctx.evidence(doc[role.token : role.token + 1]),
            tuple(attrs),
        )
    for posting in ctx.postings:
        yield RelationRecord(
            ctx.ref(posting.person),
            ctx.ref(posting.country),
            posting.predicate,
            ctx.evidence(doc[posting.token : posting.token + 1]),
        )


def _state_agencies(doc: Doc, ctx: DocContext) -> Iterator[RelationRecord]:
    """ "China's Ministry of State Security": an agency ``part_of`` the country that owns it."""
    for m in ctx.mentions:
        if m.type != "Agency":
            continue
        head = doc[m.tok_start : m.tok_end].root
        owners = [ctx.mention_at(c) for c in head.children if c.dep_ == "poss"]
        if m.tok_start >= 2 and doc[m.tok_start - 1].lower_ in _POSSESSIVE_MARKS:
            owners.append(ctx.mention_at(doc[m.tok_start - 2]))  # a parse that lost the "'s"
        owner = next((o for o in owners if o is not None and o.type == "Country"), None)
        if owner is not None and owner is not m:
            evidence = ctx.evidence(doc[head.i : head.i + 1])
            yield RelationRecord(ctx.ref(m), ctx.ref(owner), "part_of", evidence)


# -- acts named by a verb -----------------------------------------------------------------
@dataclass(slots=True)
class _Parties:
    """Who does what to whom in one verb's clause."""

    subjects: list[tuple[RawMention, bool]] = field(default_factory=list)
    #: (entity, anonymous, predicate suffix, the verb's preposition that brings it)
    objects: list[tuple[RawMention, bool, str, str | None]] = field(default_factory=list)
    object_noun: str = ""
    carried: bool = False


def _verb_relations(sent: Span, ctx: DocContext) -> Iterator[RelationRecord]:
    evidence = ctx.evidence(sent)
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_ in _SKIP_VERBS:
            continue
        parties = _parties(verb, ctx)
        if not parties.subjects or parties.carried or _describes(verb):
            continue
        predicate = _predicate(verb)
        fold = _fold(verb)
        modality = modality_of(fold if fold is not None else verb, sent, ctx)
        if fold is not None:
            predicate = f"{fold.lemma_.lower()}_{predicate}"
        for subj, anon in parties.subjects:
            for obj, obj_anon, suffix, prep in parties.objects:
                event = _fold_event(fold) or _verb_event(verb, parties.object_noun, prep, obj)
                pred = f"{predicate}_{suffix}" if suffix else predicate
                yield _record(subj, obj, pred, evidence, modality, anon or obj_anon, event, ctx)
        yield from _reciprocal(verb, parties, predicate, modality, evidence, ctx)


def _stance_relations(sent: Span, ctx: DocContext) -> Iterator[RelationRecord]:
    """ "Trump was also critical of U.S. intelligence agencies": a stance an adjective states
    toward the party of its "of" phrase, the act of the verb it stands for."""
    evidence = ctx.evidence(sent)
    for adj in sent:
        act = _STANCES.get(adj.lower_)
        link = adj.head
        if act is None or adj.dep_ not in ("acomp", "oprd") or link.lemma_ not in _LINKING:
            continue
        targets = [
            found
            for prep in adj.children
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for pobj in prep.children
            if pobj.dep_ == "pobj"
            for found in entities_of(pobj, ctx)
        ]
        subjects = _subjects(link, ctx) if targets else []
        if not subjects:
            continue
        modality = modality_of(link, sent, ctx)
        event = event_table().category(act, "VERB")
        for subj, anon in subjects:
            for obj, obj_anon in targets:
                if obj is not subj:
                    yield _record(subj, obj, act, evidence, modality, anon or obj_anon, event, ctx)


def _describes(verb: Token) -> bool:
    """ "called Mueller's investigation a sham", "named it a threat": a description of the
    object, not an act done to it; "what the United States calls Mount Rushmore", "dubbed
    it Crazy Horse": a verb of naming with the name it gives."""
    if verb.lemma_.lower() in _NAMING_VERBS and any(c.dep_ == "oprd" for c in verb.children):
        return True
    return any(
        c.dep_ == "oprd" and c.pos_ in ("NOUN", "ADJ") and _names_no_one(c) for c in verb.children
    )


def _names_no_one(tok: Token) -> bool:
    """Whether a token names no one (a description: "a sham", "unqualified")."""
    return tok.ent_type_ in ("", "NORP") and tok.pos_ != "PROPN"


def _parties(verb: Token, ctx: DocContext) -> _Parties:
    parties = _Parties(subjects=_subjects(verb, ctx))
    if _owned_doer(verb, ctx):
        parties.subjects = []  # "Mr. Trump's pitch is irritating the White House": the pitch
    for child in verb.children:
        if child.dep_ in _PASS_SUBJ:
            parties.objects += [(m, a, "", None) for m, a in entities_of(child, ctx)]
    if _reduced_passive(verb) and not _list_ending(verb.head):
        # "Christopher Wray, nominated by Mr Trump": the noun is what the act is done to
        parties.objects += [(m, a, "", None) for m, a in entities_of(verb.head, ctx)]
    _direct_objects(verb, ctx, parties)
    _prepositional_objects(verb, ctx, parties)
    # "repeal Obamacare or shrink Medicaid": a verb with an object of its own shares none
    own_object = any(c.dep_ in OBJECTS for c in verb.children)
    if not parties.objects and not parties.object_noun and not own_object:
        parties.objects += [(m, a, "", None) for m, a in _shared_objects(verb, ctx)]
    return parties


def _subjects(verb: Token, ctx: DocContext) -> list[tuple[RawMention, bool]]:
    subjects: list[tuple[RawMention, bool]] = []
    for child in verb.children:
        if child.dep_ in SUBJECTS and child.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            # "who" is a person, whatever it hangs off; "which" is none
            subjects += _understood(child, verb, ctx)
        elif child.dep_ in SUBJECTS:
            subjects += entities_of(child, ctx) or _understood(child, verb, ctx)
        elif child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    subjects += entities_of(pobj, ctx)
    if subjects or any(c.dep_ in SUBJECTS or c.dep_ == "expl" for c in verb.children):
        return subjects  # "protesters affiliated with X": a subject of its own, no entity
    if any(c.dep_ == "auxpass" for c in verb.children):
        subjects = _stray_agent(verb, ctx)
    if not subjects and verb.dep_ == "conj":
        subjects = _stray_subject(verb, ctx)
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
    if not subjects and verb.dep_ == "acl" and not _reduced_passive(verb) and verb.tag_ == "VBD":
        # "Trump called Haspel" parsed as a noun with a clause: the noun is the doer
        subjects = entities_of(verb.head, ctx)
    return subjects


def _person_above(noun: Token, ctx: DocContext) -> list[tuple[RawMention, bool]]:
    """ "Steven Cook, an expert at the Council on Foreign Relations, who visited Iraq": "who" is
    a person, so a clause the parser hung off a body is the person's the body's phrase is
    in; none when no person is there."""
    tok = noun
    for _ in range(6):
        if tok.dep_ not in ("pobj", "prep", "appos", "compound") or tok.head.i == tok.i:
            break
        tok = tok.head
        m = ctx.mention_at(tok)
        if m is not None and m.type == "Person":
            return [(m, False)]
    return []


def _understood(subject: Token, verb: Token, ctx: DocContext) -> list[tuple[RawMention, bool]]:
    """Who a subject the coreference left alone stands for: a relative pronoun, the noun of
    its clause ("the organization that published"); "he", "she", "I" or "we" in what
    someone says, that speaker ("Podesta said he spoke to the FBI", "'I met him,' Trump
    said")."""
    low = subject.lower_
    if low in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        found = entities_of(verb.head, ctx)
        persons = bool(found) and all(m.type == "Person" for m, _ in found)
        if persons and (low == "which" or (low == "that" and verb.head.dep_ == "pobj")):
            # "an amendment from Sen. Ted Cruz that would have prevented ...": "which" is no
            # person, and "that" after a person in a phrase is the thing the phrase is of
            return []
        if low == "who" and found and all(m.type != "Person" for m, _ in found):
            # "members of Congress who": people of a body (anonymous) stay, unless a person
            # is named above ("Chiafalo, an elector from Washington state who")
            people = _person_above(verb.head, ctx)
            return people or [(m, a) for m, a in found if a]
        return found
    if low not in _SPEAKER_PRONOUNS:
        return []
    ref = modality_of(verb, ctx.index.sentence_of(verb.i), ctx).according_to
    speaker = next((m for m in ctx.mentions if ctx.ref(m) == ref), None) if ref else None
    person_like = speaker is not None and (
        speaker.type == "Person" or (speaker.type == "Organization" and " " not in speaker.text)
    )
    if speaker is None or (not person_like and low not in ("we", "i")):
        return []
    return [(speaker, False)]


def _stray_subject(verb: Token, ctx: DocContext) -> list[tuple[RawMention, bool]]:
    """ "called for X after Washington on Thursday sanctioned Y", parsed with "sanctioned"
    conjoined to "called": the name just before a conjoined verb, in a phrase of the verb
    it is conjoined to, is its subject rather than that verb's."""
    i = verb.i - 1
    while i > verb.head.i and (
        verb.doc[i].ent_type_ == "DATE" or verb.doc[i].pos_ in ("ADV", "ADP", "AUX", "PART")
    ):
        i -= 1
    tok = verb.doc[i]
    m = ctx.mention_at(tok)
    if i > verb.head.i and m is not None and tok.dep_ in ("pobj", "npadvmod", "appos"):
        return [(m, False)]
    # "... after Washington sanctioned X, expelled Y": the conjunct before shares it
    before = [c for c in verb.head.children if c.dep_ == "conj" and c.i < verb.i]
    return _stray_subject(before[-1], ctx) if before else []


def _stray_agent(verb: Token, ctx: DocContext) -> list[tuple[RawMention, bool]]:
    """ "was nominated to the post by Mr Trump": the agent of a passive verb, attached by the
    parser to the noun of the phrase before it."""
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        for pobj in prep.children:
            if _event_noun(pobj) is not None:
                continue  # "much was made of campaign visits by Romney": the visits' agent
            for by in pobj.children:
                if by.dep_ == "prep" and by.lower_ == "by":
                    found = [
                        a for p in by.children if p.dep_ == "pobj" for a in entities_of(p, ctx)
                    ]
                    if found:
                        return found
    return []


def _list_ending(noun: Token) -> bool:
    """Whether a participle after ``noun`` may as well modify a noun before it: ``noun`` ends a
    list or an "of" phrase ("a request for a recount of Pennsylvania, Michigan and Wisconsin
    sponsored by Jill Stein": the request is sponsored, not Wisconsin), or another phrase of a
    noun ("the strike on Soleimani ordered by Trump": the strike is ordered)."""
    if noun.dep_ == "conj":
        return True
    if noun.dep_ != "pobj":
        return False
    if noun.head.lower_ == "of":
        return True
    owner = noun.head.head
    if owner.pos_ != "NOUN" and owner.lower_ not in _EVENT_NOUNS:
        return False
    # "no action on Judge Merrick Garland, nominated by Obama": a participle a comma sets off
    # after a person is an aside on that person
    set_off = any(c.dep_ == "acl" and c.doc[c.i - 1].text == "," for c in noun.children)
    return not (set_off and noun.ent_type_ == "PERSON")


def _reduced_passive(verb: Token) -> bool:
    """ "X, nominated by Y": a past participle modifying a noun, with its agent."""
    return (
        verb.dep_ == "acl" and verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children)
    )


def _direct_objects(verb: Token, ctx: DocContext, parties: _Parties) -> None:
    for child in verb.children:
        if child.dep_ not in OBJECTS and child.dep_ != "oprd":
            continue
        if child.lower_.endswith(("self", "selves")):
            continue  # "aligning himself with the GOP": no one else
        found = entities_of(child, ctx)
        if child.dep_ == "oprd" and ctx.mention_at(child) is None:
            continue  # "called the report a hoax": a description, not a party
        if _owned_thing(verb, child, ctx) or _garbled_name(child):
            found = []  # "voted to repeal Obama's health care law": the law, not Obama
        elif _act_on_thing(verb, child, ctx):
            found = []  # "upended the Gulf's diplomacy": an act on the thing, not the Gulf
        if not found and _answers(verb, child):
            # "Obama rebuffed Russian warnings": the answer is to the one who warned
            found = [(m, False) for m in _modifying_entities(child, ctx)]
        if found:
            parties.objects += [(m, a, "", None) for m, a in found]
        elif child.pos_ == "NOUN" and not parties.object_noun:
            compounds = [c for c in child.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
            generic = child.lemma_.lower() in _GENERIC_OBJECTS and compounds
            parties.object_noun = _noun_word(compounds[0] if generic else child)
            if _carries(verb, child):
                parties.carried = True  # "imposed sanctions on X": the event path says it


def _owner_of_thing(noun: Token, ctx: DocContext) -> bool:
    """Whether a common noun names no one itself and stands for its owner ("the Gulf's
    nascent diplomacy", "Mr. Brown's executive order"), not for a person holding a role
    ("Russia's foreign minister")."""
    if noun.pos_ != "NOUN" or ctx.mention_at(noun) is not None:
        return False
    if ctx.references.resolve(noun) is not None:
        return False
    owners = [ctx.mention_at(c) for c in noun.children if c.dep_ == "poss"]
    found = entities_of(noun, ctx)
    return any(o is not None and (o, False) in found for o in owners)


def _owned_doer(verb: Token, ctx: DocContext) -> bool:
    """Whether the subject (or passive agent) of ``verb`` is a thing someone owns and the
    verb no act between parties: "Mr. Trump's pitch is irritating the White House", "was
    fueled by the administration's unwillingness"."""
    doers = [c for c in verb.children if c.dep_ in SUBJECTS]
    doers += [p for c in verb.children if c.dep_ == "agent" for p in c.children]
    return any(_act_on_thing(verb, d, ctx) for d in doers if d.dep_ in SUBJECTS or d.dep_ == "pobj")


def _act_on_thing(verb: Token, noun: Token, ctx: DocContext) -> bool:
    """Whether ``verb`` acts on the thing ``noun`` names, not on its owner: an owned thing
    (:func:`_owner_of_thing`) under a verb of no act between parties."""
    return _owner_of_thing(noun, ctx) and not _between_parties(verb, noun)


def _between_parties(verb: Token, noun: Token) -> bool:
    """Whether ``verb`` names an act between parties (an event category: "criticized Obama's
    law" is a criticism of Obama), an answer ("rejected Iran's offer") or an act on someone
    through what they have (``_OWNER_ACTS``), which a thing someone owns stands for its owner
    in."""
    lemma = verb.lemma_.lower()
    if lemma in _RESPONSES | _OWNER_ACTS:
        return True
    return event_table().category(lemma, "VERB", obj=noun.lemma_.lower()) is not None


def _noun_word(noun: Token) -> str:
    """A noun's lemma, whole when the tokenizer split it at a hyphen ("de-escalation":
    ``deescalation``, not ``de``; "cease-fires": ``ceasefire``, not ``fire``)."""
    doc = noun.doc
    first = last = noun.i
    while first >= 2 and _joined(doc, first - 2):
        first -= 2
    while last + 2 < len(doc) and _joined(doc, last):
        last += 2
    if first == last:
        return noun.lemma_.lower()
    parts = [doc[k].lower_ for k in range(first, last, 2)]
    return "".join([*parts, doc[last].lemma_.lower()])


def _joined(doc: Doc, i: int) -> bool:
    """Whether tokens ``i`` and ``i + 2`` are one word with a hyphen between them."""
    hyphen = doc[i + 1]
    return (
        doc[i].is_alpha
        and doc[i + 2].is_alpha
        and hyphen.text in _HYPHENS
        and not doc[i].whitespace_
        and not hyphen.whitespace_
    )


def _garbled_name(obj: Token) -> bool:
    """ "cited forums hosted by the NRA and mega-donor Sheldon Adelson" parsed with Adelson as
    the object and "forums hosted by ..." as his compound: a name has no clause before it, so
    such a parse is no sign of whom the act is on."""
    return obj.pos_ == "PROPN" and any(
        t.dep_ in ("acl", "relcl") and t.i < obj.i for t in obj.subtree
    )


def _owned_thing(verb: Token, obj: Token, ctx: DocContext) -> bool:
    """Whether ``obj`` is a thing owned by someone ("Obama's health care law", "Trump's tax
    returns") that ``verb`` makes, changes or handles: the act is on the thing, not on its
    owner."""
    if verb.lemma_.lower() not in _THING_ACTS:
        return False
    of = [p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
    if obj.pos_ in ("PRON", "DET", "NUM") and of:
        obj = of[0]  # "all of Obama's law", "parts of it"
    if obj.pos_ != "NOUN":
        return False
    return ctx.mention_at(obj) is None and any(c.dep_ == "poss" for c in obj.children)


def _answers(verb: Token, obj: Token) -> bool:
    """Whether ``verb`` answers the message its object names ("rejected U.S. demands",
    "dismissed Russian claims"): its author is the party answered."""
    return verb.lemma_.lower() in _RESPONSES and obj.lemma_.lower() in _MESSAGES


def _shared_objects(verb: Token, ctx: DocContext) -> list[tuple[RawMention, bool]]:
    """ "Russia hacked and leaked the emails of X": the object of the next conjoined verb, when
    that verb follows at once ("hacked and leaked") and has no subject of its own."""
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.pos_ != "VERB" or conj.i - verb.i > 3:
            continue
        if any(c.dep_ in SUBJECTS or c.dep_ in _PASS_SUBJ for c in conj.children):
            continue
        found = [m for c in conj.children if c.dep_ in OBJECTS for m in entities_of(c, ctx)]
        if found:
            return found
    return []


def _prepositional_objects(verb: Token, ctx: DocContext, parties: _Parties) -> None:
    has_object = bool(parties.objects) and not _reduced_passive(verb)
    preps = [c for c in verb.children if c.dep_ == "prep"]
    # "shot back at Trump": the phrase the parser hung off the particle
    preps += [
        p for a in verb.children if _particle(verb, a) for p in a.children if p.dep_ == "prep"
    ]
    noun_hung: set[int] = set()
    if parties.object_noun:
        # "share intelligence with the Kremlin": the preposition hangs off the object
        noun_hung = {
            c.i
            for o in verb.children
            if o.dep_ in OBJECTS
            and o.pos_ == "NOUN"
            # "upended the Gulf's diplomacy with Iran": the owner's phrase, not the act's
            and not _act_on_thing(verb, o, ctx)
            for c in o.children
            if c.dep_ == "prep" and c.lower_ in _NOUN_PREPS
        }
        preps += [verb.doc[i] for i in sorted(noun_hung)]
    parties_at = _PARTY_PLACES.get(verb.lemma_.lower(), frozenset())
    for prep in preps:
        word = prep.lower_
        of_person = word == "of" and prep.i in noun_hung and parties.object_noun in _DONE_TO_OF
        if of_person:
            pass  # "forced the resignation of Jeff Sessions": force_resignation_of Sessions
        elif word not in _PREPS or (has_object and word not in _SECOND_PARTY_PREPS | parties_at):
            continue
        place = word in _PLACE_PREPS and word not in parties_at
        bodies_only = word in _BODY_PREPS
        suffix = (f"{parties.object_noun}_" if parties.object_noun else "") + word
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            found = entities_of(pobj, ctx)
            if not found and pobj.lemma_.lower() in _HELD_BY:
                # "testified at the Senate Judiciary Committee hearing": the body holding it
                found = [(m, False) for m in _modifying_entities(pobj, ctx) if m.type in _BODIES]
            if prep.i in noun_hung:
                # a phrase of the object names a party itself, not the owner of a thing:
                # "repealing the amendment to Ireland's constitution" is no act on Ireland
                found = [(m, a) for m, a in found if a or ctx.mention_at(pobj) is m]
            parties.objects += [
                (m, a, suffix, word)
                for m, a in found
                if not (place and m.type in ("Country", "Location") and not a)
                and not (bodies_only and (a or m.type not in _BODIES))
            ]
            named = _event_noun(pobj)
            # "stated at a U.S. intelligence conference": an occasion, no act asked for
            occasion = word in _OCCASION_PREPS
            if named is not None and not has_object and not parties.object_noun and not occasion:
                # "called for the expulsion of U.S. diplomats", "called for an FBI
                # investigation": the act the phrase names, its target and its agent
                act = pobj.lemma_.lower()
                parties.objects += [
                    (m, a, f"{word}_{act}_{inner}", word)
                    for m, a, inner in _event_targets(pobj, None, named[1], ctx)
                ]
                parties.objects += [
                    (m, False, f"{word}_{act}_by", word) for m in _modifying_entities(pobj, ctx)
                ]


def _modifying_entities(noun: Token, ctx: DocContext) -> list[RawMention]:
    """The entities that modify a noun of an act: "an FBI investigation", "U.S. sanctions"."""
    found = [ctx.mention_at(c) for c in noun.children if c.dep_ in ("compound", "amod", "nmod")]
    return [m for m in found if m is not None]


def _predicate(verb: Token) -> str:
    parts = [verb.lemma_.lower()]
    for child in verb.children:
        if _particle(verb, child):
            parts.append(child.lower_)
    complement = _as_complement(verb)
    if complement:
        parts += ["as", complement]  # "named the EU and China as foes": name_as_foe
    return "_".join(parts)


def _as_complement(verb: Token) -> str:
    """The description a verb of naming or describing gives its object in an "as" phrase
    ("named Russia as a foe", "branded him as a traitor"), which is part of the act, not a
    party: the noun's lemma, or ""."""
    if verb.lemma_.lower() not in _NAMING_VERBS | _DESCRIBING_VERBS:
        return ""
    if not any(c.dep_ in OBJECTS or c.dep_ in _PASS_SUBJ for c in verb.children):
        return ""  # "called, as part of the plan, for talks": no one named
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.pos_ == "NOUN" and _names_no_one(pobj):
                    before = pobj.doc[pobj.i - 1] if pobj.i > 0 else pobj
                    compound = before.dep_ == "compound" and before.pos_ == "NOUN"
                    words = [before.lower_] if compound and before.is_alpha else []
                    return "_".join([*words, _noun_word(pobj)])  # "a con artist"
    return ""


def _particle(verb: Token, child: Token) -> bool:
    """A verb's particle, also one the parser read as an adverb ("shot back at Trump")."""
    adverb = child.dep_ == "advmod" and child.lower_ in _PARTICLE_ADVERBS and child.i == verb.i + 1
    return child.dep_ == "prt" or adverb


def _fold(verb: Token | None) -> Token | None:
    """The threat, promise or refusal ``verb`` is the content of ("threatened to launch"),
    when it names no party of its own."""
    if verb is None or verb.dep_ != "xcomp":
        return None
    head = verb.head
    if head.lemma_.lower() not in _FOLDS:
        return None
    if any(c.dep_ in OBJECTS for c in head.children):
        return None  # "threatened Iran with ...": the threat has its own target
    return head


def _fold_event(fold: Token | None) -> str | None:
    return event_table().category(fold.lemma_, "VERB") if fold is not None else None


def _verb_event(verb: Token, object_noun: str, prep: str | None, target: RawMention) -> str | None:
    prt = next((c.lower_ for c in verb.children if _particle(verb, c)), None)
    return event_table().category(
        verb.lemma_, "VERB", prep=prep, prt=prt, obj=object_noun or None, target=target.type
    )


def _reciprocal(
    verb: Token,
    parties: _Parties,
    predicate: str,
    modality: Modality,
    evidence: Evidence,
    ctx: DocContext,
) -> Iterator[RelationRecord]:
    """ "Trump and Putin have spoken": conjoined subjects of a reciprocal verb (not "Obama
    and Biden would not meet with him", "Rubio and Scott speak to the media", "they met
    reporters": they meet or address someone else)."""
    if (
        verb.lemma_ not in _RECIPROCAL
        or len(parties.subjects) < 2
        or parties.objects
        or any(_addressee(c) for c in verb.children)
    ):
        return
    first, _ = parties.subjects[0]
    event = event_table().category(verb.lemma_, "VERB", prep="with")
    for other, _anon in parties.subjects[1:]:
        yield _record(first, other, f"{predicate}_with", evidence, modality, False, event, ctx)


def _addressee(child: Token) -> bool:
    """Whether a verb's dependent names someone its subjects meet or address ("spoke to the
    media", "met reporters"; not "spoke to each other")."""
    if child.dep_ == "prep" and child.lower_ in _ADDRESSEE_PREPS:
        return not any(p.dep_ == "pobj" and p.lower_ in _EACH_OTHER for p in child.children)
    return child.dep_ in OBJECTS and child.lower_ not in _EACH_OTHER


def _record(
    subject: RawMention,
    obj: RawMention,
    predicate: str,
    evidence: Evidence,
    modality: Modality,
    anonymous: bool,
    event: str | None,
    ctx: DocContext,
) -> RelationRecord:
    attrs = modality.attrs()
    if anonymous:
        attrs.append(("anonymous", True))
    if event is not None:
        attrs.append(("event", event))
    return RelationRecord(
        ctx.ref(subject), ctx.ref(obj), predicate, evidence, tuple(attrs), modality.according_to
    )


# -- who replaced whom ----------------------------------------------------------------------
def _successions(sent: Span, ctx: DocContext) -> Iterator[RelationRecord]:
    """ "Mr Sessions' replacement, Matthew Whitaker": Whitaker replaces Sessions."""
    for noun in sent:
        if noun.lemma_.lower() not in _SUCCESSORS or noun.pos_ != "NOUN":
            continue
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        named = next((c for c in noun.children if c.dep_ == "appos"), None)
        if owner is None or named is None:
            continue
        before = ctx.mention_at(owner) or ctx.references.resolve(owner)
        after = ctx.mention_at(named)
        if before is None or after is None or before is after:
            continue
        if before.type != "Person" or after.type != "Person":
            continue
        modality = (
            modality_of(clause_of(noun), sent, ctx)
            if clause_of(noun).pos_ in ("VERB", "AUX")
            else Modality()
        )
        yield _record(after, before, "replace", ctx.evidence(sent), modality, False, None, ctx)


# -- acts named by a noun -------------------------------------------------------------------
def _carries(verb: Token, noun: Token) -> bool:
    """Whether ``verb`` only carries the act ``noun`` names ("imposed sanctions on X")."""
    return _event_noun(noun) is not None and verb.lemma_.lower() in _CARRIERS


def _event_noun(noun: Token) -> tuple[str, frozenset[str]] | None:
    return _EVENT_NOUNS.get(noun.lemma_.lower()) or _EVENT_NOUNS.get(noun.lower_)


def _event_relations(sent: Span, ctx: DocContext) -> Iterator[RelationRecord]:
    """Acts named by a noun: "Trump's firing of Comey", "the United States announced sanctions
    against Russia", "the FBI opened an investigation into Carter Page"."""
    evidence = ctx.evidence(sent)
    for noun in sent:
        if noun.pos_ != "NOUN":
            continue
        found = _event_noun(noun)
        if found is None:
            continue
        template, target_preps = found
        verb = _carrier(noun)
        targets = _event_targets(noun, verb, target_preps, ctx)
        if not targets:
            continue
        agents, clause = _event_agents(noun, verb, ctx)
        fold = _fold(verb)
        presupposed = verb is None and _taking_part(noun) is None
        modality = noun_modality(noun, fold or clause, sent, ctx, presupposed=presupposed)
        for agent, anon in agents:
            for target, target_anon, prep in targets:
                if target is agent:
                    continue
                predicate = template.format(prep=prep)
                if fold is not None:
                    predicate = f"{fold.lemma_.lower()}_{predicate}"
                event = _fold_event(fold) or event_table().category(
                    noun.lemma_, "NOUN", prep=prep, target=target.type
                )
                anonymous = anon or target_anon
                yield _record(agent, target, predicate, evidence, modality, anonymous, event, ctx)


def _carrier(noun: Token) -> Token | None:
    """The light verb whose object ``noun`` is ("opened an investigation", "announced another
    round of sanctions"), if any."""
    carrier, in_clause = noun.head, noun
    if noun.dep_ == "pobj" and carrier.dep_ == "prep" and carrier.lower_ == "of":
        counter = carrier.head
        if counter.lemma_.lower() in _EVENT_COUNTS:
            in_clause, carrier = counter, counter.head
    if (
        in_clause.dep_ in ("dobj", "obj")
        and carrier.pos_ in ("VERB", "AUX")
        and carrier.lemma_.lower() in _CARRIERS
    ):
        return carrier
    return None


def _event_targets(
    noun: Token, verb: Token | None, preps: frozenset[str], ctx: DocContext
) -> list[tuple[RawMention, bool, str]]:
    """Who an act named by a noun is done to: its "against/on/into/of/with" phrase, on the
    noun or on the verb that carries it ("opened an investigation into Carter Page")."""
    phrases = [p for p in noun.children if p.dep_ == "prep" and p.lower_ in preps]
    if verb is not None:
        phrases += [
            p for p in verb.children if p.dep_ == "prep" and p.lower_ in preps and p.lower_ != "of"
        ]
    direct = noun.lemma_.lower() in _PERSONAL_ACTS
    targets: list[tuple[RawMention, bool, str]] = []
    for prep in phrases:
        for pobj in prep.children:
            if pobj.dep_ != "pobj" or (direct and ctx.mention_at(pobj) is None):
                continue  # "the dismissal of Clinton's victories" fires no one
            found = entities_of(pobj, ctx)
            if not found and _event_noun(pobj) is None and _is_deed(pobj):
                # "an inquiry into possible Trump campaign collusion": the party of the deed
                found = [(m, False) for m in _modifying_entities(pobj, ctx)]
            targets += [(m, a, prep.lower_) for m, a in found]
    return targets


def _is_deed(noun: Token) -> bool:
    return noun.lemma_.lower() in _DEEDS or noun.lower_ in _DEEDS


def _event_agents(
    noun: Token, verb: Token | None, ctx: DocContext
) -> tuple[list[tuple[RawMention, bool]], Token | None]:
    """Who does an act named by a noun, and the verb of the clause whose modality it takes:
    its owner ("Trump's firing"), an entity modifying it ("U.S. sanctions"), its "by" phrase,
    else the subject of the verb that carries it."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        owned = ctx.mention_at(owner) or ctx.references.resolve(owner)
        owned = owned or definite_body(owner, ctx)  # "its ongoing probe into Russia"
        if owned is not None:
            return [(owned, False)], _clause_verb(noun)
    modifiers = _modifying_entities(noun, ctx)
    if modifiers and not (_TOPICAL_ACTS & {noun.lemma_.lower()} and modifiers[0].type == "Country"):
        return [(modifiers[0], False)], _clause_verb(noun)
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            found = [a for p in child.children if p.dep_ == "pobj" for a in entities_of(p, ctx)]
            if found:
                return found, _clause_verb(noun)
    if verb is None:
        verb = _taking_part(noun)
    if verb is None:
        return [], None
    agents = [a for c in verb.children if c.dep_ in SUBJECTS for a in entities_of(c, ctx)]
    return agents or inherited_subjects(verb, ctx), verb


def _taking_part(noun: Token) -> Token | None:
    """The verb whose subject takes part in a meeting its phrase names: "said in an interview
    with Larry King", "spoke during a joint press conference with Duda"."""
    prep = noun.head
    if (
        noun.dep_ == "pobj"
        and noun.lemma_.lower() in _TAKING_PART
        and prep.dep_ == "prep"
        and prep.lower_ in _TAKING_PART_PREPS
        and prep.head.pos_ in ("VERB", "AUX")
    ):
        return prep.head
    return None


def _clause_verb(noun: Token) -> Token | None:
    clause = clause_of(noun)
    return clause if clause.pos_ in ("VERB", "AUX") else None
