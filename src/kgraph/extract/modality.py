"""Modality: how the text holds an act it names -- asserted, reported, hedged, negated,
demanded or planned -- and when it happened.

:func:`modality_of` reads a verb's clause and the clauses above it:

* ``negated``: "did not warn", "never raised", "refused to", "failed to", "has yet to";
* ``hedge``: a word that leaves it open ("may", "reportedly", "whether", "if", a question);
* ``demanded``: what someone called for, urged or asked ("urged Congress to provide",
  "calling for the administration to provide");
* ``planned``: what is planned, proposed, expected or tried ("plans to meet", "will meet",
  "is expected to meet"), and what an act is for ("went to Jerusalem to meet", "tapped
  Kelly to bring stability");
* ``reported`` with ``according_to``: what someone else says.  When the statement layer
  ran (``DocContext.statements``) a fact whose verb lies inside a statement's content is
  reported by that statement's speaker (or the body it speaks for); otherwise a small
  local fallback reads "X said (that) CLAUSE", "according to X", "X accused Y of ...",
  and "the claim that ...";
* ``date``: a date entity of the same clause.

A fact is *asserted* when the text states it as fact on its own authority: not reported,
hedged, demanded or planned (a negated fact is asserted: the text says it did not happen).

Each mark comes from the fact's own clause and the clauses that control it, never from a
clause beside it: the walk up stops at a clause the sentence takes as given (a relative
clause, "when/after/because ..."), at a noun ("declined to answer questions about how the
FBI began ..."), and a conjoined clause with a subject of its own keeps its own hedges.  A
relative clause on a name ("Warmbier, the student who returned to the U.S.") is the
writer's aside, reported by no statement around it; a clause of time to come ("when we win
..., we will") is hedged "when".  A
clause with an "if" clause is hedged "if", not planned; a statement's own cue ("X told
CNN") is the text's, not X's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from kgraph._model import StatementRecord
from kgraph.extract.arguments import APPOINTING, entities_of
from kgraph.extract.context import DocContext

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["Modality", "modality_of", "noun_modality"]

#: words that leave an act open: modal verbs, adverbs of hearsay and doubt, "whether", "if"
HEDGES: Final = frozenset(
    {
        "may",
        "might",
        "could",
        "would",
        "should",
        "whether",
        "if",
        "unless",
        "reportedly",
        "allegedly",
        "apparently",
        "possibly",
        "perhaps",
        "likely",
        "probably",
        "purportedly",
        "supposedly",
        "presumably",
        "seemingly",
    }
)
_HEDGE_DEPS: Final = frozenset({"aux", "advmod", "mark"})
#: cues of statements whose content their speaker says is not so
_DENIALS: Final = frozenset({"deny", "refute", "reject", "dispute", "rebut", "disavow"})
#: auxiliaries of the future: "will meet" is planned
_FUTURE: Final = frozenset({"will", "shall", "'ll", "wo"})
#: auxiliaries of obligation: "Congress must consult the White House" is demanded, not done
#: ("must have known" is a guess: hedged)
_OBLIGATIONS: Final = frozenset({"must", "ought"})
#: auxiliaries that open a condition when put before its subject: "Should X win, ..."
_INVERTING: Final = frozenset({"should", "had", "were"})
#: verbs whose complement is what someone wants done by another: "urged X to", "demanded that"
_DEMANDS: Final = frozenset(
    {
        "urge",
        "ask",
        "tell",
        "order",
        "direct",
        "instruct",
        "command",
        "press",
        "pressure",
        "push",
        "implore",
        "beg",
        "encourage",
        "advise",
        "request",
        "demand",
        "require",
        "invite",
        "appeal",
        "petition",
        "lobby",
        "challenge",
        "dare",
        "force",
        "compel",
        "recommend",
        "persuade",
        "convince",
    }
)
#: "called for X to", "called on X to": "call" demands only with these prepositions
_CALL_PREPS: Final = frozenset({"for", "on", "upon"})
#: verbs whose complement is planned, proposed, expected or attempted: "plans to meet"
_PLANS: Final = frozenset(
    {
        "plan",
        "intend",
        "aim",
        "seek",
        "hope",
        "try",
        "attempt",
        "expect",
        "prepare",
        "propose",
        "consider",
        "plot",
        "scheme",
        "schedule",
        "want",
        "wish",
        "strive",
        "endeavor",
        "endeavour",
        "mean",
        "set",
        "go",
        "look",
        "move",
        "threaten",
        "offer",
        "agree",
        "promise",
        "pledge",
        "vow",
        "decide",
        "weigh",
        "mull",
        "contemplate",
    }
)
#: conjunctions of a clause the sentence takes as given: time, cause, concession
_GIVEN_MARKS: Final = frozenset(
    {
        "when",
        "after",
        "before",
        "since",
        "because",
        "as",
        "while",
        "although",
        "though",
        "until",
        "once",
        "whereas",
    }
)
#: acts made whatever the condition attached to them: "threatened X with tariffs if ..."
_CONDITIONED_ACTS: Final = frozenset(
    {"threaten", "warn", "promise", "vow", "pledge", "offer", "agree", "say", "tell"}
)
#: verbs of asking whose "if", "whether" or wh- complement is a question, not a demand
_QUESTIONS: Final = frozenset({"ask", "wonder", "inquire", "enquire", "question"})
#: particles that turn a verb of demanding into something else ("pushed back")
_NOT_DEMANDING: Final = frozenset({"back", "off", "away"})
#: verbs of a belief whose content is a hypothesis: "Imagine that Biden picked Klobuchar"
_HYPOTHESES: Final = frozenset({"imagine", "suppose", "assume", "pretend", "hypothesize"})
#: verbs whose complement did not happen: "refused to meet", "failed to stop"
_NEGATIVES: Final = frozenset(
    {"refuse", "decline", "fail", "avoid", "neglect", "forget", "cease", "stop", "deny"}
)
#: conjunctions of a clause of time: "when", "once", "after", "before", "until"
_FUTURE_TIMES: Final = frozenset({"when", "once", "after", "before", "until"})
#: negation words, also where the parser did not label them ``neg`` ("didn't", "did not")
_NEGATION_WORDS: Final = frozenset({"not", "n't", "n\u2019t", "never"})
#: verbs whose complement only seems so: "appeared to confirm"
_SEEMING: Final = frozenset({"seem", "appear"})
#: adjectives with a complement: "is likely to", "is due to", "is ready to"
_HEDGING_ADJECTIVES: Final = frozenset({"likely", "unlikely", "possible"})
_PLANNING_ADJECTIVES: Final = frozenset({"due", "ready", "eager", "poised", "determined", "keen"})
#: verbs of saying and thinking: their complement is what the subject says (the fallback)
_SPEECH: Final = frozenset(
    {
        "say",
        "tell",
        "claim",
        "allege",
        "report",
        "state",
        "assert",
        "argue",
        "contend",
        "maintain",
        "believe",
        "think",
        "suspect",
        "suggest",
        "conclude",
        "assess",
        "testify",
        "write",
        "tweet",
        "add",
        "note",
        "explain",
        "acknowledge",
        "admit",
        "confirm",
        "reveal",
        "disclose",
        "announce",
        "warn",
        "predict",
        "deny",
        "charge",
        "complain",
        "fear",
        "insist",
        "indicate",
        "estimate",
        "speculate",
        "hint",
        "recall",
        "recount",
        "inform",
        "find",
        "determine",
        "learn",
        "show",
        "agree",
        "declare",
        "assume",
        "imply",
        "brag",
        "boast",
        "concede",
    }
)
#: verbs of blame whose "of"/"for"/"with" phrase holds the claimed act: "accused X of hacking"
_BLAME: Final = frozenset(
    {"accuse", "blame", "charge", "indict", "fault", "criticize", "condemn", "suspect", "convict"}
)
_BLAME_PREPS: Final = frozenset({"of", "for", "with"})
#: the verbs of blame whose phrase is a claim, not a given: "charged with conspiring", "accused
#: of hacking", "blamed Russia for the attack" (who did it is the blamer's word); what one is
#: criticized, condemned or convicted for is the text's own
_CLAIMING_BLAME: Final = frozenset({"accuse", "blame", "charge", "indict", "suspect"})
#: nouns whose clause is a claim: "the allegation that", "Trump's claim that"
_CLAIM_NOUNS: Final = frozenset(
    {
        "claim",
        "allegation",
        "accusation",
        "report",
        "assessment",
        "belief",
        "suggestion",
        "assertion",
        "charge",
        "rumor",
        "rumour",
        "speculation",
        "theory",
        "notion",
        "conclusion",
        "finding",
        "testimony",
        "statement",
        "denial",
        "suspicion",
        "fear",
        "view",
        "argument",
        "story",
        "narrative",
        "idea",
    }
)
#: nouns whose clause is demanded or planned: "calls for X to", "a plan to"
_DEMAND_NOUNS: Final = frozenset({"call", "demand", "request", "appeal", "plea", "order"})
_PLAN_NOUNS: Final = frozenset(
    {"plan", "proposal", "effort", "attempt", "bid", "push", "threat", "offer", "promise", "pledge"}
)
#: adverbs with which "would" narrates what happened afterwards: "would later become"
_AFTERWARDS: Final = frozenset(
    {"later", "eventually", "subsequently", "afterward", "afterwards", "ultimately"}
)
#: nouns of what someone means to do, as the subject of a copula: "the goal was to move"
_AIM_NOUNS: Final = frozenset(
    {"goal", "aim", "intention", "ambition", "hope", "dream", "desire", "wish", "objective"}
)
#: adjectives of an act named by a noun that has not happened, or did not happen
_UNREALISED: Final = frozenset(
    {
        "expected",
        "future",
        "planned",
        "possible",
        "potential",
        "proposed",
        "prospective",
        "scheduled",
        "upcoming",
        "threatened",
        "mooted",
    }
)
#: adjectives of an act named by a noun that leave it open: "Wolff's purported interviews"
_NOUN_HEDGES: Final = frozenset(
    {"alleged", "purported", "suspected", "rumored", "rumoured", "supposed", "apparent"}
)
_UNDONE: Final = frozenset({"cancelled", "canceled", "postponed", "aborted", "scrapped"})
#: verbs whose "from" gerund did not happen: "banned from appearing", "kept from testifying"
_PREVENTING: Final = frozenset(
    {
        "ban",
        "bar",
        "prevent",
        "stop",
        "block",
        "keep",
        "prohibit",
        "forbid",
        "refrain",
        "restrain",
        "deter",
        "dissuade",
        "preclude",
    }
)
#: prepositions whose gerund did not happen: "without meeting", "rather than talking"
_NOT_DONE_PREPS: Final = frozenset({"without"})
#: quotation marks: a verb inside a quotation is someone's words
_OPENING_QUOTES: Final = frozenset({'"', "\u201c"})
_CLOSING_QUOTES: Final = frozenset({'"', "\u201d"})
#: words of a span of time, not a date: "for eight years", "seven days before"
_DURATIONS: Final = frozenset({"day", "week", "month", "year", "decade", "hour", "minute"})
#: dependencies of a word that modifies a noun
_NOUN_MODIFIERS: Final = frozenset({"poss", "compound", "amod", "nmod", "nummod", "appos"})
#: dependencies through which a clause is a verb's complement (its content)
_COMPLEMENTS: Final = frozenset({"xcomp", "ccomp"})
_CONTENT_DEPS: Final = frozenset({"ccomp", "xcomp", "advcl", "parataxis"})
#: dependencies of a clause's own subject
_OWN_SUBJECTS: Final = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


@dataclass(frozen=True, slots=True)
class Modality:
    """How the text holds one act (see the module docstring)."""

    negated: bool = False
    hedge: str | None = None
    demanded: bool = False
    planned: bool = False
    reported: bool = False
    according_to: str | None = None
    date: str | None = None

    @property
    def asserted(self) -> bool:
        """Whether the text states the act as fact on its own authority."""
        return not (self.reported or self.hedge or self.demanded or self.planned)

    def attrs(self) -> list[tuple[str, str | bool]]:
        """The modality as record attributes, only those that are set, in a fixed order."""
        out: list[tuple[str, str | bool]] = []
        if self.negated:
            out.append(("negated", True))
        if self.hedge:
            out += [("hedged", True), ("hedge", self.hedge)]
        if self.demanded:
            out.append(("demanded", True))
        if self.planned:
            out.append(("planned", True))
        if self.reported:
            out.append(("reported", True))
        if not self.asserted:
            out.append(("asserted", False))
        if self.date:
            out.append(("date", self.date))
        return out


@dataclass(slots=True)
class _Walk:
    """What the walk up from a verb has found so far."""

    negated: bool = False
    hedge: str | None = None
    demanded: bool = False
    planned: bool = False
    reported: bool = False
    according_to: str | None = None


def modality_of(verb: Token, sent: Span, ctx: DocContext) -> Modality:
    """The modality of the act ``verb`` names, in its sentence ``sent``."""
    found = _Walk()
    _own_clause(verb, found)
    if verb.dep_ == "conj":
        _conjoined(verb, found)
    # the writer's own words about a named party are no one else's report
    aside = _aside(verb) and not _quoted(verb, sent)
    child = verb
    presupposed = False
    for head in verb.ancestors:
        # "when Israel captured East Jerusalem", "who has written a memoir": a clause whose
        # act the sentence takes as given is not urged, planned or hedged by the one above
        presupposed = presupposed or _presupposes(child)
        if child.dep_ != "conj":
            if not presupposed:
                _controller(child, head, found)
                _circumstance(child, head, found)
            # "declined to answer questions about how the FBI began investigating Trump": what
            # a noun's phrase or clause says is not negated, urged or hedged above the noun
            presupposed = presupposed or head.pos_ in ("NOUN", "PROPN", "PRON")
            _blamed(child, head, found, ctx)
            if not ctx.statements and not found.reported and not aside:
                _attribution(child, head, found, ctx)
        if not ctx.statements and not found.reported and not aside:
            _according_to(head, found, ctx)
        child = head
    if not ctx.statements and not found.reported:
        _according_to(verb, found, ctx)
    if not ctx.statements and not found.reported and _quoted(verb, sent):
        found.reported = True  # FALLBACK: quoted words; who said them may be elsewhere
    if ctx.statements and not aside:
        _statement(verb, found, ctx)
    if found.hedge is None and sent.text.rstrip().endswith("?"):
        found.hedge = "whether"  # a question states nothing
    return Modality(
        found.negated,
        found.hedge,
        found.demanded,
        found.planned,
        found.reported,
        found.according_to,
        _date(verb, sent, ctx),
    )


def noun_modality(
    noun: Token, clause: Token | None, sent: Span, ctx: DocContext, *, presupposed: bool = False
) -> Modality:
    """The modality of an act named by ``noun`` ("the proposed sanctions", "the cancelled
    meeting"), in the clause of ``clause`` (the verb that carries it, or its clause).

    An act a light verb carries takes that verb's negation, hedges and time ("did not
    impose sanctions"); an act ``presupposed`` by the phrase that names it ("Trump's
    attacks on Clinton", "U.S. support for Israel") happened whatever its clause says of
    something else ("the campaign isn't responding to Trump's attacks", "U.S. support
    could pave the way"): it keeps only who reports it."""
    base = modality_of(clause, sent, ctx) if clause is not None else Modality()
    if presupposed:
        base = Modality(reported=base.reported, according_to=base.according_to)
    words = {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound", "advmod")}
    wanted = _wanted(noun)
    planned = base.planned or bool(words & _UNREALISED) or wanted == "planned"
    demanded = base.demanded or wanted == "demanded"
    negated = base.negated or bool(words & _UNDONE)
    hedge = base.hedge or next((w for w in sorted(words) if w in _NOUN_HEDGES), None)
    head = noun.head
    called_off = head.lemma_ == "call" and any(
        c.dep_ == "prt" and c.lower_ == "off" for c in head.children
    )
    if head.lower_ in _UNDONE or called_off:
        negated = True  # "the meeting was cancelled", "called off the talks"
    return Modality(
        negated,
        hedge,
        demanded,
        planned,
        base.reported,
        base.according_to,
        base.date,
    )


def _wanted(noun: Token) -> str | None:
    """ "called for an FBI investigation", "demanded sanctions": an act asked for; "proposed
    sanctions", "considered an attack": an act planned."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "for":
        head = head.head  # "called for", "pushed for", "pressed for"
        if head.lemma_.lower() in _DEMANDS | {"call"}:
            return "demanded"
        return None
    if noun.dep_ not in ("dobj", "obj") or head.pos_ not in ("VERB", "AUX"):
        return None
    lemma = head.lemma_.lower()
    if lemma in _DEMANDS:
        return "demanded"
    if lemma in _PLANS and lemma not in ("threaten", "offer", "agree", "promise", "pledge"):
        return "planned"
    return None


def _own_clause(verb: Token, found: _Walk) -> None:
    """Negation, hedges and the future in the verb's own clause; an infinitive that
    modifies a noun is what someone is meant to do ("Obama's nominee, Garland, to replace
    Scalia")."""
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if verb.dep_ == "acl" and infinitive:
        found.planned = True
    if verb.dep_ == "xcomp" and infinitive and verb.head.lemma_ == "be" and verb.head.i < verb.i:
        found.planned = True  # "where he was to meet Obama": arranged, not done
    condition = _condition(verb)
    if condition is not None and found.hedge is None:
        found.hedge = condition  # "if Russia invades, the US will impose sanctions"
    if _inverted_condition(verb) and found.hedge is None:
        found.hedge = "if"  # "Should Cassidy win, ...": a condition, not a wish
    if _future_time(verb) and found.hedge is None:
        found.hedge = "when"  # "when we win the White House, we will ...": not yet
    if _not_yet(verb) or _negated_auxiliary(verb):
        found.negated = True
    for c in verb.children:
        if c.dep_ == "neg":
            found.negated = True
        elif c.lower_ == "would" and c.dep_ == "aux" and _narrated_later(verb):
            pass  # "al-Qaida's branch, which would later morph into ISIS": it did
        elif c.lower_ == "would" and c.dep_ == "aux" and _future_in_past(verb):
            found.planned = True  # "Trump announced he would end the program"
        elif c.lower_ in _OBLIGATIONS and c.dep_ == "aux":
            if not _perfect(verb):
                found.demanded = True
            elif found.hedge is None:
                found.hedge = c.lower_  # "must have known": a guess
        elif c.lower_ in HEDGES and c.dep_ in _HEDGE_DEPS and found.hedge is None:
            found.hedge = c.lower_
        elif c.dep_ == "aux" and c.lower_ in _FUTURE and condition is None:
            found.planned = True


def _perfect(verb: Token) -> bool:
    """ "must have known": the verb has a perfect auxiliary."""
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _future_time(verb: Token) -> bool:
    """ "When we win the White House, we will devote a chapter": a clause of time in the present
    tense under a clause in the future is a time to come, no fact."""
    if verb.dep_ != "advcl" or verb.tag_ not in ("VBP", "VBZ"):
        return False
    marks = {c.lower_ for c in verb.children if c.dep_ in ("mark", "advmod")}
    future = any(c.dep_ == "aux" and c.lower_ in _FUTURE for c in verb.head.children)
    return bool(marks & _FUTURE_TIMES) and future


def _not_yet(verb: Token) -> bool:
    """ "has yet to endorse", "one of the few yet to endorse": an act that has not happened."""
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    return to is not None and to.i > 0 and verb.doc[to.i - 1].lower_ == "yet"


def _negated_auxiliary(verb: Token) -> bool:
    """ "didn't charge", "did not charge": a negation the parser hung off the auxiliary
    (or read as punctuation) instead of the verb."""
    return any(
        c.dep_ in ("aux", "auxpass") and any(n.lower_ in _NEGATION_WORDS for n in c.children)
        for c in verb.children
    )


def _aside(verb: Token) -> bool:
    """Whether ``verb`` is in a relative clause that describes a named party ("Warmbier, the
    student who returned to the U.S.", "Leahy, who chairs the committee"): the writer's
    aside, which the statement around it does not report."""
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "relcl":
        return False
    named = clause.head
    if named.dep_ == "appos":
        named = named.head  # "Warmbier, the student who ..."
    return named.pos_ == "PROPN"


def _presupposes(clause: Token) -> bool:
    """Whether the clause ``clause`` heads states what its sentence takes as given: a relative
    clause, a participle after a noun ("resolutions dating to 1967"), a clause of time,
    cause or concession ("when Israel captured East Jerusalem", "because he could")."""
    if clause.dep_ == "relcl":
        return True
    if clause.dep_ == "acl":
        return clause.tag_ in ("VBG", "VBN")
    if clause.dep_ != "advcl":
        return False
    return any(c.dep_ == "mark" and c.lower_ in _GIVEN_MARKS for c in clause.children) or any(
        c.dep_ == "advmod" and c.tag_ == "WRB" and c.lower_ == "when" for c in clause.children
    )


def _condition(verb: Token) -> str | None:
    """ "if" or "unless" when a clause of the verb states the condition it holds on ("the US
    will impose sanctions if Russia invades"): a hypothesis, not a plan.  A threat, a promise
    or an offer is made whatever its condition ("threatened Canada with tariffs if ..."): the
    condition is what it threatens or promises."""
    if verb.lemma_.lower() in _CONDITIONED_ACTS:
        return None
    for c in verb.children:
        if c.dep_ == "advcl":
            mark = next((m for m in c.children if m.dep_ == "mark"), None)
            if mark is not None and mark.lower_ in ("if", "unless"):
                return mark.lower_
    return None


def _inverted_condition(verb: Token) -> bool:
    """ "Should Cassidy defeat her, ...", "Had Russia invaded, ...": an auxiliary before the
    subject of a clause that modifies another is an "if"."""
    if verb.dep_ != "advcl":
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in _INVERTING and c.i < subject.i
        for c in verb.children
    )


def _narrated_later(verb: Token) -> bool:
    """ "would later", "would eventually": what the narrative says happened afterwards."""
    return any(c.dep_ == "advmod" and c.lower_ in _AFTERWARDS for c in verb.children)


def _went_on(verb: Token) -> bool:
    """ "went on to win": what happened next, no plan."""
    return verb.lemma_.lower() == "go" and any(
        c.dep_ in ("prt", "advmod") and c.lower_ == "on" for c in verb.children
    )


def _future_in_past(verb: Token) -> bool:
    """ "would" as the past of "will" in what someone said, decided or promised ("announced
    he would end the program"), not a condition ("said he would have won", "would end it
    if ...")."""
    head = verb.head
    said = verb.dep_ == "ccomp" and head.tag_ == "VBD" and head.lemma_.lower() in _SPEECH | _PLANS
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    return said and not perfect and _condition(verb) is None


def _conjoined(verb: Token, found: _Walk) -> None:
    """A verb conjoined to another without its own auxiliaries shares them ("may have met and
    talked"); a negation carries over "or" and "nor" ("did not meet or call")."""
    head = verb.head
    if any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "expl") for c in verb.children):
        return  # a clause of its own: "Russia may retaliate, and the US imposed sanctions"
    alternative = any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in head.children)
    for c in head.children:
        if c.dep_ == "neg" and alternative:
            found.negated = True
        elif c.lower_ in HEDGES and c.dep_ in ("aux", "advmod") and found.hedge is None:
            found.hedge = c.lower_
        elif c.dep_ == "aux" and c.lower_ in _FUTURE:
            found.planned = True


def _controller(child: Token, head: Token, found: _Walk) -> None:
    """What a verb or noun above says of the clause ``child`` heads: demanded, planned,
    negated, hedged ("urged X to", "plans to", "refused to", "seemed to")."""
    lemma = head.lemma_.lower()
    dep = child.dep_
    if head.pos_ in ("VERB", "AUX") and dep in _CONTENT_DEPS:
        if lemma == "be" and _intended(head):
            found.planned = True  # "Northrop's goal was to move to California"
        elif lemma in _QUESTIONS and _interrogative(child):
            found.hedge = found.hedge or "whether"  # "asked if Trump had ordered McGahn to"
        elif _demands(child, head, lemma):
            found.demanded = True
        elif dep == "xcomp" and lemma in _PLANS and not _went_on(head):
            if lemma == "want" and any(c.dep_ in ("dobj", "obj") for c in head.children):
                found.demanded = True  # "wants Putin to leave"
            else:
                found.planned = True
        elif _purpose(child, head):
            found.planned = True  # "went to Jerusalem to meet", "tapped Kelly to bring"
        elif dep == "xcomp" and lemma in _NEGATIVES:
            found.negated = not found.negated
        elif dep == "xcomp" and lemma in _SEEMING and found.hedge is None:
            found.hedge = lemma
        if dep == "xcomp" or (dep == "ccomp" and lemma in _DEMANDS):
            # "did not want to meet": the controller's own negation and hedges carry over
            _carry_over(head, found)
    elif head.pos_ == "ADJ" and dep == "xcomp":
        if lemma in _HEDGING_ADJECTIVES and found.hedge is None:
            found.hedge = lemma
        elif lemma in _PLANNING_ADJECTIVES:
            found.planned = True
    elif head.pos_ == "NOUN" and dep in ("acl", "relcl", "ccomp", "xcomp", "advcl"):
        if lemma in _DEMAND_NOUNS and dep != "relcl":
            found.demanded = True
        elif lemma in _PLAN_NOUNS and dep != "relcl":
            found.planned = True


def _circumstance(child: Token, head: Token, found: _Walk) -> None:
    """ "instead of talking with X", "without meeting X": an act that did not happen; a
    clause above that opens with "if" or "unless": a hypothesis."""
    instead = head.lower_ == "of" and (
        head.head.lower_ == "instead" or any(c.lower_ == "instead" for c in head.children)
    )
    prevented = head.lower_ == "from" and head.head.lemma_.lower() in _PREVENTING
    rather = head.lower_ == "than" and head.i > 0 and head.doc[head.i - 1].lower_ == "rather"
    if child.dep_ in ("pcomp", "pobj") and (head.lower_ in _NOT_DONE_PREPS or instead or rather):
        found.negated = True
    elif child.dep_ == "pcomp" and child.tag_ == "VBG" and prevented:
        found.negated = True  # "was banned from appearing on Fox News"
    if found.hedge is None:
        for c in head.children:
            if c.dep_ == "mark" and c.lower_ in ("if", "unless"):
                found.hedge = c.lower_
                return


def _purpose(clause: Token, head: Token) -> bool:
    """Whether ``clause`` is the purpose of ``head``, what it is done for, not what happened:
    an infinitive of purpose ("went to Jerusalem to meet Netanyahu", "in order to"), or the
    task of someone chosen or sent ("tapped Kelly to bring stability")."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return False
    if _went_on(head):
        return False  # "went on to win Minnesota", parsed as a purpose: it happened
    if clause.dep_ == "advcl":
        return not any(c.dep_ == "mark" for c in clause.children)
    chosen = any(c.dep_ in ("dobj", "obj") for c in head.children)
    return clause.dep_ == "xcomp" and head.lemma_.lower() in APPOINTING and chosen


def _intended(copula: Token) -> bool:
    """Whether the subject of a copula is an aim or a plan: "his goal was to ..."."""
    return any(
        c.dep_ == "nsubj" and c.lemma_.lower() in _PLAN_NOUNS | _AIM_NOUNS for c in copula.children
    )


def _interrogative(clause: Token) -> bool:
    """ "if X did", "whether X did", "why X did", "what X knew": a clause that asks."""
    first = clause.doc[clause.left_edge.i]
    marked = any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in clause.children)
    return marked or first.tag_ in ("WDT", "WP", "WP$", "WRB")


def _demands(child: Token, head: Token, lemma: str) -> bool:
    if any(c.dep_ in ("prt", "advmod") and c.lower_ in _NOT_DEMANDING for c in head.children):
        return False  # "pushed back, arguing that ..."
    if lemma == "call":
        marked = any(c.dep_ == "mark" and c.lower_ == "for" for c in child.children)
        return marked or any(c.dep_ == "prep" and c.lower_ in _CALL_PREPS for c in head.children)
    if lemma == "tell":
        return child.dep_ == "xcomp"  # "told X to leave"; "told X that ..." is speech
    return lemma in _DEMANDS and child.dep_ in _COMPLEMENTS | {"advcl"}


def _carry_over(head: Token, found: _Walk) -> None:
    condition = _condition(head)
    if condition is not None and found.hedge is None:
        found.hedge = condition  # "if Russia invades, the US will move to impose sanctions"
    for c in head.children:
        if c.dep_ == "neg":
            found.negated = not found.negated if head.lemma_ in _NEGATIVES else True
        elif c.lower_ in HEDGES and c.dep_ in _HEDGE_DEPS and found.hedge is None:
            found.hedge = c.lower_
        elif c.dep_ == "aux" and c.lower_ in _FUTURE:
            found.planned = True


# -- the local fallback, used when the Doc has no statements (kgraph.extract.statements) ---
def _attribution(child: Token, head: Token, found: _Walk, ctx: DocContext) -> None:
    """FALLBACK (replaced by ``DocContext.statements`` when present): "X said (that) CLAUSE",
    "X accused Y of -ing", "the claim that CLAUSE"."""
    lemma = head.lemma_.lower()
    if head.pos_ in ("VERB", "AUX"):
        if lemma in _SPEECH and child.dep_ in ("ccomp", "parataxis"):
            found.reported = True
            found.according_to = _speaker_of(head, ctx)
            if lemma == "deny":
                found.negated = not found.negated  # what a denial says did not happen
    elif head.pos_ == "ADP" and head.lower_ in _BLAME_PREPS and child.dep_ in ("pcomp", "pobj"):
        verb = head.head
        if head.dep_ == "prep" and verb.lemma_.lower() in _BLAME:
            found.reported = True
            found.according_to = _speaker_of(verb, ctx)
    elif head.pos_ == "NOUN" and lemma in _CLAIM_NOUNS and child.dep_ in ("acl", "ccomp"):
        found.reported = True
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        found.according_to = _first_ref(owner, ctx) if owner is not None else None


def _blamed(child: Token, head: Token, found: _Walk, ctx: DocContext) -> None:
    """ "Stone was not charged with conspiring with WikiLeaks", "accused Russia of hacking":
    the act a verb of blame names in its "of"/"for"/"with" phrase is the blamer's claim, not
    the text's, whether or not a statement holds it (a passive with no agent names no one)."""
    if child.dep_ not in ("pcomp", "pobj") or head.dep_ != "prep":
        return
    verb = head.head
    if head.lower_ in _BLAME_PREPS and verb.lemma_.lower() in _CLAIMING_BLAME:
        found.reported = True
        found.according_to = found.according_to or _speaker_of(verb, ctx)


def _quoted(verb: Token, sent: Span) -> bool:
    """FALLBACK: whether the verb lies inside quotation marks in its sentence (an opening
    mark before it not closed before it)."""
    inside = False
    for tok in sent:
        if tok.i >= verb.i:
            return inside
        text = tok.text
        if text in _OPENING_QUOTES and not (text == '"' and inside):
            inside = True
        elif text in _CLOSING_QUOTES:
            inside = False
    return inside


def _according_to(head: Token, found: _Walk, ctx: DocContext) -> None:
    """FALLBACK: "according to X" on the verb or a clause above it."""
    for c in head.children:
        if c.lemma_.lower() == "accord" and c.dep_ == "prep":
            for to in c.children:
                for pobj in to.children:
                    if to.lower_ == "to" and pobj.dep_ == "pobj":
                        found.reported = True
                        found.according_to = _first_ref(pobj, ctx)
                        return


def _speaker_of(verb: Token, ctx: DocContext) -> str | None:
    for c in verb.children:
        if c.dep_ in ("nsubj", "csubj"):
            return _first_ref(c, ctx)
        if c.dep_ == "agent":
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            return _first_ref(pobj, ctx) if pobj is not None else None
    if verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
        return _speaker_of(verb.head, ctx)
    return None


def _first_ref(tok: Token, ctx: DocContext) -> str | None:
    found = entities_of(tok, ctx)
    return ctx.ref(found[0][0]) if found else None


# -- the statement layer ----------------------------------------------------------------
def _statement(verb: Token, found: _Walk, ctx: DocContext) -> None:
    """A verb inside a statement's content is reported by its speaker (or the body it
    speaks for); the innermost statement wins.  A denial's content is what its speaker
    says did not happen ("the Kremlin denied that Russia had attacked Ukraine": not
    attacked, according to the Kremlin).

    The act of saying is the text's own: a statement's cue is no part of what it reports,
    also where a quote split around it spans it ('"We won," Biden told CNN. "We will win
    again."': Biden told CNN, asserted).  A colon with no one named before it introduces
    no one's words (a caption's "Photos: Obama visits Israel").  An intention ("Obama
    sought to assure Netanyahu") is planned, not reported; what the reader is asked to
    imagine ("Imagine that Biden picked Klobuchar") is a hypothesis."""
    record = _statement_at(verb, ctx)
    tok = verb
    while record is None and _shares_subject(tok):
        # "told Reuters she supported X (and also supported Y)": a conjunct with no subject
        # of its own says what its first conjunct says, wherever the content was cut off
        tok = tok.head
        record = _statement_at(tok, ctx)
    if record is None:
        return
    cue = _cue_words(record, verb, ctx)
    if cue == {":"} and record.speaker is None and record.on_behalf_of is None:
        return
    if record.kind == "belief" and cue & _HYPOTHESES:
        found.hedge = found.hedge or next(iter(cue & _HYPOTHESES))
        return
    if record.kind == "belief" and cue & _PLANS:
        found.planned = True
        return
    if record.kind == "belief" and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in cue:
        return  # "Pope Francis likes to apologize": a liking for an act, no proposition
    found.reported = True
    found.according_to = record.speaker or record.on_behalf_of
    if cue & _DENIALS:
        found.negated = not found.negated


def _statement_at(verb: Token, ctx: DocContext) -> StatementRecord | None:
    """The innermost statement whose content holds ``verb`` (not as its cue)."""
    at = ctx.offset + verb.idx
    best: tuple[int, StatementRecord] | None = None
    for record in ctx.statements:
        start, end = record.content
        if not start <= at < end or record.cue[0] <= at < record.cue[1]:
            continue
        if best is None or end - start < best[0]:
            best = (end - start, record)
    return best[1] if best is not None else None


def _shares_subject(verb: Token) -> bool:
    """Whether ``verb`` is a verb conjoined to another with no subject of its own."""
    return (
        verb.dep_ == "conj"
        and verb.head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in _OWN_SUBJECTS for c in verb.children)
    )


def _cue_words(record: StatementRecord, verb: Token, ctx: DocContext) -> set[str]:
    """The lemmas of a statement's cue ("denied": deny; a colon: ":")."""
    doc = verb.doc
    cue = doc.char_span(
        record.cue[0] - ctx.offset, record.cue[1] - ctx.offset, alignment_mode="expand"
    )
    return {t.lemma_.lower() for t in cue} if cue is not None else set()


def _date(verb: Token, sent: Span, ctx: DocContext) -> str | None:
    for ent in ctx.dates_in(sent):
        root = ent.root
        in_clause = root.head.i != root.i and clause_of(root) == verb
        if in_clause and not _span(ent) and not _vague(ent) and _adverbial(ent):
            return str(ent.text)
    return None


def _adverbial(ent: Span) -> bool:
    """Whether a date tells when something happened ("met on Thursday", "met earlier this
    year"), not which thing a noun names ("the 2016 nominee", "the Obama-era order", "in last
    year's election", "a July 3 fireworks display"): no date that modifies a noun."""
    root = ent.root
    return not (root.dep_ in _NOUN_MODIFIERS and root.head.pos_ in ("NOUN", "PROPN"))


def _vague(ent: Span) -> bool:
    """ "the day (before ...)", "that year", "the time": a time the text points to, no date;
    a quoted title ('told ABC's "This Week"') names a show, no date."""
    before = ent.doc[ent.start - 1].text if ent.start > 0 else ""
    if before in _OPENING_QUOTES or before == "\u2018":
        return True
    words = [t.lower_ for t in ent]
    pointing = len(words) == 2 and words[0] in ("the", "that", "those", "these")
    return pointing and (words[1] in ("time", "times") or words[1].rstrip("s") in _DURATIONS)


def _span(ent: Span) -> bool:
    """ "eight years", "just seven days": a counted span of time, not a date ("two years
    ago" is one)."""
    root = ent.root
    counted = any(c.dep_ == "nummod" for c in root.children)
    ago = any(t.lower_ == "ago" for t in ent) or root.head.lower_ == "ago"
    return root.lemma_.lower() in _DURATIONS and counted and not ago


def clause_of(tok: Token) -> Token:
    """The verb whose clause ``tok`` is in."""
    while tok.head.i != tok.i and not (tok.pos_ in ("VERB", "AUX") and tok.dep_ != "aux"):
        tok = tok.head
    return tok
