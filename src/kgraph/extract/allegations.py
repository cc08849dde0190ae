"""Allegations: who is accused of what, who alleged it, who denied or dismissed it.

A pure function over a Doc.  Patterns, each tied to its sentence:

* **claims**: a cue verb (allege, accuse, claim, say, tell, report, assess,
  conclude ...) or a cue noun (allegation, report, assessment, intelligence,
  declaration ... "that ...") governing a clause whose subject is an entity
  (the accused) and whose words name a harmful or notable act (pay, bounty,
  arm, weapon, kill, interfere, hack, share intelligence ...).  The cue's
  subject, an "according to X" phrase or the noun's owner is the claimant
  (``alleged_by``; ``anonymous`` for "U.S. officials"); the person told is
  ``reported_by`` ("told Just Security"), as is the agent of "reported by";
* **act nouns** with an owner: "the Russian bounties", "Russia's arms
  program", "the scheme organized by a Russian military intelligence unit";
* **accusations**: "X accused Y of ...", "X blamed Y for ...";
* **stance**: deny/dismiss/confirm verbs whose object is an allegation noun
  ("Russian officials have denounced the reports on the bounties as lies":
  ``denied_by`` Russia, since Russia is the accused; "Trump dismissed reports
  of the intelligence": ``dismissed_by``), "... was a hoax/lie/fake" said by
  someone, and stated confidence ("the C.I.A. had placed medium confidence in
  the assessment": ``alleged_by`` the C.I.A., ``confidence`` "medium confidence").

The verb families follow CAMEO's accuse (112), deny (016) and warn (130)
codes.  Claims are quoted, never asserted: nothing here yields a plain
relation between the accused and the act's other participants.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Final

from kgraph._model import AllegationRecord, Evidence, RoleRecord, StatementRecord
from kgraph.extract.arguments import PAST_TITLES, entities_of, inherited_subjects
from kgraph.extract.context import DocContext
from kgraph.extract.entities import RawMention
from kgraph.lexicon import GENERAL_ACTS, GENERIC_ACTS, act_lexicon
from kgraph.timex import normalise

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["AllegationExtractor"]

#: "X accused Y of Z", "Y was charged with Z": the verb, and the prepositions of the act
#: punishing someone for a deed says they did it ("penalizing Moscow for election
#: interference", "sanctioned Iran over its missile tests"), when the deed is named
_PUNISH_VERBS: Final[dict[str, tuple[str, ...]]] = {
    "penalize": ("for",),
    "punish": ("for",),
    "sanction": ("for", "over"),
    "condemn": ("for",),
    "censure": ("for",),
    "convict": ("of",),
}
#: pronouns that may stand for a person who speaks of what was done to them
_PERSONAL_PRONOUNS: Final = frozenset({"she", "her", "he", "him", "they", "them"})
#: nouns of someone's deeds, which an adjective after "be" judges ("his actions were illegal")
_DEEDS: Final = frozenset({"action", "act", "conduct", "behavior", "behaviour", "activity"})
#: verbs that say what someone is ("called him a liar", "described Mueller as conflicted")
_DESCRIBING: Final = frozenset({"call", "describe", "brand", "label", "portray"})
#: verbs of a verdict: a conviction confirms the deed it names ("Stone was convicted of
#: lying to Congress"), the court or jury that convicts confirms it
_VERDICT_VERBS: Final = frozenset({"convict"})
_ACCUSE_VERBS: Final[dict[str, tuple[str, ...]]] = {
    "accuse": ("of",),
    "blame": ("for",),
    **_PUNISH_VERBS,
    "charge": ("with",),
    "indict": ("on", "for"),
    "sue": ("for", "over"),
    "fault": ("for",),
    "implicate": ("in",),
    "suspect": ("of",),
}
#: what an accusation without a named act is called, by verb
_ACCUSATION_WORD: Final = {
    "charge": "charge",
    "indict": "charge",
    "sue": "lawsuit",
}
#: nouns that are allegations ("the allegation against X", "Reade's accusation that ...")
_ALLEGATION_NOUNS: Final[dict[str, str]] = {
    "allegation": "accusation",
    "accusation": "accusation",
    "charge": "charge",
    "indictment": "charge",
    "complaint": "accusation",
    "lawsuit": "lawsuit",
    "suit": "lawsuit",
}
_CUE_VERBS: Final = frozenset(
    {
        "allege",
        "accuse",
        "claim",
        "say",
        "tell",
        "report",
        "assess",
        "conclude",
        "believe",
        "suspect",
        "charge",
        "assert",
        "contend",
        "insist",
        "testify",
        "reveal",
        "disclose",
        "indicate",
        "show",
        "suggest",
        "write",
        "note",
        "explain",
        "find",
        "determine",
        "warn",
        "state",
        "announce",
        "emphasize",
        "acknowledge",
        "argue",
        "complain",
        "tweet",
    }
)
_CUE_NOUNS: Final = frozenset(
    {
        "allegation",
        "accusation",
        "report",
        "assessment",
        "intelligence",
        "claim",
        "declaration",
        "evidence",
        "finding",
        "conclusion",
        "charge",
        "indication",
        "reflection",
        "information",
        "suspicion",
        "statement",
        "testimony",
    }
)
_GENERIC_ACT_HEADS: Final = frozenset(
    {
        "program",
        "programme",
        "scheme",
        "operation",
        "effort",
        "activity",
        "plan",
        "campaign",
        "plot",
        "network",
        "deal",
        "policy",
        "escalation",
    }
)
_DENY: Final = frozenset(
    {
        "deny",
        "denounce",
        "reject",
        "dismiss",
        "dispute",
        "refute",
        "rebut",
        "deride",
        "disavow",
        "contest",
        "brush",
        "discount",
        "downplay",
        "ridicule",
        "mock",
        "scoff",
        "criticize",
        "question",
        "doubt",
    }
)
#: prepositions whose object may say when an act was done
_TIME_PREPS: Final = frozenset({"in", "during", "on", "since", "at", "before", "after", "between"})
_DATE_MODIFIERS: Final = frozenset({"compound", "amod", "nummod", "nmod", "npadvmod", "poss"})
_COMPLEMENT_DEPS: Final = frozenset({"xcomp", "ccomp"})
#: nouns that say there is none of what they govern ("a lack of evidence that ...")
_LACKS: Final = frozenset({"lack", "absence", "dearth"})
#: determiners that say there is none of a noun ("no collusion", "neither conspiracy nor ...")
_NONE_DETS: Final = frozenset({"no", "neither"})
#: the dependencies of whom a deed is done to ("fire Mueller", "was fired"), not its doer
_PATIENT_DEPS: Final = frozenset({"dobj", "dative", "nsubjpass"})
#: prepositions of the deed a general wrong is denied in ("denied any wrongdoing in X")
_ABOUT_PREPS: Final = frozenset({"in", "over", "regarding", "concerning"})
#: verbs that free someone of an act ("cleared of collusion", "acquitted of bribery")
_CLEARING: Final = frozenset({"clear", "exonerate", "acquit", "absolve"})
#: verbs of saying by which one denies a deed by saying there was none
_DENIAL_SPEECH: Final = _CUE_VERBS | frozenset({"add", "maintain", "argue", "tweet", "repeat"})
#: words that make an "attack" a bout of illness ("heart attack")
_AILMENTS: Final = frozenset({"heart", "panic", "anxiety", "asthma", "seizure"})
#: nouns that name a thing, though their verb names an act ("annex")
_THINGS: Final = frozenset({"annex"})
#: verbs by which an outlet tells what others say: it reports a claim, it does not make it
_REPORTING_CUES: Final = frozenset({"report"})
#: verbs whose subject claims the acts nouns of their sentence name ("officials said the
#: Russian bounties ...")
_NOUN_CLAIM_CUES: Final = frozenset({"say", "allege", "report", "claim"})
#: verbs whose subject does not hold the report it handles ("cited the report")
_NOT_HOLDING: Final = frozenset({"mention", "discuss", "cite", "raise", "avoid"})
#: prepositions after a culprit noun that name the act ("the culprit of election meddling")
_CULPRIT_PREPS: Final = frozenset({"of", "for", "behind"})
#: forms the model's lemmatizer gets wrong ("taxes" -> "taxis")
_LEMMA_FIXES: Final = {"taxes": "tax"}
#: what one denies of anything one is accused of ("denies any wrongdoing")
_GENERIC_WRONGS: Final = frozenset({"wrongdoing", "wrongdoings", "impropriety", "improprieties"})
#: verbs of a deed having happened: "the incident did not happen" denies it
_HAPPENINGS: Final = frozenset({"happen", "occur"})
#: words that refer to an allegation told before ("denied the incident", "it")
_REFERENCE_WORDS: Final = frozenset(
    {"issue", "matter", "incident", "account", "story", "episode", "it", "this", "that"}
)
_ARMED: Final = frozenset({"material", "military", "lethal", "logistical", "armed"})
#: prepositions that bring the one an act was done to; how many words of its name to keep
_TARGET_PREPS: Final = frozenset({"in", "into", "on", "against", "with", "to", "of", "from"})
_TARGET_WORDS: Final = 6
#: words that open a prepositional phrase a label may show as its target ("about ...")
_PREPOSITIONS: Final = _TARGET_PREPS | frozenset({"about", "over", "for", "at", "by"})
_CLAIM_OF: Final = frozenset({"of", "about"})
# acts also done with words, and what words attack ("attacked the government's case")
_VERBAL_ACTS: Final = frozenset({"attack", "threat"})
_ARGUMENT_NOUNS: Final = frozenset(
    {
        "case",
        "claim",
        "report",
        "argument",
        "decision",
        "policy",
        "plan",
        "proposal",
        "idea",
        "record",
        "credibility",
        "testimony",
        "statement",
        "comment",
        "remark",
        "ruling",
        "investigation",
        "probe",
        "inquiry",
        "media",
        "press",
        "judge",
        "verdict",
        "bill",
        "law",
        "deal",
        "agreement",
        "character",
        "integrity",
    }
)
_WHERE_PREPS: Final = frozenset({"in", "at"})
# verbs of saying that, with an object and a to-infinitive, give an order ("told him to")
_DIRECTIVES: Final = frozenset({"tell", "instruct", "order", "direct"})
# words with which a writer says an account is someone's claim, not a fact
_HEDGES: Final = frozenset({"alleged", "supposed", "purported"})
_RELATIVES: Final = frozenset({"who", "which", "that", "whom"})
# a plea of guilt: "pleaded guilty to", "pled guilty to"
_PLEAD: Final = frozenset({"plead", "pled"})
_GUILTY: Final = frozenset({"guilty"})
# acts done with someone: only for them is the object of "with" the other party
_WITH_ACTS: Final = frozenset({"collusion"})
# the preposition a label puts before a direct object that receives the act ("paid militants":
# "offered bounties to militants")
_RECIPIENT_PREPS: Final = {"bounty": "to", "deception": "to"}
# act classes whose label takes the target as its object, whatever preposition the text
# used ("stole emails from the DNC", "an attack on Kharkiv": "hacked DNC", "attacked Kharkiv")
_DIRECT_TARGETS: Final = frozenset(
    {
        "hacking",
        "attack",
        "killing",
        "poisoning",
        "assault",
        "harassment",
        "defamation",
        "bribery",
        "arming",
        "funding",
        "surveillance",
        "detention",
        "sabotage",
        "harboring",
        "firing",
    }
)
# acts done to a place: "aggression in Ukraine", "interfered in Ukraine" name the victim
_TERRITORIAL_ACTS: Final = frozenset(
    {"aggression", "attack", "atrocity", "chemical", "interference"}
)
# an act class that, done to a person, is another ("attacked her": an assault)
_PERSONAL_ATTACKS: Final = {"attack": "assault"}
#: acts done by a person's own body: a noun of one is no organisation's or place's ("the
#: Telegram sexual abuse scandal" is not the messaging app's assault)
_BODILY_ACTS: Final = frozenset({"assault", "harassment", "sexual_misconduct"})
# act classes whose claimant, when no one else is named, is the victim
_CLAIMANT_VICTIM: Final = frozenset({"defamation"})
#: acts that, aimed at an election, are election interference
_ELECTORAL_ACTS: Final = frozenset({"hacking", "attack", "disinformation", "leaking", "sabotage"})
_ELECTION_WORDS: Final = frozenset(
    {"election", "vote", "voting", "voter", "ballot", "midterm", "midterms", "electorate"}
)
#: nouns of doers who are no organ of the state that owns them: "US media bias" is the
#: media's, not the United States' ("Russian military hacking" is Russia's)
_NON_STATE_DOERS: Final = frozenset(
    {"media", "press", "newspaper", "company", "firm", "industry", "business", "public"}
)
#: prepositions whose object may name what the subject did ("engaged in hacking")
_ACT_PREPS: Final = frozenset({"in", "into"})
#: the dependents an act word forms a verb-object pair with (``kgraph/data/acts.tsv``)
_ACT_DEPENDENTS: Final = frozenset(
    {
        "dobj",
        "obj",
        "pobj",
        "xcomp",
        "advcl",
        "compound",
        "amod",
        "acl",
        "relcl",
        "attr",
        "advmod",
        "nsubjpass",
    }
)
_RAISERS: Final = frozenset(
    {
        "raise",
        "report",
        "allege",
        "cite",
        "document",
        "flag",
        "detail",
        "describe",
        "disclose",
        "reveal",
        "publish",
        "expose",
        "uncover",
    }
)
_OBJECT_CONTROL: Final = frozenset(
    {
        "warn",
        "urge",
        "ask",
        "tell",
        "caution",
        "press",
        "pressure",
        "push",
        "persuade",
        "prod",
        "forbid",
        "stop",
        "prevent",
        "deter",
        "accuse",
        "blame",
    }
)
_CONFIRM: Final = frozenset(
    {"confirm", "corroborate", "verify", "acknowledge", "admit", "substantiate"}
)
_DISMISS_NOUNS: Final = frozenset(
    {
        "hoax",
        "lie",
        "lies",
        "fake",
        "fabrication",
        "nonsense",
        "smear",
        "disinformation",
        "propaganda",
        "witch",
        "conspiracy",
        "myth",
        "falsehood",
        "fiction",
        "rubbish",
        "garbage",
        "slander",
        "false",
        "baseless",
        "untrue",
        "unfounded",
        "absurd",
        "ridiculous",
        "fabricated",
        "bogus",
        "groundless",
    }
)
_CONFIDENCE: Final = re.compile(r"\b(high|medium|moderate|low)\s+confidence\b", re.IGNORECASE)


@dataclass
class _State:
    """Allegations seen so far in this Doc, for stance in later sentences."""

    records: list[AllegationRecord] = field(default_factory=list)


class AllegationExtractor:
    """Claims, accusations, act nouns and stance (see the module docstring)."""

    name = "allegations"

    def __call__(self, doc: Doc, context: DocContext) -> Iterator[AllegationRecord]:
        state = _State()
        said = _statements_of(context)
        for sent in context.sentences:
            found = (
                list(_claims(sent, context))
                + list(_statement_claims(sent, context, said))
                + list(_allegation_nouns(sent, context))
                + list(_act_nouns(sent, context))
                + list(_guilty_pleas(sent, context))
                + list(_hedged_accounts(sent, context))
                + [_generic_denial(r, state, context) for r in _denied_acts(sent, context)]
                + list(_no_such_acts(sent, context, state))
            )
            found = _dedupe(found)
            state.records.extend(found)
            yield from found
            for record in _stances(sent, context, state):
                state.records.append(record)
                yield record


def _generic_denial(record: AllegationRecord, state: _State, ctx: DocContext) -> AllegationRecord:
    """A denial of "any wrongdoing" by one accused before in this Doc is a stance on that
    allegation (the one the story is about), not an allegation of wrongdoing of its own."""
    words = record.text.lower().split()
    if not words or words[-1] not in _GENERIC_WRONGS:
        return record
    accused = [m for r in record.roles if r.role == "accused" if (m := ctx.mention(r.entity))]

    def shares_accused(other: AllegationRecord) -> bool:
        return any(
            _named_alike(a, m)
            for r in other.roles
            if r.role == "accused" and (m := ctx.mention(r.entity)) is not None
            for a in accused
        )

    prior = next((r for r in reversed(state.records) if r.act and shares_accused(r)), None)
    if prior is None:
        return record
    (evidence,) = record.evidence[:1] or prior.evidence[:1]
    frame = [
        RoleRecord(r.role, r.entity, evidence, r.anonymous)
        for r in prior.roles
        if r.role in ("accused", "target")
    ]
    stance = [r for r in record.roles if r.role not in ("accused", "target")]
    return replace(
        prior,
        key=record.key,
        status=record.status,
        evidence=record.evidence,
        roles=tuple(dict.fromkeys(frame + stance)),
        confidence=None,
        dates=(),
    )


def _dedupe(records: list[AllegationRecord]) -> list[AllegationRecord]:
    """One record per (accused, keyword) in a sentence: clause records first, the roles of
    the others folded in ("X warned Y against Z paying bounties, officials said")."""
    out: list[AllegationRecord] = []

    def pairs_of(record: AllegationRecord) -> set[tuple[str, str]]:
        accused = {r.entity for r in record.roles if r.role == "accused"}
        named = [k for k in record.keywords if k not in GENERIC_ACTS] or record.keywords
        return {(a, k) for a in accused for k in named}

    for record in sorted(records, key=lambda r: (r.key[0] != "c", r.key)):
        pairs = pairs_of(record)
        for index, kept in enumerate(out):
            if pairs & pairs_of(kept):
                out[index] = replace(
                    kept,
                    keywords=tuple(sorted(set(kept.keywords) | set(record.keywords))),
                    roles=tuple(dict.fromkeys(kept.roles + record.roles)),
                    confidence=kept.confidence or record.confidence,
                    dates=tuple(dict.fromkeys(kept.dates + record.dates)),
                    act=kept.act or record.act,
                    time=kept.time or record.time,
                )
                break
        else:
            out.append(record)
    return out


def _lemma(tok: Token) -> str:
    return _LEMMA_FIXES.get(tok.lower_) or tok.lemma_.lower()


def _act_of(tok: Token) -> str | None:
    """The act class a word names, alone, with the words before it ("nerve agent") or with
    one of its dependents ("steal" + "emails", "reward" + "for killing"); a body part ("a
    refugee arm") names none."""
    if tok.pos_ == "NOUN" and tok.lemma_.lower() == "arm" and tok.lower_ != "arms":
        return None
    if any(c.dep_ in ("compound", "amod") and c.lower_ in _AILMENTS for c in tok.children):
        return None  # "a heart attack", "a panic attack": no one's deed
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in _THINGS:
        return None  # "the Benghazi annex": a building
    lex = act_lexicon()
    lemma = _lemma(tok)
    if lemma in lex.ends or tok.lower_ in lex.ends:  # it may end a phrase ("nerve agent")
        longest = min(lex.longest, tok.i + 1)
        window = tok.doc[tok.i - longest + 1 : tok.i + 1]  # read once, longest first
        lemmas = tuple(_lemma(t) for t in window)
        lowers = tuple(t.lower_ for t in window)
        for size in range(longest, 1, -1):
            found = lex.phrase(lemmas[-size:]) or lex.phrase(lowers[-size:])
            if found is not None:
                return found
        for mod in tok.children:  # "compromising financial and personal information"
            if mod.dep_ in ("amod", "compound") and (found := lex.phrase((_lemma(mod), lemma))):
                return found
    for dependent in _dependents(tok):
        found = lex.pair(lemma, _lemma(dependent))
        if found is not None:
            return found
    return lex.word(lemma) or lex.word(tok.lower_)


def _dependents(tok: Token) -> Iterator[Token]:
    """The words an act word takes: its objects, complements and modifiers, and what its
    prepositions govern ("reward for killing", "paid militants to kill")."""
    for child in tok.children:
        if child.dep_ in _ACT_DEPENDENTS:
            yield child
        elif child.dep_ in ("prep", "agent", "aux"):
            yield from (g for g in child.children if g.dep_ in ("pobj", "pcomp"))


def _acts_in(tokens: Iterator[Token] | list[Token], *, weak: bool = False) -> tuple[str, ...]:
    """The act classes the words of a clause name, in their order; none when all are weak
    ("paid", "supported": a plain report of them accuses no one), unless ``weak`` (a
    denial or an "allege" makes any act one)."""
    lex = act_lexicon()
    found: list[str] = []
    for tok in tokens:
        if _in_inquiry(tok) or _said_to_be_none(tok):
            continue  # "the inquiry into alleged surveillance": a topic, not a deed
        act = _act_of(tok)
        if act in _VERBAL_ACTS and any(
            c.dep_ in ("dobj", "pobj") and _lemma(c) in _ARGUMENT_NOUNS
            for c in [*tok.children, *(g for p in tok.children for g in p.children)]
        ):
            continue  # "attacked the government's case as weak": words, not a deed
        if act and (tok.pos_ in ("VERB", "NOUN", "ADJ") or tok.dep_ == "prt") and act not in found:
            # a phrasal verb's act is read at its particle ("cover up")
            found.append(act)
    if not weak and all(lex.classes[a].weak for a in found):
        return ()
    return tuple(found)


#: verbs of knowing whose passive subject does the act of the clause they raise ("China was
#: found to have hacked", "Russia is believed to be arming"); not "was ordered to pay"
_RAISING: Final = frozenset(
    {
        "allege",
        "believe",
        "find",
        "know",
        "reveal",
        "report",
        "rumor",
        "say",
        "see",
        "show",
        "suspect",
        "think",
        "understand",
    }
)
#: cue verbs that make whatever their clause says an allegation, act word or not
_STRONG_CUES: Final = frozenset({"allege"})
#: verbs that say no deed by themselves ("alleged that Moore had a complaint", "called her")
_LIGHT_VERBS: Final = frozenset(
    {"be", "have", "do", "get", "make", "go", "come", "say", "take", "call", "give", "know"}
)
#: nouns of an act class that name a person or a thing, not a deed ("a British spy", "the
#: Time's Up fund")
_NOT_ACT_NOUNS: Final = frozenset(
    {"spy", "hacker", "troll", "leaker", "liar", "criminal", "bot", "fund"}
)
#: marks and modals of a clause that states no deed: a condition, a question, a possibility
_UNREAL_MARKS: Final = frozenset({"if", "unless", "whether", "lest"})
_UNREAL_MODALS: Final = frozenset({"could", "would", "might", "should", "must", "may"})
#: verbs whose object names an act the subject opposes, studies or reports, not commits:
#: "the findings debunked the conspiracy theories", "Barr assigned Durham to investigate ..."
_NOT_DOERS: Final = frozenset(
    {
        "witness",
        "see",
        "hear",
        "recall",
        "remember",
        "describe",
        "mention",
        "report",
        "cover",
        "debunk",
        "investigate",
        "probe",
        "examine",
        "review",
        "study",
        "discuss",
        "assign",
        "appoint",
        "counter",
        "combat",
        "fight",
        "prevent",
        "deter",
        "punish",
        "sanction",
        "condemn",
        "protest",
        "oppose",
        "expose",
        "uncover",
        "document",
        "detect",
        "monitor",
        "track",
        "guard",
        "protect",
        "defend",
        "survive",
        "suffer",
        "face",
        "deny",
        "refute",
        "reject",
        "dismiss",
    }
)
#: nouns whose "into/of/about" phrase names the topic of an inquiry, not a deed
_INQUIRIES: Final = frozenset(
    {"inquiry", "investigation", "probe", "review", "examination", "look", "hearing", "question"}
)


def _in_inquiry(tok: Token) -> bool:
    """Whether ``tok`` sits in the topic phrase of an inquiry noun ("probe into X")."""
    node = tok
    for _ in range(6):
        head = node.head
        if head.i == node.i:
            return False
        if node.dep_ == "prep" and _lemma(head) in _INQUIRIES:
            return True
        node = head
    return False


def _predicate_tokens(verb: Token) -> list[Token]:
    """The words that say what the clause's subject did: the verb, its objects and their
    compounds, controlled and conjoined verbs ("was arming", "providing weapons and cash",
    "directed ... to share intelligence")."""
    out = [verb]
    if _lemma(verb) in _NOT_DOERS:
        return out
    for child in verb.children:
        if child.dep_ in ("dobj", "attr", "oprd", "dative") or (
            child.dep_ == "acomp" and _lemma(verb) == "be" and _doer_subject(verb)
        ):
            out.append(child)
            out += [c for c in child.children if c.dep_ in ("compound", "amod", "conj")]
            out += [c for c in child.conjuncts]
            # "the main culprit of election meddling", "responsibility for the attacks"
            out += [
                p
                for c in child.children
                if c.dep_ == "prep" and c.lower_ in _CULPRIT_PREPS
                for p in c.children
                if p.dep_ in ("pobj", "pcomp")
            ]
        elif child.dep_ in ("xcomp", "conj") and child.pos_ in ("VERB", "AUX"):
            if child.dep_ == "xcomp" and _lemma(verb) in _OBJECT_CONTROL - _DIRECTIVES:
                continue  # "warned X against paying": the act is X's, not the warner's
            if child.dep_ == "conj" and _has_subject(child):
                continue  # "he took part, but witnesses had been bribed": theirs, not his
            out += _predicate_tokens(child)
        elif child.dep_ == "prt":
            out.append(child)
        elif child.dep_ == "prep" and _lemma(verb) == "be" and child.lower_ in ("behind", "for"):
            # "the GRU was behind the intrusions", "was responsible for the attack"
            out += [c for c in child.children if c.dep_ == "pobj"]
        elif child.dep_ == "prep" and child.lower_ in _ACT_PREPS:
            # "entered into a conspiracy with", "engaged in espionage"
            out += [c for c in child.children if c.dep_ == "pobj"]
        elif child.dep_ == "acomp" and child.lower_ == "responsible":
            out += [
                p
                for c in child.children
                if c.dep_ == "prep"
                for p in c.children
                if p.dep_ == "pobj"
            ]
    return out


def _doer_subject(verb: Token) -> bool:
    """Whether the subject of a copula is one whose deeds an adjective may judge: a name or
    pronoun ("Mueller was corrupt") or a noun of deeds ("Russia's actions are illegal"), not
    a thing ("the DACA program was illegal")."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and (subj.pos_ in ("PROPN", "PRON") or _lemma(subj) in _DEEDS)


def _entities(tok: Token, ctx: DocContext) -> list[tuple[RawMention, bool]]:
    out = entities_of(tok, ctx)
    if out:
        return out
    # "the Russian government", "a Russian military intelligence unit"; not "the former
    # Alabama Supreme Court judge" (who speaks for no court), nor "the US media (bias)"
    # (the media are no organ of their state)
    if tok.pos_ == "NOUN" and not any(c.lower_ in PAST_TITLES for c in tok.children):
        for child in tok.subtree:
            if child.i >= tok.i:
                break
            m = ctx.mention_at(child)
            between = tok.doc[m.tok_end : tok.i + 1] if m is not None else ()
            if any(_non_state_doer(t) for t in between):
                return []
            if m is not None and m.type != "Person":
                return [(m, m.demonym)]
    return []


def _claimants(cue: Token, sent: Span, ctx: DocContext) -> list[tuple[RawMention, bool]]:
    out: list[tuple[RawMention, bool]] = []
    for child in cue.children:
        if child.dep_ in ("nsubj",):
            out += _entities(child, ctx)
        elif child.dep_ == "agent":
            for pobj in child.children:
                out += _entities(pobj, ctx)
    out += _according_to(sent, ctx)
    return out


def _according_to(sent: Span, ctx: DocContext) -> list[tuple[RawMention, bool]]:
    out: list[tuple[RawMention, bool]] = []
    for tok in sent:
        if (
            tok.lower_ == "according"
            and tok.i + 1 < len(tok.doc)
            and tok.doc[tok.i + 1].lower_ == "to"
        ):
            to = tok.doc[tok.i + 1]
            for pobj in to.children:
                if pobj.dep_ == "pobj":
                    out += _entities(pobj, ctx)
    return out


def _recipients(cue: Token, ctx: DocContext) -> list[tuple[RawMention, bool]]:
    out: list[tuple[RawMention, bool]] = []
    if _lemma(cue) == "tell":
        for child in cue.children:
            if child.dep_ in ("dobj", "dative", "iobj"):
                out += [(m, a) for m, a in _entities(child, ctx) if m.type != "Country"]
    return out


def _gerund_subject(verb: Token, ctx: DocContext) -> RawMention | None:
    """The subject of a gerund after a preposition: "against [Moscow] paying bounties"."""
    if verb.tag_ != "VBG" or verb.i == 0:
        return None
    prev = verb.doc[verb.i - 1]
    m = ctx.mention_at(prev)
    if m is None:
        return None
    if (prev.dep_ in ("pobj", "poss", "nsubj") and m.type != "Person") or prev.tag_ == "POS":
        return m
    if prev.dep_ in ("compound", "nsubj") and prev.head.i == verb.i:
        return m  # "claims of [Donald Trump] soliciting ...": a name the parser hung off it
    if (
        prev.dep_ == "pobj"
        and prev.head.lower_ in _CLAIM_OF
        and _lemma(prev.head.head) in _CUE_NOUNS
        and (
            verb.head.i == prev.head.head.i
            or (verb.dep_ == "advcl" and verb.head.i == prev.head.head.head.i)
        )
    ):
        return m  # "claims of [Alan Brody] soliciting ...": the gerund hung off the noun
    return None


def _own_acts(
    predicate: list[Token],
    keywords: tuple[str, ...],
    accused: list[tuple[RawMention, bool]],
    ctx: DocContext,
) -> tuple[str, ...]:
    """The acts of a clause that are its subject's: an act noun with an owner of its own is
    that owner's ("Trump brought up Russia's interference": Russia's, not Trump's)."""
    subjects = [m for m, _ in accused]
    owned: set[str] = set()
    for tok in predicate:
        act = _act_of(tok) if tok.pos_ == "NOUN" else None
        if act is None or act not in keywords:
            continue
        for c in tok.children:
            m = ctx.mention_at(c) if c.dep_ in ("poss", "amod", "compound") else None
            if m is not None and not any(_same(m, s) for s in subjects):
                owned.add(act)
    return tuple(k for k in keywords if k not in owned)


def _has_subject(verb: Token) -> bool:
    """Whether a verb has a subject of its own, also one the parser hung off its auxiliary
    ("Russia has compromising ...")."""
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) or any(
        g.dep_ == "nsubj" for c in verb.children if c.dep_ == "aux" for g in c.children
    )


def _gerund_complements(noun: Token, ctx: DocContext) -> list[Token]:
    """The gerund clauses with a subject a cue noun reports through "of" or "about":
    "claims of Donald Trump soliciting prostitutes", "reports of Russia hacking the DNC"."""
    candidates = [
        c
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ in _CLAIM_OF
        for c in p.children
        if c.dep_ in ("pobj", "pcomp")
    ] + [c for c in noun.children if c.dep_ == "acl"]
    # "contains claims of X soliciting ...": the gerund hung off the verb that has the noun
    candidates += [
        c
        for c in noun.head.children
        if c.dep_ == "advcl" and c.i == noun.right_edge.i + 1 and noun.head.i != noun.i
    ]
    return [
        c
        for c in candidates
        if c.tag_ == "VBG"
        and (
            any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
            or _gerund_subject(c, ctx) is not None
        )
    ]


def _clause_subjects(verb: Token, ctx: DocContext) -> list[tuple[RawMention, bool]]:
    gerund = _gerund_subject(verb, ctx)
    if gerund is not None and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return [(gerund, False)]
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.dep_ == "nsubjpass":
                if _lemma(verb) in _RAISING and any(
                    c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in verb.children
                ):
                    # "China was found to have hacked", "is believed to be arming": the
                    # subject of a passive raising verb is the one who does the act
                    return _entities(child, ctx)
                # "he was killed": the one it happened to is not the one accused
                return [
                    x
                    for agent in verb.children
                    if agent.dep_ == "agent"
                    for p in agent.children
                    for x in _entities(p, ctx)
                ]
            return _entities(child, ctx)
    for aux in verb.children:  # "Russia has compromising ...", the subject hung off "has"
        if aux.dep_ == "aux":
            for child in aux.children:
                if child.dep_ == "nsubj":
                    return _entities(child, ctx)
    return inherited_subjects(verb, ctx)


def _record(
    kind: str,
    anchor: Token,
    sent: Span,
    ctx: DocContext,
    accused: list[tuple[RawMention, bool]],
    keywords: tuple[str, ...],
    clause: Span,
    roles: list[tuple[str, RawMention, bool]],
    status: str = "alleged",
) -> AllegationRecord | None:
    # the accused is an actor: a place is none ("a San Bernardino-type attack"), but for a
    # capital standing for its government ("Moscow denied ...")
    accused = [
        (m, a)
        for m, a in accused
        if m.type != "Location" or m.ner == "CAPITAL" or ctx.gazetteer.capital_of(m.text)
    ]
    if not accused or not keywords:
        return None
    evidence: Evidence = ctx.evidence(sent)
    role_records = [RoleRecord("accused", ctx.ref(m), evidence, False) for m, _ in accused]
    for role, m, anonymous in roles:
        if role == "alleged_by" and any(_same(m, a) for a, _ in accused):
            continue
        role_records.append(RoleRecord(role, ctx.ref(m), evidence, anonymous))
    text = clause.text.strip().strip("“”\"' ,.")
    subject = accused[0][0]
    confidence = None
    match = _CONFIDENCE.search(evidence.sentence)
    if match:
        confidence = match.group(0).lower()
    date_spans = ctx.dates_in(clause)
    dates = tuple(ent.text for ent in date_spans)
    lex = act_lexicon()
    named = [k for k in keywords if k not in GENERIC_ACTS]
    strong = [k for k in named if k in lex.classes and not lex.classes[k].weak]
    strong.sort(key=lambda k: k in GENERAL_ACTS)  # "criminal corruption": corruption
    act = _by_means(_electoral(next(iter(strong or named), None), clause), clause)
    prep, target, shown = _target(clause, act, ctx) if act is not None else (None, None, None)
    if _verbal_attack(act, target, roles, ctx):
        return None
    act, prep, target = _act_on_victim(act, prep, target, accused, roles, ctx)
    accused_refs = {ctx.ref(m) for m, _ in accused}
    if isinstance(target, RawMention) and ctx.ref(target) not in accused_refs:
        role_records.append(RoleRecord("target", ctx.ref(target), evidence, False))
    elif isinstance(target, RawMention):
        target = None
    what = shown if shown is not None and target is not None else target
    label = _frame_label(subject, act, prep, what) if act is not None else None
    return AllegationRecord(
        unnamed_victim=isinstance(target, _Unnamed),
        time=_act_time(clause, act, anchor, ctx) if act is not None else None,
        act=act,
        key=f"{kind}{ctx.offset + anchor.idx}",
        label=label or _label(clause, subject),
        text=text,
        status=status,
        keywords=tuple(sorted(set(keywords))),
        evidence=(evidence,),
        roles=tuple(role_records),
        confidence=confidence,
        dates=dates,
    )


def _by_means(act: str | None, clause: Span) -> str | None:
    """The act done as the means of the act named first: "breached his plea deal by lying
    to prosecutors" says he lied, "undermined the vote by hacking" that they hacked."""
    lex = act_lexicon()
    for tok in clause:
        if act is None or _act_of(tok) != act:
            continue
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ != "by":
                continue
            for means in prep.children:
                found = _act_of(means) if means.dep_ in ("pcomp", "pobj") else None
                if found is not None and found != act and not lex.classes[found].weak:
                    return found
    return act


def _act_time(clause: Span, act: str, anchor: Token, ctx: DocContext) -> str | None:
    """When the act was done (ISO 8601): a date on the word that names the act ("lied in his
    September 2017 testimony", "colluded during the 2016 election", "hacked in 2008"), or on
    the noun a "when" clause tells the time of ("the 2008 campaign, when China hacked ...");
    never a date deeper in its objects ("lying about his role in meddling during 2016" says
    when the meddling was, not the lying)."""
    places: list[Token] = []
    for tok in clause:
        named = _act_of(tok)
        if named == act or (act == "interference" and named in _ELECTORAL_ACTS):
            places += _time_words(tok)
    places += _when_noun(anchor)
    at = {t.i for t in places}
    for date in ctx.dates_in(anchor.sent):
        if any(date.start <= i < date.end for i in at):
            time = normalise(date.text, published=ctx.index.published)
            if time:
                return time
    return None


def _when_noun(verb: Token) -> list[Token]:
    """The noun just before the "when" that opens the clause of ``verb`` (or of the verb it
    is the complement of: "the 2008 campaign, when China was found to have hacked ..."),
    with its modifiers."""
    for clause in (verb, verb.head if verb.dep_ in _COMPLEMENT_DEPS else verb):
        when = next((c for c in clause.children if c.lower_ == "when"), None)
        if when is None or when.i == 0:
            continue
        before = verb.doc[when.i - 1]
        if before.is_punct and when.i > 1:
            before = verb.doc[when.i - 2]
        if before.pos_ in ("NOUN", "PROPN"):
            return [before, *(c for c in before.children if c.dep_ in _DATE_MODIFIERS)]
    return []


def _time_words(tok: Token) -> list[Token]:
    """The words that may say when ``tok`` was done: its temporal modifiers, the objects of
    its prepositions and their own modifiers ("in the 2016 election")."""
    out = [c for c in tok.children if c.dep_ in ("npadvmod", "tmod", "nummod")]
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in _TIME_PREPS:
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    out += [pobj, *(c for c in pobj.children if c.dep_ in _DATE_MODIFIERS)]
    if tok.pos_ == "NOUN":
        out += [c for c in tok.children if c.dep_ in _DATE_MODIFIERS]  # "2016 meddling"
    return out


def _target(
    clause: Span, act: str, ctx: DocContext
) -> tuple[str, RawMention | str, str | None] | tuple[None, None, None]:
    """The one an act was done to: the object of the word that names the act, or the
    object of its preposition ("hacked the DNC", "interfered in the 2016 election", "Russia's
    aggression against Ukraine"); an entity when the object names one (a pronoun resolved),
    else the object's words; and the words a label shows, when they are not the target's name
    ("Clinton's emails" of the target Clinton)."""
    for tok in clause:
        if _act_of(tok) != act and not (act == "interference" and _act_of(tok) in _ELECTORAL_ACTS):
            continue
        # "Clinton's emails got hacked by China": the passive's subject is what was hacked
        objects = [c for c in tok.children if c.dep_ == "nsubjpass"] + list(_objects(tok))
        if tok.dep_ in ("compound", "amod") and _lemma(tok.head) in _GENERIC_ACT_HEADS:
            objects += _objects(tok.head)  # "a hacking operation into Democratic Party servers"
        for obj in objects:
            if act_lexicon().pair(_lemma(tok), _lemma(obj)) == act:
                # "stole emails from the DNC": the emails are the act's, not its target
                objects += [
                    o for o in _objects(obj) if o.dep_ == "pobj" and o.head.lower_ != "with"
                ]
                continue
            prep = obj.head.lower_ if obj.dep_ == "pobj" else ""
            if prep == "with" and act not in _WITH_ACTS:
                continue  # "breached his plea deal with Mueller": a partner, not a victim
            speaker = _unnamed_speaker(obj, ctx)
            if speaker is not None:  # "another accuser said she was groped": the accuser
                who = obj.doc[speaker.left_edge.i : speaker.i + 1].text.lower()
                return prep, _Unnamed(who), None
            m = ctx.mention_at(obj) or ctx.references.resolve(obj)
            if (
                m is not None
                and m.type in ("Country", "Location")
                and prep in _WHERE_PREPS
                and act not in _TERRITORIAL_ACTS
            ):
                continue  # "bribed officials in Prague": where it was done, not to whom
            if m is not None and (m.type != "Location" or act in _TERRITORIAL_ACTS):
                return prep, m, None  # "the annexation of Crimea": the place is the victim
            if obj.pos_ in ("NOUN", "PROPN") and _act_of(obj) is None:
                words = [t for t in obj.subtree if t.i <= obj.i][-_TARGET_WORDS:]
                shown = obj.doc[words[0].i : obj.i + 1].text
                # "hacked Clinton's emails", "the DNC's servers": the owner is the target
                return prep, _owner_entity(obj, ctx) or shown, shown
    return None, None, None  # the next word of the act may name it ("hackers stole emails from")


class _Unnamed(str):
    """The words for a victim the text does not name: the speaker of the claim."""

    __slots__ = ()


def _unnamed_speaker(pron: Token, ctx: DocContext) -> Token | None:
    """Whether a pronoun in what someone says stands for the speaker, who is not named:
    "another accuser told Al.com she was groped" (she is the accuser, not the woman named
    before), "a woman claims he assaulted her"."""
    if pron.pos_ != "PRON" or pron.lower_ not in _PERSONAL_PRONOUNS:
        return None
    plural = pron.lower_ in ("they", "them")
    for verb in pron.ancestors:
        if verb.pos_ != "VERB" or _lemma(verb) not in _CUE_VERBS:
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lower_ in ("who", "that") and verb.dep_ == "relcl":
            subj = verb.head  # "a woman who claims ..."
        if subj is None or subj.pos_ != "NOUN" or (subj.tag_ == "NNS") != plural:
            return None
        unnamed = ctx.mention_at(subj) is None and ctx.references.resolve(subj) is None
        return subj if unnamed else None
    return None


def _owner_entity(noun: Token, ctx: DocContext) -> RawMention | None:
    """The named owner of a thing an act was done to: "Clinton's emails", "Democratic Party
    email servers", "emails from the DNC" (not a place: "servers in Ukraine")."""
    for child in noun.children:
        found = None
        if child.dep_ in ("poss", "compound"):
            found = ctx.mention_at(child) or ctx.references.resolve(child)
        elif child.dep_ == "prep" and child.lower_ in ("of", "from"):
            pobj = next((p for p in child.children if p.dep_ == "pobj"), None)
            found = ctx.mention_at(pobj) if pobj is not None else None
        if found is not None and found.type != "Location" and not found.demonym:
            return found
    return None


def _verbal_attack(
    act: str | None,
    target: RawMention | str | None,
    roles: list[tuple[str, RawMention, bool]],
    ctx: DocContext,
) -> bool:
    """An attack on a person that the person does not allege is words ("Buttigieg started
    attacking Pence"): no allegation.  One the victim alleges is an assault ("she accused
    him of attacking her")."""
    if act not in _PERSONAL_ATTACKS or not isinstance(target, RawMention):
        return False
    if not _is_person(target, ctx):
        return False
    return not any(role == "alleged_by" and _named_alike(m, target) for role, m, _ in roles)


def _act_on_victim(
    act: str | None,
    prep: str | None,
    target: RawMention | str | None,
    accused: list[tuple[RawMention, bool]],
    roles: list[tuple[str, RawMention, bool]],
    ctx: DocContext,
) -> tuple[str | None, str | None, RawMention | str | None]:
    """What the victim makes of an act: an attack on a person is an assault ("accused him of
    attacking her"); one who alleges defamation and names no one else defamed is the one
    defamed ("Gubarev filed a defamation lawsuit against Steele")."""
    if act in _PERSONAL_ATTACKS and isinstance(target, RawMention) and _is_person(target, ctx):
        return _PERSONAL_ATTACKS[act], prep, target
    if act in _CLAIMANT_VICTIM and target is None:
        accused_ids = {(m.start, m.end) for m, _ in accused}
        claimant = next(
            (
                m
                for role, m, _ in roles
                if role == "alleged_by" and (m.start, m.end) not in accused_ids
            ),
            None,
        )
        if claimant is not None and not any(_same(claimant, a) for a, _ in accused):
            return act, None, claimant
    return act, prep, target


def _is_person(m: RawMention, ctx: DocContext) -> bool:
    """A person, or the surname of one named in full in the Doc that spaCy read as an
    organisation ("Ford, a psychology professor")."""
    if m.type == "Person":
        return True
    return " " not in m.text and any(
        p.type == "Person" and " " in p.text and p.text.split()[-1] == m.text for p in ctx.mentions
    )


def _objects(tok: Token) -> Iterator[Token]:
    """A verb's or an act noun's objects, direct first, then those of its prepositions."""
    yield from (c for c in tok.children if c.dep_ in ("dobj", "obj", "dative"))
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in _TARGET_PREPS:
            yield from (p for p in prep.children if p.dep_ == "pobj")


def _frame_label(
    subject: RawMention, act: str, prep: str | None, target: RawMention | str | None
) -> str:
    """ "<accused> <act> <target>": "Russia hacked DNC", "Joe Biden assaulted Tara Reade",
    "Russia offered bounties to Taliban-linked militants"."""
    metonym = subject.demonym or subject.ner == "CAPITAL"
    name = (subject.canonical or subject.text) if metonym else subject.text
    verb = act_lexicon().classes[act].label if act in act_lexicon().classes else act
    if target is None:
        words = verb.split()
        if len(words) > 1 and words[-1] in _TARGET_PREPS:
            verb = " ".join(words[:-1])  # "interfered in" with no object: "interfered"
        return f"{name} {verb}"
    what = target if isinstance(target, str) else (target.canonical or target.text)
    recipient = _RECIPIENT_PREPS.get(act)
    first = what.split()[:1]
    if isinstance(target, str) and first and first[0].lower() in _PREPOSITIONS:
        recipient = None  # "lied about three topics": the words bring their own preposition
    prep = None if act in _DIRECT_TARGETS else (prep or recipient)
    words = verb.split()
    if not prep and len(words) > 1 and words[-1] not in _TARGET_PREPS:
        return f"{name} {verb}"  # "abused its powers": no object for "committed misconduct"
    if prep and not verb.endswith(f" {prep}") and verb.split()[-1] not in _TARGET_PREPS:
        verb = f"{verb} {prep}"  # "offered bounties to", "committed aggression against"
    return f"{name} {verb} {what}"


def _unreal(verb: Token) -> bool:
    """Whether a clause states no deed: a condition or a question ("if Iran breaches the
    deal", "whether Russia meddled"), or a possibility in the present ("Moscow could buy its
    weapons elsewhere"; "may have hacked" reports a deed, hedged)."""
    heads = [verb, *([verb.head] if verb.dep_ in ("conj", "xcomp") else [])]
    if any(c.dep_ == "mark" and c.lower_ in _UNREAL_MARKS for h in heads for c in h.children):
        return True
    auxes = [c for c in verb.children if c.dep_ == "aux"]
    modal = any(a.lower_ in _UNREAL_MODALS for a in auxes)
    perfect = any(a.lemma_ == "have" for a in auxes)
    return modal and not perfect


def _electoral(act: str | None, clause: Span) -> str | None:
    """Hacking, attacks or disinformation aimed at an election are election interference
    ("cyber-attacks that targeted the U.S. election", "trolls ... to sway the vote")."""
    if act in _ELECTORAL_ACTS and any(_lemma(t) in _ELECTION_WORDS for t in clause):
        return "interference"
    return act


def _same(a: RawMention, b: RawMention) -> bool:
    """Whether two mentions name one entity: the same span, gazetteer id or person's surname."""
    if (a.start, a.end) == (b.start, b.end) or (a.gid is not None and a.gid == b.gid):
        return True
    return (
        a.type == b.type == "Person"
        and a.text.lower().split()[-1:] == b.text.lower().split()[-1:] != []
    )


def _label(clause: Span, subject: RawMention) -> str:
    """A short statement: the claim clause with its subject named plainly."""
    # the accused as the text names it ("the FBI"), a demonym by its state ("Russia")
    name = (subject.canonical or subject.text) if subject.demonym else subject.text
    root = clause.root
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    first = (
        subj.left_edge.i
        if subj is not None
        else next((t.i for t in clause if t.dep_ != "mark"), clause.start)
    )
    if subj is None and clause.start <= subject.tok_start < first:
        first = subject.tok_start
    text = clause.doc[max(first, clause.start) : clause.end].text
    if not any(
        clause.start <= t < clause.end for t in range(subject.tok_start, subject.tok_end)
    ) and (clause.root.tag_ == "VBG" or clause.root.pos_ == "NOUN"):
        text = f"{name} {text[:1].lower() + text[1:]}" if not subject.demonym else text
    if subject.demonym:
        # "the Russian government offered" -> "Russia offered"
        for tok in clause:
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i >= tok.i:
                np = clause.doc[tok.left_edge.i : tok.i + 1]
                if any(t.lower_ == subject.text.lower() for t in np):
                    text = text.replace(np.text, name, 1)
                break
    text = re.sub(r"\s+", " ", text).strip().strip("“”\"' ,.;:—-")
    if len(text) > 160:
        text = text[:157].rsplit(" ", 1)[0] + "..."
    return text[:1].upper() + text[1:]


def _claims(sent: Span, ctx: DocContext) -> Iterator[AllegationRecord]:
    for tok in sent:
        if tok.pos_ not in ("VERB", "NOUN"):
            continue  # every cue below is a verb or a noun: no lemma to look up
        lemma = _lemma(tok)
        if tok.pos_ == "VERB" and lemma in _ACCUSE_VERBS and lemma not in _CUE_VERBS:
            yield from _accusation(tok, sent, ctx)
        elif tok.pos_ == "VERB" and lemma in _DESCRIBING:
            yield from _described_as(tok, sent, ctx)
        elif tok.pos_ == "VERB" and lemma in _CUE_VERBS:
            clauses = [
                c
                for c in tok.children
                if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")
            ] or _misparsed_complements(tok)
            if lemma in _DIRECTIVES and any(c.dep_ in ("dobj", "dative") for c in tok.children):
                # "Steele told him to pass the information to the media": an order, no claim
                # that he did; the one who gave it is accused in a claim that he did
                clauses = [c for c in clauses if c.dep_ != "xcomp"]
            own_subject = any(c.dep_ == "nsubj" for c in tok.children)
            # "“Trump directed ...,” officials told Just Security": the claim comes first
            clauses += [
                c
                for c in tok.children
                if c.dep_ in ("advcl", "parataxis")
                and c.i < tok.i
                and own_subject
                and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
            ]
            if (
                tok.dep_ in ("ccomp", "parataxis")
                and own_subject
                and tok.head.i < tok.i
                and tok.head.pos_ in ("VERB", "AUX")
                and _lemma(tok.head) not in _CUE_VERBS
            ):
                clauses.append(tok.head)
            claimants = _claimants(tok, sent, ctx)
            recipients = _recipients(tok, ctx)
            for clause_verb in clauses:
                yield from _claim_clause(tok, clause_verb, sent, ctx, claimants, recipients)
            if lemma in _ACCUSE_VERBS:
                yield from _accusation(tok, sent, ctx)
        elif tok.pos_ == "NOUN" and lemma in _CUE_NOUNS and not _denied_noun(tok):
            clauses = [
                c
                for c in tok.children
                if (
                    c.dep_ in ("acl", "ccomp", "relcl")
                    and c.pos_ in ("VERB", "AUX")
                    and any(
                        m.lower_ in ("that", "indicating") or m.dep_ == "mark" for m in c.children
                    )
                )
                or (c.dep_ == "acl" and c.lower_ == "indicating")
            ] + _gerund_complements(tok, ctx)
            if not clauses:
                continue
            claimants = _noun_claimants(tok, ctx) + _according_to(sent, ctx)
            for clause_verb in clauses:
                target = clause_verb
                if clause_verb.lower_ == "indicating":
                    target = next(
                        (c for c in clause_verb.children if c.dep_ == "ccomp"), clause_verb
                    )
                yield from _claim_clause(tok, target, sent, ctx, claimants, [])


def _described_as(verb: Token, sent: Span, ctx: DocContext) -> Iterator[AllegationRecord]:
    """ "Trump called Comey a liar", "describes Mr Mueller as conflicted": whoever is called
    by an act word is accused of the act, by who calls them so."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or any(c.dep_ == "neg" for c in verb.children):
        return
    words = [
        t
        for c in verb.children
        if c.dep_ == "oprd"
        or (c.dep_ == "prep" and c.lower_ == "as")
        or (c.dep_ == "advcl" and any(m.lower_ == "as" for m in c.children))
        for t in c.subtree
    ]
    acts = _acts_in(words)
    accused = _entities(obj, ctx)
    callers = _claimants(verb, sent, ctx) or inherited_subjects(verb, ctx)
    holder = verb if verb.dep_ not in ("advcl", "xcomp", "conj") else verb.head
    callers = callers or [
        x for c in holder.children if c.dep_ == "nsubj" for x in _entities(c, ctx)
    ]
    if any(_same(m, c) for m, _ in accused for c, _ in callers):
        return  # "Giuliani questioned Cohen, calling him a liar": "him" is not Giuliani
    if not acts or not accused:
        return
    clause = sent.doc[verb.i : max(t.i for t in words) + 1]
    claimants = [("alleged_by", m, a) for m, a in callers]
    record = _record("c", verb, sent, ctx, accused, (*acts, "accusation"), clause, claimants)
    if record is not None:
        yield record


def _statement_claims(
    sent: Span, ctx: DocContext, said: Mapping[Evidence, list[StatementRecord]]
) -> Iterator[AllegationRecord]:
    """Claims read from the statements whose cue is in ``sent`` (who said what,
    :mod:`kgraph.extract.statements`): a clause of what was said whose subject is an actor
    and whose words name an act; the speaker, and the body spoken for, allege it."""
    doc = sent.doc
    size = len(ctx.index.text)
    for st in said.get(ctx.evidence(sent), ()):
        cue = _char_span(doc, st.cue[0] - ctx.offset, st.cue[1] - ctx.offset, size, "expand")
        content = _char_span(
            doc, st.content[0] - ctx.offset, st.content[1] - ctx.offset, size, "contract"
        )
        if cue is None or content is None or not len(cue) or not len(content):
            continue
        if any(_lemma(t) in _DENY for t in cue):
            continue  # "the Kremlin denied that Russia attacked": a denial (_denied_acts)
        claimants = [
            (m, anonymous)
            for ref, anonymous in ((st.speaker, st.anonymous), (st.on_behalf_of, False))
            if (m := ctx.mention(ref)) is not None
        ]
        for verb in _content_clauses(content):
            yield from _claim_clause(
                cue[0], verb, ctx.index.sentence_of(verb.i), ctx, claimants, []
            )


def _char_span(doc: Doc, start: int, end: int, size: int, mode: str) -> Span | None:
    """The tokens of characters ``start:end`` of ``doc`` (cut to the Doc), if any."""
    start, end = max(0, start), min(size, end)
    if start >= end:
        return None
    try:
        return doc.char_span(start, end, alignment_mode=mode)
    except IndexError:  # spaCy cannot align the edges (whitespace tokens): no span
        return None


def _statements_of(ctx: DocContext) -> dict[Evidence, list[StatementRecord]]:
    """The statements of a Doc by the sentence of their cue (found once per Doc)."""
    out: dict[Evidence, list[StatementRecord]] = {}
    for st in ctx.statements:
        out.setdefault(st.evidence, []).append(st)
    return out


def _content_clauses(content: Span) -> list[Token]:
    """The clauses of a statement's content: its verbs governed from outside it, and verbs
    joined to them with a subject of their own ("X paid militants and Y armed them")."""
    tops = [
        t
        for t in content
        if _is_clause_verb(t) and not (content.start <= t.head.i < content.end and t.head.i != t.i)
    ]
    joined = [
        c
        for t in tops
        for c in t.conjuncts
        if content.start <= c.i < content.end
        and _is_clause_verb(c)
        and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
    ]
    return list(dict.fromkeys(tops + joined))


def _is_clause_verb(tok: Token) -> bool:
    return tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ not in ("aux", "auxpass"))


def _denied_noun(noun: Token, *, subject: bool = True) -> bool:
    """ "no allegations that ...", "there is no evidence that ...": a noun that says there
    is none states no claim; with ``subject``, a subject of a negated verb too ("no
    evidence has emerged", "the report did not say"; not for an act that "is not a hoax")."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        above = _lemma(noun.head.head)
        if above in _LACKS or above in _CLEARING:
            return True  # "a lack of evidence implicating Huawei", "cleared of collusion"
    if _after_nor(noun):
        return True  # "neither conspiracy nor obstruction": the second one too
    deps = ("dobj", "attr", "nsubj") if subject else ("dobj", "attr")
    return any(
        c.dep_ in ("det", "preconj") and c.lower_ in _NONE_DETS for c in noun.children
    ) or any(c.dep_ == "neg" for c in noun.head.children if noun.dep_ in deps)


def _said_to_be_none(tok: Token, *, own_subject: bool = True) -> bool:
    """Whether an act word sits under a noun that says there is none, up to its clause's
    verb ("found no facts of collusion", "no evidence of hacking"); ``own_subject``: see
    :func:`_denied_noun` (for the act word itself)."""
    node = tok
    for _ in range(6):
        if node.pos_ == "NOUN" and _denied_noun(node, subject=own_subject or node is not tok):
            return True
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _is_claim_noun(noun: Token) -> bool:
    return _lemma(noun) in _CUE_NOUNS


def _under_noun(inner: Token, top: Token, test: Callable[[Token], bool]) -> bool:
    """Whether a noun that passes ``test`` governs ``inner`` below ``top``: one that says there
    is none ("there were no allegations that X committed a crime"), or a claim noun whose
    claim is its holder's, not the speaker's ("said that claims by X that ... were false")."""
    tok = inner
    while tok.i != top.i and tok.head.i != tok.i:
        tok = tok.head
        if tok.pos_ == "NOUN" and test(tok):
            return True
    return False


def _misparsed_complements(cue: Token) -> list[Token]:
    """A "that" clause of a cue verb that the parser hung off a noun before it ("acknowledged
    for the first time that Russia was behind ...": a relative clause of "time")."""
    return [
        t
        for t in cue.subtree
        if t.i > cue.i
        and t.dep_ == "relcl"
        and t.head.i > cue.i
        and t.head.head.i in (cue.i, *(c.i for c in cue.children))
        and any(c.lower_ == "that" and c.dep_ in ("mark", "advmod") for c in t.children)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
    ]


def _misparsed_that_clause(noun: Token) -> list[Token]:
    """The "that" clause just after a noun that the parser hung off a verb before it ("went
    public with her allegation that Kavanaugh assaulted her": an adverbial clause of
    "went")."""
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if after is None or after.lower_ != "that" or after.dep_ != "mark":
        return []
    verb = after.head
    if verb.head.i >= noun.i or verb in noun.ancestors or noun in verb.subtree:
        return []
    return [verb] if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) else []


def _noun_claimants(noun: Token, ctx: DocContext) -> list[tuple[RawMention, bool]]:
    """Who holds a report or an assessment: its owner, its "by X", or the one who trusts it."""
    out: list[tuple[RawMention, bool]] = []
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "amod"):
            m = ctx.mention_at(child) or ctx.references.resolve(child)
            if m is not None:
                out.append((m, m.demonym))
        elif child.dep_ == "prep" and child.lower_ in ("by", "from"):
            for pobj in child.children:
                out += _entities(pobj, ctx)
        elif child.dep_ == "acl":  # "allegations made by Julie Swetnick"
            out += [x for pobj in _agents(child) for x in _entities(pobj, ctx)]
    if not out:
        head = noun.head
        while head.pos_ not in ("VERB", "AUX", "ADJ") and head.head.i != head.i:
            head = head.head
        while head.pos_ == "ADJ" and head.head.i != head.i:
            head = head.head  # "became confident in intelligence reports"
        if _lemma(head) in _DENY or _lemma(head) in _NOT_HOLDING:
            return out
        for child in head.children:
            if child.dep_ == "nsubj":
                out += _entities(child, ctx)
    return out


def _claimant_roles(
    cue: Token, claimants: list[tuple[RawMention, bool]]
) -> list[tuple[str, RawMention, bool]]:
    """The roles of who says a claim: an outlet that reports it ("BuzzFeed reported",
    "CNN reported that ...") tells it, it does not allege it; anyone else alleges it."""
    reports = _lemma(cue) in _REPORTING_CUES
    return [
        ("reported_by" if reports and m.subtype == "media" else "alleged_by", m, a)
        for m, a in claimants
    ]


def _claim_clause(
    cue: Token,
    verb: Token,
    sent: Span,
    ctx: DocContext,
    claimants: list[tuple[RawMention, bool]],
    recipients: list[tuple[RawMention, bool]],
) -> Iterator[AllegationRecord]:
    """The allegation a clause of what ``cue`` says states: the clause's own act, else the
    first act clause nested in it ("warned X against Moscow paying bounties")."""
    clause = _clause_span(cue, verb, sent)
    roles = _claimant_roles(cue, claimants) + [("reported_by", m, a) for m, a in recipients]
    roles += _reported_by(sent, ctx)
    nested = (t for t in verb.subtree if t.i != verb.i and _is_clause_verb(t))
    for inner in (verb, *nested):
        if inner.i != verb.i and not _has_subject(inner) and _gerund_subject(inner, ctx) is None:
            continue
        if _unreal(inner) or _under_noun(inner, verb, _denied_noun):
            continue  # "if Iran fails to implement ...", "Moscow could buy arms elsewhere"
        if _under_noun(inner, verb, _is_claim_noun):
            continue  # "said that claims by X that Russia ... were groundless": X's claim
        inner_clause = clause if inner.i == verb.i else _clause_span(cue, inner, sent)
        record = _inner_claim(cue, verb, inner, inner_clause, sent, ctx, claimants, roles)
        if record is not None:
            yield record
            return


def _clause_span(cue: Token, verb: Token, sent: Span) -> Span:
    """The words of ``verb``'s clause: not the cue inside it ("Russia, officials said,
    paid ..."), nor a clause joined to it with a subject of its own ("X hacked the DNC and
    that Y meddled ...": that one is read as a claim of its own)."""
    doc = sent.doc
    start, end = verb.left_edge.i, verb.right_edge.i + 1
    if start <= cue.i < end and verb.i != cue.head.i and cue.left_edge.i > start:
        end = cue.left_edge.i
    for conj in verb.children:
        if conj.dep_ == "conj" and _is_clause_verb(conj) and _has_subject(conj):
            cut = min([conj.left_edge.i, *(c.i for c in verb.children if c.dep_ == "cc")])
            if start < cut < end:
                end = cut
    return doc[start:end]


def _inner_claim(
    cue: Token,
    verb: Token,
    inner: Token,
    clause: Span,
    sent: Span,
    ctx: DocContext,
    claimants: list[tuple[RawMention, bool]],
    roles: list[tuple[str, RawMention, bool]],
) -> AllegationRecord | None:
    """The record of one act clause of a claim, if it names an actor and an act."""
    accused = _clause_subjects(inner, ctx)
    strong = _lemma(cue) in _STRONG_CUES
    predicate = _predicate_tokens(inner)
    keywords = _acts_in(predicate, weak=strong or _contested(cue))
    if (
        not keywords
        and strong
        and inner.i == verb.i
        and inner.pos_ == "VERB"
        and _lemma(inner) not in _LIGHT_VERBS
    ):
        # "Walker alleged that Pantaleo falsely arrested him": "allege" makes any act an
        # allegation; the act is the verb's
        keywords = (_lemma(inner),)
    keywords = _own_acts(predicate, keywords, accused, ctx)
    if not accused or not keywords:
        return None
    gerund = _gerund_subject(inner, ctx)
    if gerund is not None and not any(c.dep_ in ("nsubj", "nsubjpass") for c in inner.children):
        clause = sent.doc[min(gerund.tok_start, clause.start) : clause.end]
    negated = _negated_verb(inner)  # "did not", "never", "did nothing illegal", "neither ... nor"
    if not negated:
        return _record("c", inner, sent, ctx, accused, keywords, clause, roles)
    if not claimants:
        return None  # "that Kavanaugh did not lie under oath", said by no one named
    # "Putin's denial that the Kremlin did not interfere": a denial of the claim
    roles, status = _denial_roles(claimants, accused, ctx)
    record = _record("c", inner, sent, ctx, accused, keywords, clause, roles)
    if record is None:
        return None
    label = re.sub(r"\s*\b(?:not|never)\b|n[’']t\b", "", record.label)
    return replace(record, label=label[:1].upper() + label[1:], status=status)


def _after_nor(tok: Token) -> bool:
    """Whether ``tok`` is the conjunct after "nor" ("neither X nor Y": Y)."""
    return tok.dep_ == "conj" and any(
        c.dep_ == "cc" and c.lower_ == "nor" for c in tok.head.children
    )


def _negated_verb(verb: Token) -> bool:
    """Whether a verb says its act was not done: "did not", "never", "did nothing illegal",
    "had neither bribed officials nor obstructed the inquiry" (both verbs)."""
    if _after_nor(verb):
        return True
    return any(
        c.dep_ == "neg"
        or c.lower_ == "never"
        or (c.dep_ == "preconj" and c.lower_ == "neither")
        or (c.dep_ == "dobj" and c.lower_ == "nothing")
        for c in verb.children
    )


def _contested(cue: Token) -> bool:
    """Whether a claim noun is what someone denies or derides ("denied reports that he
    ordered the firing of Mueller", "described as fake news a report that ..."): that
    makes what it says an allegation, however plain its act."""
    return (
        cue.pos_ == "NOUN"
        and cue.dep_ in ("dobj", "nsubjpass")
        and cue.head.pos_ == "VERB"
        and (_lemma(cue.head) in _DENY or _lemma(cue.head) in _NAMERS)
    )


def _reported_by(sent: Span, ctx: DocContext) -> list[tuple[str, RawMention, bool]]:
    out = []
    for tok in sent:
        if tok.pos_ == "VERB" and _lemma(tok) == "report":
            for child in tok.children:
                if child.dep_ == "agent":
                    for pobj in child.children:
                        out += [("reported_by", m, a) for m, a in _entities(pobj, ctx)]
    return out


def _accusation(verb: Token, sent: Span, ctx: DocContext) -> Iterator[AllegationRecord]:
    """ "X accused Y (of Z)", "Y was charged (by X) with Z", "X sued Y for Z"."""
    lemma = _lemma(verb)
    preps = _ACCUSE_VERBS.get(lemma, ("of", "for"))
    if any(c.dep_ == "neg" or c.lower_ == "never" for c in verb.children):
        return  # "Page was never charged with any wrongdoing"
    if _said_to_be_none(verb.head) or any(
        c.dep_ == "nsubj" and _denied_noun(c) for c in verb.head.children if verb.dep_ != "ROOT"
    ):
        return  # "no evidence has emerged to implicate him", "no evidence that X accused Y"
    act_object = next((c for c in verb.children if c.dep_ == "dobj" and _act_of(c)), None)
    # "blamed the attack on Russia" ("on" hung off the verb, or off the act by the parser)
    blamed_on = [
        c
        for c in (*verb.children, *(act_object.children if act_object is not None else ()))
        if c.dep_ == "prep" and c.lower_ == "on"
    ][:1]
    if lemma == "blame" and act_object is not None and blamed_on:
        yield from _blamed_on(verb, act_object, blamed_on, sent, ctx)
        return
    accused, claimants = _accusation_parties(verb, sent, ctx)
    if not accused:
        return
    accused_tokens = {
        t.i for child in verb.children if child.dep_ in ("dobj", "nsubjpass") for t in child.subtree
    }
    act_prep = _act_prep(verb, preps, accused_tokens)
    acts_of = [act_prep] if act_prep is None else [act_prep, *_joined_preps(act_prep)]
    for prep in acts_of:
        yield from _accusation_record(
            verb, prep, sent, ctx, accused, claimants, accused_tokens, set(acts_of) - {prep}
        )


def _accusation_parties(
    verb: Token, sent: Span, ctx: DocContext
) -> tuple[list[tuple[RawMention, bool]], list[tuple[RawMention, bool]]]:
    """Who is accused (the object, or the passive's subject) and who accuses (the subject,
    "by X", the understood subject of "By suing X, the DNC ...", "according to X")."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    accused: list[tuple[RawMention, bool]] = []
    claimants: list[tuple[RawMention, bool]] = []
    for child in verb.children:
        if child.dep_ == ("nsubjpass" if passive else "dobj"):
            accused += _entities(child, ctx)
        elif child.dep_ == "agent":
            for pobj in child.children:
                claimants += _entities(pobj, ctx)
    if not passive:
        claimants += _claimants(verb, sent, ctx)
        if not claimants:
            # "By suing the Trump campaign, the DNC ...": the understood subject
            claimants += inherited_subjects(verb, ctx)
    else:
        claimants += _according_to(sent, ctx)
    return accused, claimants


def _act_prep(verb: Token, preps: tuple[str, ...], accused_tokens: set[int]) -> Token | None:
    """The preposition that governs the accused act: "of arming the Taliban"; a misattached
    "of" ("accused Beijing this month of"); one hung off the object ("accused Gubarev and
    his companies of hacking")."""
    own = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in preps), None)
    if own is not None:
        return own
    later = (
        t
        for t in verb.subtree
        if t.i > verb.i
        and t.dep_ == "prep"
        and t.lower_ in preps
        and t.i not in accused_tokens
        and t.head.dep_ != "pobj"
    )
    found = next(later, None)
    if found is not None:
        return found
    return next(
        (
            t
            for t in verb.subtree
            if t.i in accused_tokens
            and t.dep_ == "prep"
            and t.lower_ in preps
            and any(p.tag_ == "VBG" or _act_of(p) for p in t.children)
        ),
        None,
    )


def _blamed_on(
    verb: Token, act: Token, on: list[Token], sent: Span, ctx: DocContext
) -> Iterator[AllegationRecord]:
    """ "Officials blamed the attack on Russia": the one it is blamed on is accused (and no
    one, when it is blamed on no actor: "blamed the attack on Islamic extremism")."""
    accused = [x for prep in on for pobj in prep.children for x in _entities(pobj, ctx)]
    keywords = _acts_in(list(act.subtree), weak=True)
    claimants = _claimants(verb, sent, ctx) or inherited_subjects(verb, ctx)
    clause = sent.doc[verb.i : on[-1].right_edge.i + 1]
    record = _record(
        "c",
        verb,
        sent,
        ctx,
        accused,
        keywords,
        clause,
        [("alleged_by", m, a) for m, a in claimants],
    )
    if record is not None:
        yield record


def _joined_preps(prep: Token) -> list[Token]:
    """The prepositions joined to the one that names an accused act ("for election
    interference and for its military aggression"): each names an act of its own."""
    return [c for c in prep.conjuncts if c.dep_ == "conj" and c.lower_ == prep.lower_]


def _accusation_record(
    verb: Token,
    act_prep: Token | None,
    sent: Span,
    ctx: DocContext,
    accused: list[tuple[RawMention, bool]],
    claimants: list[tuple[RawMention, bool]],
    accused_tokens: set[int],
    others: set[Token | None],
) -> Iterator[AllegationRecord]:
    """The record of one accused act (``act_prep`` governs it) of an accusation verb."""
    lemma = _lemma(verb)
    if act_prep is not None:
        skip = {
            t.i
            for c in act_prep.subtree
            if c.dep_ in ("relcl", "appos")
            or (c.dep_ == "punct" and c.i > act_prep.i + 1)
            or c in others
            or (c.dep_ == "cc" and c.head.i == act_prep.i)
            for t in c.subtree
        }
        act_tokens = [t for t in list(act_prep.subtree)[1:] if t.i not in skip]
    else:
        act_tokens = [t for t in verb.subtree if t.i > verb.i and t.i not in accused_tokens]
    acts = _acts_in(act_tokens)
    if lemma in _PUNISH_VERBS and (act_prep is None or not acts):
        return  # "condemned Russia's policies": a punishment names its deed or accuses no one
    word = _ACCUSATION_WORD.get(lemma, "accusation")
    keywords = (*acts, word)
    confirms = lemma in _VERDICT_VERBS and bool(acts)
    if act_prep is not None and act_tokens:
        clause = sent.doc[act_tokens[0].i : act_tokens[-1].i + 1]
    else:
        clause = sent.doc[verb.left_edge.i : verb.right_edge.i + 1]
    record = _record(
        "c" if not others or act_prep is None else f"c{act_prep.i}-",
        verb,
        sent,
        ctx,
        accused,
        keywords,
        clause,
        [("confirmed_by" if confirms else "alleged_by", m, a) for m, a in claimants],
        status="confirmed" if confirms else "alleged",
    )
    if record is None:
        return
    if act_prep is not None and act_tokens:
        # the text is the accusation as found: "accused X of leaking the meeting to CNN",
        # "X was charged with lying to Congress" (the act alone says less than the clause)
        start = min([verb.i, *(i for i in accused_tokens if i < verb.i)])
        found = sent.doc[start : act_tokens[-1].i + 1].text
        record = replace(record, text=re.sub(r"\s+", " ", found).strip(" ,.;:"))
    if act_prep is None or all(t.pos_ in ("PRON", "DET") for t in act_tokens):
        # nothing but the accusation itself ("blamed Russia for that"): say who accused whom
        names = [m.canonical or m.text for m, _ in accused]
        by = [m.canonical or m.text for m, _ in claimants]
        label = f"{word.capitalize()} against {' and '.join(names)}"
        if by:
            label += f" by {' and '.join(by)}"
        record = replace(record, label=label)
    yield record


def _hedged_accounts(sent: Span, ctx: DocContext) -> Iterator[AllegationRecord]:
    """ "a supposed trip Mr. Cohen took to Prague to devise a plan to cover up ...": a noun
    the writer hedges ("alleged", "supposed", "purported") with a relative clause states a
    claim of what that clause's subject did; not a clause of saying ("the alleged victim
    who said ..."), nor a clause of it with a subject of its own."""
    for noun in sent:
        if noun.pos_ != "NOUN" or not any(c.lower_ in _HEDGES for c in noun.children):
            continue
        for verb in (c for c in noun.children if c.dep_ == "relcl" and _is_clause_verb(c)):
            if _lemma(verb) in _CUE_VERBS:
                continue
            accused = [
                x
                for c in verb.children
                if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in _RELATIVES
                for x in _entities(c, ctx)
            ]
            own = [t for t in verb.subtree if not _inside_own_clause(t, verb)]
            acts = _acts_in([t for t in own if t.i >= verb.i])
            if not accused or not acts:
                continue
            clause = sent.doc[verb.left_edge.i : verb.right_edge.i + 1]
            record = _record("h", verb, sent, ctx, accused, acts, clause, [])
            if record is not None:
                yield record


def _inside_own_clause(tok: Token, top: Token) -> bool:
    """Whether ``tok`` is in a clause under ``top`` that has a subject of its own."""
    while tok.i != top.i:
        if _is_clause_verb(tok) and _has_subject(tok):
            return True
        tok = tok.head
    return False


def _guilty_pleas(sent: Span, ctx: DocContext) -> Iterator[AllegationRecord]:
    """ "Gates pleaded guilty to conspiracy and lying to the FBI": a guilty plea confirms the
    acts it names, the one who pleads confirms them; a plea of not guilty denies nothing
    here (the stance layer reads denials)."""
    for verb in sent:
        if _lemma(verb) not in _PLEAD:
            continue
        if any(c.dep_ == "neg" or c.lower_ == "not" for c in verb.subtree if c.i < verb.i + 3):
            continue
        accused = [
            x for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for x in _entities(c, ctx)
        ]
        guilty = [c for c in verb.children if c.lower_ in _GUILTY]
        if not guilty or not accused:
            continue
        heads = [verb, *guilty]  # "pleaded guilty to fraud": the "to" of either word
        for prep in (c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "to"):
            act_tokens = [t for t in prep.subtree if t.i != prep.i]
            acts = _acts_in(act_tokens)
            if not acts:
                continue
            clause = sent.doc[verb.i : act_tokens[-1].i + 1]
            record = _record(
                "g",
                verb,
                sent,
                ctx,
                accused,
                acts,
                clause,
                [("confirmed_by", m, a) for m, a in accused],
                status="confirmed",
            )
            if record is not None:
                yield record


def _allegation_nouns(sent: Span, ctx: DocContext) -> Iterator[AllegationRecord]:
    """ "her allegation against Joe Biden", "Reade's accusation that he assaulted her",
    "the Justice Department announced charges against X"."""
    for tok in sent:
        if tok.pos_ != "NOUN":
            continue
        word = _ALLEGATION_NOUNS.get(_lemma(tok))
        if word is None or _denied_noun(tok):
            continue
        accused: list[tuple[RawMention, bool]] = []
        clause_verb: Token | None = None
        # "allegations against X", "allegations made by Y against X"
        against = [
            p
            for c in (tok, *(c for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN"))
            for p in c.children
            if p.dep_ == "prep" and p.lower_ == "against"
        ]
        for prep in against:
            for pobj in prep.children:
                accused += _entities(pobj, ctx)
        for child in [*tok.children, *_misparsed_that_clause(tok)]:
            if (
                child.dep_ in ("acl", "ccomp", "relcl", "advcl")
                and child.pos_ in ("VERB", "AUX")
                and any(m.lower_ == "that" and m.dep_ == "mark" for m in child.children)
            ):
                clause_verb = child
                accused += _clause_subjects(child, ctx)
        if not accused:
            continue
        # the owner ("Reade's accusation"), "by X", or who brings it ("announced charges")
        claimants = _noun_claimants(tok, ctx)
        act_tokens = [t for t in tok.subtree if t.i != tok.i]
        if clause_verb is not None:
            act_tokens += _predicate_tokens(clause_verb)
        keywords = (*_acts_in(act_tokens), word)
        clause = (
            sent.doc[clause_verb.left_edge.i : clause_verb.right_edge.i + 1]
            if clause_verb is not None
            else sent.doc[tok.left_edge.i : tok.right_edge.i + 1]
        )
        record = _record(
            "n",
            tok,
            sent,
            ctx,
            accused,
            keywords,
            clause,
            [("alleged_by", m, a) for m, a in claimants],
        )
        if record is not None:
            yield record


def _act_nouns(sent: Span, ctx: DocContext) -> Iterator[AllegationRecord]:
    """ "the Russian bounties", "Russia's arms program", "a scheme organized by X"."""
    claim_cue = next((t for t in sent if t.pos_ == "VERB" and _lemma(t) in _NOUN_CLAIM_CUES), None)
    for tok in sent:
        found = _act_noun(tok)
        if found is None:
            continue
        head, act = found
        accused = _act_noun_doers(head, sent, ctx)
        if not accused:
            continue
        states = [(m, a) for m, a in accused if m.type == "Country"]
        accused = states or accused  # a state beside a group it works with is the one accused
        if act in _BODILY_ACTS:
            accused = [(m, a) for m, a in accused if m.type == "Person"]
            if not accused:
                continue
        roles: list[tuple[str, RawMention, bool]] = []
        if claim_cue is not None:
            roles += _claimant_roles(claim_cue, _claimants(claim_cue, sent, ctx))
        roles += _reported_by(sent, ctx) + _raised_by(sent, ctx)
        np = sent.doc[head.left_edge.i : head.right_edge.i + 1]
        if len(np) > 25:
            np = sent.doc[head.left_edge.i : head.i + 1]
        record = _record("n", head, sent, ctx, accused, (act,), np, roles)
        if record is not None:
            yield record


def _act_noun(tok: Token) -> tuple[Token, str] | None:
    """The noun that names a (not weak) act and the act: "bounties", "the arms program"."""
    if tok.pos_ != "NOUN" or _lemma(tok) in _NOT_ACT_NOUNS:
        return None
    act = _act_of(tok)
    if act is None and _lemma(tok) in _GENERIC_ACT_HEADS:
        inner = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod") and _act_of(c)]
        act = _act_of(inner[0]) if inner else None
    if act is None or _said_to_be_none(tok, own_subject=False):
        return None  # "found no collusion", "neither conspiracy nor obstruction"
    if act == "support" and any(c.lower_ in _ARMED for c in tok.children):
        act = "arming"  # "military aid"
    if act_lexicon().classes[act].weak:
        return None
    if tok.dep_ == "compound" and _lemma(tok.head) in _GENERIC_ACT_HEADS:
        return None  # a compound inside a larger act phrase is handled at its head
    return tok, act


def _act_noun_doers(head: Token, sent: Span, ctx: DocContext) -> list[tuple[RawMention, bool]]:
    """Who did the act a noun names: its modifiers ("the Russian/Taliban arms program",
    modifiers of modifiers too), its possessor, "organized by X", "by X"."""
    accused: list[tuple[RawMention, bool]] = []
    for child in head.children:
        if child.dep_ in ("amod", "poss", "compound", "nmod"):
            mods = [child]
            if _lemma(child) not in _ELECTION_WORDS and not _non_state_doer(child):
                mods += [g for g in child.children if g.dep_ in ("amod", "compound", "nmod")]
            for mod in mods:
                m = ctx.mention_at(mod) or ctx.references.resolve(mod)
                if m is None or _whose_modifier(m, head, sent):
                    continue
                if m.type != "Person" or mod.dep_ == "poss":
                    accused.append((m, False))
        elif child.dep_ == "acl":
            accused += [x for pobj in _agents(child) for x in _entities(pobj, ctx)]
        elif child.dep_ == "prep" and child.lower_ == "by":
            accused += [x for pobj in child.children for x in _entities(pobj, ctx)]
    return accused


def _whose_modifier(m: RawMention, head: Token, sent: Span) -> bool:
    """ "US election meddling": the US is whose election it was, not who meddled; "US media
    bias": whose media."""
    after = sent.doc[min(m.tok_end, len(sent.doc) - 1)]
    if after.i >= head.i:
        return False
    return _non_state_doer(after) or (not m.demonym and _lemma(after) in _ELECTION_WORDS)


def _non_state_doer(tok: Token) -> bool:
    """Whether a noun names doers who are no organ of their state ("media", "companies")."""
    return tok.lower_ in _NON_STATE_DOERS or _lemma(tok) in _NON_STATE_DOERS


def _raised_by(sent: Span, ctx: DocContext) -> list[tuple[str, RawMention, bool]]:
    """ "support ... raised publicly by Defense Secretary James Mattis": who raised it."""
    roles: list[tuple[str, RawMention, bool]] = []
    for verb in sent:
        if (
            verb.pos_ == "VERB"
            and _lemma(verb) in _RAISERS
            and _lemma(verb) != "report"
            and not any(c.dep_ == "neg" or c.lower_ in ("never", "not") for c in verb.children)
        ):
            for pobj in _agents(verb):
                roles += [("alleged_by", m, a) for m, a in _entities(pobj, ctx)]
    return roles


def _refers_to(np: Token, state: _State, ctx: DocContext) -> AllegationRecord | None:
    """The allegation a noun phrase ("the reports on the bounties", "Ford's allegation")
    refers to."""
    keywords = {_act_of(t) for t in np.subtree} - {None}
    is_reference = (
        _lemma(np) in _CUE_NOUNS
        or bool(keywords)
        or _lemma(np) in _GENERIC_ACT_HEADS
        or _lemma(np) in _REFERENCE_WORDS
    )
    if not is_reference or not state.records:
        return None
    owner = _owner_of(np, ctx)
    if owner is not None:
        # "Ford's allegation", "her account", "the incident described by Ramirez": the
        # latest one she alleged or suffered, before any that only shares the act
        for record in reversed(state.records):
            for r in record.roles:
                m = ctx.mention(r.entity) if r.role in ("alleged_by", "target") else None
                if m is not None and _named_alike(m, owner):
                    return record
    for record in reversed(state.records):
        if keywords & set(record.keywords):
            return record
    if keywords:
        return None
    return state.records[-1]


def _owner_of(np: Token, ctx: DocContext) -> RawMention | None:
    """The entity a noun phrase's possessor names ("Ford's", "her"), or who made or told
    it ("the incident described by Ramirez", "the claims made by Swetnick"), if any."""
    for c in np.children:
        if c.dep_ == "poss":
            m = ctx.mention_at(c) or ctx.references.resolve(c)
            if m is not None:
                return m
        if c.dep_ == "acl":
            for pobj in _agents(c):
                m = ctx.mention_at(pobj) or ctx.references.resolve(pobj)
                if m is not None:
                    return m
    return None


def _agents(verb: Token) -> list[Token]:
    """Who a passive verb's "by" names ("made by Julie Swetnick"): the agents' objects."""
    return [pobj for agent in verb.children if agent.dep_ == "agent" for pobj in agent.children]


def _named_alike(a: RawMention, b: RawMention) -> bool:
    """One entity by name: the same span, gazetteer id, or last word ("Ford" and "Christine
    Blasey Ford", whatever type spaCy gave the surname)."""
    if _same(a, b):
        return True
    return a.gid is None and b.gid is None and a.text.split()[-1:] == b.text.split()[-1:]


#: verbs that name what something is: "called the report nonsense"
_NAMERS: Final = frozenset(
    {"call", "label", "brand", "describe", "term", "dub", "characterize", "deride", "decry"}
)


def _clause_refers_to(verb: Token, state: _State, ctx: DocContext) -> AllegationRecord | None:
    """The allegation a denied clause is about: the latest one sharing an act with it, else
    the latest one that involves an entity the clause names."""
    tokens = list(verb.subtree)
    keywords = set(_acts_in(tokens))
    for record in reversed(state.records):
        if keywords & set(record.keywords):
            return record
    # who the clause names, but the one who denies it ("denied that he planned to fire
    # Mueller" is not about every allegation against him)
    deniers = [m for m, _ in _clause_subjects(verb.head, ctx)]
    named: list[tuple[RawMention, bool]] = []  # and whether it is an object of the clause
    for tok in tokens:
        m = ctx.mention_at(tok) or ctx.references.resolve(tok)
        if m is None or any(_same(m, d) for d in deniers) or ctx.mention_at(tok.head) is m:
            continue  # the denier, or a word inside a name ("Mr" of "Mr Mueller")
        named.append((m, tok.dep_ in _PATIENT_DEPS))
    by_ref = {ctx.ref(m): m for m in ctx.mentions}
    for record in reversed(state.records[-3:]):
        accused = [
            by_ref[r.entity] for r in record.roles if r.role == "accused" and r.entity in by_ref
        ]
        involved = [by_ref[r.entity] for r in record.roles if r.entity in by_ref]
        involved += [m for m in ctx.mentions if m.text and m.text in record.text]
        for m, patient in named:
            # whom the denied deed is done to ("fire Mueller") is not the one accused
            others = [b for b in involved if not (patient and any(_same(b, a) for a in accused))]
            if any(_same(m, b) for b in others):
                return record
    return None


def _parties(pobj: Token, ctx: DocContext) -> list[tuple[RawMention, bool]]:
    """The entities of "between his campaign and Moscow": named ones, and the owner of an
    unnamed one (his campaign: his)."""
    found = _entities(pobj, ctx)
    for noun in (pobj, *pobj.conjuncts):
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if ctx.mention_at(noun) is None and owner is not None:
            m = ctx.mention_at(owner) or ctx.references.resolve(owner)
            if m is not None:
                found.append((m, False))
    return found


def _no_such_acts(sent: Span, ctx: DocContext, state: _State) -> Iterator[AllegationRecord]:
    """ "Trump insisted there was no collusion between his team and Russia", "adding that no
    collusion had been found": a speaker saying there was no such act denies it (or disputes
    it, when not a party to it).  With no parties named, the denial is a stance on the
    allegation of that act told before in the Doc."""
    for noun in sent:
        act = _act_of(noun) if noun.pos_ == "NOUN" else None
        if act is None or not any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
            continue
        deniers = _speakers_of(noun, ctx)
        if not deniers:
            continue
        accused = [
            x
            for prep in noun.children
            if prep.dep_ == "prep" and prep.lower_ == "between"
            for pobj in prep.children
            for x in _parties(pobj, ctx)
        ]
        if not accused:
            prior = next((r for r in reversed(state.records) if r.act == act), None)
            if prior is not None:
                yield from _stance_record(noun, sent, ctx, prior, deniers, None)
            continue
        accused.sort(key=lambda x: x[0].start)  # "between his campaign and Russia": his first
        roles, status = _denial_roles(deniers, accused, ctx)
        clause = sent.doc[noun.i : noun.right_edge.i + 1]
        record = _record("d", noun, sent, ctx, accused, (act,), clause, roles, status)
        if record is not None:
            yield record


def _speakers_of(noun: Token, ctx: DocContext) -> list[tuple[RawMention, bool]]:
    """Who says what holds ``noun`` ("X insisted there was no Y", "X wrote, adding that no Y
    had been found"): the subject of the nearest verb of saying above it that has one."""
    node = noun
    for _ in range(8):
        if node.head.i == node.i:
            return []
        node = node.head
        if node.pos_ == "VERB" and _lemma(node) in _DENIAL_SPEECH:
            found = _clause_subjects(node, ctx)
            if found:
                return found
    return []


def _denied_acts(sent: Span, ctx: DocContext) -> Iterator[AllegationRecord]:
    """A denial that names its act: "Russia has denied meddling in the election", "Trump
    has denied any collusion between his campaign and Moscow", "Manafort denied any
    wrongdoing", "the Kremlin denied that Russia attacked Ukraine". The act is alleged by
    someone, unnamed; the one who denies it is ``denied_by`` when accused or a party to it,
    else ``dismissed_by`` (never ``alleged_by``: a denial alleges nothing)."""
    for verb in sent:
        if verb.pos_ != "VERB" or _lemma(verb) != "deny":
            continue
        if any(c.dep_ == "neg" or c.lower_ == "never" for c in verb.children):
            continue  # "did not deny meddling": no denial
        deniers = _clause_subjects(verb, ctx)
        if not deniers:
            continue
        for obj in verb.children:
            if obj.dep_ == "ccomp" and _is_clause_verb(obj):
                yield from _denied_clause(obj, sent, ctx, deniers)
            elif obj.dep_ in ("dobj", "xcomp") and not _is_claim_word(obj):
                yield from _denied_object(obj, sent, ctx, deniers)
            # "denied the allegations", "denied claims that ...": the stance rules attach it


def _is_claim_word(tok: Token) -> bool:
    return _lemma(tok) in _ALLEGATION_NOUNS or _lemma(tok) in _CUE_NOUNS


def _denial_roles(
    deniers: list[tuple[RawMention, bool]], accused: list[tuple[RawMention, bool]], ctx: DocContext
) -> tuple[list[tuple[str, RawMention, bool]], str]:
    party = [m for m, _ in accused]
    roles = [
        ("denied_by" if _party_to(m, party, ctx) else "dismissed_by", m, a) for m, a in deniers
    ]
    return roles, "denied" if any(r[0] == "denied_by" for r in roles) else "disputed"


def _denied_clause(
    verb: Token, sent: Span, ctx: DocContext, deniers: list[tuple[RawMention, bool]]
) -> Iterator[AllegationRecord]:
    """ "The Kremlin denied that Russia had attacked Ukraine": the clause's subject is accused."""
    accused = _clause_subjects(verb, ctx)
    keywords = _acts_in(_predicate_tokens(verb), weak=True)
    if not accused or not keywords or _unreal(verb):
        return
    keywords = _own_acts(_predicate_tokens(verb), keywords, accused, ctx)
    if not keywords:
        return
    roles, status = _denial_roles(deniers, accused, ctx)
    first = verb.left_edge.i
    while first < verb.i and sent.doc[first].dep_ == "mark":
        first += 1  # "that"
    clause = sent.doc[first : verb.right_edge.i + 1]
    record = _record("d", verb, sent, ctx, accused, keywords, clause, roles, status)
    if record is not None:
        yield record


def _denied_object(
    obj: Token, sent: Span, ctx: DocContext, deniers: list[tuple[RawMention, bool]]
) -> Iterator[AllegationRecord]:
    """ "denied meddling in the election", "denied any collusion between X and Y", "denied
    any wrongdoing in the firing of X" (the act a general wrong is denied in)."""
    tokens = list(obj.subtree)
    if _lemma(obj) in _GENERIC_WRONGS:
        tokens += [
            t
            for p in obj.head.children
            if p.dep_ == "prep" and p.lower_ in _ABOUT_PREPS and p.i > obj.i
            for t in p.subtree
        ]
    keywords = _acts_in(tokens, weak=True)
    if not keywords or ctx.mention_at(obj) is not None:
        return
    accused: list[tuple[RawMention, bool]] = []
    for child in obj.children:
        if child.dep_ in ("nsubj", "poss"):
            accused += _entities(child, ctx)
        elif child.dep_ == "prep" and child.lower_ in ("between", "by"):
            for pobj in child.children:
                accused += [x for x in _parties(pobj, ctx) if x not in accused]
    own = not accused
    accused = accused or deniers
    roles, status = _denial_roles(deniers, accused, ctx)
    first = obj.left_edge.i
    while first < obj.i and sent.doc[first].dep_ in ("det", "predet"):
        first += 1
    last = tokens[-1].i
    while last > obj.i and sent.doc[last].dep_ in ("cc", "punct"):
        last -= 1  # "denies any wrongdoing and ...": the conjunction is not the act's
    clause = sent.doc[first : last + 1]
    record = _record("d", obj, sent, ctx, accused, keywords, clause, roles, status)
    if record is None:
        return
    names = " and ".join(dict.fromkeys(m.canonical or m.text for m, _ in accused))
    text = re.sub(r"\s+", " ", clause.text).strip(" ,.;:")
    if own and obj.tag_ == "VBG":
        label = f"{names} {text}"  # "Russia meddling in the election"
    elif own:
        label = f"{text[:1].upper()}{text[1:]} by {names}"  # "Wrongdoing by Manafort"
    else:
        label = text[:1].upper() + text[1:]
    yield replace(record, label=label)


def _stances(sent: Span, ctx: DocContext, state: _State) -> Iterator[AllegationRecord]:
    """Who denied, dismissed or confirmed an allegation told before (in this sentence or an
    earlier one), one form of stance per step."""
    if not state.records:
        return
    for tok in sent:
        lemma = _lemma(tok)
        if tok.pos_ == "VERB" and (lemma in _DENY or lemma in _CONFIRM):
            yield from _stance_verb(tok, sent, ctx, state)
        elif tok.pos_ == "VERB" and lemma in _NAMERS:
            yield from _naming_stance(tok, sent, ctx, state)
        elif tok.pos_ == "VERB" and lemma in _HAPPENINGS:
            yield from _did_not_happen(tok, sent, ctx, state)
        elif lemma in _DISMISS_NOUNS and tok.pos_ in ("NOUN", "ADJ", "PROPN"):
            yield from _dismissive_copula(tok, sent, ctx, state)
        elif lemma == "confidence" and tok.pos_ == "NOUN":
            yield from _stated_confidence(tok, sent, ctx, state)


def _stance_verb(
    tok: Token, sent: Span, ctx: DocContext, state: _State
) -> Iterator[AllegationRecord]:
    """ "Russia denied the reports", "officials confirmed it", "which he denies"."""
    if any(c.dep_ == "neg" or (c.dep_ == "nsubj" and _denied_noun(c)) for c in tok.children):
        return  # "did not deny", "no officials have confirmed the report"
    objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [p for c in tok.children if c.dep_ == "prt" for p in c.children]
    # "accused of sexual assault, which he denies": the relative pronoun's noun
    objects = [
        tok.head if o.lower_ in ("which", "that") and tok.dep_ == "relcl" else o for o in objects
    ]
    targets = [_refers_to(obj, state, ctx) for obj in objects]
    if not objects:
        # "a Taliban spokesman denied that the group had any dealings with Russia"
        targets += [
            _clause_refers_to(c, state, ctx)
            for c in tok.children
            if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")
        ]
    role = "confirmed_by" if _lemma(tok) in _CONFIRM else None
    for denied in dict.fromkeys(t for t in targets if t is not None):
        yield from _stance_record(tok, sent, ctx, denied, _clause_subjects(tok, ctx), role)


def _naming_stance(
    tok: Token, sent: Span, ctx: DocContext, state: _State
) -> Iterator[AllegationRecord]:
    """ "The Kremlin called the report 'nonsense'", "branded the charges a hoax"."""
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    complement = [
        t
        for c in tok.children
        if c.dep_ in ("oprd", "xcomp", "ccomp", "attr", "prep", "advcl")
        for t in c.subtree
    ] + [t for t in tok.subtree if obj is not None and t.i > obj.right_edge.i]
    if obj is None or not any(_lemma(t) in _DISMISS_NOUNS for t in complement):
        return
    target = _refers_to(obj, state, ctx)
    if target is not None:
        yield from _stance_record(tok, sent, ctx, target, _clause_subjects(tok, ctx), None)


def _said_by(clause: Token) -> Token | None:
    """The cue verb whose content ``clause`` is ("X said the incident did not happen")."""
    speaker = clause.head if clause.dep_ in ("ccomp", "parataxis") else None
    if speaker is None or _lemma(speaker) not in _CUE_VERBS:
        return None
    return speaker


def _did_not_happen(
    tok: Token, sent: Span, ctx: DocContext, state: _State
) -> Iterator[AllegationRecord]:
    """ "Kavanaugh said the incident described by Ramirez did not happen": a denial."""
    if not any(c.dep_ == "neg" or c.lower_ == "never" for c in tok.children):
        return
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    speaker = _said_by(tok)
    target = _refers_to(subj, state, ctx) if subj is not None else None
    if target is not None and speaker is not None:
        yield from _stance_record(tok, sent, ctx, target, _clause_subjects(speaker, ctx), None)


def _dismissive_copula(
    tok: Token, sent: Span, ctx: DocContext, state: _State
) -> Iterator[AllegationRecord]:
    """ "... the intelligence was 'another Russia hoax'", said by someone."""
    cop = tok.head
    if cop.lemma_ != "be" or any(c.dep_ == "neg" or c.lower_ == "never" for c in cop.children):
        return  # "is not a hoax" dismisses nothing
    subj = next((c for c in cop.children if c.dep_ == "nsubj"), None)
    target = _refers_to(subj, state, ctx) if subj is not None else None
    speaker = _said_by(cop)
    if target is not None and speaker is not None:
        subjects = _clause_subjects(speaker, ctx)
        yield from _stance_record(tok, sent, ctx, target, subjects, "dismissed_by")


def _stated_confidence(
    tok: Token, sent: Span, ctx: DocContext, state: _State
) -> Iterator[AllegationRecord]:
    """ "assessed with moderate confidence that ...": the assessors allege it, so sure."""
    match = _CONFIDENCE.search(sent.doc[tok.left_edge.i : tok.i + 1].text)
    if not match:
        return
    verb = tok.head
    target = None
    for prep in [*tok.children, *verb.children]:
        if prep.dep_ == "prep" and target is None:
            for pobj in prep.children:
                target = target or _refers_to(pobj, state, ctx)
    if target is not None:
        subjects = _clause_subjects(verb, ctx)
        yield from _stance_record(
            tok, sent, ctx, target, subjects, "alleged_by", match.group(0).lower()
        )


def _spoken_for(
    anchor: Token, ctx: DocContext, subjects: list[tuple[RawMention, bool]]
) -> list[tuple[RawMention, bool]]:
    """Who a stance is taken for: the body a spokesman speaks for ("Kremlin spokesman
    Dmitry Peskov denied it": the Kremlin's denial too), from the statement whose cue the
    stance verb is."""
    start = ctx.offset + anchor.idx
    have = {ctx.ref(m) for m, _ in subjects}
    out = []
    for st in ctx.statements:
        if st.cue[0] <= start < st.cue[1] and st.on_behalf_of not in have:
            m = ctx.mention(st.on_behalf_of)
            if m is not None:
                out.append((m, False))
    return out


def _stance_record(
    anchor: Token,
    sent: Span,
    ctx: DocContext,
    target: AllegationRecord,
    subjects: list[tuple[RawMention, bool]],
    role: str | None,
    confidence: str | None = None,
) -> Iterator[AllegationRecord]:
    subjects = subjects + _spoken_for(anchor, ctx, subjects)
    if not subjects:
        return
    evidence: Evidence = ctx.evidence(sent)
    accused = [r for r in target.roles if r.role == "accused"]
    accused_refs = {r.entity for r in accused}
    accused_gids = {m.gid for m in ctx.mentions if ctx.ref(m) in accused_refs and m.gid}
    roles = [RoleRecord("accused", r.entity, r.evidence, False) for r in accused]
    # whom the act was done to, so that the stance joins the allegation, not a namesake
    roles += [
        RoleRecord("target", r.entity, r.evidence, False)
        for r in target.roles
        if r.role == "target"
    ]
    accused_countries = {
        _country_of(m, ctx) for m in ctx.mentions if ctx.ref(m) in accused_refs
    } - {None}
    # the accused, and whoever else takes part in the act ("to Taliban militants")
    party = [m for m in ctx.mentions if ctx.ref(m) in accused_refs or m.text in target.text]
    for m, anonymous in subjects:
        chosen = role
        if chosen is None:
            same = (
                ctx.ref(m) in accused_refs
                or (m.gid is not None and m.gid in accused_gids)
                or _country_of(m, ctx) in accused_countries
                or _party_to(m, party, ctx)
            )
            chosen = "denied_by" if same else "dismissed_by"
        roles.append(RoleRecord(chosen, ctx.ref(m), evidence, anonymous))
    status = {"denied_by": "denied", "dismissed_by": "disputed", "confirmed_by": "confirmed"}.get(
        roles[-1].role, "alleged"
    )
    yield AllegationRecord(
        key=f"s{ctx.offset + anchor.idx}",
        label=target.label,
        text=target.text,
        status=status,
        keywords=target.keywords,
        evidence=(evidence,),
        roles=tuple(roles),
        confidence=confidence,
        dates=(),
        act=target.act,
        time=target.time,
    )


def _party_to(m: RawMention, accused: list[RawMention], ctx: DocContext) -> bool:
    """Whether ``m`` speaks for the accused: one of them ("Biden" for "Joe Biden"), or of
    the same country ("Putin" for Russia, "Russian officials" for the Kremlin)."""
    if any(_same(m, a) for a in accused):
        return True
    country = _country_of(m, ctx)
    return country is not None and country in {_country_of(a, ctx) for a in accused}


def _country_of(m: RawMention, ctx: DocContext) -> str | None:
    """The country an entity belongs to: itself, its gazetteer country, the demonym in its
    name ("Iranian Foreign Ministry"), or the organisation a person speaks for."""
    gaz = ctx.gazetteer
    if m.type == "Country":
        return m.gid or m.text
    if m.gid:
        try:
            entry = gaz.by_id(m.gid)
        except (KeyError, LookupError):
            entry = None
        country = getattr(entry, "country", None) if entry is not None else None
        if country:
            return f"country:{country}"
    first = m.text.split()[0] if m.text.split() else ""
    demonym = gaz.demonym(first) if first else None
    if demonym is not None:
        return demonym.id
    if m.type == "Person":
        for role in ctx.roles:
            if _same(role.person, m) and role.org is not None and role.org.type != "Person":
                return _country_of(role.org, ctx)
    return None
