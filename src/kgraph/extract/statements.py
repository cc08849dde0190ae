"""Statements: who said (wrote, thinks, claims) what, with the source, cue and content.

A pure function over one parsed Doc: :func:`find_statements` yields one
:class:`StatementRecord` per attribution it finds:

* a reporting verb (``data/reporting_verbs.tsv``: the verbs, their kind and the
  complements that carry their content) with that complement: a clause ("X said
  (that) ...", "..., X said", "X, she said, ...", "..., said X, the ..."), an
  infinitive ("X vowed to ..."), an object ("X denied the report", "X accused Y
  of ..."), a prepositional object ("X called for ..."), the clause of its medium
  ("X said in a statement that ...") or, for verbs of saying, an adjacent direct
  quote; the source is the verb's subject, the agent of a passive, or the subject a
  participle or conjunct shares ("..., adding that ..."); "X is expected to ..." and
  "the plan seems to ..." have no source;
* "according to X, ...": the rest of the sentence is the content (after a semicolon or
  colon, only the last clause: "A; B, according to X"); "In a new poll, ...", "Under the
  law, ...", "... leads in the polls": the clause, with the poll or document as source;
  "reportedly", "allegedly": the clause or phrase, with no source;
* a reporting noun with its that-clause ("X's claim that ...", "the assessment
  that ..."), its infinitive or its preposition ("X's decision to ...", "Trump's call
  for ...", "criticism of ..."), "X made (it) clear that ...", "it seems that ...", and a
  stance adjective after "be" ("X is confident that ...", "X was critical of Y");
* a short name that opens a paragraph with a colon ("Trump: ...", "Q: "), its turn the
  rest of the paragraph;
* direct quotes (:func:`find_quotes`): the content runs from the opening to the
  closing quote mark, over several sentences and paragraphs (a quote left open at
  the end of a paragraph goes on in the next one that opens with a quote mark), and
  takes in the quotes that open the sentences after the cue's with no cue of their
  own ('"...," he said. "..."'); "X said:" introduces the quote that follows, in the
  same paragraph or the next; a quote that no cue claims and that opens a sentence
  is a statement of its own, its cue the opening mark, its source the subject of the
  sentence before (if that names someone), else none.

Cues inside a direct quote are the quoted speaker's words, and a statement whose cue
lies in another's reported content ("officials said Trump wants to ...") is part of
that statement, not one of its own (but "X's claim that ..." is).  The speaker is the
entity mention at the head of the source (a pronoun or "the minister" through
:mod:`kgraph.extract.coref`, "they" the unnamed officials of the sentence before); an
unnamed source is resolved to its body or country with ``anonymous`` set ("U.S.
officials" is the United States, "a Taliban spokesman" the Taliban, "officials at the
Pentagon" the Pentagon), but one unnamed person is no country ("a senior Russian
official", "a former British spy": anonymous, with no speaker); a spokesman speaks on
behalf of the body or person named with the title ("Kremlin spokesman Dmitry Peskov",
"Putin spokesman ...", "Peskov, a spokesman for the Kremlin", "a spokesman for the
Kremlin").  Quote marks may be curly, straight, doubled (``''``) or guillemets, mixed
and unbalanced: nothing here fails on them.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Final

from kgraph._errors import FormatError
from kgraph._model import STATEMENT_KINDS, StatementRecord
from kgraph.extract.context import DocContext, References, Role
from kgraph.extract.entities import RawMention
from kgraph.gazetteer import given_name_genders
from kgraph.nlp import doc_words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["KINDS", "StatementExtractor", "StatementRecord", "find_quotes", "find_statements"]

#: the kinds of statement: a direct quote, reported speech, "according to X", a belief
KINDS: Final = STATEMENT_KINDS

_OPEN_QUOTES: Final = frozenset({"“", "„", "«", "``", "‟"})
_CLOSE_QUOTES: Final = frozenset({"”", "»"})
#: straight quotes: the side they open or close is read from the spacing around them
_EITHER_QUOTES: Final = frozenset({'"', "''", "＂"})
_QUOTES: Final = _OPEN_QUOTES | _CLOSE_QUOTES | _EITHER_QUOTES
#: the family of each quote mark: a mark closes only a quote opened by its family (curly and
#: straight double quotes are mixed up too often to tell apart)
_FAMILIES: Final = {mark: "double" for mark in _QUOTES} | {"«": "guillemet", "»": "guillemet"}
#: punctuation cut from the edges of a content or source span (quote marks are kept)
_EDGE_PUNCT: Final = frozenset({",", ".", ":", ";", "-", "--", "—", "–", "(", ")"})
_DASHES: Final = frozenset({"-", "--", "—", "–"})
#: punctuation between clauses of a sentence: "A; B, according to X" attributes only B
_CLAUSE_BREAKS: Final = frozenset({";", ":"})
_SUBJECTS: Final = frozenset({"nsubj", "nsubjpass", "csubj"})
#: verbs whose subject a participle or conjunct without its own subject shares
_SHARED_SUBJECT_DEPS: Final = frozenset({"conj", "xcomp", "advcl"})
#: complements that follow an object and belong to the content ("called it a hoax",
#: "accused Russia of paying", "described the talks as frank")
_OBJECT_TAILS: Final = frozenset({"oprd", "xcomp", "acomp", "ccomp"})
_OBJECT_PREPS: Final = frozenset({"as", "of", "for"})
#: dependencies that open a clause of its own
_CLAUSE_DEPS: Final = frozenset({"ccomp", "advcl", "relcl", "conj", "xcomp", "acl", "parataxis"})
#: the most words of an opening between two quotes of one speaker ('Instead, "...')
_LEAD_IN: Final = 3
#: how many tokens after a quote a cue still claims it ('"...," he added')
_NEAR: Final = 8
#: the dependents a verb of saying takes for the words it reports when the parse finds no
#: clause ("Sorry, Sanders said.", "Those who borrow struggle, he said.")
_FRONTED: Final = frozenset({"dep", "intj", "dobj", "attr", "acomp"})
#: a participle that modifies a noun reports nothing ("screaming supporters")
_MODIFIER_DEPS: Final = frozenset({"amod", "compound", "nmod"})
#: the least words of a quote that stands as a statement of its own
_ORPHAN_WORDS: Final = 4
#: the complements of a raising verb that say what its subject seems to be or do ("seems to
#: work", "seemed irritated", "appears a winner")
_RAISED_COMPS: Final = frozenset({"xcomp", "acomp", "attr", "oprd"})
#: the frame of a clausal complement
_FRAME_OF_DEP: Final = {"ccomp": "clause", "xcomp": "to"}
#: subordinators that set one voice against another: "..., while others said ..."
_CONTRASTS: Final = frozenset({"while", "whereas", "although", "though", "but"})
#: a cue hung this way from another statement's content starts a statement of its own
_EMBEDDED_CUE_DEPS: Final = frozenset({"advcl", "conj", "parataxis"})
#: words the lemmatizer gets wrong ("hoped" -> "hop")
_LEMMA_FIXES: Final = {
    "hoped": "hope",
    "hopes": "hope",
    "hoping": "hope",
    "retweeted": "retweet",
    "texted": "text",
}
#: phrasal verbs of saying and the verb of the table they stand for
_PHRASAL: Final = {("go", "on"): "continue", ("point", "out"): "note", ("speak", "out"): "speak"}
#: reporting nouns and the kind of statement their that-clause is
_NOUNS: Final[dict[str, str]] = {
    "claim": "indirect",
    "statement": "indirect",
    "allegation": "indirect",
    "assertion": "indirect",
    "argument": "indirect",
    "accusation": "indirect",
    "charge": "indirect",
    "attack": "indirect",
    "contention": "indirect",
    "suggestion": "indirect",
    "insistence": "indirect",
    "announcement": "indirect",
    "admission": "indirect",
    "acknowledgment": "indirect",
    "acknowledgement": "indirect",
    "denial": "indirect",
    "warning": "indirect",
    "promise": "indirect",
    "pledge": "indirect",
    "vow": "indirect",
    "report": "indirect",
    "testimony": "indirect",
    "assessment": "belief",
    "conclusion": "belief",
    "finding": "belief",
    "belief": "belief",
    "view": "belief",
    "fear": "belief",
    "hope": "belief",
    "concern": "belief",
    "suspicion": "belief",
    "expectation": "belief",
    "estimate": "belief",
    "judgment": "belief",
    "opinion": "belief",
}
#: reporting nouns with an infinitive ("to") or a prepositional object ("prep:P") that
#: carries what is said or wanted ("belief": a stance, not a thing said)
_NOUN_FRAMES: Final[dict[str, frozenset[str]]] = {
    "decision": frozenset({"to"}),
    "refusal": frozenset({"to"}),
    "promise": frozenset({"to"}),
    "pledge": frozenset({"to"}),
    "vow": frozenset({"to"}),
    "threat": frozenset({"to"}),
    "offer": frozenset({"to"}),
    "intention": frozenset({"to", "belief"}),
    "desire": frozenset({"to", "belief"}),
    "willingness": frozenset({"to", "belief"}),
    "reluctance": frozenset({"to", "belief"}),
    "call": frozenset({"to", "prep:for"}),
    "demand": frozenset({"to", "prep:for"}),
    "request": frozenset({"to", "prep:for"}),
    "plea": frozenset({"to", "prep:for"}),
    "appeal": frozenset({"to", "prep:for"}),
    "support": frozenset({"prep:for", "belief"}),
    "praise": frozenset({"prep:for", "prep:of"}),
    "criticism": frozenset({"prep:of"}),
    "condemnation": frozenset({"prep:of"}),
    "denunciation": frozenset({"prep:of"}),
    "endorsement": frozenset({"prep:of"}),
    "rejection": frozenset({"prep:of"}),
    "defense": frozenset({"prep:of"}),
    "opposition": frozenset({"prep:to", "belief"}),
    "objection": frozenset({"prep:to"}),
    "stance": frozenset({"prep:on", "belief"}),
    "position": frozenset({"prep:on", "belief"}),
    "complaint": frozenset({"prep:about"}),
    "comment": frozenset({"prep:about", "prep:on"}),
    "remark": frozenset({"prep:about"}),
    "question": frozenset({"prep:about"}),
    "vote": frozenset({"prep:against", "prep:for"}),
}
#: adjectives of a stance after "be" ("X is confident that ...", "X was critical of Y") and
#: the complements that carry it
_ADJECTIVES: Final[dict[str, frozenset[str]]] = {
    "confident": frozenset({"clause", "prep:in", "prep:about"}),
    "sure": frozenset({"clause"}),
    "certain": frozenset({"clause"}),
    "convinced": frozenset({"clause"}),
    "adamant": frozenset({"clause"}),
    "hopeful": frozenset({"clause", "prep:about"}),
    "optimistic": frozenset({"clause", "prep:about"}),
    "concerned": frozenset({"clause", "prep:about"}),
    "worried": frozenset({"clause", "prep:about"}),
    "afraid": frozenset({"clause", "prep:of"}),
    "aware": frozenset({"clause", "prep:of"}),
    "unaware": frozenset({"clause", "prep:of"}),
    "upset": frozenset({"clause", "prep:about", "prep:with"}),
    "angry": frozenset({"clause", "prep:about", "prep:at"}),
    "glad": frozenset({"clause"}),
    "surprised": frozenset({"clause"}),
    "critical": frozenset({"prep:of"}),
    "skeptical": frozenset({"prep:of", "prep:about"}),
    "wary": frozenset({"prep:of"}),
    "supportive": frozenset({"prep:of"}),
    "opposed": frozenset({"prep:to"}),
    "proud": frozenset({"prep:of"}),
    "enamored": frozenset({"prep:of", "prep:with"}),
    "unhappy": frozenset({"prep:with", "prep:about"}),
    "eager": frozenset({"to"}),
    "reluctant": frozenset({"to"}),
    "unwilling": frozenset({"to"}),
}
#: labels that open a paragraph with a colon but name no source ("Update: ...")
_NOT_SOURCES: Final = frozenset(
    {
        "note",
        "update",
        "updated",
        "watch",
        "related",
        "photo",
        "video",
        "correction",
        "editor",
        "read",
        "listen",
        "source",
        "sources",
        "see",
        "warning",
        "advertisement",
        "tags",
        "topics",
        "breaking",
        "latest",
        "exclusive",
        "live",
        "q",
        "a",
    }
)
#: pronouns for one person and their gender: a speaker of its own only through the statement
#: before ("Roe said ... / '...,' she added")
_PERSON_PRONOUNS: Final = {"he": "m", "she": "f"}
_HONORIFICS: Final = {"mr.": "m", "mr": "m", "mrs.": "f", "mrs": "f", "ms.": "f", "ms": "f"}
#: how many sentences back the statement before may lie for its speaker to go on
_SPEAKER_REACH: Final = 4
#: descriptions a news story uses for a person it has just named ("Roe said ... / the
#: Republican nominee said"): any of them, or (offices, "office") one of that title
_DESCRIPTIONS: Final = {
    **dict.fromkeys(
        (
            "candidate",
            "nominee",
            "front-runner",
            "frontrunner",
            "hopeful",
            "contender",
            "businessman",
            "businesswoman",
            "mogul",
            "billionaire",
            "tycoon",
        ),
        "any",
    ),
    **dict.fromkeys(("senator", "governor", "congressman", "congresswoman", "mayor"), "office"),
}
#: the party words of a description ("the Democratic nominee") and the party they name
_PARTIES: Final = {
    "democratic": "d",
    "democrat": "d",
    "republican": "r",
    "gop": "r",
}
#: abbreviated titles and the office they name ("Sen. Ann Roe" is "the senator")
_TITLE_WORDS: Final = {"sen.": "senator", "gov.": "governor", "rep.": "congressman"}
#: prepositions of the one asked to act: "called on the senator to resign"
_ADDRESSEE_PREPS: Final = frozenset({"on", "upon", "for"})
#: prepositions of the medium of a statement: "said in a statement that ..."
_MEDIUM_PREPS: Final = frozenset({"in", "through", "via"})
#: nouns for an unnamed person who speaks for a body: "a Taliban spokesman"
_SPOKES_NOUNS: Final = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "representative", "mouthpiece", "secretary"}
)
#: nouns for unnamed people of a body or country: "U.S. officials", "a Russian diplomat"
_MEMBER_NOUNS: Final = frozenset(
    {
        "official",
        "officer",
        "source",
        "aide",
        "adviser",
        "advisor",
        "diplomat",
        "lawmaker",
        "legislator",
        "minister",
        "staffer",
        "analyst",
        "expert",
        "investigator",
        "agent",
        "authority",
        "leader",
        "commander",
        "member",
        "employee",
        "lawyer",
        "attorney",
        "prosecutor",
        "strategist",
        "insider",
        "operative",
        "person",
        "people",
    }
    | _SPOKES_NOUNS
)
#: the words that make a noun one unnamed person: "a senior official"
_ONE: Final = frozenset({"a", "an", "one", "another"})
#: adverbs that report what others say: "X was reportedly on the plane"
_HEARSAY: Final = frozenset({"reportedly", "allegedly", "purportedly", "reputedly"})
#: polls and surveys: "Clinton leads in the polls" takes its content from them
_POLLS: Final = frozenset({"poll", "survey", "average", "tracking", "polling"})
#: "in" or "under" and what they name as the source of the clause they open: "In a new
#: poll, ...", "In his letter, ...", "Under the law, ..."
_IN_SOURCES: Final[dict[str, frozenset[str]]] = {
    "in": _POLLS
    | frozenset(
        {
            "study",
            "report",
            "analysis",
            "statement",
            "interview",
            "letter",
            "memo",
            "filing",
            "complaint",
            "lawsuit",
            "indictment",
            "op-ed",
            "column",
            "editorial",
            "essay",
            "article",
            "book",
            "speech",
            "tweet",
            "post",
            "testimony",
            "remarks",
            "document",
            "email",
        }
    ),
    "under": frozenset(
        {"law", "act", "rule", "plan", "proposal", "agreement", "deal", "bill", "policy", "order"}
    ),
}
#: prepositions that name a member's body: "a spokesman for", "officials at", "a source in"
_BODY_PREPS: Final = frozenset({"for", "of", "at", "from", "in", "with"})


@dataclass(frozen=True, slots=True)
class _Verb:
    kind: str
    frames: frozenset[str]


@cache
def _verbs() -> dict[str, _Verb]:
    """The reporting verbs of ``data/reporting_verbs.tsv``, read once."""
    table: dict[str, _Verb] = {}
    text = resources.files("kgraph").joinpath("data/reporting_verbs.tsv").read_text("utf-8")
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 3 or cells[1] not in ("speech", "belief"):
            raise FormatError(
                f"kgraph/data/reporting_verbs.tsv:{lineno}: expected lemma, speech|belief and "
                f"frames, got {line!r}"
            )
        table[cells[0]] = _Verb(cells[1], frozenset(cells[2].split()))
    return table


@dataclass(slots=True)
class _Found:
    """A statement found in a Doc, in token indices (``end`` exclusive)."""

    cue: tuple[int, int]
    content: tuple[int, int]
    source: Token | None
    kind: str
    quote: bool = False  # the content may be a direct quote
    host: bool = False  # the content is the clause the cue hangs from, or none at all
    owned: bool = False  # a statement of its own even inside another's ("X's claim that")


@dataclass(slots=True)
class _Facts:
    """What the speakers and the record of a Doc's statements are found from, indexed once."""

    ctx: DocContext
    refs: References
    spokes: dict[int, RawMention]  # a spokesman's mention start -> the body they speak for
    mentions: list[RawMention]  # by start
    starts: list[int]
    #: the sentence and speaker of the last statement whose source is no bare pronoun
    last: tuple[int, RawMention | None] | None = None

    @classmethod
    def of(cls, ctx: DocContext, roles: Sequence[Role], refs: References) -> _Facts:
        spokes = {
            role.person.start: role.org
            for role in roles
            if role.org is not None and set(role.role.lower().split()) & _SPOKES_NOUNS
        }
        mentions = sorted((m for m in ctx.mentions if m.ner != "BYLINE"), key=lambda m: m.start)
        return cls(ctx, refs, spokes, mentions, [m.start for m in mentions])

    def about(self, start: int, end: int) -> tuple[str, ...]:
        """The references of the mentions within characters ``start:end``."""
        out = []
        for m in self.mentions[bisect.bisect_left(self.starts, start) :]:
            if m.start >= end:
                break
            if m.end <= end:
                out.append(self.ctx.ref(m))
        return tuple(out)


class StatementExtractor:
    """Statements (see the module docstring): derived once per Doc with its context
    (:func:`kgraph.extract.derive.doc_context`), which every extractor may read."""

    name = "statements"

    def __call__(self, doc: Doc, context: DocContext) -> Iterator[StatementRecord]:
        return iter(context.statements)


def find_statements(doc: Doc, ctx: DocContext) -> Iterator[StatementRecord]:
    """Every statement of ``doc``, in the order of their cues (``ctx`` has the Doc's roles
    and references)."""
    references = ctx.references
    quotes = _Quotes(doc, ctx)
    found: list[_Found] = []
    for sent in ctx.sentences:
        for tok in sent:
            if quotes.inside(tok.i):
                continue
            item = (
                _according_to(tok)
                or _in_source(tok)
                or _hearsay(tok)
                or _made_clear(tok)
                or _verb_statement(tok)
                or _noun_statement(tok)
                or _adjective_statement(tok)
                or _noun_frame_statement(tok)
                or _colon_statement(tok, sent)
            )
            if item is not None:
                found.append(item)
    cues = [f.cue[0] for f in found]
    # cues with no complement of their own wait for a quote ("..., adding: ...")
    quotes.cues = cues
    quotes.hungry = [f.cue[0] for f in found if f.content[0] >= f.content[1]]
    for item in found:
        quoted = quotes.direct(item) if item.quote else None
        if quoted is not None:
            item.content = quoted
            item.kind = "direct" if item.kind == "indirect" else item.kind
        else:
            item.content = _own_words(doc, item, cues)
            if item.quote:
                item.content = quotes.continued(item)
            introduced = quotes.introduced(item)
            if introduced is not None:  # "X released the following statement:" "..."
                item.content, item.kind = introduced, "direct"
        item.content = quotes.balance(*_trim(doc, *item.content))
    found = [f for f in found if f.content[0] < f.content[1]]
    nested = _nested(found)
    kept: list[_Found] = []
    seen: set[tuple[int, int]] = set()
    for index, item in enumerate(found):
        if item.content in seen or (index in nested and item.kind != "direct" and not item.owned):
            continue
        seen.add(item.content)
        kept.append(item)
    kept = sorted(kept + _orphans(quotes, kept, ctx, references), key=lambda f: f.cue)
    facts = _Facts.of(ctx, ctx.roles, references)
    for item in kept:
        yield _record(doc, item, facts)


def _orphans(
    quotes: _Quotes, kept: list[_Found], ctx: DocContext, refs: References
) -> list[_Found]:
    """Quotes no cue claims that open a sentence: direct statements spoken by the person the
    sentence before is about, if any (the cue its verb), else by no one (the cue the opening
    mark)."""
    covered = sorted(f.content for f in kept)
    reach, merged = -1, []
    for s, e in covered:  # the covered tokens as disjoint runs
        if s > reach:
            merged.append([s, e])
        else:
            merged[-1][1] = max(merged[-1][1], e)
        reach = max(reach, e)
    starts = [m[0] for m in merged]
    out = []
    doc = quotes.doc
    for s, e in quotes.spans:
        at = bisect.bisect_right(starts, s) - 1
        if (at >= 0 and merged[at][1] > s) or (at + 1 < len(merged) and merged[at + 1][0] < e):
            continue
        sent = quotes.sents[quotes.sentence(s)]
        words = sum(1 for t in doc[s:e] if t.is_alpha)
        if words < _ORPHAN_WORDS or any(
            not (t.is_space or t.is_punct) for t in doc[sent.start : s]
        ):
            continue
        source = _previous_subject(quotes, sent, ctx, refs)
        # the verb whose subject speaks is the cue ("Roe touted her record. \"...\""),
        # else the opening mark
        cue = (source.head.i, source.head.i + 1) if source is not None else (s, s + 1)
        out.append(_Found(cue, (s, e), source, "direct"))
    return out


def _previous_subject(
    quotes: _Quotes, sent: Span, ctx: DocContext, refs: References
) -> Token | None:
    """The person or body the sentence before ``sent`` is about: its main subject."""
    index = quotes.sentence(sent.start)
    if index == 0:
        return None
    root = quotes.sents[index - 1].root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    m = ctx.mention_at(subject) or refs.resolve(subject)
    return subject if m is not None and m.type != "Location" else None


def _nested(found: list[_Found]) -> set[int]:
    """The statements whose cue lies in another's reported content ("officials said Trump
    wants to ..."): the words of the outer source, not the article's, found in one sweep."""
    spans = sorted(
        (f.content[0], f.content[1], i) for i, f in enumerate(found) if f.kind != "according_to"
    )
    order = sorted(range(len(found)), key=lambda i: found[i].cue[0])
    out: set[int] = set()
    best: list[tuple[int, int]] = []  # the two longest-reaching spans begun so far: (end, id)
    at = 0
    for i in order:
        cue = found[i].cue[0]
        while at < len(spans) and spans[at][0] <= cue:
            best = sorted([*best, (spans[at][1], spans[at][2])], reverse=True)[:2]
            at += 1
        if any(end > cue and owner != i for end, owner in best):
            out.add(i)
    return out


def _own_words(doc: Doc, item: _Found, cues: list[int]) -> tuple[int, int]:
    """Reported content without the clauses of other cues hung from it ("... said A, while
    others said B", "admires him and praised ...") and without a closing non-restrictive
    relative clause or apposition ("a win in Texas, which votes on March 1"), but for an
    "apposition" that is a list ("differ on Israel, the deal and the court")."""
    start, end = _trim(doc, *item.content)
    for c in cues[bisect.bisect_right(cues, start) : bisect.bisect_left(cues, end)]:
        verb = doc[c]
        if c != item.cue[0] and verb.left_edge.i > start and _another_voice(verb, doc[item.cue[0]]):
            end = min(end, verb.left_edge.i)
    if item.kind != "according_to":
        end = _before_second_source(doc, start, end)
    if end < len(doc) and end > start:
        last = doc[end - 1]
        for tok in (last, *last.ancestors):
            if tok.i < start or tok.i >= end:
                break
            before = tok.left_edge.i - 1
            if (
                _aside(tok)
                and before > start
                and (doc[before].text == "," or doc[before].text in _DASHES)
                and tok.right_edge.i + 1 >= end
                and not any(c.dep_ == "conj" for c in tok.children)
            ):
                end = before
                break
    return start, end


def _before_second_source(doc: Doc, start: int, end: int) -> int:
    """The end of a content before a closing ", according to X" (the writer's source for
    the statement, not its words: "announced a run, according to the paper")."""
    for i in range(end - 2, start, -1):
        if doc[i].lower_ == "according" and doc[i + 1].lower_ == "to":
            reach = max(doc[i].right_edge.i, doc[i + 1].right_edge.i)
            if doc[i - 1].text == "," and reach >= end - 1:
                return i - 1
            break
    return end


def _aside(tok: Token) -> bool:
    """Whether ``tok`` heads words that close a content as the writer's aside, set off by a
    comma or a dash: a non-restrictive relative clause or apposition, or a noun phrase that
    sums the clause up ("..., a swipe at his rivals", "... — a modest boost for him").  (A
    closing participle is as often the speaker's words as the writer's: it stays.)"""
    if tok.dep_ in ("relcl", "appos"):
        return True
    return (
        tok.dep_ in ("npadvmod", "dep")
        and tok.pos_ == "NOUN"
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)
    )


def _another_voice(verb: Token, cue: Token) -> bool:
    """Whether a cue hung from another's content speaks in a voice of its own: one with a
    subject named by a noun ("..., while most voters want ..."), or one that shares the
    speaker's subject: a participle ("..., adding that ...") or a verb of the cue's form
    ("said A and called B"); not a second that-clause, nor a cue whose subject is a pronoun
    of the content ("said she was glad and that she wanted to go on"), nor a belief joined to
    the content ("said the town is proud of its mix, and people there see it as a strength"),
    nor a progressive ("says he fears it and is seeking asylum")."""
    if verb.dep_ not in _EMBEDDED_CUE_DEPS:
        return False
    if verb.dep_ == "advcl" and not _contrasted(verb):
        return False  # "said the meeting was set before Trump called for a ban": one claim
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    if subject is not None:
        table = _verbs().get(_lemma(verb))
        if verb.dep_ == "conj" and table is not None and table.kind == "belief":
            return False  # "A, and people here see it as B": one claim
        return subject.pos_ not in ("PRON", "DET")
    participle = verb.tag_ == "VBG" and not any(c.dep_ == "aux" for c in verb.children)
    return participle or verb.tag_ == cue.tag_  # "is seeking" is no participle


def _contrasted(verb: Token) -> bool:
    """Whether a subordinate cue sets another voice against the content: "..., while others
    said ...", with a verb of saying (a belief so set is part of a finding: "found that 28
    percent backed Trump, while 23 percent favored Cruz")."""
    if not _is_cue_verb(verb):
        return False
    return verb.tag_ == "VBG" or any(
        c.dep_ == "mark" and c.lower_ in _CONTRASTS for c in verb.children
    )


# -- quotes -----------------------------------------------------------------------------


class _Quotes:
    """The direct quotes of a Doc: token spans from the opening to the closing mark."""

    def __init__(self, doc: Doc, ctx: DocContext) -> None:
        self.doc = doc
        self.spans = find_quotes(doc)
        self.starts = [s for s, _ in self.spans]
        self.within = bytearray(len(doc))
        for s, e in self.spans:
            self.within[s + 1 : e - 1] = b"\x01" * max(0, e - s - 2)
        self.sents = list(ctx.sentences)
        self.sent_starts = list(ctx.index.starts)
        self.cues: list[int] = []  # the cue tokens of the Doc, in order
        self.hungry: list[int] = []  # those with no complement, waiting for a quote

    def inside(self, i: int) -> bool:
        """Whether token ``i`` is quoted (between the marks)."""
        return bool(self.within[i])

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """The quotes that overlap tokens ``start:end``."""
        at = bisect.bisect_left(self.starts, end)
        out = []
        for s, e in reversed(self.spans[:at]):
            if e <= start:  # quotes do not overlap: the earlier ones end earlier still
                break
            out.append((s, e))
        return out[::-1]

    def sentence(self, i: int) -> int:
        return bisect.bisect_right(self.sent_starts, i) - 1

    def direct(self, item: _Found) -> tuple[int, int] | None:
        """The content of a direct quote: from the first to the last quote mark of the quotes
        the cue introduces, or None if the statement is reported speech."""
        start, end = _trim(self.doc, *item.content)
        near: list[tuple[int, int]] = []
        if start < end and self.inside_or_mark(start) and self.quoted_share(start, end) >= 0.5:
            near = self.overlapping(start, end)
        elif item.host and (
            start >= end or (self.inside_or_mark(start) and self.quoted_share(start, end) >= 0.5)
        ):
            near = self._adjacent(item)
        if not near:
            return None
        sent = self.sents[self.sentence(item.cue[0])]
        near = self._same_sentence(near, sent, item.cue[0])
        if self._has_cue(self.hungry, item.cue[0] + 1, sent.end):
            return near[0][0], near[-1][1]  # the next quote is the later cue's ("adding:")
        return near[0][0], self._forward(near[-1][1], self._frontier(sent))

    def balance(self, start: int, end: int) -> tuple[int, int]:
        """A content span with the quote mark its first or last quoted word needs
        ('said "it gets me mad" every time': the opening mark hangs from the verb), and
        with the rest of a quote it opens ('called her "a smart woman with a plan."': the
        parse hangs the end of the quote from the verb)."""
        for s, e in self.overlapping(start, end):
            if s == start - 1 and e <= end:
                start = s
            if e > end and s >= start:
                end = e
        return start, end

    def continued(self, item: _Found) -> tuple[int, int]:
        """Reported speech that ends in a quote before its cue ('... is "ten times the
        losses," he said.') with the quotes that go on after the cue's sentence."""
        start, end = _trim(self.doc, *item.content)
        if start >= end or end > item.cue[0] or self.doc[end - 1].text not in _QUOTES:
            return start, end
        sent = self.sents[self.sentence(item.cue[0])]
        return start, self._forward(end, self._frontier(sent))

    def _frontier(self, sent: Span) -> int:
        """Just after the last word of ``sent`` and of the fragments with no verb that the
        parser cut from it in the same paragraph ('..." said Army 1st' | 'Lt. Ann Roe.')."""
        doc = self.doc
        end = _last_word(sent) + 1
        opening = bisect.bisect_left(self.starts, end - 1)
        if opening < len(self.starts) and self.starts[opening] == end - 1:
            return end - 1  # the parse ended the sentence after the next quote's opening mark
        at = self.sentence(sent.start) + 1
        while at < len(self.sents):
            nxt = self.sents[at]
            gap = doc[end : nxt.start].text + doc[nxt.start : nxt.end].text
            if "\n" in gap.strip(" ") or self.inside_or_mark(nxt.start):
                break
            if any(t.pos_ in ("VERB", "AUX") for t in nxt):
                break
            end, at = _last_word(nxt) + 1, at + 1
        return end

    @staticmethod
    def _has_cue(cues: list[int], start: int, end: int) -> bool:
        """Whether a cue of the sorted list ``cues`` lies in tokens ``start:end``."""
        at = bisect.bisect_left(cues, start)
        return at < len(cues) and cues[at] < end

    def inside_or_mark(self, i: int) -> bool:
        """Whether token ``i`` is quoted or a quote mark."""
        return bool(self.within[i]) or self.doc[i].text in _QUOTES

    def quoted_share(self, start: int, end: int) -> float:
        inside = sum(min(e, end) - max(s, start) for s, e in self.overlapping(start, end))
        return inside / max(1, end - start)

    def _adjacent(self, item: _Found) -> list[tuple[int, int]]:
        """The quote right before the cue and its source ('"...," she said'), or right after
        them ('she said, "..."', 'he told reporters: "..."'), or after "X said:" at the end
        of a paragraph."""
        doc = self.doc
        left, right = item.cue
        if item.source is not None:
            left = min(left, _left_of(item.source))
            right = max(right, item.source.right_edge.i + 1)
        sent = self.sents[self.sentence(item.cue[0])]
        verb = doc[item.cue[0]]
        for s, e in self.overlapping(max(0, min(left, sent.start) - 4), sent.end):
            if e <= left and all(t.is_punct or t.is_space for t in doc[e:left]):
                return [(s, e)]
            if s >= right and all(_filler(t, verb) for t in doc[right:s]):
                return [(s, e)]
        return self._after_colon(sent)

    def _same_sentence(
        self, near: list[tuple[int, int]], sent: Span, own: int
    ) -> list[tuple[int, int]]:
        """``near`` with the quotes of the cue's sentence next to it, with no other cue
        between ('"...," he said, "..."' but not '"...," he said, adding: "..."')."""
        out = list(near)
        for s, e in self.overlapping(sent.start, sent.end):
            if (s, e) in out or self._phrase(s, e, own):
                continue
            lo, hi = (e, out[0][0]) if e <= out[0][0] else (out[-1][1], s)
            cues = self.cues
            between = cues[bisect.bisect_left(cues, lo) : bisect.bisect_left(cues, hi)]
            if all(c == own for c in between):
                out = sorted([*out, (s, e)])
        return out

    def _phrase(self, start: int, end: int, cue: int) -> bool:
        """Whether the quote ``start:end`` is a phrase of the sentence, not words said in it (a
        show, a title, a slogan: 'On "Good Morning America", he said, "..."'): it hangs from
        an unquoted word other than the cue."""
        doc = self.doc
        for tok in doc[start:end]:
            head = tok.head
            if not start <= head.i < end and not tok.is_punct:
                return head.i != cue and head.i != tok.i and not self.inside_or_mark(head.i)
        return False

    def introduced(self, item: _Found) -> tuple[int, int] | None:
        """The quote after a colon that ends the cue's sentence right after its content
        ("X issued the following statement:" or "Stated Roe:", then the quote)."""
        _start, end = _trim(self.doc, *item.content)
        sent = self.sents[self.sentence(item.cue[0])]
        last = _last_word(sent)
        if max(end, item.cue[1]) != last or self.doc[last].text != ":":
            return None
        near = self._after_colon(sent)
        return near[0] if near else None

    def _after_colon(self, sent: Span) -> list[tuple[int, int]]:
        """The quote that follows "X said:" at the end of a sentence or paragraph."""
        last = _last_word(sent)
        at = bisect.bisect_left(self.starts, last)
        if self.doc[last].text != ":" or at >= len(self.spans):
            return []
        s, e = self.spans[at]
        if any(not t.is_space for t in self.doc[last + 1 : s]):
            return []
        return [(s, e)]

    def _forward(self, end: int, frontier: int) -> int:
        """The end of the last quote that goes on from the quote ending at ``end``: one that
        opens right after the sentence that ends at ``frontier`` (in the same paragraph or
        the next), in sentences with no cue of their own."""
        doc = self.doc
        while True:
            at = bisect.bisect_left(self.starts, end)
            while (
                at < len(self.spans)
                and self.spans[at][1] <= frontier
                and self._phrase(*self.spans[at], -1)
            ):
                at += 1  # a title in the cue's sentence ('he said on "This Week."')
            if at >= len(self.spans):
                return end
            s, e = self.spans[at]
            if s < frontier or not _lead_in(doc[frontier:s]):
                return end  # a later quote of the same sentence, or words before it
            first = self.sents[self.sentence(max(s, frontier))]
            last = self.sents[self.sentence(e - 1)]
            # (the parse may end the cue's sentence after the next quote's opening mark: its
            # cues are not the next sentence's)
            if self._has_cue(self.cues, max(first.start, frontier), last.end) or self._has_cue(
                self.hungry, e, min(e + _NEAR, _paragraph_end(doc, e - 1) + 1)
            ):
                return end  # the quote is another cue's ('"...?" he added.')
            end, frontier = e, max(e, _last_word(last) + 1)


def _lead_in(words: Span) -> bool:
    """Whether the words between two quotes let the second go on from the first: none, or
    a short opening with no verb and no line break ('... ," he said. Instead, "...')."""
    text = [t for t in words if not t.is_space]
    return not text or (
        len(text) <= _LEAD_IN
        and "\n" not in words.text
        and text[-1].text == ","
        and not any(t.pos_ in ("VERB", "AUX") or t.text in _QUOTES for t in text)
    )


def _filler(tok: Token, verb: Token) -> bool:
    """Punctuation, "that" or the cue verb's own modifiers between a cue and its quote
    ('said that "...', 'told reporters on Monday: "...')."""
    if tok.is_punct or tok.is_space or tok.lower_ == "that":
        return True
    for _ in range(6):
        if tok.head is tok or tok.dep_ in _CLAUSE_DEPS:
            return False
        tok = tok.head
        if tok.i == verb.i:
            return True
    return False


def _last_word(sent: Span) -> int:
    """The index of a sentence's last token that is not whitespace."""
    i = sent.end - 1
    while i > sent.start and sent.doc[i].is_space:
        i -= 1
    return i


def _direction(doc: Doc, i: int) -> str:
    """ "open", "close" or "either" for the quote mark at token ``i``: a straight mark by
    the spacing around it, a curly one by its shape unless the spacing says otherwise
    (a closing “ typed for ”: 'we will win,“ he said')."""
    text = doc[i].text
    before = i == 0 or bool(doc[i - 1].whitespace_) or not doc[i - 1].text.strip()
    after = bool(doc[i].whitespace_) or i + 1 == len(doc) or doc[i + 1].is_punct
    by_space = "open" if before and not after else "close" if after and not before else "either"
    if text in _OPEN_QUOTES:
        return "close" if by_space == "close" else "open"
    if text in _CLOSE_QUOTES:
        return "open" if by_space == "open" else "close"
    return by_space


def _paragraphs(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the paragraphs of ``doc`` (a line break ends one)."""
    out: list[tuple[int, int]] = []
    start = 0
    for i, (word, space) in enumerate(zip(*doc_words(doc), strict=True)):
        if "\n" in word or "\n" in space:
            out.append((start, i + 1))
            start = i + 1
    if start < len(doc):
        out.append((start, len(doc)))
    return out


def find_quotes(doc: Doc) -> list[tuple[int, int]]:
    """The direct quotes of ``doc`` as token spans, from the opening mark to just after the
    closing one, paired paragraph by paragraph.

    Curly, straight and doubled (``''``) double quotes pair with each other (they are
    mixed up too often to tell apart); guillemets inside them (or they inside guillemets)
    open and close a quote within the quote, and only the outermost quotes are kept.  A
    quote left open at the end of a paragraph goes on when the next paragraph opens with
    a quote mark, else it ends with its paragraph; a closing mark with no opening one
    closes a quote that began with the paragraph (or after the last quote in it).

    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> words = ["“", "We", "won", ",", "”", "she", "said", "."]
    >>> doc = Doc(Vocab(), words=words, spaces=[0, 0, 0, 0, 1, 1, 0, 0])
    >>> find_quotes(doc)
    [(0, 5)]
    """
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []  # (family, index) of the open marks, outermost first
    last_end = 0
    texts = doc_words(doc)[0]
    for p_start, p_end in _paragraphs(doc):
        words = [i for i in range(p_start, p_end) if texts[i].strip()]
        if not words:
            continue
        marks = [i for i in words if texts[i] in _QUOTES]
        if stack:
            if marks and marks[0] == words[0] and _direction(doc, words[0]) != "close":
                stack, marks = stack[:1], marks[1:]  # the quote goes on in this paragraph
            else:
                spans.append((stack[0][1], last_end))
                stack = []
        for i in marks:
            way, family = _direction(doc, i), _FAMILIES[doc[i].text]
            if not stack:
                if way == "close":  # from the start of the paragraph or the last quote
                    spans.append((max(words[0], spans[-1][1] if spans else 0), i + 1))
                else:
                    stack.append((family, i))
            elif stack[-1][0] == family and way != "open":
                start = stack.pop()[1]
                if not stack:
                    spans.append((start, i + 1))
            elif stack[-1][0] == family:
                if len(stack) == 1:  # a quote never closed before the next one opens
                    spans.append((stack[0][1], i))
                    stack = [(family, i)]
            elif way != "close":
                stack.append((family, i))
        last_end = words[-1] + 1
    if stack:
        spans.append((stack[0][1], last_end))
    return spans


# -- cues -------------------------------------------------------------------------------


def _according_to(tok: Token) -> _Found | None:
    """ "According to X, ..." and "..., according to X": the rest of the sentence."""
    doc = tok.doc
    if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
        return None
    to = doc[tok.i + 1]
    source = next((c for c in to.children if c.dep_ in ("pobj", "pcomp")), None)
    pp_start, pp_end = tok.i, max(to.i, tok.right_edge.i, to.right_edge.i) + 1
    sent = tok.sent
    if pp_start <= sent.start + 1:
        content = (pp_end, sent.end)
    elif pp_end >= _last_word(sent):  # "..., according to X": from the last clause break
        breaks = [t.i + 1 for t in doc[sent.start : pp_start - 1] if t.text in _CLAUSE_BREAKS]
        content = (max([sent.start, *breaks]), pp_start)
    else:
        content = (sent.start, sent.end)
    return _Found((tok.i, to.i + 1), content, source, "according_to", quote=True)


def _hearsay(tok: Token) -> _Found | None:
    """ "X was reportedly on the plane", "the allegedly stolen files": an adverb of hearsay
    and the clause (or phrase) it qualifies, with no source."""
    if tok.lower_ not in _HEARSAY or tok.dep_ != "advmod":
        return None
    head = tok.head
    if head.pos_ not in ("VERB", "AUX", "ADJ"):
        return None
    if head.dep_ == "amod":  # "the allegedly stolen files": the noun phrase
        head = head.head
    sent = tok.sent
    start, end = max(sent.start, head.left_edge.i), min(sent.end, head.right_edge.i + 1)
    return _Found((tok.i, tok.i + 1), (start, end), None, "indirect")


def _in_source(tok: Token) -> _Found | None:
    """ "In a new poll, Clinton leads ...", "Under the law, the president must ...", "...
    leads in most surveys": the clause the phrase hangs from, whose source is the poll,
    the document or the law (not "said in a statement", whose cue is the verb)."""
    nouns = _IN_SOURCES.get(tok.lower_)
    if nouns is None or tok.dep_ != "prep":
        return None  # most words: no head to make
    doc, head = tok.doc, tok.head
    if head.pos_ not in ("VERB", "AUX"):
        return None
    source = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if source is None or source.lemma_.lower() not in nouns or _is_cue_verb(head):
        return None
    sent = tok.sent
    pp_end = tok.right_edge.i + 1
    if tok.i <= sent.start + 1 and doc[pp_end].text == ",":
        content = (pp_end, sent.end)
    elif pp_end >= _last_word(sent) and source.lemma_.lower() in _POLLS:
        while head.dep_ == "xcomp" and head.head is not head:  # "continues to lead in ..."
            head = head.head
        content = (max(sent.start, head.left_edge.i), tok.i)
    else:
        return None
    return _Found((tok.i, tok.i + 1), content, source, "according_to", quote=True)


def _is_cue_verb(tok: Token) -> bool:
    """Whether ``tok`` is a verb of saying (its phrases are its own: "said in a statement")."""
    verb = _verbs().get(_lemma(tok))
    return verb is not None and verb.kind == "speech"


def _lemma(tok: Token) -> str:
    """The lemma a verb is looked up by: mended ("hoped"), or that of its phrasal verb
    ("went on" is "continue")."""
    lemma = _LEMMA_FIXES.get(tok.lower_) or tok.lemma_.lower()
    for child in tok.children:
        if child.dep_ == "prt":
            return _PHRASAL.get((lemma, child.lower_), lemma)
    return lemma


def _verb_statement(tok: Token) -> _Found | None:
    """A reporting verb and the complement its frames allow."""
    if tok.pos_ != "VERB" or tok.dep_ in _MODIFIER_DEPS:
        return None
    verb = _verbs().get(_lemma(tok))
    if verb is None:
        return None
    source = _subject(tok)
    kind = "indirect" if verb.kind == "speech" else "belief"
    raised = _raised(tok, verb)
    if raised is not None:
        if "raising" in verb.frames and any(
            c.dep_ == "xcomp" and _verbs().get(c.lemma_.lower()) is not None for c in tok.children
        ):
            return None  # "he seemed to indicate that ...": the cue is "indicate", his
        # a raising verb has no agent: "seemed irritated by the question" is no source
        agent = None if "raising" in verb.frames else _agent(tok)
        return _Found((tok.i, tok.i + 1), raised, agent, kind)
    for frame in ("clause", "to", "obj"):
        if frame in verb.frames:
            content = _complement(tok, frame)
            if content is not None:
                host = frame == "clause" and not any(c.dep_ == "ccomp" for c in tok.children)
                return _Found((tok.i, tok.i + 1), content, source, kind, frame == "clause", host)
    if "if" in verb.frames:  # "asked the senator if (whether) he would run"
        for child in tok.rights:
            mark = next((m for m in child.children if m.dep_ == "mark"), None)
            if child.dep_ == "advcl" and mark is not None and mark.lower_ in ("if", "whether"):
                return _Found((tok.i, tok.i + 1), (mark.i, child.right_edge.i + 1), source, kind)
    for child in tok.children:
        medium = child.dep_ == "prep" and child.lower_ in _MEDIUM_PREPS
        noun = next((c for c in child.children if c.dep_ == "pobj"), None) if medium else None
        clause = _that_clause(noun) if noun is not None and noun.lemma_ in _NOUNS else None
        if clause is not None:  # "said in a statement that ..."
            span = (clause.left_edge.i, clause.right_edge.i + 1)
            return _Found((tok.i, tok.i + 1), span, source, kind)
    for child in tok.children:
        if child.dep_ == "prep" and f"prep:{child.lower_}" in verb.frames:
            objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objs:
                end = objs[-1].right_edge.i
                for later in tok.rights:  # "called for her to resign": the infinitive too
                    if later.i > end and _infinitive(later):
                        end = later.right_edge.i
                    elif later.dep_ == "prep" and later.left_edge.i == end + 1:
                        end = later.right_edge.i  # "called for a halt in response to ..."
                span = (objs[0].left_edge.i, end + 1)
                return _Found((tok.i, child.i + 1), span, source, kind)
        mark = next((m for m in child.children if m.dep_ == "mark"), None)
        if child.dep_ == "advcl" and mark is not None and f"prep:{mark.lower_}" in verb.frames:
            # "called for the justice to resign": a for-to clause
            return _Found((tok.i, tok.i + 1), (mark.i + 1, child.right_edge.i + 1), source, kind)
    if "quote" in verb.frames:
        return _Found((tok.i, tok.i + 1), (tok.i, tok.i), source, kind, quote=True, host=True)
    return None


def _made_clear(tok: Token) -> _Found | None:
    """ "X made (it) clear that ...": the light verb, its adjective and the clause."""
    if tok.lemma_ != "make" or tok.pos_ != "VERB":
        return None
    adj = next((c for c in tok.children if c.lower_ in ("clear", "plain")), None)
    if adj is None:
        return None
    clause = next(
        (c for c in (*tok.rights, *adj.rights) if c.dep_ in ("ccomp", "advcl") and c.i > adj.i),
        None,
    )
    if clause is None:
        return None
    span = (clause.left_edge.i, clause.right_edge.i + 1)
    return _Found((tok.i, adj.i + 1), span, _subject(tok), "indirect")


def _infinitive(tok: Token) -> bool:
    """Whether ``tok`` heads an infinitive with no subject of its own ("to release ...")."""
    return (
        tok.dep_ in ("xcomp", "advcl")
        and tok.pos_ in ("VERB", "AUX")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        and not any(c.dep_ in _SUBJECTS for c in tok.children)
    )


def _raised(tok: Token, verb: _Verb) -> tuple[int, int] | None:
    """ "The plan seems to work", "Trump is expected to win": the subject and what it is
    said, thought or expected to do, with no source but the agent of a passive."""
    passive = any(c.dep_ == "nsubjpass" for c in tok.children)
    if "raising" not in verb.frames and not passive:
        return None
    subject = next((c for c in tok.children if c.dep_ in _SUBJECTS), None)
    if subject is None and tok.dep_ == "conj" and "raising" in verb.frames:
        # "Roe led the race and appeared poised to win": the subject the conjuncts share
        subject = next((c for c in tok.head.children if c.dep_ in _SUBJECTS), None)
    if subject is not None and subject.lower_ == "it" and "raising" in verb.frames:
        clause = next((c for c in tok.rights if c.dep_ in ("ccomp", "advcl")), None)
        marks = [m.lower_ for m in clause.children if m.dep_ == "mark"] if clause else []
        if clause is not None and (
            any(m in ("that", "like") for m in marks) or (clause.dep_ == "ccomp" and not marks)
        ):
            return clause.left_edge.i, clause.right_edge.i + 1  # "it seems (that) ..."
    comp = next(
        (
            c
            for c in tok.children
            if c.dep_ in _RAISED_COMPS or (c.dep_ == "prep" and c.lower_ == "like" and c.n_rights)
        ),
        None,
    )  # "seems to work", "seemed irritated", "seems like a fair idea"
    if subject is None or comp is None or subject.lower_ in ("it", "there"):
        return None
    return min(subject.left_edge.i, comp.left_edge.i), max(
        subject.right_edge.i, comp.right_edge.i
    ) + 1


def _agent(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _complement(tok: Token, frame: str) -> tuple[int, int] | None:
    """The token span of the content a reporting verb's complement of ``frame`` carries."""
    if frame == "clause":
        comps = _one_side(
            tok, [c for c in tok.children if c.dep_ == "ccomp" and not _beyond_break(c, tok)]
        )
        if comps:
            start = comps[0].left_edge.i
            if not any(c.dep_ in _SUBJECTS for c in comps[0].children):
                # "said life for the next generation would be worse": the subject parsed as
                # the verb's object
                start = min(
                    [start]
                    + [
                        c.left_edge.i
                        for c in tok.children
                        if c.dep_ == "dobj" and tok.i < c.i < comps[0].i
                    ]
                )
            end = comps[-1].right_edge.i + 1
            if comps[-1].i < tok.i and _resumes(tok):  # "A, she said, because B"
                end = max(end, tok.right_edge.i + 1)
            return start, end
        return _host_clause(tok)
    if frame == "to":
        xcomp = next(
            (c for c in tok.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None
        )
        if xcomp is None:
            return None
        obj = next(
            (
                c
                for c in tok.children
                if tok.i < c.i < xcomp.i
                and (c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in _ADDRESSEE_PREPS))
            ),
            None,
        )
        first = obj if obj is None or obj.dep_ == "dobj" else next(obj.children, obj)
        return (first or xcomp).left_edge.i, xcomp.right_edge.i + 1
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is None:  # "called the report nonsense" parsed with no object but the predicate
        obj = next((c for c in tok.children if c.dep_ == "oprd"), None)
    if obj is None:
        return None
    end = obj.right_edge.i
    for child in tok.rights:
        if child.i < obj.i:
            continue
        if child.dep_ in _OBJECT_TAILS or (child.dep_ == "prep" and child.lower_ in _OBJECT_PREPS):
            end = child.right_edge.i
        elif child.dep_ in ("prep", "npadvmod") and child.left_edge.i == end + 1:
            end = child.right_edge.i  # "listed the qualities needed in a nominee in 2016"
    return obj.left_edge.i, end + 1


def _one_side(verb: Token, comps: list[Token]) -> list[Token]:
    """The clauses of a verb of saying on one side of it, when the parse gives it some on
    both: a quote that ends just before the verb's own words is what they report ('"...,"
    Roe said, mentioning ...'); else the clause after the verb is ("Sitting down with
    reporters, during which she touched on A, Roe remarked that ...": "touched" is no
    content)."""
    before = [c for c in comps if c.i < verb.i]
    after = [c for c in comps if c.i > verb.i]
    if not before or not after:
        return comps
    between = verb.doc[before[-1].right_edge.i : verb.i]
    return before if any(t.text in _QUOTES for t in between) else after


def _beyond_break(comp: Token, verb: Token) -> bool:
    """Whether a clause before a verb is cut from it by a semicolon ("He calls for A; she
    calls for B"): a clause of its own, not the verb's content."""
    if comp.i > verb.i:
        return False
    return any(t.text == ";" for t in verb.doc[comp.right_edge.i + 1 : verb.i])


def _host_clause(tok: Token) -> tuple[int, int] | None:
    """The reported clause of "..., she said" (or "..., said the minister") when the parse
    hangs the verb from that clause or leaves it on its own: that clause, without the
    verb's own words."""
    doc = tok.doc
    subject = next((c for c in tok.children if c.dep_ in _SUBJECTS), None)
    if subject is None:
        return None
    # the verb's own words start with its subject ("he said") or itself ("said the ...")
    first = min(subject.left_edge.i, tok.i)
    while first < tok.i and (doc[first].is_punct or doc[first].is_space):
        first += 1
    if first == 0 or not (doc[first - 1].is_punct or doc[first - 1].is_space):
        return None  # "Trump said he was joking": an embedded clause, not a comment on one
    head = tok.head
    hangs = tok.dep_ == "parataxis" or (tok.dep_ == "ccomp" and head.i < tok.i)
    if not hangs and tok.dep_ == "conj" and subject.i > tok.i:
        hangs = True  # "..., but it is under pressure, said the chief executive"
    if hangs and head is not tok:
        start, end = head.left_edge.i, head.right_edge.i + 1
        if _resumes(tok):
            return start, end  # "A, the paper said, including B": one content round the cue
        if tok.right_edge.i + 1 >= end or _quote_then_participle(doc, first, tok.right_edge.i):
            end = first
        return start, end
    fronted = [c for c in tok.lefts if c.dep_ in _FRONTED and c.i < subject.i]
    if fronted:  # "Sorry, Sanders said." with the reported words hung from the verb
        return fronted[0].left_edge.i, fronted[-1].right_edge.i + 1
    return None


def _resumes(tok: Token) -> bool:
    """Whether the content before a verb of saying goes on after it ("A, Roe said, by B",
    "A, officials insist, because B", "A, the paper said, including B"): the verb and its
    subject set off by commas, then a preposition or a subordinate clause of the verb that is
    neither a cue of its own ("..., adding that ...") nor another voice ("..., while ...")."""
    doc = tok.doc
    subject = next((c for c in tok.children if c.dep_ in _SUBJECTS), None)
    if subject is None:
        return False
    own_end = max(tok.i, subject.right_edge.i) + 1
    if own_end + 1 >= len(doc) or doc[own_end].text != ",":
        return False
    nxt = next((c for c in tok.rights if c.i > own_end), None)
    if nxt is None or nxt.left_edge.i != own_end + 1:
        return False
    if nxt.dep_ == "prep":
        return True
    mark = next((m for m in nxt.children if m.dep_ == "mark"), None)
    return (
        nxt.dep_ == "advcl"
        and mark is not None
        and mark.lower_ not in _CONTRASTS
        and not _is_cue_verb(nxt)
    )


def _quote_then_participle(doc: Doc, first: int, last: int) -> bool:
    """Whether the cue's words ``first..last`` follow a quote and precede a participle of
    the speaker's ('"Too much hate," she said, blaming ...'): the quote is the content.
    (Words on both sides of a cue are otherwise one content: "A, she said, would B".)"""
    before = first - 1
    while before >= 0 and (doc[before].is_space or doc[before].text in _EDGE_PUNCT):
        before -= 1
    after = last + 1
    while after < len(doc) and (doc[after].is_space or doc[after].text in _EDGE_PUNCT):
        after += 1
    quoted = before >= 0 and doc[before].text in _QUOTES
    return quoted and after < len(doc) and doc[after].tag_ == "VBG"


def _subject(tok: Token) -> Token | None:
    """The source of a cue verb: its subject, the agent of a passive, or the subject of the
    verb a participle or conjunct shares ("..., adding that ...", "and added ...", "won
    by promising ...", "was booed after telling ...", "came to Iowa to criticize ...")."""
    participle = False  # the subject of a passive did what a participle of it says
    for _ in range(4):
        subjects = [
            c
            for c in tok.children
            if c.dep_ in ("nsubj", "csubj") or (participle and c.dep_ == "nsubjpass")
        ]
        if subjects:  # two: words of a quote or a dateline parsed as one ('"... amendment,"
            # said Roe', "BOSTON, May 2 — Roe told"): the one after the verb, else the nearest
            return next((c for c in subjects if c.i > tok.i), subjects[-1])
        agent = _agent(tok)
        if agent is not None:
            return agent
        if any(c.dep_ == "nsubjpass" for c in tok.children):
            return None
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN"):
            return tok.head  # "super PACs backing Cruz", "a pastor supporting him"
        if tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.dep_ == "prep":
            participle, tok = True, tok.head.head  # "by promising ...": the verb of "by"
            continue
        if tok.dep_ not in _SHARED_SUBJECT_DEPS or tok.head is tok:
            return None
        if tok.dep_ == "advcl" and tok.tag_ != "VBG" and not _infinitive(tok):
            return None
        participle = tok.dep_ == "advcl"
        tok = tok.head
    return None


def _noun_statement(tok: Token) -> _Found | None:
    """A reporting noun with its that-clause: "X's claim that ...", "the assessment that"
    (not the noun of "said in a statement that ...", whose clause is the verb's)."""
    kind = _NOUNS.get(tok.lemma_.lower())
    if kind is None or tok.pos_ != "NOUN" or _verb_of_noun(tok) is not None:
        return None
    clause = _that_clause(tok)
    if clause is None:
        return None
    source = next((c for c in tok.children if c.dep_ == "poss"), None)
    if source is None:
        source = next(
            (
                p
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ in ("by", "from")
                for p in c.children
                if p.dep_ == "pobj"
            ),
            None,
        )
    span = (clause.left_edge.i, clause.right_edge.i + 1)
    return _Found((tok.i, tok.i + 1), span, source, kind, owned=source is not None)


def _noun_frame_statement(tok: Token) -> _Found | None:
    """A reporting noun with an infinitive or a prepositional object: "X's decision to
    ...", "her refusal to ...", "Trump's call for a ban", "criticism of the plan", "his
    views on trade"; the source is the owner or the agent ("the decision by X")."""
    frames = _NOUN_FRAMES.get(tok.lemma_.lower())
    if frames is None or tok.pos_ != "NOUN" or _verb_of_noun(tok) is not None:
        return None
    source = next((c for c in tok.children if c.dep_ == "poss"), None)
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "by" and source is None:
            source = next((c for c in child.children if c.dep_ == "pobj"), None)
    kind = "belief" if "belief" in frames else "indirect"
    for child in tok.rights:
        if "to" in frames and child.dep_ in ("acl", "relcl") and _infinitive_of(child):
            span = (child.left_edge.i, child.right_edge.i + 1)
            return _Found((tok.i, tok.i + 1), span, source, kind)
        if child.dep_ == "prep" and f"prep:{child.lower_}" in frames:
            objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objs:
                span = (objs[0].left_edge.i, objs[-1].right_edge.i + 1)
                return _Found((tok.i, child.i + 1), span, source, kind)
    return None


def _infinitive_of(tok: Token) -> bool:
    """Whether ``tok`` heads an infinitive ("to release ...")."""
    return tok.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children
    )


def _that_clause(noun: Token) -> Token | None:
    """The head of the that-clause a noun takes ("the claim that ...", "the claim is that")."""
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp", "appos", "relcl") and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in child.children
        ):
            return child
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
        return next(
            (c for c in noun.head.children if c.dep_ in ("ccomp", "attr") and c.i > noun.i), None
        )
    return None


def _verb_of_noun(noun: Token) -> Token | None:
    """The reporting verb of "said in a statement that ...", for its noun."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in _MEDIUM_PREPS:
        return None
    verb = prep.head
    known = _verbs().get(verb.lemma_.lower())
    return verb if known is not None and known.kind == "speech" else None


def _adjective_statement(tok: Token) -> _Found | None:
    """A stance adjective after "be": "X is confident that ...", "X was critical of Y"."""
    frames = _ADJECTIVES.get(tok.lower_)
    if frames is None or tok.dep_ != "acomp":
        return None
    source = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    if source is None:
        return None
    for child in tok.children:
        frame = f"prep:{child.lower_}" if child.dep_ == "prep" else _FRAME_OF_DEP.get(child.dep_)
        if frame in frames:
            objs = (
                [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
                if child.dep_ == "prep"
                else [child]
            )
            if objs:
                span = (objs[0].left_edge.i, objs[-1].right_edge.i + 1)
                return _Found((tok.i, tok.i + 1), span, source, "belief")
    return None


def _colon_statement(tok: Token, sent: Span) -> _Found | None:
    """ "Trump: 'We will win'" and interview turns ("BLITZER: ..."): a short name that opens
    a paragraph, a colon, and the rest of the paragraph if it is a clause or a quote."""
    if tok.text != ":" or tok.i == sent.start or tok.i - sent.start > 5:
        return None
    doc = tok.doc
    first = sent.start
    while first < tok.i and doc[first].is_space:
        first += 1
    if first > 0 and "\n" not in doc[first - 1].text_with_ws:
        return None  # not the start of a paragraph
    prefix = doc[first : tok.i]
    if (
        not prefix
        or any(t.pos_ in ("VERB", "AUX", "NUM") or t.like_num for t in prefix)
        or not prefix[0].text[:1].isupper()
        or prefix.text.lower() in _NOT_SOURCES
        or prefix[-1].lower_ in _NOT_SOURCES
    ):
        return None
    # the turn is the rest of the paragraph, however the parser cuts its sentences (it often
    # ends one at the colon: "TAPPER:" | "And obviously, ...")
    end = _paragraph_end(doc, tok.i)
    words = doc[tok.i + 1 : end]
    headline = not doc[:first].text.strip()  # 'Lynch: No Outside Influence on Probe'
    if (
        not (headline and any(t.is_alpha for t in words))
        and not any(t.pos_ in ("VERB", "AUX") for t in words)
        and not (words and words[0].text in _QUOTES)
    ):
        return None  # a list or a score ("Sanders: 1,547"), not a statement
    return _Found((tok.i, tok.i + 1), (tok.i + 1, end), prefix.root, "indirect", quote=True)


def _paragraph_end(doc: Doc, i: int) -> int:
    """The end of the words of the paragraph of token ``i`` (a title is one paragraph,
    however the parser cuts its sentences)."""
    end = i + 1
    while end < len(doc) and "\n" not in doc[end].text and "\n" not in doc[end - 1].whitespace_:
        end += 1
    while end > i + 1 and (doc[end - 1].is_space or doc[end - 1].text in _EDGE_PUNCT):
        end -= 1
    return end


# -- records ----------------------------------------------------------------------------


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Cut whitespace and punctuation (not quote marks) from the edges of a span."""
    while start < end and (doc[start].is_space or doc[start].text in _EDGE_PUNCT):
        start += 1
    while end > start and (
        doc[end - 1].is_space or doc[end - 1].text in _EDGE_PUNCT or doc[end - 1].dep_ == "cc"
    ):
        end -= 1
    return start, end


def _chars(doc: Doc, ctx: DocContext, start: int, end: int) -> tuple[int, int]:
    last = doc[end - 1]
    return ctx.offset + doc[start].idx, ctx.offset + last.idx + len(last.text)


def _past_dateline(tok: Token) -> Token:
    """The source after a dateline the parse took for the subject ("CLEVELAND, July 19
    (UPI) — Former Attorney General Ann Roe told ..."): the name in apposition after the
    dash."""
    if not tok.text.isupper() or len(tok.text) < 2:
        return tok
    dash = next((c.i for c in tok.children if c.dep_ == "punct" and c.text in _DASHES), None)
    if dash is None:
        return tok
    return next((c for c in tok.rights if c.dep_ == "appos" and c.i > dash), tok)


def _left_of(tok: Token) -> int:
    """Where the words of a source begin: its left edge, but not across a punctuation mark
    (the parse may hang the quote before a source on it: '"That's it," Roe told ...')."""
    first = tok.i
    while first > tok.left_edge.i and not tok.doc[first - 1].is_punct:
        first -= 1
    return first


def _source_span(tok: Token) -> tuple[int, int]:
    """The source's noun phrase, without the relative clause or the clause after it, nor
    the possessive ending of an owner ("Washington's claim"), but with the conjuncts of
    its head ("contender and former surgeon Ann Roe") and the name in apposition to a
    description ("one pastor, Ann Roe,")."""
    end = tok.i
    rights = list(tok.rights)
    for at, child in enumerate(rights):
        if child.dep_ == "cc" and any(c.dep_ == "conj" for c in rights[at + 1 :]):
            continue
        if child.dep_ in ("relcl", "acl", "punct", "cc", "advcl", "case"):
            break
        end = child.right_edge.i
    if tok.pos_ == "NOUN":
        for child in rights:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                end = max(end, child.right_edge.i)
    return _trim(tok.doc, _left_of(tok), end + 1)


def _record(doc: Doc, item: _Found, facts: _Facts) -> StatementRecord:
    ctx = facts.ctx
    source = None
    speaker: RawMention | None = None
    behalf: RawMention | None = None
    anonymous = False
    if item.source is not None:
        source_tok = _past_dateline(item.source)
        s_start, s_end = _source_span(source_tok)
        if s_start < s_end:
            source = _chars(doc, ctx, s_start, s_end)
        speaker, behalf, anonymous = _speaker(source_tok, facts)
        person = speaker if speaker is not None and speaker.type == "Person" else None
        facts.last = (ctx.index.sentence_index(source_tok.i), person)
    content = _chars(doc, ctx, *item.content)
    return StatementRecord(
        speaker=ctx.ref(speaker) if speaker is not None else None,
        on_behalf_of=ctx.ref(behalf) if behalf is not None else None,
        anonymous=anonymous,
        cue=_chars(doc, ctx, *item.cue),
        content=content,
        source=source,
        kind=item.kind,
        about=facts.about(*content),
        evidence=ctx.evidence(doc[item.cue[0] : item.cue[1]]),
        text=ctx.index.text[content[0] - ctx.offset : content[1] - ctx.offset],
    )


# -- speakers ---------------------------------------------------------------------------


def _speaker(tok: Token, facts: _Facts) -> tuple[RawMention | None, RawMention | None, bool]:
    """The entity a source stands for, on whose behalf it speaks, and whether it is an
    unnamed member of that entity."""
    ctx = facts.ctx
    m = ctx.mention_at(tok) or facts.refs.resolve(tok)
    if m is None and tok.lower_ in _PERSON_PRONOUNS:
        m = _speaker_before(tok, facts)
    if m is None and tok.lower_ in _DESCRIPTIONS:
        m = _described(tok, facts)
    if m is None and tok.lower_ == "they":
        tok = _plural_antecedent(tok, ctx) or tok
    if m is None:
        for child in tok.children:
            if child.dep_ == "appos":
                named = ctx.mention_at(child)
                if named is not None and named.type == "Person":
                    return named, _behalf(named, child, facts), False
    if m is not None:
        if m.demonym and tok.dep_ in ("amod", "compound"):
            return m, None, True
        return m, _behalf(m, tok, facts) if m.type == "Person" else None, False
    member = tok.lemma_.lower() in _MEMBER_NOUNS
    body = _body_of(tok, ctx)
    if not member or body is None:  # "a former British spy", but not "a WBUR poll"
        return None, None, _one_unnamed(tok, member or (body is not None and _is_country(body)))
    spokes = tok.lemma_.lower() in _SPOKES_NOUNS
    if not spokes and _one_unnamed(tok, True) and _is_country(body):
        return None, None, True  # "a senior Russian official" is a person, not Russia
    return body, body if spokes else None, True


def _speaker_before(tok: Token, facts: _Facts) -> RawMention | None:
    """The person a "he" or "she" that coreference left open speaks as: the speaker of the
    statement just before, a few sentences back at most, if it is a person of that gender
    ('Roe said the plan had failed. / "...," she added.'); none if that statement's source
    was nobody named ("one questioner said ... / '...,' he said")."""
    if facts.last is None:
        return None
    sent, person = facts.last
    if person is None or facts.ctx.index.sentence_index(tok.i) - sent > _SPEAKER_REACH:
        return None
    gender = _gender(person, tok.doc)
    return person if gender is None or gender == _PERSON_PRONOUNS[tok.lower_] else None


def _described(tok: Token, facts: _Facts) -> RawMention | None:
    """The person "the (Republican) nominee" or "the senator" describes: the nearest person
    who is the subject of a sentence at most a few back, named more than once, of that
    title for an office ("Sen. Ann Roe", "Roe, a senator"); none if the description is new
    ("a senator")."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    ctx = facts.ctx
    doc = tok.doc
    first = ctx.sentences[max(0, ctx.index.sentence_index(tok.i) - _SPEAKER_REACH)].start
    office = _DESCRIPTIONS[tok.lower_] == "office"
    # "the New Jersey governor" is no governor of Florida: the places it names are his
    places = {
        w.lower_
        for c in tok.lefts
        if c.dep_ in ("compound", "amod", "nmod")
        for w in c.subtree
        if w.ent_type_ == "GPE" and w.is_alpha
    }
    party = {_PARTIES[c.lower_] for c in tok.lefts if c.lower_ in _PARTIES}
    at = bisect.bisect_left(facts.starts, ctx.offset + doc[first].idx)
    fitting = []
    for m in facts.mentions[at:]:
        if m.tok_end > tok.left_edge.i or m.type != "Person":
            continue
        titles = _titles_of(m, facts)
        known = {_PARTIES[w] for w in titles if w in _PARTIES}
        if party and known and not party & known:
            continue  # "the Democratic nominee" is no Republican
        if (not office or tok.lower_ in titles) and places <= titles:
            fitting.append(m)
    # the figure of the story among them: the one named most often (the nearest of equals)
    best = max(fitting, key=lambda m: (_times_named(m, facts), m.start), default=None)
    return best if best is not None and _times_named(best, facts) > 1 else None


def _times_named(person: RawMention, facts: _Facts) -> int:
    """How often a person is named in the Doc, in full or by surname alone (if no other
    person has that surname): a description stands for a figure of the story, not for an
    expert quoted once ("the candidate" is not her)."""
    surname = person.text.split()[-1]
    full = {m.text for m in facts.mentions if m.type == "Person" and m.text.endswith(surname)}
    names = {person.text, surname} if full <= {person.text, surname} else {person.text}
    return sum(1 for m in facts.mentions if m.text in names)


def _titles_of(person: RawMention, facts: _Facts) -> set[str]:
    """The title and role words known for a person ("Sen. Ann Roe": senator), with the
    words of the body or place of a role ("Ohio Gov. Ann Roe": ohio)."""
    words = person.title.lower().split()
    for role in facts.ctx.roles:
        if role.person.text == person.text:
            words += role.role.lower().split()
            words += role.org.text.lower().split() if role.org is not None else []
    return {_TITLE_WORDS.get(w, w) for w in words}


def _gender(person: RawMention, doc: Doc) -> str | None:
    """The gender a person's given name ("Ann Roe") or honorific ("Ms. Roe") tells."""
    words = person.text.split()
    if len(words) > 1 and words[0].lower() in given_name_genders():
        return given_name_genders()[words[0].lower()]
    if person.tok_start > 0:
        return _HONORIFICS.get(doc[person.tok_start - 1].lower_)
    return None


def _one_unnamed(tok: Token, person: bool) -> bool:
    """Whether a source is one unnamed person: a singular noun after "a", "an" or "one"
    ("a senior official", "a former British spy"), one that names a member or a country."""
    return (
        person
        and tok.tag_ == "NN"
        and any(c.dep_ in ("det", "nummod") and c.lower_ in _ONE for c in tok.children)
    )


def _is_country(m: RawMention) -> bool:
    return m.demonym or (m.gid or "").startswith("country:")


def _plural_antecedent(tok: Token, ctx: DocContext) -> Token | None:
    """The unnamed group "they" is ("Russian officials met the envoy. They said ..."): the
    last plural subject for members of a body in this sentence or the one before."""
    doc = tok.doc
    at = ctx.index.sentence_index(tok.i)
    start = ctx.sentences[max(0, at - 1)].start
    for i in range(tok.i - 1, start - 1, -1):
        word = doc[i]
        if word.dep_ in ("nsubj", "nsubjpass") and word.tag_ in ("NNS", "NNPS"):
            return word if word.lemma_.lower() in _MEMBER_NOUNS else None
    return None


def _body_of(tok: Token, ctx: DocContext) -> RawMention | None:
    """The body or country an unnamed member belongs to: "U.S. officials", "a Taliban
    spokesman", "a spokesman for the Kremlin", "officials at the Pentagon"."""
    for child in tok.children:
        if child.dep_ in ("compound", "amod", "nmod", "poss"):
            m = ctx.mention_at(child)
            if m is not None and m.type != "Person":
                return m
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in _BODY_PREPS:
            for pobj in child.children:
                m = ctx.mention_at(pobj)
                if pobj.dep_ == "pobj" and m is not None and m.type != "Person":
                    return m
    return None


def _behalf(person: RawMention, head: Token, facts: _Facts) -> RawMention | None:
    """Whom a named spokesman speaks for: the body of a spokesman role ("Kremlin spokesman
    Dmitry Peskov", "Peskov, a spokesman for the Kremlin"), or the person a title names
    ("Putin spokesman Dmitry Peskov")."""
    if person.start in facts.spokes:
        return facts.spokes[person.start]
    ctx = facts.ctx
    doc = head.doc
    for i in range(person.tok_start - 1, max(-1, person.tok_start - 6), -1):
        word = doc[i]
        if word.lemma_.lower() in _SPOKES_NOUNS:
            return _body_of(word, ctx) or _mention_before(word, ctx)
        if word.dep_ not in ("compound", "amod", "det", "poss", "case", "punct", "nmod"):
            break
    for child in head.children:
        if child.dep_ == "appos" and child.lemma_.lower() in _SPOKES_NOUNS:
            return _body_of(child, ctx)
    return None


def _mention_before(tok: Token, ctx: DocContext) -> RawMention | None:
    """The mention just before a title noun ("Putin spokesman")."""
    if tok.i == 0:
        return None
    return ctx.mention_at(tok.doc[tok.i - 1])
